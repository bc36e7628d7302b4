#!/usr/bin/env bash
# The study's long computations as one resumable job: the stand-alone tables, then the
# experiments that need them, in the order that settles a question soonest. Each step is
# resumable on its own (the tables through the results store, the experiments through their run
# directories), so `run` after any interruption goes on where the work stopped, skipping what is
# complete. A machine that does not outlive a working session keeps the work in the repository:
# `keep` before it goes (table snapshots, experiment runs as they stand), `restore` on the next.
#
#   benchmarks/study.sh run [STEP]   run every step from STEP on (default: the first), in order,
#                                    each experiment's saved runs restored first
#   benchmarks/study.sh status       one line per step: how far it is, or not started
#   benchmarks/study.sh keep         snapshot the tables, save the experiments' runs
#   benchmarks/study.sh restore      bring the saved runs back into runs/
#   benchmarks/study.sh steps        the steps' names, in order
#
# Days of CPU on a 2-core machine (about 90 core-hours in December 2026): never run it in CI.
# `run` goes through the steps in WORKERS (default 2) lanes side by side, each one worker process
# at a time, its log lines prefixed [lane N]. A lane that finds nothing left to take in a step (the
# step's last runs are held by other lanes) goes on to the next step at once, rather than idling
# until the step's longest run ends: an experiment's last run alone used to leave one core idle
# for up to an hour. A table step ends in every lane only when its whole queue is done (the
# workers drain it), so the experiment after it always sees the complete ground truth. Neither
# `status` nor the log of `run` prints an experiment's score before its last run (`lmnas
# experiment --blind`), so a pre-registered experiment can be watched without seeing its outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS=${WORKERS:-2}

# name  kind  what: a table's generate script, or an experiment config. The DARTS table and
# experiment (about 24 core-hours) go before the rest of the NB201 pre-registered test (about 18):
# they finish an issue sooner, and the NB201 test's protocol is fixed whatever the order.
STEPS=(
  "nb101-table       table       benchmarks/data/generate-nb101-fmnist.sh"
  "nb101-experiment  experiment  configs/nb101-fmnist-landmarks-vs-spos.yaml"
  "darts-table       table       benchmarks/data/generate-darts-fmnist.sh"
  "darts-experiment  experiment  configs/darts-fmnist-landmarks-vs-spos.yaml"
  "nb201-preregistered experiment configs/fmnist-preregistered.yaml"
  "nb201-levers      experiment  configs/fmnist-levers.yaml"
  "nb201-ablations   experiment  configs/fmnist-ablations.yaml"
)

usage() {
  { echo "usage:"; sed -n '9,14p' "$0" | sed 's/^#//'; } >&2
  exit 2
}

# The runs directory of experiment config $1: its runs-dir key, else runs/<name>.
runs_dir() {
  local dir name
  dir=$(sed -n 's/^runs-dir: *\([^ #]*\).*/\1/p' "$1")
  name=$(sed -n 's/^name: *\([^ #]*\).*/\1/p' "$1")
  echo "${dir:-runs/$name}"
}

# Where `keep` saves the runs of directory $1: benchmarks/results/<its last component>.
kept_dir() { echo "benchmarks/results/$(basename "$1")"; }

# The table name generate script $1 writes under (it says so itself, for this environment).
table_name() { "$1" --name; }

# A table's ground truth is complete when its 2-seed-mean files are written (ceiling seeds may
# still be training after that).
ground_truth_complete() {
  local name
  name=$(table_name "$1")
  [[ -f "benchmarks/data/$name-evaluation-mean2.csv" \
    && -f "benchmarks/data/$name-landmark-candidates-mean2.csv" ]]
}

# The results store generate script $1 trains into by default: runs/<table>.db.
table_store() { echo "runs/$(basename "$1" .sh | sed 's/^generate-//').db"; }

# One lane's share of a step: one worker process, which takes what no other lane holds.
run_step() {
  local name=$1 kind=$2 what=$3
  echo "== study step $name ($what), $(date -u +%FT%TZ)"
  if [[ $kind == table ]]; then
    WORKERS=1 THREADS=1 nice -n 10 "$what"
  else
    nice -n 10 ./lmnas experiment "$what" --workers 1 --blind
  fi
}

# Calls $1 NAME KIND WHAT for every step from $from on (all of them without it), in order.
for_steps_from() {
  local started=false step name kind what
  [[ -z $from ]] && started=true
  for step in "${STEPS[@]}"; do
    read -r name kind what <<< "$step"
    [[ $name == "$from" ]] && started=true
    if $started; then
      "$1" "$name" "$kind" "$what"
    fi
  done
}

# Lane $1: every step from $from on, in order; stops at the first step that fails.
run_lane() {
  for_steps_from run_step
  echo "== lane $1 done, $(date -u +%FT%TZ)"
}

# The lanes side by side, after what they would otherwise all do at once: the build, libtorch and
# the data set (`lmnas setup`), and the saved runs restored. Exits with the worst lane's status.
run_lanes() {
  local lane rc=0 pids=()
  ./lmnas setup
  for_steps_from restore_step   # every experiment's saved runs, before any lane starts
  for ((lane = 1; lane <= WORKERS; lane++)); do
    (set -o pipefail; run_lane "$lane" 2>&1 | sed -u "s/^/[lane $lane] /") &
    pids+=($!)
  done
  for lane in "${pids[@]}"; do
    wait "$lane" || rc=$?
  done
  return $rc
}

status_step() {
  local name=$1 kind=$2 what=$3 csv
  if [[ $kind == experiment ]]; then
    echo "$name: $(./lmnas experiment "$what" --status | tail -n 1)$(unrestored "$what")"
    return 0
  fi
  csv="benchmarks/data/$(table_name "$what").csv"
  if [[ ! -f $csv ]]; then
    echo "$name: not started"
  else
    local state="in progress"
    ground_truth_complete "$what" && state="ground truth complete"
    echo "$name: $state, $(($(wc -l < "$csv") - 1)) results in the committed snapshot"
  fi
}

# "; N kept runs not in runs/ yet..." when experiment $1 has saved runs that `restore` would
# bring back (its status counts only what is in its runs directory).
unrestored() {
  local dir kept n=0 run
  dir=$(runs_dir "$1")
  kept="$(kept_dir "$dir")/runs"
  [[ -d $kept ]] || return 0
  for run in "$kept"/*/; do
    [[ -d "$dir/$(basename "$run")" ]] || n=$((n + 1))
  done
  if ((n > 0)); then
    echo "; $n saved run(s) in $kept not restored (benchmarks/study.sh restore)"
  fi
}

# Runs directories saved or restored already: several experiments share one (their shared arm's
# runs are trained once).
declare -A handled=()

keep_step() {
  local kind=$2 what=$3 dir
  if [[ $kind == table ]]; then
    # A snapshot replaces files only with complete exports, so a finished table is safe too.
    if [[ -f "$(table_store "$what")" ]]; then
      "$what" --snapshot
    fi
  else
    dir=$(runs_dir "$what")
    if [[ -d $dir && -z ${handled[$dir]:-} ]]; then
      handled[$dir]=1
      benchmarks/keep-runs.sh save "$dir" "$(kept_dir "$dir")"
    fi
  fi
}

restore_step() {
  local kind=$2 what=$3 dir
  [[ $kind == experiment ]] || return 0
  dir=$(runs_dir "$what")
  if [[ -d "$(kept_dir "$dir")/runs" && -z ${handled[$dir]:-} ]]; then
    handled[$dir]=1
    benchmarks/keep-runs.sh restore "$(kept_dir "$dir")" "$dir"
  fi
}

[[ $# -ge 1 ]] || usage
command=$1
from=${2:-}
if [[ -n $from ]] && ! printf '%s\n' "${STEPS[@]}" | awk '{print $1}' | grep -qx "$from"; then
  echo "study: unknown step $from (steps: $(printf '%s\n' "${STEPS[@]}" | awk '{print $1}' | xargs))" >&2
  exit 2
fi
if [[ $command == run ]]; then
  run_lanes
  exit $?
fi
for step in "${STEPS[@]}"; do
  read -r name kind what <<< "$step"
  case $command in
    status) status_step "$name" "$kind" "$what" ;;
    keep) keep_step "$name" "$kind" "$what" ;;
    restore) restore_step "$name" "$kind" "$what" ;;
    steps) echo "$name" ;;
    *) usage ;;
  esac
done
