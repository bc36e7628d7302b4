#!/usr/bin/env bash
# Generates the NB201 Fashion-MNIST mini-benchmark: stand-alone accuracies of 250 random,
# connected, pairwise non-equivalent NB201 cells (50 landmark candidates + 200 evaluation
# architectures), plus 5 more seeds for the first 30 evaluation architectures (noise ceiling),
# then seeds 1 and 2 of the other cells (a ground truth of 3-seed means),
# under protocol fmnist-c8n1-e6-n15000 (6 epochs; seed-to-seed tau-b 0.675 over seeds 0-5 of the
# 30 cells, 0.769 between 2-seed means; over all 250 cells seeds 0 and 1 agree less, see
# README.md).
# EPOCHS=3 is the first protocol (ceiling 0.447, below the 0.7 target; 0.579 and 0.649 for
# 2- and 3-seed means), so the protocol was lengthened; see README.md.
#
# Resumable: every result is committed to the store the moment it is known; run this script
# again after an interruption and it continues with what is missing (jobs of killed workers are
# redone once their lease expires). Hours of CPU: never run it in CI.
#
#   benchmarks/data/generate-nb201-fmnist.sh [STORE]      (default runs/nb201-fmnist.db)
#   benchmarks/data/generate-nb201-fmnist.sh --snapshot [STORE]   (only export what is done, and its stats)
#   benchmarks/data/generate-nb201-fmnist.sh --name               (print the table name, nothing else)
#   WORKERS=2 THREADS=1 ...                                (processes, intra-op threads each)
#   EPOCHS=3 ...        the same cells under the 3-epoch protocol (default 6; see README.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-}
if [[ "$MODE" == "--snapshot" ]]; then
  shift
fi
STORE=${1:-runs/nb201-fmnist.db}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-1}
EPOCHS=${EPOCHS:-6}
PROTOCOL=(--channels 8 --epochs "$EPOCHS" --train-limit 15000)
STATS=(--reference benchmarks/data/nasbench201/cifar10.csv)
DATA=benchmarks/data
NAME=nb201-fmnist-c8n1-e$EPOCHS-n15000
if [[ "$MODE" == "--name" ]]; then echo "$NAME"; exit 0; fi
LISTS=$DATA/nb201-fmnist     # the architecture lists: the same for every protocol
# shellcheck source=benchmarks/data/table-steps.sh
source benchmarks/data/table-steps.sh

draw_lists 250 50 201
import_committed
enqueue --archs "$LISTS-noise-ceiling.txt" --seed 0
enqueue --archs "$LISTS-noise-ceiling.txt" --seed 1
enqueue --archs "$LISTS-noise-ceiling.txt" --seed 2
enqueue --archs "$LISTS-evaluation.txt" --seed 0
enqueue --archs "$LISTS-landmark-candidates.txt" --seed 0
# Second stage: seeds 3-5 of the ceiling cells, since 3 seeds can mislead (at 3 epochs seeds
# 0-2 read 0.535, all six 0.447); also gives the ceiling of 2- and 3-seed means.
for seed in 3 4 5; do
  enqueue --archs "$LISTS-noise-ceiling.txt" --seed "$seed"
done
# Third stage: seed 1 of every other cell, for a ground truth of 2-seed means. At 6 epochs single
# seeds have a ceiling of 0.675 over six seeds, 2-seed means 0.769: the one that clears 0.7.
enqueue --archs "$LISTS-evaluation.txt" --seed 1
enqueue --archs "$LISTS-landmark-candidates.txt" --seed 1
# Fourth stage: seed 2 of every other cell, for a ground truth of 3-seed means. Over all 250
# cells seeds 0 and 1 read tau-b 0.57, the 30 ceiling cells 0.68 for single seeds: the others
# are noisier and closer together, and their seed noise predicts 0.71 for 2-seed means (the
# model reads 0.03 high on single seeds here), 0.76 for 3-seed means.
enqueue --archs "$LISTS-evaluation.txt" --seed 2
enqueue --archs "$LISTS-landmark-candidates.txt" --seed 2
train_or_snapshot "$MODE"
