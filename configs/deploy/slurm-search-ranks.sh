#!/usr/bin/env bash
# One super-net trained data-parallel by W ranks, one per Slurm task, over Gloo (torch
# distributed): every rank trains its shard of each global batch, gradients are averaged, rank 0
# writes the run directory, scores and searches.
#
#   export LMNAS_CONFIG=configs/fmnist-mini-spos.yaml
#   sbatch --nodes=4 configs/deploy/slurm-search-ranks.sh             # W = 4, one rank a node
#   LMNAS_RESUME=1 sbatch --nodes=4 configs/deploy/slurm-search-ranks.sh   # after a failure
#
# Run from the repository root on a shared file system, after one `./lmnas setup` on the login
# node. The run directory (LMNAS_RUN_DIR, default runs/<job id>) must be on that file system:
# rank 0 writes it, a resume reads it. train.batch-size is the global batch and must be a
# multiple of W. The first node hosts the rendezvous (TCP port LMNAS_PORT, default 29500, open
# between the nodes). If any rank dies the others stop at their next collective (timeout 60
# min); resume with the same W from the newest checkpoint, which continues the run exactly.
# With landmarks.queue set, pass LMNAS_STORE: rank 0 queues the new landmarks' trainings there
# (workers: slurm-workers.sh) and the others wait for the grown set.
# On GPU nodes (unverified here: no GPU): build with `mvn -Pgpu`, set LMNAS_DEVICE=cuda and
# submit with --ntasks-per-node=G --gpus-per-task=1; the ranks then train over NCCL, one GPU each.
#SBATCH --job-name=lmnas-search
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=1
#SBATCH --cpus-per-task=8
#SBATCH --mem=8G
#SBATCH --time=24:00:00
#SBATCH --output=lmnas-search-%j.out
set -euo pipefail

if [[ -z "${LMNAS_CONFIG:-}" && -z "${LMNAS_RESUME:-}" ]]; then
  echo "slurm-search-ranks.sh: set LMNAS_CONFIG to a run config (or LMNAS_RESUME=1 with" \
    "LMNAS_RUN_DIR to continue a run)" >&2
  exit 2
fi
if [[ -z "${SLURM_JOB_NODELIST:-}" ]]; then
  echo "slurm-search-ranks.sh: not inside a Slurm job (submit it with sbatch)" >&2
  exit 2
fi
cd "${SLURM_SUBMIT_DIR:-.}"
export LMNAS_RUN_DIR=${LMNAS_RUN_DIR:-runs/lmnas-search-${SLURM_JOB_ID}}
LEADER=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
export LMNAS_RENDEZVOUS="$LEADER:${LMNAS_PORT:-29500}"
echo "W=$SLURM_NTASKS ranks, rendezvous $LMNAS_RENDEZVOUS, run directory $LMNAS_RUN_DIR"
# Each task's rank is its SLURM_PROCID, read inside the task (single quotes).
if [[ -n "${LMNAS_RESUME:-}" ]]; then
  START=(--resume "$LMNAS_RUN_DIR")
else
  START=(--config "$LMNAS_CONFIG" --run-dir "$LMNAS_RUN_DIR" --set
    "train.threads=${SLURM_CPUS_PER_TASK:-2}" --set "train.device=${LMNAS_DEVICE:-cpu}")
fi
STORE=()
if [[ -n "${LMNAS_STORE:-}" ]]; then
  STORE=(--store "$LMNAS_STORE")
fi
srun bash -c 'exec ./lmnas search "$@" --rank "$SLURM_PROCID" --world "$SLURM_NTASKS" \
  --rendezvous "$LMNAS_RENDEZVOUS"' lmnas-rank "${START[@]}" "${STORE[@]}"
