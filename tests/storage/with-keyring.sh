#!/bin/sh
# with-keyring.sh COMMAND [ARGS...]
#
# Runs COMMAND against a real, private Secret Service: a D-Bus session bus of its own
# (dbus-run-session) with gnome-keyring-daemon's secrets component on it, its login keyring
# created and unlocked with a known password. HOME and the XDG directories point into a temporary
# directory, removed afterwards, so the person's own keyring is never touched and every run starts
# without keys. Needs dbus-daemon (dbus-run-session) and gnome-keyring (scripts/install-deps).
set -eu

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is missing (run scripts/install-deps)" >&2
        exit 1
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/msalqt-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$tmp" "$XDG_RUNTIME_DIR"
# QtKeychain picks KWallet on a KDE desktop: make it take the Secret Service (libsecret) path.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_SESSION_VERSION KDE_FULL_SESSION GNOME_DESKTOP_SESSION_ID
export MSALQT_TEST_KEYRING=1

dbus-run-session -- sh -c '
    # --unlock reads the password on stdin, creates the login keyring with it if there is none,
    # and makes it the default collection. The daemon forks; it prints variables to export
    # (none with only the secrets component, but older versions print GNOME_KEYRING_CONTROL).
    vars=$(printf "%s" "msalqt-test" | gnome-keyring-daemon --unlock --components=secrets) || {
        echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2
        exit 1
    }
    for v in $vars; do
        case "$v" in *=*) export "$v" ;; esac
    done
    status=0
    "$@" || status=$?
    # gnome-keyring-daemon outlives the bus: end it, found by the bus name it owns.
    pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
              org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
          sed -n "s/^ *uint32 //p")
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    exit $status
' with-keyring "$@"
