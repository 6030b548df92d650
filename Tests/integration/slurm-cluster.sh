#!/bin/bash
# Integration test: a sharded DyadSim sweep on a real single-node SLURM cluster.
#
#   bash Tests/integration/slurm-cluster.sh [path/to/dyadsim]     (default .build/release/dyadsim)
#
# 1. Installs Debian's slurmctld, slurmd, slurm-client and munge if they are missing
#    (apt-get --no-install-recommends, non-interactive; needs root, as do the daemons).
# 2. Starts a throw-away cluster on localhost in a fresh temp folder: munged on a private
#    socket with a private key, slurmctld and slurmd on free ports, one config file
#    (no systemd, no cgroups, SchedulerParameters=batch_sched_delay=0).
# 3. Submits Scenarios/slurm/sweep.json5 as a 3-task job array + a dependent merge job with
#    Scenarios/slurm/submit.sh, polls squeue (with a timeout), checks that every task and the
#    merge ended "COMPLETED ExitCode=0:0".
# 4. Runs the same scenario unsharded here and compares the merged files byte for byte.
# 5. Tears the cluster down (scancel what is left, then SIGTERM to exactly the daemons it
#    started), removes the temp folder on success and keeps it (logs) on failure.
# Prints "PASS: ..." or "FAIL: ..." last; exit 0 on success, 1 on failure, 130/143 when
# interrupted. Why it is built this way: sbatch --wait polls with a 2-32 s backoff, hence squeue
# polling; bash defers traps while a foreground command runs, hence long commands run in the
# background + wait.
# Environment: DYADSIM_TEST_TIMEOUT (seconds to wait for the jobs, default 90),
# DYADSIM_TEST_KEEP=1 keeps the temp folder even on success.
set -Eeuo pipefail

export LC_ALL=C
export PATH="$PATH:/usr/sbin:/sbin"
# Start from a clean SLURM environment (the test may itself run inside a SLURM job).
while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(SLURM|SBATCH|SALLOC|SRUN|SQUEUE|SINFO|SCONTROL)_' || true)

TEST=slurm-cluster
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCENARIO_FILE=$ROOT/Scenarios/slurm/sweep.json5
SUBMIT=$ROOT/Scenarios/slurm/submit.sh
SHARDS=3
FILES=(couples.csv daily.csv runs.csv effects.csv summary.csv points.csv)
JOB_TIMEOUT=${DYADSIM_TEST_TIMEOUT:-90}
T0=${EPOCHREALTIME//[.,]/}

T=""                 # temp folder
BG_PID=""            # the background command bg_wait is waiting for
LOCAL_PID=""         # the local unsharded run
array_job="" merge_job=""
MUNGED_PID="" CTLD_PID="" SLURMD_PID=""
CTLD_CHILDREN=()
POLICY_RC=""         # a policy-rc.d this script created (removed at exit)
REASON=""            # why the test failed
LAST_ERROR=""

elapsed() { local now=${EPOCHREALTIME//[.,]/}; printf '%d.%d' $(( (now - T0) / 1000000 )) $(( (now - T0) / 100000 % 10 )); }
log() { printf '[%s %6ss] %s\n' "$TEST" "$(elapsed)" "$*"; }
fail() { REASON=$*; exit 1; }
trap 'LAST_ERROR="line $LINENO: \"$BASH_COMMAND\" failed (exit $?)"' ERR
trap 'REASON="interrupted by SIGINT"; exit 130' INT
trap 'REASON="terminated by SIGTERM"; exit 143' TERM
trap cleanup EXIT

# Runs a command in the background and waits for it, so that INT/TERM are handled at once
# (bash runs traps only between foreground commands). Returns the command's exit status.
bg_wait() {
  local rc=0
  "$@" &
  BG_PID=$!
  wait "$BG_PID" || rc=$?
  BG_PID=""
  return "$rc"
}

# True while PID is a running (not zombie) process.
running() {
  local state
  [[ -n $1 && -r /proc/$1/stat ]] || return 1
  state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [[ -n $state && $state != Z && $state != X ]]
}

# Stops one process this script started: SIGTERM, up to 10 s, then SIGKILL; reaps children.
stop_pid() {
  local pid=$1 name=$2 i
  [[ -n $pid ]] || return 0
  if running "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do running "$pid" || break; sleep 0.1; done
    if running "$pid"; then
      log "$name (pid $pid) ignored SIGTERM for 10 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do running "$pid" || break; sleep 0.1; done
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$? pid comm i left
  set +e
  trap - ERR INT TERM
  trap 'log "second signal during clean-up: ignored, still cleaning up"' INT TERM
  if [[ -n $BG_PID ]]; then stop_pid "$BG_PID" "background command"; fi
  if [[ -n $LOCAL_PID ]]; then stop_pid "$LOCAL_PID" "local dyadsim run"; fi
  if [[ -n $CTLD_PID ]] && running "$CTLD_PID"; then
    # Cancel what is left on this private cluster and wait until squeue is empty, so that no
    # slurmstepd/job process outlives the test (they are not children of slurmd). Array tasks
    # are cancelled as 1_2 (squeue %i) or through the array job id: slurm 22.05's scancel
    # silently ignores the raw job id of an array task (squeue %A).
    left=$(timeout 10 squeue -h -o %i 2>/dev/null | sort -u | tr '\n' ' ')
    if [[ -n ${left// /} ]]; then
      log "cancelling jobs left: $left"
      # shellcheck disable=SC2086
      timeout 10 scancel $array_job $merge_job $left 2>/dev/null
      for ((i = 0; i < 100; i++)); do   # KillWait=5: SIGKILL 5 s after SIGTERM
        [[ -z $(timeout 5 squeue -h -o %i 2>/dev/null) ]] && break
        sleep 0.2
      done
    fi
    mapfile -t CTLD_CHILDREN < <(ps -o pid= --ppid "$CTLD_PID" 2>/dev/null | tr -d ' ')
  fi
  stop_pid "$SLURMD_PID" slurmd
  stop_pid "$CTLD_PID" slurmctld
  for pid in "${CTLD_CHILDREN[@]}"; do
    comm=$(cat "/proc/$pid/comm" 2>/dev/null)
    if [[ $comm == slurmscriptd ]] && running "$pid"; then kill -TERM "$pid" 2>/dev/null; fi
  done
  stop_pid "$MUNGED_PID" munged
  # Last resort when slurmd could not end a job: the slurmstepd processes of this cluster
  # (found by their sockets in this cluster's spool folder) and the job processes under them.
  for pid in $(cluster_stepds); do
    log "killing slurmstepd $pid of this cluster and its processes"
    kill_tree "$pid"
  done
  if [[ -n $POLICY_RC ]]; then rm -f "$POLICY_RC"; fi
  if (( rc == 0 )) && [[ -z $REASON ]]; then
    if [[ -n $T && ${DYADSIM_TEST_KEEP:-0} != 1 ]]; then rm -rf "$T"; fi
    echo "PASS: $TEST: ${SHARDS}-task SLURM job array + dependent merge == unsharded run (${FILES[*]}), $(elapsed) s"
    exit 0
  fi
  (( rc == 0 )) && rc=1
  [[ -n $REASON ]] || REASON=${LAST_ERROR:-unexpected exit $rc}
  if [[ -n $T && -d $T ]]; then
    # slurm*.out repeat the daemons' logs (-D also logs to stderr), so they are not shown.
    for f in "$T"/log/slurmctld.log "$T"/log/slurmd.log "$T"/log/munged.out \
             "$T"/log/submit.out "$T"/log/local-run.out "$T"/results/logs/*; do
      [[ -s $f ]] || continue
      echo "----- tail of $f" >&2
      tail -n 15 "$f" >&2
    done
    echo "FAIL: $TEST: $REASON (logs kept in $T)"
  else
    echo "FAIL: $TEST: $REASON"
  fi
  exit "$rc"
}

# PIDs of slurmstepd processes of this cluster: they listen on sockets in $T/spool.
cluster_stepds() {
  local inodes proc pid fd link
  [[ -n $T && -r /proc/net/unix ]] || return 0
  inodes=" $(awk -v dir="$T/spool/" 'index($8, dir) == 1 { printf "%s ", $7 }' /proc/net/unix) "
  [[ -n ${inodes// /} ]] || return 0
  for proc in /proc/[0-9]*; do
    [[ $(cat "$proc/comm" 2>/dev/null) == slurmstepd ]] || continue
    pid=${proc#/proc/}
    for fd in "$proc"/fd/*; do
      link=$(readlink "$fd" 2>/dev/null) || continue
      if [[ $link == socket:* && $inodes == *" ${link//[^0-9]/} "* ]]; then echo "$pid"; break; fi
    done
  done
}
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
  kill -KILL "$1" 2>/dev/null || true
}

# Waits until a command succeeds: returns 0, or 1 after TIMEOUT seconds or as soon as one of
# the daemons died (WAIT_ERROR says which).
WAIT_ERROR=""
wait_for() {
  local timeout=$1 what=$2 deadline
  shift 2
  deadline=$(( SECONDS + timeout ))
  until "$@" >/dev/null 2>&1; do
    if ! daemons_alive; then WAIT_ERROR="$DEAD died while waiting for $what"; return 1; fi
    if (( SECONDS >= deadline )); then WAIT_ERROR="timed out after $timeout s waiting for $what"; return 1; fi
    sleep 0.1
  done
}
must_wait() { wait_for "$@" || fail "$WAIT_ERROR"; }

DEAD=""
daemons_alive() {
  local pair
  for pair in "munged:$MUNGED_PID" "slurmctld:$CTLD_PID" "slurmd:$SLURMD_PID"; do
    if [[ -n ${pair#*:} ]] && ! running "${pair#*:}"; then DEAD=${pair%%:*}; return 1; fi
  done
}

# ---------------------------------------------------------------------------------------------
# 0. Arguments and prerequisites
dyadsim=${1:-.build/release/dyadsim}
if [[ $dyadsim != /* ]]; then
  if [[ -e $dyadsim ]]; then dyadsim=$PWD/$dyadsim; else dyadsim=$ROOT/$dyadsim; fi
fi
[[ -x $dyadsim ]] || fail "no dyadsim executable at $dyadsim (build it: swift build -c release --product dyadsim)"
DYADSIM=$dyadsim
(( EUID == 0 )) || fail "must run as root (it installs packages and runs slurmd, which starts jobs as root)"
for f in "$SCENARIO_FILE" "$SUBMIT" "$ROOT/Scenarios/slurm/dyadsim-array.sbatch" "$ROOT/Scenarios/slurm/dyadsim-merge.sbatch"; do
  [[ -r $f ]] || fail "missing $f"
done

# ---------------------------------------------------------------------------------------------
# 1. Packages
have_slurm() {
  local c
  for c in slurmctld slurmd sbatch squeue scontrol scancel sinfo munged munge unmunge; do
    command -v "$c" >/dev/null 2>&1 || return 1
  done
}
slurm_version() { dpkg-query -W -f='slurm ${Version}' slurmctld 2>/dev/null || echo "slurm (not from a Debian package)"; }
if have_slurm; then
  log "slurm and munge are installed ($(slurm_version))"
else
  command -v apt-get >/dev/null 2>&1 || fail "slurm/munge are missing and there is no apt-get to install them"
  log "installing slurmctld slurmd slurm-client munge (apt-get --no-install-recommends)"
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    # Tell the packages' scripts not to start daemons (this script starts its own).
    POLICY_RC=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' > "$POLICY_RC"
    chmod 755 "$POLICY_RC"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-q -o DPkg::Lock::Timeout=180 -o Acquire::Retries=3)
  ok=0
  for attempt in 1 2 3; do
    if bg_wait apt-get "${apt_opts[@]}" update > "/tmp/$TEST-apt.$$.log" 2>&1 &&
       bg_wait apt-get "${apt_opts[@]}" install -y --no-install-recommends slurmctld slurmd slurm-client munge >> "/tmp/$TEST-apt.$$.log" 2>&1; then
      ok=1
      break
    fi
    log "apt-get failed (attempt $attempt); retrying"
    sleep 3
  done
  if (( ok == 0 )); then
    tail -n 20 "/tmp/$TEST-apt.$$.log" >&2
    fail "apt-get could not install slurm (log: /tmp/$TEST-apt.$$.log)"
  fi
  rm -f "/tmp/$TEST-apt.$$.log"
  if [[ -n $POLICY_RC ]]; then rm -f "$POLICY_RC"; POLICY_RC=""; fi
  have_slurm || fail "apt-get succeeded but slurm/munge commands are still missing"
  log "installed $(slurm_version)"
fi

# ---------------------------------------------------------------------------------------------
# 2. The cluster
T=$(mktemp -d /tmp/slurm-local.XXXXXX)
chmod 755 "$T"   # munged wants every parent of its socket world-executable (mktemp makes 0700)
mkdir -p "$T/munge" "$T/etc" "$T/log" "$T/results" "$T/local"
chmod 755 "$T/munge"
dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$T/munge/munge.key"
SOCKET=$T/munge/munge.socket

munged -F --key-file="$T/munge/munge.key" --socket="$SOCKET" --pid-file="$T/munge/munged.pid" \
  --log-file="$T/munge/munged.log" --seed-file="$T/munge/munged.seed" > "$T/log/munged.out" 2>&1 &
MUNGED_PID=$!
must_wait 10 "the munge socket" test -S "$SOCKET"
munge_ok() { munge -S "$SOCKET" -n | unmunge -S "$SOCKET"; }
must_wait 10 "munge to encode and decode a credential" munge_ok

# A port nobody listens on (connecting to it fails).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_free_port() {
  local p=$1
  while ! port_free "$p"; do p=$(( p + 1 )); (( p < 65000 )) || return 1; done
  echo "$p"
}

cpus=$(nproc)
mem_mb=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.8 }' /proc/meminfo)
export SLURM_CONF=$T/etc/slurm.conf
start_slurm() {
  local ctld_port slurmd_port
  if ! ctld_port=$(next_free_port "$1") || ! slurmd_port=$(next_free_port $(( ctld_port + 1 ))); then
    WAIT_ERROR="no free port"
    return 1
  fi
  rm -rf "$T/state" "$T/spool"
  mkdir -p "$T/state" "$T/spool/slurmd"   # the spool folder must exist before slurmd starts
  for f in "$T"/log/slurm*; do [[ -e $f ]] && mv -f "$f" "$f.earlier"; done
  cat > "$SLURM_CONF" <<EOF
# Single-node throw-away cluster for DyadSim's integration test (slurm 22.05, Debian 12).
ClusterName=dyadci
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool/slurmd
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MailProg=/bin/true
KillWait=5
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  slurmctld -D -f "$SLURM_CONF" >> "$T/log/slurmctld.out" 2>&1 &
  CTLD_PID=$!
  wait_for 15 "slurmctld to answer (scontrol ping, port $ctld_port)" scontrol ping || return 1
  slurmd -D -N localhost -f "$SLURM_CONF" >> "$T/log/slurmd.out" 2>&1 &
  SLURMD_PID=$!
  wait_for 20 "the node to become idle (slurmd port $slurmd_port)" node_idle || return 1
  log "cluster up: slurmctld pid $CTLD_PID port $ctld_port, slurmd pid $SLURMD_PID port $slurmd_port, munged pid $MUNGED_PID, $cpus CPUs, in $T"
}
node_idle() { [[ $(sinfo -h -n localhost -o %t) == idle ]]; }
# Another cluster (e.g. a concurrent run of this test) may take a port between the probe and
# the bind: the daemon then exits at once, and the cluster is started again on other ports.
base_port=6817
for attempt in 1 2 3; do
  start_slurm "$base_port" && break
  log "attempt $attempt to start slurm failed: $WAIT_ERROR"
  if (( attempt == 3 )) || ! grep -qsi "address already in use" "$T"/log/slurm*.log "$T"/log/slurm*.out; then
    fail "could not start slurm: $WAIT_ERROR"
  fi
  stop_pid "$SLURMD_PID" slurmd; SLURMD_PID=""
  stop_pid "$CTLD_PID" slurmctld; CTLD_PID=""
  base_port=$(( base_port + 20 + RANDOM % 200 ))
done

# ---------------------------------------------------------------------------------------------
# 3. Submit the array and the merge with submit.sh, poll squeue until both are done
RESULTS=$T/results
export DYADSIM
log "submitting $SHARDS shards of ${SCENARIO_FILE#"$ROOT"/} with Scenarios/slurm/submit.sh"
bg_wait timeout 60 "$SUBMIT" "$SCENARIO_FILE" "$RESULTS" "$SHARDS" > "$T/log/submit.out" 2>&1 ||
  { cat "$T/log/submit.out" >&2; fail "submit.sh failed"; }
sed 's/^/  submit.sh: /' "$T/log/submit.out"
array_job=$(sed -n 's/^array job \([0-9][0-9]*\):.*/\1/p' "$T/log/submit.out")
merge_job=$(sed -n 's/^merge job \([0-9][0-9]*\):.*/\1/p' "$T/log/submit.out")
[[ -n $array_job && -n $merge_job ]] || fail "submit.sh did not print the two job ids"

# The unsharded reference run, here, while the cluster works (2 threads; the shards use 1:
# results do not depend on the thread count).
"$DYADSIM" run "$SCENARIO_FILE" --out "$T/local" --threads 2 --quiet > "$T/log/local-run.out" 2>&1 &
LOCAL_PID=$!

# Done when squeue lists neither job (pending, running or completing); an id that slurmctld
# no longer knows counts as done, any other squeue error does not.
jobs_done() {
  local out
  out=$(squeue -h -j "$array_job,$merge_job" -o %i 2>&1) || { [[ $out == *"Invalid job id"* ]]; return; }
  [[ -z $out ]]
}
deadline=$(( SECONDS + JOB_TIMEOUT ))
last=""
until jobs_done; do
  daemons_alive || fail "$DEAD died while the jobs ran"
  if (( SECONDS >= deadline )); then
    squeue -j "$array_job,$merge_job" >&2 || true
    fail "timed out after $JOB_TIMEOUT s waiting for jobs $array_job and $merge_job"
  fi
  now=$(squeue -h -j "$array_job,$merge_job" -o '%i:%t' 2>/dev/null | sort | tr '\n' ' ' || true)
  if [[ $now != "$last" ]]; then log "squeue: ${now:-(empty)}"; last=$now; fi
  sleep 0.25
done
log "both jobs left the queue"

# Every task of the array and the merge must be COMPLETED with ExitCode=0:0.
mapfile -t records < <(scontrol -o show job "$array_job" 2>&1; scontrol -o show job "$merge_job" 2>&1)
tasks=0 bad=()
for record in "${records[@]}"; do
  id=$(grep -o 'JobId=[0-9]*' <<< "$record" | head -n 1)
  task=$(grep -o 'ArrayTaskId=[^ ]*' <<< "$record" || true)
  state=$(grep -o 'JobState=[^ ]*' <<< "$record" || true)
  code=$(grep -o ' ExitCode=[^ ]*' <<< "$record" | tr -d ' ' || true)
  log "  $id ${task:-(merge)} $state $code"
  [[ -n $task ]] && tasks=$(( tasks + 1 ))
  why=$(grep -o ' Reason=[^ ]*' <<< "$record" | tr -d ' ' || true)
  [[ $state == JobState=COMPLETED && $code == ExitCode=0:0 ]] || bad+=("$id ${task:-merge} ${state:-?} ${code:-?} ${why}")
done
if (( ${#bad[@]} > 0 )); then
  fail "not every job ended COMPLETED ExitCode=0:0: $(IFS=';'; echo "${bad[*]}") (task logs in $RESULTS/logs)"
fi
(( tasks == SHARDS )) || fail "expected $SHARDS array tasks, scontrol shows $tasks"
(( ${#records[@]} == SHARDS + 1 )) || fail "expected $(( SHARDS + 1 )) job records, got ${#records[@]}"

# ---------------------------------------------------------------------------------------------
# 4. Compare with the unsharded run
rc=0
wait "$LOCAL_PID" || rc=$?
LOCAL_PID=""
(( rc == 0 )) || { cat "$T/log/local-run.out" >&2; fail "the local unsharded run failed (exit $rc)"; }
[[ -s $RESULTS/merged/manifest.json ]] || fail "no $RESULTS/merged/manifest.json"
sum=0
for ((k = 0; k < SHARDS; k++)); do
  [[ -s $RESULTS/shard-$k/runs.csv ]] || fail "shard $k wrote no runs.csv"
  rows=$(( $(wc -l < "$RESULTS/shard-$k/runs.csv") - 1 ))
  (( rows > 0 )) || fail "shard $k has no runs"
  sum=$(( sum + rows ))
done
(( sum == $(wc -l < "$T/local/runs.csv") - 1 )) || fail "the shards' runs.csv rows ($sum) do not add up to the unsharded run's"
for f in "${FILES[@]}"; do
  [[ -s $T/local/$f ]] || fail "the unsharded run wrote no $f"
  cmp "$T/local/$f" "$RESULTS/merged/$f" || fail "merged $f differs from the unsharded run"
done
log "merged output is byte-identical to the unsharded run: ${FILES[*]}"
