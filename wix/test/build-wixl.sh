#!/usr/bin/env bash
# Builds SsprWindowsLogon.PROD.msi with msitools' wixl for x64 and x86, at two versions (for the major-upgrade test):
#   wix/test/build-wixl.sh OUTDIR [PAYLOAD_DIR]
# -> OUTDIR/{x64,x86}/{1.0.0,1.1.0}/SsprWindowsLogon.PROD.msi
# PAYLOAD_DIR defaults to the sample stand-in wix/payload. wixl 0.101 cannot read a File/@Source given as an absolute
# path and expands $(sys.SOURCEFILEDIR) wrongly; it looks a relative Source up in the current directory and next to
# the .wxs. So wixl runs in wix/ and gets the payload folder as a path relative to wix/.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 OUTDIR [PAYLOAD_DIR]" >&2; exit 2; }
WIX=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "$1" && cd "$1" && pwd)
if [ $# -ge 2 ]; then
    PAYLOAD_ARGS=(-D PayloadDir="$(realpath --relative-to="$WIX" "$2")" -D SamplePayload=no)
else
    PAYLOAD_ARGS=(-D PayloadDir=payload -D SamplePayload=yes)
fi
for arch in x64 x86; do
    for version in 1.0.0 1.1.0; do
        mkdir -p "$OUT/$arch/$version"
        # wixl prints a GLib warning for each Property/@Secure (unknown to wixl 0.101); nothing else is expected.
        (cd "$WIX" && wixl -a "$arch" -D Platform="$arch" -D ProductVersion="$version" "${PAYLOAD_ARGS[@]}" \
             -o "$OUT/$arch/$version/SsprWindowsLogon.PROD.msi" SsprWindowsLogon.wxs) 2> "$OUT/$arch/$version/wixl.err" \
            || { cat "$OUT/$arch/$version/wixl.err" >&2; exit 1; }
        grep -v -e '^$' -e "has no property named 'Secure'" "$OUT/$arch/$version/wixl.err" >&2 || true
        echo "$OUT/$arch/$version/SsprWindowsLogon.PROD.msi"
    done
done
