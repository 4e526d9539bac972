#!/bin/sh
# Rebuilds the DLLs and the test fixture and copies them where the module keeps them (commit the result):
#   src/main/resources/dev/ssprkit/ca/ssprkit-{util,fw,http}-{x86,x64,arm64}.dll
#   src/test/resources/dev/ssprkit/ca/ssprkit-test-{sleeper,ngen}-{x86,x64}.exe
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/build.sh" "$tmp"
cp "$tmp"/ssprkit-util-*.dll "$tmp"/ssprkit-fw-*.dll "$tmp"/ssprkit-http-*.dll "$here/../src/main/resources/dev/ssprkit/ca/"
cp "$tmp"/ssprkit-test-sleeper-*.exe "$tmp"/ssprkit-test-ngen-*.exe "$here/../src/test/resources/dev/ssprkit/ca/"
