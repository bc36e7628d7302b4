#!/usr/bin/env bash
# Stand-alone ground truth of the cells the GDAS and NAO runs chose (configs/fmnist-gdas.yaml,
# configs/fmnist-nao.yaml). Their finalists come from alpha or from NAO's pool, not from the
# 200-cell evaluation pool, so most have no score in the mini-benchmark. Each is trained under
# the ground truth's own protocol (fmnist-c8n1-e6-n15000, seeds 0-2, as the -mean3 files):
# first every run's chosen cell (its top 1), then its top 2-5. Resumable: the store keeps
# what is done; run it again to go on.
#
#   benchmarks/results/fmnist-policies/train-finalists.sh [RUNS_DIR]   # default: the committed runs
#
# Writes finalists-top1.txt / finalists-top5.txt (one cell per line, distinct, in run order)
# and, when a list's three seeds are complete, finalists-top1-mean3.csv / -top5-mean3.csv, and
# ground-truth-top1.csv / -top5.csv: the mini-benchmark's 250 cells (evaluation and landmark
# candidates, 3-seed means) with the finalists added, the table that
#   ./lmnas report RUNS --ground-truth ground-truth-top1.csv
# reads to give every found cell its score and rank.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../../.."
RUNS=${1:-$HERE/runs}
STORE=${STORE:-runs/policy-finalists.db}
WORKERS=${WORKERS:-2}
PROTOCOL=(--channels 8 --epochs 6 --train-limit 15000)
G=benchmarks/data/nb201-fmnist-c8n1-e6-n15000
mkdir -p "$(dirname "$STORE")"

# The archs of result.json's top-level "search.top", best first (Jackson's two-space layout:
# the top-level object's keys are indented by exactly two spaces).
top_archs() {
  awk '/^  "search" : \{/ { s = 1 } s && /"arch" :/ { gsub(/.*"arch" : "|",$/, ""); print }' "$1"
}
: > "$HERE/finalists-top1.txt.tmp"
: > "$HERE/finalists-top5.txt.tmp"
for result in "$RUNS"/*/result.json; do
  top_archs "$result" | head -n 1 >> "$HERE/finalists-top1.txt.tmp"
  top_archs "$result" | head -n 5 >> "$HERE/finalists-top5.txt.tmp"
done
for k in 1 5; do
  awk '!seen[$0]++' "$HERE/finalists-top$k.txt.tmp" > "$HERE/finalists-top$k.txt"
  rm "$HERE/finalists-top$k.txt.tmp"
done
echo "finalists: $(wc -l < "$HERE/finalists-top1.txt") chosen, $(wc -l < "$HERE/finalists-top5.txt") in the top 5s"

# Committed results of the same protocol are not trained again.
./lmnas standalone import "${PROTOCOL[@]}" --store "$STORE" --csv "$G.csv"
for list in top1 top5; do
  for seed in 0 1 2; do
    ./lmnas standalone enqueue "${PROTOCOL[@]}" --store "$STORE" --seed "$seed" \
      --archs "$HERE/finalists-$list.txt"
  done
done
./lmnas standalone worker "${PROTOCOL[@]}" --threads 1 --store "$STORE" --workers "$WORKERS"

for list in top1 top5; do
  out="$HERE/finalists-$list-mean3.csv"
  if ./lmnas standalone export "${PROTOCOL[@]}" --store "$STORE" --format scores \
      --seeds 0,1,2 --archs "$HERE/finalists-$list.txt" > "$out.tmp"; then
    mv "$out.tmp" "$out"
    { cat "$G-evaluation-mean3.csv"; tail -n +2 "$G-landmark-candidates-mean3.csv";
      tail -n +2 "$out"; } | awk '!seen[$0]++' > "$HERE/ground-truth-$list.csv"
  else
    rm -f "$out.tmp"
    echo "not complete yet: $list"
  fi
done
