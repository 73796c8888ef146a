#!/usr/bin/env python3
"""aijri's code-scanning reports read by their consumers' rules.

  check_code_scanning.py AIJRI SOURCE_DIR sarif CASE MULTITOOL_DIR
      The built binary writes `--format sarif` for CASE (real fixtures: a clean run, invalid
      files, stated figures that do not match, each gate, robustness's fragile zones, a diff's
      zone drops, hostile names and titles), and the SARIF SDK's multitool validates it
      (`validate --level Error;Warning;Note`). Any error or warning fails the test, and so does
      any note outside k_allowed_notes, the few an aijri report cannot avoid (each says why).
      The structure aijri promises is checked too: rule ids, levels, locations, fingerprints.
      Exit 77 (skipped) when the multitool is not installed (scripts/install-deps puts it in
      build/tools/sarif-multitool).

  check_code_scanning.py AIJRI SOURCE_DIR gitlab
      The same cases as `--format gitlab`, each issue held to the fields GitLab documents for
      a Code Quality report (k_gitlab_fields), with exact types, allowed severities and
      fingerprints unique in the report.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

# The multitool's notes that no aijri report can avoid:
k_allowed_notes = {
    # Messages are text: aijri's messages name figures and pointers, not templates.
    "SARIF2002",
    # aijri reads files, not a repository: which revision was read is the CI's to say.
    "SARIF2003",
    # The URIs (the schema's, the project's placeholder home) cannot be fetched from a test.
    "SARIF2006",
    # A problem of a role as a whole (a gate, a zone drop) has no snippet or context in the
    # file; an error at a line does not repeat the line.
    "SARIF2010",
    "SARIF2011",
}

# GitLab's Code Quality report format
# (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): a JSON array
# of objects with these properties, and their types.
k_gitlab_fields = {
    ("description",): str,  # a human-readable description of the violation
    ("check_name",): str,  # a unique name representing the check, or rule
    ("fingerprint",): str,  # a unique fingerprint to identify this violation
    ("severity",): str,  # info, minor, major, critical or blocker
    ("location", "path"): str,  # the file, a path relative to the repository, no "./"
    ("location", "lines", "begin"): int,  # the line the violation occurred on
}
k_gitlab_severities = {"info", "minor", "major", "critical", "blocker"}

HOSTILE_TITLE = 'Nurse "\u202eRN\u202c" \x1b[31m<b>&amp;</b>\t\u00e9\u4e2d'


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def seed_text(source):
    with open(os.path.join(source, "assessments", "deep-learning-engineer.json"),
              encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def with_title(text, title, role_id):
    data = json.loads(text)
    data["role"]["title"] = title
    data["id"] = role_id
    return json.dumps(data, indent=2, ensure_ascii=False)


def with_stated_raw(text, wrong):
    data = json.loads(text)
    data.setdefault("stated", {})["raw"] = wrong
    return json.dumps(data, indent=2)


def build_cases(source, tmp):
    """Each case: (arguments, the exit status, a check of the parsed report). The fixtures are
    copied into `tmp`, where aijri runs: every path is relative, as CI names them from the top
    of its checkout."""
    shutil.copytree(os.path.join(source, "assessments"), os.path.join(tmp, "assessments"))
    shutil.copytree(os.path.join(source, "tests", "data", "diff"), os.path.join(tmp, "diff"))
    os.makedirs(os.path.join(tmp, "invalid"))
    for name in ["evidence-score-3.json", "format-version-2.json", "commentary-unknown-key.json"]:
        shutil.copy(os.path.join(source, "tests", "schema", "invalid", name),
                    os.path.join(tmp, "invalid", name))
    write(os.path.join(tmp, "invalid", "syntax.json"), '{"id": "x",\n  "role": }\n')
    write(os.path.join(tmp, "mismatch", "stated.json"), with_stated_raw(seed_text(source), 9.99))
    write(os.path.join(tmp, "hostile", 'a "quoted" name \u00e9.json'),
          with_title(seed_text(source), HOSTILE_TITLE, "hostile-\u00e9"))
    write(os.path.join(tmp, "hostile", "sub dir", "100% #1?.json"),
          with_title(seed_text(source), "Tab\there", "percent"))
    write(os.path.join(tmp, "hostile", "bad \u202e.json"), '{"id": "\\u0001"}\n')
    write(os.path.join(tmp, "hostile", "README.md"), "# Not an assessment\n\nJust notes.\n")
    return {
        "clean_score": (["score", "assessments/deep-learning-engineer.json"], 0,
                        expect_no_results),
        "clean_validate": (["validate", "assessments"], 0, expect_no_results),
        "invalid_files": (["validate", "invalid"], 1, expect_rules({"AIJ1001"})),
        "stated_mismatch": (["score", "mismatch"], 1, expect_rules({"AIJ1002"})),
        "gates": (["score", "--fail-under", "90", "--fail-on-zone", "Yellow", "assessments"], 1,
                  expect_rules({"AIJ2001", "AIJ2002"})),
        "robustness_fragile": (["robustness", "--fail-if-fragile", "1000", "assessments"], 1,
                               expect_rules({"AIJ2003"})),
        "diff_zone_drop": (["diff", "--fail-on-drop", "1", "--fail-on-zone-change", "diff/old",
                            "diff/new"], 1, expect_rules({"AIJ3001", "AIJ3003"})),
        "hostile": (["score", "hostile"], 1, expect_rules({"AIJ1001"})),
    }


def results_of(report):
    return report["runs"][0]["results"]


def expect_no_results(report):
    if results_of(report) != []:
        fail("a clean run has results: " + json.dumps(results_of(report))[:400])


def expect_rules(wanted):
    def check(report):
        rules = {r["ruleId"] for r in results_of(report)}
        if not wanted <= rules:
            fail("expected results of the rules %s, found %s" % (sorted(wanted), sorted(rules)))
        check_results(report)
    return check


def check_results(report):
    run = report["runs"][0]
    driver = run["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    fingerprints = set()
    for result in run["results"]:
        if ids[result["ruleIndex"]] != result["ruleId"]:
            fail("ruleIndex does not point at the rule: " + json.dumps(result))
        location = result["locations"][0]["physicalLocation"]
        if location["region"]["startLine"] < 1:
            fail("a region without a line: " + json.dumps(result))
        uri = location["artifactLocation"]["uri"]
        if uri.startswith("./") or " " in uri or '"' in uri:
            fail("a URI that is not a clean relative reference: " + uri)
        fingerprint = result["partialFingerprints"]["aijri/v1"]
        if fingerprint in fingerprints:
            fail("two results share the fingerprint " + fingerprint)
        fingerprints.add(fingerprint)


def run_aijri(aijri, arguments, output, expected_status, cwd):
    completed = subprocess.run([aijri] + arguments + ["-o", output], cwd=cwd,
                               capture_output=True, text=True)
    if completed.returncode != expected_status:
        fail("aijri %s exited %d, not %d: %s" % (" ".join(arguments), completed.returncode,
                                                 expected_status, completed.stderr))


def find_multitool(folder):
    found = sorted(glob.glob(os.path.join(
        folder, "node_modules", "@microsoft", "sarif-multitool-*", "Sarif.Multitool")))
    return found[0] if found else None


def check_sarif(aijri, source, case, multitool_dir):
    multitool = find_multitool(multitool_dir)
    if multitool is None:
        print("skipped: the SARIF multitool is not installed in %s (scripts/install-deps "
              "installs it with npm)" % multitool_dir)
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        cases = build_cases(source, tmp)
        arguments, status, check = cases[case]
        report_file = os.path.join(tmp, "report.sarif")
        run_aijri(aijri, arguments + ["--format", "sarif"], report_file, status, tmp)
        with open(report_file, encoding="utf-8") as f:
            report = json.load(f)
        check(report)
        log = os.path.join(tmp, "validation.sarif")
        completed = subprocess.run(
            [multitool, "validate", "--level", "Error;Warning;Note", "--output", log,
             report_file], capture_output=True, text=True)
        if not os.path.exists(log):
            fail("the multitool wrote no log: %s %s" % (completed.stdout, completed.stderr))
        if completed.returncode != 0 or "Analysis completed successfully" not in completed.stdout:
            fail("the multitool did not complete (status %d): %s %s" % (
                completed.returncode, completed.stdout, completed.stderr))
        with open(log, encoding="utf-8-sig") as f:
            validation = json.load(f)
        problems = []
        for run in validation["runs"]:
            for notification in run.get("invocations", [{}])[0].get(
                    "toolExecutionNotifications", []):
                if notification.get("level", "warning") in ("error", "warning"):
                    problems.append("notification: " + json.dumps(notification)[:300])
            for result in run.get("results", []):
                level = result.get("level", "warning")
                if level in ("error", "warning") or result["ruleId"] not in k_allowed_notes:
                    problems.append("%s %s: %s" % (level, result["ruleId"],
                                                   json.dumps(result["message"])))
        if problems:
            print(completed.stdout)
            fail("the multitool reports:\n  " + "\n  ".join(problems))
        print("%s: %d results, valid SARIF (multitool: %s)" % (
            case, len(results_of(report)), completed.stdout.strip().splitlines()[-1]))


def check_gitlab_issues(issues, where):
    if not isinstance(issues, list):
        fail(where + ": the report is not a JSON array")
    fingerprints = set()
    for issue in issues:
        for path, kind in k_gitlab_fields.items():
            value = issue
            for key in path:
                if not isinstance(value, dict) or key not in value:
                    fail("%s: an issue without %s: %s" % (where, ".".join(path), issue))
                value = value[key]
            # bool is an int in Python: GitLab's integer is not a boolean.
            if type(value) is not kind:
                fail("%s: %s is %r, not of type %s" % (where, ".".join(path), value,
                                                       kind.__name__))
        if issue["severity"] not in k_gitlab_severities:
            fail("%s: severity %r is not one of GitLab's" % (where, issue["severity"]))
        if issue["location"]["path"].startswith(("./", "/")):
            fail("%s: the path %r is not relative to the repository" % (
                where, issue["location"]["path"]))
        if issue["location"]["lines"]["begin"] < 1:
            fail("%s: line %d" % (where, issue["location"]["lines"]["begin"]))
        if not issue["fingerprint"] or issue["fingerprint"] in fingerprints:
            fail("%s: the fingerprint %r is empty or not unique" % (where, issue["fingerprint"]))
        fingerprints.add(issue["fingerprint"])


def check_gitlab(aijri, source):
    with tempfile.TemporaryDirectory() as tmp:
        for case, (arguments, status, _) in sorted(build_cases(source, tmp).items()):
            report_file = os.path.join(tmp, case + ".gitlab.json")
            run_aijri(aijri, arguments + ["--format", "gitlab"], report_file, status, tmp)
            with open(report_file, encoding="utf-8") as f:
                issues = json.load(f)
            check_gitlab_issues(issues, case)
            if case.startswith("clean") != (issues == []):
                fail("%s: %d issues" % (case, len(issues)))
            print("%s: %d issues, each with GitLab's fields" % (case, len(issues)))


def main():
    aijri, source, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "sarif":
        check_sarif(aijri, source, sys.argv[4], sys.argv[5])
    else:
        check_gitlab(aijri, source)


if __name__ == "__main__":
    main()
