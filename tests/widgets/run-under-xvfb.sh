#!/bin/sh
# Runs one GUI test under a private X server (xvfb-run -a picks a free display), as CI does.
# Qt WebEngine's sandbox needs user namespaces that CI containers (running as root) lack, and
# Xvfb has no GPU: both are switched off here, for the test process only.
set -e
export QT_QPA_PLATFORM=xcb
export QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---disable-gpu}"
exec xvfb-run -a -s "-screen 0 1280x1024x24 -dpi 96" "$@"
