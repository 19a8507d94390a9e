#!/bin/sh
# paranet convert and merge: formats, round trips, locations, exit codes.
. "$(dirname "$0")/cli_lib.sh"
D=$SRC/datasets
T=$SRC/tests/data

# Round trips through the CLI give the canonical JSON back, byte for byte.
expect_exit 0 "$PN" convert "$D/tangsel.json" -o "$OUT/canon.json"
has "$OUT/err" "wrote json: 29 actors, 46 ties, 4 sources"
expect_exit 0 "$PN" convert "$D/tangsel.json" -o "$OUT/t.graphml"
expect_exit 0 "$PN" convert "$OUT/t.graphml" -o "$OUT/back.json"
if cmp -s "$OUT/canon.json" "$OUT/back.json"; then ok; else fail "GraphML round trip differs"; fi
expect_exit 0 "$PN" convert "$D/tangsel.json" -o "$OUT/csv/"
for f in actors ties sources dataset; do
    if [ -f "$OUT/csv/$f.csv" ]; then ok; else fail "no $f.csv"; fi
done
# No weight column: no tie of tangsel has a weight (tests/cli_plain_tables.sh).
has "$OUT/csv/ties.csv" "from,to,id,type,instrument,since,until,status,basis,sectors,directed,note,sources"
expect_exit 0 "$PN" convert "$OUT/csv" -o "$OUT/back2.json"
if cmp -s "$OUT/canon.json" "$OUT/back2.json"; then ok; else fail "CSV (directory) round trip differs"; fi
# Tables as inputs in any order, or named; ';' delimiter.
expect_exit 0 "$PN" convert "$D/tangsel.json" -o "$OUT/semi" --to csv --delimiter ';'
has "$OUT/semi/actors.csv" "id;label;kind;country"
expect_exit 0 "$PN" convert "$OUT/semi/ties.csv" "$OUT/semi/dataset.csv" "$OUT/semi/actors.csv" \
    "$OUT/semi/sources.csv" -o "$OUT/back3.json"
if cmp -s "$OUT/canon.json" "$OUT/back3.json"; then ok; else fail "CSV (;) round trip differs"; fi
expect_exit 0 "$PN" convert --actors "$OUT/semi/actors.csv" --ties "$OUT/semi/ties.csv" \
    --sources "$OUT/semi/sources.csv" --dataset "$OUT/semi/dataset.csv" -o "$OUT/back4.json"
if cmp -s "$OUT/canon.json" "$OUT/back4.json"; then ok; else fail "CSV (named) round trip differs"; fi

# Standard input and output.
expect_exit 0 sh -c "\"$PN\" convert - -o - < \"$D/bandung.json\" > \"$OUT/b.json\""
expect_exit 0 "$PN" validate "$OUT/b.json"
expect_exit 0 sh -c "\"$PN\" convert \"$D/bandung.json\" --to graphml -o - | \"$PN\" convert --from graphml - -o \"$OUT/b2.json\""
if cmp -s "$OUT/b.json" "$OUT/b2.json"; then ok; else fail "stdin/stdout GraphML round trip differs"; fi
expect_exit 0 "$PN" convert "$D/bandung.json" -o "$OUT/b.gexf"
has "$OUT/b.gexf" 'xmlns="http://www.gexf.net/1.2draft"'
# GEXF is read back (tests/cli_gexf.sh has the rest), from standard input too.
expect_exit 0 sh -c "\"$PN\" convert --from gexf - -o \"$OUT/b3.json\" < \"$OUT/b.gexf\""
if cmp -s "$OUT/b.json" "$OUT/b3.json"; then ok; else fail "stdin GEXF round trip differs"; fi
expect_exit 0 "$PN" convert "$D/bandung.json" -o "$OUT/b.dot"
has "$OUT/b.dot" "petaling-jaya"

# CSV errors are located by file, line and column name.
printf 'id,name,kind,country\ndaejeon,Daejeon,city,KR\ntangsel,Tangsel,citi,ID\n' > "$OUT/actors.csv"
printf 'from,to,type\ntangsel,daejon,g2g\n' > "$OUT/ties.csv"
expect_exit 1 "$PN" convert "$OUT/actors.csv" "$OUT/ties.csv" -o "$OUT/x.json"
has "$OUT/err" "actors.csv:3: error: column \"kind\": unknown kind \"citi\" (did you mean \"city\"?)"
has "$OUT/err" "ties.csv:2: error: column \"to\": no actor \"daejon\" (did you mean \"daejeon\"?)"
if [ -e "$OUT/x.json" ]; then fail "an invalid input wrote output"; else ok; fi

# Usage errors.
expect_exit 2 "$PN" convert "$D/bandung.json"
has "$OUT/err" "no output given"
expect_exit 2 "$PN" convert "$D/bandung.json" -o "$OUT/x.xlsx"
has "$OUT/err" "give --to"
expect_exit 2 "$PN" convert "$D/bandung.json" -o "$OUT/x" --to xlsx
expect_exit 2 "$PN" convert "$OUT/b.dot" -o "$OUT/x.json"
has "$OUT/err" "written only"
expect_exit 2 "$PN" convert "$D/bandung.json" --to csv -o -
expect_exit 2 "$PN" convert -d '|' "$D/bandung.json" -o "$OUT/x.json"

# Writes: a failure is exit 3 with the path; an earlier file stays as it was.
expect_exit 3 "$PN" convert "$D/bandung.json" -o /nonexistent-dir/x.json
has "$OUT/err" "/nonexistent-dir/x.json: error: cannot write"
expect_exit 3 "$PN" convert "$D/bandung.json" -o /proc/paranet-x.graphml
has "$OUT/err" "/proc/paranet-x.graphml: error: cannot write"
expect_exit 3 "$PN" convert "$D/bandung.json" -o /nonexistent-dir/sub/
mkdir "$OUT/isdir.json"
expect_exit 3 "$PN" convert "$D/bandung.json" -o "$OUT/isdir.json"
if [ -d "$OUT/isdir.json" ]; then ok; else fail "the directory was replaced"; fi
if ls "$OUT" | grep -q 'tmp'; then fail "a temporary file was left behind"; else ok; fi
echo '{"kept": true}' > "$OUT/keep.json"
expect_exit 1 "$PN" convert "$OUT/actors.csv" "$OUT/ties.csv" -o "$OUT/keep.json"
has "$OUT/keep.json" '{"kept": true}'
expect_exit 3 "$PN" merge "$D/tangsel.json" "$D/bandung.json" -o /nonexistent-dir/m.json

# Merge: the shipped studies form one valid network.
expect_exit 0 "$PN" merge "$D/tangsel.json" "$D/bandung.json" -o "$OUT/merged.json"
has "$OUT/err" "merged 2 files: 30 actors, 53 ties, 6 sources"
expect_exit 0 "$PN" validate --strict "$OUT/merged.json"
# A conflict names both files with lines, and stops unless --prefer.
expect_exit 1 "$PN" merge "$T/merge/a.json" "$T/merge/b.json" -o "$OUT/m.json"
has "$OUT/err" "b.json:7:5: error: actors[1]: actor \"x\": name \"X City\" here, \"Kota X\" in"
has "$OUT/err" "a.json:6:5 (actors[0])"
if [ -e "$OUT/m.json" ]; then fail "a failed merge wrote output"; else ok; fi
expect_exit 0 "$PN" merge --prefer last "$T/merge/a.json" "$T/merge/b.json" -o "$OUT/m.json"
has "$OUT/err" "keeping this one"
has "$OUT/m.json" '"name": "X City"'
has "$OUT/m.json" '"aliases": ["Kota X"]'
# The MoU both studies report is one tie citing both.
has "$OUT/m.json" '"sources": ["a2020", "b2021"]'
expect_exit 0 "$PN" validate "$OUT/m.json"
expect_exit 2 "$PN" merge --prefer middle "$T/merge/a.json" -o "$OUT/m.json"
expect_exit 2 "$PN" merge "$T/merge/a.json"
expect_exit 3 "$PN" merge "$T/merge/a.json" /nonexistent.json -o "$OUT/m2.json"

# GraphML from other tools (tests/data/graphml): yEd's node labels are names,
# a NetworkX MultiGraph's repeated edge ids are made unique with a warning,
# a declared Latin-1 encoding is honoured.
expect_exit 0 "$PN" convert --default-kind city --default-country ID --default-type g2g \
    "$T/graphml/yed.graphml" -o "$OUT/yed.json"
has "$OUT/yed.json" '"name": "Suwon & Hwaseong"'
expect_exit 0 "$PN" convert "$T/graphml/networkx-multigraph.graphml" -o "$OUT/nx.json"
has "$OUT/err" 'networkx-multigraph.graphml:29: warning: edge id "0" repeats (first at line 23)'
has "$OUT/nx.json" '"id": "a-b-1"'
expect_exit 0 "$PN" convert --default-kind city --default-type g2g --default-country DE \
    "$T/graphml/latin1.graphml" -o "$OUT/latin1.json"
has "$OUT/latin1.json" '"name": "München"'
# A character XML cannot hold is not written into GraphML or GEXF.
printf '{"paranet": 1, "actors": [{"id": "a", "name": "A\\uffffB", "kind": "city", "country": "ID"}], "ties": []}\n' > "$OUT/ffff.json"
expect_exit 1 "$PN" convert "$OUT/ffff.json" -o "$OUT/ffff.graphml"
has "$OUT/err" 'ffff.graphml: error: actors[0].name: actor "a", field "name": GraphML U+FFFF'
if [ -e "$OUT/ffff.graphml" ]; then fail "GraphML with U+FFFF written"; else ok; fi
expect_exit 1 "$PN" convert "$OUT/ffff.json" -o "$OUT/ffff.gexf"
if [ -e "$OUT/ffff.gexf" ]; then fail "GEXF with U+FFFF written"; else ok; fi

# A dataset.csv with only its field column: one located error, exit 1, no output.
mkdir -p "$OUT/onecol"
printf 'id,name,kind,country\na,A,city,KR\nb,B,city,ID\n' > "$OUT/onecol/actors.csv"
printf 'from,to,type\na,b,g2g\n' > "$OUT/onecol/ties.csv"
printf 'field\ntitle\n' > "$OUT/onecol/dataset.csv"
expect_exit 1 "$PN" convert "$OUT/onecol" -o "$OUT/onecol.json"
has "$OUT/err" "dataset.csv:1: error: a dataset table's columns are \"field\" then \"value\""
if [ -e "$OUT/onecol.json" ]; then fail "a one-column dataset table wrote output"; else ok; fi

# Spreadsheet formulas are written after a quote and read back unchanged.
cat > "$OUT/formula.json" <<'J'
{"paranet": 1, "actors": [
 {"id": "a", "name": "=1+2", "kind": "city", "country": "ID", "note": "+62 21 555"},
 {"id": "b", "name": "@SUM(A1)", "kind": "city", "country": "KR", "region": "-0.5"}],
 "ties": [{"from": "a", "to": "b", "type": "g2g", "weight": 0.5}]}
J
expect_exit 0 "$PN" convert "$OUT/formula.json" -o "$OUT/formula.canon.json"
expect_exit 0 "$PN" convert "$OUT/formula.json" -o "$OUT/formula/"
has "$OUT/formula/actors.csv" "a,'=1+2,city,ID,,,'+62 21 555,"
has "$OUT/formula/actors.csv" "b,'@SUM(A1),city,KR,,-0.5,,"
expect_exit 0 "$PN" convert "$OUT/formula" -o "$OUT/formula.back.json"
if cmp -s "$OUT/formula.canon.json" "$OUT/formula.back.json"; then ok; else fail "formula cells did not read back unchanged"; fi

# A spreadsheet's spelling of the vocabulary is read, each normalisation a
# located warning; the saved dataset has the format's spelling and loads clean.
mkdir -p "$OUT/sheet"
printf 'id,name,kind,country\na,A,City,ID\nb,B,city,KR\n' >"$OUT/sheet/actors.csv"
printf 'from,to,type,instrument,status,sources\na,b,G2G,MoU,Active,s\n' >"$OUT/sheet/ties.csv"
printf 'id,cite\ns,A study.\n' >"$OUT/sheet/sources.csv"
expect_exit 0 "$PN" convert "$OUT/sheet" -o "$OUT/sheet.json"
has "$OUT/err" 'actors.csv:2: warning: column "kind": kind "City" is read as "city" (the format'"'"'s spelling)'
has "$OUT/err" 'ties.csv:2: warning: column "type": type "G2G" is read as "g2g"'
has "$OUT/err" 'ties.csv:2: warning: column "instrument": instrument "MoU" is read as "mou"'
has "$OUT/err" 'ties.csv:2: warning: column "status": status "Active" is read as "active"'
[ "$(grep -c 'is read as' "$OUT/err")" -eq 4 ] && ok || fail "not 4 normalisations: $(cat "$OUT/err")"
has "$OUT/sheet.json" '"instrument": "mou"'
expect_exit 0 "$PN" validate --strict "$OUT/sheet.json"
expect_exit 1 "$PN" convert --strict "$OUT/sheet" -o "$OUT/sheet2.json"

# actors.csv: label is the name (no alias warning), as paranet writes it; a
# name beside it is R igraph's as_data_frame(g, "vertices"): the id again
# (beside an id column), or the id (without one); else a conflict.
mkdir -p "$OUT/nl"
printf 'from,to,type,sources
a,b,g2g,s
' >"$OUT/nl/ties.csv"
printf 'id,cite
s,A study.
' >"$OUT/nl/sources.csv"
nl() { # nl CASE HEADER ROW-A ROW-B: the tables with that actors.csv
    mkdir -p "$OUT/nl/$1" && cp "$OUT/nl/ties.csv" "$OUT/nl/sources.csv" "$OUT/nl/$1/"
    printf '%s\n%s\n%s\n' "$2" "$3" "$4" >"$OUT/nl/$1/actors.csv"
}
nl label 'id,Label,kind,country' 'a,Kota A,city,ID' 'b,Kota B,city,KR'
expect_exit 0 "$PN" convert "$OUT/nl/label" -o "$OUT/nl/label.json"
hasnt "$OUT/err" "warning"
has "$OUT/nl/label.json" '"name": "Kota A"'
nl copy 'name,label,kind,country,id' 'a,Kota A,city,ID,a' 'b,Kota B,city,KR,b'
expect_exit 0 "$PN" convert "$OUT/nl/copy" -o "$OUT/nl/copy.json"
has "$OUT/err" 'actors.csv:1: warning: column "name": the actor'"'"'s id again in every row (as R igraph'"'"'s as_data_frame(g, "vertices") writes a GraphML'"'"'s vertices): dropped, column "label" is the name'
[ "$(grep -c 'warning' "$OUT/err")" -eq 1 ] && ok || fail "not one warning: $(cat "$OUT/err")"
cmp -s "$OUT/nl/label.json" "$OUT/nl/copy.json" && ok || fail "name beside label and id: not the label's dataset"
nl noid 'name,label,kind,country' 'a,Kota A,city,ID' 'b,Kota B,city,KR'
expect_exit 0 "$PN" convert "$OUT/nl/noid" -o "$OUT/nl/noid.json"
has "$OUT/err" 'actors.csv:1: warning: column "name": read as the actor id, and column "label" as the name: a table without an "id" column'
[ "$(grep -c 'warning' "$OUT/err")" -eq 1 ] && ok || fail "not one warning: $(cat "$OUT/err")"
cmp -s "$OUT/nl/label.json" "$OUT/nl/noid.json" && ok || fail "name and label without id: not the label's dataset"
expect_exit 1 "$PN" convert --strict "$OUT/nl/noid" -o "$OUT/nl/strict.json"
nl both 'id,name,label,kind,country' 'a,a,Kota A,city,ID' 'b,Kota B,B,city,KR'
expect_exit 1 "$PN" convert "$OUT/nl/both" -o "$OUT/nl/both.json"
has "$OUT/err" 'actors.csv:3: error: column "name": "Kota B" is not the actor'"'"'s id ("b"): beside an id column and column "label" (the name), a "name" column can only repeat the id'
if [ -e "$OUT/nl/both.json" ]; then fail "a name/label conflict wrote output"; else ok; fi
# name alone is still the name; paranet writes label.
nl name 'id,name,kind,country' 'a,Kota A,city,ID' 'b,Kota B,city,KR'
expect_exit 0 "$PN" convert "$OUT/nl/name" -o "$OUT/nl/name.json"
cmp -s "$OUT/nl/label.json" "$OUT/nl/name.json" && ok || fail "name alone: not the label's dataset"
expect_exit 0 "$PN" convert "$OUT/nl/name.json" -o "$OUT/nl/out/"
head -n 1 "$OUT/nl/out/actors.csv" | grep -q '^id,label,kind,country,' && ok || fail "actors.csv header: $(head -n 1 "$OUT/nl/out/actors.csv")"
finish
