#!/usr/bin/env bash
# Benchmark (not a test): the Java cleaner (whole process: JVM start, checks, report) against rm -rf on two identical
# trees of N small files (default 100000) under /tmp. Usage: bench/clean-bench.sh [N]   (after mvn package)
set -euo pipefail
N=${1:-100000}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$(ls "$here"/target/ssprkit-sysprep-*-cli.jar | head -1)
work=$(mktemp -d /tmp/sspr-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

make_tree() { # $1 = image root
  python3 - "$1" "$N" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
w = os.path.join(root, "Users", "Administrator", "AppData", "Local", "Microsoft", "Windows")
targets = ["INetCache", "WebCache", "INetCookies"]
for i in range(n):
    d = os.path.join(w, targets[i % 3], "IE", "D%03d" % ((i // 3) % 100))
    if i < 300: os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%06d.dat" % i), "w") as f:
        f.write("cache entry %d\n" % i)
os.makedirs(os.path.join(w, "History"), exist_ok=True)
PY
}

make_tree "$work/java"
make_tree "$work/rm"
sync
w=Users/Administrator/AppData/Local/Microsoft/Windows

t0=$(date +%s%N)
java -jar "$jar" clean-cache --image-root "$work/java" --json "$work/report.json" > "$work/java.out"
t1=$(date +%s%N)
rm -rf "$work/rm/$w/INetCache" "$work/rm/$w/WebCache" "$work/rm/$w/INetCookies"
t2=$(date +%s%N)

left_java=$(find "$work/java/$w" -type f | wc -l)
left_rm=$(find "$work/rm/$w" -type f | wc -l)
echo "files: $N; left after: java $left_java, rm $left_rm"
tail -1 "$work/java.out"
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "java cleaner (whole process): %.2f s\nrm -rf:                       %.2f s\n", (b-a)/1e9, (c-b)/1e9 }'
