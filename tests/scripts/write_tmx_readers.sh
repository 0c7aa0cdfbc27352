#!/usr/bin/env bash
# TMX output against real readers: every TMX the writers produce must be
# valid against the LISA DTD (xmllint) and load in translate-toolkit with
# every unit and every segment text intact; the bytes must not depend on the
# clock. Usage: write_tmx_readers.sh BEAD_BIN SRC_ROOT. Exit 77: skipped.
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$(realpath "$1"); SRC=$(realpath "$2")
DTD="$SRC/../shared/formats/tmx14.dtd"
[ -f "$DTD" ] || { echo "SKIP: $DTD absent"; exit 77; }
command -v xmllint >/dev/null || skip_missing "xmllint missing (libxml2-utils)"
PY=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import translate.storage.tmx' 2>/dev/null; then
        PY=$p; break
    fi
done
[ -n "$PY" ] || skip_missing "translate-toolkit missing (Debian translate-toolkit)"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

valid() {   # valid FILE: DTD-valid TMX
    xmllint --noout --dtdvalid "$DTD" "$1" 2>"$TMP/xmllint.err" ||
        { bad "$1 is not valid TMX 1.4b:"; head -5 "$TMP/xmllint.err"; }
}

# translate-toolkit's view of a TMX: "lang<TAB>text" per tuv, a blank line
# after each tu.
cat >"$TMP/tmxread.py" <<'EOF'
import sys
from translate.storage import tmx
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
f = tmx.tmxfile.parsefile(sys.argv[1])
out = []
for u in f.units:
    for n in u.getlanguageNodes():
        out.append("%s\t%s" % (n.get(XML_LANG), u.getNodeText(n, "preserve")))
    out.append("")
sys.stdout.write("\n".join(out) + ("\n" if out else ""))
EOF

# 1. The writers' expected outputs (tests/write/*.tmx, kept byte-exact by
#    unit/write_cases): valid, and read back as the hand-checked *.tmxread.
n=0
for t in "$SRC"/tests/write/*.tmx; do
    n=$((n + 1))
    valid "$t"
    "$PY" "$TMP/tmxread.py" "$t" >"$TMP/read" 2>"$TMP/read.err" || { bad "translate-toolkit cannot load $t"; cat "$TMP/read.err"; continue; }
    cmp -s "$TMP/read" "${t%.tmx}.tmxread" ||
        { bad "translate-toolkit reads $t differently:"; diff "${t%.tmx}.tmxread" "$TMP/read" | head -10; }
done
[ "$n" -gt 0 ] || bad "no tests/write/*.tmx"

# 2. End to end: bead align on hostile presegmented text (--mode align: the
#    tiny random texts may be judged unrelated, and this checks the writer,
#    not the verdict). From the beads
#    output and the input lines, work out each tu the TMX must hold (tuvs for
#    the versions with text, their sentences cleaned and joined with a space)
#    and compare with what translate-toolkit reads, props included.
printf '%s\n' ' Първо изречение & "кавички" <тагове> '"'"'апостроф'"'"'. ' \
    $'Второ\tс табулация и звънец\a.' \
    $'Трето\u2028на два реда\u0085и още.' \
    '' '   ' 'Реклама ]]> край.' 'Четвърто: 2022 г.' >"$TMP/bg.txt"
printf '%s\n' 'Erster Satz & "Anführung" <Tags> '"'"'Apostroph'"'"'.' \
    $'Zweiter\tmit Tab und Klingel\a.' \
    $'Dritter\u2028auf zwei Zeilen\u0085und mehr.' \
    'Viertens: 2022.' 'Nur hier.' >"$TMP/de.txt"
cat >"$TMP/check.py" <<'EOF'
import re, sys, unicodedata
from translate.storage import tmx
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
tmx_path, beads_path, langs = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
inputs = sys.argv[4:]
lines = [open(p, encoding="utf-8").read().split("\n")[:-1] for p in inputs]
# bead's reader folds every run of white space (Python's \s) to one space,
# trims and applies NFC; the TMX writer then replaces what XML forbids.
def clean(s):
    s = unicodedata.normalize("NFC", re.sub(r"\s+", " ", s).strip(" "))
    return "".join(c if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
                   or ord(c) >= 0x10000 else "\ufffd" for c in s)
want = []
for line in open(beads_path, encoding="utf-8"):
    *ranges, score = line.rstrip("\n").split(":")
    tuvs = []
    for v, r in enumerate(ranges):
        ids = [int(x) for x in r.strip("[]").split(",") if x]
        text = " ".join(t for t in (clean(lines[v][i]) for i in ids) if t)
        if text:
            tuvs.append((langs[v], text))
    if tuvs:
        kind = "-".join(str(len([x for x in r.strip("[]").split(",") if x])) for r in ranges)
        want.append((score, kind, tuvs))
f = tmx.tmxfile.parsefile(tmx_path)
got = []
for u in f.units:
    props = {p.get("type"): p.text for p in u.xmlelement.findall("prop")}
    tuvs = [(n.get(XML_LANG), u.getNodeText(n, "preserve")) for n in u.getlanguageNodes()]
    got.append((props.get("x-score"), props.get("x-beads"), tuvs))
if got != want:
    print("units differ; want then got:")
    for w, g in zip(want, got):
        if w != g:
            print(" ", w, "\n ", g)
    print(len(want), "units wanted,", len(got), "read")
    sys.exit(1)
print(len(got), "units intact")
EOF
cd "$TMP"
if "$BEAD" align --presegmented -L bg,de -f beads -o e2e.beads bg.txt de.txt 2>e2e.err &&
   "$BEAD" align --mode align --presegmented -L bg,de --include-unaligned -o e2e.tmx bg.txt de.txt 2>>e2e.err; then
    valid e2e.tmx
    "$PY" check.py e2e.tmx e2e.beads bg,de bg.txt de.txt || bad "end-to-end TMX lost or changed text"
    grep -q '&amp; &quot;кавички&quot; &lt;тагове&gt;' e2e.tmx || bad "e2e.tmx: & \" < > not escaped"
else
    bad "bead align failed:"; cat e2e.err
fi

# 2b. The same on random hostile lines (fixed seeds): XML specials, C0
#    controls, line and field separators, non-characters, non-BMP, stray
#    spaces, blank lines. Random Latin letters are no Bulgarian: --force-lang
#    skips the script check.
cat >gen.py <<'EOF'
import random, sys
rng = random.Random(int(sys.argv[1]))
alphabet = (list("abcdefgh ijklmn  ") + list("&<>\"'") + ["\t", "\v", "\x07", "\x1b", "\x1c", "\x85",
            "\u2028", "\u2029", "\ufffe", "\uffff", "\ufeff", "\u00a0", "\U0001F600", "]]>", "&amp;",
            "Ж", "ä", "中"])
for path in sys.argv[2:]:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for _ in range(rng.randint(5, 40)):
            n = rng.choice([0, 1, 3, 10, 40])
            f.write("".join(rng.choice(alphabet) for _ in range(n)) + "\n")
EOF
for seed in 1 2 3 4 5; do
    "$PY" gen.py "$seed" r_bg.txt r_de.txt
    if "$BEAD" align --force-lang --presegmented -L bg,de -f beads -o r.beads r_bg.txt r_de.txt 2>r.err &&
       "$BEAD" align --force-lang --mode align --presegmented -L bg,de --include-unaligned -o r.tmx r_bg.txt r_de.txt 2>>r.err; then
        valid r.tmx
        "$PY" check.py r.tmx r.beads bg,de r_bg.txt r_de.txt >r.out ||
            { bad "seed $seed: TMX lost or changed text"; head -20 r.out; }
    else
        bad "seed $seed: bead align failed:"; cat r.err
    fi
done

# 3. Three versions, if bead align takes them (N-way).
printf '%s\n' 'One & "one".' $'Two\a.' 'Only English.' >en.txt
if "$BEAD" align --presegmented -L bg,de,en -f beads -o nway.beads bg.txt de.txt en.txt 2>nway.err &&
   "$BEAD" align --mode align --presegmented -L bg,de,en -o nway.tmx bg.txt de.txt en.txt 2>>nway.err; then
    valid nway.tmx
    grep -q 'srclang="\*all\*"' nway.tmx || bad "nway.tmx: srclang is not *all*"
    grep -q '<prop type="x-doc">en.txt</prop>' nway.tmx || bad "nway.tmx: no x-doc props"
    # without --include-unaligned, units with text in one version are left out
    "$PY" - nway.tmx <<'EOF' || bad "nway.tmx has a tu with fewer than two tuvs"
import sys
from translate.storage import tmx
sys.exit(any(len(u.getlanguageNodes()) < 2 for u in tmx.tmxfile.parsefile(sys.argv[1]).units))
EOF
else
    echo "note: bead align does not take three files yet; N-way end-to-end part skipped"
fi

# 4. Reproducible bytes: no creationdate unless SOURCE_DATE_EPOCH or --date.
unset SOURCE_DATE_EPOCH
"$BEAD" align --presegmented -L bg,de -f tmx bg.txt de.txt >r1.tmx 2>/dev/null
sleep 1
"$BEAD" align --presegmented -L bg,de -f tmx bg.txt de.txt >r2.tmx 2>/dev/null
cmp -s r1.tmx r2.tmx || bad "TMX differs between two runs"
grep -q creationdate r1.tmx && bad "creationdate written without SOURCE_DATE_EPOCH or --date"
grep -q DOCTYPE r1.tmx && bad "DOCTYPE written without --doctype"
SOURCE_DATE_EPOCH=1700000000 "$BEAD" align --presegmented -L bg,de -f tmx bg.txt de.txt >r3.tmx 2>/dev/null
grep -q 'creationdate="20231114T221320Z"' r3.tmx || bad "SOURCE_DATE_EPOCH=1700000000 not written as 20231114T221320Z"
valid r3.tmx
"$BEAD" align --presegmented -L bg,de -f tmx --date 20240131T120000Z --doctype bg.txt de.txt >r4.tmx 2>/dev/null
grep -q 'creationdate="20240131T120000Z"' r4.tmx || bad "--date not written"
grep -q '<!DOCTYPE tmx SYSTEM "tmx14.dtd">' r4.tmx || bad "--doctype not written"
valid r4.tmx

# 5. A real pair, when the corpus is there: valid, and every tu loads.
C="$SRC/corpora/news-dprk-cyber"
if [ -f "$C/bg.aljazeera.txt" ] && [ -f "$C/de.aljazeera.txt" ]; then
    if "$BEAD" align -o real.tmx "$C/bg.aljazeera.txt" "$C/de.aljazeera.txt" 2>real.err; then
        valid real.tmx
        tus=$(grep -c '<tu>' real.tmx)
        read_units=$("$PY" -c 'import sys; from translate.storage import tmx; print(len(tmx.tmxfile.parsefile(sys.argv[1]).units))' real.tmx)
        [ "$tus" -gt 0 ] && [ "$tus" = "$read_units" ] || bad "real.tmx: $tus tu written, $read_units read"
    else
        bad "bead align on the corpus pair failed:"; cat real.err
    fi
fi
exit $fail
