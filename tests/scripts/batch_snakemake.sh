#!/usr/bin/env bash
# examples/snakemake/Snakefile, run locally, gives the same records and
# output files as one bead batch run.
source "$(dirname "$0")/../batch/lib.sh"
# No dictionary loading (1-2 s a run): this tests the batch machinery;
# batch_dict.sh tests --dict.
export BEAD_DICT_DIR=$T/no-dictionaries
command -v snakemake >/dev/null 2>&1 || skip_missing "snakemake is not installed (Debian package snakemake)"

make_jobs 30 --broken 11 --out-dir out
reference -j 2
snakemake -s "$SRC/examples/snakemake/Snakefile" --cores 2 --quiet \
    --config jobs=jobs.jsonl shards=3 bead="$BEAD" results=snakemake.jsonl > snakemake.log 2>&1 ||
    { tail -30 snakemake.log; fail "snakemake failed"; }
same_as_reference snakemake.jsonl out
echo "ok: Snakemake (local, 3 shards) equals one bead batch run"
