#!/usr/bin/env python3
"""--report against its peer, one run per format: what one scoring pass saves.

    python3 bench/reports.py [--aijri build/release/src/aijri] [--files 2000] [--runs 7]

A CI job that wants junit, csv, sarif and a badge from one folder would otherwise run
`aijri score -f F -o FILE` four times, reading and scoring every file four times. This
measures, side by side in each round (order alternating), the wall time of

  one run    aijri score CORPUS -f junit -o A --report csv=B --report sarif=C --report badge=D
  four runs  aijri score CORPUS -f junit -o A; ... -f csv; ... -f sarif; ... -f badge

checks first that both write the same four files byte for byte, and prints the medians and
the ratio four/one. The corpus is run.py's (bench/corpus-N, made by make_corpus.py).
"""
import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
FORMATS = ["junit", "csv", "sarif", "badge"]


def one_run(aijri, corpus, out):
    return [[aijri, "score", corpus, "-f", FORMATS[0], "-o", os.path.join(out, FORMATS[0])]
            + [arg for f in FORMATS[1:] for arg in ("--report", f"{f}={os.path.join(out, f)}")]]


def separate_runs(aijri, corpus, out):
    return [[aijri, "score", corpus, "-f", f, "-o", os.path.join(out, f)] for f in FORMATS]


def timed(commands):
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aijri", default="build/release/src/aijri")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    corpus = os.path.join(BENCH, f"corpus-{args.files}")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(BENCH, "make_corpus.py"), str(args.files),
                        corpus], check=True)
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        timed(one_run(args.aijri, corpus, a))
        timed(separate_runs(args.aijri, corpus, b))
        for f in FORMATS:
            if not filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False):
                print(f"FAIL: --report {f} differs from -f {f} -o", file=sys.stderr)
                return 1
        ones, fours = [], []
        for i in range(args.runs):
            pair = [(ones, one_run(args.aijri, corpus, a)),
                    (fours, separate_runs(args.aijri, corpus, b))]
            for samples, commands in pair if i % 2 == 0 else reversed(pair):
                samples.append(timed(commands))
    one, four = statistics.median(ones), statistics.median(fours)
    print(f"corpus: {args.files} files, {args.runs} rounds, {os.cpu_count()} cores")
    print(f"one run, four reports:  {one:.3f} s (median)")
    print(f"four runs, one each:    {four:.3f} s (median)")
    print(f"four runs / one run:    {four / one:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
