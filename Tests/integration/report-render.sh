#!/usr/bin/env bash
# Builds reports for a three-arm trial, a replicated sweep and a styles population, then checks
# that every SVG is well-formed XML and renders with rsvg-convert to a PNG that is not blank, and
# that the trial's and the sweep's index.html load in headless Chromium without a console error,
# a missing image or a blank page (screenshots kept in SCREENSHOT_DIR, default a temporary folder).
# Usage: report-render.sh [path/to/dyadsim] [SCREENSHOT_DIR]
set -euo pipefail
DYADSIM=$(realpath "${1:-.build/release/dyadsim}")
WORK=$(mktemp -d /tmp/dyadsim-report.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
"$DYADSIM" run Scenarios/consistent-validation.json5 --couples 600 --days 120 --out "$WORK/cv" --quiet
"$DYADSIM" run Scenarios/soft-startup.json5 --couples 300 --days 120 --out "$WORK/ss" --quiet
"$DYADSIM" run Scenarios/pairings.json5 --couples 1600 --days 120 --out "$WORK/pairs" --quiet
status=0
for run in cv ss pairs; do
  "$DYADSIM" report "$WORK/$run" --out "$WORK/$run/report"
  for svg in "$WORK/$run/report"/*.svg; do
    python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$svg" || { echo "FAIL: $svg is not well-formed XML"; status=1; }
  done
  python3 Tests/python/test_report_render.py "$WORK/$run/report" "$WORK/$run/png" || status=1
done
SHOTS=${2:-$WORK/screenshots}
(cd Tests/python && python3 test_report_browser.py "$SHOTS" "$WORK/cv/report" "$WORK/ss/report") || status=1
if [ "$status" = 0 ]; then echo "report rendering: PASS"; else echo "report rendering: FAIL"; fi
exit "$status"
