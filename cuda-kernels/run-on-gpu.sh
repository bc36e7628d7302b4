#!/usr/bin/env bash
# The one prepared GPU check: on a machine with an NVIDIA GPU, lists the GPUs, builds the kernels
# and the driver (nvcc -O3, -gencode arch=compute_90,code=[sm_90,compute_90]) and runs the driver,
# which checks every kernel against its CPU reference and prints PASS/FAIL and TIME lines.
# Finishes in well under 3 minutes (build ~20 s, driver ~30-60 s; the driver is cut off at
# 150 s). Exit code: the driver's (0 = all checks passed, 1 = a check failed, 2 = no usable GPU).
#
#   cuda-kernels/run-on-gpu.sh [--quick] [--seed N]     (arguments go to the driver)
#
# Without nvcc on the GPU machine it runs a driver already built by build.sh (carry
# cuda-kernels/target along); that binary links cudart statically and needs only the GPU
# driver's libcuda (CUDA 13 runtime: NVIDIA driver 580 or newer).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
driver="$here/target/lmnas_cuda_driver"

echo "== nvidia-smi -L"
nvidia-smi -L || echo "(nvidia-smi failed or is missing)"
nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader \
  2> /dev/null || true

echo "== build"
if command -v nvcc > /dev/null 2>&1 || [[ -n "${NVCC:-}" ]] \
  || [[ -x "${CUDA_HOME:-/usr/local/cuda}/bin/nvcc" ]]; then
  CUDA_ARCH=90 "$here/build.sh" --require || {
    echo "run-on-gpu.sh: build failed" >&2
    exit 1
  }
elif [[ -x "$driver" ]]; then
  echo "nvcc not found here: running the prebuilt $driver"
else
  echo "run-on-gpu.sh: neither nvcc nor a prebuilt $driver (run build.sh first)" >&2
  exit 1
fi

echo "== driver"
timeout 150 "$driver" "$@"
rc=$?
if ((rc == 124)); then
  echo "run-on-gpu.sh: driver cut off after 150 s" >&2
fi
echo "driver exit code $rc"
exit "$rc"
