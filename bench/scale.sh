#!/usr/bin/env bash
# How build cost grows with file count: ours and wixl side by side on the same generated sources (one component per
# small file, so per-file costs dominate, not compression). On demand only (not in CI).
#
#   bench/scale.sh [--ours-only] [COUNT...]   default: 2000 20000; add 100000 for the opt-in large run
#
# --ours-only skips wixl (its cost grows quadratically: 100,000 files take it hours) to measure our growth alone.
#
# Prints wall time and peak RSS per tool and count, the ours/wixl ratio, and the growth factor between consecutive
# counts (10x the files should cost about 10x, not 100x). Needs python3, wixl, GNU time. Output under bench/out/scale.
# One run per count: run it three times for medians (the README's figures are medians of three, with `uptime`).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out/scale
OURS_ONLY=0
if [ "${1:-}" = --ours-only ]; then OURS_ONLY=1; shift; fi
COUNTS=("$@"); [ ${#COUNTS[@]} -eq 0 ] && COUNTS=(2000 20000)
SSPR_JAR=${SSPR_JAR:-$ROOT/installer-src/cli/target/sspr.jar} # another build of the jar, e.g. the one before a change
# the flags bin/sspr passes (collector, compiler level, heap sizing; no cap), so the figures are what users get
# bin/sspr asks for transparent huge pages where Linux gives them on request ("madvise" mode); so does the bench
THP=$(grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled && echo -XX:+UseTransparentHugePages || true)
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -Dssprkit.launcher=bench -XX:-UsePerfData $THP"}
# and the class-data archive the launcher makes at a user's first build (ClassDataArchive): here one per jar, made by
# an untimed build of the first count's source (CDS=off measures without; the README's figures say which)
CDS=${CDS:-on}
command -v /usr/bin/time >/dev/null || { echo "GNU time missing: apt-get install time" >&2; exit 1; }
command -v wixl >/dev/null || { echo "wixl missing: apt-get install wixl" >&2; exit 1; }
[ -f "$SSPR_JAR" ] || (cd "$ROOT" && mvn -B -q -o package -DskipTests -pl installer-src/cli -am >&2)
mkdir -p "$OUT"

generate() { # COUNT: DIR/files/dNNNN/fNNNNNN.txt (100 files per folder) and DIR/scale.wxs (WiX v3, relative sources)
  local n=$1 dir=$OUT/n$1
  [ -f "$dir/scale.wxs" ] && return
  python3 "$ROOT/bench/many-files.py" scale "$n" "$dir"
}

measure() { # LABEL COMMAND... -> "seconds rss_mb"
  local log=$OUT/time.txt; shift
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$OUT/err.txt" || { echo "FAILED: $*" >&2; tail -5 "$OUT/err.txt" >&2; echo "nan nan"; return; }
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$log"
}

printf "%8s %10s %8s %10s %8s %8s\n" files ours_s ours_MB wixl_s wixl_MB ratio
prev_ours=""; prev_wixl=""; prev_n=""
ARCHIVE=()
if [ "$CDS" != off ]; then
  jsa=$OUT/sspr-$(stat -c '%s-%Y' "$SSPR_JAR")-$(echo "$SSPR_JAR" | md5sum | cut -c1-8).jsa
  if [ ! -f "$jsa" ]; then
    generate "${COUNTS[0]}"
    (cd "$OUT/n${COUNTS[0]}" && java $JAVA_OPTS -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds*=off -jar "$SSPR_JAR" build scale.wxs -o cds-training.msi) >/dev/null 2>&1 || rm -f "$jsa"
    rm -f "$OUT/n${COUNTS[0]}/cds-training.msi"
  fi
  [ -f "$jsa" ] && ARCHIVE=(-XX:SharedArchiveFile="$jsa" -Xlog:cds*=off)
fi
for n in "${COUNTS[@]}"; do
  generate "$n"
  cd "$OUT/n$n"
  read -r os om < <(measure ours java $JAVA_OPTS "${ARCHIVE[@]}" -jar "$SSPR_JAR" build scale.wxs -o ours.msi)
  if [ $OURS_ONLY = 1 ]; then ws=nan wm=nan; else read -r ws wm < <(measure wixl wixl -o wixl.msi scale.wxs); fi
  if [ "$ws" = nan ]; then ratio=-; else ratio=$(awk -v a="$os" -v b="$ws" 'BEGIN { printf "%.2f", a / b }'); fi
  printf "%8s %10s %8s %10s %8s %8s\n" "$n" "$os" "$om" "$ws" "$wm" "$ratio"
  if [ -n "$prev_n" ]; then
    awk -v n="$n" -v pn="$prev_n" -v o="$os" -v po="$prev_ours" -v w="$ws" -v pw="$prev_wixl" \
      'BEGIN { if (w == "nan") printf "   growth x%.0f files: ours x%.1f\n", n / pn, o / po; else printf "   growth x%.0f files: ours x%.1f, wixl x%.1f\n", n / pn, o / po, w / pw }'
  fi
  prev_n=$n; prev_ours=$os; prev_wixl=$ws
done
