#!/bin/sh
# paranet mixing (issue 16): the group x group mixing matrix. On the small
# hand-made dataset the observed and expected counts (configuration model,
# docs/metrics.md "Mixing") equal hand values; on every shipped dataset the
# observed and expected columns each sum to the view's ties, and both equal
# a computation from the JSON here; the twin towns' matrix by country runs.
. "$(dirname "$0")/cli_lib.sh"

SMALL=$SRC/tests/data/aggregate/small.json

# same FILE TEXT: the file is exactly the text.
same() {
    printf '%s\n' "$2" >"$OUT/want"
    if cmp -s "$1" "$OUT/want"; then ok; else fail "$1 differs:"; diff "$OUT/want" "$1" >&2; fi
}

# By hand: m = 10 ties (t11 is a recommendation), ends d = DE 11, FR 6,
# PL 2, ZZ 1; expected d_a d_b / 20 for two groups, d_a^2 / 40 for one.
expect_exit 0 "$PN" mixing "$SMALL" --by country -f csv
same "$OUT/out" "group_a,name_a,group_b,name_b,observed,expected
country-de,Germany,country-de,Germany,2,3.025000
country-de,Germany,country-fr,France,5,3.300000
country-de,Germany,country-pl,Poland,1,1.100000
country-de,Germany,country-zz,Unknown,1,0.550000
country-fr,France,country-fr,France,0,0.900000
country-fr,France,country-pl,Poland,1,0.600000
country-fr,France,country-zz,Unknown,0,0.300000
country-pl,Poland,country-pl,Poland,0,0.100000
country-pl,Poland,country-zz,Unknown,0,0.100000
country-zz,Unknown,country-zz,Unknown,0,0.025000"
has "$OUT/err" "# 10 ties among 4 groups by country"
has "$OUT/err" "# 1 actor of unknown country (ZZ): in the group country-zz"
# By kind: ends city 15, ministry 2, university 2, ngo 1.
expect_exit 0 "$PN" mixing "$SMALL" --by kind -f csv --nonzero
same "$OUT/out" "group_a,name_a,group_b,name_b,observed,expected
kind-city,city,kind-city,city,5,5.625000
kind-city,city,kind-ministry,ministry,2,1.500000
kind-city,city,kind-university,university,2,1.500000
kind-city,city,kind-ngo,ngo,1,0.750000"
expect_exit 0 "$PN" mixing "$SMALL" --by kind -f csv --table groups
same "$OUT/out" "group,name,actors,ends,inside
kind-city,city,4,15,5
kind-ministry,ministry,1,2,0
kind-university,university,1,2,0
kind-ngo,ngo,1,1,0"
# The matrix: symmetric, in the text format when it fits.
expect_exit 0 "$PN" mixing "$SMALL" --by country
has "$OUT/out" "Observed ties between groups"
has "$OUT/out" "country-de           2           5           1           1"
expect_exit 0 "$PN" mixing "$SMALL" --by country -f json
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
m = {r["group"]: r for r in d["matrix"]}
assert m["country-fr"]["country-de"] == 5 and m["country-de"]["country-fr"] == 5
assert sum(r["observed"] for r in d["rows"]) == 10
assert abs(sum(r["expected"] for r in d["rows"]) - 10) < 1e-9
' "$OUT/out" && ok || fail "json: matrix or sums"

# Every shipped dataset, by each attribute, against the JSON.
# The twin towns (8220 actors) are left to the plain build: under valgrind a
# load of them takes some 30 times as long.
BIG=$SRC/datasets/twintowns-de.json
[ -n "${PN_UNDER_VALGRIND:-}" ] && BIG=
for f in "$SMALL" "$SRC"/datasets/tangsel.json "$SRC"/datasets/bandung.json $BIG; do
    for by in country kind region; do
        expect_exit 0 "$PN" mixing "$f" --by "$by" -f json
        python3 - "$f" "$OUT/out" "$by" <<'PY' && ok || fail "mixing of $f by $by"
import json, sys
data, got, by = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
ties = [t for t in data["ties"] if t.get("basis", "reported") in ("reported", "inferred")]
actor = {a["id"]: a for a in data["actors"]}
def key(a):
    return a["country"] if by == "country" else a["kind"] if by == "kind" else \
        (a["country"], a.get("region") or None)
ends, obs = {}, {}
for t in ties:
    a, b = key(actor[t["from"]]), key(actor[t["to"]])
    ends[a] = ends.get(a, 0) + 1
    ends[b] = ends.get(b, 0) + 1
    k = frozenset((a, b))
    obs[k] = obs.get(k, 0) + 1
m = len(ties)
name = {r["group"]: r for r in got["groups"]}
assert sum(r["observed"] for r in got["rows"]) == m
assert abs(sum(r["expected"] for r in got["rows"]) - m) < 1e-6 * max(m, 1)
# The group of each id, by the counts of ends (ids are pn_aggregate's).
assert sorted(r["ends"] for r in got["groups"] if r["ends"]) == sorted(ends.values())
seen = 0
for r in got["rows"]:
    e = r["expected"]
    da, db = name[r["group_a"]]["ends"], name[r["group_b"]]["ends"]
    want = da * db / (4 * m) if r["group_a"] == r["group_b"] else da * db / (2 * m)
    assert abs(e - want) < 1e-6, (r, want)
    seen += r["observed"]
assert seen == m
assert sorted(r["observed"] for r in got["rows"] if r["observed"]) == sorted(obs.values())
PY
    done
done

# The twin towns by country: German municipalities and their partners'
# countries (docs/mixing.md shows the first rows).
if [ -n "$BIG" ]; then
    expect_exit 0 "$PN" mixing "$BIG" --by country --nonzero -f csv
    has "$OUT/out" "country-de,Germany,country-fr,France,2279,1139.500000"
    has "$OUT/err" "# 86 groups: no matrix table (at most 40)"
fi

# Usage.
expect_exit 2 "$PN" mixing "$SMALL"
has "$OUT/err" "paranet mixing: --by country, kind or region is required"
expect_exit 2 "$PN" mixing "$SMALL" --by colour
has "$OUT/err" "--by: unknown attribute 'colour'"

# The heat map: -o FILE draws it (the format from the extension), the same
# bytes twice, the right magic bytes, the groups past --top merged into
# one row and column whose counts are the sums (the ties still add up).
T="$SRC/datasets/tangsel.json"
for ext in svg pdf png eps; do
    expect_exit 0 "$PN" mixing "$T" --by country -o "$OUT/h1.$ext"
    expect_exit 0 "$PN" mixing "$T" --by country -o "$OUT/h2.$ext"
    cmp -s "$OUT/h1.$ext" "$OUT/h2.$ext" && ok || fail "heat map .$ext: not the same bytes twice"
done
head -c 4 "$OUT/h1.pdf" | grep -q '%PDF' && ok || fail "heat map .pdf is not a PDF"
head -c 8 "$OUT/h1.png" | od -An -c | grep -q 'P   N   G' && ok || fail "heat map .png is not a PNG"
head -c 10 "$OUT/h1.eps" | grep -q '%!PS' && ok || fail "heat map .eps is not PostScript"
grep -q '<svg' "$OUT/h1.svg" && ok || fail "heat map .svg is not SVG"
# Tangsel by country: 8 groups; --top 3 keeps Indonesia, South Korea and one
# more and merges 5: its row and column hold what they sum to.
expect_exit 0 "$PN" mixing "$T" --by country --top 3 -o "$OUT/top.pdf"
pdftotext -layout "$OUT/top.pdf" "$OUT/top.txt"
# Japan's 2 and Germany's, Malaysia's, Nepal's and Sweden's 1 with Indonesia.
grep -Eq '^ *5 others +6 +0 +0 +0 *$' "$OUT/top.txt" && ok || fail "--top 3: not the merged row"
grep -Eq '^ *Indonesia +16 +18 +2 +6 *$' "$OUT/top.txt" && ok || fail "--top 3: not Indonesia's row"
has "$OUT/top.txt" "Observed ties between groups by country; 43 ties in all; the groups with fewer tie ends merged."
expect_exit 0 "$PN" mixing "$T" --by country --top 3 --cells ratio -o "$OUT/ratio.png"
# Usage.
expect_exit 2 "$PN" mixing "$T" --by country -o "$OUT/h.bmp"
has "$OUT/err" "-o: cannot draw a heat map into"
expect_exit 2 "$PN" mixing "$T" --by country --cells odds -o "$OUT/h.svg"
has "$OUT/err" "--cells must be observed or ratio (got 'odds')"
expect_exit 2 "$PN" mixing "$T" --by country --top 0 -o "$OUT/h.svg"
expect_exit 2 "$PN" mixing "$T" --by country --top 40 --width 3cm -o "$OUT/h.svg"
has "$OUT/err" "does not fit"
finish
