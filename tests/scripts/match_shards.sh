#!/usr/bin/env bash
# bead match at scale: B's index saved once, A split in three shards that each
# query it (-f candidates), then --merge: the same pairs as one run. Then
# `bead match -f jobs | bead batch` turns the seed corpus into bitext.
# Usage: match_shards.sh BEAD_BIN SRC_ROOT.
set -u
BEAD=$1; SRC=$2
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
fail=0
DEV=$SRC/../shared/eval/match/dev
if [ -d "$DEV" ]; then
    A="@$DEV/list-en-de.en"; B="@$DEV/list-en-de.de"; L="-L en,de"
    sed "s|^|$DEV/|" "$DEV/list-en-de.en" > a.list
else
    # Without the dev set: the seed texts, one a side.
    mkdir a b; cp "$SRC"/corpora/news-dprk-cyber/bg.* a/; cp "$SRC"/corpora/news-dprk-cyber/de.* b/
    # A as a list, like its shards: a list's relative entries are named
    # from its folder, so A as the folder `a` would name them otherwise.
    ls "$TMP"/a/* > a.list
    A="@$TMP/a.list"; B=b; L=""
fi
"$BEAD" match $L "$A" "$B" > whole.tsv || { echo "unsharded run failed"; exit 1; }
"$BEAD" match $L --save-index b.idx -f candidates "$A" "$B" > /dev/null || { echo "saving the index failed"; exit 1; }
split -n l/3 a.list shard.
for s in shard.*; do
    "$BEAD" match ${L} --index b.idx -f candidates "@$TMP/$s" > "$s.cand" || { echo "$s failed"; fail=1; }
done
"$BEAD" match --merge shard.*.cand > merged.tsv || { echo "merge failed"; exit 1; }
if ! cmp -s whole.tsv merged.tsv; then
    echo "sharded and unsharded runs differ:"; diff whole.tsv merged.tsv | head; fail=1
else
    echo "sharded = unsharded: $(wc -l < whole.tsv) pairs"
fi
# match | batch, end to end
cp -r "$SRC/corpora/news-dprk-cyber" c
"$BEAD" match -f jobs c c > jobs.jsonl || { echo "match -f jobs failed"; fail=1; }
njobs=$(wc -l < jobs.jsonl)
"$BEAD" match -f jobs c c | "$BEAD" batch -j 2 > records.jsonl 2>batch.err || true
nok=$(grep -c '"status":"ok"' records.jsonl || true)
echo "match | batch: $njobs jobs, $nok ok"
if [ "$njobs" -lt 1 ] || [ "$nok" != "$njobs" ]; then echo "match | batch failed"; cat batch.err | head; head -3 records.jsonl; fail=1; fi
exit $fail
