#!/usr/bin/env python3
"""An independent implementation of METHODOLOGY.md (aijri-1) in exact fractions.

It shares no code with the C++ engine: it reads the JSON with Python's own parser and
applies the formula as the methodology document states it. Tests use it to check the
engine on random and near-boundary assessments.
"""
from fractions import Fraction as F
import json
import sys


def dec(x):
    # json numbers parsed by Python may be float; go through their text to stay exact.
    return F(str(x)) if not isinstance(x, int) else F(x)


def round_half_up(x, decimals):
    scale = 10 ** decimals
    n = x * scale + F(1, 2)
    return F(n.numerator // n.denominator, scale)


def score(a):
    tasks = a["tasks"]
    W = sum(dec(t["time_pct"]) / 100 * t["score"] for t in tasks)
    TRS = 6 - W
    E = sum(v["score"] for v in a["evidence"].values())
    B = sum(v["score"] for v in a["barriers"].values())
    g = a["growth_correlation"]["score"]
    P = sum(v["score"] for v in a["protective_principles"].values())
    EM = 1 + F(4, 100) * E
    BM = 1 + F(2, 100) * B
    GM = 1 + F(5, 100) * g
    raw = TRS * EM * BM * GM
    exact = (raw - F(54, 100)) / F(793, 100) * 100
    published = min(F(100), max(F(0), round_half_up(exact, 1)))
    zone = "Green" if published >= 48 else ("Yellow" if published >= 25 else "Red")
    pct3 = sum(dec(t["time_pct"]) for t in tasks if t["score"] >= 3)
    sub = None
    if zone == "Green":
        sub = "Accelerated" if g == 2 else ("Transforming" if pct3 >= 20 else "Stable")
    qs_total = P + g
    qs = "Likely Green" if qs_total >= 4 else ("Likely Yellow" if qs_total >= 2 else "Likely Red")
    if qs == "Likely Green" and g == 2:
        qs += " (Accelerated)"
    split = {k: sum((dec(t["time_pct"]) for t in tasks if t["impact"] == k), F(0))
             for k in ("displacement", "augmentation", "not_involved")}
    return {
        "task_weighted_total": W, "task_resistance": TRS, "protective_total": P,
        "growth_correlation": g, "evidence_total": E, "evidence_modifier": EM,
        "barrier_total": B, "barrier_modifier": BM, "growth_modifier": GM,
        "raw": round_half_up(raw, 4), "raw_exact": raw, "aijri_exact": exact,
        "aijri": published, "zone": zone, "sub_label": sub,
        "label": f"{zone} ({sub})" if sub else zone, "pct_time_3plus": pct3,
        "split": split, "quick_screen": qs,
    }


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            r = score(json.load(f))
        print(path, float(r["aijri"]), r["label"])
