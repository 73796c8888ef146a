#!/usr/bin/env python3
"""aijri as a user gets it: installed with `cmake --install` into a temporary prefix, and
packaged with `cpack -G DEB`.

    check_install.py CHECK --build BUILD_DIR --source SOURCE_DIR --cmake CMAKE [--cpack CPACK]

CHECK is one of:
  prefix   the installed binary runs from the prefix (the seed scores 64.6); share/aijri holds
           the schema and the methodology byte for byte as `aijri schema` and
           `aijri methodology` print them; a man page for the program and each command
  man      every page renders with man-db and groff without a warning, and lists every
           option, operand and choice that the command's --help lists
  bash     the installed completion, sourced in bash (alone, and loaded by bash-completion
           from the prefix), completes commands, options and enumerated values
  zsh      the zsh completion parses, compinit finds it in the prefix's site-functions, and
           an interactive zsh (zsh_complete.zsh) completes commands, options and values
  fish     the fish completion parses, and fish completes from it (complete -C)
  deb      `cpack -G DEB` makes a package whose files and fields are right, whose Depends
           are exactly the packages of the libraries the binary links, and whose binary,
           unpacked, scores the seed as the built one does

A check whose tool is missing is skipped (exit 77), saying which tool and which package
brings it (scripts/install-deps installs them).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
SEED = "assessments/deep-learning-engineer.json"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def skip_without(tool, package):
    path = shutil.which(tool)
    if path is None:
        print(f"skipped: {tool} is not installed (Debian package {package}; "
              f"scripts/install-deps installs it)")
        sys.exit(SKIP)
    return path


def run(command, **kwargs):
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    return subprocess.run(command, **kwargs)


def check(condition, message):
    if not condition:
        fail(message)


class Installed:
    """`cmake --install BUILD --prefix TMP`, removed at the end."""

    def __init__(self, args):
        self.tmp = tempfile.mkdtemp(prefix="aijri-install-")
        self.prefix = os.path.join(self.tmp, "prefix")
        result = run([args.cmake, "--install", args.build, "--prefix", self.prefix])
        check(result.returncode == 0, f"cmake --install failed:\n{result.stdout}{result.stderr}")
        self.binary = os.path.join(self.prefix, "bin", "aijri")
        self.share = os.path.join(self.prefix, "share")
        self.man1 = os.path.join(self.share, "man", "man1")

    def aijri(self, *arguments, **kwargs):
        return run([self.binary, *arguments], **kwargs)

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def commands_of(binary):
    """The commands `aijri --help` lists, in its order."""
    result = run([binary, "--help"])
    check(result.returncode == 0, f"aijri --help: exit {result.returncode}")
    commands = []
    section = None
    for line in result.stdout.splitlines():
        if line and not line.startswith(" "):
            section = line.rstrip(":")
        elif section == "Subcommands" and line.strip():
            commands.append(line.split()[0])
    check(commands, f"no Subcommands in aijri --help:\n{result.stdout}")
    return commands


def help_entries(binary, command):
    """What `aijri [COMMAND] --help` lists: the names of each option ([-f, --format]), and the
    value name of each operand (PATH)."""
    text = run([binary, *([command] if command else []), "--help"]).stdout
    options, operands = [], []
    section = None
    for line in text.splitlines():
        if line and not line.startswith(" "):
            section = line.rstrip(":")
            continue
        # "  -f,--format FORMAT=text     help…": the names, then the value and its default;
        # a line of help alone is indented further.
        if not line.startswith("  ") or line.startswith("   "):
            continue
        entry = re.split(r"\s{2,}", line.strip())[0]
        if section == "Options":
            options.append(entry.split(" ")[0].split(","))
        elif section == "Positionals":
            operands.append(re.sub(r" \.\.\.$", "", entry.split(" ", 1)[1]))
    check(options, f"no Options in aijri {command} --help:\n{text}")
    return options, operands


def choices_of(binary, command, option, after=""):
    """The values the binary accepts for an option, from its own refusal of a wrong one:
    "expected one of text, json, …, found \"no-such-value\"", so that the completions and
    pages are held to the parser and not to themselves. `after` follows the wrong value: for
    a KEY=VALUE option, "=FILE" asks for its keys."""
    value = "no-such-value" + after
    result = run([binary, command, option, value, SEED], cwd=SOURCE)
    m = re.search(r'expected one of (.*), found "no-such-value"', result.stderr)
    check(m, f"aijri {command} {option} {value}: no list of choices in\n{result.stderr}")
    return m.group(1).split(", ")


# ---- prefix --------------------------------------------------------------------------------

def check_prefix(args):
    installed = Installed(args)
    try:
        check(os.access(installed.binary, os.X_OK), f"{installed.binary} is not executable")
        # From a folder that is neither the source nor the build tree, with a PATH without
        # them: the installed binary stands on its own.
        seed = os.path.join(SOURCE, SEED)
        env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
        result = installed.aijri("score", seed, cwd=installed.tmp, env=env)
        check(result.returncode == 0, f"aijri score: exit {result.returncode}\n{result.stderr}")
        first_line = result.stdout.split("\n", 1)[0]
        check(first_line == "Deep Learning Engineer \u2014 AIJRI 64.6 Green (Accelerated)",
              f"aijri score {SEED} does not give 64.6:\n{result.stdout}")
        result = installed.aijri("score", "--format", "json", seed, cwd=installed.tmp, env=env)
        figures = json.loads(result.stdout, parse_float=str, parse_int=str)
        check((figures["raw"], figures["aijri"], figures["label"]) ==
              ("5.6628", "64.6", "Green (Accelerated)"),
              f"aijri score --format json {SEED}: {result.stdout}")
        version = installed.aijri("--version", env=env).stdout
        check(version.startswith("aijri "), f"aijri --version: {version!r}")

        data = os.path.join(installed.share, "aijri")
        for command, name in (("schema", "assessment.schema.json"),
                              ("methodology", "aijri-1.json")):
            printed = installed.aijri(command, env=env, text=False).stdout
            path = os.path.join(data, name)
            check(os.path.isfile(path), f"share/aijri/{name} is not installed")
            with open(path, "rb") as f:
                check(f.read() == printed, f"share/aijri/{name} differs from `aijri {command}`")
        check(sorted(os.listdir(data)) == ["aijri-1.json", "assessment.schema.json"],
              f"share/aijri holds {sorted(os.listdir(data))}")

        with open(os.path.join(installed.share, "doc", "aijri", "copyright")) as installed_licence, \
                open(os.path.join(SOURCE, "LICENSE")) as licence:
            check(installed_licence.read() == licence.read(),
                  "share/doc/aijri/copyright is not the LICENSE")
        pages = sorted(os.listdir(installed.man1))
        expected = sorted(["aijri.1"] + [f"aijri-{c}.1" for c in commands_of(installed.binary)])
        check(pages == expected, f"man1 holds {pages}, expected {expected}")
        for path in ("bash-completion/completions/aijri", "zsh/site-functions/_aijri",
                     "fish/vendor_completions.d/aijri.fish"):
            check(os.path.isfile(os.path.join(installed.share, path)),
                  f"share/{path} is not installed")
        print(f"ok: bin/aijri scores the seed 64.6 from the prefix; share/aijri as printed; "
              f"{len(pages)} man pages; 3 completions")
    finally:
        installed.close()


# ---- man -----------------------------------------------------------------------------------

def render(page):
    """The page as man-db shows it, with groff's warnings on; fails on any warning."""
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="0")
    result = run(["man", "--warnings=all", "-l", page], env=env)
    check(result.returncode == 0, f"man -l {page}: exit {result.returncode}\n{result.stderr}")
    check(result.stderr == "", f"man -l {page} warns:\n{result.stderr}")
    # groff itself, every warning on, no output: what a packager's lint runs.
    lint = run(["groff", "-man", "-ww", "-z", page])
    check(lint.returncode == 0 and lint.stderr == "", f"groff -ww {page}:\n{lint.stderr}")
    # Plain text: backspaced bold and underline removed.
    return re.sub(r".\x08", "", result.stdout)


def check_man(args):
    skip_without("man", "man-db")
    skip_without("groff", "groff-base")
    installed = Installed(args)
    try:
        for command in [None] + commands_of(installed.binary):
            name = f"aijri-{command}" if command else "aijri"
            text = render(os.path.join(installed.man1, f"{name}.1"))
            where = f"{name}(1)"
            for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS",
                            "EXAMPLES", "SEE ALSO"):
                check(re.search(rf"^{heading}$", text, re.M), f"{where} has no {heading}")
            options, operands = help_entries(installed.binary, command)
            for names in options:
                for option in names:
                    check(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text),
                          f"{where} does not list {option}, which --help lists")
            for operand in operands:
                check(re.search(r"\s+".join(map(re.escape, operand.split())), text),
                      f"{where} does not describe the operand {operand}")
            if command:
                check(f"aijri {command}" in text, f"{where}: no synopsis or example")
                check(re.search(r"^SEE ALSO\n\s+aijri\(1\)", text, re.M),
                      f"{where} does not refer to aijri(1)")
            else:
                for other in commands_of(installed.binary):
                    check(f"aijri-{other}(1)" in text, f"aijri(1) does not name aijri-{other}(1)")
        # The choices of enumerated options, as the parser takes them.
        page = render(os.path.join(installed.man1, "aijri-score.1"))
        for option in ("--format", "--color", "--sort", "--fail-on-zone", "--input-format"):
            for choice in choices_of(installed.binary, "score", option):
                check(re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", page),
                      f"aijri-score(1) does not list {choice} for {option}")
        check(re.search(r"FORMAT\s+is\s+one\s+of\s+text,\s+json,", page),
              "aijri-score(1) does not list the formats after --format")
        reports = choices_of(installed.binary, "score", "--report", "=report.out")
        check(re.search(r"--report FORMAT=FILE\n(.*\n)*?\s+FORMAT\s+is\s+one\s+of\s+" +
                        r",\s+".join(map(re.escape, reports)) + r"\.", page),
              "aijri-score(1) does not list the formats of --report")
        print("ok: every page renders without a warning and lists what --help lists")
    finally:
        installed.close()


# ---- bash ----------------------------------------------------------------------------------

# Completes a command line as bash does on TAB: the words as readline splits them (at blanks
# and at COMP_WORDBREAKS), the cursor at the end; prints COMPREPLY, a word a line.
BASH_DRIVER = r'''
complete_line() {
    local line=$1 rest word fn
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMP_WORDS=()
    rest=$line
    while [[ -n $rest ]]; do
        rest=${rest#"${rest%%[! ]*}"}
        [[ -z $rest ]] && break
        if [[ $rest == =* ]]; then
            word="="
        else
            word=${rest%%[ =]*}
        fi
        COMP_WORDS+=("$word")
        rest=${rest#"$word"}
    done
    [[ $line == *[\ =] ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMPREPLY=()
    # The function that `complete` registered for aijri.
    fn=$(complete -p aijri | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
    [[ -n $fn ]] || { echo "no completion function for aijri" >&2; return 3; }
    "$fn" aijri "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s\n' "${COMPREPLY[@]}"
}
'''


def bash_complete(bash, setup, line):
    """COMPREPLY for `line`, after `setup` (which sources or loads the completion)."""
    script = setup + BASH_DRIVER + f"complete_line {shell_quote(line)}\n"
    result = run([bash, "--norc", "--noprofile", "-c", script])
    check(result.returncode == 0, f"bash completing {line!r}: exit {result.returncode}\n"
                                  f"{result.stderr}")
    check(result.stderr == "", f"bash completing {line!r} wrote to stderr:\n{result.stderr}")
    return [word for word in result.stdout.split("\n") if word]


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def check_bash_setup(bash, installed, setup, how):
    commands = commands_of(installed.binary)

    def expect(line, expected):
        got = bash_complete(bash, setup, line)
        check(sorted(got) == sorted(expected),
              f"{how}: {line!r} completes to {got}, expected {sorted(expected)}")

    expect("aijri sc", ["score", "schema"])
    expect("aijri sco", ["score"])
    expect("aijri ", commands)
    expect("aijri -", ["-h", "--help", "-V", "--version"])
    formats = choices_of(installed.binary, "score", "--format")
    expect("aijri score --format ", formats)
    expect("aijri score -f ", formats)
    expect("aijri score --format=", formats)
    expect("aijri score --format j", [f for f in formats if f.startswith("j")])
    expect("aijri score --f", ["--format", "--fail-under", "--fail-on-zone"])
    expect("aijri score --color ", choices_of(installed.binary, "score", "--color"))
    expect("aijri score --sort ", choices_of(installed.binary, "score", "--sort"))
    expect("aijri score --fail-on-zone ", choices_of(installed.binary, "score", "--fail-on-zone"))
    expect("aijri score --input-format ", choices_of(installed.binary, "score", "--input-format"))
    expect("aijri robustness --uncertainty ",
           choices_of(installed.binary, "robustness", "--uncertainty"))
    expect("aijri robustness --sort ", choices_of(installed.binary, "robustness", "--sort"))
    expect("aijri diff --format ", choices_of(installed.binary, "diff", "--format"))
    # Every option --help lists, and no other, after "--" and "-".
    for command in commands:
        options, _ = help_entries(installed.binary, command)
        listed = sorted({name for names in options for name in names})
        got = sorted(bash_complete(bash, setup, f"aijri {command} -"))
        check(got == listed, f"{how}: 'aijri {command} -' completes to {got}, "
                             f"--help lists {listed}")
    # --report FORMAT=FILE: the formats, each with "=" (and no space), then files after it,
    # in each way the option and its value can be written.
    reports = choices_of(installed.binary, "score", "--report", "=report.out")
    expect("aijri score --report ", [f"{f}=" for f in reports])
    expect("aijri robustness --report j", [f"{f}=" for f in reports if f.startswith("j")])
    expect("aijri score --report=j", [f"{f}=" for f in reports if f.startswith("j")])
    expect("aijri score --report json=methodologies/aijri-1.js", ["methodologies/aijri-1.json"])
    expect("aijri score --report=json=methodologies/aijri-1.js", ["methodologies/aijri-1.json"])
    expect("aijri score --set /tasks/1/score=", [])
    # A value no list holds completes to nothing; a file name, to files.
    expect("aijri score --jobs ", [])
    expect("aijri score --methodology methodologies/aijri-1.js", ["methodologies/aijri-1.json"])
    expect("aijri score assessments/deep-learning-eng",
           ["assessments/deep-learning-engineer.json"])


def check_bash(args):
    bash = skip_without("bash", "bash")
    installed = Installed(args)
    try:
        completion = os.path.join(installed.share, "bash-completion", "completions", "aijri")
        os.chdir(SOURCE)
        # Sourced on its own, in a bash without bash-completion.
        check_bash_setup(bash, installed, f"source {shell_quote(completion)}\n", "sourced")
        # As bash-completion finds it: loaded on demand from the prefix's share/ (which
        # XDG_DATA_DIRS names, as /usr/share is for the .deb).
        framework = "/usr/share/bash-completion/bash_completion"
        if not os.path.isfile(framework):
            print(f"ok: completes when sourced; bash-completion's loader not checked "
                  f"({framework} is missing: Debian package bash-completion)")
            return
        loader = (f"export XDG_DATA_DIRS={shell_quote(installed.share)}\n"
                  f"source {framework}\n"
                  "__load_completion aijri || { echo 'bash-completion did not find aijri' >&2; "
                  "exit 3; }\n")
        check_bash_setup(bash, installed, loader, "loaded by bash-completion")
        print("ok: bash completes commands, options and values, sourced and through "
              "bash-completion's loader")
    finally:
        installed.close()


# ---- zsh -----------------------------------------------------------------------------------

def check_zsh(args):
    zsh = skip_without("zsh", "zsh")
    installed = Installed(args)
    try:
        folder = os.path.join(installed.share, "zsh", "site-functions")
        completion = os.path.join(folder, "_aijri")
        result = run([zsh, "-n", completion])
        check(result.returncode == 0 and result.stderr == "", f"zsh -n _aijri:\n{result.stderr}")
        # compinit reads the #compdef line of every file on fpath: aijri must map to _aijri.
        script = (f"fpath=({shell_quote(folder)} $fpath); autoload -Uz compinit; "
                  "compinit -u -D; print -r -- ${_comps[aijri]}")
        result = run([zsh, "-f", "-c", script], env=dict(os.environ, HOME=installed.tmp))
        check(result.stdout.strip() == "_aijri",
              f"compinit does not map aijri to _aijri: {result.stdout!r} {result.stderr}")
        # What zsh offers on TAB, in an interactive zsh on a pseudo-terminal
        # (zsh_complete.zsh), from the installed site-functions.
        driver = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zsh_complete.zsh")
        env = dict(os.environ, HOME=installed.tmp, ZDOTDIR=installed.tmp)

        def expect(line, expected):
            result = run([zsh, "-f", driver, folder, line], env=env, cwd=SOURCE, timeout=60)
            got = [word for word in result.stdout.split("\n") if word]
            check(result.returncode == 0 and sorted(got) == sorted(expected),
                  f"zsh: {line!r} completes to {got}, expected {sorted(expected)}\n"
                  f"{result.stderr}")

        expect("aijri sc", ["score", "schema"])
        expect("aijri ", commands_of(installed.binary))
        formats = choices_of(installed.binary, "score", "--format")
        expect("aijri score --format ", formats)
        expect("aijri score -f ", formats)
        expect("aijri score --format=", formats)
        expect("aijri score --f", ["--format", "--fail-under", "--fail-on-zone"])
        expect("aijri robustness --uncertainty ",
               choices_of(installed.binary, "robustness", "--uncertainty"))
        expect("aijri score --fail-on-zone ",
               choices_of(installed.binary, "score", "--fail-on-zone"))
        expect("aijri score assessments/deep-learning-eng", ["deep-learning-engineer.json"])
        # zsh adds the "=" after a format itself (compadd -S): the matches are the formats.
        reports = choices_of(installed.binary, "score", "--report", "=report.out")
        expect("aijri score --report ", reports)
        expect("aijri score --report json=methodologies/aijri-1.js", ["aijri-1.json"])
        print("ok: zsh parses _aijri, compinit finds it in site-functions, and zsh completes "
              "commands, options, values and files from it")
    finally:
        installed.close()


# ---- fish ----------------------------------------------------------------------------------

def check_fish(args):
    fish = skip_without("fish", "fish")
    installed = Installed(args)
    try:
        folder = os.path.join(installed.share, "fish", "vendor_completions.d")
        completion = os.path.join(folder, "aijri.fish")
        result = run([fish, "--no-config", "-n", completion])
        check(result.returncode == 0 and result.stderr == "", f"fish -n aijri.fish:\n{result.stderr}")
        # As fish finds it: its vendor_completions.d under a folder of XDG_DATA_DIRS (as
        # /usr/share is for the .deb). fish loads a command's completions only once the
        # command is on PATH; the user's own configuration is kept out by an empty HOME.
        env = dict(os.environ, HOME=installed.tmp, XDG_CONFIG_HOME=installed.tmp,
                   XDG_DATA_HOME=installed.tmp,
                   XDG_DATA_DIRS=f"{installed.share}:/usr/share",
                   PATH=f"{os.path.dirname(installed.binary)}:{os.environ.get('PATH', '')}")

        def complete(line):
            script = f"complete -C {shell_quote(line)}"
            result = run([fish, "-c", script], env=env, cwd=SOURCE)
            check(result.returncode == 0 and result.stderr == "",
                  f"fish complete -C {line!r}:\n{result.stderr}")
            return [entry.split("\t")[0] for entry in result.stdout.splitlines()]

        got = complete("aijri sc")
        check(sorted(got) == ["schema", "score"], f"fish: 'aijri sc' completes to {got}")
        formats = choices_of(installed.binary, "score", "--format")
        got = complete("aijri score --format ")
        check(sorted(got) == sorted(formats), f"fish: '--format ' completes to {got}")
        got = complete("aijri robustness --uncertainty ")
        expected = choices_of(installed.binary, "robustness", "--uncertainty")
        check(sorted(got) == sorted(expected), f"fish: '--uncertainty ' completes to {got}")
        got = complete("aijri score --f")
        check(sorted(got) == ["--fail-on-zone", "--fail-under", "--format"],
              f"fish: 'aijri score --f' completes to {got}")
        got = complete("aijri score assessments/deep-learning-eng")
        check(got == ["assessments/deep-learning-engineer.json"],
              f"fish: an operand completes to {got}")
        reports = choices_of(installed.binary, "score", "--report", "=report.out")
        got = complete("aijri score --report ")
        check(sorted(got) == sorted(f"{f}=" for f in reports),
              f"fish: '--report ' completes to {got}")
        got = complete("aijri score --report json=methodologies/aijri-1.js")
        check(got == ["json=methodologies/aijri-1.json"], f"fish: '--report json=…' gives {got}")
        got = complete("aijri score --format=j")
        check(sorted(got) == sorted(f"--format={f}" for f in formats if f.startswith("j")),
              f"fish: '--format=j' completes to {got}")
        print("ok: fish parses aijri.fish and completes commands, options, values and files")
    finally:
        installed.close()


# ---- deb -----------------------------------------------------------------------------------

def check_deb(args):
    skip_without("dpkg-deb", "dpkg")
    skip_without("dpkg-shlibdeps", "dpkg-dev")
    check(args.cpack, "no cpack given")
    config = os.path.join(args.build, "CPackConfig.cmake")
    check(os.path.isfile(config), f"{config} is missing")
    tmp = tempfile.mkdtemp(prefix="aijri-deb-")
    try:
        result = run([args.cpack, "-G", "DEB", "--config", config, "-B", tmp])
        check(result.returncode == 0, f"cpack -G DEB failed:\n{result.stdout}{result.stderr}")
        debs = [name for name in os.listdir(tmp) if name.endswith(".deb")]
        check(len(debs) == 1, f"cpack made {debs}")
        deb = os.path.join(tmp, debs[0])

        listing = run(["dpkg-deb", "-c", deb])
        check(listing.returncode == 0, f"dpkg-deb -c: {listing.stderr}")
        files = {line.split()[-1].lstrip(".") for line in listing.stdout.splitlines()}
        binary = os.path.join(args.build, "src", "aijri")
        commands = commands_of(binary)
        expected = ["/usr/bin/aijri", "/usr/share/man/man1/aijri.1",
                    "/usr/share/bash-completion/completions/aijri",
                    "/usr/share/zsh/site-functions/_aijri",
                    "/usr/share/fish/vendor_completions.d/aijri.fish",
                    "/usr/share/aijri/assessment.schema.json", "/usr/share/aijri/aijri-1.json",
                    "/usr/share/doc/aijri/copyright"]
        expected += [f"/usr/share/man/man1/aijri-{c}.1" for c in commands]
        for path in expected:
            check(path in files, f"the package does not hold {path}:\n{listing.stdout}")

        def field(name):
            result = run(["dpkg-deb", "-f", deb, name])
            check(result.returncode == 0, f"dpkg-deb -f {name}: {result.stderr}")
            return result.stdout.strip()

        version = run([binary, "--version"]).stdout.split()[1]
        check(field("Package") == "aijri", f"Package: {field('Package')}")
        check(field("Version") == version, f"Version: {field('Version')}, aijri says {version}")
        check(field("Section") == "utils", f"Section: {field('Section')}")
        check(re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", field("Maintainer")),
              f"Maintainer: {field('Maintainer')}")
        check(field("Description").startswith("Job-role AI-resilience scoring engine\n"),
              f"Description: {field('Description')}")
        depends = field("Depends")
        # Exactly the packages of the shared libraries the binary links (readelf's NEEDED,
        # found by ldd, owned as dpkg says), each with a version.
        names = {re.sub(r"\s*\(.*\)", "", alternative).strip()
                 for entry in depends.split(",") for alternative in entry.split("|")}
        expected_packages = linked_packages(binary)
        check(names == expected_packages,
              f"Depends: {depends}\nnames {sorted(names)}, the binary links the libraries of "
              f"{sorted(expected_packages)}")
        # The sanitizer runtimes (the asan preset's build) come without a version: their
        # shlibs files give none, and no one packages a sanitized binary.
        sanitizer = re.compile(r"\s*lib(asan|ubsan|tsan|lsan)\d")
        check(all("(>=" in entry or sanitizer.match(entry) for entry in depends.split(",")),
              f"Depends: {depends}: a package without a version")
        # The packaged (stripped) binary, unpacked, scores the seed as the built one does.
        root = os.path.join(tmp, "root")
        unpacked = run(["dpkg-deb", "-x", deb, root])
        check(unpacked.returncode == 0, f"dpkg-deb -x: {unpacked.stderr}")
        seed = os.path.join(SOURCE, SEED)
        packaged = run([os.path.join(root, "usr", "bin", "aijri"), "score", "-f", "jsonl", seed])
        built = run([binary, "score", "-f", "jsonl", seed])
        check(packaged.returncode == 0 and packaged.stdout == built.stdout,
              f"the packaged aijri scores the seed as:\n{packaged.stdout}{packaged.stderr}")
        print(f"ok: {debs[0]} holds {len(expected)} files; Depends: {depends}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def linked_packages(binary):
    """The Debian packages that ship the shared libraries the binary names (NEEDED)."""
    dynamic = run(["readelf", "-d", binary])
    check(dynamic.returncode == 0, f"readelf -d {binary}: {dynamic.stderr}")
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic.stdout)
    check(needed, f"readelf -d {binary} names no library:\n{dynamic.stdout}")
    ldd = run(["ldd", binary]).stdout
    packages = set()
    for library in needed:
        m = re.search(rf"^\s*{re.escape(library)} => (\S+)", ldd, re.M)
        check(m, f"ldd {binary} does not find {library}:\n{ldd}")
        path = os.path.realpath(m.group(1))
        owner = run(["dpkg", "-S", path])
        if owner.returncode != 0:  # /lib is a link to /usr/lib on Debian 12: dpkg knows one name
            owner = run(["dpkg", "-S", path.replace("/usr/lib/", "/lib/", 1)])
        check(owner.returncode == 0, f"dpkg -S {path}: {owner.stderr}")
        packages.add(owner.stdout.split(":")[0])
    return packages


CHECKS = {"prefix": check_prefix, "man": check_man, "bash": check_bash, "zsh": check_zsh,
          "fish": check_fish, "deb": check_deb}


def main():
    global SOURCE
    ap = argparse.ArgumentParser()
    ap.add_argument("check", choices=sorted(CHECKS))
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--cmake", required=True)
    ap.add_argument("--cpack")
    args = ap.parse_args()
    SOURCE = os.path.abspath(args.source)
    CHECKS[args.check](args)


SOURCE = None

if __name__ == "__main__":
    main()
