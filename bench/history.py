#!/usr/bin/env python3
"""aijri history against a loop of aijri diff --git, one diff per pair of commits.

    python3 bench/history.py [--roles 200] [--commits 100] [--edits 5] [--runs 3] [--aijri PATH]

1. Builds (or reuses) a git repository in bench/history-repo/ (git-ignored): the first N
   files of the benchmark corpus (bench/make_corpus.py, seed-sized assessments) under
   assessments/, committed; then C-1 more commits, each editing E roles chosen in turn
   (one task's score moves by one, deterministically), every tenth commit also renaming
   one role's file, and the repository packed as a clone is.
2. Checks that both give the same story: the points `aijri history -f json` puts after the
   first commit are the roles the diffs list as not unchanged (changed, renamed...).
3. Times, alternating, --runs rounds of:
     history     aijri history -f json                    (every commit, every role)
     diff-loop   aijri diff --git P C -f json, for each commit C and its parent P, one after
                 the other (what a script would run to get the same series)
   in the repository, output to /dev/null, and prints the median wall times and the ratio.
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

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
REPO = os.path.join(BENCH, "history-repo")
DEFAULT_AIJRI = os.path.join(ROOT, "build", "release", "src", "aijri")


def git(*args, **kw):
    return subprocess.run(["git", "-C", REPO, *args], check=True, capture_output=True,
                          text=True, **kw).stdout


def edit(path, step):
    """One task's score moves by one, staying in range."""
    with open(path, encoding="utf-8") as f:
        a = json.load(f)
    task = a["tasks"][step % len(a["tasks"])]
    task["score"] = task["score"] + 1 if task["score"] < 5 else task["score"] - 1
    with open(path, "w", encoding="utf-8") as f:
        json.dump(a, f, indent=2, ensure_ascii=False)
        f.write("\n")


def build_repo(roles, commits, edits):
    stamp = os.path.join(REPO, ".bench-stamp")
    want = f"roles={roles} commits={commits} edits={edits}\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        print(f"repo: reusing {os.path.relpath(REPO, ROOT)} ({want.strip()})", flush=True)
        return
    print(f"repo: building {os.path.relpath(REPO, ROOT)} ({want.strip()}) ...", flush=True)
    shutil.rmtree(REPO, ignore_errors=True)
    corpus = os.path.join(REPO, "assessments")
    subprocess.run([sys.executable, os.path.join(BENCH, "make_corpus.py"), str(roles), corpus],
                   check=True, stdout=subprocess.DEVNULL)
    os.remove(os.path.join(corpus, "MANIFEST.txt"))
    subprocess.run(["git", "init", "-q", REPO], check=True)
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
    for c in range(commits):
        if c > 0:
            for k in range(edits):
                edit(paths[(c * edits + k) % len(paths)], c)
            if c % 10 == 0:  # a rename: the role keeps its series
                i = (c * 7) % len(paths)
                moved = paths[i].replace(".json", f"-r{c}.json")
                git("mv", paths[i], moved)
                paths[i] = moved
        env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost",
               "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@localhost",
               "GIT_AUTHOR_DATE": f"{1767225600 + c * 3600} +0000",
               "GIT_COMMITTER_DATE": f"{1767225600 + c * 3600} +0000"}
        git("add", "-A", env=env)
        git("commit", "-q", "-m", f"commit {c}", env=env)
    git("gc", "-q")  # packed, as a clone is
    with open(stamp, "w") as f:
        f.write(want)


def commit_pairs():
    ids = git("rev-list", "--first-parent", "--reverse", "HEAD").split()
    return list(zip(ids, ids[1:]))


def check(aijri, pairs):
    out = subprocess.run([aijri, "history", "-f", "json"], cwd=REPO, capture_output=True,
                         text=True, check=True)
    history = json.loads(out.stdout)
    first = git("rev-list", "--max-parents=0", "HEAD").strip()
    later = sum(1 for r in history["roles"] for p in r["points"] if p["commit"] != first)
    moved = 0
    for old, new in pairs:
        out = subprocess.run([aijri, "diff", "--git", old, new, "-f", "json"], cwd=REPO,
                             capture_output=True, text=True)
        report = json.loads(out.stdout)
        moved += sum(1 for r in report["roles"]
                     if r["status"] != "unchanged" or r["renamed"] is not None)
    print(f"check: {len(history['roles'])} roles, {history['commits']} commits; points after "
          f"the first commit: {later}; roles the {len(pairs)} diffs list as moved or renamed: "
          f"{moved}")
    if later != moved:
        sys.exit("check failed")


def timed(commands):
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--roles", type=int, default=200)
    ap.add_argument("--commits", type=int, default=100)
    ap.add_argument("--edits", type=int, default=5, help="roles edited a commit")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--aijri", default=DEFAULT_AIJRI)
    o = ap.parse_args()
    aijri = os.path.abspath(o.aijri)
    version = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"{platform.release()}; {version}")
    build_repo(o.roles, o.commits, o.edits)
    pairs = commit_pairs()
    check(aijri, pairs)
    commands = {
        "history": [[aijri, "history", "-f", "json"]],
        "diff-loop": [[aijri, "diff", "--git", old, new, "-f", "json"] for old, new in pairs],
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
    print(f"\ndiff-loop/history = {median['diff-loop'] / median['history']:.1f}  "
          f"({len(pairs)} diffs of {o.roles} roles against one history of {len(pairs) + 1} "
          f"commits)")


if __name__ == "__main__":
    main()
