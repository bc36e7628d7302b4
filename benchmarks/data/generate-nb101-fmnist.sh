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
#   benchmarks/data/generate-nb101-fmnist.sh --name               (print the table name, nothing else)
#   WORKERS=2 THREADS=1 ...                                       (processes, threads each)
#   LAYOUT=contiguous ...             (memory order; channels-last, the default, is 1.4-1.6x as
#                                      fast here and agrees to rounding, as thread counts do)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-}
if [[ "$MODE" == "--snapshot" ]]; then
  shift
fi
STORE=${1:-runs/nb101-fmnist.db}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-1}
LAYOUT=${LAYOUT:-channels-last}
EPOCHS=${EPOCHS:-4}
PROTOCOL=(--space nb101 --channels 16 --epochs "$EPOCHS" --train-limit 15000)
STATS=()
DATA=benchmarks/data
NAME=nb101-fmnist-c16n1-e$EPOCHS-n15000
if [[ "$MODE" == "--name" ]]; then echo "$NAME"; exit 0; fi
LISTS=$DATA/nb101-fmnist
SCORE_SEEDS="0 0,1"
# shellcheck source=benchmarks/data/table-steps.sh
source benchmarks/data/table-steps.sh

# The draw is part of the benchmark's definition: 150 in draw order, first 30 = candidates.
draw_lists 150 30 101 --space nb101
import_committed
enqueue_two_seed_plan
train_or_snapshot "$MODE"
