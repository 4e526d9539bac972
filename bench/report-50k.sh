#!/usr/bin/env bash
# Readiness report at fleet scale: 50,000 per-machine preflight results -> sspr report -> headless Chromium.
# On demand only (not in CI). Prints the time to build the page, its size, how long Chromium takes until the machine
# table is ready, and how long a search, a status filter and a sort take (target: load + filter under 2 s).
#
#   bench/report-50k.sh [MACHINES] [SCREENSHOT.png]
#
# Needs chromium (apt-get install chromium), a JDK 17 and Maven. Work files go to bench/out/report (git-ignored);
# the generated inputs are kept there and reused by the next run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-50000}
SHOT=${2:-}
OUT=$ROOT/bench/out/report-$N
mkdir -p "$OUT"
cd "$ROOT"
# the reactor resolves the sibling modules to their target/classes (the report module is built last and writes the file)
mvn -B -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/classpath.txt" -pl installer-src/report -am
CP="$ROOT/installer-src/report/target/test-classes:$ROOT/installer-src/report/target/classes:$(cat "$OUT/classpath.txt")"
java -cp "$CP" dev.ssprkit.report.ReportBenchmark "$N" "$OUT" $SHOT
