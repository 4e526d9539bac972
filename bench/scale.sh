#!/usr/bin/env bash
# How cost grows with file count: ours and wixl side by side on the same generated sources (one component per small
# file, so per-file costs dominate, not compression). On demand only (not in CI).
#
#   bench/scale.sh [--ours-only] [COUNT...]   default: 2000 20000; add 100000 for the opt-in large run
#
# --ours-only skips wixl (its cost grows quadratically: 100,000 files take it hours) to measure our growth alone.
#
# For each count: `sspr build` (and wixl), then on our package `sspr inspect --table File --files` (every row of the
# File table and where each file installs), `sspr extract`, `sspr validate` and
# `sspr diff` (against wixl's package of the same source, or with --ours-only against itself). Prints wall time and
# peak RSS per tool and count, the ours/wixl ratio, and the growth factor between consecutive counts: 10x the files
# should cost about 10x, not 100x. **Fails (exit 1) when any of our commands grows faster than 1.2x the file count**
# (issue #11: time(100,000 files) / time(10,000 files) <= 12). Needs python3, wixl, GNU time. Output under
# bench/out/scale. One run per count: run it three times for medians (the README's figures are medians of three, with
# `uptime`). Each timed run's inputs are read into the page cache first (this machine kind drops them within minutes).
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

measure() { # LABEL COMMAND... -> "seconds rss_mb" (sspr diff exits 1 when the packages differ: that is its answer)
  local log=$OUT/time.txt label=$1 rc=0; shift
  /usr/bin/time -f "%e %M" -o "$log" "$@" >"$OUT/out.txt" 2>"$OUT/err.txt" || rc=$?
  if [ $rc -ne 0 ] && ! { [ "$label" = diff ] && [ $rc -eq 1 ]; }; then
    echo "FAILED ($rc): $*" >&2; tail -5 "$OUT/err.txt" >&2; echo "nan nan"; return
  fi
  tail -n 1 "$log" | awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' # (GNU time first notes a non-zero exit)
}

warm() { # FILE-OR-FOLDER...: into the page cache
  find "$@" -type f -print0 | xargs -0 cat > /dev/null
}

growth_failed=""
grow() { # LABEL N PREV_N SECONDS PREV_SECONDS: appends " label xG" to $g; notes a failure when G > 1.2 N / PREV_N
  local r rc=0
  r=$(awk -v l="$1" -v n="$2" -v pn="$3" -v t="$4" -v pt="$5" 'BEGIN {
    if (t == "nan" || pt == "nan" || pt == 0) { printf " %s -", l; exit }
    x = t / pt; printf " %s x%.1f", l, x; if (x > 1.2 * n / pn) { printf " (over)"; exit 1 } }') || rc=$?
  g="$g$r"
  [ $rc -eq 0 ] || growth_failed="$growth_failed $1@$2"
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
TOOLS=(inspect extract validate diff)
# Extraction goes to a tmpfs (/dev/shm) when there is one, EXTRACT_DIR to choose: on ext4, creating files right after
# many were deleted (the last extraction's, or the last run's) slows down with the number deleted (ext4_create scans
# for recently deleted inodes: perf showed 10,000 files taking 3.9 s where the same extraction took 0.5 s before),
# which would measure the file system's history rather than the extractor (msiextract: 25 s for 100,000 files then).
XROOT=${EXTRACT_DIR:-}
if [ -z "$XROOT" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then XROOT=$(mktemp -d /dev/shm/sspr-scale.XXXXXX); trap 'rm -rf "$XROOT"' EXIT; fi
declare -A prev_tool
for n in "${COUNTS[@]}"; do
  generate "$n"
  cd "$OUT/n$n"
  rm -f ours.msi wixl.msi
  warm files scale.wxs
  read -r os om < <(measure build java $JAVA_OPTS "${ARCHIVE[@]}" -jar "$SSPR_JAR" build scale.wxs -o ours.msi)
  if [ $OURS_ONLY = 1 ]; then ws=nan wm=nan; else warm files scale.wxs; read -r ws wm < <(measure wixl wixl -o wixl.msi scale.wxs); fi
  if [ "$ws" = nan ]; then ratio=-; else ratio=$(awk -v a="$os" -v b="$ws" 'BEGIN { printf "%.2f", a / b }'); fi
  printf "%8s %10s %8s %10s %8s %8s\n" "$n" "$os" "$om" "$ws" "$wm" "$ratio"
  # the package's readers, on what was just built
  other=ours.msi; [ -f wixl.msi ] && other=wixl.msi
  line="         "
  declare -A tool
  for t in "${TOOLS[@]}"; do
    xdir=${XROOT:-$OUT/n$n}/extracted
    rm -rf "$xdir"
    case $t in
      inspect) args=(inspect ours.msi --table File --files) ;; # every File row and where each file installs
      extract) args=(extract ours.msi -o "$xdir") ;;
      validate) args=(validate ours.msi) ;;
      diff) args=(diff ours.msi "$other") ;;
    esac
    if [ -f ours.msi ]; then
      warm ours.msi "$other"
      read -r ts tm < <(measure "$t" java $JAVA_OPTS "${ARCHIVE[@]}" -jar "$SSPR_JAR" "${args[@]}")
    else ts=nan tm=nan; fi
    tool[$t]=$ts
    line="$line $t ${ts} s ${tm} MB,"
  done
  rm -rf "$xdir"
  echo "${line%,}"
  if [ -n "$prev_n" ]; then
    g=""
    grow build "$n" "$prev_n" "$os" "$prev_ours"
    for t in "${TOOLS[@]}"; do g="$g,"; grow "$t" "$n" "$prev_n" "${tool[$t]}" "${prev_tool[$t]}"; done
    if [ "$ws" = nan ]; then w=""; else w=$(awk -v w="$ws" -v pw="$prev_wixl" 'BEGIN { printf "; wixl x%.1f", w / pw }'); fi
    awk -v n="$n" -v pn="$prev_n" -v g="$g" -v w="$w" 'BEGIN { printf "   growth x%.0f files (limit x%.1f): ours%s%s\n", n / pn, 1.2 * n / pn, g, w }'
  fi
  prev_n=$n; prev_ours=$os; prev_wixl=$ws
  for t in "${TOOLS[@]}"; do prev_tool[$t]=${tool[$t]}; done
done
if [ -n "$growth_failed" ]; then
  echo "FAILED: cost grew faster than the file count (more than 1.2x it) for:$growth_failed" >&2
  exit 1
fi
