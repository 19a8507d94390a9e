#!/bin/sh
# The committed country tables (libgraph/src/core/countries.inc and
# country_names.inc) are what scripts/gen-countries.py makes of the installed
# iso-codes and scripts/country-aliases.txt: an alias added to the list
# without regenerating the tables fails here. Skipped (77) without iso-codes
# or python3, or when the installed iso-codes is not the version the tables
# were made from.
. "$(dirname "$0")/cli_lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3) || exit 77
[ -r /usr/share/iso-codes/json/iso_3166-1.json ] || exit 77
CORE=$SRC/libgraph/src/core
mkdir -p "$OUT/gen"
"$PY" "$SRC/scripts/gen-countries.py" "$OUT/gen" || { fail "gen-countries.py failed"; finish; exit 1; }
# The first line names the iso-codes version.
[ "$(head -1 "$OUT/gen/country_names.inc")" = "$(head -1 "$CORE/country_names.inc")" ] || exit 77
for f in countries.inc country_names.inc; do
    if cmp -s "$OUT/gen/$f" "$CORE/$f"; then ok; else fail "$f is not what scripts/gen-countries.py makes: regenerate it"; fi
done
finish
