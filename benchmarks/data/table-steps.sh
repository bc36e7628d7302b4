# Shell functions shared by the generate-*-fmnist.sh scripts (sourced, not run). They read the
# caller's DATA, NAME, LISTS, STORE and PROTOCOL (an array of the protocol's lmnas options),
# SCORE_SEEDS (the seed sets of the ground-truth files; default "0 0,1 0,1,2") and STATS (an
# array of extra options of `standalone stats`, e.g. a --reference table; may be empty).
#
# Several generate processes of one table may run at once (benchmarks/study.sh starts one per
# worker, each joining when it is free): the store shares the queue among them, and this lock
# lets one process at a time draw the lists, enqueue and export, so that no process reads a
# file while another rewrites it. The lock is given up while the worker trains.
mkdir -p runs
exec {TABLE_LOCK}>"runs/.$NAME.lock"
flock "$TABLE_LOCK"

# Output goes to FILE only when the command succeeds: a redirect would truncate the file first.
# Its error output is kept in $DATA/.last-error for export_scores.
write_to() {
  local file=$1 rc=0
  shift
  "$@" > "$file.tmp" 2> "$DATA/.last-error" || rc=$?
  cat "$DATA/.last-error" >&2
  if [[ $rc -eq 0 ]]; then
    mv "$file.tmp" "$file"
  else
    rm -f "$file.tmp"
  fi
  return $rc
}

# The ground-truth files (arch,score) that the experiment configs use as evaluate.pool and
# landmark scores: seed-0 test accuracy, the mean of seeds 0 and 1 (-mean2) and of seeds 0-2
# (-mean3). With "partial", a file whose seeds some cell still lacks is left as it was.
export_scores() {
  local list seeds suffix
  for list in evaluation landmark-candidates; do
    for seeds in ${SCORE_SEEDS:-0 0,1 0,1,2}; do
      case "$seeds" in 0) suffix="" ;; 0,1) suffix="-mean2" ;; *) suffix="-mean3" ;; esac
      if ! write_to "$DATA/$NAME-$list$suffix.csv" ./lmnas standalone export "${PROTOCOL[@]}" \
          --store "$STORE" --format scores --seeds "$seeds" --archs "$LISTS-$list.txt"; then
        # Only missing seeds are expected part-way; any other failure stops the snapshot.
        if [[ "${1:-}" != partial ]] || ! grep -q "lack a result for" "$DATA/.last-error"; then
          return 1
        fi
        echo "not yet complete, left as it was: $DATA/$NAME-$list$suffix.csv"
      fi
    done
  done
}

# The benchmark's architecture lists, part of its definition: COUNT distinct cells drawn with
# SEED in draw order, the first CANDIDATES the landmark candidates, the rest the evaluation
# cells, whose first 30 are trained with more seeds (the noise ceiling). Extra arguments go to
# `space sample` (e.g. --space nb101).
draw_lists() {
  local count=$1 candidates=$2 seed=$3
  shift 3
  ./lmnas space sample "$@" --distinct --count "$count" --seed "$seed" > "$DATA/.draw.tmp"
  head -n "$candidates" "$DATA/.draw.tmp" > "$LISTS-landmark-candidates.txt"
  tail -n +"$((candidates + 1))" "$DATA/.draw.tmp" > "$LISTS-evaluation.txt"
  rm "$DATA/.draw.tmp"
  head -n 30 "$LISTS-evaluation.txt" > "$LISTS-noise-ceiling.txt"
}

# A fresh store starts from the committed results: they are not trained again.
import_committed() {
  if [[ -f "$DATA/$NAME.csv" ]]; then
    ./lmnas standalone import "${PROTOCOL[@]}" --store "$STORE" --csv "$DATA/$NAME.csv"
  fi
}

enqueue() { ./lmnas standalone enqueue "${PROTOCOL[@]}" --store "$STORE" "$@"; }

# The NB101 and DARTS tables' plan. Queue order = claim order: the ceiling cells' four seeds
# first, so whether the protocol ranks reproducibly is known after a third of the table, not at
# its end; then seeds 0 and 1 of everything else.
enqueue_two_seed_plan() {
  local seed
  for seed in 0 1 2 3; do
    enqueue --archs "$LISTS-noise-ceiling.txt" --seed "$seed"
  done
  for seed in 0 1; do
    enqueue --archs "$LISTS-evaluation.txt" --seed "$seed"
    enqueue --archs "$LISTS-landmark-candidates.txt" --seed "$seed"
  done
}

# With "--snapshot": export what is done (the table, the ground-truth files complete so far,
# the statistics) and stop. Otherwise train every queued job with WORKERS processes of THREADS
# threads in the caller's LAYOUT (memory order; default contiguous), then write the finished
# table, its ground-truth files and statistics.
train_or_snapshot() {
  if [[ "${1:-}" == --snapshot ]]; then
    write_to "$DATA/$NAME.csv" ./lmnas standalone export "${PROTOCOL[@]}" --store "$STORE"
    export_scores partial
    write_to "$DATA/$NAME-stats.txt" ./lmnas standalone stats "${PROTOCOL[@]}" \
      --store "$STORE" "${STATS[@]}" --plot "$DATA/plots/$NAME"
    ./lmnas standalone status "${PROTOCOL[@]}" --store "$STORE"
    echo "wrote the snapshot $DATA/$NAME.csv and $DATA/$NAME-stats.txt"
    return 0
  fi
  # Draining: every worker, here and in any other process, stays until the whole queue is done,
  # so each export below sees every result, whichever process writes it.
  flock -u "$TABLE_LOCK"
  ./lmnas standalone worker "${PROTOCOL[@]}" --threads "$THREADS" --workers "$WORKERS" \
    --memory-format "${LAYOUT:-contiguous}" --store "$STORE" --drain
  flock "$TABLE_LOCK"
  ./lmnas standalone status "${PROTOCOL[@]}" --store "$STORE"
  write_to "$DATA/$NAME.csv" ./lmnas standalone export "${PROTOCOL[@]}" --store "$STORE"
  export_scores
  write_to "$DATA/$NAME-stats.txt" ./lmnas standalone stats "${PROTOCOL[@]}" --store "$STORE" \
    "${STATS[@]}" --plot "$DATA/plots/$NAME"
  cat "$DATA/$NAME-stats.txt"
  echo "wrote $DATA/$NAME*.csv"
}
