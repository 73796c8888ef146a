#!/usr/bin/env python3
"""The script a user would write in ten minutes instead of running aijri (the Python peer).

    python3 bench/score.py PATH...

Walks folders for *.json (hidden folders skipped, paths sorted), json.load()s each file,
applies the AIJRI formula of METHODOLOGY.md in binary floating point, and prints one line
per file: path, AIJRI (one decimal, half up), label (zone and Green sub-label), tab-separated.
A file that cannot be read or lacks a key is reported on stderr and the exit status is 1;
it does no other validation (ranges, unknown keys, time shares) -- aijri does all of that.
"""
import json
import math
import os
import sys


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(os.path.join(root, n) for n in names if n.endswith(".json"))
            yield from sorted(found)
        else:
            yield path


def score(a):
    tasks = a["tasks"]
    w = sum(t["time_pct"] / 100 * t["score"] for t in tasks)
    e = sum(v["score"] for v in a["evidence"].values())
    b = sum(v["score"] for v in a["barriers"].values())
    g = a["growth_correlation"]["score"]
    raw = (6 - w) * (1 + 0.04 * e) * (1 + 0.02 * b) * (1 + 0.05 * g)
    # Half up to one decimal; the epsilon absorbs float error at exact ties (x.x5).
    aijri = math.floor((raw - 0.54) / 7.93 * 1000 + 0.5 + 1e-9) / 10
    aijri = min(100.0, max(0.0, aijri))
    if aijri >= 48:
        pct3 = sum(t["time_pct"] for t in tasks if t["score"] >= 3)
        sub = "Accelerated" if g == 2 else ("Transforming" if pct3 >= 20 else "Stable")
        return aijri, f"Green ({sub})"
    return aijri, "Yellow" if aijri >= 25 else "Red"


def main():
    status = 0
    out = sys.stdout
    for path in files(sys.argv[1:]):
        try:
            with open(path, encoding="utf-8") as f:
                aijri, label = score(json.load(f))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            print(f"{path}: error: {type(e).__name__}: {e}", file=sys.stderr)
            status = 1
            continue
        out.write(f"{path}\t{aijri:.1f}\t{label}\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
