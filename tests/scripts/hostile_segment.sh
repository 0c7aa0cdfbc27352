#!/usr/bin/env bash
# Hostile input for `bead segment` (issue 8, CONTRACT.md "Exit codes and bad input").
# usage: hostile_segment.sh BEAD_BIN SRC_ROOT
#
# Every case checks: the documented exit status; that stderr names the file and,
# where the contract asks for it, the byte offset; and that a failed run leaves no
# output file and no temporary file behind (and an older output file untouched).
#
# "Unreadable path": CI runs as root, and root reads mode-000 files and traverses
# mode-000 folders, so permissions cannot make a path unreadable there. What is
# tested instead: a missing path, a dangling symlink, a directory, and
# /proc/self/mem, which opens fine but fails every read at offset 0 with EIO (a read
# error after a successful open). As a non-root user a mode-000 file is tested too.
set -u
BEAD=$(realpath "$1")
[ -x "$BEAD" ] || { echo "no program at $1"; exit 1; }
. "$(dirname "$(realpath "$0")")/lib/hostile.sh"
seg() { "$BEAD" segment "$@"; }

# ----------------------------------------------------------- invalid UTF-8
# name : bytes (printf format) placed after "Hello " (so the bad byte is at offset 6)
bad_utf8=(
    "overlong-2:\xc0\xaf"
    "overlong-2-c1:\xc1\xbf"
    "overlong-3:\xe0\x80\xaf"
    "overlong-4:\xf0\x80\x80\xaf"
    "overlong-nul:\xc0\x80"
    "surrogate-high:\xed\xa0\x80"
    "surrogate-low:\xed\xbf\xbf"
    "surrogate-pair:\xed\xa0\xbd\xed\xb8\x80"
    "above-10ffff:\xf4\x90\x80\x80"
    "truncated-2:\xc3 world."
    "truncated-3:\xe2\x82 world."
    "truncated-4:\xf0\x9f\x98 world."
    "lone-continuation:\x80"
    "byte-f5:\xf5\x80\x80\x80"
    "byte-f8:\xf8\x88\x80\x80\x80"
    "byte-fc:\xfc\x84\x80\x80\x80\x80"
    "byte-fe:\xfe"
    "byte-ff:\xff"
)
for c in "${bad_utf8[@]}"; do
    n=${c%%:*}; bytes=${c#*:}
    printf "Hello $bytes world.\n" >in.txt
    expect "utf8-$n" 1 absent "in.txt|offset 6" -- seg -l en -o out/out.txt in.txt
    expect "utf8-$n-stdout" 1 - "in.txt|offset 6" -- seg -l en in.txt
    expect "utf8-$n-replace" 0 nonempty "replaced" -- seg -l en --replace-invalid -o out/out.txt in.txt
    if [ -f out/out.txt ] && ! grep -q $'\xef\xbf\xbd' out/out.txt; then fail "no U+FFFD in output"; fi
    if [ -f out/out.txt ] && command -v iconv >/dev/null && ! iconv -f UTF-8 -t UTF-8 out/out.txt >/dev/null 2>&1; then
        fail "--replace-invalid wrote invalid UTF-8"
    fi
done
# Truncated at the very end of the file (no newline after it).
printf 'Hello \xe2\x82' >in.txt
expect utf8-truncated-at-eof 1 absent "in.txt|offset 6" -- seg -l en -o out/out.txt in.txt
# The bad byte on line 3: the message gives the line as well as the offset.
printf 'One.\nTwo.\nThree \xff.\n' >in.txt
expect utf8-line-3 1 absent "in.txt|offset 16" -- seg -l en -o out/out.txt in.txt
grep -qE '(:3:|line 3)' stderr.txt || fail "message does not give line 3: $(cat stderr.txt)"
# Valid input first, bad byte far in: the partial output must not survive, and an
# older out.txt must be left as it was (never lose data).
{ for i in $(seq 1 3000); do echo "Sentence number $i is here. And another one follows it."; done
  printf 'Bad \xc0 byte.\n'; } >in.txt
expect utf8-late-error 1 absent "in.txt" -- seg -l en -o out/out.txt in.txt
echo "precious" >keep.txt
expect utf8-late-error-keeps-old 1 - "in.txt" -- bash -c 'cp keep.txt out/out.txt && "$0" segment -l en -o out/out.txt in.txt' "$BEAD"
cmp -s keep.txt out/out.txt || fail "an existing output file was changed by a failed run"
# Same through gzip output.
expect utf8-late-error-gz 1 - "in.txt" -- seg -l en -o out/out.txt.gz in.txt
[ -e out/out.txt.gz ] && fail "out.txt.gz left behind"
# Through stdin: the message names standard input.
printf 'Hello \xff.\n' >in.txt
expect utf8-stdin 1 - "offset 6" -- bash -c '"$0" segment -l en - <in.txt' "$BEAD"

# ----------------------------------------------------------- NUL and BOM
printf 'Hello\0 world.\n' >in.txt
expect nul 1 absent "in.txt|offset 5" -- seg -l en -o out/out.txt in.txt
expect nul-replace 0 nonempty "replaced" -- seg -l en --replace-invalid -o out/out.txt in.txt
printf '\xef\xbb\xbfHello world. Second one.\n' >in.txt
expect bom-start 0 nonempty "" -- seg -l en -o out/out.txt in.txt
head -c 3 out/out.txt | grep -q $'\xef\xbb\xbf' && fail "leading BOM kept"
printf 'Hello \xef\xbb\xbfworld. Second\xef\xbb\xbf one.\n\xef\xbb\xbfThird.\n' >in.txt
expect bom-middle 0 nonempty "" -- seg -l en -o out/out.txt in.txt
printf 'One line.\r\nTwo line.\rThree line.\r\n\r\nFour.\r' >in.txt
expect crlf-cr 0 nonempty "" -- seg -l en -o out/out.txt in.txt
grep -q $'\r' out/out.txt && fail "CR left in output"

# ----------------------------------------------------------- empty and whitespace
: >in.txt
expect empty-file 0 empty "" -- seg -l en -o out/out.txt in.txt
[ -f out/out.txt ] || fail "no (empty) output file for an empty input"
printf ' \t\n\n   \r\n\f\v\n \xc2\xa0 \xe3\x80\x80\n' >in.txt
expect whitespace-only 0 empty "" -- seg -l en -o out/out.txt in.txt
expect whitespace-only-stdout 0 empty "" -- seg -l en in.txt
[ -s stdout.txt ] && fail "output for whitespace-only input: $(od -c stdout.txt | head -2)"

# ----------------------------------------------------------- binary and gzip
expect binary-bin-ls 1 absent "/bin/ls" -- seg -l en -o out/out.txt /bin/ls
head -c 4096 /dev/urandom >rand.bin
expect binary-random 1 absent "rand.bin" -- seg -l en -o out/out.txt rand.bin
for i in $(seq 1 400); do echo "Sentence $i of a gzip file. It has two sentences."; done | gzip -9 >good.gz
expect gzip-good 0 nonempty "" -- seg -l en -o out/out.txt good.gz
size=$(stat -c %s good.gz)
head -c $((size / 2)) good.gz >trunc.gz
expect gzip-truncated 1 absent "trunc.gz" -- seg -l en -o out/out.txt trunc.gz
head -c $((size - 4)) good.gz >trunc-tail.gz
expect gzip-truncated-trailer 1 absent "trunc-tail.gz" -- seg -l en -o out/out.txt trunc-tail.gz
head -c 12 good.gz >trunc-header.gz
expect gzip-truncated-header 1 absent "trunc-header.gz" -- seg -l en -o out/out.txt trunc-header.gz
python3 - <<'EOF'
data = bytearray(open("good.gz", "rb").read())
crc = bytearray(data); crc[-8] ^= 0xff                   # CRC32 of the trailer
open("badcrc.gz", "wb").write(crc)
body = bytearray(data); body[len(body) // 2] ^= 0x55     # deflate stream
open("badbody.gz", "wb").write(body)
isize = bytearray(data); isize[-1] ^= 0x01               # length of the trailer
open("badsize.gz", "wb").write(isize)
EOF
expect gzip-bad-crc 1 absent "badcrc.gz" -- seg -l en -o out/out.txt badcrc.gz
expect gzip-corrupt-body 1 absent "badbody.gz" -- seg -l en -o out/out.txt badbody.gz
expect gzip-bad-length 1 absent "badsize.gz" -- seg -l en -o out/out.txt badsize.gz
# Concatenated gzip members are one text; anything else after a member is an
# error naming the file and the byte where the gzip data ends (zlib's gzread
# dropped it in silence).
printf 'One. Two.\n' | gzip >multi.gz; printf 'Three.\n' | gzip >>multi.gz
expect gzip-members 0 nonempty "" -- seg -l en -o out/out.txt multi.gz
[ "$(cat out/out.txt 2>/dev/null | wc -l)" = 3 ] || fail "concatenated members: $(cat out/out.txt)"
gzsize=$(stat -c %s multi.gz)
cp multi.gz trailing-text.gz; printf 'Plain text after the gzip data.\n' >>trailing-text.gz
expect gzip-then-plain-text 1 absent "trailing-text.gz|byte $gzsize|not gzip" -- seg -l en -o out/out.txt trailing-text.gz
cp multi.gz trailing-byte.gz; printf '\037' >>trailing-byte.gz
expect gzip-then-one-byte 1 absent "trailing-byte.gz|byte $gzsize" -- seg -l en -o out/out.txt trailing-byte.gz
cp multi.gz trailing-zeros.gz; head -c 512 /dev/zero >>trailing-zeros.gz
expect gzip-then-zeros 1 absent "trailing-zeros.gz|byte $gzsize" -- seg -l en -o out/out.txt trailing-zeros.gz
expect gzip-then-text-stdin 1 - "byte $gzsize" -- bash -c '"$0" segment -l en - <trailing-text.gz' "$BEAD"
# A NUL is an error where it is read, not once its line ends: a stream of
# NULs (a disk image, /dev/zero) fails at offset 0 at once, in little memory.
# The old reader gathered the "line" until memory ran out.
MEM_KB=1000000
grep -qa -e __asan_init -e __ubsan_handle "$BEAD" && MEM_KB=unlimited
bounded() { (ulimit -v $MEM_KB; exec timeout 60 "$@"); }
expect nul-stream-dev-zero 1 - "/dev/zero|offset 0" -- bounded "$BEAD" segment -l en /dev/zero
expect nul-stream-pipe 1 - "offset 0" -- bash -c 'head -c 1500000000 /dev/zero | (ulimit -v $1; timeout 60 "$0" segment -l en -)' "$BEAD" $MEM_KB
printf 'Some text first. ' >nul-late.bin; head -c 5000000 /dev/zero >>nul-late.bin
expect nul-after-text 1 absent "nul-late.bin|offset 17" -- bounded "$BEAD" segment -l en -o out/out.txt nul-late.bin
# A stream without a blank line is one paragraph that never ends: it is
# segmented in windows as it comes (output long before the end), and
# --max-sentences stops the reading when it is reached.
expect endless-paragraph-streams 0 - "" -- bash -c 'yes "A line." | (ulimit -v $1; timeout 60 "$0" segment -l en -) | head -n 100000 | wc -l >count.txt' "$BEAD" $MEM_KB
[ "$(cat count.txt)" = 100000 ] || fail "got $(cat count.txt) sentences from an endless paragraph"
expect endless-paragraph-max-sentences 1 - "max-sentences" -- bash -c 'yes "A line." | (ulimit -v $1; timeout 60 "$0" segment -l en --max-sentences 10 -o out/out.txt -)' "$BEAD" $MEM_KB
[ -e out/out.txt ] && fail "output left after --max-sentences"

# A gzip bomb under --max-bytes: the limit counts decompressed bytes.
head -c 100000000 /dev/zero | tr '\0' 'a' | gzip -1 >bomb.gz
expect gzip-bomb-max-bytes 1 absent "bomb.gz|max-bytes" -- seg -l en --max-bytes 1M -o out/out.txt bomb.gz

# ----------------------------------------------------------- paths
mkdir adir
expect input-directory 1 absent "adir" -- seg -l en -o out/out.txt adir
expect input-missing 1 absent "no-such-file.txt" -- seg -l en -o out/out.txt no-such-file.txt
ln -s nowhere dangling.txt
expect input-dangling-symlink 1 absent "dangling.txt" -- seg -l en -o out/out.txt dangling.txt
expect input-read-error-eio 1 absent "/proc/self/mem" -- seg -l en -o out/out.txt /proc/self/mem
if [ "$(id -u)" != 0 ]; then
    echo "Secret." >locked.txt; chmod 000 locked.txt
    expect input-mode-000 1 absent "locked.txt" -- seg -l en -o out/out.txt locked.txt
fi

# ----------------------------------------------------------- output errors
echo "Hello world. Another sentence." >in.txt
if [ -w /dev/full ]; then
    expect output-dev-full 1 - "/dev/full" -- seg -l en -o /dev/full in.txt
    expect output-dev-full-redirect 1 - "" -- bash -c '"$0" segment -l en in.txt >/dev/full' "$BEAD"
    for i in $(seq 1 2000); do echo "Sentence $i of a longer file. It has two sentences."; done >long.txt
    expect output-dev-full-long 1 - "/dev/full" -- seg -l en -o /dev/full long.txt
fi
expect output-missing-dir 1 - "no-such-dir/out.txt" -- seg -l en -o no-such-dir/out.txt in.txt
[ -e no-such-dir ] && fail "created the missing folder"
expect output-is-directory 1 - "adir" -- seg -l en -o adir in.txt
[ -d adir ] || fail "the folder given as output was replaced"

# ----------------------------------------------------------- limits
for i in $(seq 1 100); do echo "Sentence $i. Another $i."; done >in.txt
expect max-bytes 1 absent "in.txt|max-bytes" -- seg -l en --max-bytes 100 -o out/out.txt in.txt
expect max-bytes-ok 0 nonempty "" -- seg -l en --max-bytes 1M -o out/out.txt in.txt
expect max-sentences 1 absent "in.txt|max-sentences" -- seg -l en --max-sentences 10 -o out/out.txt in.txt
expect max-sentences-ok 0 nonempty "" -- seg -l en --max-sentences 200 -o out/out.txt in.txt
expect max-bytes-malformed 2 absent "max-bytes" -- seg -l en --max-bytes lots -o out/out.txt in.txt

# ----------------------------------------------------------- usage errors write nothing
expect usage-unknown-option 2 absent "" -- seg -l en --no-such-option -o out/out.txt in.txt
expect usage-unknown-lang 2 absent "xx" -- seg -l xx -o out/out.txt in.txt
expect usage-two-files 2 absent "" -- seg -l en -o out/out.txt in.txt in.txt
expect usage-no-lang 2 absent "-l" -- seg -o out/out.txt in.txt

echo "$ncase cases, $fails failures"
[ $fails = 0 ]
