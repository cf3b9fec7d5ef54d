#!/bin/sh
# Runs one GUI test under a private X server (xvfb-run -a picks a free display), as CI does.
# Qt WebEngine's sandbox needs user namespaces that CI containers (running as root) lack, and
# Xvfb has no GPU: both are switched off here, for the test process only.
#   MSALQT_XVFB_SCREEN  the screen, WIDTHxHEIGHTxDEPTH (default 1280x1024x24)
#   MSALQT_XVFB_WM      a window manager to start first (e.g. openbox): window frames, placement
#                       and a work area (Qt's available geometry) as on a desktop
set -e
export QT_QPA_PLATFORM=xcb
export QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---disable-gpu}"
screen="${MSALQT_XVFB_SCREEN:-1280x1024x24}"
if [ -z "${MSALQT_XVFB_WM:-}" ]; then
    exec xvfb-run -a -s "-screen 0 $screen -dpi 96" "$@"
fi
command -v "$MSALQT_XVFB_WM" >/dev/null || { echo "$0: no window manager $MSALQT_XVFB_WM (scripts/install-deps)" >&2; exit 1; }
command -v xprop >/dev/null || { echo "$0: no xprop (x11-utils, scripts/install-deps)" >&2; exit 1; }
# The test starts once the window manager has announced itself on the root window (EWMH).
exec xvfb-run -a -s "-screen 0 $screen -dpi 96" sh -c '
    wm=$1; shift
    "$wm" >/dev/null 2>&1 &
    wmpid=$!
    tries=0
    until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id"; do
        tries=$((tries + 1))
        if [ $tries -gt 100 ]; then echo "window manager $wm did not start" >&2; kill $wmpid; exit 1; fi
        sleep 0.1
    done
    status=0
    "$@" || status=$?
    kill $wmpid 2>/dev/null || true
    exit $status
' sh "$MSALQT_XVFB_WM" "$@"
