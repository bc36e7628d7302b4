#!/usr/bin/env bash
# Whole-process pairs: one stand-alone training per space in NCHW (contiguous) and in NHWC
# (channels-last), alternating, ROUNDS rounds; prints each training's own time (training and
# scoring, without the JVM's start) and the per-round ratio. The short protocol (1 epoch on 3,840
# images, 1,000 validation and test images) keeps a round to about a minute and a half on one
# thread; ratios within a round are what counts on a shared machine.
#
#   benchmarks/layout-pairs.sh [ROUNDS] > benchmarks/results/DATE-layout-pairs.txt
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT=layout-pairs.sh
ROUNDS=${1:-2}
# shellcheck source=benchmarks/pairs-common.sh
source benchmarks/pairs-common.sh

# space, channels, the first cell of its table's draw (NB201: the README's example cell)
CASES=(
  "nb201|16|\
|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|avg_pool_3x3~2|"
  "nb101|16|$(head -1 benchmarks/data/nb101-fmnist-landmark-candidates.txt)"
  "darts|8|normal=max_pool_3x3~1|skip_connect~0+sep_conv_3x3~2|skip_connect~0+skip_connect~3|\
max_pool_3x3~0+skip_connect~1|dil_conv_3x3~2;reduce=sep_conv_5x5~1|dil_conv_3x3~0+skip_connect~1|\
skip_connect~0+avg_pool_3x3~2|max_pool_3x3~1+dil_conv_3x3~3|max_pool_3x3~1"
)

# The training's own seconds: the last field of the result line ("..., 31.9 s)").
seconds() { sed -n 's/.* \([0-9.]*\) s)$/\1/p' | tail -1; }

train() {
  ./lmnas standalone train --space "$1" --channels "$2" --epochs 1 --train-limit 3840 \
    --test-limit 1000 --valid-images 1000 --threads 1 --memory-format "$4" --arch "$3" 2>&1 |
    seconds
}

results_head
echo "protocol: 1 epoch, 3,840 training images, 1,000 valid and test images, 1 thread"
./lmnas --help > /dev/null   # builds the launcher's engine first, outside the timings
for c in "${CASES[@]}"; do
  space=${c%%|*}
  rest=${c#*|}
  channels=${rest%%|*}
  arch=${rest#*|}
  for r in $(seq 1 "$ROUNDS"); do
    a=$(train "$space" "$channels" "$arch" contiguous)
    b=$(train "$space" "$channels" "$arch" channels-last)
    printf '%s C%s round %d: contiguous %s s, channels-last %s s, ratio %s\n' "$space" \
      "$channels" "$r" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
  done
done
