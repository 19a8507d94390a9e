#!/bin/sh
# Tables as spreadsheets save them (tests/data/spreadsheet): every reading
# that is not the format's own spelling is a located warning, the same in
# convert and validate, and the converted dataset holds what was read.
. "$(dirname "$0")/cli_lib.sh"

S=$SRC/tests/data/spreadsheet
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# same EXPECTED ERR: ERR but its last (summary) line is EXPECTED.
same() {
    sed '$d' "$2" >"$2.body"
    if cmp -s "$1" "$2.body"; then ok; else
        fail "$2 differs from $1"
        diff "$1" "$2.body" >&2
    fi
}

# full/: both tables; run where they are, so that messages name ties.csv.
for cmd in validate convert; do
    o=
    [ $cmd = convert ] && o="-o $OUT/full.json"
    (cd "$S/full" && "$PN" $cmd ties.csv actors.csv $o >"$OUT/out" 2>"$OUT/$cmd.err")
    [ $? -eq 0 ] && ok || fail "$cmd full/ did not exit 0"
    same "$S/full/expected" "$OUT/$cmd.err"
done
has "$OUT/validate.err" "ties.csv + actors.csv: valid: 4 actors, 3 ties, 0 sources, 18 warnings"
has "$OUT/convert.err" "full.json: wrote json: 4 actors, 3 ties, 0 sources"
# What was read, saved: aliases filled their fields, names became ids, the
# vocabulary its spelling, the near-miss column an extra field.
if "$PY" - "$OUT/full.json" <<'PYEOF'; then ok; else fail "full.json holds what was read"; fi
import json, sys
d = json.load(open(sys.argv[1]))
a = {x["id"]: x for x in d["actors"]}
assert list(a) == ["surabaya", "kitakyushu", "busan", "jatim"], list(a)
assert a["surabaya"] == {"id": "surabaya", "name": "Kota Surabaya", "kind": "city",
                         "country": "ID", "aliases": ["Suroboyo"]}, a["surabaya"]
assert a["jatim"]["kind"] == "province" and a["jatim"]["name"] == "Provinsi Jawa Timur"
t = d["ties"]
assert t[0] == {"from": "surabaya", "to": "kitakyushu", "type": "g2g", "instrument": "sister-city",
                "since": 1997, "status": "active", "Sektor": "environment"}, t[0]
assert t[1] == {"from": "surabaya", "to": "busan", "type": "g2g", "instrument": "mou",
                "since": 1994, "until": 2010, "status": "ended", "Sektor": "trade"}, t[1]
assert t[2] == {"from": "surabaya", "to": "jatim", "type": "vertical", "since": 2005}, t[2]
PYEOF
# Read back, the saved file needs no normalisation: only what the data lacks
# (sources) and the near-miss extra field are said.
expect_exit 0 "$PN" validate "$OUT/full.json"
hasnt "$OUT/err" "read as"
hasnt "$OUT/err" "is the name of"
has "$OUT/err" "ties[0].Sektor: unknown field \"Sektor\" is kept as it is (did you mean \"sectors\"?)"
has "$OUT/err" "full.json: valid: 4 actors, 3 ties, 0 sources, 5 warnings"
# The year column dates the ties: the view at 2000 holds them.
expect_exit 0 "$PN" info "$OUT/full.json"
has "$OUT/out" "years:   1994-2010"
expect_exit 0 "$PN" metrics "$OUT/full.json" --at 2000 --format csv
has "$OUT/out" "1,surabaya,Kota Surabaya,city,ID,2,2,"
# --strict refuses what was normalised.
(cd "$S/full" && "$PN" validate --strict ties.csv actors.csv >/dev/null 2>"$OUT/err")
[ $? -eq 1 ] && ok || fail "validate --strict full/ did not exit 1"

# edgelist/: a ties table alone.
for cmd in validate convert; do
    o=
    [ $cmd = convert ] && o="-o $OUT/el.json"
    (cd "$S/edgelist" && "$PN" $cmd ties.csv $o >"$OUT/out" 2>"$OUT/$cmd.err")
    [ $? -eq 0 ] && ok || fail "$cmd edgelist/ did not exit 0"
    same "$S/edgelist/expected" "$OUT/$cmd.err"
done
has "$OUT/validate.err" "ties.csv: valid: 3 actors, 3 ties, 0 sources, 8 warnings"
if "$PY" - "$OUT/el.json" <<'PYEOF'; then ok; else fail "el.json holds the made actors"; fi
import json, sys
d = json.load(open(sys.argv[1]))
assert d["actors"] == [
    {"id": "kota-surabaya", "name": "Kota Surabaya", "kind": "city", "country": "ZZ"},
    {"id": "kitakyushu", "name": "Kitakyushu", "kind": "city", "country": "ZZ"},
    {"id": "busan", "name": "Busan", "kind": "city", "country": "ZZ"}], d["actors"]
assert [(t["from"], t["to"], t["since"]) for t in d["ties"]] == [
    ("kota-surabaya", "kitakyushu", 1997), ("kota-surabaya", "busan", 1994),
    ("kitakyushu", "busan", 2001)], d["ties"]
PYEOF
# With the defaults given, the warning says where kind and country came
# from, and the kinds' tie rules apply (three cities of one country: g2g).
(cd "$S/edgelist" && "$PN" validate --default-kind city --default-country ID ties.csv 2>"$OUT/err")
has "$OUT/err" "ties.csv: warning: no actors table: 3 actors made from the tie ends (named as written; id: the end, or its slug), of kind \"city\" (--default-kind) and country \"ID\" (--default-country)"
has "$OUT/err" "ties.csv:2: warning: g2g tie joins"
# An end that is an id keeps it; a slug that would take it gets "-2"; an
# end with no ASCII letter is "actor".
printf 'from,to,type\nAceh Besar,aceh-besar,horizontal\n대전,aceh-besar,g2g\n' >"$OUT/ties.csv"
expect_exit 0 "$PN" convert "$OUT/ties.csv" -o "$OUT/slug.json"
if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [(a["id"], a["name"]) for a in d["actors"]] == [("aceh-besar-2", "Aceh Besar"), ("aceh-besar", "aceh-besar"), ("actor", "대전")], d["actors"]' "$OUT/slug.json"; then ok; else fail "slugs"; fi
# Only an actors table is still refused.
printf 'id,name,kind,country\na,A,city,ID\n' >"$OUT/actors.csv"
expect_exit 1 "$PN" validate "$OUT/actors.csv"
has "$OUT/err" "no ties table given"

# A name two actors share is an error naming both; the id then works.
printf 'id;name;kind;country\nkb-a;Kota Baru;city;ID\nkb-b;Kota Baru;regency;ID\nx;X;city;ID\n' >"$OUT/actors.csv"
printf 'from;to;type\nKota Baru;x;horizontal\n' >"$OUT/ties.csv"
expect_exit 1 "$PN" validate "$OUT/ties.csv" "$OUT/actors.csv"
has "$OUT/err" "ties.csv:2: error: column \"from\": \"Kota Baru\" is the name or alias of 2 actors (\"kb-a\", \"kb-b\"): give the id"
# An alias beside its field's own column stays an extra field, said; a
# "sources" column stays the citations beside "source"/"target".
printf 'id,cite\ns1,A study (2020).\n' >"$OUT/sources.csv"
printf 'source,target,type,since,year,sources\nkb-a,x,horizontal,2001,2002,s1\n' >"$OUT/ties.csv"
expect_exit 0 "$PN" convert "$OUT/ties.csv" "$OUT/actors.csv" "$OUT/sources.csv" -o "$OUT/both.json"
has "$OUT/err" "ties.csv:1: warning: column \"year\": kept as an extra field: it is an alias of \"since\", which column \"since\" gives"
if "$PY" -c 'import json,sys; t=json.load(open(sys.argv[1]))["ties"][0]; assert (t["from"], t["to"], t["since"], t["year"], t["sources"]) == ("kb-a", "x", 2001, 2002, ["s1"]), t' "$OUT/both.json"; then ok; else fail "alias beside its field"; fi

# GraphML keys follow the same aliases, said at the key's line.
cat >"$OUT/g.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="kind" attr.type="string"/>
  <key id="d1" for="node" attr.name="country" attr.type="string"/>
  <key id="d2" for="edge" attr.name="type" attr.type="string"/>
  <key id="d3" for="edge" attr.name="Year" attr.type="int"/>
  <key id="d4" for="edge" attr.name="start" attr.type="int"/>
  <key id="d5" for="edge" attr.name="End_Year" attr.type="int"/>
  <key id="d6" for="node" attr.name="label" attr.type="string"/>
  <key id="d7" for="graph" attr.name="sources" attr.type="string"/>
  <key id="d8" for="edge" attr.name="sources" attr.type="string"/>
  <graph edgedefault="undirected">
    <data key="d7">[{"id": "s1", "cite": "A study (2020)."}]</data>
    <node id="a"><data key="d0">city</data><data key="d1">ID</data><data key="d6">A</data></node>
    <node id="b"><data key="d0">city</data><data key="d1">KR</data><data key="d6">B</data></node>
    <edge source="a" target="b"><data key="d2">g2g</data><data key="d3">2001</data><data key="d4">1999</data><data key="d5">2005</data><data key="d8">s1</data></edge>
  </graph>
</graphml>
XML
expect_exit 0 "$PN" validate "$OUT/g.graphml"
has "$OUT/err" "g.graphml:6: warning: key \"Year\": read as \"since\" (an alias)"
has "$OUT/err" "g.graphml:7: warning: key \"start\": kept as an extra field: it is an alias of \"since\", which key \"Year\" gives"
has "$OUT/err" "g.graphml:8: warning: key \"End_Year\": read as \"until\" (an alias)"
has "$OUT/err" "g.graphml: valid: 2 actors, 1 ties, 1 sources, 3 warnings"
expect_exit 1 "$PN" validate --strict "$OUT/g.graphml"
expect_exit 0 "$PN" convert -q "$OUT/g.graphml" -o "$OUT/g.json"
if "$PY" -c 'import json,sys; t=json.load(open(sys.argv[1]))["ties"][0]; assert (t["since"], t["until"], t["start"]) == (2001, 2005, 1999), t' "$OUT/g.json"; then ok; else fail "GraphML aliases"; fi

# A near-miss in another case: "Tipe" is no type (--default-type gives it).
printf 'from,to,Tipe\nkb-a,x,horizontal\n' >"$OUT/ties.csv"
expect_exit 0 "$PN" validate --default-type horizontal "$OUT/ties.csv" "$OUT/actors.csv"
has "$OUT/err" "ties.csv:1: warning: column \"Tipe\": unknown field, kept as an extra field (did you mean \"type\"?)"
hasnt "$OUT/err" "ties.csv:2: warning: column \"Tipe\""

# Ends by name stay linear: 20000 actors, each tie naming both ends.
n=20000
[ -n "${PN_UNDER_VALGRIND:-}" ] && n=500
awk -v n=$n 'BEGIN { print "id,name,kind,country"; for (i = 0; i < n; i++) printf "a%d,Actor %d,city,ID\n", i, i }' >"$OUT/actors.csv"
awk -v n=$n 'BEGIN { print "from,to,type,sources"; for (i = 0; i < n; i++) printf "Actor %d,Actor %d,horizontal,s1\n", i, (i + 1) % n }' >"$OUT/ties.csv"
expect_exit 0 "$PN" validate --max-errors 0 "$OUT/ties.csv" "$OUT/actors.csv" "$OUT/sources.csv"
has "$OUT/err" "valid: $n actors, $n ties, 1 sources, $n warnings"

finish
