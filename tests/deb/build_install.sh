#!/usr/bin/env bash
# build_install.sh [REFERENCE_BEAD]: the Debian packages, built, checked,
# installed, used and removed again; a stage of ./build.sh test (not a
# ctest: it installs packages on the machine, as root).
#
#   1. copies the tree (what git tracks, plus new files it does not ignore)
#      to a scratch folder and builds there with
#      DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b, so that the
#      .debs land beside the copy, never beside the repository;
#   2. runs lintian on them: no errors (warnings are printed; the overrides
#      are explained in debian/*.lintian-overrides);
#   3. installs them with apt-get install, then from a folder far from the
#      source tree: bead align on the seed corpus (bg.aljazeera vs
#      de.aljazeera), compared with REFERENCE_BEAD's output when given (the
#      build tree's program); the Python module from dist-packages; and
#      tests/install/demo.c compiled with pkg-config against libbead-dev;
#   4. removes (purges) the four packages again, whatever happened.
#
# Refuses to run when any of the packages is installed already (it would
# remove them at the end). Exit 77 (skip) without the packaging tools,
# except under CI=true, where that fails.
set -uo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
REF=${1:-}
PACKAGES=(bead libbead0 libbead-dev python3-bead)
. "$SRC/tests/scripts/lib/skip.sh"

say() { printf '\n-- %s\n' "$*"; }
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

for tool in dpkg-buildpackage dh lintian fakeroot apt-get cc pkg-config; do
    command -v "$tool" >/dev/null || skip_missing "$tool (debhelper, dh-python, lintian, fakeroot, dpkg-dev)"
done
[ -e /usr/share/perl5/Debian/Debhelper/Sequence/python3.pm ] || skip_missing "dh-python"
for p in "${PACKAGES[@]}"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        echo "FAIL: $p is installed already; this stage installs and removes it: remove it first (apt-get remove ${PACKAGES[*]})"
        exit 1
    fi
done

T=$(mktemp -d /tmp/bead-deb.XXXXXX)
installed=0
cleanup() {
    if [ $installed = 1 ]; then
        say "removing the packages"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q \
            -o DPkg::Lock::Timeout=600 "${PACKAGES[@]}" </dev/null >"$T/remove.log" 2>&1 ||
            { echo "FAIL: apt-get purge"; cat "$T/remove.log"; }
    fi
    rm -rf "$T"
}
trap cleanup EXIT

say "copying the tree to $T/bead-0.1.0"
mkdir "$T/bead-0.1.0"
if git -C "$SRC" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
        tar --null --no-recursion --ignore-failed-read -T - -cf - 2>/dev/null) |
        tar -C "$T/bead-0.1.0" -xf -
else
    tar -C "$SRC" --exclude='./build*' --exclude=./out --exclude=./.git -cf - . | tar -C "$T/bead-0.1.0" -xf -
fi
[ -f "$T/bead-0.1.0/debian/control" ] || { echo "FAIL: the copy has no debian/control"; exit 1; }

say "dpkg-buildpackage -us -uc -b (nocheck)"
t0=$SECONDS
if ! (cd "$T/bead-0.1.0" && DEB_BUILD_OPTIONS="nocheck parallel=${JOBS:-2}" \
        dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1; then
    echo "FAIL: dpkg-buildpackage"; tail -60 "$T/build.log"; exit 1
fi
echo "built in $((SECONDS - t0))s:"
(cd "$T" && ls -1 ./*.deb) || exit 1
for p in "${PACKAGES[@]}"; do
    ls "$T/${p}_"*.deb >/dev/null 2>&1 || { echo "FAIL: no $p package"; exit 1; }
done
for p in "${PACKAGES[@]}"; do
    echo "== $p"; dpkg-deb -c "$T/${p}_"*.deb | awk '{print "   " $6}' | grep -v '/$' | grep -v '/usr/share/doc/'
done

say "lintian"
t0=$SECONDS
lintian --fail-on error --display-info "$T"/*.changes >"$T/lintian.log" 2>&1
lrc=$?
cat "$T/lintian.log"
echo "lintian: exit $lrc, $(grep -c '^E:' "$T/lintian.log") error(s), $(grep -c '^W:' "$T/lintian.log") warning(s), $(grep -c '^I:' "$T/lintian.log") info(s), in $((SECONDS - t0))s"
[ $lrc = 0 ] || { echo "FAIL: lintian found errors"; exit 1; }

say "apt-get install"
debs=()
for p in "${PACKAGES[@]}"; do debs+=("$T/${p}_"*.deb); done   # not the -dbgsym ones
installed=1
if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${debs[@]}" </dev/null >"$T/install.log" 2>&1; then
    echo "FAIL: apt-get install"; tail -30 "$T/install.log"; exit 1
fi

fail=0
mkdir "$T/elsewhere"
cd "$T/elsewhere" || exit 1
say "the installed program"
CORPUS=$SRC/corpora/news-dprk-cyber
command -v bead
[ "$(command -v bead)" = /usr/bin/bead ] || { echo "FAIL: bead is not /usr/bin/bead"; fail=1; }
if /usr/bin/bead align -L bg,de "$CORPUS/bg.aljazeera.txt" "$CORPUS/de.aljazeera.txt" \
        >"$T/installed.tsv" 2>"$T/installed.err"; then
    echo "bead align: $(wc -l <"$T/installed.tsv") pairs"
    if [ -n "$REF" ] && [ ! -x "$REF" ]; then
        echo "note: $REF is not there (did its build fail?): no comparison"
    elif [ -n "$REF" ]; then
        "$REF" align -L bg,de "$CORPUS/bg.aljazeera.txt" "$CORPUS/de.aljazeera.txt" >"$T/ref.tsv" 2>/dev/null
        if cmp -s "$T/ref.tsv" "$T/installed.tsv"; then
            echo "ok: same output as $REF"
        else
            echo "FAIL: /usr/bin/bead and $REF differ:"; diff "$T/ref.tsv" "$T/installed.tsv" | head -20
            fail=1
        fi
    fi
else
    echo "FAIL: /usr/bin/bead align"; cat "$T/installed.err"; fail=1
fi
[ -e /usr/share/man/man1/bead.1.gz ] || { echo "FAIL: no bead(1) man page"; fail=1; }

say "the installed Python module"
# The issue's line, then the same check on a text of several sentences:
# the module's sentences are the installed program's, line for line.
env -u PYTHONPATH /usr/bin/python3 -c "import bead; print(bead.segment('A b. C d.', 'en'))" ||
    { echo "FAIL: import bead from python3-bead"; fail=1; }
text='The meeting starts at 9 a.m. in Berlin. Mr. Smith speaks first. Questions follow.'
py=$(env -u PYTHONPATH /usr/bin/python3 -c "import bead, sys; print('\n'.join(bead.segment(sys.argv[1], 'en')))" "$text" 2>&1)
cli=$(printf '%s\n' "$text" | /usr/bin/bead segment -l en -)
if [ "$py" = "$cli" ] && [ "$(wc -l <<<"$py")" = 3 ]; then
    echo "ok: bead.segment gives bead segment's 3 sentences"
else
    echo "FAIL: bead.segment and bead segment differ:"; echo "$py"; echo "--"; echo "$cli"; fail=1
fi
if env -u PYTHONPATH /usr/bin/python3 -c "
import bead, sys
texts = [open(p, encoding='utf-8', newline='').read() for p in sys.argv[1:]]
sys.stdout.write(bead.align(texts, 'bg,de').to_tsv())" \
        "$CORPUS/bg.aljazeera.txt" "$CORPUS/de.aljazeera.txt" >"$T/python.tsv" &&
        cmp -s "$T/python.tsv" "$T/installed.tsv"; then
    echo "ok: bead.align gives bead align's $(wc -l <"$T/python.tsv") pairs"
else
    echo "FAIL: bead.align and bead align differ"; diff "$T/installed.tsv" "$T/python.tsv" | head; fail=1
fi
where=$(env -u PYTHONPATH /usr/bin/python3 -c "import bead; print(bead.__file__)")
case $where in
/usr/lib/python3/dist-packages/bead/*) echo "ok: $where" ;;
*) echo "FAIL: bead imported from $where, not /usr/lib/python3/dist-packages"; fail=1 ;;
esac

say "the installed library: cc demo.c \$(pkg-config --cflags --libs bead)"
if cc -std=c11 -Wall -Wextra -Werror -o demo "$SRC/tests/install/demo.c" \
        $(pkg-config --cflags --libs bead) && ./demo >demo.out &&
        diff -u "$SRC/tests/install/demo.expected" demo.out; then
    echo "ok: shared, $(ldd ./demo | awk '$1 == "libbead.so.0" {print $3}')"
else
    echo "FAIL: demo.c against libbead-dev (shared)"; fail=1
fi
static=$(pkg-config --static --cflags --libs bead | sed 's/\(^\| \)-lbead\( \|$\)/\1-Wl,-Bstatic -lbead -Wl,-Bdynamic\2/')
if cc -std=c11 -o demo_static "$SRC/tests/install/demo.c" $static && ./demo_static >static.out &&
        diff -u "$SRC/tests/install/demo.expected" static.out && ! ldd ./demo_static | grep -q libbead; then
    echo "ok: static"
else
    echo "FAIL: demo.c against libbead-dev (static)"; fail=1
fi
exit $fail
