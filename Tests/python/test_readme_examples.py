#!/usr/bin/env python3
"""Run the README's console examples and compare what they print with what the README shows.

Usage: python3 Tests/python/test_readme_examples.py [path/to/dyadsim] [README.md]

Every ```console block of the README is a transcript: a line starting with `$ ` is a command,
the lines after it (up to the next `$ ` line or the end of the block) are what it prints on
standard output and standard error. The blocks run in order, in one temporary working directory
that holds a copy of `Scenarios/` (as a fresh clone's root does), with `dyadsim` on PATH the way
the README's set-up puts it there (a link in a bin folder). Each command runs with bash and must
exit 0 and print exactly the lines shown, with one normalisation: the wall time and the
throughput of a `  wall time ... s, ... couple-days/s` summary line, which vary from machine to
machine, are compared as placeholders (the couple-days count after them is compared exactly).

Standard library only. Exits 1 if any example differs, 2 on bad usage.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

WALL_TIME = re.compile(r"^  wall time [0-9]+(\.[0-9]+)? s, [0-9]+(\.[0-9]+)?[kM]? couple-days/s")


def normalise(line):
    """The line with a summary's wall time and throughput replaced by placeholders."""
    return WALL_TIME.sub("  wall time <seconds> s, <rate> couple-days/s", line)


def transcripts(readme):
    """(line number, command, expected output lines) of every console block, in order."""
    examples = []
    inside = False
    current = None
    with open(readme, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not inside:
                inside = line.strip() == "```console"
                continue
            if line.strip() == "```":
                inside = False
                current = None
                continue
            if line.startswith("$ "):
                current = (number, line[2:], [])
                examples.append(current)
            elif current is None:
                raise SystemExit(f"{readme}:{number}: console block line before any $ command: {line!r}")
            else:
                current[2].append(line)
    return examples


def main():
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    dyadsim = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(repository, ".build/release/dyadsim"))
    readme = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(repository, "README.md"))
    if not os.access(dyadsim, os.X_OK):
        print(f"usage: {sys.argv[0]} [path/to/dyadsim] [README.md] ({dyadsim} is not an executable)")
        sys.exit(2)
    examples = transcripts(readme)
    if not examples:
        print(f"FAIL {readme}: no console examples")
        sys.exit(1)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="dyadsim-readme-") as work:
        root = os.path.join(work, "clone")
        shutil.copytree(os.path.join(repository, "Scenarios"), os.path.join(root, "Scenarios"))
        bin_directory = os.path.join(work, "bin")
        os.mkdir(bin_directory)
        os.symlink(dyadsim, os.path.join(bin_directory, "dyadsim"))
        environment = dict(os.environ, PATH=bin_directory + os.pathsep + os.environ.get("PATH", ""))
        for number, command, expected in examples:
            result = subprocess.run(["bash", "-c", command], cwd=root, env=environment, capture_output=True, text=True)
            printed = (result.stdout + result.stderr).splitlines()
            if result.returncode != 0:
                failures += 1
                print(f"FAIL README.md:{number}: `{command}` exited {result.returncode}")
                print("\n".join("  " + line for line in printed))
                continue
            want = [normalise(line) for line in expected]
            got = [normalise(line) for line in printed]
            if want != got:
                failures += 1
                print(f"FAIL README.md:{number}: `{command}` prints something else than the README shows:")
                for line in difflib.unified_diff(want, got, "README", "printed", lineterm=""):
                    print("  " + line)
            else:
                print(f"ok   README.md:{number}: {command}")
    print(f"README examples: {len(examples)} commands, {failures} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
