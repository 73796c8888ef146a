#!/usr/bin/env python3
"""action.yml, the composite GitHub Action, run as a runner runs it.

The steps are read from action.yml with PyYAML; each `${{ }}` expression is evaluated from the
inputs and the earlier steps' outputs (any other expression fails the test, so that nothing the
action uses goes unsimulated); each step's `run` is written to a file and run as GitHub runs a
`shell: bash` step (`bash --noprofile --norc -eo pipefail FILE`), in a temporary repository,
with GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP and GITHUB_WORKSPACE
set. The build step is planned but not run (it is a Release build from scratch, minutes on
two cores); every run gives the action an aijri binary through its `aijri` input.

usage: check_action.py AIJRI SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("skipped: PyYAML (python3-yaml) is not installed; scripts/install-deps installs it")
    sys.exit(77)

AIJRI, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAILED: {what}", file=sys.stderr)


def load_action():
    with open(os.path.join(SOURCE, "action.yml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expression, inputs, steps):
    if m := re.fullmatch(r"inputs\.([\w-]+)", expression):
        return inputs[m.group(1)]
    if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression):
        return steps.get(m.group(1), {}).get(m.group(2), "")
    if m := re.fullmatch(r"inputs\.([\w-]+) == ''", expression):
        return inputs[m.group(1)] == ""
    raise AssertionError(f"an expression the simulation does not know: {expression}")


def substitute(text, inputs, steps):
    return EXPRESSION.sub(lambda m: str(evaluate(m.group(1), inputs, steps)), str(text))


def read_outputs(path):
    outputs = {}
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            name, _, value = line.partition("=")
            outputs[name] = value
    return outputs


def run_action(repo, given, summary):
    """Runs the action's steps; returns (exit status, stdout, the action's outputs, steps run)."""
    action = load_action()
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    for name in given:
        assert name in inputs, f"not an input of action.yml: {name}"
    inputs.update(given)
    steps, ran, stdout = {}, [], ""
    temp = tempfile.mkdtemp(dir=repo + "/..")
    for step in action["runs"]["steps"]:
        condition = step.get("if")
        if condition is not None and not evaluate(condition, inputs, steps):
            continue
        ran.append(step["name"])
        assert step.get("shell") == "bash", step
        output_file = os.path.join(temp, "output")
        open(output_file, "w").close()
        env = dict(os.environ)
        env.update({name: substitute(value, inputs, steps)
                    for name, value in step.get("env", {}).items()})
        env.update({"GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_ACTION_PATH": SOURCE,
                    "GITHUB_WORKSPACE": repo, "GITHUB_OUTPUT": output_file,
                    "GITHUB_STEP_SUMMARY": summary, "RUNNER_TEMP": temp})
        if step["name"] == "Build aijri":
            continue  # planned, not run: see the docstring
        script = os.path.join(temp, "step.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(substitute(step["run"], inputs, steps))
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                              cwd=repo, env=env, capture_output=True, text=True)
        stdout += done.stdout
        if "id" in step:
            steps[step["id"]] = read_outputs(output_file)
        if done.returncode != 0:
            return done.returncode, stdout, action_outputs(action, inputs, steps), ran
    return 0, stdout, action_outputs(action, inputs, steps), ran


def action_outputs(action, inputs, steps):
    return {name: substitute(spec["value"], inputs, steps)
            for name, spec in action["outputs"].items()}


def aijri(repo, *arguments):
    return subprocess.run([AIJRI, *arguments], cwd=repo, capture_output=True, text=True)


def make_repo(root):
    repo = os.path.join(root, "repo")
    os.makedirs(os.path.join(repo, "assessments"))
    os.makedirs(os.path.join(repo, "out"))
    shutil.copy(os.path.join(SOURCE, "assessments", "deep-learning-engineer.json"),
                os.path.join(repo, "assessments", "seed.json"))
    shutil.copy(os.path.join(SOURCE, "assessments", "examples", "deep-learning-engineer-junior.json"),
                os.path.join(repo, "assessments", "junior.json"))
    return repo


def main():
    action = load_action()
    check(action["runs"]["using"] == "composite", "a composite action")
    check(set(action["inputs"]) == {"paths", "fail-under", "fail-on-zone", "fail-if-fragile",
                                     "methodology", "sarif", "aijri"},
          f"the inputs: {sorted(action['inputs'])}")
    check(set(action["outputs"]) == {"green", "yellow", "red", "invalid", "lowest-aijri", "sarif"},
          f"the outputs: {sorted(action['outputs'])}")

    root = tempfile.mkdtemp(prefix="aijri-action-")
    try:
        repo = make_repo(root)
        summary = os.path.join(root, "summary.md")

        # Defaults: assessments/, no gate. The log gets GitHub's annotations, the summary the
        # markdown report, the outputs the counts.
        status, out, outputs, ran = run_action(repo, {"aijri": AIJRI}, summary)
        check(status == 0, f"a clean run exits 0 (got {status})")
        check(ran == ["Score the assessments"], f"the build is skipped with a binary: {ran}")
        check(out == aijri(repo, "score", "assessments", "-f", "github").stdout,
              "the log is -f github's annotations")
        markdown = aijri(repo, "score", "assessments", "-f", "markdown").stdout
        check(open(summary, encoding="utf-8").read() == markdown,
              "the step summary is the markdown report")
        check(outputs == {"green": "1", "yellow": "1", "red": "0", "invalid": "0",
                          "lowest-aijri": "41.5", "sarif": ""}, f"the outputs: {outputs}")

        # Without a binary, the build step comes first.
        plan = [s["name"] for s in action["runs"]["steps"]
                if s.get("if") is None or evaluate(s["if"], {"aijri": ""}, {})]
        check(plan == ["Build aijri", "Score the assessments"], f"the plan without a binary: {plan}")

        # The sarif input: the file -f sarif writes, named in the outputs, for the upload step.
        # (Its summary is put back as it was, for the appending check below.)
        with open(summary, encoding="utf-8") as f:
            kept = f.read()
        status, _, outputs, _ = run_action(
            repo, {"aijri": AIJRI, "sarif": "out/aijri.sarif", "fail-on-zone": "Yellow"}, summary)
        check(status == 1, f"--fail-on-zone Yellow exits 1 (got {status})")
        check(outputs["sarif"] == "out/aijri.sarif", f"the sarif output: {outputs}")
        sarif_alone = os.path.join(root, "alone.sarif")
        aijri(repo, "score", "assessments", "-f", "sarif", "-o", sarif_alone, "--fail-on-zone",
              "Yellow")
        with open(os.path.join(repo, "out", "aijri.sarif"), encoding="utf-8") as f, \
                open(sarif_alone, encoding="utf-8") as g:
            written, alone = f.read(), g.read()
        check(written == alone, "the action's SARIF is what -f sarif writes")
        check('"ruleId": "AIJ2002"' in written or '"ruleId":"AIJ2002"' in written,
              "the tripped zone gate is a SARIF result")
        with open(summary, "w", encoding="utf-8") as f:
            f.write(kept)

        # A gate trips: exit 1, the outputs and the summary all the same (appended, as GitHub
        # appends every step's summary).
        status, _, outputs, _ = run_action(repo, {"aijri": AIJRI, "fail-under": "50"}, summary)
        check(status == 1, f"--fail-under 50 exits 1 (got {status})")
        check(open(summary, encoding="utf-8").read() ==
              markdown + aijri(repo, "score", "assessments", "-f", "markdown",
                               "--fail-under", "50").stdout,
              "a second summary is appended")
        check(outputs["lowest-aijri"] == "41.5" and outputs["yellow"] == "1",
              f"outputs of a failed gate: {outputs}")

        # Paths on several lines, a file each, and the zone gate.
        open(summary, "w").close()
        status, _, outputs, _ = run_action(
            repo, {"aijri": AIJRI, "paths": "assessments/seed.json\n  assessments/junior.json\n",
                   "fail-on-zone": "Yellow"}, summary)
        check(status == 1, f"--fail-on-zone Yellow exits 1 (got {status})")
        check(outputs["green"] == "1" and outputs["yellow"] == "1", f"two files: {outputs}")

        # One named file: the bare result object is counted as well.
        status, _, outputs, _ = run_action(repo, {"aijri": AIJRI, "paths": "assessments/seed.json"},
                                           summary)
        check(status == 0 and outputs["green"] == "1" and outputs["lowest-aijri"] == "64.6",
              f"one file: {status} {outputs}")

        # fail-if-fragile runs robustness, its report in the summary; methodology is passed on.
        open(summary, "w").close()
        methodology = os.path.join(SOURCE, "methodologies", "aijri-1.json")
        status, _, outputs, _ = run_action(
            repo, {"aijri": AIJRI, "fail-if-fragile": "1", "methodology": methodology}, summary)
        expected = aijri(repo, "robustness", "assessments", "-f", "markdown", "--fail-if-fragile",
                         "1", "--methodology", methodology)
        check(status == expected.returncode, f"robustness's status {expected.returncode} (got {status})")
        check(open(summary, encoding="utf-8").read() == expected.stdout,
              "fail-if-fragile: the robustness report is the summary")
        check(outputs["green"] == "1", f"robustness outputs: {outputs}")

        # An invalid file counts as invalid and fails the run.
        with open(os.path.join(repo, "assessments", "broken.json"), "w", encoding="utf-8") as f:
            f.write('{"aijri": 1,\n')
        status, _, outputs, _ = run_action(repo, {"aijri": AIJRI}, summary)
        check(status == 1 and outputs["invalid"] == "1", f"an invalid file: {status} {outputs}")
        os.remove(os.path.join(repo, "assessments", "broken.json"))

        # The project's aijri.toml: its paths (the input left empty) and its per-folder
        # threshold apply, as aijri applies them anywhere.
        os.rename(os.path.join(repo, "assessments"), os.path.join(repo, "roles"))
        with open(os.path.join(repo, "aijri.toml"), "w", encoding="utf-8") as f:
            f.write('paths = ["roles"]\n\n[[thresholds]]\npaths = ["roles/seed.json"]\n'
                    'fail-under = 70\n')
        open(summary, "w").close()
        status, _, outputs, _ = run_action(repo, {"aijri": AIJRI}, summary)
        check(status == 1, f"aijri.toml's threshold trips (got {status})")
        check(outputs["green"] == "1" and outputs["yellow"] == "1",
              f"aijri.toml's paths are read: {outputs}")
        check("is under fail-under 70 (aijri.toml" in open(summary, encoding="utf-8").read(),
              "the summary names the config line of the gate")
        os.remove(os.path.join(repo, "aijri.toml"))
        os.rename(os.path.join(repo, "roles"), os.path.join(repo, "assessments"))

        # A usage error: exit 2, no outputs that would pass for a clean run, no summary.
        open(summary, "w").close()
        status, _, outputs, _ = run_action(repo, {"aijri": AIJRI, "fail-on-zone": "Purple"}, summary)
        check(status == 2, f"a bad input exits 2 (got {status})")
        check(outputs["green"] == "" and outputs["lowest-aijri"] == "", f"no outputs: {outputs}")
        check(open(summary, encoding="utf-8").read() == "", "no summary after a usage error")
        check(not [n for n in os.listdir(root) if n.startswith("aijri-action.")],
              "the action's temporary folder is removed")
    finally:
        shutil.rmtree(root, ignore_errors=True)

    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed", file=sys.stderr)
        return 1
    print("action.yml: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
