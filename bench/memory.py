#!/usr/bin/env python3
"""Peak memory of every report format on a long --jsonl-input stream.

    python3 bench/memory.py [--lines 1000000] [--aijri PATH]

The target (issue 12): every format keeps its peak RSS under 32 MiB while scoring a
1,000,000-line stream, so a CI job's memory does not grow with the catalogue. The stream is
written once to bench/corpus-jsonl/memory-N.jsonl (git-ignored): N copies of one compact,
valid assessment (the seed with its prose shortened, about 2 KB a line), each with its own
id. Each format is run once, as

    aijri score --jsonl-input STREAM --format F -o OUT

with OUT on the same disk (a real file, as CI writes it; `-o` goes through the temporary
file and the rename). Peak RSS is the child's ru_maxrss from os.wait4(); the report's size is
printed beside it, and, for scale, the stream's size. The results also go to
bench/results/memory-*.json.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
DEFAULT_AIJRI = os.path.join(ROOT, "build", "release", "src", "aijri")
FORMATS = ["text", "json", "jsonl", "csv", "markdown", "junit", "github"]
TARGET_RSS_KIB = 32 * 1024

def record_line(template, i):
    return template.replace('"ID"', '"role-%07d"' % i, 1)


def shortened(value):
    # Every string of more than a few words becomes one word: the shape stays, the prose goes.
    if isinstance(value, dict):
        return {k: v if k == "name" else shortened(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shortened(v) for v in value]
    if isinstance(value, str) and len(value) > 40:
        return "prose"
    return value


def template():
    # The seed, compacted, its prose shortened, with a placeholder id: a valid assessment of
    # realistic shape, about 2 KB a line.
    with open(os.path.join(ROOT, "assessments", "deep-learning-engineer.json")) as f:
        seed = shortened(json.load(f))
    seed["id"] = "ID"
    return json.dumps(seed, separators=(",", ":"), ensure_ascii=False)


def ensure_stream(lines):
    folder = os.path.join(BENCH, "corpus-jsonl")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "memory-%d.jsonl" % lines)
    line = template()
    if os.path.exists(path) and os.path.getsize(path) > 0:
        return path
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for i in range(lines):
            out.write(record_line(line, i))
            out.write("\n")
    os.replace(tmp, path)
    return path


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for row in f:
                if row.startswith("model name"):
                    cpu = row.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d cores, %s, Python %s" % (cpu, os.cpu_count() or 0, platform.platform(),
                                           platform.python_version())


def run(aijri, stream, fmt, out_dir):
    out = os.path.join(out_dir, "report." + fmt)
    start = time.perf_counter()
    p = subprocess.Popen([aijri, "score", "--jsonl-input", stream, "--format", fmt, "-o", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    if code != 0:
        sys.exit("aijri failed (%d) on %s: %s" % (code, fmt, err[:500]))
    size = os.path.getsize(out)
    os.unlink(out)
    return {"format": fmt, "rss_kib": usage.ru_maxrss, "wall_s": wall, "report_bytes": size}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--aijri", default=DEFAULT_AIJRI)
    args = parser.parse_args()
    if not os.access(args.aijri, os.X_OK):
        sys.exit("no aijri at %s: build the release preset first" % args.aijri)
    print("machine:", machine())
    stream = ensure_stream(args.lines)
    print("stream: %s, %d lines, %.1f MB" % (os.path.relpath(stream, ROOT), args.lines,
                                            os.path.getsize(stream) / 1e6))
    rows = []
    with tempfile.TemporaryDirectory(dir=BENCH) as out_dir:
        for fmt in FORMATS:
            rows.append(run(args.aijri, stream, fmt, out_dir))
    print("%-9s %12s %9s %14s  %s" % ("format", "peak RSS", "wall", "report", "target"))
    ok = True
    for r in rows:
        passed = r["rss_kib"] <= TARGET_RSS_KIB
        ok = ok and passed
        print("%-9s %8.1f MiB %8.2fs %11.1f MB  %s (< %d MiB)" %
              (r["format"], r["rss_kib"] / 1024, r["wall_s"], r["report_bytes"] / 1e6,
               "PASS" if passed else "FAIL", TARGET_RSS_KIB // 1024))
    results = os.path.join(BENCH, "results")
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "memory-%d.json" % int(time.time())), "w") as f:
        json.dump({"machine": machine(), "lines": args.lines, "rows": rows}, f, indent=2)
    print("all formats within target" if ok else "SOME FORMAT OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
