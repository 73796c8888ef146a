#!/usr/bin/env python3
"""An independent implementation of the robustness figures (METHODOLOGY.md §8, issue 15).

Written from the methodology text, sharing no code with the C++ engine. Every figure is
exact: the uncertainty and sensitivity figures come from per-factor distributions computed
by convolution, the fewest edits from an exact search with the documented tie-break. The
`brute_*` functions compute the same figures straight from their definitions (enumerating
every combination, breadth-first search over edits); they are slow and only for small
assessments, to check the fast ones.

Figures are on the formula's verdict: an override is ignored.
"""
from bisect import bisect_left, bisect_right
from collections import deque
from fractions import Fraction as F
from itertools import product
import math

from aijri_reference import dec, round_half_up, score

EVIDENCE = [("job_posting_trends", "Job Posting Trends"), ("company_actions", "Company Actions"),
            ("wage_trends", "Wage Trends"), ("ai_tool_maturity", "AI Tool Maturity"),
            ("expert_consensus", "Expert Consensus")]
BARRIERS = [("regulatory_licensing", "Regulatory/Licensing"), ("physical_presence", "Physical Presence"),
            ("union_collective_bargaining", "Union/Collective Bargaining"),
            ("liability_accountability", "Liability/Accountability"), ("cultural_ethical", "Cultural/Ethical")]
ZONES = ["Red", "Yellow", "Green"]  # lowest first
LINES = {"Yellow": F(25), "Green": F(48)}  # the lower line of each zone above Red
QUANTILES = [("p05", F(5, 100)), ("median", F(1, 2)), ("p95", F(95, 100))]


class Input:
    """One scored input. Its factor is 'T' (task resistance), 'E', 'B' or 'G'; `weight` is how
    much one unit of its score moves the factor's integer form (see `factor_values`)."""

    def __init__(self, pointer, name, factor, weight, score, lo, hi, declared):
        self.pointer, self.name, self.factor, self.weight = pointer, name, factor, weight
        self.score, self.lo, self.hi, self.declared = score, lo, hi, declared

    def support(self, model):
        """The values the input takes with equal probability under the uncertainty model."""
        if self.declared is not None:
            return list(range(self.declared[0], self.declared[1] + 1))
        if model == "declared":
            return [self.score]
        return [v for v in (self.score - 1, self.score, self.score + 1) if self.lo <= v <= self.hi]


def inputs_of(a):
    """The scored inputs in canonical (file) order."""
    def declared(item):
        r = item.get("range")
        return tuple(r) if r is not None else None

    g = a["growth_correlation"]
    out = [Input("/growth_correlation/score", "Growth Correlation", "G", 5, g["score"], -2, 2, declared(g))]
    for i, t in enumerate(a["tasks"]):
        hundredths = dec(t["time_pct"]) * 100
        assert hundredths.denominator == 1, "time shares have at most two decimals"
        # TRS = 6 - sum(p/100 * s): in ten-thousandths, a unit of score on task i costs p*100.
        out.append(Input(f"/tasks/{i}/score", t["name"], "T", -int(hundredths), t["score"], 1, 5, declared(t)))
    for key, title in EVIDENCE:
        item = a["evidence"][key]
        out.append(Input(f"/evidence/{key}/score", title, "E", 4, item["score"], -2, 2, declared(item)))
    for key, title in BARRIERS:
        item = a["barriers"][key]
        out.append(Input(f"/barriers/{key}/score", title, "B", 2, item["score"], 0, 2, declared(item)))
    return out


# Each factor in an integer form: T = 10000*TRS = 60000 - sum(h_i s_i) (h_i = time share in
# hundredths of a percent), E = 100*EM = 100 + 4*sum(E), B = 100*BM = 100 + 2*sum(B),
# G = 100*GM = 100 + 5*g. Then raw = T*E*B*G / 10^10.
FACTOR_BASE = {"T": 60000, "E": 100, "B": 100, "G": 100}
FACTOR_SCALE = {"T": 10000, "E": 100, "B": 100, "G": 100}


def factor_values(inputs, scores):
    """The four factors' integer forms for the given scores (one per input, canonical order)."""
    f = dict(FACTOR_BASE)
    for inp, s in zip(inputs, scores):
        f[inp.factor] += inp.weight * s
    return f


def published_of_product(p):
    """The published AIJRI for raw = p / 10^10, straight from METHODOLOGY.md §2."""
    raw = F(p, 10 ** 10)
    exact = (raw - F(54, 100)) / F(793, 100) * 100
    return min(F(100), max(F(0), round_half_up(exact, 1)))


def exact_of_product(p):
    return (F(p, 10 ** 10) - F(54, 100)) / F(793, 100) * 100


def published_of(inputs, scores):
    f = factor_values(inputs, scores)
    return published_of_product(f["T"] * f["E"] * f["B"] * f["G"])


def zone_of(published):
    return "Green" if published >= 48 else ("Yellow" if published >= 25 else "Red")


def threshold(j):
    """The least T*E*B*G with published AIJRI >= j/10, for j in 1..1000. Published >= v iff
    round_half_up(exact, 1) >= v iff exact >= v - 0.05 iff raw >= 0.54 + 0.0793 (v - 0.05);
    clamping changes nothing for 0 < v <= 100."""
    return 5_400_000_000 + 7_930_000 * (10 * j - 5)


THRESHOLDS = [0] + [threshold(j) for j in range(1, 1001)]  # increasing


# ---------------------------------------------------------------- margin and swing

def margin(published):
    zone = zone_of(published)
    above = None if zone == "Red" else {"line": LINES[zone], "points": published - LINES[zone]}
    up = {"Red": "Yellow", "Yellow": "Green"}.get(zone)
    below = None if up is None else {"line": LINES[up], "points": LINES[up] - published}
    return {"above": above, "below": below}


def swing(inputs):
    scores = [i.score for i in inputs]
    rows = []
    for k, inp in enumerate(inputs):
        at = {}
        for end, value in (("at_min", inp.lo), ("at_max", inp.hi)):
            edited = list(scores)
            edited[k] = value
            at[end] = {"value": value, "aijri": published_of(inputs, edited)}
        rows.append((k, {"pointer": inp.pointer, "name": inp.name, **at}))
    rows.sort(key=lambda r: (-abs(r[1]["at_max"]["aijri"] - r[1]["at_min"]["aijri"]), r[0]))
    return [r for _, r in rows]


# ---------------------------------------------------------------- uncertainty (exact, fast)

def factor_distributions(inputs, model):
    """For each factor, {integer form: number of equally likely combinations}, by convolution."""
    dists = {f: {FACTOR_BASE[f]: 1} for f in FACTOR_BASE}
    for inp in inputs:
        d = dists[inp.factor]
        nxt = {}
        for value, count in d.items():
            for s in inp.support(model):
                key = value + inp.weight * s
                nxt[key] = nxt.get(key, 0) + count
        dists[inp.factor] = nxt
    return dists


def published_counts(inputs, model):
    """(at_least, total): at_least[j] = number of combinations with published AIJRI >= j/10,
    j = 0..1001 (at_least[0] = total, at_least[1001] = 0)."""
    dists = factor_distributions(inputs, model)
    modifiers = {1: 1}
    for f in "EBG":
        nxt = {}
        for m, c in modifiers.items():
            for v, cv in dists[f].items():
                nxt[m * v] = nxt.get(m * v, 0) + c * cv
        modifiers = nxt
    t_values = sorted(dists["T"])
    suffix = [0] * (len(t_values) + 1)
    for i in range(len(t_values) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + dists["T"][t_values[i]]
    total = suffix[0] * sum(modifiers.values())
    at_least = [0] * 1002
    full_up_to = [0] * 1002  # full_up_to[j]: combinations counted at every j' <= j
    for m, cm in modifiers.items():  # every modifier product is positive
        # below the least product every T reaches the line; above the greatest none does
        j_full = bisect_right(THRESHOLDS, t_values[0] * m, 1) - 1
        j_none = bisect_right(THRESHOLDS, t_values[-1] * m, 1)
        full_up_to[j_full] += cm * suffix[0]
        for j in range(j_full + 1, j_none):
            need = -(-THRESHOLDS[j] // m)  # T >= ceil(threshold / m)
            at_least[j] += cm * suffix[bisect_left(t_values, need)]
    running = 0
    for j in range(1000, 0, -1):
        running += full_up_to[j]
        at_least[j] += running
    at_least[0] = total
    return at_least, total


def uncertainty_from_counts(at_least, total, model):
    zone_counts = {"Green": at_least[480], "Yellow": at_least[250] - at_least[480],
                   "Red": total - at_least[250]}
    zones = {z: F(c, total) for z, c in zone_counts.items()}
    quantiles = {}
    for name, q in QUANTILES:
        # smallest v = j/10 with P(published <= v) = (total - at_least[j+1]) / total >= q
        j = next(j for j in range(0, 1001) if F(total - at_least[j + 1], total) >= q)
        quantiles[name] = F(j, 10)
    return {"model": model, "zones": zones, "aijri": quantiles}


def uncertainty(inputs, model):
    at_least, total = published_counts(inputs, model)
    return uncertainty_from_counts(at_least, total, model)


# ---------------------------------------------------------------- sensitivity (closed form)

def moments(values):
    n = len(values)
    mean = F(sum(values), n)
    var = F(sum(v * v for v in values), n) - mean * mean
    return mean, var


def sensitivity(inputs, model):
    """Sobol indices of the exact composite (an affine function of raw, so raw's indices).
    raw = prod_f F_f with independent factors F_f = c_f + sum_i a_i x_i. For x_i in factor k:
    E[Y | x_i] = (c_k' + a_i x_i) prod_{j!=k} E[F_j], so Var(E[Y|x_i]) = a_i^2 s_i^2 prod_{j!=k} E[F_j]^2;
    Var(Y | x_~i) = a_i^2 s_i^2 prod_{j!=k} F_j^2, so E[Var(Y|x_~i)] = a_i^2 s_i^2 prod_{j!=k} E[F_j^2];
    Var(Y) = prod E[F_j^2] - prod E[F_j]^2. (Scales of the integer forms cancel in the ratios.)"""
    mean = {f: F(FACTOR_BASE[f]) for f in FACTOR_BASE}
    var = {f: F(0) for f in FACTOR_BASE}
    contribution = []
    for inp in inputs:
        mu, s2 = moments(inp.support(model))
        mean[inp.factor] += inp.weight * mu
        var[inp.factor] += inp.weight ** 2 * s2
        contribution.append(inp.weight ** 2 * s2)
    second = {f: var[f] + mean[f] ** 2 for f in FACTOR_BASE}
    total_var = math.prod(second.values()) - math.prod(m * m for m in mean.values())
    rows = []
    for k, (inp, c) in enumerate(zip(inputs, contribution)):
        if total_var == 0:
            rows.append((k, None, None, inp))
            continue
        others = [f for f in FACTOR_BASE if f != inp.factor]
        first = c * math.prod(mean[f] ** 2 for f in others) / total_var
        tot = c * math.prod(second[f] for f in others) / total_var
        rows.append((k, first, tot, inp))
    return sort_sensitivity(rows)


def sort_sensitivity(rows):
    """rows: (canonical index, exact first-order, exact total, input) -> the report's list."""
    rows.sort(key=lambda r: (-(r[2] or 0), -(r[1] or 0), r[0]))
    return [{"pointer": inp.pointer,
             "first_order": None if first is None else round_half_up(first, 4),
             "total": None if tot is None else round_half_up(tot, 4),
             "first_order_exact": first, "total_exact": tot} for _, first, tot, inp in rows]


# ---------------------------------------------------------------- fewest edits (exact search)

class EditSearch:
    """Fewest unit steps that move the published zone below `line` (down) or to `line` or
    above (up), with the tie-break: fewest inputs touched, then the smallest sorted list of
    touched positions, then the largest vector of |change| in canonical order.

    Every input moves the composite monotonically (all factors are positive), so a least set
    of steps moves each input only in its helpful direction; c_i >= 0 counts those steps. The
    answer is built greedily, position by position, asking `feasible` whether the choices so
    far can still be completed with exactly `count` steps on exactly `touched` inputs."""

    def __init__(self, inputs, direction, line):
        self.inputs, self.direction = inputs, direction
        self.scores = [i.score for i in inputs]
        self.base = factor_values(inputs, self.scores)
        self.goal = threshold(int(line * 10))
        self.sign, self.cap = [], []
        for inp in inputs:
            # down lowers the composite: a step that lowers the factor (weight*step < 0)
            step = -1 if (inp.weight > 0) == (direction == "down") else 1
            self.sign.append(step)
            self.cap.append(inp.hi - inp.score if step > 0 else inp.score - inp.lo)

    def reaches(self, deltas):
        """deltas: factor -> helpful change in absolute integer units."""
        p = 1
        for f in "TEBG":
            p *= self.base[f] + (-deltas[f] if self.direction == "down" else deltas[f])
        return p < self.goal if self.direction == "down" else p >= self.goal

    def tables(self, ranges, max_steps, max_touched):
        """Per factor: {(steps, touched): best helpful change} over the allowed c_i ranges."""
        out = {}
        for f in "TEBG":
            table = {(0, 0): 0}
            for k, inp in enumerate(self.inputs):
                if inp.factor != f:
                    continue
                lo, hi = ranges[k]
                nxt = {}
                for (s, t), best in table.items():
                    for c in range(lo, hi + 1):
                        key = (s + c, t + (c > 0))
                        if key[0] > max_steps or key[1] > max_touched:
                            continue
                        value = best + abs(inp.weight) * c
                        if nxt.get(key, -1) < value:
                            nxt[key] = value
                table = nxt
            out[f] = table
        return out

    def feasible(self, tables, count, touched):
        """Can exactly `count` steps on exactly `touched` inputs reach the goal?"""
        t_table = tables["T"]
        for (sg, kg), dg in tables["G"].items():
            for (se, ke), de in tables["E"].items():
                for (sb, kb), db in tables["B"].items():
                    rest = (count - sg - se - sb, touched - kg - ke - kb)
                    dt = t_table.get(rest)
                    if dt is not None and self.reaches({"T": dt, "E": de, "B": db, "G": dg}):
                        return True
        return False

    def solve(self):
        free = [(0, c) for c in self.cap]
        tables = self.tables(free, sum(self.cap), len(self.inputs))
        least = None
        for count in range(sum(self.cap) + 1):
            least = next(((count, k) for k in range(min(count, len(self.inputs)) + 1)
                          if self.feasible(tables, count, k)), None)
            if least:
                break
        if least is None:
            return None
        count, touched = least

        def can(ranges):
            return self.feasible(self.tables(ranges, count, touched), count, touched)

        ranges = list(free)
        for k in range(len(ranges)):  # touched positions: earliest first
            if ranges[k][1] == 0:
                continue
            trial = list(ranges)
            trial[k] = (1, self.cap[k])
            if can(trial):
                ranges = trial
            else:
                ranges[k] = (0, 0)
        for k in range(len(ranges)):  # then the largest change at each position, in order
            lo, hi = ranges[k]
            for c in range(hi, lo - 1, -1):
                trial = list(ranges)
                trial[k] = (c, c)
                if can(trial):
                    ranges = trial
                    break
        return self.result([lo for lo, _ in ranges])

    def result(self, changes):
        edits, scores = [], list(self.scores)
        for k, c in enumerate(changes):
            if c:
                scores[k] += self.sign[k] * c
                edits.append({"pointer": self.inputs[k].pointer, "from": self.scores[k], "to": scores[k]})
        return {"zone": zone_of(published_of(self.inputs, scores)), "count": sum(changes), "edits": edits}


def fewest_edits(inputs):
    zone = zone_of(published_of(inputs, [i.score for i in inputs]))
    down_line = LINES.get(zone)  # Green: below 48, Yellow: below 25, Red: none
    up_line = {"Red": LINES["Yellow"], "Yellow": LINES["Green"]}.get(zone)
    return {"down": None if down_line is None else EditSearch(inputs, "down", down_line).solve(),
            "up": None if up_line is None else EditSearch(inputs, "up", up_line).solve()}


# ---------------------------------------------------------------- the whole report

def robustness(a, model="default"):
    r = score(a)
    inputs = inputs_of(a)
    published = published_of(inputs, [i.score for i in inputs])
    assert published == r["aijri"], "the two implementations of the formula agree"
    return {"id": a.get("id"), "title": a["role"]["title"], "aijri": published, "zone": r["zone"],
            "label": r["label"], "margin": margin(published), "fewest_edits": fewest_edits(inputs),
            "swing": swing(inputs), "uncertainty": uncertainty(inputs, model),
            "sensitivity": sensitivity(inputs, model)}


# ---------------------------------------------------------------- brute force (small cases)

def combinations(inputs, model):
    return list(product(*(i.support(model) for i in inputs)))


def brute_uncertainty(inputs, model):
    """Zone probabilities and quantiles by enumerating every combination."""
    combos = combinations(inputs, model)
    counts = {}
    for c in combos:
        p = published_of(inputs, c)
        counts[p] = counts.get(p, 0) + 1
    n = len(combos)
    zones = {z: F(sum(c for p, c in counts.items() if zone_of(p) == z), n) for z in ("Green", "Yellow", "Red")}
    quantiles = {}
    for name, q in QUANTILES:
        cumulative = 0
        for p in sorted(counts):
            cumulative += counts[p]
            if F(cumulative, n) >= q:
                quantiles[name] = p
                break
    return {"model": model, "zones": zones, "aijri": quantiles}


def brute_sensitivity(inputs, model):
    """Sobol indices from their definitions: S_i = Var(E[Y|x_i]) / Var(Y) and
    S_Ti = E[Var(Y|x_~i)] / Var(Y), Y the exact (unclamped) AIJRI, every combination equally likely."""
    combos = combinations(inputs, model)
    ys = {}
    for c in combos:
        f = factor_values(inputs, c)
        ys[c] = exact_of_product(f["T"] * f["E"] * f["B"] * f["G"])

    def variance(values):
        values = list(values)
        m = sum(values, F(0)) / len(values)
        return sum(((v - m) ** 2 for v in values), F(0)) / len(values)

    total_var = variance(ys.values())
    rows = []
    for k, inp in enumerate(inputs):
        if total_var == 0:
            rows.append((k, None, None, inp))
            continue
        by_value, by_rest = {}, {}
        for c, y in ys.items():
            by_value.setdefault(c[k], []).append(y)
            by_rest.setdefault(c[:k] + c[k + 1:], []).append(y)
        conditional_means = [sum(v, F(0)) / len(v) for v in by_value.values()]  # each x_i value equally likely
        first = variance(conditional_means) / total_var
        tot = sum((variance(v) for v in by_rest.values()), F(0)) / len(by_rest) / total_var
        rows.append((k, first, tot, inp))
    return sort_sensitivity(rows)


def brute_edits(inputs, direction, max_depth):
    """Breadth-first search over edits (any unit step on any input, either way, within bounds)
    up to max_depth steps. Returns the tie-broken answer, None if no edit at all can change the
    zone that way (checked by the search running dry), or "deeper" if none within max_depth."""
    start = tuple(i.score for i in inputs)
    rank = {z: n for n, z in enumerate(ZONES)}
    here = rank[zone_of(published_of(inputs, start))]
    seen = {start}
    layer, depth = [start], 0
    while layer:
        hits = [s for s in layer if (rank[zone_of(published_of(inputs, s))] < here) == (direction == "down")
                and rank[zone_of(published_of(inputs, s))] != here]
        if hits:
            def key(s):
                touched = [k for k in range(len(s)) if s[k] != start[k]]
                return (len(touched), touched, [-abs(s[k] - start[k]) for k in range(len(s))])
            best = min(hits, key=key)
            edits = [{"pointer": inputs[k].pointer, "from": start[k], "to": best[k]}
                     for k in range(len(best)) if best[k] != start[k]]
            return {"zone": zone_of(published_of(inputs, best)), "count": depth, "edits": edits}
        if depth == max_depth:
            return "deeper"
        nxt = []
        for s in layer:
            for k, inp in enumerate(inputs):
                for step in (-1, 1):
                    v = s[k] + step
                    if inp.lo <= v <= inp.hi:
                        t = s[:k] + (v,) + s[k + 1:]
                        if t not in seen:
                            seen.add(t)
                            nxt.append(t)
        layer, depth = nxt, depth + 1
    return None


def brute_monotone_edits(inputs, direction):
    """Every vector of steps in each input's helpful direction (an input that raises the
    composite when its score rises is only raised for "up", only lowered for "down": a least
    set of steps never moves an input the unhelpful way, since undoing that step would still
    reach the zone with fewer steps), enumerated in full; the least by count, inputs touched,
    sorted touched positions, then the largest |change| vector. For assessments where few
    inputs can move that way (most at their bounds), so that the product stays small."""
    start = [i.score for i in inputs]
    rank = {z: n for n, z in enumerate(ZONES)}
    here = rank[zone_of(published_of(inputs, start))]
    steps = []
    for inp in inputs:
        rises = inp.weight > 0  # the composite rises with the score
        up_step = 1 if rises == (direction == "up") else -1
        cap = inp.hi - inp.score if up_step > 0 else inp.score - inp.lo
        steps.append([up_step * c for c in range(cap + 1)])
    best = None
    for change in product(*steps):
        scores = [s + c for s, c in zip(start, change)]
        r = rank[zone_of(published_of(inputs, scores))]
        if (r < here) if direction == "down" else (r > here):
            touched = [k for k, c in enumerate(change) if c]
            key = (sum(map(abs, change)), len(touched), touched, [-abs(c) for c in change])
            if best is None or key < best[0]:
                best = (key, scores)
    if best is None:
        return None
    scores = best[1]
    edits = [{"pointer": inputs[k].pointer, "from": start[k], "to": scores[k]}
             for k in range(len(start)) if scores[k] != start[k]]
    return {"zone": zone_of(published_of(inputs, scores)), "count": best[0][0], "edits": edits}


def monotone_space(inputs, direction):
    """How many vectors brute_monotone_edits enumerates."""
    n = 1
    for inp in inputs:
        rises = inp.weight > 0
        up_step = 1 if rises == (direction == "up") else -1
        n *= (inp.hi - inp.score if up_step > 0 else inp.score - inp.lo) + 1
    return n
