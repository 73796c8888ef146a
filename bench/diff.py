#!/usr/bin/env python3
"""aijri diff at scale: 2,000 changed roles across two revisions, against scoring them once.

    python3 bench/diff.py [--roles 2000] [--runs 7] [--aijri PATH]

1. Builds (or reuses) a git repository in bench/diff-repo/ (git-ignored): the first N files
   of the benchmark corpus (bench/make_corpus.py, seed-sized assessments) under
   assessments/, committed; then every file edited (one task's score moves by one, one
   evidence row's score moves by one, deterministically) and committed again. So every
   role changes, and every edit is a real input change with contributions to attribute.
   HEAD~1's files are also exported to bench/diff-repo-old/ for the folder form of diff.
2. Checks that `aijri diff --git HEAD~1 HEAD -f json` lists N changed roles, and that the
   contributions of every role add up to its delta_exact.
3. Runs, alternating, --runs rounds of (order rotated each round):
     score      aijri score -f jsonl assessments                      (one revision)
     diff-git   aijri diff --git HEAD~1 HEAD -f json                  (both revisions, via git)
     diff-dirs  aijri diff bench/diff-repo-old/assessments assessments -f json
     git-floor  git -c core.deltaBaseCacheLimit=1m cat-file --batch --buffer
                < (the blob ids of both revisions, each file's old one then its new one)
     git-default  git cat-file --batch --buffer < (HEAD~1's blob ids, then HEAD's)
     git-one    git cat-file --batch --buffer < (HEAD's blob ids)
   in the repository, output to /dev/null, and prints the median wall times and the ratios
   diff/score. git-floor is what git alone takes to inflate the files of both revisions
   from its pack, asked as aijri asks, in one process: the least any diff --git pays before
   scoring anything; git-default is the same with git's defaults, for information; git-one
   is git handing over one revision: no scorer reading that revision from git can take less.
   The target (issue 5): a diff takes no more than about twice as long as scoring the roles
   once, compared like for like: diff-dirs against score (both read files), diff-git against
   git-one (both read from git). diff-git against score (files that a checkout already
   inflated) is printed for information.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from fractions import Fraction

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
REPO = os.path.join(BENCH, "diff-repo")
OLD = os.path.join(BENCH, "diff-repo-old")
DEFAULT_AIJRI = os.path.join(ROOT, "build", "release", "src", "aijri")
TARGET_RATIO = 2.0


def git(*args, **kw):
    return subprocess.run(["git", "-C", REPO, *args], check=True, capture_output=True,
                          text=True, **kw).stdout


def edit(assessment, i):
    """One task's score and one evidence row's score move by one, staying in range."""
    task = assessment["tasks"][i % len(assessment["tasks"])]
    task["score"] = task["score"] + 1 if task["score"] < 5 else task["score"] - 1
    key = ["job_posting_trends", "company_actions", "wage_trends", "ai_tool_maturity",
           "expert_consensus"][i % 5]
    row = assessment["evidence"][key]
    row["score"] = row["score"] + 1 if row["score"] < 2 else row["score"] - 1


def build_repo(n):
    stamp = os.path.join(REPO, ".bench-stamp")
    want = f"roles={n}\n"
    if os.path.exists(stamp) and open(stamp).read() == want and os.path.isdir(OLD):
        print(f"repo: reusing {os.path.relpath(REPO, ROOT)} ({n} roles)", flush=True)
        return
    print(f"repo: building {os.path.relpath(REPO, ROOT)} ({n} roles) ...", flush=True)
    for d in (REPO, OLD):
        shutil.rmtree(d, ignore_errors=True)
    corpus = os.path.join(REPO, "assessments")
    subprocess.run([sys.executable, os.path.join(BENCH, "make_corpus.py"), str(n), corpus],
                   check=True, stdout=subprocess.DEVNULL)
    os.remove(os.path.join(corpus, "MANIFEST.txt"))
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@localhost",
           "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}
    subprocess.run(["git", "init", "-q", REPO], check=True)
    git("add", "-A", env=env)
    git("commit", "-q", "-m", "one", env=env)
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
    for i, path in enumerate(paths):
        with open(path, encoding="utf-8") as f:
            a = json.load(f)
        edit(a, i)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(a, f, indent=2, ensure_ascii=False)
            f.write("\n")
    git("add", "-A", env=env)
    git("commit", "-q", "-m", "two", env=env)
    git("gc", "-q")  # packed, as a clone is
    os.makedirs(OLD)
    archive = subprocess.run(["git", "-C", REPO, "archive", "HEAD~1", "assessments"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", OLD], input=archive, check=True)
    with open(stamp, "w") as f:
        f.write(want)


def check(aijri, n):
    out = subprocess.run([aijri, "diff", "--git", "HEAD~1", "HEAD", "-f", "json"], cwd=REPO,
                         capture_output=True, text=True)
    report = json.loads(out.stdout)
    changed = report["summary"]["changed"]
    bad = 0
    for role in report["roles"]:
        total = sum(Fraction(c["points_exact"]) for c in role["contributions"])
        if role["delta_exact"] is None or total != Fraction(role["delta_exact"]):
            bad += 1
    print(f"check: {changed} of {n} roles changed; contributions that do not add up to the "
          f"exact change: {bad}")
    if changed != n or bad:
        sys.exit("check failed")


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--roles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--aijri", default=DEFAULT_AIJRI)
    o = ap.parse_args()
    aijri = os.path.abspath(o.aijri)
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"{platform.release()}; git: {subprocess.run(['git', '--version'], capture_output=True, text=True).stdout.strip()}")
    build_repo(o.roles)
    check(aijri, o.roles)
    # What git alone takes to hand over the files of both revisions (inflating them from the
    # pack): a floor for diff --git that no reader of git objects gets under. Asked the way
    # aijri asks (each file's old version, then its new one; a 1 MiB delta-base cache), and,
    # for information, git's default way (one revision after the other, the 96 MiB cache).
    listed = {rev: [line.split("\t")[0].split()[2:] + [line.split("\t")[1]]
                    for line in git("ls-tree", "-r", rev, "--", "assessments").splitlines()]
              for rev in ("HEAD~1", "HEAD")}
    blobs = os.path.join(BENCH, "diff-repo-blobs.txt")
    with open(blobs, "w") as f:
        for rev in ("HEAD~1", "HEAD"):
            for blob, _path in listed[rev]:
                f.write(blob + "\n")
    one = os.path.join(BENCH, "diff-repo-blobs-head.txt")
    with open(one, "w") as f:
        for blob, _path in listed["HEAD"]:
            f.write(blob + "\n")
    newer = {path: blob for blob, path in listed["HEAD"]}
    paired = os.path.join(BENCH, "diff-repo-blobs-paired.txt")
    with open(paired, "w") as f:
        for blob, path in listed["HEAD~1"]:
            f.write(blob + "\n")
            if path in newer:
                f.write(newer.pop(path) + "\n")
        for blob in newer.values():
            f.write(blob + "\n")
    commands = {
        "score": [aijri, "score", "-f", "jsonl", "assessments"],
        "git-floor": ["sh", "-c", "git -c core.deltaBaseCacheLimit=1m cat-file --batch --buffer"
                      f" < '{paired}'"],
        "git-default": ["sh", "-c", f"git cat-file --batch --buffer < '{blobs}'"],
        "git-one": ["sh", "-c", f"git cat-file --batch --buffer < '{one}'"],
        "diff-git": [aijri, "diff", "--git", "HEAD~1", "HEAD", "-f", "json"],
        "diff-dirs": [aijri, "diff", os.path.join(OLD, "assessments"), "assessments", "-f",
                      "json"],
    }
    names = list(commands)
    for name in names:  # warm-up: page cache, git's pack
        timed(commands[name])
    times = {name: [] for name in names}
    for r in range(o.runs):
        for name in names[r % len(names):] + names[:r % len(names)]:
            times[name].append(timed(commands[name]))
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"\n{'command':<10} {'median s':>9} {'min s':>7} {'max s':>7}")
    for name in names:
        print(f"{name:<10} {median[name]:>9.3f} {min(times[name]):>7.3f} {max(times[name]):>7.3f}")
    print()
    # Like for like: a diff of two folders against scoring one folder; a diff of two
    # revisions read from git against scoring one revision read from git, which takes at
    # least git-one (git handing over that revision), whatever the scorer.
    for name, base, label in (("diff-dirs", "score", "score"),
                              ("diff-git", "git-one", "git-one")):
        ratio = median[name] / median[base]
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        print(f"{name}/{label} = {ratio:.2f}  (target: about {TARGET_RATIO:.0f}x or less: "
              f"{verdict})")
    print(f"diff-git/(git-one + score) = "
          f"{median['diff-git'] / (median['git-one'] + median['score']):.2f}  (information: "
          f"against git-one and a scoring pass one after the other)")
    print(f"diff-git/score = {median['diff-git'] / median['score']:.2f}  (information: against "
          f"scoring files git has already written out, e.g. by a checkout)")
    print(f"git-floor/score = {median['git-floor'] / median['score']:.2f}  (git alone, both "
          f"revisions, one process)")
    own = median["diff-git"] - median["git-floor"]
    print(f"(diff-git - git-floor)/score = {own / median['score']:.2f}  (information: what diff "
          f"--git adds to git's own reading)")

if __name__ == "__main__":
    main()
