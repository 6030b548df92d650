#!/usr/bin/env python3
"""Mutation testing for DyadSim: do the tests fail when the code is wrong?

Applies each mutant of a catalogue (by default scripts/mutants.json) one at a time to a copy of
the repository in a temporary folder, rebuilds, runs `swift test -c release` and classifies the
mutant:

  killed               the build succeeded and at least one test failed (or the tests timed out)
  survived             every test passed: a bug the tests do not notice
  not compiling        the mutated code does not build (the mutant is not counted in the score)
  snippet not found    the original snippet no longer occurs exactly once in the file (the
                       catalogue needs refreshing after a refactor; not counted)

A catalogue entry is {id, area, file, original, replacement, description}: `original` is an
exact piece of source that must occur exactly once in `file` (locating mutants by snippet keeps
the catalogue valid when files move lines); `replacement` is what it becomes.

The copy is built once before the first mutant (its `.build` is reused, so each mutant costs an
incremental release build plus the test run) and checked to pass unmutated. Each mutant first
meets a fast subset of the suites (`--first`, the behaviour tests): a failure there already means
`swift test -c release` fails, so the mutant is killed; only a mutant that passes the subset gets
the whole suite, and survives only if every test passes. Results go to
`--results` (default Results/mutation/): results.csv (one row per mutant) and results.md (score
and table, followed by the hand-written notes.md of that folder if there is one). The score is
killed / (killed + survived).

Usage:
  scripts/mutation-test.py                       # the whole catalogue (hours on 2 cores)
  scripts/mutation-test.py --only E01,X03        # some mutants
  scripts/mutation-test.py --list                # check every snippet without building
  scripts/mutation-test.py --continue            # run only the mutants not yet in results.csv
  scripts/mutation-test.py --continue --only E07 # rerun E07, keep the other results
Standard library only; needs git and the Swift toolchain. Not part of .ci/run.
"""

import argparse
import csv
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATUSES = ["killed", "survived", "not compiling", "snippet not found"]
# Fast suites run first (tens of seconds in all); see --first.
FIRST = ("EpisodeRuleTests|DailyStepTests|EarnedSecurityTests|InterventionScheduleTests|InterventionRunTests|"
         "PopulationTests|OutcomeColumnTests|DeterminismTests|OracleTests|SweepPathTests|RunPlanTests|StatisticsTests|"
         "SweepDesignTests|OutputTraceTests|RecordAndFormatTests|ScenarioLoaderTests|ValidationReportTests|"
         "ResumeMergeTests|GoldenOutputTests|ReportNumberTests|FactArithmeticTests|CorrelationTests|"
         "ValidationStatisticsTests")


def load_catalogue(path):
    with open(path, encoding="utf-8") as handle:
        mutants = json.load(handle)
    seen = set()
    for mutant in mutants:
        for key in ("id", "area", "file", "original", "replacement", "description"):
            if key not in mutant:
                sys.exit(f"error: {path}: mutant {mutant.get('id', '?')} has no {key!r}")
        if mutant["id"] in seen:
            sys.exit(f"error: {path}: mutant id {mutant['id']} appears twice")
        if mutant["original"] == mutant["replacement"]:
            sys.exit(f"error: {path}: mutant {mutant['id']} does not change anything")
        seen.add(mutant["id"])
    return mutants


def occurrences(root, mutant):
    """How often the mutant's snippet occurs in its file (0 if the file is missing)."""
    path = os.path.join(root, mutant["file"])
    if not os.path.isfile(path):
        return 0
    with open(path, encoding="utf-8") as handle:
        return handle.read().count(mutant["original"])


def copy_repository(destination):
    """Copies the files git knows (tracked and untracked, not ignored) into `destination`; files
    already there with the same content are left alone, so a kept copy's build stays valid."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True).stdout.decode("utf-8").split("\0")
    for relative in filter(None, listing):
        source = os.path.join(ROOT, relative)
        if not os.path.isfile(source):
            continue  # deleted in the working tree
        target = os.path.join(destination, relative)
        if os.path.isfile(target):
            with open(source, "rb") as first, open(target, "rb") as second:
                if first.read() == second.read():
                    continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(source, target)


def run(command, cwd, env, log, timeout):
    """Runs `command`, appending its output to `log`; returns (exit code or None on timeout, seconds)."""
    started = time.monotonic()
    with open(log, "a", encoding="utf-8") as output:
        output.write(f"$ {' '.join(command)}\n")
        output.flush()
        try:
            process = subprocess.run(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, timeout=timeout)
            code = process.returncode
        except subprocess.TimeoutExpired:
            code = None
    return code, time.monotonic() - started


def failing_tests(log, limit=4):
    """Names of the failing tests found in a swift test log (Swift Testing and XCTest)."""
    names = []
    with open(log, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            match = re.match(r'✘ Test "(.*?)"(?: with \d+ test cases?)? failed', line) or \
                re.match(r"Test Case '(.*?)' failed", line)
            if match and match.group(1) not in names:
                names.append(match.group(1))
    return names[:limit]


def write_results(results, mutants_total, directory, context):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "results.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "area", "file", "description", "status", "seconds", "failing_tests"])
        for result in results:
            writer.writerow([result["id"], result["area"], result["file"], result["description"], result["status"],
                             f"{result['seconds']:.0f}", " | ".join(result["failing"])])
    counts = {status: sum(1 for result in results if result["status"] == status) for status in STATUSES}
    scored = counts["killed"] + counts["survived"]
    score = f"{100 * counts['killed'] / scored:.1f} %" if scored else "n/a"
    lines = [
        "# Mutation testing results",
        "",
        f"Produced by `scripts/mutation-test.py` ({len(results)} of {mutants_total} mutants of the catalogue); "
        f"last run on {context['date']}, commit {context['commit']}, {context['machine']} (rows kept by "
        "`--continue` may come from earlier commits: see the notes).",
        "",
        f"**Score: {score}** — killed {counts['killed']}, survived {counts['survived']}, "
        f"not compiling {counts['not compiling']}, snippet not found {counts['snippet not found']}. "
        "The score is killed / (killed + survived).",
        "",
        "| id | area | mutant | status | caught by |",
        "|---|---|---|---|---|",
    ]
    for result in results:
        caught = "; ".join(result["failing"]).replace("|", "\\|")
        description = result["description"].replace("|", "\\|")
        lines.append(f"| {result['id']} | {result['area']} | {description} (`{result['file']}`) | {result['status']} | {caught} |")
    # Notes written by hand (which results come from an earlier commit, why a survivor is
    # equivalent or which test now kills it) live in notes.md and are kept across reruns.
    notes = os.path.join(directory, "notes.md")
    if os.path.isfile(notes):
        with open(notes, encoding="utf-8") as handle:
            lines += ["", handle.read().rstrip("\n")]
    with open(os.path.join(directory, "results.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return counts, score


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catalogue", default=os.path.join(ROOT, "scripts", "mutants.json"))
    parser.add_argument("--only", help="comma-separated mutant ids")
    parser.add_argument("--results", default=os.path.join(ROOT, "Results", "mutation"),
                        help="folder for results.csv and results.md")
    parser.add_argument("--work", help="folder for the copy (default: a new temporary folder, removed at the end)")
    parser.add_argument("--keep-work", action="store_true", help="keep the copy and the logs")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per build or test run")
    parser.add_argument("--list", action="store_true", help="only check that every snippet occurs exactly once")
    parser.add_argument("--first", default=FIRST,
                        help="--filter of the fast suites run before the whole suite ('' to always run everything)")
    parser.add_argument("--continue", dest="resume", action="store_true",
                        help="keep the results already in --results/results.csv; run the mutants without one "
                             "(or, with --only, rerun those)")
    arguments = parser.parse_args()

    catalogue = load_catalogue(arguments.catalogue)
    mutants = catalogue
    if arguments.only:
        wanted = arguments.only.split(",")
        unknown = [identifier for identifier in wanted if identifier not in {mutant["id"] for mutant in catalogue}]
        if unknown:
            sys.exit(f"error: unknown mutant ids: {', '.join(unknown)}")
        mutants = [mutant for mutant in catalogue if mutant["id"] in wanted]
    if arguments.list:
        problems = 0
        for mutant in mutants:
            count = occurrences(ROOT, mutant)
            state = "ok" if count == 1 else ("snippet not found" if count == 0 else f"snippet occurs {count} times")
            problems += count != 1
            print(f"{mutant['id']:5} {mutant['area']:10} {state:20} {mutant['description']}")
        print(f"{len(mutants)} mutants, {problems} with a snippet problem")
        return 1 if problems else 0

    work = arguments.work or tempfile.mkdtemp(prefix="dyadsim-mutation-")
    copy = os.path.join(work, "repository")
    logs = os.path.join(work, "logs")
    temporary = os.path.join(work, "tmp")
    for folder in (logs, temporary):
        os.makedirs(folder, exist_ok=True)
    copy_repository(copy)
    env = dict(os.environ, TMPDIR=temporary + "/")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    # The results folder itself does not make the tested code "uncommitted".
    dirty = subprocess.run(["git", "status", "--porcelain", "--", ".", ":(exclude)Results"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    context = {"date": datetime.date.today().isoformat(), "commit": commit + (" (with uncommitted changes)" if dirty else ""),
               "machine": f"{platform.machine()}, {os.cpu_count()} cores"}
    build = ["swift", "build", "-c", "release", "--build-tests"]
    test = ["swift", "test", "-c", "release", "--skip-build"]
    print(f"copy in {copy}; logs in {logs}", flush=True)

    baseline = os.path.join(logs, "baseline.log")
    code, seconds = run(build, copy, env, baseline, arguments.timeout)
    if code != 0:
        sys.exit(f"error: the unmutated copy does not build (see {baseline})")
    code, test_seconds = run(test, copy, env, baseline, arguments.timeout)
    if code != 0:
        sys.exit(f"error: the unmutated copy fails its tests (see {baseline})")
    print(f"baseline: build {seconds:.0f} s, tests {test_seconds:.0f} s", flush=True)

    # With --continue, earlier results of every catalogue mutant are kept (in catalogue order) and
    # only the selected mutants without a result are run; --only IDS with --continue reruns IDS.
    recorded = {}
    previous = os.path.join(arguments.results, "results.csv")
    if arguments.resume and os.path.isfile(previous):
        known = {mutant["id"]: mutant for mutant in catalogue}
        with open(previous, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["id"] in known and row["status"] in STATUSES:
                    failing = [name for name in row["failing_tests"].split(" | ") if name]
                    recorded[row["id"]] = dict(known[row["id"]], status=row["status"], seconds=float(row["seconds"]),
                                               failing=failing)
        print(f"{len(recorded)} mutants already in {previous}", flush=True)
    pending = [mutant for mutant in mutants if arguments.only or mutant["id"] not in recorded]
    total = len(catalogue) if arguments.resume else len(mutants)

    def table():
        return [recorded[mutant["id"]] for mutant in catalogue if mutant["id"] in recorded]

    for number, mutant in enumerate(pending, 1):
        path = os.path.join(copy, mutant["file"])
        log = os.path.join(logs, mutant["id"] + ".log")
        result = dict(mutant, status="", seconds=0.0, failing=[])
        started = time.monotonic()
        if occurrences(copy, mutant) != 1:
            result["status"] = "snippet not found"
        else:
            with open(path, encoding="utf-8") as handle:
                original = handle.read()
            try:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(original.replace(mutant["original"], mutant["replacement"], 1))
                code, _ = run(build, copy, env, log, arguments.timeout)
                if code != 0:
                    result["status"] = "not compiling"
                else:
                    code = 0
                    if arguments.first:
                        code, _ = run(test + ["--filter", arguments.first], copy, env, log, arguments.timeout)
                    if code == 0:
                        code, _ = run(test, copy, env, log, arguments.timeout)
                    result["status"] = "survived" if code == 0 else "killed"
                    result["failing"] = ["(timed out)"] if code is None else failing_tests(log)
            finally:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(original)
        result["seconds"] = time.monotonic() - started
        recorded[mutant["id"]] = result
        write_results(table(), total, arguments.results, context)
        print(f"[{number}/{len(pending)}] {mutant['id']} {result['status']} ({result['seconds']:.0f} s) "
              f"{mutant['description']}", flush=True)

    counts, score = write_results(table(), total, arguments.results, context)
    print(f"score {score}: " + ", ".join(f"{status} {counts[status]}" for status in STATUSES))
    if not arguments.keep_work and not arguments.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
