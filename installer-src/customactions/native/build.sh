#!/bin/sh
# Builds the ssprkit custom-action DLLs (and the test fixture program) with Debian's mingw-w64 cross compilers.
#
#   native/build.sh OUTDIR [x64|x86|arm64]     (every architecture unless one is named)
#
# arm64: Debian's mingw-w64 has no arm64 compiler or runtime, so clang (--target=aarch64-w64-mingw32, with mingw-w64's
# headers) and lld build it without one: arm64/runtime.c and arm64/chkstk.S stand in for the few runtime pieces, and
# the import libraries come from the function lists in arm64/imports/*.def (llvm-dlltool), C library functions from
# the system's msvcrt.dll.
#
# The output depends only on these sources and the compiler version: no timestamps (--no-insert-timestamp), no
# build paths (-ffile-prefix-map, no debug info, stripped), no __DATE__/__TIME__ (-Wdate-time -Werror), sources in a
# fixed order, SOURCE_DATE_EPOCH unused. The committed DLLs under src/main/resources/dev/ssprkit/ca/ are this script's
# output; CustomActionRebuildTest rebuilds them and fails when the bytes differ.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUTDIR [x64|x86]}
only=${2:-}
mkdir -p "$out"
out=$(cd "$out" && pwd)
export LC_ALL=C
unset SOURCE_DATE_EPOCH

common="common/strings.c common/log.c common/props.c common/db.c common/cadata.c common/files.c"
util="util/exec.c util/shellexec.c util/removefolder.c util/internetshortcut.c util/xmldoc.c util/xmlfile.c util/xmlconfig.c util/closeapp.c
      util/serviceconfig.c util/broadcast.c util/query.c util/lifecycle.c util/validatepath.c util/eventmanifest.c util/removeregkey.c
      util/accounts.c util/users.c util/userexec.c util/netfx.c util/fileshare.c util/secureobj.c util/groups.c"
firewall="firewall/firewall.c firewall/fwrule.c"
http="http/urlacl.c"

cflags="-std=c11 -O2 -municode -Wall -Wextra -Werror -Wdate-time -Wformat=2 -Wno-format-nonliteral
        -fstack-protector-strong -fno-ident -g0 -ffile-prefix-map=$here=native
        -D_WIN32_WINNT=0x0601 -DWINVER=0x0601 -D__USE_MINGW_ANSI_STDIO=0 -Icommon"
# A fixed image base (binutils would otherwise derive one from the output path; ASLR relocates it anyway).
# Hardened PE: ASLR (dynamicbase, high-entropy on x64), DEP (nxcompat); everything from GCC linked statically so
# the DLLs need only system DLLs.
ldcommon="-s -static -static-libgcc -Wl,--no-insert-timestamp -Wl,--dynamicbase -Wl,--nxcompat -Wl,--enable-reloc-section"
syslibs="-luuid -lmsi -lole32 -loleaut32 -lshell32 -lshlwapi -luser32 -lnetapi32 -ladvapi32 -lkernel32"

build() { # arch cc extra-ldflags
  arch=$1 cc=$2 extra=$3
  cd "$here"
  # shellcheck disable=SC2086
  $cc $cflags -shared -o "$out/ssprkit-util-$arch.dll" $common $util util/ssprkit-util.def $ldcommon $extra $syslibs
  # shellcheck disable=SC2086
  $cc $cflags -shared -o "$out/ssprkit-fw-$arch.dll" $common $firewall firewall/ssprkit-fw.def $ldcommon $extra $syslibs
  # shellcheck disable=SC2086
  $cc $cflags -shared -o "$out/ssprkit-http-$arch.dll" $common $http http/ssprkit-http.def $ldcommon $extra -lhttpapi $syslibs
  # shellcheck disable=SC2086
  $cc $cflags -o "$out/ssprkit-test-sleeper-$arch.exe" fixtures/sleeper.c $ldcommon $extra -lkernel32
  # shellcheck disable=SC2086
  $cc $cflags -o "$out/ssprkit-test-ngen-$arch.exe" fixtures/ngen.c $ldcommon $extra -lkernel32
}

build_arm64() {
  cd "$here"
  libs="$out/.arm64-importlibs"
  mkdir -p "$libs"
  for def in arm64/imports/*.def; do
    llvm-dlltool -m arm64 -d "$def" -l "$libs/lib$(basename "$def" .def).a"
  done
  a64="--target=aarch64-w64-mingw32 -isystem /usr/x86_64-w64-mingw32/include -fuse-ld=lld -nostdlib -Wno-unused-command-line-argument"
  a64ld="-s -Wl,--no-insert-timestamp -Wl,--dynamicbase -Wl,--nxcompat -Wl,--high-entropy-va -Wl,--image-base=0x180000000
         -Wl,--entry=ssprkit_dll_entry -L$libs"
  a64libs="-lhttpapi -lmsi -lole32 -loleaut32 -lshell32 -lshlwapi -luser32 -lnetapi32 -ladvapi32 -lkernel32 -lmsvcrt"
  # the runtime stand-in sets the stack guard, so it is built without the protector
  # shellcheck disable=SC2086
  clang $a64 $cflags -fno-stack-protector -c arm64/runtime.c -o "$libs/runtime.o"
  # shellcheck disable=SC2086
  clang $a64 -c arm64/chkstk.S -o "$libs/chkstk.o"
  # shellcheck disable=SC2086
  clang $a64 $cflags -shared -o "$out/ssprkit-util-arm64.dll" $common $util "$libs/runtime.o" "$libs/chkstk.o" util/ssprkit-util.def $a64ld $a64libs
  # shellcheck disable=SC2086
  clang $a64 $cflags -shared -o "$out/ssprkit-fw-arm64.dll" $common $firewall "$libs/runtime.o" "$libs/chkstk.o" firewall/ssprkit-fw.def $a64ld $a64libs
  # shellcheck disable=SC2086
  clang $a64 $cflags -shared -o "$out/ssprkit-http-arm64.dll" $common $http "$libs/runtime.o" "$libs/chkstk.o" http/ssprkit-http.def $a64ld $a64libs
  rm -rf "$libs"
}

# The architectures build in parallel (their outputs do not depend on each other or on timing).
pids=""
if [ -z "$only" ] || [ "$only" = arm64 ]; then
  build_arm64 & pids="$pids $!"
fi
if [ "$only" != x86 ] && [ "$only" != arm64 ]; then
  build x64 x86_64-w64-mingw32-gcc "-Wl,--high-entropy-va -Wl,--image-base=0x180000000" & pids="$pids $!"
fi
if [ "$only" != x64 ] && [ "$only" != arm64 ]; then
  build x86 i686-w64-mingw32-gcc "-Wl,--image-base=0x10000000 -Wl,--large-address-aware -Wl,--kill-at -Wl,--enable-stdcall-fixup" & pids="$pids $!"
fi
failed=0
for pid in $pids; do wait "$pid" || failed=1; done
exit $failed
