#!/usr/bin/env python3
"""Writes a page with the aijri binary, then checks it with page_check.py (one CTest test of
tests/browser/CMakeLists.txt, aijri_browser_test()).

    render_and_check.py OUT.html [--exit-codes 0,1] --run AIJRI ARGUMENTS... --check PAGE_CHECK_ARGUMENTS...

The command's standard output is the page, written to OUT.html (its folder is made); it must
exit with one of --exit-codes (default 0). Then page_check.py OUT.html PAGE_CHECK_ARGUMENTS.
Exit: page_check.py's (77: skipped), or 1 when the command failed.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import page_check  # noqa: E402


def main(argv):
    try:
        out = argv[0]
        codes = {0}
        rest = argv[1:]
        if rest[0] == "--exit-codes":
            codes = {int(c) for c in rest[1].split(",")}
            rest = rest[2:]
        if rest[0] != "--run" or "--check" not in rest:
            raise ValueError
        split = rest.index("--check")
        command, checks = rest[1:split], rest[split + 1:]
    except (IndexError, ValueError):
        print(__doc__, file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as page:
        run = subprocess.run(command, stdout=page, stderr=subprocess.PIPE)
    if run.returncode not in codes:
        print(f"render_and_check: {' '.join(command)} exited {run.returncode}, expected "
              f"{' or '.join(map(str, sorted(codes)))}:\n{run.stderr.decode('utf-8', 'replace')}",
              file=sys.stderr)
        return 1
    return page_check.main([out] + checks)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
