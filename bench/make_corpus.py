#!/usr/bin/env python3
"""Deterministic generator of a benchmark corpus of seed-sized aijri assessments.

    python3 bench/make_corpus.py N OUT_DIR [--seed S] [--jsonl FILE] [--broken K]

Writes N assessments shaped like the seed (assessments/deep-learning-engineer.json):
every text field filled with prose of about the seed's length, 4-8 tasks, all five
evidence and five barrier rows with rationales, 3-5 commentary sections, pretty-printed
with two-space indentation and UTF-8 text (em dashes, quotes that need escaping, newlines),
about 16 KB a file. Every file is valid per ASSESSMENT-FORMAT.md: time shares sum to
exactly 100 with at most two decimals, integer scores in range, impacts from the three
words, distinct task names, no `stated` block, no override.

Files are spread over nested folders like a real repository, 100 files a folder and 100
folders a group:  OUT_DIR/g00/f00/role-000000.json ... OUT_DIR/g01/f99/role-019999.json

Determinism: file i is generated from its own random.Random(f"{seed}:{i}") (string seeds
are hashed with SHA-512, independent of PYTHONHASHSEED), so the same N and seed give
byte-identical files on every run and machine, and the first M files of a larger corpus
are the files of the M-file corpus.

--jsonl FILE   also write the same assessments, one compact JSON object per line, to FILE.
--broken K     replace K of the N files (chosen deterministically) with broken ones, in turn:
               truncated JSON, a score out of range, a missing required key. They are
               listed in OUT_DIR/MANIFEST.txt (and the JSONL file gets the same breakage).

OUT_DIR is created; if it exists it must be a corpus made by this script (it has a
MANIFEST.txt) and is replaced, or be empty.
"""
import argparse
import hashlib
import json
import multiprocessing
import os
import random
import shutil
import sys

DEFAULT_SEED = 20240917
FILES_PER_FOLDER = 100
FOLDERS_PER_GROUP = 100

# A fixed vocabulary, taken from the words of the seed assessment.
VOCAB = """
about above accelerated accelerating accountable across adoption advance advancing affects
aggressive aggressively agreement alignment allocation already ambiguous among analyst
applicants applied applies apply applying architects architectural architecture architectures
assessment assigns assists attention augment augmentation authority automatable automate
automated automation average away barrier barriers base bear because becomes behavior below
beyond biased biases biggest boilerplate bonuses borderline broader build builds capability
capable capture captures case categories category cause characteristics check choosing
classical classification closer cloud cluster clusters code collaboration collapse comes
comfortably commentary communication company compensation competence competing complex
compliance components compress compression compute confirmed confound consequential consists
constraints context converge convergence core correct correlation create creates creative
cross-functional current currently custom cutting daily data dataset datasets debate debug
debugging decisions declines deep deeper define degree demand deployment deploys design
designed designing designs despite determines diagnose diagnosing diagnostic directions
directly discovery distributed divergence domain domains dominant driver drives driving
dynamics each eating edge efficiency efficient embraces emerging employment enforceable
engineer engineering engineers ensure enterprise enterprises entirely established evaluating
every evidence executing execution exercises exists expands expansion expected experience
experiment expertise explosively factor fail fails failure failures fastest financial firmly
firms fluency focused follow formal foundation foundational framework frameworks frontier
frontiers fully fusion future general generation generative genuine giving globally graduate
greater growing grows growth handles handling harm healthcare higher highest hiring human
hyperparameter image imaging improve including increasingly industry inference inflated
infrastructure instabilities interprets irreplaceable issues itself judgment knowledge lab
labs lack landscapes language large latency layer leadership leads learning least less level
liability licensing loaders loops loss lower mainly maintain major makes managed management
manages managing mandates marginally market master matches may means mechanism mechanisms
median medical memory modalities mode model models modes modification more most multimodal
must narrower narrowly network networks neural new next novel novelty numbers occurs often
only operates optimization optimize optimizes optimizing organizational outside oversight
papers paradigm paradigms partly patterns perception physical physics pipeline pipelines
platforms points portfolio positions possible posting postings precedent premium premiums
presence prevents primarily principal probabilistic problem problems product production
profile programs progress projects protected protection prototype prototyping pure qualified
question range ranked rapidly rate rather reach reaches reading real reality reasoning recipes
recursive reduce reflects relationships relevant remains remote replace replaced replacement
report require requirement requirements requires research resistance responsibility retention
risk robotics role roles runs safety salaries salary same scale scaling scarce scarcity
scenario scheduling scientific scope score scored search secondary sector segmentation
selection senior separates services share shift shifts shortage significant significantly
signing single sits sizes skill slightly software solution solve someone spaces span
specialists specialization specialized specific specifically spend standard staying stays
strategy strengthening strengthens strong stronger strongest structural subset substantial
suggests supply supports surge surging survival surviving system systems talent task tasks
teams technical techniques technology threshold through time timeline title today tools top
total toward tracking tracks train training trajectory transformers transforming translating
translation tumor tuning understand understanding unique universal unlike unprecedented use
used utilization value vanishing vehicle viable video vision visualize volumetric wage well
what when where whether which who why will with within without work works world worry would
years
""".split()
GLUE = "the the the a a an and and and of of of to to in in for on is are but not or by as at from that this with".split()
PROPER = ("AI ML GPU CUDA NAS AutoML EU PyTorch TensorFlow LinkedIn Gartner WEF NVIDIA DeepSpeed FSDP "
          "MLOps NLP Lightcast Glassdoor ZipRecruiter").split()
QUOTED = ["novel", "human in the loop", "good enough", "AI-first", "copilot", "last mile"]

TITLE_DOMAINS = ("Clinical Data Financial Cloud Security Network Retail Supply-Chain Marketing Legal "
                 "Industrial Energy Aerospace Biomedical Insurance Logistics Media Education Public-Sector "
                 "Robotics Payments Manufacturing Compliance Quality Research").split()
TITLE_ROLES = ("Engineer Analyst Architect Scientist Specialist Manager Coordinator Technician Consultant "
               "Auditor Designer Administrator Planner Operator Researcher Strategist").split()
SENIORITIES = ["Junior", "Mid-level", "Senior", "Lead", "Principal", "Entry-level"]
TASK_VERBS = ["Design", "Train & optimize", "Build & maintain", "Debug", "Research & prototype",
              "Review", "Coordinate", "Audit", "Document", "Negotiate", "Plan", "Monitor",
              "Analyse", "Evaluate", "Deploy", "Present", "Mentor", "Triage", "Estimate", "Validate"]
HEADINGS = ["Barrier Assessment", "AI Growth Correlation Check", "Assessor Commentary",
            "What This Means", "Score vs Reality Check", "Who Should Worry (and Who Shouldn't)",
            "What the Numbers Don't Capture", "Survival Strategy", "Timeline"]

# Seed lengths (characters) of the text fields; each generated field is 75%-125% of it.
LEN_ROLE = {"primary_function": 472, "not_this_role": 455, "typical_experience": 309,
            "seniority_note": 247}
LEN_PROTECTIVE = {"embodied_physicality": 94, "deep_interpersonal_connection": 135,
                  "goal_setting_moral_judgment": 313}
LEN_EVIDENCE = {"job_posting_trends": 376, "company_actions": 336, "wage_trends": 423,
                "ai_tool_maturity": 411, "expert_consensus": 359}
LEN_BARRIERS = {"regulatory_licensing": 304, "physical_presence": 85,
                "union_collective_bargaining": 53, "liability_accountability": 319,
                "cultural_ethical": 214}
LEN_COMMENTARY = [82, 676, 3243, 1751]


def sentence(rng):
    n = rng.randint(7, 24)
    words = []
    for k in range(n):
        r = rng.random()
        if r < 0.30:
            w = rng.choice(GLUE)
        elif r < 0.36:
            w = rng.choice(PROPER)
        else:
            w = rng.choice(VOCAB)
        words.append(w)
        if k + 1 < n:
            r = rng.random()
            if r < 0.06:
                words[-1] += ","
            elif r < 0.08:
                words.append("—")
    r = rng.random()
    if r < 0.10:
        words.insert(rng.randrange(1, n), f"{rng.randint(2, 95)}%")
    elif r < 0.15:
        words.insert(rng.randrange(1, n), f"${rng.randint(90, 320)},{rng.randint(0, 999):03d}")
    elif r < 0.20:
        words.insert(rng.randrange(1, n), '"' + rng.choice(QUOTED) + '"')
    elif r < 0.25:
        words.insert(rng.randrange(1, n), f"({rng.choice(PROPER)}, {rng.randint(2019, 2030)})")
    s = " ".join(words)
    return s[0].upper() + s[1:] + ("?" if rng.random() < 0.02 else ".")


def prose(rng, target):
    # Whole sentences are added until the target is passed: aim half a sentence short.
    target = max(20, int(target * rng.uniform(0.75, 1.25)) - 55)
    parts = []
    length = 0
    while length < target:
        s = sentence(rng)
        parts.append(s)
        length += len(s) + 1
    return " ".join(parts)


def long_text(rng, target):
    """Commentary text: paragraphs and "- " bullet lists separated by newlines."""
    target = max(40, int(target * rng.uniform(0.75, 1.25)) - 120)
    lines = []
    length = 0
    while length < target:
        if lines and rng.random() < 0.4:
            line = "- " + prose(rng, rng.randint(150, 420))
        else:
            line = prose(rng, rng.randint(60, 500))
        lines.append(line)
        length += len(line) + 1
    return "\n".join(lines)


def time_shares(rng, k):
    """k shares > 0 summing to exactly 100, at most 2 decimals (hundredths as integers)."""
    if rng.random() < 0.7:
        unit, total, minimum = 500, 10000, 1       # multiples of 5 %
    elif rng.random() < 0.5:
        unit, total, minimum = 100, 10000, 2       # whole percent
    else:
        unit, total, minimum = 1, 10000, 150       # hundredths, e.g. 12.37 %
    units = total // unit
    rest = units - k * minimum
    cuts = sorted(rng.randint(0, rest) for _ in range(k - 1))
    bounds = [0] + cuts + [rest]
    hundredths = [(minimum + bounds[i + 1] - bounds[i]) * unit for i in range(k)]
    assert sum(hundredths) == 10000 and min(hundredths) > 0
    return [h // 100 if h % 100 == 0 else h / 100 for h in hundredths]


def task_name(rng):
    words = [rng.choice(VOCAB) for _ in range(rng.randint(2, 5))]
    return rng.choice(TASK_VERBS) + " " + " ".join(words)


def impact_for(rng, score):
    if score == 1:
        return rng.choice(["not_involved", "not_involved", "not_involved", "augmentation"])
    if score >= 4:
        return rng.choice(["displacement", "displacement", "augmentation"])
    return rng.choice(["augmentation", "augmentation", "augmentation", "not_involved", "displacement"])


def make_assessment(seed, i):
    rng = random.Random(f"{seed}:{i}")
    title = f"{rng.choice(TITLE_DOMAINS)} {rng.choice(TITLE_DOMAINS)} {rng.choice(TITLE_ROLES)}"
    slug = title.lower().replace(" ", "-").replace("&", "and")
    a = {"$schema": "../../../schema/assessment.schema.json", "aijri": 1, "id": f"{slug}-{i:06d}"}
    a["role"] = {"title": title, "seniority": rng.choice(SENIORITIES)}
    for key, n in LEN_ROLE.items():
        a["role"][key] = prose(rng, n)
    a["protective_principles"] = {
        key: {"score": rng.randint(0, 3), "rationale": prose(rng, n)} for key, n in LEN_PROTECTIVE.items()
    }
    a["growth_correlation"] = {"score": rng.randint(-2, 2), "rationale": prose(rng, 292)}
    k = rng.randint(4, 8)
    shares = time_shares(rng, k)
    names = set()
    tasks = []
    for p in shares:
        name = task_name(rng)
        while name in names:
            name = task_name(rng)
        names.add(name)
        score = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5])
        tasks.append({"name": name, "time_pct": p, "score": score,
                      "impact": impact_for(rng, score), "rationale": prose(rng, 323)})
    a["tasks"] = tasks
    if rng.random() < 0.9:
        a["reinstatement"] = {"new_tasks": rng.random() < 0.6, "note": prose(rng, 388)}
    a["evidence"] = {key: {"score": rng.randint(-2, 2), "rationale": prose(rng, n)}
                     for key, n in LEN_EVIDENCE.items()}
    a["barriers"] = {key: {"score": rng.randint(0, 2), "rationale": prose(rng, n)}
                     for key, n in LEN_BARRIERS.items()}
    a["override"] = None
    sections = rng.randint(3, 5)
    headings = rng.sample(HEADINGS, sections)
    a["commentary"] = [{"heading": h, "text": long_text(rng, LEN_COMMENTARY[j % 4])}
                       for j, h in enumerate(headings)]
    return a


BROKEN_KINDS = ["truncated", "range", "missing-key"]


def break_assessment(seed, i, a, kind):
    """Returns (pretty_text, compact_text) of a broken variant of a."""
    rng = random.Random(f"{seed}:broken:{i}")
    if kind == "range":
        where = rng.choice(["task", "evidence", "barrier"])
        if where == "task":
            a["tasks"][rng.randrange(len(a["tasks"]))]["score"] = rng.choice([0, 6, 7])
        elif where == "evidence":
            a["evidence"]["wage_trends"]["score"] = rng.choice([-3, 3])
        else:
            a["barriers"]["physical_presence"]["score"] = 3
    elif kind == "missing-key":
        del a[rng.choice(["tasks", "evidence", "growth_correlation", "barriers"])]
    pretty = json.dumps(a, indent=2, ensure_ascii=False) + "\n"
    compact = json.dumps(a, ensure_ascii=False, separators=(",", ":"))
    if kind == "truncated":
        pretty = pretty[: rng.randint(len(pretty) // 4, 3 * len(pretty) // 4)]
        compact = compact[: rng.randint(len(compact) // 4, 3 * len(compact) // 4)]
    return pretty, compact


def rel_path(i):
    return os.path.join(f"g{i // (FILES_PER_FOLDER * FOLDERS_PER_GROUP):02d}",
                        f"f{(i // FILES_PER_FOLDER) % FOLDERS_PER_GROUP:02d}",
                        f"role-{i:06d}.json")


def render(job):
    seed, i, kind, want_compact = job
    a = make_assessment(seed, i)
    if kind:
        pretty, compact = break_assessment(seed, i, a, kind)
    else:
        pretty = json.dumps(a, indent=2, ensure_ascii=False) + "\n"
        compact = json.dumps(a, ensure_ascii=False, separators=(",", ":")) if want_compact else None
    return rel_path(i), pretty.encode("utf-8"), compact


def generator_digest():
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def prepare_out(out):
    if os.path.exists(out):
        if os.path.isfile(os.path.join(out, "MANIFEST.txt")):
            shutil.rmtree(out)
        elif os.listdir(out):
            sys.exit(f"make_corpus: {out} exists, is not empty and has no MANIFEST.txt; refusing to replace it")
    os.makedirs(out, exist_ok=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of assessments")
    ap.add_argument("out", help="output folder")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    ap.add_argument("--jsonl", metavar="FILE", help="also write the assessments one per line to FILE")
    ap.add_argument("--broken", type=int, default=0, metavar="K", help="make K of the N files broken")
    args = ap.parse_args()
    if args.n < 1 or args.n >= 10 ** 6:
        ap.error("N must be 1..999999")
    if not 0 <= args.broken <= args.n:
        ap.error("K must be 0..N")

    prepare_out(args.out)
    broken = {}
    if args.broken:
        picks = sorted(random.Random(f"{args.seed}:broken").sample(range(args.n), args.broken))
        broken = {i: BROKEN_KINDS[j % len(BROKEN_KINDS)] for j, i in enumerate(picks)}

    jsonl = None
    if args.jsonl:
        if os.path.dirname(args.jsonl):
            os.makedirs(os.path.dirname(args.jsonl), exist_ok=True)
        jsonl = open(args.jsonl, "w", encoding="utf-8", newline="\n")
    total_bytes = 0
    made_dirs = set()
    work = ((args.seed, i, broken.get(i), bool(jsonl)) for i in range(args.n))
    # Files are rendered on all cores but written here, in order; each file depends only on
    # (seed, i), so the output does not depend on the number of processes.
    with multiprocessing.Pool(min(os.cpu_count() or 1, 8)) as pool:
        for rel, data, compact in pool.imap(render, work, chunksize=64):
            d = os.path.dirname(rel)
            if d not in made_dirs:
                os.makedirs(os.path.join(args.out, d), exist_ok=True)
                made_dirs.add(d)
            total_bytes += len(data)
            with open(os.path.join(args.out, rel), "wb") as f:
                f.write(data)
            if jsonl:
                jsonl.write(compact)
                jsonl.write("\n")
    if jsonl:
        jsonl.close()

    with open(os.path.join(args.out, "MANIFEST.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("aijri benchmark corpus (bench/make_corpus.py)\n")
        f.write(f"n={args.n}\nseed={args.seed}\nbroken={args.broken}\n")
        f.write(f"generator={generator_digest()}\nbytes={total_bytes}\n")
        if jsonl:
            f.write(f"jsonl={os.path.abspath(args.jsonl)} {os.path.getsize(args.jsonl)}\n")
        for i, kind in sorted(broken.items()):
            f.write(f"broken-file={rel_path(i)} {kind}\n")
    print(f"make_corpus: {args.n} files, {total_bytes} bytes ({total_bytes / args.n:.0f} per file) "
          f"in {args.out}" + (f", {args.broken} broken" if args.broken else "")
          + (f"; JSONL {os.path.getsize(args.jsonl)} bytes in {args.jsonl}" if jsonl else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
