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
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "peer-pairs.sh: $PYTHON cannot import torch; install the peer's PyTorch with" >&2
  echo "  apt-get install -y --no-install-recommends python3-torch" >&2
  exit 2
fi
JAR="benchmarks/target/benchmarks.jar"
if [[ ! -f "$JAR" ]] || [[ -n "$(find java/{core,engine}/src/main native/src/main \
    benchmarks/src/main -newer "$JAR" -print -quit)" ]]; then
  echo "peer-pairs.sh: building $JAR" >&2
  mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
fi

mkdir -p benchmarks/results
OUT="benchmarks/results/$(date -u +%Y-%m-%d-%H%MZ)-peer-pairs.txt"
export OMP_NUM_THREADS=2
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(
    git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "pairs: $PAIRS, steps per run: $STEPS, threads: 2, batch: 64, C=16, N=1"
} | tee "$OUT"

rate() { sed -n 's/^RESULT .* steps\/s=\([0-9.]*\) .*/\1/p'; }
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
  median=$(printf '%s\n' ${ratios[$layout]} | sort -g | awk '{v[NR] = $1}
    END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
  echo "engine ($layout) / peer: ${ratios[$layout]}-> median $median (higher: engine faster)" \
    | tee -a "$OUT"
done
echo "peer-pairs.sh: results in $OUT" >&2
