#!/usr/bin/env bash
# What each DARTS op costs a stand-alone training: one training per op of a uniform genotype
# (every one of its 16 slots that op, both cells, inputs 0 and 1), in NCHW (contiguous) and NHWC
# (channels-last), alternating, ROUNDS rounds; prints each training's own time (training and
# scoring, without the JVM's start). The table's protocol (2 epochs on 15,000 images) is cut to
# 1 epoch on 1,280 images and 500 validation and test images, so a round takes a few minutes on
# one thread. skip_connect's genotype is the cheapest (identities; a factorized reduce where a
# reduction cell reads its inputs): an op's cost is its genotype's time minus that one. Ratios
# within a round are what counts on a shared machine.
#
#   [OPS="op ..."] benchmarks/darts-op-cost.sh [ROUNDS] > benchmarks/results/DATE-darts-op-cost.txt
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT=darts-op-cost.sh
ROUNDS=${1:-1}
# shellcheck source=benchmarks/pairs-common.sh
source benchmarks/pairs-common.sh
# OPS="op op ..." measures only those.
read -r -a OPS <<< "${OPS:-skip_connect max_pool_3x3 avg_pool_3x3 sep_conv_3x3 sep_conv_5x5 \
dil_conv_3x3 dil_conv_5x5}"

# The genotype with op $1 in every slot.
uniform() {
  local node="$1~0|$1~1" cell
  cell="$node+$node+$node+$node"
  echo "normal=$cell;reduce=$cell"
}

# The training's own seconds: the last field of the result line ("..., 31.9 s)").
seconds() { sed -n 's/.* \([0-9.]*\) s)$/\1/p' | tail -1; }

train() {
  ./lmnas standalone train --space darts --channels 8 --epochs 1 --train-limit 1280 \
    --test-limit 500 --valid-images 500 --threads 1 --memory-format "$2" --arch "$(uniform "$1")" \
    2>&1 | seconds
}

results_head
echo "protocol: DARTS C 8, 5 cells, 1 epoch, 1,280 training images, 500 valid and test images,"
echo "1 thread; a uniform genotype per op"
./lmnas --help > /dev/null   # builds the launcher's engine first, outside the timings
for r in $(seq 1 "$ROUNDS"); do
  for op in "${OPS[@]}"; do
    a=$(train "$op" contiguous)
    b=$(train "$op" channels-last)
    printf 'round %d %-13s contiguous %6s s, channels-last %6s s\n' "$r" "$op" "$a" "$b"
  done
done
