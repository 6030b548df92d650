#!/usr/bin/env bash
# Runs the README's console examples with the given dyadsim on PATH and compares what they print
# with the README (wall time and throughput aside); see Tests/python/test_readme_examples.py.
# Usage: readme-examples.sh [path/to/dyadsim]
set -euo pipefail
DYADSIM=$(realpath "${1:-.build/release/dyadsim}")
cd "$(dirname "$0")/../.."
python3 Tests/python/test_readme_examples.py "$DYADSIM" README.md
