#!/usr/bin/env bash
# Interruptions and resource limits with real processes:
#  - SIGINT / SIGTERM mid-sweep: exit 130 / 143, a resume hint, finished runs kept;
#  - kill -9 at several moments, then --resume: byte-identical to an uninterrupted run, also while
#    resuming after a grid value was added;
#  - a file-size limit (a full disk): exit 74, one error line, no file under a final name;
#  - two processes on one output directory: the second is refused (exit 74).
# Usage: interruptions.sh [path/to/dyadsim]
set -euo pipefail
DYADSIM=$(realpath "${1:-.build/release/dyadsim}")
WORK=$(mktemp -d /tmp/dyadsim-interrupt.XXXXXX)
trap 'jobs -p | xargs -r kill -9 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
FILES="couples.csv daily.csv runs.csv effects.csv summary.csv points.csv"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cat > "$WORK/sweep.json5" <<'JSON'
{ name: "interrupt", couples: 500, days: 150, burn_in_days: 30, replicates: 4,
  arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation", target: "partner_of_more_anxious" }] }],
  sweep: { grid: { "params.imp_harsh": [0.05, 0.1, 0.15] } } }
JSON

"$DYADSIM" run "$WORK/sweep.json5" --out "$WORK/full" --quiet --threads 2

# Waits (up to 20 s) until a run directory holds at least $2 finished-run records.
wait_for_records() {
  for _ in $(seq 200); do
    count=$( (find "$1/.dyadsim/runs" -name '*.record' 2>/dev/null || true) | wc -l)
    [ "$count" -ge "$2" ] && return 0
    sleep 0.1
  done
}

same_as_full() {
  for file in $FILES; do
    cmp -s "$WORK/full/$file" "$1/$file" || { fail "$1/$file differs from the uninterrupted run"; return; }
  done
}

# SIGINT and SIGTERM: exit codes, message, resume.
for signal in INT TERM; do
  out="$WORK/sig-$signal"
  "$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet --threads 1 2> "$WORK/err-$signal" &
  pid=$!
  wait_for_records "$out" 2
  kill -s "$signal" "$pid" || true
  set +e; wait "$pid"; code=$?; set -e
  expected=130; [ "$signal" = TERM ] && expected=143
  if [ "$code" = 0 ]; then
    echo "note: the run finished before SIG$signal arrived"
  else
    [ "$code" = "$expected" ] || fail "SIG$signal: exit $code, expected $expected"
    grep -q -- "--resume" "$WORK/err-$signal" || fail "SIG$signal: no resume hint in: $(cat "$WORK/err-$signal")"
    [ -e "$out/couples.csv" ] && fail "SIG$signal: couples.csv exists although the sweep did not finish"
  fi
  "$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet --resume
  same_as_full "$out"
done

# kill -9 at several moments, resuming each time, then finish.
out="$WORK/kill9"
for delay in 0.15 0.35 0.6 0.9; do
  "$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet --resume --threads 2 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # manifest.json marks a complete directory; a kill during assembly may leave some final
  # files before it, but each must already be complete.
  for file in $FILES; do
    if [ -e "$out/$file" ] && [ ! -e "$out/manifest.json" ]; then
      cmp -s "$WORK/full/$file" "$out/$file" || fail "kill -9 after ${delay}s left an incomplete $out/$file"
    fi
  done
done
"$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet --resume
same_as_full "$out"

# kill -9 while resuming a finished sweep after a grid value was added between the old ones (the
# kept runs are renumbered and their rows recovered from the final files), then finish:
# byte-identical to a fresh run of the grown sweep.
sed 's/\[0.05, 0.1, 0.15\]/[0.05, 0.075, 0.1, 0.15]/' "$WORK/sweep.json5" > "$WORK/grown.json5"
"$DYADSIM" run "$WORK/grown.json5" --out "$WORK/grown-full" --quiet --threads 2
out="$WORK/grown"
cp -r "$WORK/full" "$out"
for delay in 0.05 0.15 0.3 0.5; do
  "$DYADSIM" run "$WORK/grown.json5" --out "$out" --quiet --resume --threads 2 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
"$DYADSIM" run "$WORK/grown.json5" --out "$out" --resume > "$WORK/grown-summary"
for file in $FILES; do
  cmp -s "$WORK/grown-full/$file" "$out/$file" || fail "grown sweep: $out/$file differs from a fresh run"
done
grep -q "^dyadsim: reusing [0-9]* finished runs, [0-9]* to do$" "$WORK/grown-summary" \
  || grep -q "nothing to do" "$WORK/grown-summary" || fail "grown sweep: unexpected summary: $(cat "$WORK/grown-summary")"

# A full disk, simulated with a file-size limit.
out="$WORK/full-disk"
set +e
( ulimit -f 40; "$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet ) 2> "$WORK/err-disk"
code=$?
set -e
[ "$code" = 74 ] || fail "file-size limit: exit $code, expected 74 ($(cat "$WORK/err-disk"))"
[ "$(wc -l < "$WORK/err-disk")" = 1 ] || fail "file-size limit: expected one error line, got: $(cat "$WORK/err-disk")"
grep -q "^error: cannot write .*: the file is larger than the file system or the process's file-size limit allows$" "$WORK/err-disk" \
  || fail "file-size limit: unexpected message: $(cat "$WORK/err-disk")"
for file in $FILES manifest.json; do [ -e "$out/$file" ] && fail "file-size limit: $file exists under its final name"; done
"$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet --resume
same_as_full "$out"

# Two processes, one directory.
out="$WORK/busy"
"$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet --threads 1 2>/dev/null &
pid=$!
sleep 0.3
set +e
"$DYADSIM" run "$WORK/sweep.json5" --out "$out" --quiet --resume 2> "$WORK/err-busy"
code=$?
set -e
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ "$code" = 74 ] || fail "second writer: exit $code, expected 74"
grep -q "is writing to $out; wait for it to finish or choose another --out" "$WORK/err-busy" \
  || fail "second writer: unexpected message: $(cat "$WORK/err-busy")"

if [ "$failures" = 0 ]; then echo "interruptions: PASS"; else echo "interruptions: FAIL ($failures)"; exit 1; fi
