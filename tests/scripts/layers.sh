#!/usr/bin/env bash
# The one-way rule: every #include of core/ segment/ align/ cli/ bench/ and
# include/bead/ must follow the layers of doc/layers.txt (a file includes
# the headers of its own layer and of the layers beneath it; a client such
# as cli/ includes public headers only; a public header includes public
# headers only). Prints FILE:LINE and the rule broken. Then proves it can
# fail: each case below adds one bad include to a scratch copy of the tree
# and must be caught with the rule named.
set -u
SRC=$2

# check_tree ROOT: prints one line per broken rule; returns 1 if any.
check_tree() {
    local root=$1 table=$1/doc/layers.txt
    local -A kind=() below=() owner=()
    local -a units=()
    local bad=0 n=0 k name rest d
    [ -f "$table" ] || { echo "doc/layers.txt: missing"; return 1; }
    while read -r k name rest; do
        n=$((n + 1))
        case $k in ''|'#'*) continue ;; esac
        case $k in
        layer|client)
            if [ -n "${kind[$name]:-}" ]; then
                echo "doc/layers.txt:$n: $name is listed twice"; bad=1; continue
            fi
            kind[$name]=$k
            units+=("$name")
            below[$name]=" "
            for d in $rest; do
                if [ "${kind[$d]:-}" != layer ]; then
                    echo "doc/layers.txt:$n: $name stands on $d, which is not a layer listed above it"
                    bad=1; continue
                fi
                below[$name]+="$d ${below[$d]# }"
            done ;;
        public)
            if [ "${kind[$rest]:-}" != layer ]; then
                echo "doc/layers.txt:$n: $name belongs to $rest, which is not a layer listed above"
                bad=1
            fi
            owner[$name]=$rest ;;
        *) echo "doc/layers.txt:$n: unknown kind '$k'"; bad=1 ;;
        esac
    done <"$table"

    # Both set REPLY, to spare a subshell per include. unit_of: the longest
    # layer or client folder holding a path.
    unit_of() {
        local u
        REPLY=
        for u in "${units[@]}"; do
            case $1 in "$u"/*) [ ${#u} -gt ${#REPLY} ] && REPLY=$u ;; esac
        done
    }
    # normalize: "a/./b" and "a/x/../b" become "a/b".
    normalize() {
        local IFS=/ part
        local -a out=()
        for part in $1; do
            case $part in
            ''|.) ;;
            ..) if [ ${#out[@]} -gt 0 ]; then unset 'out[${#out[@]}-1]'; else out+=(..); fi ;;
            *) out+=("$part") ;;
            esac
        done
        REPLY="${out[*]}"
    }

    local -a files=()
    local f
    while IFS= read -r f; do files+=("${f#"$root"/}"); done < <(
        cd "$root" && find core segment align cli bench include -name '*.[ch]' 2>/dev/null | sort)
    local -A file_unit=()
    for f in "${files[@]}"; do
        case $f in
        include/*)
            local h=${f#include/}
            if [ -z "${owner[$h]:-}" ]; then
                echo "$f: public header not listed in doc/layers.txt (add: public $h LAYER)"
                bad=1
            fi
            file_unit[$f]=${owner[$h]:-?} ;;
        *)
            unit_of "$f"
            file_unit[$f]=$REPLY
            if [ -z "${file_unit[$f]}" ]; then
                echo "$f: in no layer or client folder of doc/layers.txt"
                bad=1
            fi ;;
        esac
    done

    local loc line inc delim target tunit u why
    while IFS= read -r loc; do
        f=${loc%%:*}; rest=${loc#*:}; line=${rest%%:*}; rest=${rest#*:}
        [[ $rest =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\"\<])([^\"\>]*)[\"\>] ]] || continue
        delim=${BASH_REMATCH[1]}; inc=${BASH_REMATCH[2]}
        u=${file_unit[$f]}
        [ -n "$u" ] && [ "$u" != "?" ] || continue
        # Resolve as the compiler would: "x" next to the file first, then
        # the include path (include/ and the root); <x> not found is a
        # system header.
        target=
        local cand
        local -a cands=()
        [ "$delim" = '"' ] && cands+=("${f%/*}/$inc")
        cands+=("include/$inc" "$inc")
        for cand in "${cands[@]}"; do
            normalize "$cand"
            if [ -f "$root/$REPLY" ]; then target=$REPLY; break; fi
        done
        if [ -z "$target" ]; then
            if [ "$delim" = '"' ]; then
                echo "$f:$line: #include \"$inc\": names no file of the tree"
                bad=1
            fi
            continue
        fi
        why=
        case $target in
        include/*)
            local h=${target#include/}
            tunit=${owner[$h]:-}
            if [ -z "$tunit" ]; then
                why="public header $h is not listed in doc/layers.txt"
            elif [ "$tunit" != "$u" ] && [[ ${below[$u]} != *" $tunit "* ]]; then
                why="public header $h belongs to $tunit, which $u does not stand on (doc/layers.txt)"
            fi ;;
        *)
            unit_of "$target"
            tunit=$REPLY
            if [ "$f" != "${f#include/}" ]; then
                why="a public header includes public headers only, not the internal $target"
            elif [ -z "$tunit" ]; then
                why="$target is outside every layer"
            elif [ "$tunit" = "$u" ]; then
                :
            elif [ "${kind[$u]}" = client ]; then
                why="$u is a client: it includes public headers (<bead/...>) and its own, not $tunit's $target"
            elif [[ ${below[$u]} != *" $tunit "* ]]; then
                why="$u may not include $tunit ($target): it stands on${below[$u]% }"
                [ "${below[$u]}" = " " ] && why="$u may not include $tunit ($target): it stands on nothing"
            fi ;;
        esac
        if [ -n "$why" ]; then
            echo "$f:$line: $why"
            bad=1
        fi
    done < <(cd "$root" && grep -Hn -E '^[[:space:]]*#[[:space:]]*include' "${files[@]}" /dev/null)
    return $bad
}

fail=0
echo "== the tree"
if ! check_tree "$SRC"; then
    echo "FAIL: includes against the layers (doc/layers.txt, doc/ARCHITECTURE.md)"
    fail=1
else
    echo "ok"
fi

# The check must be able to fail. FILE | LINE ADDED | WORDS THE COMPLAINT NAMES
CASES=(
    'align/write/write_tsv.c|#include "align/pair/pair.h"|align/write may not include align/pair'
    'align/lexicon/lexicon.c|#include "align/judge/judge.h"|align/lexicon may not include align/judge'
    'align/judge/verdict.c|#include "align/multi/multi_internal.h"|align/judge may not include align/multi'
    'core/status.c|#include "segment/seg_internal.h"|core may not include segment'
    'core/lang.c|#include <bead/segment.h>|belongs to segment, which core does not stand on'
    'segment/rules.c|#include "align/doc/doc_internal.h"|segment may not include align/doc'
    'cli/common.c|#include "align/doc/doc_internal.h"|cli is a client'
    'cli/main.c|#include "../segment/seg_internal.h"|cli is a client'
    'bench/lexicon_coverage.c|#include "align/lexicon/lexicon_internal.h"|bench is a client'
    'include/bead/bead.h|#include "core/grow.h"|public header includes public headers only'
    'include/bead/segment.h|#include <bead/align.h>|belongs to align/doc, which segment does not stand on'
    'include/bead/extra.h|#include <bead/bead.h>|not listed in doc/layers.txt'
    'align/stray.c|#include "bead/bead.h"|in no layer or client folder'
    'segment/breaks.c|#include "../tests/unit/check.h"|outside every layer'
    'align/pair/dp.c|#include "pair_missing.h"|names no file of the tree'
    'doc/layers.txt|layer align/extra align/nowhere|not a layer listed above'
)
echo "== cases that must fail"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
(cd "$SRC" && tar -cf - core segment align cli bench include doc/layers.txt tests/unit) | tar -C "$T" -xf -
for c in "${CASES[@]}"; do
    IFS='|' read -r file add want <<<"$c"
    existed=0
    if [ -f "$T/$file" ]; then existed=1; cp "$T/$file" "$T/$file.keep"; fi
    printf '%s\n' "$add" >>"$T/$file"
    if out=$(check_tree "$T"); then
        echo "FAIL: $file + $add: not caught"
        fail=1
    elif ! grep -qF -- "$want" <<<"$out"; then
        echo "FAIL: $file + $add: caught, but not with '$want':"
        sed 's/^/  /' <<<"$out"
        fail=1
    else
        echo "caught: $(grep -F -m1 -- "$want" <<<"$out")"
    fi
    if [ $existed = 1 ]; then mv "$T/$file.keep" "$T/$file"; else rm -f "$T/$file"; fi
done
exit $fail
