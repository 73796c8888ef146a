#!/usr/bin/env python3
"""The committed JSON Schema against two validators people use: Debian's python3-jsonschema
(Draft 2020-12) and ajv (draft 2020, installed by scripts/install-deps into build/tools).

    check_schema.py AIJRI NODE_MODULES [--node NODE]

Every valid assessment must be accepted by both, and every invalid one whose fault a JSON
Schema can express refused by both. The valid ones: tests/schema/valid (two-decimal shares
such as 9.38, 22.35 and 0.07 among them), the repository's assessments, the fuzz corpus's
valid files, the documents of tests/data imported, and a corpus made by bench/make_corpus.py
(a seventh of its files have shares in hundredths). The refused ones: tests/schema/invalid,
one fault a file. tests/schema/beyond holds faults that only `aijri validate` finds (the
schema's description names them, and says so): no validator is asked about those.
`aijri validate` is asked about every file, so that no fixture is in the wrong folder.

Exit status 0: all as expected; 1: a validator disagrees (each disagreement is printed);
77 (CTest's skip): a validator cannot be had here, with the reason.
"""
import argparse
import glob
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CORPUS_FILES = 343


def skip(reason):
    print(f"check_schema: skipped: {reason}")
    sys.exit(SKIP)


def load(path):
    # A byte order mark is an encoding matter that editors deal with, not the schema's.
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def aijri_valid(aijri, *paths):
    """Whether `aijri validate` finds every one of `paths` valid."""
    return subprocess.run([aijri, "validate", "-q", *paths], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def valid_files(aijri, work):
    """Every valid assessment the test knows of, each checked with aijri."""
    files = sorted(glob.glob(os.path.join(HERE, "valid", "*.json")))
    files += sorted(glob.glob(os.path.join(TOP, "assessments", "**", "*.json"), recursive=True))
    files += [f for f in sorted(glob.glob(os.path.join(TOP, "fuzz", "corpus", "fuzz_assessment",
                                                       "*")))
              if aijri_valid(aijri, f)]
    for document in sorted(glob.glob(os.path.join(TOP, "tests", "data", "*.md"))):
        out = os.path.join(work, os.path.basename(document)[:-3] + ".json")
        subprocess.run([aijri, "import", "-q", "--schema", "../schema/assessment.schema.json",
                        "-o", out, document], check=True)
        files.append(out)
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(TOP, "bench", "make_corpus.py"),
                    str(CORPUS_FILES), corpus], check=True, stdout=subprocess.DEVNULL)
    files += sorted(glob.glob(os.path.join(corpus, "**", "*.json"), recursive=True))
    return files


def hundredths(files):
    """The time shares of `files` that "multipleOf": 0.01 refuses in binary floating point
    (as python-jsonschema and ajv evaluate it): what the test must cover."""
    found = []
    for path in files:
        for task in load(path).get("tasks", []):
            share = task.get("time_pct")
            if isinstance(share, float) and share / 0.01 != int(share / 0.01):
                found.append(share)
    return found


def python_errors(validator, path):
    try:
        data = load(path)
    except ValueError as error:
        return [f"not JSON: {error}"]
    return [f"/{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
            for e in validator.iter_errors(data)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("aijri")
    parser.add_argument("node_modules")
    parser.add_argument("--node", default=shutil.which("node") or "node")
    args = parser.parse_args()

    try:
        import jsonschema
    except ImportError:
        skip(f"{sys.executable} has no jsonschema module (scripts/install-deps installs "
             "Debian's python3-jsonschema)")
    if not shutil.which(args.node):
        skip("no node to run ajv with (scripts/install-deps installs nodejs and npm)")
    ajv_package = os.path.join(args.node_modules, "ajv", "package.json")
    if not os.path.exists(ajv_package):
        skip(f"ajv is not installed in {args.node_modules} (scripts/install-deps installs it "
             "from npm)")

    schema_path = os.path.join(TOP, "schema", "assessment.schema.json")
    schema = load(schema_path)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    problems = []
    with tempfile.TemporaryDirectory() as work:
        valid = valid_files(args.aijri, work)
        invalid = sorted(glob.glob(os.path.join(HERE, "invalid", "*.json")))
        beyond = sorted(glob.glob(os.path.join(HERE, "beyond", "*.json")))
        if not aijri_valid(args.aijri, *valid):  # one run for all; each, to say which
            problems += [f"{path}: a valid fixture that aijri validate refuses"
                         for path in valid if not aijri_valid(args.aijri, path)]
        for path in invalid + beyond:
            if aijri_valid(args.aijri, path):
                problems.append(f"{path}: an invalid fixture that aijri validate accepts")
        decimal_shares = hundredths(valid)
        if len(decimal_shares) < 20 or not {9.38, 0.07} <= set(decimal_shares):
            problems.append(f"the valid files have too few two-decimal time shares that "
                            f"floating point gets wrong: {decimal_shares}")

        everything = valid + invalid
        ajv_run = subprocess.run([args.node, os.path.join(HERE, "ajv_validate.js"),
                                  args.node_modules, schema_path] + everything,
                                 capture_output=True, text=True)
        if ajv_run.returncode != 0:
            print(ajv_run.stderr, file=sys.stderr)
            return 1
        ajv = json.loads(ajv_run.stdout)
        for warning in ajv["warnings"]:
            problems.append(f"ajv: the schema compiles with a warning: {warning}")

        verdicts = {"python-jsonschema": lambda p: python_errors(validator, p),
                    "ajv": lambda p: ajv["files"][p]}
        for name, errors_of in verdicts.items():
            for path in valid:
                errors = errors_of(path)
                if errors:
                    problems.append(f"{name} refuses the valid {path}: {'; '.join(errors)}")
            for path in invalid:
                if not errors_of(path):
                    problems.append(f"{name} accepts the invalid {path}")

    for problem in problems:
        print(f"check_schema: {problem}")
    print(f"check_schema: python-jsonschema {importlib.metadata.version('jsonschema')} "
          f"({jsonschema.__file__}) and ajv {ajv['version']}: {len(valid)} valid files "
          f"({len(decimal_shares)} time shares in hundredths), {len(invalid)} invalid, "
          f"{len(beyond)} left to aijri validate; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
