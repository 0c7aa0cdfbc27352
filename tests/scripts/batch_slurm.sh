#!/usr/bin/env bash
# examples/slurm/batch-array.sbatch on a one-node Slurm cluster started here
# (munged, slurmctld, slurmd; no systemd): the merged shards give the same
# records and output files as one bead batch run.
source "$(dirname "$0")/../batch/lib.sh"
# No dictionary loading (1-2 s a run): this tests the batch machinery;
# batch_dict.sh tests --dict.
export BEAD_DICT_DIR=$T/no-dictionaries
source "$SRC/tests/batch/slurm_cluster.sh"
missing=$(slurm_missing_tools)
[ -z "$missing" ] || skip_missing "Slurm is not installed (missing:$missing; Debian packages slurm-wlm and munge)"
[ "$(id -u)" = 0 ] || skip "the one-node Slurm cluster needs root"

make_jobs 24 --broken 7 --out-dir out
reference -j 2
cleanup_hooks+=(slurm_stop)
slurm_start "$T/cluster" || fail "could not start Slurm"
mkdir -p logs
export BEAD BEAD_TASK=$SRC/examples/bead-task.sh
job=$(sbatch --parsable --array=0-3 --mem=100M --chdir="$T" \
    "$SRC/examples/slurm/batch-array.sbatch" jobs.jsonl results) || fail "sbatch refused the job"
# Poll rather than sbatch --wait, which sleeps up to 10 s between looks.
for i in $(seq 1 120); do
    [ -z "$(squeue -h -j "${job%%;*}" 2>/dev/null)" ] && break
    sleep 0.25
done
[ -z "$(squeue -h -j "${job%%;*}" 2>/dev/null)" ] || fail "the array job did not finish in 30 s"
for k in 0 1 2 3; do
    [ -f "results/shard-$k.jsonl" ] || { cat logs/* 2>/dev/null | tail -20; fail "shard $k has no results"; }
done
cat results/shard-*.jsonl > slurm.jsonl
same_as_reference slurm.jsonl out
echo "ok: a 4-task Slurm array equals one bead batch run"
