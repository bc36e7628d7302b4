#!/usr/bin/env bash
# Runs the benchmark suite of landmark-nas (about 10 minutes on 2 cores) and keeps the results:
#   1. JMH: SposStepBenchmark (SPOS training steps/s, both BatchNorm modes, with and without batch
#      assembly) and AvgPoolBenchmark (avg_pool2d vs the depthwise form of avg_pool_3x3);
#   2. SposMemoryCheck: resident memory over 2000 SPOS steps (fails on >15% growth);
#   3. JMH, short settings: the native kernels against their Java references (package
#      org.landmarknas.benchmarks: ranking loss, Kendall tau / S-KdT, batch augmentation; ~3.5 min).
# Results go to benchmarks/results/<UTC date-time>-{env.txt,jmh.json,jmh.txt,memory.txt,
# kernels.json,kernels.txt}.
#
# Usage: benchmarks/run.sh [extra JMH arguments for step 1]   e.g. benchmarks/run.sh -p batchNorm=batch
#        benchmarks/run.sh --kernels [extra JMH arguments]     only step 3
# Builds benchmarks/target/benchmarks.jar (mvn -Pbench) when it is missing or older than the
# sources. Run it on an otherwise idle machine: the step rate halves under competing load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Relative to the repository root, where the script runs: JMH prints the result file's path into
# the committed text output, which must not carry a path of this machine.
cd "$ROOT"
JAR="benchmarks/target/benchmarks.jar"
RESULTS="benchmarks/results"
STAMP="$(date -u +%Y-%m-%d-%H%MZ)"
JVM_ARGS=(-Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g)
# Pinned so that runs compare; the classes' annotations hold the same values.
JMH_ARGS=(-f 1 -wi 3 -w 3s -i 5 -r 4s -foe true)
# The kernels take microseconds to milliseconds per call: 1 s iterations are plenty.
KERNEL_JMH_ARGS=(-f 1 -wi 2 -w 1s -i 3 -r 1s -foe true)
KERNELS_ONLY=false
if [[ "${1:-}" == "--kernels" ]]; then
  KERNELS_ONLY=true
  shift
fi

if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT"/java/{core,engine}/src/main "$ROOT/native/src/main" \
    "$ROOT/benchmarks/src/main" "$ROOT/pom.xml" "$ROOT"/java/{,core/,engine/}pom.xml \
    "$ROOT/native/pom.xml" \
    "$ROOT/benchmarks/pom.xml" -newer "$JAR" -print -quit)" ]]; then
  echo "run.sh: building $JAR" >&2
  (cd "$ROOT" && mvn -B -q -Pbench -pl benchmarks -am package -DskipTests)
fi

mkdir -p "$RESULTS"
export OMP_NUM_THREADS=2
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(
    git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RESULTS/$STAMP-env.txt"
cat "$RESULTS/$STAMP-env.txt"
if awk '{exit !($1 > 0.5)}' /proc/loadavg; then
  echo "run.sh: warning: the machine is busy (load $(cut -d' ' -f1 /proc/loadavg)); figures will be low and noisy" >&2
fi

status=0
if [[ "$KERNELS_ONLY" == false ]]; then
  java -jar "$JAR" 'org.landmarknas.torch.(SposStepBenchmark|AvgPoolBenchmark|LandmarkStepBenchmark)' "${JMH_ARGS[@]}" \
    -rf json -rff "$RESULTS/$STAMP-jmh.json" "$@" | tee "$RESULTS/$STAMP-jmh.txt"
  echo "load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/$STAMP-env.txt"

  java "${JVM_ARGS[@]}" -cp "$JAR" org.landmarknas.torch.SposMemoryCheck 2000 \
    | tee "$RESULTS/$STAMP-memory.txt" || status=$?
  echo "load average after the memory check: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/$STAMP-env.txt"
fi

KERNEL_EXTRA=()
if [[ "$KERNELS_ONLY" == true ]]; then
  KERNEL_EXTRA=("$@")
fi
java -jar "$JAR" 'org.landmarknas.benchmarks\.' "${KERNEL_JMH_ARGS[@]}" \
  -rf json -rff "$RESULTS/$STAMP-kernels.json" "${KERNEL_EXTRA[@]}" | tee "$RESULTS/$STAMP-kernels.txt"
echo "load average after the kernel benchmarks: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/$STAMP-env.txt"
echo "run.sh: results in $RESULTS/$STAMP-*" >&2
exit "$status"
