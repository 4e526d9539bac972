#!/usr/bin/env bash
# A/B: two or more builds of the jar alternating on the same case, medians of wall time and user+sys CPU, plus the
# number of garbage collections of the last run of each. On demand only (not in CI). The rebuild case first fills
# each jar's cache with one untimed build.
#
#   bench/ab.sh [-n ROUNDS] [--case build|miss|rebuild|scale] JAR...
#
# Cases: build = cold build of bench/out/payload.wxs (make it with bench/run.sh first); miss = the same with an empty
# --cab-cache each time; rebuild = a warm --cab-cache rebuild; scale = bench/out/scale/n$SIZE/scale.wxs (SIZE=20000,
# made by bench/scale.sh). Runs with the launcher's JVM flags (JAVA_OPTS to change them). Alternating runs are the
# fair comparison on a shared machine: a jar's medians drift with the load, the difference between jars much less.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
ROUNDS=5 CASE=build
while [ $# -gt 0 ]; do
  case "$1" in
    -n) ROUNDS=$2; shift 2 ;;
    --case) CASE=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || { echo "usage: bench/ab.sh [-n ROUNDS] [--case build|miss|rebuild|scale] JAR JAR..." >&2; exit 2; }
# bin/sspr asks for transparent huge pages where Linux gives them on request ("madvise" mode); so does the bench
THP=$(grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled && echo -XX:+UseTransparentHugePages || true)
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -Dssprkit.launcher=bench -XX:-UsePerfData $THP"}
command -v /usr/bin/time >/dev/null || { echo "GNU time missing: apt-get install time" >&2; exit 1; }
case "$CASE" in
  build|miss|rebuild) SRC=$OUT/payload.wxs; PLATFORM="-a x64" ;;
  scale) SRC=$OUT/scale/n${SIZE:-20000}/scale.wxs; PLATFORM="" ;;
  *) echo "unknown case $CASE" >&2; exit 2 ;;
esac
[ -f "$SRC" ] || { echo "$SRC is missing: run bench/run.sh (or bench/scale.sh) once first" >&2; exit 1; }
JARS=(); for j in "$@"; do [ -f "$j" ] || { echo "$j: no such jar" >&2; exit 2; }; JARS+=("$(cd "$(dirname "$j")" && pwd)/$(basename "$j")"); done
set -- "${JARS[@]}" # (absolute: the runs start in the source's folder)
cd "$(dirname "$SRC")"
declare -A WALL CPU GCS
# the inputs each run reads, into the page cache before it (this machine kind drops files from it within minutes)
INPUTS=("$SRC"); case "$CASE" in scale) INPUTS+=("$(dirname "$SRC")/files") ;; *) INPUTS+=("$OUT/payload") ;; esac
warm() { find "${INPUTS[@]}" "$@" -type f -print0 | xargs -0 cat > /dev/null; }
if [ "$CASE" = rebuild ]; then # one untimed build per jar fills its cache
  for jar in "$@"; do
    java $JAVA_OPTS -jar "$jar" build $PLATFORM --cab-cache "$OUT/ab-cache-$(basename "$jar")" -o "$OUT/ab.msi" "$SRC" >"$OUT/ab.log" 2>&1 \
      || { cat "$OUT/ab.log" >&2; exit 1; }
  done
fi
for _ in $(seq "$ROUNDS"); do
  for jar in "$@"; do
    extra=()
    case "$CASE" in
      miss) rm -rf "$OUT/ab-cache"; extra=(--cab-cache "$OUT/ab-cache") ;;
      rebuild) extra=(--cab-cache "$OUT/ab-cache-$(basename "$jar")") ;;
    esac
    if [ "$CASE" = rebuild ]; then warm "$OUT/ab-cache-$(basename "$jar")"; else warm; fi
    /usr/bin/time -f '%e %U %S' -o "$OUT/ab.time" java $JAVA_OPTS -Xlog:gc:file="$OUT/ab.gc" -jar "$jar" build $PLATFORM \
      "${extra[@]}" -o "$OUT/ab.msi" "$SRC" >"$OUT/ab.log" 2>&1 || { cat "$OUT/ab.log" >&2; exit 1; }
    read -r e u s < "$OUT/ab.time"
    WALL[$jar]="${WALL[$jar]:-} $e"
    CPU[$jar]="${CPU[$jar]:-} $(echo "$u + $s" | bc)"
    GCS[$jar]=$(grep -c 'Pause' "$OUT/ab.gc" || true)
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for jar in "$@"; do
  printf '%-40s wall %5s s  cpu %5s s  gcs %3s   (walls:%s)\n' "$(basename "$jar")" "$(echo "${WALL[$jar]}" | median)" \
    "$(echo "${CPU[$jar]}" | median)" "${GCS[$jar]}" "${WALL[$jar]}"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
