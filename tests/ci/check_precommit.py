#!/usr/bin/env python3
"""The hooks of .pre-commit-hooks.yaml, run by Debian's pre-commit through `pre-commit try-repo`
on a temporary repository, as a user tries them before adding them to .pre-commit-config.yaml.

The hooks are `language: system`: the aijri under test is put first on PATH. The hook
repository try-repo is given holds this checkout's .pre-commit-hooks.yaml, committed: what a
user's try-repo reads from aijri's repository, without cloning the whole source tree (and its
build folder) for every call, and whatever this checkout has left uncommitted.

usage: check_precommit.py AIJRI SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

AIJRI, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
FAILURES = []

if shutil.which("pre-commit") is None:
    print("skipped: pre-commit is not installed; scripts/install-deps installs it")
    sys.exit(77)


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAILED: {what}", file=sys.stderr)


def run(repo, env, *command):
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def main():
    root = tempfile.mkdtemp(prefix="aijri-pre-commit-")
    try:
        repo = os.path.join(root, "repo")
        os.makedirs(os.path.join(repo, "assessments"))
        env = dict(os.environ)
        env.update({"PATH": os.path.dirname(AIJRI) + os.pathsep + env["PATH"],
                    "PRE_COMMIT_HOME": os.path.join(root, "cache"), "HOME": root,
                    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
                    "GIT_CONFIG_NOSYSTEM": "1"})
        with open(os.path.join(root, ".gitconfig"), "w", encoding="utf-8") as f:
            f.write("[init]\n\tdefaultBranch = main\n")
        hooks = os.path.join(root, "hooks")
        os.makedirs(hooks)
        shutil.copy(os.path.join(SOURCE, ".pre-commit-hooks.yaml"), hooks)
        run(hooks, env, "git", "init", "-q")
        run(hooks, env, "git", "add", ".")
        run(hooks, env, "git", "commit", "-q", "-m", "hooks")
        run(repo, env, "git", "init", "-q")
        shutil.copy(os.path.join(SOURCE, "assessments", "deep-learning-engineer.json"),
                    os.path.join(repo, "assessments", "seed.json"))
        shutil.copy(os.path.join(SOURCE, "assessments", "examples",
                                 "deep-learning-engineer-junior.json"),
                    os.path.join(repo, "assessments", "junior.json"))
        with open(os.path.join(repo, "assessments", "README.md"), "w", encoding="utf-8") as f:
            f.write("# Our assessments\n")
        with open(os.path.join(repo, "package.json"), "w", encoding="utf-8") as f:
            f.write("{}\n")
        run(repo, env, "git", "add", ".")

        def try_hook(hook, *extra):
            return run(repo, env, "pre-commit", "try-repo", hooks, hook, *extra)

        for hook, name in (("aijri-validate", "aijri validate"), ("aijri-score", "aijri score")):
            status, out = try_hook(hook, "--all-files", "--verbose")
            check(status == 0, f"{hook} passes on valid assessments (exit {status}):\n{out}")
            check(name + "." in out and "Passed" in out, f"{hook} is named and passed:\n{out}")
        # validate's own words, in --verbose: the two assessments, not README.md or package.json.
        status, out = try_hook("aijri-validate", "--all-files", "--verbose")
        check("assessments/junior.json: ok" in out and "assessments/seed.json: ok" in out
              and "2 valid, 0 invalid" in out, f"validate saw the two assessments:\n{out}")
        status, out = try_hook("aijri-validate", "--files", "package.json")
        check(status == 0 and "(no files to check)Skipped" in out,
              f"a JSON file outside assessments/ is not checked:\n{out}")

        # A broken file, staged: both hooks fail, and validate says where.
        with open(os.path.join(repo, "assessments", "broken.json"), "w", encoding="utf-8") as f:
            f.write('{"aijri": 1,\n')
        run(repo, env, "git", "add", "assessments/broken.json")
        status, out = try_hook("aijri-validate")
        check(status == 1 and "Failed" in out, f"validate fails on a broken file:\n{out}")
        check("assessments/broken.json:2:1: error: unexpected end of file" in out,
              f"validate's message names the line and column:\n{out}")
        status, out = try_hook("aijri-score")
        check(status == 1 and "Failed" in out, f"score fails on a broken file:\n{out}")
        os.remove(os.path.join(repo, "assessments", "broken.json"))
        run(repo, env, "git", "add", "-A")

        # The gates of the project's aijri.toml: a per-folder threshold fails score on the
        # files under it only.
        os.makedirs(os.path.join(repo, "assessments", "clinical"))
        os.rename(os.path.join(repo, "assessments", "junior.json"),
                  os.path.join(repo, "assessments", "clinical", "junior.json"))
        with open(os.path.join(repo, "aijri.toml"), "w", encoding="utf-8") as f:
            f.write('[[thresholds]]\npaths = ["assessments/clinical/**"]\nfail-under = 50\n')
        run(repo, env, "git", "add", "-A")
        status, out = try_hook("aijri-score", "--all-files")
        check(status == 1 and "Failed" in out, f"aijri.toml's threshold fails score:\n{out}")
        check("AIJRI 41.5 is under fail-under 50 (aijri.toml:3:1)" in out,
              f"the gate names its line in aijri.toml:\n{out}")
        status, out = try_hook("aijri-score", "--files", "assessments/seed.json")
        check(status == 0, f"a file outside the threshold's folder passes:\n{out}")
        os.remove(os.path.join(repo, "aijri.toml"))
        run(repo, env, "git", "add", "-A")

        # A stated figure that does not match fails score: the gate every assessment has.
        seed = os.path.join(repo, "assessments", "seed.json")
        with open(seed, encoding="utf-8") as f:
            text = f.read()
        assert '"aijri": 64.6' in text
        with open(seed, "w", encoding="utf-8") as f:
            f.write(text.replace('"aijri": 64.6', '"aijri": 70.0'))
        run(repo, env, "git", "add", "-A")
        status, out = try_hook("aijri-score")
        check(status == 1 and "does not match" in out, f"a wrong stated AIJRI fails score:\n{out}")
    finally:
        shutil.rmtree(root, ignore_errors=True)

    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed", file=sys.stderr)
        return 1
    print(".pre-commit-hooks.yaml: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
