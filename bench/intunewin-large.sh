#!/usr/bin/env bash
# .intunewin at scale: `sspr intunewin pack` of sparse setup files of 1 GiB and 5 GiB, wall time and peak RSS (GNU time),
# then `sspr intunewin unpack` of the 5 GiB package. On demand only (not in CI): about 20 GB of disk, minutes.
#
#   bench/intunewin-large.sh [SIZES_GIB...]     (default: 1 5)
#
# --level 0 (stored) makes the inner package, the encrypted file and the outer archive as large as the input, so the
# 5 GiB case needs Zip64 everywhere; --level 1 (the default, like Microsoft's tool) is timed on the largest size too.
# Memory must stay flat: the peak RSS of the 5 GiB run should match the 1 GiB run's.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/bench/out/intunewin}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1 5)
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xmx256m"}
JAR=$ROOT/installer-src/cli/target/sspr.jar
if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  (cd "$ROOT" && mvn -B -q -o package -pl installer-src/cli -am -DskipTests)
fi
mkdir -p "$OUT"
rm -rf "$OUT"/*

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" > /dev/null
  read -r secs kb < "$OUT/time.txt"
  printf '%-34s %8.1f s %8d MB peak RSS\n' "$label" "$secs" $((kb / 1024))
}

for g in "${SIZES[@]}"; do
  src="$OUT/src-$g"; mkdir -p "$src"
  truncate -s "${g}G" "$src/setup.exe"   # sparse
  measure "pack ${g} GiB, level 0 (stored)" java $JAVA_OPTS -jar "$JAR" intunewin pack --setup "$src/setup.exe" --level 0 -o "$OUT/p-$g.intunewin"
  ls -l "$OUT/p-$g.intunewin" | awk '{printf "%-34s %14.0f bytes\n", "  output", $5}'
  last=$g
done
measure "pack ${last} GiB, level 1 (default)" java $JAVA_OPTS -jar "$JAR" intunewin pack --setup "$OUT/src-$last/setup.exe" -o "$OUT/d-$last.intunewin"
ls -l "$OUT/d-$last.intunewin" | awk '{printf "%-34s %14.0f bytes\n", "  output", $5}'
rm -f "$OUT/d-$last.intunewin"
measure "unpack ${last} GiB (verify, decrypt, extract)" java $JAVA_OPTS -jar "$JAR" intunewin unpack "$OUT/p-$last.intunewin" -o "$OUT/unpacked"
cmp -n $((last * 1024 * 1024 * 1024)) "$OUT/unpacked/setup.exe" "$OUT/src-$last/setup.exe" && echo "  unpacked file identical"
rm -rf "$OUT"/*
