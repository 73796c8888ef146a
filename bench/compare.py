#!/usr/bin/env python3
"""Two aijri binaries on the benchmark's measurements, interleaved: is B as fast as A?

    python3 bench/compare.py --base-binary A --new-binary B [--files 2000] [--roles 2000]
                             [--runs 15] [--repeat 5] [--tolerance 0.03] [--wait-idle S]

For a change that must not cost speed (a refactor, a build change). Measures, with the
corpora of run.py and diff.py (built or reused under bench/, git-ignored):

  score      aijri score --format jsonl bench/corpus-N          (run.py's main measurement)
  jsonl      aijri score --jobs 1 --jsonl-input bench/corpus-jsonl/N.jsonl --format jsonl
  diff-git   aijri diff --git HEAD~1 HEAD -f json               (diff.py, in bench/diff-repo)
  diff-dirs  aijri diff bench/diff-repo-old/assessments assessments -f json

First checks that A and B write the same bytes and exit status for each (information: the
proof of identical output is scripts/compare-outputs). Then one warm-up round, then --runs
rounds; in each round every measurement runs A and B back to back, A first in even rounds
and B first in odd ones, so that both binaries see the same machine, page cache and drift.
A sample is the wall time (time.perf_counter() around spawn and wait, output to /dev/null)
of --repeat runs in a row. Prints the median sample of A and of B, the ratio B/A of the
medians, the median of the rounds' own B/A (paired: A and B ran back to back, so drift of
the machine between rounds cancels), and the ratio of CPU times; PASS when the paired B/A
<= 1 + --tolerance (default 0.03). On a shared 2-core machine the medians of A and of B
each wander by more than 3% from round to round, so only the paired ratio can resolve 3%.
Then, where valgrind is installed, the instructions each binary executes for each
measurement (callgrind, one run): a deterministic count of the work, the same on every
run, which must also be within the tolerance. Exit status 0 when every
measurement passes. Defaults take about 1.5 minutes on 2 cores (plus the corpora, once).
"""
import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import diff as diff_bench  # noqa: E402  (bench/diff.py: the two-revision repository)
import run as run_bench  # noqa: E402  (bench/run.py: corpora, machine, /proc/stat)


def measurements(binary, corpus, jsonl):
    repo = diff_bench.REPO
    return {
        "score": ([binary, "score", "--format", "jsonl", corpus], run_bench.ROOT),
        "jsonl": ([binary, "score", "--jobs", "1", "--jsonl-input", jsonl, "--format", "jsonl"], run_bench.ROOT),
        "diff-git": ([binary, "diff", "--git", "HEAD~1", "HEAD", "-f", "json"], repo),
        "diff-dirs": ([binary, "diff", os.path.join(diff_bench.OLD, "assessments"), "assessments", "-f", "json"],
                      repo),
    }


def timed(argv, cwd, repeat):
    """Wall and CPU seconds of `repeat` runs in a row; the exit status of the last."""
    wall = cpu = 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall += time.perf_counter() - t0
        cpu += ru.ru_utime + ru.ru_stime
    return wall, cpu, os.waitstatus_to_exitcode(status)


def instructions(argv, cwd):
    """Instructions the process executes (callgrind's Ir; git children are not counted)."""
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", *argv],
                           cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    for line in p.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    raise RuntimeError(f"callgrind gave no count for {argv}: {p.stderr[-500:]}")


def digest(argv, cwd):
    p = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True)
    return p.returncode, hashlib.sha256(p.stdout).hexdigest()[:16], hashlib.sha256(p.stderr).hexdigest()[:16]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-binary", required=True, metavar="A", help="the reference binary")
    ap.add_argument("--new-binary", required=True, metavar="B", help="the binary under test")
    ap.add_argument("--files", type=int, default=2000, help="files in the scoring corpus (default 2000)")
    ap.add_argument("--roles", type=int, default=2000, help="roles in the diff repository (default 2000)")
    ap.add_argument("--runs", type=int, default=15, help="measured rounds (default 15)")
    ap.add_argument("--repeat", type=int, default=5, help="runs in a row that make one sample (default 5)")
    ap.add_argument("--tolerance", type=float, default=0.03, help="B may be this much slower (default 0.03)")
    ap.add_argument("--no-instructions", action="store_true",
                    help="skip the instruction counts under valgrind's callgrind")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="S",
                    help="first wait up to S seconds for an idle machine (< 10%% busy over 10 s)")
    o = ap.parse_args()
    binaries = {"A": os.path.abspath(o.base_binary), "B": os.path.abspath(o.new_binary)}
    for name, b in binaries.items():
        if not os.access(b, os.X_OK):
            sys.exit(f"compare.py: no executable binary {name} at {b}")

    info = run_bench.machine()
    print(f"machine: nproc {info['nproc']}, {info.get('cpu', '?')}, kernel {info['kernel']}; "
          f"load average {open('/proc/loadavg').read().split()[0]}")
    for name, b in binaries.items():
        version = subprocess.run([b, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{name}: {b} ({version})")
    if o.wait_idle:
        run_bench.wait_idle(o.wait_idle)
    jsonl = os.path.join(BENCH, "corpus-jsonl", f"{o.files}.jsonl")
    corpus, _ = run_bench.ensure_corpus(o.files, jsonl=jsonl)
    diff_bench.build_repo(o.roles)
    cmds = {name: measurements(b, corpus, jsonl) for name, b in binaries.items()}
    names = list(cmds["A"])

    print("\nsame output (exit status, stdout, stderr) from A and B:")
    for m in names:
        a, b = (digest(*cmds[x][m]) for x in ("A", "B"))
        print(f"  {m:<10} {'yes' if a == b else 'NO'}  (exit {a[0]}" + ("" if a == b else f" vs {b[0]}") + ")")

    wall = {(x, m): [] for x in cmds for m in names}
    cpu = {(x, m): [] for x in cmds for m in names}
    busy0, _ = run_bench.busy_ticks()
    t0 = time.perf_counter()
    own = 0.0
    print(f"\n{o.runs} rounds of {o.repeat} run(s) a sample, after a warm-up round ...", flush=True)
    for r in range(-1, o.runs):  # round -1 warms the page cache and git's pack up
        for i, m in enumerate(names):
            order = ("A", "B") if (r + i) % 2 == 0 else ("B", "A")
            for x in order:
                w, c, _ = timed(*cmds[x][m], o.repeat)
                own += c
                if r >= 0:
                    wall[x, m].append(w)
                    cpu[x, m].append(c)
        if r >= 0:
            print(f"  round {r + 1}/{o.runs}: " + ", ".join(
                f"{m} {wall['A', m][-1]:.3f}/{wall['B', m][-1]:.3f}" for m in names), flush=True)
    busy1, _ = run_bench.busy_ticks()
    elapsed = time.perf_counter() - t0
    other = max(0.0, busy1 - busy0 - own)
    print(f"  other processes used {other:.1f} CPU s over {elapsed:.0f} s "
          f"({100 * other / (elapsed * (os.cpu_count() or 1)):.0f}% of the cores): a high figure means "
          f"disturbed numbers")

    limit = 1 + o.tolerance
    print(f"\nmedian wall time of a sample ({o.repeat} run(s)); PASS when B/A <= {limit:.2f}")
    print(f"  {'measurement':<11} {'A s':>8} {'B s':>8} {'B/A':>7}  {'A min-max':>13}  {'B min-max':>13}"
          f"  {'paired B/A':>10}  {'B/A by CPU':>10}  verdict")
    ok = True
    for m in names:
        a, b = statistics.median(wall["A", m]), statistics.median(wall["B", m])
        ratio = b / a
        cpu_ratio = statistics.median(cpu["B", m]) / statistics.median(cpu["A", m])
        paired = statistics.median(bw / aw for aw, bw in zip(wall["A", m], wall["B", m]))
        passed = paired <= limit
        ok &= passed
        print(f"  {m:<11} {a:8.3f} {b:8.3f} {ratio:7.3f}  "
              f"{min(wall['A', m]):6.3f}-{max(wall['A', m]):6.3f}  {min(wall['B', m]):6.3f}-{max(wall['B', m]):6.3f}"
              f"  {paired:10.3f}  {cpu_ratio:10.3f}  {'PASS' if passed else 'FAIL'}")
    print("  (paired B/A, which decides: the median of each round's B/A, A and B having run back to\n"
          "  back; B/A: ratio of the medians; B/A by CPU: user + system time)")
    if not o.no_instructions and shutil.which("valgrind"):
        print(f"\ninstructions executed (valgrind --tool=callgrind, one run each); PASS when B/A <= {limit:.2f}")
        for m in names:
            a, b = (instructions(*cmds[x][m]) for x in ("A", "B"))
            passed = b / a <= limit
            ok &= passed
            print(f"  {m:<11} {a:>14,} {b:>14,} {b / a:7.3f}  {'PASS' if passed else 'FAIL'}")
    print(f"\n{'PASS' if ok else 'FAIL'}: B is {'within' if ok else 'NOT within'} {100 * o.tolerance:g}% of A "
          f"on every measurement")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
