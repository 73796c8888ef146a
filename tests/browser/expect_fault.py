#!/usr/bin/env python3
"""A self-test of page_check.py: it must FAIL on a fixture that has one fault, saying so.

    expect_fault.py 'WHAT IT MUST SAY' PAGE_CHECK_ARGUMENTS...

Passes when page_check.py exits 1 and its standard error holds the given text; fails when it
passes the page (a checker that cannot fail is a defect), says something else, or exits
otherwise. Exit 77 (Chromium or html5lib missing) is passed on: the test is skipped.
"""
import os
import subprocess
import sys

PAGE_CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "page_check.py")


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    wanted, arguments = sys.argv[1], sys.argv[2:]
    run = subprocess.run([sys.executable, PAGE_CHECK] + arguments, capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stdout.write(run.stderr)
    if run.returncode == 77:
        return 77
    if run.returncode == 0:
        print(f"expect_fault: page_check.py passed the page; it must fail with {wanted!r}")
        return 1
    if run.returncode != 1 or wanted not in run.stderr:
        print(f"expect_fault: page_check.py exited {run.returncode} without saying {wanted!r}")
        return 1
    print(f"expect_fault: page_check.py failed as it must, saying {wanted!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
