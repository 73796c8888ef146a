#!/usr/bin/env python3
"""`aijri diff --format html -o PAGE` on tests/data/diff, read back as a browser would.

    check_diff_html.py AIJRI_BINARY SOURCE_DIR

The page must parse as HTML5 with html5lib in strict mode (any parse error fails), and its
DOM must hold what the page promises: the zone changes summarised first, a link to each
role's section and no other link, a table row per role, waterfalls whose steps add up
exactly to each role's change, and the fixture's hostile id, title and task name as text,
never as markup. Exits 77 (skipped) where html5lib is missing.
"""
import os
import re
import subprocess
import sys
import tempfile
from fractions import Fraction

try:
    import html5lib
except ImportError:
    print("skipped: html5lib is not installed (Debian: python3-html5lib)")
    sys.exit(77)

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)


def text_of(element):
    return "".join(element.itertext())


def exact(text):
    """An exact value as the page writes it: "2.16", "-1/3"; "+2.16", "−4.18" as shown."""
    return Fraction(text.replace("−", "-").lstrip("+"))


def main():
    binary, source = sys.argv[1], sys.argv[2]
    data = os.path.join(source, "tests", "data", "diff")
    with tempfile.TemporaryDirectory() as tmp:
        page_path = os.path.join(tmp, "diff.html")
        run = subprocess.run(
            [binary, "diff", "--format", "html", "-o", page_path,
             os.path.join(data, "old"), os.path.join(data, "new")],
            capture_output=True, text=True)
        check(run.returncode == 0, f"exit status {run.returncode}: {run.stderr}")
        check(run.stdout == "", f"nothing on stdout with -o, found {run.stdout!r}")
        with open(page_path, "rb") as f:
            raw = f.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        doc = parser.parse(raw)
    except html5lib.html5parser.ParseError as e:
        print(f"FAIL: the page is not well-formed HTML5: {e}")
        return 1
    text = raw.decode("utf-8")

    # The zone changes come first: the summary section precedes the table and the roles.
    body = doc.find("body")
    sections = [s.get("id") for s in body.iter("section")]
    check(sections[:2] == ["zone-changes", "all-roles"], f"sections begin {sections[:2]}")
    card_texts = sorted(text_of(c) for c in body.iter("div") if c.get("class") == "card")
    check(card_texts == sorted(["1up across the Green line (48.0)",
                                "1down across the Green line (48.0)",
                                "0up across the Yellow line (25.0)",
                                "0down across the Yellow line (25.0)",
                                "1added", "1removed", "0renamed"]), f"cards {card_texts}")

    # Every link points at a section of this page, and each such section exists once.
    ids = [e.get("id") for e in doc.iter() if e.get("id") is not None]
    check(len(ids) == len(set(ids)), "ids are unique")
    links = [a.get("href") for a in doc.iter("a")]
    check(len(links) > 0, "the page links to its sections")
    for href in links:
        check(href.startswith("#role-") and href[1:] in ids, f"link {href!r}")

    # Hostile text is text: one script (the page's own), no image, no event handler.
    check(len(list(doc.iter("script"))) == 1, "one script element")
    check(not list(doc.iter("img")), "no img element")
    for e in doc.iter():
        for name in e.attrib:
            check(not name.lower().startswith("on"), f"an event handler attribute {name}")
    check("<script>alert(1)</script>" in text_of(body), "the hostile id is shown as text")
    check("<img src=x onerror=alert(2)>" in text_of(body), "the hostile task name is shown")
    check(all(text_of(b) != "fast" for b in doc.iter("b")), "a scenario's name is text")
    check('scenario "Tooling matures <b>fast</b>": 51.3 Green (Accelerated) → 33.6 Yellow'
          in text_of(body), "the scenario's change")
    check("javascript:" not in text, "the rationales are not in the page at all")

    # A row per role, each with its new zone for the filter.
    table = doc.find(".//table[@id='roles']")
    rows = table.findall("./tbody/tr")
    zones = {text_of(r.find("td")): r.get("data-zone") for r in rows}
    check(zones == {"data-engineer": "Yellow", "support-analyst": "Green",
                    "<script>alert(1)</script>": "Green", "prompt-librarian": "Green",
                    "typesetter": "none", "archivist": "Green"}, f"rows {zones}")

    # Each waterfall: old AIJRI, steps that add up to the change exactly, new AIJRI.
    waterfalls = 0
    for section in body.iter("section"):
        steps = section.find(".//table[@class='steps']")
        if steps is None:
            continue
        waterfalls += 1
        cells = [r.findall("./*")[-1] for r in steps.findall("./tbody/tr")]
        values = [exact(c.get("data-exact")) for c in cells]
        old, moves, new = values[0], values[1:-1], values[-1]
        check(old + sum(moves) == new, f"{section.get('id')}: {old} + {sum(moves)} != {new}")
        figures = text_of(section.find("./p[@class='figures']"))
        delta = exact(re.search(r"Δ (\S+)", figures).group(1))
        check(delta == new - old, f"{section.get('id')}: Δ {delta}, steps {new - old}")
        # And the figures shown add up to the Δ shown: a reader's sum of the column.
        shown = sum(exact(text_of(c)) for c in cells[1:-1])
        check(shown == delta, f"{section.get('id')}: the points shown add up to {shown}")
        # The totals are the published figures: shown exactly as they are.
        check(exact(text_of(cells[0])) == old, f"{section.get('id')}: the old AIJRI shown")
        check(exact(text_of(cells[-1])) == new, f"{section.get('id')}: the new AIJRI shown")
    check(waterfalls == 3, f"{waterfalls} waterfalls (data-engineer, support-analyst, hostile)")

    for failure in FAILURES:
        print(f"FAIL: {failure}")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
