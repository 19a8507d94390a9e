#!/bin/sh
# Countries as a spreadsheet gives them (issue 14): names in English,
# Indonesian, German and French, an alias, a lower-case code and Kosovo's
# XK are each read as the ISO code with one located warning (the whole of
# stderr is compared with the expected file), the saved dataset holds the
# codes and validates clean; unknown and ambiguous names are errors.
. "$(dirname "$0")/cli_lib.sh"

DATA=$SRC/tests/data/spreadsheet/countries
cp -r "$DATA" "$OUT/countries"
cd "$OUT" || exit 1

# same FILE EXPECTED: the file is exactly the expected text.
same() {
    if cmp -s "$1" "$2"; then ok; else fail "$1 differs from $2:"; diff "$2" "$1" >&2; fi
}

expect_exit 0 "$PN" convert countries -o countries.json
same err "$DATA/expected"
# The codes, actor by actor (the JSON writer puts id and country on lines of
# their own).
codes=$(awk -F'"' '/"id":/ { id = $4 } /"country":/ { printf "%s=%s ", id, $4 }' countries.json)
want="tangsel=ID daejeon=KR frankfurt=DE seoul=KR manchester=GB bandung=ID surabaya=ID kyoto=JP timra=SE prizren=XK "
if [ "$codes" = "$want" ]; then ok; else fail "codes: $codes"; fi
expect_exit 0 "$PN" validate --strict countries.json
has err "countries.json: valid: 10 actors, 8 ties, 1 sources, 0 warnings"
# --strict refuses the normalisations.
expect_exit 1 "$PN" convert --strict countries -o strict.json

# GraphML goes through the same loader: a name there is read the same way.
"$PN" convert countries.json -o countries.graphml 2>/dev/null
sed 's|<data key="v_country">KR</data>|<data key="v_country">Südkorea</data>|' countries.graphml >named.graphml
expect_exit 0 "$PN" convert named.graphml -o named.json
[ "$(grep -c 'warning: .*country "Südkorea" is read as "KR" (South Korea)' err)" -eq 2 ] && ok ||
    fail "GraphML: not two Südkorea warnings: $(cat err)"
if cmp -s countries.json named.json; then ok; else fail "GraphML with names did not read back as the codes"; fi

# Unknown names stay errors, with a suggestion when one is near; an
# ambiguous name (two countries in the translations) asks for the code.
mkdir -p unknown
cp countries/ties.csv countries/sources.csv unknown/
{
    echo "id,name,kind,country,sources"
    echo "tangsel,Kota Tangerang Selatan,city,Indonesai,s1"
    echo "daejeon,Daejeon Metropolitan City,city,Gweriniaeth y Swdan,s1"
    echo "frankfurt,Frankfurt am Main,city,Atlantis,s1"
    echo "seoul,Seoul,city,KR,s1"
    echo "manchester,Manchester,city,GB,s1"
    echo "bandung,Kota Bandung,city,ID,s1"
    echo "surabaya,Kota Surabaya,city,ID,s1"
    echo "kyoto,Kyoto,city,JP,s1"
    echo "timra,Timrå,city,SE,s1"
    echo "prizren,Prizren,city,XK,s1"
} >unknown/actors.csv
expect_exit 1 "$PN" convert unknown -o unknown.json
same err "$DATA/expected-unknown"
finish
