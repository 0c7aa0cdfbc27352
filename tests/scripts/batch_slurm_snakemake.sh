#!/usr/bin/env bash
# examples/snakemake with its Slurm profile, on a one-node Slurm cluster
# started here: every shard runs as a Slurm job, and the merged results equal
# one bead batch run.
source "$(dirname "$0")/../batch/lib.sh"
# No dictionary loading (1-2 s a run): this tests the batch machinery;
# batch_dict.sh tests --dict.
export BEAD_DICT_DIR=$T/no-dictionaries
source "$SRC/tests/batch/slurm_cluster.sh"
missing=$(slurm_missing_tools)
[ -z "$missing" ] || skip_missing "Slurm is not installed (missing:$missing; Debian packages slurm-wlm and munge)"
command -v snakemake >/dev/null 2>&1 || skip_missing "snakemake is not installed (Debian package snakemake)"
[ "$(id -u)" = 0 ] || skip "the one-node Slurm cluster needs root"

make_jobs 20 --broken 9 --out-dir out
reference -j 2
cleanup_hooks+=(slurm_stop)
slurm_start "$T/cluster" || fail "could not start Slurm"
mkdir -p logs
# The profile's own settings, with a shorter wait for files (one machine).
# Each cluster job starts a Snakemake of its own, so this takes ~20 s.
timeout 50 snakemake -s "$SRC/examples/snakemake/Snakefile" \
    --profile "$SRC/examples/snakemake/profile/slurm" --latency-wait 5 \
    --config jobs=jobs.jsonl shards=2 bead="$BEAD" results=snakemake.jsonl \
    > snakemake.log 2>&1 || { tail -30 snakemake.log; tail -5 logs/* 2>/dev/null; fail "snakemake with the Slurm profile failed"; }
grep -q "Submitted batch job\|Submitted job" snakemake.log || fail "no job went through sbatch"
same_as_reference snakemake.jsonl out
echo "ok: Snakemake with the Slurm profile equals one bead batch run"
