#!/bin/bash
# Submits a DyadSim sweep to SLURM: a job array of N shards (dyadsim-array.sbatch) and a merge
# job (dyadsim-merge.sbatch) that starts only when every array task has succeeded
# (--dependency=afterok:<array job id>), then prints both job ids.
#
# usage: Scenarios/slurm/submit.sh SCENARIO RESULTS [SHARDS [sbatch option...]]
#   SCENARIO  the scenario file, e.g. Scenarios/slurm/sweep.json5
#   RESULTS   the results folder (on a file system the compute nodes share); it gets
#             shard-0 ... shard-(N-1), merged/ (the final output) and logs/ (one log per job/task)
#   SHARDS    the number of shards = array tasks (default 4); `dyadsim check SCENARIO --shards N`
#             shows the runs and the estimated time per shard
#   sbatch options are passed to both jobs, e.g. --partition=short --account=lab
#   (SBATCH_* environment variables such as SBATCH_PARTITION work too).
# environment:
#   DYADSIM   the dyadsim executable (default: `dyadsim` found on PATH); made absolute here
#   SLURM_CONF, SBATCH_*: as for sbatch
# Example:
#   DYADSIM=$PWD/.build/release/dyadsim Scenarios/slurm/submit.sh Scenarios/slurm/sweep.json5 results/sweep 8
#   squeue -j <array job id>,<merge job id>        # watch; results/sweep/merged/ when done
# Submitting again with the same arguments is safe: finished shards are kept (--resume) and
# only missing runs are computed, e.g. after a task failed or hit its time limit. Use a new
# RESULTS folder (or delete the old one) when you change the scenario or SHARDS.
# Output: "array job <id>: ..." and "merge job <id>: ..." lines; exit 0 when both are queued,
# 64 usage, 65 invalid scenario or stale shards, 66 scenario or dyadsim not found, 1 sbatch failed.
set -euo pipefail

usage() { sed -n "6,24s/^# \{0,1\}//p" "${BASH_SOURCE[0]}" >&2; exit 64; }
(( $# >= 2 )) || usage
scenario=$1
results=$2
shards=${3:-4}
shift $(( $# >= 3 ? 3 : 2 ))
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: SHARDS must be a positive integer, not \"$shards\"" >&2; exit 64; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
absolute() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }

[[ -r $scenario ]] || { echo "submit.sh: cannot read the scenario $scenario" >&2; exit 66; }
dyadsim=${DYADSIM:-dyadsim}
if [[ $dyadsim == */* ]]; then
  dyadsim=$(absolute "$dyadsim")
  [[ -x $dyadsim ]] || { echo "submit.sh: DYADSIM=$dyadsim is not executable" >&2; exit 66; }
else
  dyadsim=$(command -v "$dyadsim") || { echo "submit.sh: no dyadsim on PATH; set DYADSIM to its path" >&2; exit 66; }
fi
# Check the scenario here, so that a typo fails now and not in every array task.
"$dyadsim" check "$scenario" >/dev/null || { echo "submit.sh: $scenario is not a valid scenario (see above)" >&2; exit 65; }

export DYADSIM=$dyadsim SHARDS=$shards
SCENARIO=$(absolute "$scenario")
RESULTS=$(absolute "$results")
export SCENARIO RESULTS
# Shards resume only with the same N (dyadsim refuses "it holds shard 0/4, not 0/3").
for stale in "$RESULTS"/shard-*; do
  if [[ -d $stale && ${stale##*/shard-} =~ ^[0-9]+$ ]] && (( ${stale##*/shard-} >= shards )); then
    echo "submit.sh: $RESULTS holds ${stale##*/} from a submission with more shards; use a new RESULTS folder (or delete the old shards)" >&2
    exit 65
  fi
done
mkdir -p "$RESULTS/logs"

array_out=$(sbatch --parsable --export=ALL --chdir="$RESULTS" --array="0-$((shards - 1))" \
  --output="$RESULTS/logs/%x-%A_%a.out" "$@" "$here/dyadsim-array.sbatch")
array_job=${array_out%%;*}
[[ $array_job =~ ^[0-9]+$ ]] || { echo "submit.sh: unexpected sbatch output: $array_out" >&2; exit 1; }
echo "array job $array_job: $shards tasks, shard K/$shards of $SCENARIO -> $RESULTS/shard-K"

if ! merge_out=$(sbatch --parsable --export=ALL --chdir="$RESULTS" \
       --dependency="afterok:$array_job" --kill-on-invalid-dep=yes \
       --output="$RESULTS/logs/%x-%j.out" "$@" "$here/dyadsim-merge.sbatch"); then
  echo "submit.sh: the merge job was not submitted; array job $array_job is queued (scancel $array_job to stop it)" >&2
  exit 1
fi
merge_job=${merge_out%%;*}
echo "merge job $merge_job: after every task of $array_job succeeds -> $RESULTS/merged"
echo "logs: $RESULTS/logs/   watch: squeue -j $array_job,$merge_job"
