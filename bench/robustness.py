#!/usr/bin/env python3
"""aijri robustness at scale: against scoring the same roles, and against a Monte Carlo run.

    python3 bench/robustness.py [--aijri PATH] [--runs 9] [--samples 10000] [--wait-idle S]

Issue 15, item 8, as ratios measured in one run on the 2,000-role corpus (bench/corpus-2000/,
made by bench/make_corpus.py and cached as run.py caches its corpora):

1. One warm-up round, then --runs rounds, interleaved (the order rotated each round):
     score        aijri score -f jsonl CORPUS > /dev/null
     robustness   aijri robustness -f jsonl CORPUS > /dev/null
     monte-carlo  /usr/bin/python3 bench/monte_carlo.py CORPUS --samples N --json OUT
   the Monte Carlo peer in only min(R, 3) of the rounds, spread evenly (it takes a minute or
   more a run); its JSON lines go to a file, kept for step 3. Measured as run.py measures:
   wall time around spawn and wait, CPU time from wait4, peak RSS from GNU time, and the CPU
   other processes used meanwhile (from /proc/stat); with --wait-idle S every run first waits
   (up to S s) for an idle machine and a disturbed run is repeated (aijri's up to 4 times, the
   Monte Carlo peer's not).
2. Prints the medians, and the targets with PASS/FAIL:
     robustness / score        <= 3    (median wall times)
     monte-carlo / robustness  >= 20
3. The Monte Carlo run's error against aijri's exact figures (`aijri robustness -f jsonl`
   once more, to a file, compared role by role): max and mean absolute error of the zone
   probabilities (against the exact fractions), of the 5th/50th/95th percentiles, of the
   first-order and total indices (aijri's are rounded to 4 decimals, which adds at most
   0.00005); how many roles' most probable zone, and top-sensitivity input, differ.
4. Saves everything to bench/results/robustness-*.json (git-ignored).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from fractions import Fraction

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import run as run_bench  # noqa: E402  (bench/run.py: corpora, machine, measuring, /proc/stat)

ROLES = 2000
PYTHON = "/usr/bin/python3"  # Debian's, with python3-numpy (scripts/install-deps)
TARGET_VS_SCORE = 3.0
TARGET_VS_MONTE_CARLO = 20.0
ZONES = ("Green", "Yellow", "Red")
PERCENTILES = ("p05", "median", "p95")
rel = run_bench.rel


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return {os.path.normpath(r["file"]): r for r in map(json.loads, f) if r}


def most_probable(zones):
    """The most probable zone (ties: the first of Green, Yellow, Red)."""
    return max(ZONES, key=lambda z: (zones[z], -ZONES.index(z)))


def errors(exact_path, mc_path):
    """The Monte Carlo estimates against aijri's exact figures, role by role."""
    exact, mc = read_lines(exact_path), read_lines(mc_path)
    problems = []
    if set(exact) != set(mc):
        problems.append(f"roles: aijri {len(exact)}, Monte Carlo {len(mc)}, "
                        f"{len(set(exact) ^ set(mc))} in only one of them")
    err = {"zones": [], **{p: [] for p in PERCENTILES}, "first_order": [], "total": []}
    zone_differs, top_differs, top_differs_beyond_ties, top_ties = [], [], [], 0
    for path in sorted(set(exact) & set(mc)):
        e, m = exact[path], mc[path]
        if "uncertainty" not in e:
            problems.append(f"{path}: no analysis from aijri: {e.get('errors')}")
            continue
        ez = {z: Fraction(e["uncertainty"]["zones"][z]["exact"]) for z in ZONES}
        err["zones"] += [abs(float(ez[z]) - m["zones"][z]) for z in ZONES]
        if most_probable(ez) != most_probable(m["zones"]):
            zone_differs.append(path)
        for p in PERCENTILES:
            err[p].append(abs(e["uncertainty"]["aijri"][p] - m["aijri"][p]))
        es = {s["pointer"]: s for s in e["sensitivity"]}
        ms = {s["pointer"]: s for s in m["sensitivity"]}
        if set(es) != set(ms):
            problems.append(f"{path}: inputs differ: {sorted(set(es) ^ set(ms))}")
            continue
        if e["sensitivity"][0]["total"] is None:
            continue
        for pointer in es:
            for index in ("first_order", "total"):
                err[index].append(abs(es[pointer][index] - ms[pointer][index]))
        # aijri lists the inputs by exact total index, largest first (ties in file order);
        # the Monte Carlo peer's top input is the one with the largest estimated total.
        top = e["sensitivity"][0]
        mc_top = max(m["sensitivity"], key=lambda s: s["total"])["pointer"]
        tied = {s["pointer"] for s in e["sensitivity"]
                if (s["total"], s["first_order"]) == (top["total"], top["first_order"])}
        top_ties += len(tied) > 1
        if mc_top != top["pointer"]:
            top_differs.append(path)
            if mc_top not in tied:
                top_differs_beyond_ties.append(path)
    summary = {k: {"max": max(v) if v else None, "mean": statistics.fmean(v) if v else None, "n": len(v)}
               for k, v in err.items()}
    return {"roles": len(set(exact) & set(mc)), "errors": summary,
            "most_probable_zone_differs": len(zone_differs), "zone_differs_files": zone_differs[:20],
            "top_input_differs": len(top_differs), "top_input_differs_beyond_ties": len(top_differs_beyond_ties),
            "roles_with_tied_top_inputs": top_ties, "top_differs_files": top_differs[:20],
            "problems": problems}


def print_errors(e, samples):
    print(f"\nMonte Carlo ({samples} samples a role) against aijri's exact figures, {e['roles']} roles:")
    print(f"  {'figure':<26} {'max abs error':>14} {'mean abs error':>15} {'values':>8}")
    names = {"zones": "zone probabilities", "p05": "5th percentile (points)", "median": "median (points)",
             "p95": "95th percentile (points)", "first_order": "first-order indices", "total": "total indices"}
    for k, name in names.items():
        s = e["errors"][k]
        if s["n"]:
            print(f"  {name:<26} {s['max']:14.4f} {s['mean']:15.5f} {s['n']:8d}")
    print(f"  most probable zone differs: {e['most_probable_zone_differs']} of {e['roles']} roles")
    print(f"  top-sensitivity input (largest total index) differs: {e['top_input_differs']} of {e['roles']} roles"
          f" ({e['top_input_differs_beyond_ties']} where the Monte Carlo pick is not one of the inputs tied"
          f" at the top in aijri's 4-decimal figures; {e['roles_with_tied_top_inputs']} roles have such ties)")
    for p in e["problems"][:10]:
        print(f"  PROBLEM: {p}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aijri", default=run_bench.DEFAULT_AIJRI, help=f"aijri binary (default {rel(run_bench.DEFAULT_AIJRI)})")
    ap.add_argument("--runs", type=int, default=9, help="measured rounds (default 9; Monte Carlo in min(R, 3))")
    ap.add_argument("--samples", type=int, default=10000, help="Monte Carlo base samples per role (default 10000)")
    ap.add_argument("--seed", type=int, default=20240917, help="the Monte Carlo peer's seed")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="wait up to SECONDS for an idle machine (< 10%% busy) before starting and before "
                         "every measured run, and repeat an aijri run that other processes disturbed")
    o = ap.parse_args()
    aijri = os.path.abspath(o.aijri)
    if not os.access(aijri, os.X_OK):
        sys.exit(f"robustness.py: no aijri binary at {aijri} (build one, or pass --aijri)")
    if subprocess.run([aijri, "robustness", "--help"], capture_output=True).returncode != 0:
        sys.exit(f"robustness.py: {aijri} has no `robustness` command")
    if subprocess.run([PYTHON, "-c", "import numpy"], capture_output=True).returncode != 0:
        sys.exit(f"robustness.py: {PYTHON} lacks numpy (scripts/install-deps installs python3-numpy)")

    if o.wait_idle:
        run_bench.QUIET["wait"] = o.wait_idle
        run_bench.wait_idle(o.wait_idle)
    info = run_bench.machine()
    info["aijri"] = aijri
    info["aijri_version"] = subprocess.run([aijri, "--version"], capture_output=True, text=True).stdout.strip()
    info["aijri_built"] = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(aijri)))
    info["numpy"] = subprocess.run([PYTHON, "-c", "import numpy, platform; print(numpy.__version__, "
                                    "platform.python_version())"], capture_output=True, text=True).stdout.strip()
    head = subprocess.run(["git", "-C", run_bench.ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    info["repo"] = head
    with open("/proc/loadavg") as f:
        info["loadavg_start"] = f.read().strip()
    print("machine:")
    print(f"  nproc {info['nproc']} (cpus {info['cpus']}), {info.get('cpu', '?')}, RAM {info.get('ram_gib', '?')} GiB, "
          f"kernel {info['kernel']}, {info.get('os', '?')}")
    print(f"  aijri: {aijri} ({info['aijri_version']}, built {info['aijri_built']}); repository at {head}")
    print(f"  Monte Carlo peer: {PYTHON} (numpy, python: {info['numpy']})")
    print(f"  run at {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; load average at start: {info['loadavg_start']}")

    corpus, m = run_bench.ensure_corpus(ROLES)
    nbytes = int(m["bytes"])
    results = os.path.join(BENCH, "results")
    os.makedirs(results, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    mc_out = os.path.join(results, f"robustness-{stamp}-monte-carlo.jsonl")
    exact_out = os.path.join(results, f"robustness-{stamp}-aijri.jsonl")

    c = rel(corpus)
    cmd_score = run_bench.Cmd("score", [aijri, "score", "-f", "jsonl", c])
    cmd_rob = run_bench.Cmd("robustness", [aijri, "robustness", "-f", "jsonl", c])
    cmd_mc = run_bench.Cmd("monte-carlo", [PYTHON, "bench/monte_carlo.py", c, "--samples", str(o.samples),
                                           "--seed", str(o.seed), "--json", rel(mc_out)], attempts=1)
    cmds = [cmd_score, cmd_rob, cmd_mc]
    mc_runs = max(1, min(o.runs, 3))
    run_bench.rounds(cmds, o.runs, f"{ROLES} roles, {nbytes / 1e6:.1f} MB", limit={cmd_mc.name: mc_runs})
    print(f"\nresults, {ROLES} roles ({nbytes / 1e6:.1f} MB), median of {o.runs} runs "
          f"(monte-carlo: {mc_runs}):")
    run_bench.table(cmds, ROLES, nbytes)
    r_score = cmd_rob.median() / cmd_score.median()
    r_mc = cmd_mc.median() / cmd_rob.median()
    cpu = {x.name: statistics.median(x.cpu) for x in cmds}
    print(f"\n  robustness/score = {r_score:.2f}x   monte-carlo/robustness = {r_mc:.1f}x")
    print(f"  by CPU time: robustness/score = {cpu['robustness'] / cpu['score']:.2f}x, "
          f"monte-carlo/robustness = {cpu['monte-carlo'] / cpu['robustness']:.1f}x")
    other = run_bench.FOREIGN[-1]
    share = other["other_cpu_s"] / (other["wall_s"] * (os.cpu_count() or 1))
    print(f"  other processes used {other['other_cpu_s']:.1f} CPU s over the {other['wall_s']:.1f} s of the "
          f"rounds ({100 * share:.1f}% of the cores)")

    targets = [
        (f"robustness <= {TARGET_VS_SCORE:g}x score ({r_score:.2f}x: {cmd_rob.median():.3f}s vs "
         f"{cmd_score.median():.3f}s)", r_score <= TARGET_VS_SCORE),
        (f"robustness >= {TARGET_VS_MONTE_CARLO:g}x faster than Monte Carlo at {o.samples} samples a role "
         f"({r_mc:.1f}x: {cmd_mc.median():.2f}s vs {cmd_rob.median():.3f}s)", r_mc >= TARGET_VS_MONTE_CARLO),
    ]
    print("\ntargets:")
    for text, ok in targets:
        print(f"  {run_bench.verdict(ok)}  {text}")

    with open(exact_out, "wb") as f:
        subprocess.run([aijri, "robustness", "-f", "jsonl", c], cwd=run_bench.ROOT, stdout=f, check=True)
    err = errors(exact_out, mc_out)
    print_errors(err, o.samples)

    path = os.path.join(results, f"robustness-{stamp}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"machine": info, "roles": ROLES, "bytes": nbytes, "runs": o.runs, "monte_carlo_runs": mc_runs,
                   "samples": o.samples, "seed": o.seed,
                   "commands": {x.name: x.summary() for x in cmds},
                   "ratios": {"robustness/score": r_score, "monte-carlo/robustness": r_mc},
                   "other_cpu": run_bench.FOREIGN,
                   "targets": [{"target": t, "pass": ok} for t, ok in targets],
                   "monte_carlo_error": err,
                   "outputs": {"aijri": rel(exact_out), "monte_carlo": rel(mc_out)}}, f, indent=2)
    print(f"\nsaved {rel(path)} (outputs: {rel(exact_out)}, {rel(mc_out)})")
    return 0 if all(ok for _, ok in targets) and not err["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
