#!/usr/bin/env bash
# How ICE validation grows with the package size (dev.ssprkit.bench.ValidateScale): synthetic databases of
# 10,000 and 100,000 components/files/registry values; prints the medians and time(100k)/time(10k). On demand only.
#
#   bench/validate-scale.sh [N...]
#
# Builds the bench jar from this checkout's modules (the bench profile puts bench/ into the reactor, so the jar holds
# this tree's validator, not whatever ~/.m2 has).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
(cd "$ROOT" && mvn -B -q -Pbench -pl bench -am package -DskipTests)
exec java -Xmx2g -cp "$ROOT/bench/target/bench-build.jar" dev.ssprkit.bench.ValidateScale "$@"
