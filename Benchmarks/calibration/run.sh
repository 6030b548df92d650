#!/bin/sh
# The calibration benchmark (issue 11): runs Benchmarks/calibration/bench.calibration.json5 with
# `dyadsim calibrate` on 1 and 2 threads and appends one row per run to Results/bench/calibration.csv:
# commit, date, CPU, threads, particles, generations, simulations (predictive draws included),
# wall seconds, simulations per second, and the share of wall time outside simulation (the kernel,
# the records and the outputs), as the command prints it.
# Usage (from the repository root): Benchmarks/calibration/run.sh [path to dyadsim] [thread counts]
set -eu
dyadsim=${1:-.build/release/dyadsim}
threads=${2:-"1 2"}
out=Results/bench/calibration.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$out" ] || echo "commit,date,cpu,threads,particles,generations,simulations,wall_seconds,simulations_per_second,outside_share" > "$out"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(grep -m1 "model name" /proc/cpuinfo 2>/dev/null | sed 's/.*: //; s/,/ /g' || echo unknown)
for n in $threads; do
    "$dyadsim" calibrate Benchmarks/calibration/bench.calibration.json5 --out "$work/t$n" --threads "$n" > "$work/log$n"
    line=$(grep "^dyadsim: " "$work/log$n")
    generations=$(echo "$line" | sed 's/.*: \([0-9]*\) generation.*/\1/')
    simulations=$(echo "$line" | sed 's/.*particles, \([0-9]*\) simulations.*/\1/')
    wall=$(grep "wall time" "$work/log$n" | sed 's/.*wall time \([0-9.]*\) s.*/\1/')
    outside=$(grep "wall time" "$work/log$n" | sed 's/.*, \([0-9.]*\) % of it.*/\1/')
    rate=$(awk -v s="$simulations" -v w="$wall" 'BEGIN { printf "%.1f", s / w }')
    share=$(awk -v o="$outside" 'BEGIN { printf "%.4f", o / 100 }')
    echo "$commit,$(date -u +%Y-%m-%dT%H:%M:%SZ),$cpu,$n,500,$generations,$simulations,$wall,$rate,$share" >> "$out"
    tail -1 "$out"
done
