#!/usr/bin/env python3
"""aijri batch-scoring benchmark: aijri against the peers a user would otherwise use.

    python3 bench/run.py [--files 20000] [--runs 5] [--big 100000] [--aijri PATH]

1. Prints the machine, builds (or reuses) the corpora under bench/ (git-ignored):
   bench/corpus-N/ (N files), bench/corpus-BIG/, bench/corpus-jsonl/N.jsonl.
2. Correctness first: on a small corpus with broken files (bench/corpus-smoke/), aijri
   must score every good file exactly as the Python peer does and report every broken one
   with its location, exit 1; on the N-file corpus aijri, Python and jq must give the same
   AIJRI and label for every file, aijri's output must be byte-identical for --jobs 1 and
   the default, and --jsonl-input must give the same results as the folder.
3. One warm-up round (page cache warm for everyone), then --runs rounds; each round runs
   every command once, in an order rotated by one each round:
     aijri   aijri score --format jsonl CORPUS > /dev/null
     python  python3 bench/score.py CORPUS > /dev/null
     jq      find CORPUS -name '*.json' -print0 | sort -z | xargs -0 jq -r -f bench/score.jq > /dev/null
     cat     find CORPUS -name '*.json' -print0 | xargs -0 cat > /dev/null
   and, for information only (no target): `aijri --jobs 1`, and `read`, a minimal Python
   loop that reads every file into one reused buffer (the floor of reading the bytes).
   Wall time is time.perf_counter() around spawn + wait. Peak RSS is GNU time's %M
   (/usr/bin/time -f %M wraps every command; it reports the child's ru_maxrss, which covers
   every descendant reaped in the tree, so for a pipeline it is the largest single process);
   CPU time (user + system) comes from os.wait4() on the spawned process. The CPU that other
   processes used on the machine during each block of rounds is printed (from /proc/stat),
   so a disturbed measurement shows.
   With --wait-idle S, every measured run waits (up to S s) for an idle machine, and a run
   during which other processes used more than 0.15 cores is repeated, up to 4 times.
4. Memory: aijri's peak RSS on N files and on BIG files (alternating with cat on BIG).
5. --jsonl-input: aijri score --jobs 1 --jsonl-input N.jsonl --format jsonl > /dev/null,
   input bytes / median wall time, in MB/s (10^6 bytes).
6. The targets, PASS/FAIL; everything is also saved to bench/results/run-*.json.
"""
import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
DEFAULT_AIJRI = os.path.join(ROOT, "build", "release", "src", "aijri")
MAKE_CORPUS = os.path.join(BENCH, "make_corpus.py")
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
SMOKE_FILES, SMOKE_BROKEN = 1000, 9

TARGET_SPEEDUP_PYTHON = 5.0
TARGET_RSS_KIB = 64 * 1024
TARGET_FLAT = 1.25
TARGET_JSONL_MBS = 300.0

READ_FLOOR = r"""
import os, sys
buf = bytearray(1 << 20)
n = 0
for root, dirs, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".json"):
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            while True:
                k = os.readv(fd, [buf])
                if not k:
                    break
                n += k
            os.close(fd)
"""


def rel(path):
    return os.path.relpath(path, ROOT)


# ---------------------------------------------------------------- machine

def machine():
    info = {"nproc": len(os.sched_getaffinity(0)), "cpus": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    info["ram_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    info["kernel"] = platform.release()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    info["python"] = platform.python_version()
    for tool, args in (("jq", ["jq", "--version"]), ("cat", ["cat", "--version"])):
        try:
            info[tool] = subprocess.run(args, capture_output=True, text=True).stdout.splitlines()[0]
        except (OSError, IndexError):
            info[tool] = "?"
    return info


# ---------------------------------------------------------------- corpora

def read_manifest(out):
    m = {}
    try:
        with open(os.path.join(out, "MANIFEST.txt"), encoding="utf-8") as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    m.setdefault(k, v)
    except OSError:
        return None
    return m


def generator_digest():
    sys.path.insert(0, BENCH)
    import make_corpus  # noqa: E402
    return make_corpus.generator_digest()


def ensure_corpus(n, broken=0, jsonl=None, name=None):
    out = os.path.join(BENCH, name or f"corpus-{n}")
    m = read_manifest(out)
    ok = (m is not None and m.get("n") == str(n) and m.get("broken") == str(broken)
          and m.get("generator") == generator_digest())
    if ok and jsonl:
        want = m.get("jsonl", "").split(" ")
        ok = (len(want) == 2 and want[0] == os.path.abspath(jsonl) and os.path.isfile(jsonl)
              and os.path.getsize(jsonl) == int(want[1]))
    if ok:
        print(f"corpus: reusing {rel(out)} ({n} files, {int(m['bytes']) / 1e6:.1f} MB)", flush=True)
    else:
        print(f"corpus: generating {rel(out)} ({n} files) ...", flush=True)
        cmd = [sys.executable, MAKE_CORPUS, str(n), out]
        if broken:
            cmd += ["--broken", str(broken)]
        if jsonl:
            cmd += ["--jsonl", jsonl]
        subprocess.run(cmd, check=True)
        m = read_manifest(out)
    return out, m


# ---------------------------------------------------------------- measuring

class Cmd:
    def __init__(self, name, argv=None, shell=None, info=False, attempts=None):
        self.name, self.argv, self.shell, self.info = name, argv, shell, info
        # Runs tried (with --wait-idle) before a disturbed one is kept: fewer for a slow command.
        self.attempts = attempts
        self.wall, self.cpu, self.rss, self.other, self.disturbed = [], [], [], [], 0

    def text(self):
        return self.shell if self.shell else " ".join(shlex.quote(a) for a in self.argv)

    def run(self, record=True, stdout=subprocess.DEVNULL, ok=(0,)):
        inner = ["/bin/sh", "-c", self.shell] if self.shell else self.argv
        with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss_file:
            # /usr/bin/time forks the command from its own small process: a child spawned
            # straight from this Python process would inherit its high-water RSS at exec.
            argv = [TIME, "-f", "%M", "-o", rss_file.name, "--"] + inner if TIME else inner
            busy0, _ = busy_ticks()
            t0 = time.perf_counter()
            p = subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=stdout, stderr=err)
            _, status, ru = os.wait4(p.pid, 0)
            t1 = time.perf_counter()
            busy1, _ = busy_ticks()
            p.returncode = os.waitstatus_to_exitcode(status)
            if p.returncode not in ok:
                err.seek(0)
                msg = err.read().decode("utf-8", "replace")[-2000:]
                raise SystemExit(f"run.py: `{self.text()}` exited with {p.returncode}:\n{msg}")
            rss = ru.ru_maxrss
            if TIME:
                lines = [x for x in rss_file.read().splitlines() if x.strip()]
                rss = int(lines[-1])
        wall, cpu = t1 - t0, ru.ru_utime + ru.ru_stime
        # Cores' worth of CPU that other processes used during the run (busy time of the
        # whole machine, less this command's own CPU time).
        other = max(0.0, busy1 - busy0 - cpu) / wall
        if record:
            self.record(wall, cpu, rss, other)
        return wall, cpu, rss, p.returncode, other

    def record(self, wall, cpu, rss, other, disturbed=False):
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.rss.append(rss)
        self.other.append(other)
        self.disturbed += disturbed

    def median(self):
        return statistics.median(self.wall)

    def summary(self):
        return {"command": self.text(), "wall_s": self.wall, "cpu_s": self.cpu, "peak_rss_kib": self.rss,
                "other_load_cores": self.other, "disturbed_runs": self.disturbed,
                "median_wall_s": self.median(), "median_cpu_s": statistics.median(self.cpu),
                "max_peak_rss_kib": max(self.rss)}


def busy_ticks():
    """CPU time (s) the whole machine has spent busy, and stolen, since boot."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return 0.0, 0.0
    hz = os.sysconf("SC_CLK_TCK")
    # user nice system idle iowait irq softirq steal ...
    return (v[0] + v[1] + v[2] + v[5] + v[6]) / hz, (v[7] if len(v) > 7 else 0) / hz


FOREIGN = []


def wait_idle(limit, window=10.0, threshold=0.10, verbose=True):
    cores = os.cpu_count() or 1
    deadline = time.monotonic() + limit
    while True:
        b0, _ = busy_ticks()
        time.sleep(window)
        b1, _ = busy_ticks()
        frac = (b1 - b0) / (window * cores)
        if frac < threshold:
            if verbose:
                print(f"machine idle ({100 * frac:.1f}% busy over {window:g} s)", flush=True)
            return True
        if time.monotonic() > deadline:
            print(f"  machine still {100 * frac:.0f}% busy after waiting {limit:g} s; measuring anyway", flush=True)
            return False
        if verbose:
            print(f"waiting for an idle machine ({100 * frac:.0f}% busy) ...", flush=True)


QUIET = {"wait": 0.0}      # set from --wait-idle
DISTURBED = 0.15           # a run during which other processes used more than this many cores
ATTEMPTS = 4


def measure(c):
    """One recorded run of c. With --wait-idle, a run that other processes disturbed is
    repeated (after waiting for an idle machine), up to ATTEMPTS times; the last is kept."""
    for attempt in range((c.attempts or ATTEMPTS) if QUIET["wait"] else 1):
        if QUIET["wait"]:
            wait_idle(QUIET["wait"], window=2.0, verbose=False)
        w, cpu, rss, _, other = c.run(record=False)
        # Allow two clock ticks of /proc/stat's resolution on top of the threshold.
        disturbed = other * w > DISTURBED * w + 2 / os.sysconf("SC_CLK_TCK")
        if not disturbed:
            break
    c.record(w, cpu, rss, other, disturbed)
    return w, cpu, other, disturbed


def rounds(cmds, runs, label, limit=None):
    """A warm-up round, then `runs` rounds of every command, the order rotated by one each
    round. limit {name: m}: that command runs in only m of the rounds, spread evenly (a slow
    peer)."""
    limit = limit or {}
    chosen = {name: {i * runs // m for i in range(m)} for name, m in limit.items()}
    busy0, steal0 = busy_ticks()
    t0 = time.perf_counter()
    ours = 0.0
    print(f"\n[{label}] warm-up round (not measured)", flush=True)
    for c in cmds:
        w, cpu, _, _, _ = c.run(record=False)
        ours += cpu
        print(f"  warm-up {c.name:<14} {w:8.3f} s", flush=True)
    for r in range(runs):
        active = [c for c in cmds if c.name not in chosen or r in chosen[c.name]]
        order = active[r % len(active):] + active[:r % len(active)]
        line = []
        for c in order:
            w, cpu, other, disturbed = measure(c)
            ours += cpu
            line.append(f"{c.name} {w:.3f}s" + (f" (disturbed: other load {other:.2f} cores)" if disturbed else ""))
        print(f"  round {r + 1}/{runs}: " + ", ".join(line), flush=True)
    busy1, steal1 = busy_ticks()
    wall = time.perf_counter() - t0
    foreign = max(0.0, busy1 - busy0 - ours)
    FOREIGN.append({"block": label, "wall_s": wall, "measured_cpu_s": ours, "other_cpu_s": foreign,
                    "steal_s": steal1 - steal0})
    print(f"  other CPU on the machine during this block (waits included): {foreign:.1f} s over {wall:.1f} s "
          f"wall ({100 * foreign / (wall * (os.cpu_count() or 1)):.1f}% of all cores); "
          f"stolen {steal1 - steal0:.1f} s", flush=True)


def table(cmds, nfiles, nbytes):
    print(f"\n  {'command':<14} {'median':>9} {'min':>9} {'max':>9} {'cpu(med)':>9} {'peak RSS':>10} "
          f"{'files/s':>9} {'MB/s':>8} {'other':>6}")
    for c in cmds:
        med = c.median()
        print(f"  {c.name:<14} {med:8.3f}s {min(c.wall):8.3f}s {max(c.wall):8.3f}s "
              f"{statistics.median(c.cpu):8.3f}s {max(c.rss) / 1024:8.1f}MiB "
              f"{nfiles / med:9.0f} {nbytes / 1e6 / med:8.1f} {max(c.other):6.2f}"
              + (f"  {c.disturbed} disturbed" if c.disturbed else "") + ("   (info)" if c.info else ""))
    print("  (other: the most CPU, in cores, that other processes used during one of the runs)")


# ---------------------------------------------------------------- correctness

def run_capture(argv, ok=(0,)):
    p = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True)
    if p.returncode not in ok:
        raise SystemExit(f"run.py: `{' '.join(argv)}` exited with {p.returncode}:\n"
                         + p.stderr.decode("utf-8", "replace")[-2000:])
    return p.stdout, p.returncode


def aijri_results(out):
    res = []
    for line in out.decode("utf-8").splitlines():
        if line.strip():
            res.append(json.loads(line))
    return res


def peer_results(out):
    res = {}
    for line in out.decode("utf-8").splitlines():
        path, aijri, label = line.split("\t")
        res[os.path.normpath(path)] = (float(aijri), label)
    return res


def check_smoke(aijri):
    corpus, m = ensure_corpus(SMOKE_FILES, broken=SMOKE_BROKEN, name="corpus-smoke")
    broken = {}
    with open(os.path.join(corpus, "MANIFEST.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("broken-file="):
                path, kind = line[len("broken-file="):].split()
                broken[os.path.normpath(os.path.join(rel(corpus), path))] = kind
    out, rc = run_capture([aijri, "score", "--format", "jsonl", rel(corpus)], ok=(0, 1))
    res = aijri_results(out)
    py_out, py_rc = run_capture([sys.executable, os.path.join(BENCH, "score.py"), rel(corpus)], ok=(0, 1))
    py = peer_results(py_out)
    problems = []
    if rc != 1:
        problems.append(f"exit status {rc}, expected 1")
    if len(res) != SMOKE_FILES:
        problems.append(f"{len(res)} results for {SMOKE_FILES} files")
    paths = [os.path.normpath(r.get("file", "")) for r in res]
    if paths != sorted(paths):
        problems.append("results not in path order")
    reported = 0
    for r in res:
        path = os.path.normpath(r.get("file", ""))
        if path in broken:
            errs = r.get("errors") or []
            if not errs or not all(isinstance(e.get("line"), int) and isinstance(e.get("column"), int) for e in errs):
                problems.append(f"{path} ({broken[path]}): no located errors: {r}")
            else:
                reported += 1
        elif "errors" in r:
            problems.append(f"{path}: unexpected errors {r['errors']}")
        elif path not in py or py[path] != (r["aijri"], r["label"]):
            problems.append(f"{path}: aijri {r.get('aijri')} {r.get('label')} vs python {py.get(path)}")
    py_missed = [p for p, k in broken.items() if p in py]
    print(f"  smoke ({SMOKE_FILES} files, {len(broken)} broken): aijri exit {rc}, {len(res)} results, "
          f"{reported}/{len(broken)} broken files reported with line/column, "
          f"{len(res) - len(broken)} good files equal to the Python peer")
    print(f"  (the Python peer exits {py_rc} and silently scores {len(py_missed)} of the broken files: "
          + ", ".join(f"{os.path.basename(p)} ({broken[p]})" for p in py_missed) + ")")
    return problems


def check_agreement(aijri, corpus, nfiles, jsonl):
    problems = []
    a_out, _ = run_capture([aijri, "score", "--format", "jsonl", rel(corpus)])
    a1_out, _ = run_capture([aijri, "score", "--jobs", "1", "--format", "jsonl", rel(corpus)])
    if a_out != a1_out:
        problems.append("aijri output differs between --jobs 1 and the default")
    res = aijri_results(a_out)
    py = peer_results(run_capture([sys.executable, os.path.join(BENCH, "score.py"), rel(corpus)])[0])
    jq_out, _ = run_capture(["/bin/sh", "-c", f"find {shlex.quote(rel(corpus))} -name '*.json' -print0 | sort -z"
                             f" | xargs -0 jq -r -f bench/score.jq"])
    jq = peer_results(jq_out)
    if not (len(res) == len(py) == len(jq) == nfiles):
        problems.append(f"result counts: aijri {len(res)}, python {len(py)}, jq {len(jq)}, files {nfiles}")
    mism = 0
    for r in res:
        path = os.path.normpath(r.get("file", ""))
        a = (r.get("aijri"), r.get("label"))
        if py.get(path) != a or jq.get(path) != a:
            mism += 1
            if mism <= 5:
                problems.append(f"{path}: aijri {a}, python {py.get(path)}, jq {jq.get(path)}")
    zones = {}
    for r in res:
        zones[r.get("zone")] = zones.get(r.get("zone"), 0) + 1
    print(f"  agreement on {nfiles} files: aijri/python/jq mismatches: {mism}; zones: "
          + ", ".join(f"{k} {v}" for k, v in sorted(zones.items(), key=lambda kv: str(kv[0]))))
    print(f"  determinism: --jobs 1 and default output {'identical' if a_out == a1_out else 'DIFFER'} "
          f"({len(a_out)} bytes)")
    j_out, _ = run_capture([aijri, "score", "--jobs", "1", "--jsonl-input", jsonl, "--format", "jsonl"])
    jres = aijri_results(j_out)
    key = [(r.get("id"), r.get("aijri"), r.get("label")) for r in res]
    jkey = [(r.get("id"), r.get("aijri"), r.get("label")) for r in jres]
    same = key == jkey
    if not same:
        problems.append(f"--jsonl-input results differ from the folder's ({len(jres)} vs {len(res)} results)")
    print(f"  --jsonl-input: {len(jres)} results, {'same' if same else 'DIFFERENT'} ids/AIJRI/labels as the folder")
    return problems


# ---------------------------------------------------------------- main

def verdict(ok):
    return "PASS" if ok else "FAIL"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=20000, help="files in the main corpus (default 20000)")
    ap.add_argument("--runs", type=int, default=5, help="measured rounds (default 5)")
    ap.add_argument("--big", type=int, default=100000, help="files in the memory-flatness corpus (0: skip)")
    ap.add_argument("--aijri", default=DEFAULT_AIJRI, help=f"aijri binary (default {rel(DEFAULT_AIJRI)})")
    ap.add_argument("--no-check", action="store_true", help="skip the correctness checks")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="wait up to SECONDS for an idle machine (< 10%% busy) before starting and "
                         "before every measured run, and repeat a run that other processes disturbed "
                         "(more than 0.15 cores), up to 4 times")
    args = ap.parse_args()
    aijri = os.path.abspath(args.aijri)
    if not os.access(aijri, os.X_OK):
        sys.exit(f"run.py: no aijri binary at {aijri} (build one, or pass --aijri)")
    help_text = subprocess.run([aijri, "score", "--help"], capture_output=True, text=True).stdout
    missing = [opt for opt in ("--jsonl-input", "--jobs", "jsonl") if opt not in help_text]
    if missing:
        sys.exit(f"run.py: {aijri} lacks {', '.join(missing)} (batch scoring not built in yet)")

    if args.wait_idle:
        QUIET["wait"] = args.wait_idle
        wait_idle(args.wait_idle)
    info = machine()
    info["aijri"] = aijri
    info["aijri_version"] = subprocess.run([aijri, "--version"], capture_output=True, text=True).stdout.strip()
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        info["repo"] = head + (" + uncommitted changes" if dirty else "")
    except OSError:
        pass
    info["aijri_built"] = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(aijri)))
    print("machine:")
    print(f"  nproc {info['nproc']} (cpus {info['cpus']}), {info.get('cpu', '?')}, "
          f"RAM {info.get('ram_gib', '?')} GiB, kernel {info['kernel']}, {info.get('os', '?')}")
    print(f"  python {info['python']}, {info['jq']}, {info['cat']}")
    print(f"  aijri: {aijri} ({info['aijri_version']}, built {info['aijri_built']}); "
          f"repository now at {info.get('repo', '?')}")
    print(f"  run at {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    with open("/proc/loadavg") as f:
        info["loadavg_start"] = f.read().strip()
    print(f"  load average at start: {info['loadavg_start']}")

    jsonl = os.path.join(BENCH, "corpus-jsonl", f"{args.files}.jsonl")
    corpus, m = ensure_corpus(args.files, jsonl=jsonl)
    nbytes = int(m["bytes"])
    jsonl_bytes = os.path.getsize(jsonl)
    big = big_m = None
    if args.big:
        big, big_m = ensure_corpus(args.big)

    problems = []
    if not args.no_check:
        print("\ncorrectness:")
        problems += check_smoke(aijri)
        problems += check_agreement(aijri, corpus, args.files, jsonl)
        for p in problems:
            print(f"  PROBLEM: {p}")

    c = shlex.quote(rel(corpus))
    cmd_aijri = Cmd("aijri", [aijri, "score", "--format", "jsonl", rel(corpus)])
    cmd_py = Cmd("python", ["python3", "bench/score.py", rel(corpus)])
    cmd_jq = Cmd("jq", shell=f"find {c} -name '*.json' -print0 | sort -z | xargs -0 jq -r -f bench/score.jq")
    cmd_cat = Cmd("cat", shell=f"find {c} -name '*.json' -print0 | xargs -0 cat")
    cmd_a1 = Cmd("aijri --jobs 1", [aijri, "score", "--jobs", "1", "--format", "jsonl", rel(corpus)], info=True)
    cmd_read = Cmd("read", ["python3", "-c", READ_FLOOR, rel(corpus)], info=True)
    main_cmds = [cmd_aijri, cmd_py, cmd_jq, cmd_cat, cmd_a1, cmd_read]
    rounds(main_cmds, args.runs, f"{args.files} files, {nbytes / 1e6:.1f} MB")
    print(f"\nresults, {args.files} files ({nbytes / 1e6:.1f} MB), median of {args.runs} runs:")
    table(main_cmds, args.files, nbytes)
    r_py = cmd_py.median() / cmd_aijri.median()
    r_jq = cmd_jq.median() / cmd_aijri.median()
    r_cat = cmd_aijri.median() / cmd_cat.median()
    print(f"\n  python/aijri = {r_py:.2f}x   jq/aijri = {r_jq:.2f}x   aijri/cat = {r_cat:.3f}"
          f"   (aijri --jobs 1)/cat = {cmd_a1.median() / cmd_cat.median():.3f}")
    cpu = {x.name: statistics.median(x.cpu) for x in main_cmds}
    print(f"  by CPU time (less sensitive to other load): python/aijri = {cpu['python'] / cpu['aijri']:.2f}x, "
          f"python/(aijri --jobs 1) = {cpu['python'] / cpu['aijri --jobs 1']:.2f}x, "
          f"aijri/cat = {cpu['aijri'] / cpu['cat']:.3f}, aijri/read = {cpu['aijri'] / cpu['read']:.2f}")

    rss_small = max(cmd_aijri.rss)
    big_cmds = []
    if big:
        b = shlex.quote(rel(big))
        big_aijri = Cmd("aijri", [aijri, "score", "--format", "jsonl", rel(big)])
        big_cat = Cmd("cat", shell=f"find {b} -name '*.json' -print0 | xargs -0 cat", info=True)
        big_cmds = [big_aijri, big_cat]
        big_runs = max(1, min(args.runs, 3))
        rounds(big_cmds, big_runs, f"memory: {args.big} files, {int(big_m['bytes']) / 1e6:.1f} MB")
        print(f"\nresults, {args.big} files, median of {big_runs} runs:")
        table(big_cmds, args.big, int(big_m["bytes"]))
        rss_big = max(big_aijri.rss)
        print(f"\n  aijri peak RSS: {rss_small / 1024:.1f} MiB at {args.files} files, "
              f"{rss_big / 1024:.1f} MiB at {args.big} files (ratio {rss_big / rss_small:.3f})")

    cmd_jl = Cmd("aijri jsonl-in", [aijri, "score", "--jobs", "1", "--jsonl-input", rel(jsonl), "--format", "jsonl"])
    cmd_jl_cat = Cmd("cat jsonl", ["cat", rel(jsonl)], info=True)
    rounds([cmd_jl, cmd_jl_cat], args.runs, f"--jsonl-input, {jsonl_bytes / 1e6:.1f} MB")
    print(f"\nresults, --jsonl-input {rel(jsonl)} ({jsonl_bytes / 1e6:.1f} MB, {args.files} lines), "
          f"median of {args.runs} runs:")
    table([cmd_jl, cmd_jl_cat], args.files, jsonl_bytes)
    mbs = jsonl_bytes / 1e6 / cmd_jl.median()
    print(f"\n  --jsonl-input: {mbs:.1f} MB/s by wall time, "
          f"{jsonl_bytes / 1e6 / statistics.median(cmd_jl.cpu):.1f} MB/s by CPU time")

    targets = [
        (f"aijri >= {TARGET_SPEEDUP_PYTHON:g}x faster than python ({r_py:.2f}x)", r_py >= TARGET_SPEEDUP_PYTHON),
        (f"aijri <= cat time ({cmd_aijri.median():.3f}s vs {cmd_cat.median():.3f}s)", r_cat <= 1.0),
        (f"peak RSS <= 64 MiB at {args.files} files ({rss_small / 1024:.1f} MiB)", rss_small <= TARGET_RSS_KIB),
    ]
    if big:
        targets += [
            (f"peak RSS <= 64 MiB at {args.big} files ({rss_big / 1024:.1f} MiB)", rss_big <= TARGET_RSS_KIB),
            (f"peak RSS flat: {args.big} within {TARGET_FLAT}x of {args.files} ({rss_big / rss_small:.3f}x)",
             rss_big <= TARGET_FLAT * rss_small),
        ]
    targets.append((f"--jsonl-input >= {TARGET_JSONL_MBS:g} MB/s on one core ({mbs:.1f} MB/s)",
                    mbs >= TARGET_JSONL_MBS))
    if not args.no_check:
        targets.append((f"correctness checks ({len(problems)} problems)", not problems))
    print("\ntargets:")
    for text, ok in targets:
        print(f"  {verdict(ok)}  {text}")

    os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = os.path.join(BENCH, "results", f"run-{stamp}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"machine": info, "files": args.files, "bytes": nbytes, "big": args.big,
                   "big_bytes": int(big_m["bytes"]) if big_m else None, "jsonl_bytes": jsonl_bytes,
                   "runs": args.runs,
                   "main": {x.name: x.summary() for x in main_cmds},
                   "big_runs": {x.name: x.summary() for x in big_cmds},
                   "jsonl": {x.name: x.summary() for x in (cmd_jl, cmd_jl_cat)},
                   "ratios": {"python/aijri": r_py, "jq/aijri": r_jq, "aijri/cat": r_cat},
                   "jsonl_mb_s": mbs, "problems": problems, "other_cpu": FOREIGN,
                   "targets": [{"target": t, "pass": ok} for t, ok in targets]}, f, indent=2)
    print(f"\nsaved {rel(path)}")
    return 0 if all(ok for _, ok in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
