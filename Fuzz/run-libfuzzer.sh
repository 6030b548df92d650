#!/usr/bin/env bash
# Builds the scenario-loader fuzz target with libFuzzer (SwiftPM --sanitize fuzzer for the
# libraries, swiftc for the harness) and runs it on a corpus seeded with Scenarios/.
# Usage: Fuzz/run-libfuzzer.sh [libFuzzer options...]   e.g. -max_total_time=20 or -runs=1000000
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=.build-fuzz
swift build -c release --sanitize fuzzer --scratch-path "$SCRATCH" --target DyadIO >/dev/null
BUILD="$SCRATCH/release"
objects=$(find "$BUILD/DyadCore.build" "$BUILD/DyadExperiment.build" "$BUILD/DyadJSON5.build" \
  "$BUILD/DyadIO.build" -name '*.o')
# shellcheck disable=SC2086
swiftc -O -sanitize=fuzzer -parse-as-library -I "$BUILD/Modules" Fuzz/FuzzScenarioLoader.swift $objects \
  -o "$SCRATCH/fuzz-scenario-loader"
CORPUS="$SCRATCH/corpus"
mkdir -p "$CORPUS" fuzz-artifacts
find Scenarios Tests -name '*.json5' -size -64k -exec cp {} "$CORPUS/" \;
export SWIFT_BACKTRACE=enable=no
exec "$SCRATCH/fuzz-scenario-loader" "$CORPUS" -dict=Fuzz/scenario.dict -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix=fuzz-artifacts/ -print_final_stats=1 "$@"
