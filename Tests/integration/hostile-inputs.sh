#!/usr/bin/env bash
# Hostile inputs and environments with real processes (issue "Reliability II"):
#  - standard output/error at /dev/full, closed, a broken pipe, a file-size limit: no crash,
#    exit 74 when a result is lost, the command's own code otherwise;
#  - FIFOs, devices and oversized files as scenario or design file: refused at once;
#  - plans that used to hang or abort: refused or checked within the 30 s a hang is defined by;
#  - SIGTERM/SIGINT during merge: 130/143, no temporary file, no output directory, and the
#    hint's command then works;
#  - links planted in an output's state folder: nothing outside the output directory changes;
#  - a report of a daily.csv with an edited cell: no crash.
# Usage: hostile-inputs.sh [path/to/dyadsim]
set -uo pipefail
DYADSIM=$(realpath "${1:-.build/release/dyadsim}")
WORK=$(mktemp -d /tmp/dyadsim-hostile.XXXXXX)
trap 'jobs -p | xargs -r kill -9 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect CODE DESCRIPTION -- COMMAND...: runs COMMAND (hang guard 30 s), compares the exit code.
expect() {
  local want=$1 what=$2; shift 3
  local started=$SECONDS
  timeout -s KILL 30 "$@" > /dev/null 2> "$WORK/last.err"; local code=$?
  [ "$code" = 137 ] && { fail "$what: no exit within 30 s"; return; }
  [ "$code" -ge 128 ] && { fail "$what: ended by a signal (exit $code)"; return; }
  [ "$code" = "$want" ] || fail "$what: exit $code, expected $want: $(head -c 300 "$WORK/last.err")"
  [ $((SECONDS - started)) -ge 5 ] && echo "note: $what took $((SECONDS - started)) s"
  return 0
}

cat > tiny.json5 <<'JSON'
{ name: "tiny", couples: 40, days: 8, burn_in_days: 2, replicates: 2,
  arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
  sweep: { grid: { "params.imp_harsh": [0.05, 0.1] } } }
JSON

# 1. Standard streams.
for command in "schema" "params --csv" "columns" "--version" "help run" "check --no-calibration tiny.json5"; do
  # shellcheck disable=SC2086
  expect 74 "$command > /dev/full" -- sh -c "exec \"$DYADSIM\" $command > /dev/full 2>/dev/null"
  # shellcheck disable=SC2086
  expect 74 "$command >&-" -- sh -c "exec \"$DYADSIM\" $command >&- 2>/dev/null"
  # shellcheck disable=SC2086
  expect 0 "$command 2>/dev/full" -- sh -c "exec \"$DYADSIM\" $command 2>/dev/full >/dev/null"
  # shellcheck disable=SC2086
  expect 0 "$command 2>&-" -- sh -c "exec \"$DYADSIM\" $command 2>&- >/dev/null"
done
expect 74 "schema with a 1-block file-size limit" -- sh -c "ulimit -f 1; exec \"$DYADSIM\" schema > limited.json 2>/dev/null"
# A reader that stops early: EPIPE is an I/O error (74), never death by SIGPIPE (141).
"$DYADSIM" schema 2>/dev/null | head -c 1 >/dev/null; code=${PIPESTATUS[0]}
{ [ "$code" = 74 ] || [ "$code" = 0 ]; } || fail "schema | head -c 1: exit $code"
expect 65 "run of a missing scenario with stderr closed" -- sh -c "exec \"$DYADSIM\" run /nonexistent.json5 2>&-"
cat > many.json5 <<'JSON'
{ name: "many", couples: 20, days: 5, burn_in_days: 1, replicates: 25,
  sweep: { grid: { "params.imp_harsh": [0.05, 0.1, 0.15, 0.2] } } }
JSON
expect 0 "run --progress with stderr at /dev/full (100 runs)" -- sh -c "exec \"$DYADSIM\" run many.json5 --out many --progress --threads 2 2>/dev/full"
[ -e many/manifest.json ] || fail "run --progress 2>/dev/full did not finish its output"

# 2. Files that are not files, or too large.
mkfifo fifo.json5 design-fifo.csv
expect 65 "check of a FIFO" -- "$DYADSIM" check --no-calibration fifo.json5
expect 65 "run of a FIFO" -- "$DYADSIM" run fifo.json5 --out fifo-out
expect 65 "check of /dev/zero" -- "$DYADSIM" check --no-calibration /dev/zero
echo '{ sweep: { design_file: "design-fifo.csv" } }' > design-fifo.json5
expect 65 "a FIFO as design_file" -- "$DYADSIM" check --no-calibration design-fifo.json5
truncate -s 3G huge.csv
echo '{ sweep: { design_file: "huge.csv" } }' > huge.json5
expect 65 "a 3 GB design_file" -- "$DYADSIM" check --no-calibration huge.json5
echo '{ sweep: { design_file: "/etc/passwd" } }' > absolute.json5
expect 65 "an absolute design_file" -- "$DYADSIM" check --no-calibration absolute.json5

# 3. Plans that used to hang or abort.
echo '{ couples: 1, days: 100000, replicates: 100000 }' > days.json5
expect 0 "check of 100,000 days x 100,000 replicates, 1,000,000 shards" -- "$DYADSIM" check --no-calibration --shards 1000000 days.json5
python3 - <<'PY'
with open("grid.json5", "w") as f:
    f.write('{ couples: 10, days: 10, sweep: { grid: { "params.g0": [' + ",".join(repr(i / 1e6) for i in range(1000000)) + "] } } }")
with open("unknown.json5", "w") as f:
    f.write("{" + ",".join("k%d:1" % i for i in range(1500000)) + "}")
with open("bigplan.json5", "w") as f:
    f.write('{ replicates: 1000000, sweep: { grid: { "params.g0": [' + ",".join(repr(i / 1e3) for i in range(1000)) + "] } } }")
PY
echo '{ couples: 10, days: 10, sweep: { sample: { method: "random", n: 1000000, ranges: { "params.g0": [0, 1], "params.h0": [1, 2] } } } }' > sample.json5
echo '{ sweep: { sample: { method: "random", n: 10000000, ranges: { "params.g0": [0, 1] } } } }' > sample7.json5
expect 0 "check of a grid of 1,000,000 distinct values" -- "$DYADSIM" check --no-calibration grid.json5
expect 0 "check of a 1,000,000-point random sample" -- "$DYADSIM" check --no-calibration sample.json5
expect 65 "a 10,000,000-point sample" -- "$DYADSIM" check --no-calibration sample7.json5
ranges=$(python3 -c 'print(", ".join("\"params.%s\": [0.1, 0.9]" % p for p in ["g0", "imp_harsh", "lambda0", "init_w", "beta_anx"]))')
echo "{ couples: 10, days: 10, replicates: 10, sweep: { sample: { method: \"random\", n: 1000000, ranges: { $ranges } } } }" > largest.json5
expect 0 "check of the largest plan accepted (10^6 points x 5 paths x 10 replicates)" -- "$DYADSIM" check --no-calibration largest.json5
expect 65 "1,500,000 unknown keys" -- sh -c "exec \"$DYADSIM\" check --no-calibration unknown.json5 2> unknown.err"
[ "$(wc -l < unknown.err)" = 51 ] || fail "1,500,000 unknown keys: $(wc -l < unknown.err) error lines, expected 50 and a count"
expect 65 "a 1,000-value grid x 1,000,000 replicates" -- "$DYADSIM" run bigplan.json5 --out bigplan
expect 64 "--max-memory inf" -- "$DYADSIM" run tiny.json5 --out mem --max-memory inf
expect 64 "--out \"\"" -- "$DYADSIM" run tiny.json5 --out ""

# 4. Merge: interrupted by a signal, damaged, into an input.
cat > big.json5 <<'JSON'
{ name: "big", couples: 40000, days: 20, burn_in_days: 5, replicates: 4 }
JSON
"$DYADSIM" run big.json5 --out b0 --shard 0/2 --quiet && "$DYADSIM" run big.json5 --out b1 --shard 1/2 --quiet \
  || fail "could not make the shards"
for signal in TERM INT; do
  "$DYADSIM" merge b0 b1 --out merged 2> "merge-$signal.err" &
  pid=$!
  sleep 0.3
  kill -s "$signal" "$pid" 2>/dev/null
  wait "$pid"; code=$?
  expected=130; [ "$signal" = TERM ] && expected=143
  if [ "$code" = 0 ]; then
    echo "note: the merge finished before SIG$signal arrived"
    rm -rf merged
  else
    [ "$code" = "$expected" ] || fail "SIG$signal during merge: exit $code, expected $expected"
    [ -e merged ] && fail "SIG$signal during merge left the output directory"
    hint=$(sed -n 's/.*run the same command again: //p' "merge-$signal.err")
    [ "$hint" = "dyadsim merge b0 b1 --out merged" ] || fail "SIG$signal during merge: hint \"$hint\""
  fi
  leftovers=$(find . -name '*.tmp-*' | head -3)
  [ -z "$leftovers" ] || fail "SIG$signal during merge left temporary files: $leftovers"
done
expect 0 "the merge after an interruption" -- "$DYADSIM" merge b0 b1 --out merged --quiet
cp -r b1 b1-cut && truncate -s -100 b1-cut/couples.csv
expect 65 "a merge with a truncated shard" -- "$DYADSIM" merge b0 b1-cut --out cut
[ -e cut ] && fail "a refused merge created its output directory"
before=$(md5sum b0/couples.csv)
expect 65 "merge --out ./b0 --force" -- "$DYADSIM" merge b0 b1 --out ./b0/ --force
[ "$(md5sum b0/couples.csv)" = "$before" ] || fail "merge into an input changed it"

# 5. Links planted in the state folder of an output.
mkdir victim && echo keep > victim/keep.txt && echo keep > victim/lock
"$DYADSIM" run tiny.json5 --out planted --quiet || fail "could not run tiny.json5"
rm -rf planted/.dyadsim/runs planted/manifest.json && ln -s "$WORK/victim" planted/.dyadsim/runs
expect 74 "--resume with .dyadsim/runs a link" -- "$DYADSIM" run tiny.json5 --out planted --resume --quiet
rm planted/.dyadsim/runs && mkdir planted/.dyadsim/runs && rm -f planted/.dyadsim/lock && ln -s "$WORK/victim/lock" planted/.dyadsim/lock
expect 74 "--resume with .dyadsim/lock a link" -- "$DYADSIM" run tiny.json5 --out planted --resume --quiet
expect 0 "--force with .dyadsim/lock a link" -- "$DYADSIM" run tiny.json5 --out planted --force --quiet
[ "$(ls victim)" = "$(printf 'keep.txt\nlock')" ] && [ "$(cat victim/keep.txt victim/lock)" = "$(printf 'keep\nkeep')" ] \
  || fail "a planted link changed files outside the output directory"

# 6. A report of an edited daily.csv.
"$DYADSIM" run tiny.json5 --out edited --quiet || fail "could not run tiny.json5"
awk -F, 'BEGIN { OFS = "," } NR == 1 { for (i = 1; i <= NF; i++) if ($i == "satisfaction") c = i } NR == 3 { $c = "1e17" } { print }' \
  edited/daily.csv > edited/daily.tmp && mv edited/daily.tmp edited/daily.csv
timeout -s KILL 30 "$DYADSIM" report edited > /dev/null 2>&1; code=$?
{ [ "$code" = 0 ] || [ "$code" = 65 ]; } || fail "report of an edited daily.csv: exit $code"

if [ "$failures" = 0 ]; then echo "hostile inputs: PASS"; else echo "hostile inputs: FAIL ($failures)"; exit 1; fi
