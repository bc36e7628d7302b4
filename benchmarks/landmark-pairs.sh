#!/usr/bin/env bash
# Whole-process pairs of the landmark step: the engine (LandmarkStepRun: its SPOS step and its
# lazy landmark step, alternating blocks in one process) against the Python PyTorch peer
# (benchmarks/peer/spos_step_peer.py, one process without and one with a landmark pair, which it
# always backpropagates, as the paper's code does). m = 1 pair, lambda 10, batch 64, C=16, N=1,
# 2 threads. Prints each side's landmark step over its own SPOS step and engine over peer, per
# round and as medians; keeps it all in benchmarks/results/<UTC stamp>-landmark-pairs.txt.
#
# Usage: benchmarks/landmark-pairs.sh [rounds (default 3)] [steps per run (default 300)]
# Needs the peer's PyTorch as benchmarks/peer-pairs.sh does. Run it on an otherwise idle machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS="${1:-3}"
STEPS="${2:-300}"
if ! [[ "$ROUNDS" =~ ^[1-9][0-9]*$ && "$STEPS" =~ ^[1-9][0-9]*$ ]] || ((STEPS % 50 != 0)); then
  echo "landmark-pairs.sh: rounds must be a positive whole number and steps a multiple of 50," \
    "got '$ROUNDS' '$STEPS'" >&2
  exit 2
fi
SCRIPT=landmark-pairs.sh
# shellcheck source=benchmarks/pairs-common.sh
source benchmarks/pairs-common.sh
require_peer_torch
ensure_jar

mkdir -p benchmarks/results
OUT="benchmarks/results/$(date -u +%Y-%m-%d-%H%MZ)-landmark-pairs.txt"
export OMP_NUM_THREADS=2
{
  results_head
  echo "rounds: $ROUNDS, steps per run and kind: $STEPS"
} | tee "$OUT"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
engine_cost=() peer_cost=() speedup=()
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
  lines=$(java -Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g -cp "$JAR" \
    org.landmarknas.torch.LandmarkStepRun "$STEPS" | grep '^RESULT' | tee -a "$OUT")
  e0=$(grep ' pairs=0 ' <<< "$lines" | rate)
  e1=$(grep ' pairs=1 ' <<< "$lines" | rate)
  p0=$("$PYTHON" benchmarks/peer/spos_step_peer.py --steps "$STEPS" --pairs 0 \
    | grep '^RESULT' | tee -a "$OUT" | rate)
  p1=$("$PYTHON" benchmarks/peer/spos_step_peer.py --steps "$STEPS" --pairs 1 \
    | grep '^RESULT' | tee -a "$OUT" | rate)
  engine_cost+=("$(ratio "$e0" "$e1")") peer_cost+=("$(ratio "$p0" "$p1")")
  speedup+=("$(ratio "$e1" "$p1")")
  echo "round $r: landmark step / SPOS step: engine ${engine_cost[-1]}, peer ${peer_cost[-1]};" \
    "landmark steps/s engine / peer ${speedup[-1]}" | tee -a "$OUT"
done
echo "medians: landmark/SPOS engine $(median "${engine_cost[@]}"), peer $(median "${peer_cost[@]}");" \
  "engine/peer landmark step $(median "${speedup[@]}")" | tee -a "$OUT"
echo "landmark-pairs.sh: results in $OUT" >&2
