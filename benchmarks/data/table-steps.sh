# Shell functions shared by the generate-*-fmnist.sh scripts (sourced, not run). They read the
# caller's DATA, NAME, LISTS, STORE and PROTOCOL (an array of the protocol's lmnas options), and
# SCORE_SEEDS (the seed sets of the ground-truth files; default "0 0,1 0,1,2").

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
