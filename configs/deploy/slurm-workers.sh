#!/usr/bin/env bash
# N stand-alone training workers as a Slurm job array, sharing one PostgreSQL results store.
#
#   export LMNAS_STORE='jdbc:postgresql://dbhost:5432/lmnas?user=lmnas&password=...'
#   ./lmnas standalone enqueue --random 200 --epochs 4 --store "$LMNAS_STORE"
#   sbatch --array=0-15 configs/deploy/slurm-workers.sh --epochs 4
#
# Run from the repository root on a shared file system, after one `./lmnas setup` on the login
# node (it builds the CLI and unpacks libtorch once, not in 16 tasks at the same moment). sbatch
# passes the environment (LMNAS_STORE, LMNAS_DATA_DIR) on; the arguments after the script are
# the protocol options, the same as enqueue's. Each task claims jobs until none is left and
# exits; scancel sends SIGTERM, which gives the job in hand back to the queue at once.
#SBATCH --job-name=lmnas-workers
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=6G
#SBATCH --time=24:00:00
#SBATCH --output=lmnas-worker-%A_%a.out
set -euo pipefail

if [[ -z "${LMNAS_STORE:-}" ]]; then
  echo "slurm-workers.sh: set LMNAS_STORE to the store's JDBC URL" \
    "(jdbc:postgresql://host:5432/database?user=NAME)" >&2
  exit 2
fi
cd "${SLURM_SUBMIT_DIR:-.}"
echo "task ${SLURM_ARRAY_TASK_ID:-?} of array ${SLURM_ARRAY_JOB_ID:-?} on $(hostname)"
exec ./lmnas standalone worker --store "$LMNAS_STORE" \
  --threads "${SLURM_CPUS_PER_TASK:-2}" "$@"
