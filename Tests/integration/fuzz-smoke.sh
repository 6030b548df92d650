#!/usr/bin/env bash
# A bounded libFuzzer run of the scenario loader (load + validate + plan): 20 seconds from the
# shipped scenarios as corpus. Any crash, trap or hang fails (the input is kept in fuzz-artifacts/).
set -euo pipefail
cd "$(dirname "$0")/../.."
Fuzz/run-libfuzzer.sh -max_total_time=20 2>&1 | tail -6
echo "fuzz smoke: PASS"
