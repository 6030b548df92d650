#!/usr/bin/env bash
# Builds a libFuzzer target (SwiftPM --sanitize fuzzer for the libraries, swiftc for the harness)
# and runs it on a seeded corpus. Targets:
#   scenario  the scenario loader: load + validate + plan (corpus: the shipped scenarios)
#   design    the design-file reader of sweep.design_file (corpus: small design CSVs)
#   report    the report's CSV reader and figures on a tiny results directory (corpus: its files)
# Each asserts the one-line error contract (every error line starts with "error: " and holds no
# raw control character). A crash, trap, hang (-timeout) or contract violation keeps the input
# in fuzz-artifacts/.
# Usage: Fuzz/run-libfuzzer.sh [scenario|design|report] [libFuzzer options...]
#   e.g. Fuzz/run-libfuzzer.sh design -max_total_time=20   (default target: scenario)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=scenario
case "${1:-}" in scenario|design|report) TARGET=$1; shift ;; esac
SCRATCH=.build-fuzz
swift build -c release --sanitize fuzzer --scratch-path "$SCRATCH" --target DyadReport >/dev/null
BUILD="$SCRATCH/release"
modules="DyadCore DyadExperiment DyadInference DyadJSON5 DyadIO"
case "$TARGET" in
  scenario) harness=Fuzz/FuzzScenarioLoader.swift; dict=Fuzz/scenario.dict ;;
  design) harness=Fuzz/FuzzDesignFile.swift; dict=Fuzz/design.dict ;;
  report) harness=Fuzz/FuzzReportReader.swift; dict=Fuzz/report.dict; modules="$modules DyadReport" ;;
esac
objects=$(for module in $modules; do find "$BUILD/$module.build" -name '*.o'; done)
binary="$SCRATCH/fuzz-$TARGET"
# shellcheck disable=SC2086
swiftc -O -sanitize=fuzzer -parse-as-library -I "$BUILD/Modules" Fuzz/FuzzContract.swift "$harness" $objects -o "$binary"
CORPUS="$SCRATCH/corpus-$TARGET"
mkdir -p "$CORPUS" fuzz-artifacts
export SWIFT_BACKTRACE=enable=no
case "$TARGET" in
  scenario) find Scenarios Tests -name '*.json5' -size -64k -exec cp {} "$CORPUS/" \; ;;
  design)
    printf 'params.g0,couples\n0.1,100\n0.2,200\n' > "$CORPUS/seed-grid.csv"
    printf '# comment\narms.s.interventions[1].value, days\n0.5, 10\n\n0.25, 12\r\n' > "$CORPUS/seed-set.csv"
    printf 'arms.s.set.value\n1\n' > "$CORPUS/seed-both-sets.csv" ;;
  report) DYADSIM_FUZZ_SEEDS="$CORPUS" "$binary" -runs=0 >/dev/null 2>&1 || true ;;
esac
exec "$binary" "$CORPUS" -dict="$dict" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix=fuzz-artifacts/ -print_final_stats=1 "$@"
