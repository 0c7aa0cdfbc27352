#!/usr/bin/env bash
# bead report -o X.html: one self-contained page (no scripts, no external
# assets), every text escaped, and a screenshot by headless chromium that is
# not blank. Skips (77) when chromium or python3 is missing.
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1; SRC=$2
command -v python3 >/dev/null || skip_missing "python3 missing"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
C=$SRC/corpora/news-dprk-cyber
# Markup in the texts must come out escaped.
printf 'The <b>bold</b> & "quoted" claim costs 5 dollars.\nSecond <script>alert(1)</script> line.\n' >"$T/en.a.txt"
printf 'Die <b>fette</b> & "zitierte" Behauptung kostet 5 Dollar.\nZweite <script>alert(1)</script> Zeile.\n' >"$T/de.b.txt"
"$BEAD" report --presegmented -o "$T/tags.html" "$T/en.a.txt" "$T/de.b.txt" 2>"$T/err" || { echo "report failed"; cat "$T/err"; exit 1; }
"$BEAD" report -o "$T/news.html" "$C/bg.aljazeera.txt" "$C/de.aljazeera.txt" 2>"$T/err" || { echo "report failed"; cat "$T/err"; exit 1; }
python3 - "$T" <<'PY' || exit 1
import re, sys
t = sys.argv[1]
bad = []
for name in ("tags.html", "news.html"):
    h = open(f"{t}/{name}", encoding="utf-8").read()
    low = h.lower()
    if not low.startswith("<!doctype html>"):
        bad.append(f"{name}: no doctype")
    if "<script" in low:
        bad.append(f"{name}: a <script> element")
    if re.search(r'<link\b|\bsrc\s*=|url\(', low):
        bad.append(f"{name}: an external asset")
    if re.search(r'href\s*=\s*"(?!#)', low):
        bad.append(f"{name}: a link that leaves the page")
    if "<style>" not in low:
        bad.append(f"{name}: no inline style")
h = open(f"{t}/tags.html", encoding="utf-8").read()
for want in ("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;",
             "&lt;script&gt;alert(1)&lt;/script&gt;"):
    if want not in h:
        bad.append(f"tags.html lacks {want}")
if "<b>bold</b>" in h:
    bad.append("tags.html: markup from the text was not escaped")
n = open(f"{t}/news.html", encoding="utf-8").read()
if "Die drei Verbündeten äußerten Bedenken" not in n:
    bad.append("news.html: the German lead sentence is missing")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || skip_missing "chromium missing (the page checks above passed)"
timeout 90 "$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$T/profile" \
    --screenshot="$T/shot.png" --window-size=1200,900 "file://$T/news.html" >"$T/chrome.log" 2>&1
[ -s "$T/shot.png" ] || { echo "chromium wrote no screenshot"; tail -5 "$T/chrome.log"; exit 1; }
# Decode the PNG (zlib, no PIL) and count colours and the spread of pixels.
python3 - "$T/shot.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), f"PNG type {ctype}/{depth}"
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours, dark, total = set(), 0, 0
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 3 == 0:
        for x in range(0, stride, bpp * 3):
            px = tuple(line[x:x + 3])
            colours.add(px)
            total += 1
            dark += sum(px) < 300
share = dark / total
print(f"{w}x{h}: {len(colours)} colours, {share:.3f} of sampled pixels dark")
sys.exit(0 if len(colours) >= 16 and 0.005 < share < 0.6 else 1)
PY
