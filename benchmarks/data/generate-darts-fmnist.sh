#!/usr/bin/env bash
# Generates the DARTS Fashion-MNIST mini-benchmark: stand-alone accuracies of 150 random,
# pairwise non-equivalent DARTS genotypes (30 landmark candidates + 120 evaluation genotypes),
# seeds 0 and 1 of every genotype and seeds 2 and 3 of the first 30 evaluation genotypes (the
# noise ceiling), under protocol darts-fmnist-c8n1-e2-n15000 (C 8, one cell per stage: 5 cells,
# 2 epochs on 15,000 images). One training took 176.8 s on an idle core in NCHW order, 3 epochs
# 254.8 s; in channels-last order (LAYOUT, the default here) 1.48x less (benchmarks/data/
# README.md): about 12 core-hours for the 360. EPOCHS=3 gives the longer protocol (its own name
# and table).
#
# Resumable exactly as generate-nb201-fmnist.sh (the results store keeps every result the moment
# it is known; run it again after an interruption). Hours of CPU: never run it in CI.
#
#   benchmarks/data/generate-darts-fmnist.sh [STORE]              (default runs/darts-fmnist.db)
#   benchmarks/data/generate-darts-fmnist.sh --snapshot [STORE]   (export what is done, its stats)
#   benchmarks/data/generate-darts-fmnist.sh --name               (print the table name, nothing else)
#   WORKERS=2 THREADS=1 ...                                       (processes, threads each)
#   LAYOUT=contiguous ...             (memory order; channels-last, the default, is 1.4-1.6x as
#                                      fast here and agrees to rounding, as thread counts do)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-}
if [[ "$MODE" == "--snapshot" ]]; then
  shift
fi
STORE=${1:-runs/darts-fmnist.db}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-1}
LAYOUT=${LAYOUT:-channels-last}
EPOCHS=${EPOCHS:-2}
PROTOCOL=(--space darts --channels 8 --epochs "$EPOCHS" --train-limit 15000)
STATS=()
DATA=benchmarks/data
NAME=darts-fmnist-c8n1-e$EPOCHS-n15000
if [[ "$MODE" == "--name" ]]; then echo "$NAME"; exit 0; fi
LISTS=$DATA/darts-fmnist
SCORE_SEEDS="0 0,1"
# shellcheck source=benchmarks/data/table-steps.sh
source benchmarks/data/table-steps.sh

# The draw is part of the benchmark's definition: 150 in draw order, first 30 = candidates.
draw_lists 150 30 301 --space darts
import_committed
enqueue_two_seed_plan
train_or_snapshot "$MODE"
