#!/bin/sh
# Every user-visible string of the demo and of the widget kit has its German and French
# translation: lupdate reads today's sources into a copy of each .ts file, and no entry may be
# new or unfinished. (After changing strings: cmake --build BUILD --target update_translations,
# then translate; see translations/README.md.)
# usage: check-translations.sh SOURCE_DIR LUPDATE
set -eu
src=$1
lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for pair in msalqt_demo:app/demo msalqt_widgets:widgets; do
    name=${pair%%:*}
    dir=${pair#*:}
    for lang in de fr; do
        ts=${name}_$lang.ts
        cp "$src/translations/$ts" "$tmp/$ts"
        "$lupdate" -silent -no-obsolete -locations none "$src/$dir" -ts "$tmp/$ts"
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
