#!/usr/bin/env python3
"""Scores random and near-boundary assessments with the aijri binary and with the
independent reference implementation (aijri_reference.py), and fails on any difference.

usage: check_random.py AIJRI_BINARY [COUNT] [SEED]
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aijri_reference  # noqa: E402

PRINCIPLES = ["embodied_physicality", "deep_interpersonal_connection", "goal_setting_moral_judgment"]
EVIDENCE = ["job_posting_trends", "company_actions", "wage_trends", "ai_tool_maturity", "expert_consensus"]
BARRIERS = ["regulatory_licensing", "physical_presence", "union_collective_bargaining",
            "liability_accountability", "cultural_ethical"]
IMPACTS = ["displacement", "augmentation", "not_involved"]


def random_shares(rng, n):
    """n positive shares in hundredths of a percent that sum to exactly 100."""
    cuts = sorted(rng.sample(range(1, 10000), n - 1))
    bounds = [0] + cuts + [10000]
    return [bounds[i + 1] - bounds[i] for i in range(n)]


def random_assessment(rng):
    n = rng.randint(1, 12)
    shares = random_shares(rng, n) if n > 1 else [10000]
    if rng.random() < 0.5:  # whole percents, as most documents have
        shares = [max(1, round(s / 100)) * 100 for s in shares]
        shares[-1] = 10000 - sum(shares[:-1])
        if shares[-1] <= 0:
            shares = [10000 // n * 1] * n
            shares[-1] = 10000 - sum(shares[:-1])
    tasks = []
    for i, s in enumerate(shares):
        pct = F(s, 100)
        text = str(s // 100) if s % 100 == 0 else f"{s // 100}.{s % 100:02d}"
        tasks.append({"name": f"Task {i}", "time_pct": json.loads(text) if "." not in text else None,
                      "_text": text, "score": rng.randint(1, 5), "impact": rng.choice(IMPACTS)})
    return {
        "aijri": 1,
        "role": {"title": "Random role"},
        "protective_principles": {k: {"score": rng.randint(0, 3)} for k in PRINCIPLES},
        "growth_correlation": {"score": rng.randint(-2, 2)},
        "tasks": tasks,
        "evidence": {k: {"score": rng.randint(-2, 2)} for k in EVIDENCE},
        "barriers": {k: {"score": rng.randint(0, 2)} for k in BARRIERS},
    }


def to_text(a):
    """JSON text with time shares written exactly as decimals (never through a float)."""
    tasks = a["tasks"]
    plain = dict(a)
    plain["tasks"] = [{"name": t["name"], "time_pct": "@@%s@@" % t["_text"], "score": t["score"],
                       "impact": t["impact"]} for t in tasks]
    return json.dumps(plain, indent=1).replace('"@@', "").replace('@@"', "")


def near_boundary(rng):
    """Two-task assessments whose exact AIJRI lies close to a zone boundary."""
    while True:
        a = random_assessment(rng)
        E = sum(v["score"] for v in a["evidence"].values())
        B = sum(v["score"] for v in a["barriers"].values())
        g = a["growth_correlation"]["score"]
        M = (1 + F(4, 100) * E) * (1 + F(2, 100) * B) * (1 + F(5, 100) * g)
        target = rng.choice([F(4795, 100), F(48), F(2495, 100), F(25)])
        W = 6 - (target * F(793, 10000) + F(54, 100)) / M
        if not (1 < W < 5):
            continue
        s1, s2 = int(W), int(W) + 1
        p = (s2 - W) * 100 / (s2 - s1)  # share at s1
        hundredths = int(p * 100) + rng.choice([0, 1])
        if not (0 < hundredths < 10000):
            continue
        t1, t2 = hundredths, 10000 - hundredths
        fmt = lambda h: f"{h // 100}.{h % 100:02d}"
        a["tasks"] = [
            {"name": "A", "_text": fmt(t1), "score": s1, "impact": "augmentation"},
            {"name": "B", "_text": fmt(t2), "score": s2, "impact": "displacement"},
        ]
        return a


def as_fraction(x):
    return F(str(x)) if not isinstance(x, int) else F(x)


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261125)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        cases = [random_assessment(rng) for _ in range(count)] + [near_boundary(rng) for _ in range(count)]
        paths = []
        for i, a in enumerate(cases):
            path = os.path.join(tmp, f"case-{i:05d}.json")
            with open(path, "w") as f:
                f.write(to_text(a))
            paths.append(path)
        for path in paths:
            with open(path) as f:
                expected = aijri_reference.score(json.load(f))
            out = subprocess.run([binary, "score", "--format", "json", path], capture_output=True, text=True)
            if out.returncode != 0:
                print(f"FAIL {path}: exit {out.returncode}: {out.stderr}")
                failures += 1
                continue
            got = json.loads(out.stdout)
            checks = {
                "aijri": (as_fraction(got["aijri"]), expected["aijri"]),
                "zone": (got["zone"], expected["zone"]),
                "label": (got["label"], expected["label"]),
                "raw": (as_fraction(got["raw"]), expected["raw"]),
                "task_resistance": (as_fraction(got["task_resistance"]), expected["task_resistance"]),
                "pct_time_3plus": (as_fraction(got["pct_time_3plus"]), expected["pct_time_3plus"]),
                "quick_screen": (got["quick_screen"], expected["quick_screen"]),
                "exact aijri": (F(got["exact"]["aijri"]) if "/" in got["exact"]["aijri"]
                                else F(got["exact"]["aijri"]), expected["aijri_exact"]),
            }
            for key, (g, e) in checks.items():
                if g != e:
                    print(f"FAIL {path}: {key}: aijri gives {g}, the reference {e}")
                    failures += 1
    total = 2 * count
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
