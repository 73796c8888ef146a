#!/usr/bin/env python3
"""scripts/check-layers, the build step that refuses an upward #include, is itself tested:
on a fixture tree of deliberate violations it must fail, naming each at its line; on the
real tree, with the rules of src/CMakeLists.txt, it must pass.

    check_layers.py PYTHON CHECKER --root ROOT RULE...
"""
import os
import subprocess
import sys

python, checker, root, rules = sys.argv[1], sys.argv[2], sys.argv[4], sys.argv[5:]
fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture")
expected = [
    'src/util/upward.cpp:2: #include "aijri/report/json.hpp": \'report\' is not below '
    "'util' (util may include: util)",
    'include/aijri/util/text.hpp:3: #include "aijri/report/json.hpp": \'report\' is not below '
    "'util' (util may include: util)",
    'src/report/private.cpp:4: #include "document/figures.hpp": not a public header '
    "(aijri/MODULE/NAME.hpp) nor one of this folder (report may include: report, util)",
    'src/cli/main.cpp:2: #include "aijri/core/engine.hpp": no module \'core\' '
    "(cli may include: report, util)",
    "check-layers: 4 include(s) against the layering (ARCHITECTURE.md)",
]
run = subprocess.run([python, checker, "--root", fixture, "util=", "report=util"],
                     capture_output=True, text=True)
failures = []
if run.returncode != 1:
    failures.append(f"fixture: exit {run.returncode}, expected 1")
if run.stderr.splitlines() != expected:
    failures.append("fixture: stderr was\n" + run.stderr + "expected\n" + "\n".join(expected))
real = subprocess.run([python, checker, "--root", root, *rules], capture_output=True, text=True)
if real.returncode != 0:
    failures.append(f"real tree: exit {real.returncode}\n{real.stderr}")
for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
