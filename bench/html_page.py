#!/usr/bin/env python3
"""The HTML portfolio page at scale: its size, Chromium's load time, and its cost against jsonl.

    python3 bench/html_page.py [--aijri PATH] [--runs 5] [--loads 3] [--big 20000] [--wait-idle S]

Issue 16, item 9, measured side by side in one run:

1. The 2,000-role corpus (bench/corpus-2000/, made by bench/make_corpus.py and cached as
   run.py caches its corpora): `aijri score --format html CORPUS` writes the portfolio page
   (bench/results/html-2000.html). Its size in bytes (target <= 3 MB).
2. That page loaded --loads times from file:// in headless Chromium by
   tests/browser/page_check.py (each load in a fresh browser, after the checks of the browser
   tests: no request, no console error, a strict HTML5 parse): the time from the
   navigation's start to its load event, and to a layout forced right after it; the median
   of the latter is the figure (target < 2 s). Also its DOM nodes, table rows (in the DOM,
   and shown) and SVG elements.
3. The --big corpus (bench/corpus-20000/, run.py's): the same page, size and load time, and
   whether it is usable: its table paged or virtualised (rows shown, against roles), its
   charts aggregated (SVG elements), the load under 10 s. No HTML5 parse (html5lib, pure
   Python, takes minutes on such a page); --big 0 skips it.
4. One warm-up round, then --runs rounds, interleaved (the order rotated each round), on the
   2,000-role corpus, output to /dev/null:
     jsonl   aijri score --format jsonl CORPUS
     html    aijri score --format html CORPUS
   measured as run.py measures (wall time, CPU time, peak RSS, other load; --wait-idle S
   waits for an idle machine and repeats a disturbed run). Target: html / jsonl <= 1.5
   (median wall times).
5. Prints the figures, ratios, PASS/FAIL, and the machine; saves everything to
   bench/results/html-*.json (git-ignored).

Named html_page.py, not html.py: bench/ is the first folder on sys.path of the scripts here,
and a bench/html.py would hide the standard library's html package from them.

Needs Debian's python3 with python3-html5lib, and chromium (scripts/install-deps); the
Python running this script only runs page_check.py under /usr/bin/python3.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import run as run_bench  # noqa: E402  (bench/run.py: corpora, machine, measuring, /proc/stat)

ROLES = 2000
PAGE_CHECK = os.path.join(run_bench.ROOT, "tests", "browser", "page_check.py")
PYTHON = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable
RESULTS = os.path.join(BENCH, "results")
TARGET_BYTES = 3_000_000  # MB as 10^6 bytes, the stricter reading (MiB is printed beside)
TARGET_LOAD_MS = 2000
TARGET_BIG_LOAD_MS = 10000
TARGET_RATIO = 1.5
BIG_VISIBLE_ROWS = 1000  # a table showing more rows than this is not paged
rel = run_bench.rel


def write_page(aijri, corpus, out):
    with open(out, "wb") as page:
        t0 = time.perf_counter()
        run = subprocess.run([aijri, "score", "--format", "html", corpus], stdout=page,
                             stderr=subprocess.PIPE, cwd=run_bench.ROOT)
        wall = time.perf_counter() - t0
    if run.returncode != 0:
        sys.exit(f"html_page.py: aijri score --format html {rel(corpus)} exited {run.returncode}:\n"
                 + run.stderr.decode("utf-8", "replace")[-2000:])
    return wall


def load(page, loads, parse):
    """page_check.py's load measurement, `loads` times (a fresh browser each): the runs'
    metrics. Any fault of the page stops the bench."""
    runs = []
    for i in range(loads):
        with tempfile.NamedTemporaryFile(suffix=".json") as metrics:
            argv = [PYTHON, PAGE_CHECK, page, "--metrics-json", metrics.name, "--timeout", "300"]
            if not parse or i > 0:
                argv.append("--no-parse")  # parsed once is enough
            if i > 0:
                argv.append("--no-js-off")  # checked once too
            run = subprocess.run(argv, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"html_page.py: page_check.py failed on {rel(page)} (exit {run.returncode}):\n"
                         + run.stderr[-3000:])
            runs.append(json.load(metrics))
        print(f"  load {i + 1}/{loads}: load event {runs[-1]['load_event_end_ms']:.0f} ms, "
              f"laid out {runs[-1]['laid_out_ms']:.0f} ms", flush=True)
    return runs


def summarise(runs):
    first = runs[0]
    return {
        "bytes": first["bytes"],
        "load_event_end_ms": statistics.median(r["load_event_end_ms"] for r in runs),
        "laid_out_ms": statistics.median(r["laid_out_ms"] for r in runs),
        "laid_out_ms_max": max(r["laid_out_ms"] for r in runs),
        "layout_duration_ms": statistics.median(r["layout_duration_ms"] for r in runs),
        "script_duration_ms": statistics.median(r["script_duration_ms"] for r in runs),
        "nodes": first["nodes"],
        "table_rows": first["table_rows"],
        "visible_table_rows": first["visible_table_rows"],
        "svg_elements": first["svg_elements"],
        "loads": runs,
    }


def verdict(ok):
    return "PASS" if ok else "FAIL"


def page_block(label, aijri, corpus, n, loads, parse):
    print(f"\n[{label}] aijri score --format html {rel(corpus)}", flush=True)
    out = os.path.join(RESULTS, f"html-{n}.html")
    wall = write_page(aijri, corpus, out)
    print(f"  wrote {rel(out)}: {os.path.getsize(out) / 1e6:.2f} MB in {wall:.2f} s", flush=True)
    s = summarise(load(out, loads, parse))
    s["write_s"] = wall
    print(f"  {n} roles: {s['bytes'] / 1e6:.2f} MB; load event {s['load_event_end_ms']:.0f} ms, "
          f"laid out {s['laid_out_ms']:.0f} ms (median of {loads}; max {s['laid_out_ms_max']:.0f}); "
          f"layout {s['layout_duration_ms']:.0f} ms, script {s['script_duration_ms']:.0f} ms; "
          f"{s['nodes']} DOM nodes, {s['table_rows']} table rows ({s['visible_table_rows']} shown), "
          f"{s['svg_elements']} SVG elements", flush=True)
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--aijri", default=run_bench.DEFAULT_AIJRI)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--big", type=int, default=20000, help="roles of the big page (0: skip)")
    ap.add_argument("--wait-idle", type=float, default=0.0)
    args = ap.parse_args()
    if not os.access(args.aijri, os.X_OK):
        sys.exit(f"html_page.py: no aijri at {args.aijri} (cmake --preset release && "
                 "cmake --build --preset release -j2)")
    run_bench.QUIET["wait"] = args.wait_idle
    os.makedirs(RESULTS, exist_ok=True)
    corpus, manifest = run_bench.ensure_corpus(ROLES)
    big = run_bench.ensure_corpus(args.big)[0] if args.big else None
    if args.wait_idle:
        run_bench.wait_idle(args.wait_idle)

    small_page = page_block("portfolio page", args.aijri, corpus, ROLES, args.loads, parse=True)
    big_page = page_block("big portfolio page", args.aijri, big, args.big, args.loads,
                          parse=False) if big else None

    c = rel(corpus)
    cmds = [run_bench.Cmd("jsonl", [args.aijri, "score", "--format", "jsonl", c]),
            run_bench.Cmd("html", [args.aijri, "score", "--format", "html", c])]
    run_bench.rounds(cmds, args.runs, f"writing, {ROLES} roles")
    run_bench.table(cmds, ROLES, int(manifest["bytes"]))
    jsonl, html = (x.median() for x in cmds)
    ratio = html / jsonl
    cpu_ratio = statistics.median(cmds[1].cpu) / statistics.median(cmds[0].cpu)
    print(f"\n  html/jsonl = {ratio:.2f}x by wall time, {cpu_ratio:.2f}x by CPU time "
          "(information: the CPU ratio is less disturbed by other load)")

    checks = [
        (f"page of {ROLES} roles <= {TARGET_BYTES / 1e6:g} MB", small_page["bytes"] <= TARGET_BYTES,
         f"{small_page['bytes']} bytes = {small_page['bytes'] / 1e6:.2f} MB "
         f"({small_page['bytes'] / 2**20:.2f} MiB)"),
        (f"its load + layout < {TARGET_LOAD_MS / 1000:g} s", small_page["laid_out_ms"] < TARGET_LOAD_MS,
         f"{small_page['laid_out_ms'] / 1000:.2f} s"),
        (f"html / jsonl <= {TARGET_RATIO:g}", ratio <= TARGET_RATIO,
         f"{html:.3f} s / {jsonl:.3f} s = {ratio:.2f}"),
    ]
    if big_page:
        checks += [
            (f"page of {args.big} roles loads + lays out < {TARGET_BIG_LOAD_MS / 1000:g} s",
             big_page["laid_out_ms"] < TARGET_BIG_LOAD_MS,
             f"{big_page['bytes'] / 1e6:.2f} MB, {big_page['laid_out_ms'] / 1000:.2f} s"),
            (f"its table paged (<= {BIG_VISIBLE_ROWS} rows shown)",
             big_page["visible_table_rows"] <= BIG_VISIBLE_ROWS,
             f"{big_page['visible_table_rows']} of {big_page['table_rows']} rows shown"),
            ("its charts aggregated (fewer SVG elements than roles)",
             big_page["svg_elements"] < args.big,
             f"{big_page['svg_elements']} SVG elements"),
        ]
    info = run_bench.machine()
    print(f"\nmachine: {info.get('cpu', '?')}, {info['nproc']} cores, {info.get('ram_gib', '?')} GiB, "
          f"{info.get('os', '?')}, kernel {info['kernel']}")
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"browser: {chromium or '?'}")
    print("\ntargets (issue 16, item 9):")
    for name, ok, figure in checks:
        print(f"  {verdict(ok)}  {name}: {figure}")

    stamp = time.strftime("%Y%m%d-%H%M%S")
    result = {"machine": info, "browser": chromium, "aijri": args.aijri, "roles": ROLES,
              "page": small_page, "big_page": big_page,
              "writing": {x.name: x.summary() for x in cmds}, "ratio_html_jsonl": ratio,
              "cpu_ratio_html_jsonl": cpu_ratio,
              "targets": [{"target": n, "pass": ok, "figure": f} for n, ok, f in checks],
              "other_load": run_bench.FOREIGN}
    out = os.path.join(RESULTS, f"html-{stamp}.json")
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
    print(f"\nsaved {rel(out)}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
