#!/bin/sh
# The msalqt-demo executable as the README's quick start runs it, unattended: it starts its
# built-in emulator, signs in through the embedded browser (the emulator signs Alice in at once),
# calls Graph and saves a picture of its window (MSALQT_DEMO_SCREENSHOT); exit code 0 only when
# Graph answered 200. Settings and data go to a scratch directory, not the user's.
# usage (under an X server): run-demo-unattended.sh MSALQT_DEMO OUTPUT.png
set -eu
demo=$1
out=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -f "$out"
mkdir -p "$(dirname "$out")"
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache"
export LANG=C.UTF-8 LANGUAGE=en
MSALQT_DEMO_SCREENSHOT="$out" timeout 120 "$demo"
# A PNG, and not an empty window: the picture of a signed-in window is tens of kilobytes.
[ "$(head -c 8 "$out" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "FAIL: $out is not a PNG"; exit 1; }
size=$(wc -c < "$out")
[ "$size" -gt 20000 ] || { echo "FAIL: $out has only $size bytes"; exit 1; }
echo "ok: $out ($size bytes)"
