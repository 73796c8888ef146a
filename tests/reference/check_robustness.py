#!/usr/bin/env python3
"""Checks `aijri robustness` against the independent reference (robustness_reference.py), and
the reference against brute force.

usage: check_robustness.py AIJRI_BINARY [COUNT] [SEED]
       check_robustness.py --self-check [COUNT] [SEED]     (the reference alone, no binary)

1. Self-checks of the reference: the seed's fewest edits down worked out by hand; on small
   assessments, zone probabilities, quantiles and Sobol indices by enumerating every
   combination, and fewest edits by breadth-first search, against the fast reference.
2. COUNT random assessments (with and without declared ranges, decimal time shares, overrides
   now and then), COUNT near-boundary ones and the small ones of step 1, written into a
   folder that the binary reads once per uncertainty model (`--format jsonl`); every key of
   every object must equal the reference exactly (numbers compared as exact decimals).
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_random  # noqa: E402
import robustness_reference as R  # noqa: E402
from aijri_reference import round_half_up  # noqa: E402

BOUNDS = {"G": (-2, 2), "T": (1, 5), "E": (-2, 2), "B": (0, 2)}


# ---------------------------------------------------------------- assessments

def items_of(a):
    """The scored items (dicts holding "score") in canonical order, with their factor."""
    out = [("G", a["growth_correlation"])] + [("T", t) for t in a["tasks"]]
    out += [("E", a["evidence"][k]) for k, _ in R.EVIDENCE] + [("B", a["barriers"][k]) for k, _ in R.BARRIERS]
    return out


def add_ranges(rng, a, share):
    """Declares a range on about `share` of the scored inputs (some of them a single value)."""
    for factor, item in items_of(a):
        if rng.random() < share:
            lo, hi = BOUNDS[factor]
            s = item["score"]
            item["range"] = [rng.randint(lo, s), rng.randint(s, hi)]
    return a


def add_override(rng, a):
    if rng.random() < 0.15:
        a["override"] = rng.choice([{"zone": rng.choice(R.ZONES), "reason": "assessor judgment"},
                                    {"aijri": round(rng.uniform(0, 100), 1), "reason": "calibrated by hand"}])
    return a


def to_text(a):
    """JSON text with time shares written exactly as decimals, keeping ranges and overrides."""
    plain = dict(a)
    plain["tasks"] = []
    for t in a["tasks"]:
        task = {"name": t["name"], "time_pct": "@@%s@@" % t["_text"], "score": t["score"], "impact": t["impact"]}
        if "range" in t:
            task["range"] = t["range"]
        plain["tasks"].append(task)
    return json.dumps(plain, indent=1).replace('"@@', "").replace('@@"', "")


def reparse(a):
    """The assessment as the reference reads it from the file (time shares as exact text)."""
    return json.loads(to_text(a))


def support_size(a, model):
    n = 1
    for i in R.inputs_of(reparse(a)):
        n *= len(i.support(model))
    return n


def small_assessment(rng, model, limit=6000):
    """Few enough combinations to enumerate under `model`: one or two tasks, and in the default
    model (where every input varies) one task, most scores at a bound (2^12 = 4096 at least)."""
    while True:
        a = check_random.random_assessment(rng)
        n = rng.randint(1, 2) if model == "declared" else 1
        shares = check_random.random_shares(rng, n) if n > 1 else [10000]
        a["tasks"] = [{"name": f"Task {i}", "_text": f"{s // 100}.{s % 100:02d}", "score": rng.randint(1, 5),
                       "impact": rng.choice(check_random.IMPACTS)} for i, s in enumerate(shares)]
        if model == "declared":
            add_ranges(rng, a, rng.choice([0.0, 0.3, 0.5]))
        else:
            # push scores to their bounds (two values each in the default model) until small
            items = items_of(a)
            rng.shuffle(items)
            for factor, item in items:
                if support_size(a, model) <= limit:
                    break
                item["score"] = rng.choice(BOUNDS[factor])
            add_ranges(rng, a, 0.1)
        if support_size(a, model) <= limit:
            return add_override(rng, a)


def few_steps_from_a_line(rng):
    """An assessment whose zone changes within three unit steps, often with equal time shares
    and scores at their bounds."""
    while True:
        a = check_random.random_assessment(rng)
        if rng.random() < 0.6:
            n = rng.choice([2, 4, 5, 10])
            a["tasks"] = [{"name": f"Task {i}", "_text": str(100 // n), "score": rng.randint(1, 5),
                           "impact": "augmentation"} for i in range(n)]
        for factor, item in items_of(a):
            if rng.random() < 0.4:
                item["score"] = rng.choice(BOUNDS[factor])
        edits = R.fewest_edits(R.inputs_of(reparse(a)))
        if any(e is not None and e["count"] <= 3 for e in edits.values()):
            return add_override(rng, a)


def few_moves(rng):
    """An assessment where few inputs can move one way (most scores at a bound), often with
    equal time shares: every edit that way can be enumerated, and ties are common."""
    while True:
        a = check_random.random_assessment(rng)
        if rng.random() < 0.6:
            n = rng.choice([2, 4, 5])
            a["tasks"] = [{"name": f"Task {i}", "_text": str(100 // n), "score": rng.randint(1, 5),
                           "impact": "augmentation"} for i in range(n)]
        bound = rng.choice([0, 1])
        for factor, item in items_of(a):
            if rng.random() < 0.75:
                item["score"] = BOUNDS[factor][bound if rng.random() < 0.8 else 1 - bound]
        inputs = R.inputs_of(reparse(a))
        if any(R.monotone_space(inputs, d) <= 5000 for d in fewest_edit_directions(inputs)):
            return add_override(rng, a)


def fewest_edit_directions(inputs):
    zone = R.zone_of(R.published_of(inputs, [i.score for i in inputs]))
    return {"Green": ["down"], "Yellow": ["down", "up"], "Red": ["up"]}[zone]


# ---------------------------------------------------------------- self-checks

def check_seed_by_hand(failures):
    """The seed (AIJRI 64.6, Green) loses Green when the published AIJRI drops below 48.0, i.e.
    exact < 47.95, i.e. raw < 0.54 + 0.0793 * 47.95 = 4.342435. Today raw = TRS 3.75 x EM 1.32
    x BM 1.04 x GM 1.10 = 5.6628. The cheapest steps: "Train & optimize" (25%, score 3, two steps
    up) takes 0.25 off TRS each, "Design novel architectures" (20%, score 2) 0.20 each; an
    evidence step multiplies by 1.28/1.32 (0.970), a barrier step by 1.02/1.04 (0.981), a growth
    step by 1.05/1.10 (0.955), all weaker than a task step here.
      3 steps at best: TRS 3.75 - 0.25 - 0.25 - 0.20 = 3.05, raw 3.05 x 1.51008 = 4.6057 > 4.3424
      (2 task steps + growth: 3.25 x 1.32 x 1.04 x 1.05 = 4.6847; worse), so 3 cannot;
      4 steps: TRS 3.75 - 0.5 - 0.4 = 2.85, raw 2.85 x 1.51008 = 4.3037 < 4.3424: AIJRI 47.5, Yellow.
    Fewest inputs: no single input can (task "Research" 1->5: TRS 3.15, raw 4.76; growth 2->-2:
    raw 4.63; one evidence 2->-2: raw 4.98). Two inputs: none with growth (position 0) works
    (growth 1..3 steps with the best task for the rest: raw 4.54, 4.46, 4.56), so positions 1
    and 2 (tasks 0 and 1): (2, 2) works, (3, 1) gives TRS 2.90, raw 4.379 > 4.342, so not.
    Down: 4 steps, to Yellow, /tasks/0/score 2 -> 4 and /tasks/1/score 3 -> 5. Up: none (Green)."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "assessments", "deep-learning-engineer.json"), encoding="utf-8") as f:
        seed = json.load(f)
    got = R.robustness(seed)
    want_down = {"zone": "Yellow", "count": 4, "edits": [{"pointer": "/tasks/0/score", "from": 2, "to": 4},
                                                         {"pointer": "/tasks/1/score", "from": 3, "to": 5}]}
    expect(failures, "seed", "fewest_edits", {"down": want_down, "up": None}, got["fewest_edits"])
    expect(failures, "seed", "margin", {"above": {"line": F(48), "points": F(166, 10)}, "below": None}, got["margin"])
    # and the search agrees with breadth-first search on it
    expect(failures, "seed", "bfs down", want_down, R.brute_edits(R.inputs_of(seed), "down", 4))


def tie_case():
    """Five tasks of 20% scored 4 (TRS 2.00), evidence 2,2,2,0,0 (EM 1.24), barriers 2,2,2,1,1
    (BM 1.16), growth 2 (GM 1.10): raw 3.16448, AIJRI 33.1, Yellow. Green needs raw >= 4.342435,
    TRS >= 2.7215: three task steps (TRS 2.60) fall short, and an evidence or barrier step does
    less than a task step, so four steps on tasks, each task at most 3 (4 -> 1): two tasks,
    the first two, and of (3, 1), (2, 2), (1, 3) the largest vector: task 0 4 -> 1, task 1 4 -> 3."""
    a = check_random.random_assessment(random.Random(0))
    a["tasks"] = [{"name": f"Task {i}", "_text": "20", "score": 4, "impact": "augmentation"} for i in range(5)]
    a["growth_correlation"] = {"score": 2}
    for (key, _), s in zip(R.EVIDENCE, (2, 2, 2, 0, 0)):
        a["evidence"][key] = {"score": s}
    for (key, _), s in zip(R.BARRIERS, (2, 2, 2, 1, 1)):
        a["barriers"][key] = {"score": s}
    return a


def check_tie_by_hand(failures):
    a = tie_case()
    inputs = R.inputs_of(reparse(a))
    want = {"zone": "Green", "count": 4, "edits": [{"pointer": "/tasks/0/score", "from": 4, "to": 1},
                                                  {"pointer": "/tasks/1/score", "from": 4, "to": 3}]}
    expect(failures, "tie case", "aijri", F(331, 10), R.published_of(inputs, [i.score for i in inputs]))
    expect(failures, "tie case", "fewest_edits.up", want, R.fewest_edits(inputs)["up"])
    expect(failures, "tie case", "every helpful edit, up", want, R.brute_monotone_edits(inputs, "up"))


def expect(failures, where, key, want, got):
    if want != got:
        print(f"FAIL {where}: {key}: expected {want}, got {got}")
        failures.append((where, key))


def self_check(rng, count, failures):
    check_seed_by_hand(failures)
    check_tie_by_hand(failures)
    smalls = [tie_case()]
    for n in range(count):
        model = "declared" if n % 3 == 2 else "default"
        a = small_assessment(rng, model)
        inputs = R.inputs_of(reparse(a))
        where = f"small case {n} ({model})"
        expect(failures, where, "uncertainty", R.brute_uncertainty(inputs, model), R.uncertainty(inputs, model))
        expect(failures, where, "sensitivity", R.brute_sensitivity(inputs, model), R.sensitivity(inputs, model))
        smalls.append(a)
    compared = 0
    for n in range(count):
        # a few steps from a line, so that breadth-first search reaches the answer; equal
        # time shares and scores at their bounds make ties, which the tie-break must settle
        a = few_steps_from_a_line(rng) if n % 3 else small_assessment(rng, "default")
        inputs = R.inputs_of(reparse(a))
        search = R.fewest_edits(inputs)
        for direction in ("down", "up"):
            bfs = R.brute_edits(inputs, direction, 3)
            mine = search[direction]
            if bfs == "deeper":
                if mine is not None and mine["count"] <= 3:
                    expect(failures, f"edit case {n}", f"fewest_edits.{direction}", "more than 3 steps", mine)
            else:
                compared += 1
                expect(failures, f"edit case {n}", f"fewest_edits.{direction}", bfs, mine)
        smalls.append(a)
    print(f"self-check: {compared} fewest edits found by breadth-first search")
    compared = 0
    while compared < 4 * count:
        a = few_moves(rng)
        inputs = R.inputs_of(reparse(a))
        search = R.fewest_edits(inputs)
        for direction in ("down", "up"):
            if search[direction] is None and direction not in fewest_edit_directions(inputs):
                continue
            if R.monotone_space(inputs, direction) <= 5000:
                compared += 1
                expect(failures, f"monotone case {compared}", f"fewest_edits.{direction}",
                       R.brute_monotone_edits(inputs, direction), search[direction])
        smalls.append(a)
    print(f"self-check: {compared} fewest edits found by enumerating every helpful edit")
    return smalls


# ---------------------------------------------------------------- against the binary

def expected_object(path, a, model):
    """What `aijri robustness` must print for the assessment `a` (as read from its file)."""
    r = R.robustness(a, model)
    u = r["uncertainty"]
    return {
        "file": path, "id": a.get("id", os.path.basename(path)[: -len(".json")]), "title": r["title"],
        "aijri": r["aijri"], "zone": r["zone"], "label": r["label"], "margin": r["margin"],
        "fewest_edits": r["fewest_edits"], "swing": r["swing"],
        "uncertainty": {"model": model,
                        "zones": {z: {"exact": f"{p.numerator}/{p.denominator}", "probability": round_half_up(p, 6)}
                                  for z, p in u["zones"].items()},
                        "aijri": u["aijri"]},
        "sensitivity": [{"pointer": s["pointer"], "first_order": s["first_order"], "total": s["total"]}
                        for s in r["sensitivity"]],
    }


def shown(x):
    """A value as the report would print it: exact numbers as decimals (with the fraction
    when it does not end), the rest as JSON."""
    if isinstance(x, F) and not isinstance(x, bool):
        d = x.denominator
        while d % 2 == 0:
            d //= 2
        while d % 5 == 0:
            d //= 5
        if d == 1:
            digits = 0
            while (x * 10 ** digits).denominator != 1:
                digits += 1
            return f"{float(x):.{digits}f}" if digits else str(x.numerator)
        return f"{float(x)} ({x})"
    if isinstance(x, (dict, list)):
        return json.dumps(x, default=shown)
    return json.dumps(x)


def compare(where, key, want, got, failures):
    """Every key of `want` must be in `got` with an equal value (numbers exactly)."""
    def fail(message=None):
        print(f"FAIL {where}: {key}: " + (message or f"aijri gives {shown(got)}, the reference {shown(want)}"))
        failures.append((where, key))

    if isinstance(want, dict):
        if not isinstance(got, dict):
            return fail()
        for k, v in want.items():
            if k not in got:
                print(f"FAIL {where}: {key}.{k}: missing from aijri's output (the reference: {shown(v)})")
                failures.append((where, key))
            else:
                compare(where, f"{key}.{k}" if key else k, v, got[k], failures)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return fail()
        for n, (w, g) in enumerate(zip(want, got)):
            compare(where, f"{key}[{n}]", w, g, failures)
    elif want is None or isinstance(want, (bool, str)):
        if got != want or type(got) is not type(want):
            fail()
    elif isinstance(got, bool) or not isinstance(got, (int, F)) or F(got) != F(want):
        fail()


def run_binary(binary, folder, cases, model, failures):
    args = [binary, "robustness", "--format", "jsonl"] + (["--uncertainty", model] if model != "default" else [])
    out = subprocess.run(args + [folder], capture_output=True, text=True)
    if out.returncode not in (0,):
        print(f"FAIL {' '.join(args)} {folder}: exit {out.returncode}: {out.stderr[:2000]}")
        failures.append((folder, "exit"))
        return
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    if len(lines) != len(cases):
        print(f"FAIL {folder}: {len(lines)} objects for {len(cases)} files")
        failures.append((folder, "count"))
        return
    for line, (path, a) in zip(lines, cases):
        got = json.loads(line, parse_float=F)
        if os.path.realpath(got.get("file", "")) != os.path.realpath(path):
            print(f"FAIL {path}: file: aijri gives {got.get('file')!r} (objects in path order)")
            failures.append((path, "file"))
            continue
        want = expected_object(path, reparse(a), model)
        want.pop("file")
        compare(f"{os.path.basename(path)} ({model})", "", want, got, failures)


def run_binary_on_seed(binary, failures):
    """`--format json` on one file: one object, the same figures."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "assessments", "deep-learning-engineer.json")
    with open(path, encoding="utf-8") as f:
        seed = json.load(f)
    for model in ("default", "declared"):
        out = subprocess.run([binary, "robustness", "--format", "json", "--uncertainty", model, path],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(f"FAIL {path} ({model}): exit {out.returncode}: {out.stderr[:2000]}")
            failures.append((path, "exit"))
            continue
        got = json.loads(out.stdout, parse_float=F)
        want = expected_object(path, seed, model)
        want.pop("file")
        compare(f"seed, --format json ({model})", "", want, got, failures)


def main():
    args = sys.argv[1:]
    binary = None if args[0] == "--self-check" else args[0]
    count = int(args[1]) if len(args) > 1 else 100
    rng = random.Random(int(args[2]) if len(args) > 2 else 20261207)
    failures = []
    smalls = self_check(rng, max(4, count // 10), failures)
    print(f"self-check: {len(failures)} failures")
    if binary is not None:
        cases = []
        for n in range(count):
            a = check_random.random_assessment(rng)
            add_ranges(rng, a, rng.choice([0.0, 0.0, 0.2, 0.5, 1.0]))
            cases.append(add_override(rng, a))
        for n in range(count):
            a = check_random.near_boundary(rng)
            add_ranges(rng, a, rng.choice([0.0, 0.3]))
            cases.append(add_override(rng, a))
        cases += smalls
        with tempfile.TemporaryDirectory() as tmp:
            named = []
            for n, a in enumerate(cases):
                path = os.path.join(tmp, f"case-{n:05d}.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(to_text(a))
                named.append((path, a))
            for model in ("default", "declared"):
                run_binary(binary, tmp, named, model, failures)
        run_binary_on_seed(binary, failures)
        print(f"{len(cases)} assessments under 2 models against {binary}")
    print(f"{len(failures)} failures" if failures else "all agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
