#!/bin/sh
# Every user-visible string of the demo, of the widget kit and of the auth library has its German
# and French translation: lupdate reads today's sources into a copy of each .ts file, and no entry may be
# new or unfinished. (After changing strings: cmake --build BUILD --target update_translations,
# then translate; see translations/README.md.)
# usage: check-translations.sh SOURCE_DIR LUPDATE
set -eu
src=$1
lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
# lupdate sees only literal contexts: a translate() whose context is a variable, or a free tr()
# wrapper (filed under the class or namespace it is called from), hides strings from it. A file's
# strings take a struct with Q_DECLARE_TR_FUNCTIONS(Context) instead, called as Tr::tr().
hidden=$(grep -rnE 'translate\(\s*[A-Za-z_]|^\s*(static\s+)?(inline\s+)?QString\s+tr\(' \
    "$src/auth" "$src/widgets" "$src/webengine" "$src/quick" "$src/app/demo" "$src/app/qml-demo" || true)
if [ -n "$hidden" ]; then
    echo "FAIL: strings lupdate cannot file under their context:"
    echo "$hidden" | sed 's/^/    /'
    status=1
fi
# A catalogue's folders are separated by "+": the widgets' catalogue also holds the strings of
# webengine/ (SignInGuard), which the widgets compile in; so does the QML module's.
for pair in msalqt_demo:app/demo msalqt_qmldemo:app/qml-demo msalqt_widgets:widgets+webengine msalqt_quick:quick+webengine msalqt_auth:auth; do
    name=${pair%%:*}
    dirs=$(echo "${pair#*:}" | tr '+' ' ')
    for lang in de fr; do
        ts=${name}_$lang.ts
        cp "$src/translations/$ts" "$tmp/$ts"
        # shellcheck disable=SC2086 # one word per folder
        "$lupdate" -silent -no-obsolete -locations none $(for dir in $dirs; do echo "$src/$dir"; done) -ts "$tmp/$ts"
        missing=$(grep -c 'type="unfinished"' "$tmp/$ts" || true)
        if [ "$missing" != 0 ]; then
            echo "FAIL: $ts: $missing string(s) without a translation:"
            grep -B1 'type="unfinished"' "$tmp/$ts" | sed -n 's|.*<source>\(.*\)</source>.*|    \1|p'
            status=1
        else
            echo "ok: $ts ($(grep -c '<message' "$tmp/$ts") strings)"
        fi
    done
done
exit $status
