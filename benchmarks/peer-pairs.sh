#!/usr/bin/env bash
# Whole-process pairs: the engine's SPOS step (SposStepRun) against the Python PyTorch peer
# (benchmarks/peer/spos_step_peer.py: same network, batch and optimizer), alternating
# engine, peer, engine, peer, ... so that drifts of a noisy machine hit both sides alike.
# Prints each run's RESULT line, each pair's ratio (engine steps/s over peer steps/s) and the
# median ratio, and keeps all of it in benchmarks/results/<UTC yyyy-mm-dd-HHMMZ>-peer-pairs.txt.
#
# Usage: benchmarks/peer-pairs.sh [pairs (default 5)] [steps per run (default 600)]
# LAYOUTS="contiguous channels-last" (the default) runs the engine once per memory format
# (supernet.memory-format) in each round, before the peer; each gets its own ratio. A "+malloc"
# suffix (e.g. LAYOUTS="contiguous contiguous+malloc") runs that engine with glibc's allocator
# told to keep freed memory (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_).
# Needs Debian's PyTorch for the peer:
#   apt-get install -y --no-install-recommends python3-torch
# (without --no-install-recommends Debian also installs libtorch-dev, whose libraries the JVM
# may pick up). Both sides run 2 intra-op threads; run it on an otherwise idle machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PAIRS="${1:-5}"
STEPS="${2:-600}"
if ! [[ "$PAIRS" =~ ^[1-9][0-9]*$ && "$STEPS" =~ ^[1-9][0-9]*$ ]]; then
  echo "peer-pairs.sh: pairs and steps must be positive whole numbers, got '$PAIRS' '$STEPS'" >&2
  exit 2
fi
SCRIPT=peer-pairs.sh
# shellcheck source=benchmarks/pairs-common.sh
source benchmarks/pairs-common.sh
require_peer_torch
ensure_jar

mkdir -p benchmarks/results
OUT="benchmarks/results/$(date -u +%Y-%m-%d-%H%MZ)-peer-pairs.txt"
export OMP_NUM_THREADS=2
{
  results_head
  echo "pairs: $PAIRS, steps per run: $STEPS, threads: 2, batch: 64, C=16, N=1"
} | tee "$OUT"

read -r -a layouts <<< "${LAYOUTS:-contiguous channels-last}"
declare -A ratios
for ((p = 1; p <= PAIRS; p++)); do
  echo "round $p: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
  declare -A engine=()
  for layout in "${layouts[@]}"; do
    allocator=()
    if [[ "$layout" == *+malloc ]]; then
      allocator=(MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=1073741824)
    fi
    engine[$layout]=$(env "${allocator[@]}" java -Dorg.bytedeco.javacpp.nopointergc=true \
      -Xmx4g -cp "$JAR" org.landmarknas.torch.SposStepRun "$STEPS" 50 "${layout%+malloc}" \
      | grep '^RESULT' | sed "s/^RESULT engine layout=[^ ]*/RESULT engine layout=$layout/" \
      | tee -a "$OUT" | rate)
  done
  peer=$("$PYTHON" benchmarks/peer/spos_step_peer.py --steps "$STEPS" --threads 2 \
    | grep '^RESULT' | tee -a "$OUT" | rate)
  for layout in "${layouts[@]}"; do
    ratio=$(awk -v e="${engine[$layout]}" -v q="$peer" 'BEGIN {printf "%.3f", e / q}')
    ratios[$layout]+="$ratio "
    echo "round $p: engine ($layout) ${engine[$layout]} steps/s, peer $peer steps/s," \
      "ratio $ratio" | tee -a "$OUT"
  done
done
for layout in "${layouts[@]}"; do
  # shellcheck disable=SC2086 # the ratios are words on purpose
  mid=$(median ${ratios[$layout]})
  echo "engine ($layout) / peer: ${ratios[$layout]}-> median $mid (higher: engine faster)" \
    | tee -a "$OUT"
done
echo "peer-pairs.sh: results in $OUT" >&2
