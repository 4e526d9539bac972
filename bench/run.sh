#!/usr/bin/env bash
# Build benchmark: ours against wixl on the same .wxs, run alternately, medians and ratios.
# On demand only (not in CI).
#
#   bench/run.sh [-n RUNS] [--no-double] [--no-extract] [--no-small] [--no-lzx] [--no-rebuild] [--tree DIR]
#
# --tree DIR adds a cold build of every file under DIR (one component per file, its folders mirrored; see
# bench/many-files.py), for real files next to the synthetic payload: e.g. Wine's PE libraries
# (/usr/lib/x86_64-linux-gnu/wine/x86_64-windows) or a JDK's lib folder.
#
# Needs: python3, wixl, msiextract, GNU time (/usr/bin/time; apt-get install time), a JDK 17 and Maven.
# Writes everything under bench/out (git-ignored). Environment overrides: RUNS, JAVA_OPTS, OURS_CMD, OURS_EXTRACT, REBUILD.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
MAKE_PAYLOAD=${MAKE_PAYLOAD:-$ROOT/../shared/bench/make-payload.py}
RUNS=${RUNS:-3}
DOUBLE=1 EXTRACT=1 SMALL=1 LZX=1 REBUILD_CASE=1 TREE=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS=$2; shift ;;
    --no-double) DOUBLE=0 ;;
    --no-extract) EXTRACT=0 ;;
    --no-small) SMALL=0 ;;
    --no-lzx) LZX=0 ;;
    --no-rebuild) REBUILD_CASE=0 ;;
    --tree) TREE=$(cd "$2" && pwd); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

# JVM flags: the ones the sspr launcher passes (installer-src/cli/bin/sspr: the serial collector, C1 only, the heap
# starting small and growing with what the build holds, no cap), and the class-data-sharing archive it would make
# (here one per jar under bench/out/*.jsa, see below). -Dssprkit.launcher keeps the jar from restarting itself.
# bin/sspr asks for transparent huge pages where Linux gives them on request ("madvise" mode); so does the bench
THP=$(grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled && echo -XX:+UseTransparentHugePages || true)
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -Dssprkit.launcher=bench -Xss512k -XX:-UsePerfData $THP"}

# What builds ours: `sspr build` of the CLI jar. The one line to change to compare the PackageBuilder stand-in
# (bench/src, no WiX compiler in the loop) instead:
#   OURS_CMD="-jar $ROOT/bench/target/bench-build.jar"
OURS_CMD=${OURS_CMD:-"-jar $ROOT/installer-src/cli/target/sspr.jar build"}
# LZX (issue #15): the PackageBuilder stand-in with WiX's CompressionLevel (sspr build --compression is not wired
# into the compiler yet), and JVM flags with C2 on and a larger heap: the LZX coders are Java, not zlib's native code.
LZX_LEVEL=${LZX_LEVEL:-medium}
LZX_JAVA_OPTS=${LZX_JAVA_OPTS:-"-XX:+UseSerialGC -Xmx256m -Xss512k -XX:-UsePerfData"}
LZX_CMD=${LZX_CMD:-"-jar $ROOT/bench/target/bench-build.jar -z $LZX_LEVEL"}
# What extracts ours (java and its flags are added below, with its own class-data-sharing archive)
OURS_EXTRACT=${OURS_EXTRACT:-"-jar $ROOT/installer-src/cli/target/sspr.jar extract"}

command -v /usr/bin/time >/dev/null || { echo "GNU time missing: apt-get install time" >&2; exit 1; }
command -v wixl >/dev/null || { echo "wixl missing: apt-get install wixl" >&2; exit 1; }

mkdir -p "$OUT"
cd "$ROOT"
# (the PackageBuilder stand-in, bench-build.jar, is only needed for the LZX cases or when OURS_CMD names it)
NEED_BENCH_JAR=0
if [ "$LZX" = 1 ] || case "$OURS_CMD" in *bench-build.jar*) true ;; *) false ;; esac; then NEED_BENCH_JAR=1; fi
if { [ "$NEED_BENCH_JAR" = 1 ] && [ ! -f bench/target/bench-build.jar ]; } || [ ! -f installer-src/cli/target/sspr.jar ] || [ -n "${REBUILD:-}" ]; then
  echo "building jars..." >&2
  mvn -B -q -o install -DskipTests -pl installer-src/testkit,installer-src/cab,installer-src/msi,installer-src/builder >&2
  mvn -B -q -o package -DskipTests -pl installer-src/cli -am >&2 || echo "warning: the CLI jar did not build; extract timing uses the last one" >&2
  mvn -B -q -o -f bench/pom.xml package >&2
  rm -f "$OUT"/*.jsa
fi

payload() { # NAME [make-payload options...]
  local name=$1; shift
  if [ ! -f "$OUT/$name.wxs" ]; then
    echo "generating $name..." >&2
    (cd "$OUT" && python3 "$MAKE_PAYLOAD" "$name" "$@" >&2) # relative Source paths: wixl refuses absolute ones
  fi
}
payload payload
[ "$DOUBLE" = 1 ] && payload payload2x --files-per-dir 200
payload small --dirs 1 --files-per-dir 5 # also the class-data-sharing training run
[ -n "$TREE" ] && (cd "$OUT" && python3 "$ROOT/bench/many-files.py" tree "$TREE" tree)

# Application class-data sharing: an archive of the classes a build loads, made once by a training run on the small
# payload, cuts JVM start-up for small builds. (JDK 17: -XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile.)
# An archive is only valid for the jar it was made from (the JVM silently ignores it otherwise, which then costs more
# start-up than no archive at all), so its name carries the jar's size and time stamp as well as the command.
jar_stamp() { local j; for j in $*; do case "$j" in *.jar) stat -c '%s-%Y' "$j" 2>/dev/null ;; esac; done; }
JSA=$OUT/ours-$(echo "$OURS_CMD $(jar_stamp $OURS_CMD)" | md5sum | cut -c1-8).jsa
if [ ! -f "$JSA" ]; then
  (cd "$OUT" && java -XX:ArchiveClassesAtExit="$JSA" $JAVA_OPTS $OURS_CMD -a x64 -o "$OUT/cds-training.msi" "$OUT/small.wxs") >/dev/null 2>&1 || rm -f "$JSA"
  rm -f "$OUT/cds-training.msi"
fi
CDS=""
[ -f "$JSA" ] && CDS="-XX:SharedArchiveFile=$JSA"
# The same for extract, trained by extracting the small package (built above if need be).
JSA_X=$OUT/ours-x-$(echo "$OURS_EXTRACT $(jar_stamp $OURS_EXTRACT)" | md5sum | cut -c1-8).jsa
if [ ! -f "$JSA_X" ]; then
  (cd "$OUT" && { [ -f wixl-small.msi ] || wixl -a x64 -o wixl-small.msi small.wxs; } \
    && java -XX:ArchiveClassesAtExit="$JSA_X" $JAVA_OPTS $OURS_EXTRACT wixl-small.msi -o "$OUT/cds-training") >/dev/null 2>&1 || rm -f "$JSA_X"
  rm -rf "$OUT/cds-training"
fi
CDS_X=""
[ -f "$JSA_X" ] && CDS_X="-XX:SharedArchiveFile=$JSA_X"

RESULTS=$OUT/results.tsv
: > "$RESULTS"

timed() { # LABEL TOOL CASE OUTPUT-FILE COMMAND...
  local tool=$1 case=$2 product=$3; shift 3
  rm -rf "$product"
  /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$@" >"$OUT/last.log" 2>&1 || { cat "$OUT/last.log" >&2; echo "$tool failed" >&2; exit 1; }
  local size=0
  if [ -f "$product" ]; then size=$(stat -c %s "$product"); elif [ -d "$product" ]; then size=$(du -sb "$product" | cut -f1); fi
  read -r wall rss < "$OUT/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\n' "$case" "$tool" "$wall" "$size" "$rss" >> "$RESULTS"
  printf '  %-8s %-10s %6ss %12s bytes %8s KB\n' "$case" "$tool" "$wall" "$size" "$rss" >&2
}

# Reads the inputs into the page cache before each timed run: this machine kind drops files from it within minutes (a
# DAMON reclaimer), and a run that reads its input from disk measures the disk (whichever tool runs first pays).
warm() { # FILE-OR-FOLDER... (the tree case's payload is a symbolic link: followed)
  find -H "$@" -type f -print0 | xargs -0 cat > /dev/null
}

build_case() { # CASE PAYLOAD [OPTION...]: options for ours only
  local case=$1 p=$2; shift 2
  for i in $(seq "$RUNS"); do
    warm "$OUT/$p" "$OUT/$p.wxs"
    timed wixl "$case" "$OUT/wixl-$case.msi" wixl -a x64 -o "$OUT/wixl-$case.msi" "$OUT/$p.wxs"
    warm "$OUT/$p" "$OUT/$p.wxs"
    timed ours "$case" "$OUT/ours-$case.msi" java $CDS $JAVA_OPTS $OURS_CMD -a x64 "$@" -o "$OUT/ours-$case.msi" "$OUT/$p.wxs"
  done
}

cd "$OUT" # Source paths in a .wxs are relative to where the compiler runs
echo "build, $RUNS runs each, alternating:" >&2
build_case build payload
[ "$DOUBLE" = 1 ] && build_case build2x payload2x
[ "$SMALL" = 1 ] && build_case small small
# ours reads payload only under the source's folder unless told (the tree is a link to a folder elsewhere)
[ -n "$TREE" ] && build_case tree tree --allow-path "$TREE"

# Rebuild with the payload unchanged: `sspr build --cab-cache` with a warm cache (cabinet and file-hash index, primed by
# one untimed build), against wixl's full build of the same source (wixl has no cache). The payload's time stamps are
# older than the cache's "racily clean" window, so every file is trusted by size and time stamp and none is read.
if [ "$REBUILD_CASE" = 1 ]; then
  rm -rf "$OUT/cab-cache"
  java $CDS $JAVA_OPTS $OURS_CMD -a x64 --cab-cache "$OUT/cab-cache" -o "$OUT/ours-rebuild.msi" "$OUT/payload.wxs" >/dev/null 2>&1
  for i in $(seq "$RUNS"); do
    warm "$OUT/payload" "$OUT/payload.wxs"
    timed wixl rebuild "$OUT/wixl-rebuild.msi" wixl -a x64 -o "$OUT/wixl-rebuild.msi" "$OUT/payload.wxs"
    warm "$OUT/payload.wxs" "$OUT/cab-cache"
    timed ours rebuild "$OUT/ours-rebuild.msi" java $CDS $JAVA_OPTS $OURS_CMD -a x64 --cab-cache "$OUT/cab-cache" -o "$OUT/ours-rebuild.msi" "$OUT/payload.wxs"
  done
  cmp -s "$OUT/ours-rebuild.msi" "$OUT/ours-build.msi" || [ -z "${SOURCE_DATE_EPOCH:-}" ] \
    || { echo "rebuild from the cache differs from the cold build" >&2; exit 1; }
fi

if [ "$LZX" = 1 ]; then
  echo "LZX ($LZX_LEVEL), $RUNS runs each, alternating:" >&2
  for i in $(seq "$RUNS"); do
    timed wixl build-lzx "$OUT/wixl-build.msi" wixl -a x64 -o "$OUT/wixl-build.msi" "$OUT/payload.wxs"
    timed ours build-lzx "$OUT/ours-lzx.msi" java $LZX_JAVA_OPTS $LZX_CMD -a x64 -o "$OUT/ours-lzx.msi" "$OUT/payload.wxs"
    timed ours-mszip build-lzx "$OUT/ours-mszip.msi" java $CDS $JAVA_OPTS $OURS_CMD -a x64 -o "$OUT/ours-mszip.msi" "$OUT/payload.wxs"
  done
  # extraction of the LZX package: cabextract on its cabinet against sspr extract on the MSI
  msiinfo extract "$OUT/ours-lzx.msi" product.cab > "$OUT/ours-lzx.cab"
  for i in $(seq "$RUNS"); do
    timed cabextract extract-lzx "$OUT/x-cabextract" cabextract -q -d "$OUT/x-cabextract" "$OUT/ours-lzx.cab"
    timed ours extract-lzx "$OUT/x-ours" java $LZX_JAVA_OPTS $OURS_EXTRACT "$OUT/ours-lzx.msi" -o "$OUT/x-ours"
  done
  rm -rf "$OUT/x-cabextract" "$OUT/x-ours"
fi

if [ "$EXTRACT" = 1 ]; then
  for i in $(seq "$RUNS"); do
    warm "$OUT/wixl-build.msi"
    timed msiextract extract "$OUT/x-msiextract" msiextract -C "$OUT/x-msiextract" "$OUT/wixl-build.msi"
    warm "$OUT/wixl-build.msi"
    timed ours extract "$OUT/x-ours" java $CDS_X $JAVA_OPTS $OURS_EXTRACT "$OUT/wixl-build.msi" -o "$OUT/x-ours"
  done
  rm -rf "$OUT/x-msiextract" "$OUT/x-ours"
fi

python3 - "$RESULTS" <<'EOF'
import sys, statistics, collections
rows = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    case, tool, wall, size, rss = line.split("\t")
    rows[case][tool].append((float(wall), int(size), int(rss)))
def med(v, i): return statistics.median(x[i] for x in v)
print(f"{'case':8} {'tool':10} {'wall s':>7} {'size MB':>9} {'RSS MB':>7}   {'wall x':>6} {'size x':>6} {'RSS x':>6}")
for case, tools in rows.items():
    names = list(tools)
    ref = tools[names[0]]
    for t in names:
        v = tools[t]
        w, s, r = med(v, 0), med(v, 1), med(v, 2)
        ratio = "" if t == names[0] else f"{w / med(ref, 0):6.2f} {s / max(1, med(ref, 1)):6.3f} {r / med(ref, 2):6.2f}"
        print(f"{case:8} {t:10} {w:7.2f} {s / 1e6:9.2f} {r / 1024:7.1f}   {ratio}")
if "build" in rows and "build2x" in rows:
    a, b = med(rows["build"]["ours"], 2), med(rows["build2x"]["ours"], 2)
    print(f"ours peak RSS, double payload vs single: {b / a:.3f}x ({a / 1024:.0f} -> {b / 1024:.0f} MB)")
print("rebuild target: <= 0.15x wixl's build")
print("targets: build wall <= 0.50x (issue 11; an earlier issue asked 0.40x), size <= 0.95x, RSS <= 256 MB and double payload within +10%; small build <= 1.0 s;"
      " extract <= 1.0x msiextract")
print("LZX targets: build-lzx size <= 0.80x wixl and <= 0.85x ours-mszip, wall <= 1.0x wixl; extract-lzx <= 1.0x cabextract,"
      " RSS <= 256 MB")
EOF
