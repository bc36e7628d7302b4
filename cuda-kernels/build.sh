#!/usr/bin/env bash
# Compiles the CUDA kernels and the test driver into cuda-kernels/target/ with nvcc.
#
#   build.sh [--optional | --require] [--shared] [--check]
#
#   (no flag)  compile the kernels and target/lmnas_cuda_driver when nvcc is found (on PATH, as
#              $NVCC, or at ${CUDA_HOME:-/usr/local/cuda}/bin/nvcc); otherwise say so and exit 0
#   --optional the default: skip with a message when nvcc is missing
#   --require  fail when nvcc is missing (the Maven profile -Pcuda)
#   --shared   also link target/liblmnas_cuda.so (cudart linked shared, so that the kernels can
#              share streams with a libtorch that loads its own cudart)
#   --check    afterwards run the driver with --allow-no-gpu: on a machine without a GPU it runs
#              the host checks and proves the binary links and starts; with a GPU, everything
#
# One architecture only (CUDA_ARCH, default 90: sm_90 code plus compute_90 PTX), so that the
# compile stays within seconds. Objects are rebuilt only when a source or header is newer.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
require=0
shared=0
check=0
for arg in "$@"; do
  case "$arg" in
    "") ;; # an unset Maven property arrives as an empty argument
    --optional) require=0 ;;
    --require) require=1 ;;
    --shared) shared=1 ;;
    --check) check=1 ;;
    -h | --help)
      awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
      exit 0
      ;;
    *)
      echo "build.sh: unknown option '$arg' (expected --optional, --require, --shared, --check)" >&2
      exit 64
      ;;
  esac
done

nvcc="${NVCC:-}"
if [[ -z "$nvcc" ]]; then
  if command -v nvcc > /dev/null 2>&1; then
    nvcc="$(command -v nvcc)"
  elif [[ -x "${CUDA_HOME:-/usr/local/cuda}/bin/nvcc" ]]; then
    nvcc="${CUDA_HOME:-/usr/local/cuda}/bin/nvcc"
  fi
fi
if [[ -z "$nvcc" || ! -x "$nvcc" ]]; then
  if ((require)); then
    echo "nvcc not found (looked at \$NVCC, on PATH and at ${CUDA_HOME:-/usr/local/cuda}/bin/nvcc):" \
      "the cuda profile needs the CUDA toolkit" >&2
    exit 1
  fi
  echo "nvcc not found: skipping the CUDA kernel compile"
  exit 0
fi

arch="${CUDA_ARCH:-90}"
out="$here/target"
obj="$out/obj"
mkdir -p "$obj"
native_cpp="$here/../native/src/main/cpp"
flags=(-O3 -std=c++17 -gencode "arch=compute_${arch},code=[sm_${arch},compute_${arch}]"
  -Xcompiler -fPIC,-Wall -I"$here/include" -I"$native_cpp")
headers=("$here"/include/*.h "$here"/src/*.cuh "$native_cpp/lmnas_kernels.h")

echo "nvcc: $nvcc ($("$nvcc" --version | sed -n 's/.*release \([0-9.]*\).*/\1/p')), sm_${arch} + compute_${arch} PTX"
start=$SECONDS

# An object is stale when it is missing or older than its source or any header.
stale() {
  local object="$1" source="$2" h
  [[ -f "$object" && "$object" -nt "$source" ]] || return 0
  for h in "${headers[@]}"; do
    [[ "$object" -nt "$h" ]] || return 0
  done
  return 1
}

sources=("$here"/src/*.cu "$here/test/driver.cu")
pids=()
names=()
for source in "${sources[@]}"; do
  name="$(basename "$source" .cu)"
  object="$obj/$name.o"
  if stale "$object" "$source"; then
    "$nvcc" "${flags[@]}" -c "$source" -o "$object.tmp" && mv "$object.tmp" "$object" &
    pids+=($!)
    names+=("$name")
  fi
done
failed=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "build.sh: nvcc failed on ${names[$i]}.cu" >&2
    failed=1
  fi
done
((failed == 0)) || exit 1

# The CPU library, for the driver only: its references are checked against it.
cpu_object="$obj/lmnas_kernels_cpu.o"
if stale "$cpu_object" "$native_cpp/lmnas_kernels.cpp"; then
  "$nvcc" -O3 -std=c++17 -x c++ -Xcompiler -fPIC,-Wall -I"$native_cpp" \
    -c "$native_cpp/lmnas_kernels.cpp" -o "$cpu_object"
fi

kernels=()
for source in "$here"/src/*.cu; do
  kernels+=("$obj/$(basename "$source" .cu).o")
done

# The driver links cudart statically: it then needs only the GPU driver's libcuda at run time.
driver="$out/lmnas_cuda_driver"
relink=0
for o in "${kernels[@]}" "$obj/driver.o" "$cpu_object"; do
  [[ -f "$driver" && "$driver" -nt "$o" ]] || relink=1
done
if ((relink)); then
  "$nvcc" "${flags[@]}" "${kernels[@]}" "$obj/driver.o" "$cpu_object" -o "$driver" -lpthread
fi

if ((shared)); then
  library="$out/liblmnas_cuda.so"
  relink=0
  for o in "${kernels[@]}"; do
    [[ -f "$library" && "$library" -nt "$o" ]] || relink=1
  done
  if ((relink)); then
    "$nvcc" "${flags[@]}" -shared -cudart shared "${kernels[@]}" -o "$library"
  fi
  echo "built $library"
fi
echo "built $driver in $((SECONDS - start)) s (${#pids[@]} of ${#sources[@]} sources recompiled)"

if ((check)); then
  "$driver" --allow-no-gpu
fi
