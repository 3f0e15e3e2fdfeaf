#!/usr/bin/env bash
#SBATCH --job-name=stemsim
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=01:00:00
#SBATCH --output=stemsim-%A_%a.out
# Usage: sbatch --array=0-(N-1) stemsim-array.sh SCENARIO RUN_FOLDER [extra stemsim run options]
set -euo pipefail
scenario=$1
run=$2
shift 2
: "${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=0-N}"
shards=${SLURM_ARRAY_TASK_COUNT:?submit with sbatch --array=0-N}
exec stemsim run "$scenario" \
  --shard-index "$SLURM_ARRAY_TASK_ID" --shard-count "$shards" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$run/shard-$SLURM_ARRAY_TASK_ID" --force --quiet "$@"
