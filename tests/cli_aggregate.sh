#!/bin/sh
# paranet aggregate (issue 16): the quotient network of a view by country,
# kind or region. On a small hand-made dataset the groups, weights, ties
# inside groups and sources equal hand values; on every shipped dataset, by
# each attribute, the aggregate validates with --strict, every command reads
# it, and tests/aggregate_oracle.py (the quotient computed again from the
# JSON) agrees with it, weights plus ties inside equal to the view's ties.
. "$(dirname "$0")/cli_lib.sh"

SMALL=$SRC/tests/data/aggregate/small.json
ORACLE=$SRC/tests/aggregate_oracle.py

# The hand values (docs/aggregate.md works the example): 11 ties, t11
# recommended (left out), t4 and t5 inside Germany.
expect_exit 0 "$PN" aggregate "$SMALL" --by country -o "$OUT/country.json"
has "$OUT/err" "paranet aggregate: note: 1 actor of unknown country (ZZ): in the group country-zz"
has "$OUT/err" "country.json: 4 groups by country of 7 actors; 5 ties stand for the 8 ties between groups, 2 ties are inside groups (10 in the view)"
python3 - "$OUT/country.json" <<'PY' && ok || fail "small by country: not the hand values"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["aggregate"] == "country" and d["title"] == "Groups by hand, by country"
actors = [(a["id"], a["name"], a["kind"], a["country"], a["actors"], a["internal_ties"],
           a.get("internal_types")) for a in d["actors"]]
assert actors == [("country-de", "Germany", "city", "DE", 3, 2, {"horizontal": 1, "vertical": 1}),
                  ("country-fr", "France", "city", "FR", 2, 0, None),
                  ("country-pl", "Poland", "university", "PL", 1, 0, None),
                  ("country-zz", "Unknown", "ngo", "ZZ", 1, 0, None)], actors
ties = [(t["from"], t["to"], t["type"], t["weight"], t.get("directed", False), t["sources"])
        for t in d["ties"]]
assert ties == [("country-de", "country-fr", "g2g", 4, False, ["s1", "s2"]),
                ("country-de", "country-fr", "vertical", 1, True, ["s1"]),
                ("country-de", "country-pl", "academic", 1, False, ["s1"]),
                ("country-de", "country-zz", "academic", 1, False, ["s2"]),
                ("country-fr", "country-pl", "academic", 1, False, ["s2"])], ties
assert sum(t["weight"] for t in d["ties"]) + sum(a["internal_ties"] for a in d["actors"]) == 10
PY
expect_exit 0 "$PN" aggregate "$SMALL" --by kind -o "$OUT/kind.json"
python3 - "$OUT/kind.json" <<'PY' && ok || fail "small by kind: not the hand values"
import json, sys
d = json.load(open(sys.argv[1]))
actors = [(a["id"], a["kind"], a["country"], a["actors"], a["internal_ties"]) for a in d["actors"]]
assert actors == [("kind-city", "city", "ZZ", 4, 5), ("kind-ministry", "ministry", "DE", 1, 0),
                  ("kind-university", "university", "PL", 1, 0),
                  ("kind-ngo", "ngo", "ZZ", 1, 0)], actors
assert d["actors"][0]["internal_types"] == {"g2g": 4, "horizontal": 1}
ties = [(t["from"], t["to"], t["type"], t["weight"], t["sources"]) for t in d["ties"]]
assert ties == [("kind-city", "kind-university", "academic", 2, ["s1", "s2"]),
                ("kind-city", "kind-ngo", "academic", 1, ["s2"]),
                ("kind-ministry", "kind-city", "vertical", 2, ["s2", "s1"])], ties
PY
expect_exit 0 "$PN" aggregate "$SMALL" --by region -o "$OUT/region.json"
has "$OUT/err" "paranet aggregate: note: 4 actors without a region: in their country's group region-CC-unknown"
ids=$(python3 -c 'import json,sys; print(" ".join(a["id"] for a in json.load(open(sys.argv[1]))["actors"]))' "$OUT/region.json")
want="region-de-baden-wurttemberg region-de-bayern region-de-unknown region-fr-bretagne region-fr-unknown region-pl-unknown region-zz-unknown"
if [ "$ids" = "$want" ]; then ok; else fail "region ids: $ids"; fi
# A view: the recommended tie joins the others with --basis all; --types g2g
# leaves the g2g ties alone.
expect_exit 0 "$PN" aggregate "$SMALL" --by country --basis all -o "$OUT/all.json"
has "$OUT/err" "5 ties stand for the 9 ties between groups, 2 ties are inside groups (11 in the view)"
expect_exit 0 "$PN" aggregate "$SMALL" --by country --types g2g -o "$OUT/g2g.json"
has "$OUT/err" "2 groups by country of 4 actors; 1 tie stands for the 4 ties between groups, 0 ties are inside groups (4 in the view)"

# Every shipped dataset, by each attribute: valid with --strict, the same
# quotient computed again, and the commands read it.
# The twin towns (8220 actors) are left to the plain build: under valgrind a
# load of them takes some 30 times as long.
BIG=$SRC/datasets/twintowns-de.json
[ -n "${PN_UNDER_VALGRIND:-}" ] && BIG=
for f in "$SMALL" "$SRC"/datasets/tangsel.json "$SRC"/datasets/bandung.json $BIG; do
    for by in country kind region; do
        expect_exit 0 "$PN" aggregate "$f" --by "$by" -o "$OUT/agg.json"
        expect_exit 0 "$PN" validate --strict "$OUT/agg.json"
        has "$OUT/err" ", 0 warnings"
        if python3 "$ORACLE" "$f" "$OUT/agg.json" "$by" >"$OUT/oracle" 2>&1; then ok; else
            fail "oracle: $(cat "$OUT/oracle")"
        fi
    done
done
expect_exit 0 "$PN" aggregate "$SRC"/datasets/tangsel.json --by country --basis all -o "$OUT/agg.json"
if python3 "$ORACLE" "$SRC"/datasets/tangsel.json "$OUT/agg.json" country all >"$OUT/oracle" 2>&1; then
    ok
else fail "oracle, --basis all: $(cat "$OUT/oracle")"; fi
expect_exit 0 "$PN" aggregate "$SRC"/datasets/tangsel.json --by country -o "$OUT/tc.json"
for cmd in "info" "metrics" "metrics --network" "metrics --weight sum --groups kind" \
    "mixing --by kind" "partners --actor country-id" "reach --from country-kr" \
    "path --from country-kr --to country-de --explain"; do
    # shellcheck disable=SC2086
    expect_exit 0 "$PN" $cmd "$OUT/tc.json"
done
has "$OUT/out" "country-kr"
expect_exit 0 "$PN" render "$OUT/tc.json" -T svg -o "$OUT/tc.svg"
has "$OUT/tc.svg" "Indonesia"
# Saved in canonical form: converting it again gives the same bytes.
expect_exit 0 "$PN" convert "$OUT/tc.json" -o "$OUT/tc2.json"
if cmp -s "$OUT/tc.json" "$OUT/tc2.json"; then ok; else fail "the aggregate is not canonical"; fi
# The same input, the same bytes.
"$PN" aggregate "$SRC"/datasets/tangsel.json --by country -q -o "$OUT/tc3.json"
if cmp -s "$OUT/tc.json" "$OUT/tc3.json"; then ok; else fail "two runs differ"; fi

# The format's field: one of the three attributes.
sed 's/"aggregate": "country"/"aggregate": "continent"/' "$OUT/tc.json" >"$OUT/bad.json"
expect_exit 1 "$PN" validate "$OUT/bad.json"
has "$OUT/err" 'error: aggregate: aggregate "continent" is not an attribute actors are grouped by (country, kind or region)'
# Without it, the group actors break the rules on tie ends.
grep -v '"aggregate": "country",' "$OUT/tc.json" >"$OUT/plain.json"
expect_exit 1 "$PN" validate --strict "$OUT/plain.json"
has "$OUT/err" "is not an organisation"

# Nothing is lost through the interchange formats: the field survives
# GraphML, GEXF and the CSV tables, and the dataset comes back the same.
for ext in graphml gexf; do
    expect_exit 0 "$PN" convert "$OUT/tc.json" -o "$OUT/tc.$ext"
    expect_exit 0 "$PN" convert "$OUT/tc.$ext" -o "$OUT/tc-$ext.json"
    cmp -s "$OUT/tc.json" "$OUT/tc-$ext.json" && ok || fail "aggregate through $ext: not the same dataset"
done

# Usage.
expect_exit 2 "$PN" aggregate "$SMALL" -o "$OUT/x.json"
has "$OUT/err" "paranet aggregate: --by country, kind or region is required"
expect_exit 2 "$PN" aggregate "$SMALL" --by continent -o "$OUT/x.json"
has "$OUT/err" "paranet aggregate: --by: unknown attribute 'continent' (country, kind or region)"
expect_exit 2 "$PN" aggregate "$SMALL" --by kind
has "$OUT/err" "-o OUT.json is required"
expect_exit 1 "$PN" aggregate "$SMALL" --by kind --ego nobody -o "$OUT/x.json"
finish
