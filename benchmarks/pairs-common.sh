# Shared by peer-pairs.sh and landmark-pairs.sh (sourced, from the repository root): the peer's
# PyTorch, the benchmark jar, and the head of a results file. SCRIPT names the caller in messages.

PYTHON=/usr/bin/python3
JAR="benchmarks/target/benchmarks.jar"

# Exits 2 with the install command when the peer's PyTorch is missing.
require_peer_torch() {
  if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "$SCRIPT: $PYTHON cannot import torch; install the peer's PyTorch with" >&2
    echo "  apt-get install -y --no-install-recommends python3-torch" >&2
    exit 2
  fi
}

# Builds the jar when it is missing or older than the sources it holds.
ensure_jar() {
  if [[ ! -f "$JAR" ]] || [[ -n "$(find java/{core,engine}/src/main native/src/main \
      benchmarks/src/main -newer "$JAR" -print -quit)" ]]; then
    echo "$SCRIPT: building $JAR" >&2
    mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
  fi
}

# Prints where and on what a sequence runs: date, commit, CPU, Java.
results_head() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(
    git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores"
  echo "java: $(java -version 2>&1 | head -1)"
}

# The steps/s of a RESULT line on stdin.
rate() { sed -n 's/^RESULT .* steps\/s=\([0-9.]*\) .*/\1/p'; }

# The median of the arguments (numbers).
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1}
  END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
