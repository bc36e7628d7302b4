#!/usr/bin/env bash
# Generates the NB101 Fashion-MNIST mini-benchmark: stand-alone accuracies of 150 random,
# trainable, pairwise non-isomorphic NB101 cells (30 landmark candidates + 120 evaluation cells),
# seeds 0 and 1 of every cell and seeds 2 and 3 of the first 30 evaluation cells (the noise
# ceiling), under protocol nb101-fmnist-c16n1-e4-n15000 (stem C 16, one cell per stack,
# 4 epochs on 15,000 images). Cells are trained as their class's canonical NB101 spec.
#
# Resumable exactly as generate-nb201-fmnist.sh (the results store keeps every result the moment
# it is known; run it again after an interruption). Hours of CPU: never run it in CI.
#
#   benchmarks/data/generate-nb101-fmnist.sh [STORE]              (default runs/nb101-fmnist.db)
#   benchmarks/data/generate-nb101-fmnist.sh --snapshot [STORE]   (export what is done, its stats)
#   WORKERS=2 THREADS=1 ...                                       (processes, threads each)
set -euo pipefail
cd "$(dirname "$0")/../.."
SNAPSHOT=false
if [[ "${1:-}" == "--snapshot" ]]; then
  SNAPSHOT=true
  shift
fi
STORE=${1:-runs/nb101-fmnist.db}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-1}
EPOCHS=${EPOCHS:-4}
PROTOCOL=(--space nb101 --channels 16 --epochs "$EPOCHS" --train-limit 15000)
DRAW_SEED=101
DATA=benchmarks/data
NAME=nb101-fmnist-c16n1-e$EPOCHS-n15000
LISTS=$DATA/nb101-fmnist
SCORE_SEEDS="0 0,1"
# The draw is part of the benchmark's definition: 150 in draw order, first 30 = candidates.
./lmnas space sample --space nb101 --distinct --count 150 --seed "$DRAW_SEED" > "$DATA/.draw.tmp"
head -n 30 "$DATA/.draw.tmp" > "$LISTS-landmark-candidates.txt"
tail -n +31 "$DATA/.draw.tmp" > "$LISTS-evaluation.txt"
rm "$DATA/.draw.tmp"
head -n 30 "$LISTS-evaluation.txt" > "$LISTS-noise-ceiling.txt"
if [[ -f "$DATA/$NAME.csv" ]]; then
  ./lmnas standalone import "${PROTOCOL[@]}" --store "$STORE" --csv "$DATA/$NAME.csv"
fi
# Queue order = claim order: two seeds of the ceiling cells first (the seed-to-seed ceiling is
# known early), then seed 0 and seed 1 of everything, then the ceiling's seeds 2 and 3.
enqueue() { ./lmnas standalone enqueue "${PROTOCOL[@]}" --store "$STORE" "$@"; }
enqueue --archs "$LISTS-noise-ceiling.txt" --seed 0
enqueue --archs "$LISTS-noise-ceiling.txt" --seed 1
for seed in 0 1; do
  enqueue --archs "$LISTS-evaluation.txt" --seed "$seed"
  enqueue --archs "$LISTS-landmark-candidates.txt" --seed "$seed"
done
enqueue --archs "$LISTS-noise-ceiling.txt" --seed 2
enqueue --archs "$LISTS-noise-ceiling.txt" --seed 3

# write_to and export_scores: the steps both benchmark scripts share.
# shellcheck source=benchmarks/data/table-steps.sh
source benchmarks/data/table-steps.sh

if [[ "$SNAPSHOT" == true ]]; then
  write_to "$DATA/$NAME.csv" ./lmnas standalone export "${PROTOCOL[@]}" --store "$STORE"
  export_scores partial
  write_to "$DATA/$NAME-stats.txt" ./lmnas standalone stats "${PROTOCOL[@]}" --store "$STORE" \
    --plot "$DATA/plots/$NAME"
  ./lmnas standalone status "${PROTOCOL[@]}" --store "$STORE"
  echo "wrote the snapshot $DATA/$NAME.csv and $DATA/$NAME-stats.txt"
  exit 0
fi

./lmnas standalone worker "${PROTOCOL[@]}" --threads "$THREADS" --workers "$WORKERS" \
  --store "$STORE"
./lmnas standalone status "${PROTOCOL[@]}" --store "$STORE"
write_to "$DATA/$NAME.csv" ./lmnas standalone export "${PROTOCOL[@]}" --store "$STORE"
export_scores
./lmnas standalone stats "${PROTOCOL[@]}" --store "$STORE" --plot "$DATA/plots/$NAME" \
  | tee "$DATA/$NAME-stats.txt"
echo "wrote $DATA/$NAME*.csv"
