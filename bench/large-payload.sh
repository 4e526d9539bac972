#!/usr/bin/env bash
# Issue #11's "100,000 files and 3 GB of payload in bounded memory": builds a generated package of COUNT files
# (default 100,000) of 1-60 KiB each (3.12 GB for 100,000; a quarter of them random bytes, the rest text that
# compresses), one component per file, split into cabinets by a MediaTemplate; prints the build's wall time and peak
# RSS, then extracts the package with msiextract (not ours) and compares every extracted file with its source, byte
# for byte. On demand only (not in CI): the payload takes 3 GB of disk under bench/out/large and a few minutes to make.
#
#   bench/large-payload.sh [COUNT]
#
# Runs the jar with the flags bin/sspr passes (as bench/scale.sh), no heap cap: the figure is what a user gets.
# SSPR_JAR picks another build of the jar; JAVA_OPTS replaces the flags. Needs python3, msiextract, GNU time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${1:-100000}
OUT=$ROOT/bench/out/large/n$COUNT
SSPR_JAR=${SSPR_JAR:-$ROOT/installer-src/cli/target/sspr.jar}
THP=$(grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled && echo -XX:+UseTransparentHugePages || true)
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -Dssprkit.launcher=bench -XX:-UsePerfData $THP"}
command -v /usr/bin/time >/dev/null || { echo "GNU time missing: apt-get install time" >&2; exit 1; }
command -v msiextract >/dev/null || { echo "msiextract missing: apt-get install msitools" >&2; exit 1; }
[ -f "$SSPR_JAR" ] || (cd "$ROOT" && mvn -B -q -o package -DskipTests -pl installer-src/cli -am >&2)
mkdir -p "$OUT"

if [ ! -f "$OUT/large.wxs" ]; then
  echo "generating $COUNT files under $OUT/files (once)" >&2
  python3 "$ROOT/bench/many-files.py" large "$COUNT" "$OUT"
fi

cd "$OUT"
payload=$(du -sb files | cut -f1)
rm -f large.msi
# no reading of the payload into the page cache first: 3 GB may not fit beside the build, and the figure here is memory
/usr/bin/time -f "%e %M" -o time.txt java $JAVA_OPTS -jar "$SSPR_JAR" build large.wxs -o large.msi >build.out 2>&1 \
  || { echo "build FAILED" >&2; tail -20 build.out >&2; exit 1; }
read -r secs kb < time.txt
awk -v n="$COUNT" -v p="$payload" -v s="$secs" -v kb="$kb" -v m="$(stat -c %s large.msi)" 'BEGIN {
  printf "files %d, payload %.2f GB: build %s s, peak RSS %.0f MB (KiB/1024), package %.0f MB\n", n, p / 1e9, s, kb / 1024, m / 1048576 }'

rm -rf extracted && mkdir extracted
msiextract -C extracted large.msi >/dev/null
python3 - "$OUT/files" "$OUT/extracted" <<'PY'
import filecmp, os, sys
src, ext = sys.argv[1], sys.argv[2]
roots = [os.path.join(dp) for dp, dn, fn in os.walk(ext) if os.path.basename(dp) == "Large"]
if len(roots) != 1:
    sys.exit(f"msiextract: expected one 'Large' folder, found {roots}")
same = differ = missing = 0
for d in sorted(os.listdir(src)):
    for f in sorted(os.listdir(os.path.join(src, d))):
        a, b = os.path.join(src, d, f), os.path.join(roots[0], d, f)
        if not os.path.exists(b):
            missing += 1
        elif filecmp.cmp(a, b, shallow=False):
            same += 1
        else:
            differ += 1
extra = sum(len(fn) for _, _, fn in os.walk(roots[0])) - same - differ
print(f"msiextract: {same} files byte-identical, {differ} differ, {missing} missing, {extra} extra")
sys.exit(0 if differ == missing == extra == 0 else 1)
PY
rm -rf extracted
