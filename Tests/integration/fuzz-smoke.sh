#!/usr/bin/env bash
# Bounded libFuzzer runs of the three fuzz targets, 20 seconds each: the scenario loader
# (load + validate + plan), the design-file reader and the report's CSV reader. Each asserts the
# one-line error contract; any crash, trap, hang or contract violation fails (the input is kept
# in fuzz-artifacts/). Prints each target's executions.
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0
for target in scenario design report; do
  log=$(mktemp)
  if Fuzz/run-libfuzzer.sh "$target" -max_total_time=20 > "$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz smoke $target: PASS ($runs executions)"
  else
    echo "fuzz smoke $target: FAIL"
    tail -25 "$log"
    status=1
  fi
  rm -f "$log"
done
exit "$status"
