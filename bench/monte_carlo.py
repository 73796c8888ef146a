#!/usr/bin/env python3
"""The Monte Carlo peer of `aijri robustness`: what a careful user would write with numpy.

    /usr/bin/python3 bench/monte_carlo.py PATH... [--samples 10000] [--seed S] [--json OUT]

The recipe of the JRC/OECD Handbook on composite indicators (as the JRC's COINr package runs
it) with the Saltelli (2010) design, for each role (files and folders walked as bench/score.py
walks them, paths sorted):

- the same model as aijri's default uncertainty model: each scored input (the growth
  correlation, every task score, the five evidence and five barrier scores) independent and
  uniform over the integers of its declared "range": [lo, hi], else over {s-1, s, s+1}
  clipped to its bounds (growth -2..2, task 1..5, evidence -2..2, barrier 0..2);
- the aijri-1 formula (METHODOLOGY.md section 2) in binary floating point:
  W = sum(time_pct/100 * score), TRS = 6 - W, EM = 1 + 0.04 sum(E), BM = 1 + 0.02 sum(B),
  GM = 1 + 0.05 g, AIJRI = (TRS EM BM GM - 0.54) / 7.93 * 100; published = rounded half up
  to one decimal (with bench/score.py's 1e-9 for float error at ties), clamped to 0..100;
  zone Green >= 48.0, Yellow >= 25.0, else Red;
- two independent base samples A and B of N = --samples rows, and for each of the k inputs
  the matrix A_B^i (A with column i taken from B): N (k + 2) model evaluations, stacked into
  one matrix and evaluated in one vectorised call;
- from the N rows of A: the probability of each published zone, and the 5th, 50th and 95th
  percentiles of the published AIJRI (the q-quantile is the smallest v with P(<= v) >= q,
  here of the sample: its ceil(qN)-th smallest value);
- first-order indices with Saltelli's (2010) estimator, mean(f(B) (f(A_B^i) - f(A))) / V,
  and total indices with Jansen's, mean((f(A) - f(A_B^i))^2) / 2 / V, V the variance of
  f over A and B together, of the unclamped AIJRI (the same indices as those of the raw
  composite, of which it is an affine function), f centred on its mean over A and B first,
  as SALib does (the first-order estimator's variance grows with the mean squared).

Writes one JSON line per role to stdout (or --json OUT): file, id, samples, evaluations,
zones {Green, Yellow, Red}, aijri {p05, median, p95}, sensitivity [{pointer, first_order,
total}] in file order (growth, tasks, evidence, barriers), full float precision. Indices are
null when the composite does not vary. A file that cannot be read is reported on stderr and
the exit status is 1. One random generator (numpy's default, PCG64, seeded with --seed)
serves the roles in path order, so a run is reproducible.
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import files  # noqa: E402  (the Python peer's walk: the same files, the same order)

BOUNDS = {"growth": (-2, 2), "task": (1, 5), "evidence": (-2, 2), "barrier": (0, 2)}
QUANTILES = (("p05", 5), ("median", 50), ("p95", 95))  # percent


def scored_inputs(a):
    """The role's scored inputs in file order: (pointer, score item, bounds)."""
    out = [("/growth_correlation/score", a["growth_correlation"], BOUNDS["growth"])]
    out += [(f"/tasks/{i}/score", t, BOUNDS["task"]) for i, t in enumerate(a["tasks"])]
    out += [(f"/evidence/{key}/score", v, BOUNDS["evidence"]) for key, v in a["evidence"].items()]
    out += [(f"/barriers/{key}/score", v, BOUNDS["barrier"]) for key, v in a["barriers"].items()]
    return out


def input_ranges(inputs):
    """Each input's lo and hi under the default model: declared range, else score +-1 in bounds."""
    lo, hi = [], []
    for _pointer, item, (low, high) in inputs:
        if "range" in item:
            r = item["range"]
            lo.append(r[0])
            hi.append(r[1])
        else:
            lo.append(max(low, item["score"] - 1))
            hi.append(min(high, item["score"] + 1))
    return np.array(lo), np.array(hi)


def make_model(a):
    """The unclamped AIJRI of each row of X (columns: growth, tasks, evidence, barriers)."""
    n_tasks = len(a["tasks"])
    shares = np.array([t["time_pct"] for t in a["tasks"]], dtype=float) / 100
    tasks = slice(1, 1 + n_tasks)
    evidence = slice(1 + n_tasks, 1 + n_tasks + len(a["evidence"]))
    barriers = slice(evidence.stop, evidence.stop + len(a["barriers"]))

    def model(X):
        trs = 6 - X[:, tasks] @ shares
        em = 1 + 0.04 * X[:, evidence].sum(axis=1)
        bm = 1 + 0.02 * X[:, barriers].sum(axis=1)
        gm = 1 + 0.05 * X[:, 0]
        return (trs * em * bm * gm - 0.54) / 7.93 * 100

    return model


def published_tenths(y):
    """The published AIJRI in tenths: half up to one decimal, clamped to 0..100."""
    return np.clip(np.floor(y * 10 + 0.5 + 1e-9), 0, 1000).astype(np.int64)


def analyse(a, n, rng):
    inputs = scored_inputs(a)
    k = len(inputs)
    lo, hi = input_ranges(inputs)
    model = make_model(a)

    A = rng.integers(lo, hi + 1, size=(n, k)).astype(float)
    B = rng.integers(lo, hi + 1, size=(n, k)).astype(float)
    AB = np.repeat(A[np.newaxis], k, axis=0)         # AB[i] = A with column i from B
    for i in range(k):
        AB[i, :, i] = B[:, i]
    y = model(np.concatenate([A, B, AB.reshape(k * n, k)]))
    yA, yB, yAB = y[:n], y[n:2 * n], y[2 * n:].reshape(k, n)

    tenths = np.sort(published_tenths(yA))
    green = np.count_nonzero(tenths >= 480)
    yellow = np.count_nonzero(tenths >= 250) - green
    zones = {"Green": green / n, "Yellow": yellow / n, "Red": (n - green - yellow) / n}
    # The q-quantile: the smallest v with P(<= v) >= q, i.e. the ceil(qN)-th smallest value.
    percentiles = {name: float(tenths[-(-n * pct // 100) - 1]) / 10 for name, pct in QUANTILES}

    # Centred first, as SALib does: Saltelli's first-order estimator is not shift-invariant,
    # and its variance grows with the mean squared (the AIJRI's mean is several spreads away
    # from zero); centring changes none of the indices it estimates.
    mean = np.mean(np.concatenate([yA, yB]))
    yA, yB, yAB = yA - mean, yB - mean, yAB - mean
    variance = np.var(np.concatenate([yA, yB]))
    if variance > 0:
        first = np.mean(yB * (yAB - yA), axis=1) / variance          # Saltelli (2010)
        total = np.mean((yA - yAB) ** 2, axis=1) / 2 / variance      # Jansen (1999)
    else:
        first = total = [None] * k
    sensitivity = [{"pointer": pointer, "first_order": None if f is None else float(f),
                    "total": None if t is None else float(t)}
                   for (pointer, _item, _bounds), f, t in zip(inputs, first, total)]
    return {"samples": n, "evaluations": n * (k + 2), "zones": zones, "aijri": percentiles,
            "sensitivity": sensitivity}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", metavar="PATH")
    ap.add_argument("--samples", type=int, default=10000, help="base samples N per role (default 10000)")
    ap.add_argument("--seed", type=int, default=20240917, help="seed of the random generator")
    ap.add_argument("--json", metavar="OUT", help="write the JSON lines to OUT instead of stdout")
    o = ap.parse_args()
    rng = np.random.default_rng(o.seed)
    out = open(o.json, "w", encoding="utf-8") if o.json else sys.stdout
    status = 0
    for path in files(o.paths):
        try:
            with open(path, encoding="utf-8") as f:
                a = json.load(f)
            result = {"file": path, "id": a.get("id"), **analyse(a, o.samples, rng)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
            print(f"{path}: error: {type(e).__name__}: {e}", file=sys.stderr)
            status = 1
            continue
        out.write(json.dumps(result) + "\n")
    if o.json:
        out.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
