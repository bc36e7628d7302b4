#!/usr/bin/env bash
# Keeps an experiment's runs in the repository across machines that do not outlive a working
# session: `save` copies every run directory of RUNS_DIR into ARCHIVE (a finished run without its
# weights; an unfinished one with its newest checkpoint, so that it resumes there rather than at
# epoch 0), `restore` copies back the runs RUNS_DIR does not have. The experiment's own resume
# does the rest: `lmnas experiment FILE` skips the finished runs and resumes the others.
#
#   benchmarks/keep-runs.sh save    runs/fmnist-preregistered benchmarks/results/fmnist-preregistered
#   benchmarks/keep-runs.sh restore benchmarks/results/fmnist-preregistered runs/fmnist-preregistered
#
# Runs still being written are copied as they stand: save between checkpoints or after the
# workers stopped (a checkpoint directory appears complete or not at all, see Checkpoints).
set -euo pipefail

usage() {
  sed -n '8,9p' "$0" | sed 's/^#  */usage: /' >&2
  exit 2
}

# The newest complete checkpoint of run directory $1 (its manifest is written last), or nothing.
newest_checkpoint() {
  local manifest
  manifest="$(ls -1 "$1"/checkpoints/epoch-*/manifest.json 2>/dev/null | sort | tail -n 1)"
  [[ -n "$manifest" ]] && dirname "$manifest"
  return 0
}

save() {
  local from="$1" archive="$2/runs" run name checkpoint
  [[ -d "$from" ]] || { echo "keep-runs: no runs directory $from" >&2; exit 2; }
  mkdir -p "$archive"
  for run in "$from"/*/; do
    run="${run%/}"
    name="$(basename "$run")"
    [[ -f "$run/config.yaml" ]] || continue # the report, or not a run directory
    rm -rf "$archive/$name.tmp"
    mkdir "$archive/$name.tmp"
    find "$run" -maxdepth 1 -type f ! -name '*.pt' -exec cp -p {} "$archive/$name.tmp/" \;
    if [[ -f "$run/result.json" ]]; then
      echo "keep-runs: $name finished"
    else
      checkpoint="$(newest_checkpoint "$run")"
      if [[ -n "$checkpoint" ]]; then
        mkdir -p "$archive/$name.tmp/checkpoints"
        cp -rp "$checkpoint" "$archive/$name.tmp/checkpoints/"
        echo "keep-runs: $name unfinished, kept $(basename "$checkpoint")"
      else
        echo "keep-runs: $name unfinished, no checkpoint yet: it will start again"
      fi
    fi
    rm -rf "$archive/$name"
    mv "$archive/$name.tmp" "$archive/$name"
  done
}

restore() {
  local archive="$1/runs" to="$2" run name
  [[ -d "$archive" ]] || { echo "keep-runs: no archived runs in $archive" >&2; exit 2; }
  mkdir -p "$to"
  for run in "$archive"/*/; do
    run="${run%/}"
    name="$(basename "$run")"
    if [[ -e "$to/$name" ]]; then
      echo "keep-runs: $name already in $to, left as it is"
    else
      cp -rp "$run" "$to/$name"
      echo "keep-runs: $name restored"
    fi
  done
}

[[ $# -eq 3 ]] || usage
case "$1" in
  save) save "$2" "$3" ;;
  restore) restore "$2" "$3" ;;
  *) usage ;;
esac
