#!/bin/sh
# GEXF in and out (docs/formats.md, "GEXF"): the files NetworkX and Gephi
# write import with their ids, names, typed attributes and directions
# (tests/data/gexf: the NetworkX files are made by make_fixtures.py, the
# Gephi ones by hand; each *.expected.json is written by hand), paranet's
# own GEXF reads back to the same dataset, and bad input is located.
. "$(dirname "$0")/cli_lib.sh"
G=$SRC/tests/data/gexf
# same A B: the two JSON files hold the same dataset (python3's json, an independent reader).
same() {
    python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$1" "$2"
}

for f in networkx-digraph networkx-multigraph networkx-roundtrip gephi-1.3 gephi-1.2; do
    expect_exit 0 "$PN" convert "$G/$f.gexf" -o "$OUT/$f.json"
    same "$OUT/$f.json" "$G/$f.expected.json" && ok || fail "$f.gexf does not import as $f.expected.json"
done
# What the readers had to say, located.
expect_exit 0 "$PN" convert "$G/networkx-roundtrip.gexf" -o "$OUT/x.json"
has "$OUT/err" "networkx-roundtrip.gexf: warning: the file has no sources table (only paranet's own GEXF carries one): 1 source cited (\"s1\") made with the id as citation"
expect_exit 0 "$PN" convert "$G/gephi-1.2.gexf" -o "$OUT/x.json"
has "$OUT/err" "gephi-1.2.gexf:50: warning: edge E1 lives in 2 spells: the tie is read from the first start to the last end"
has "$OUT/err" "gephi-1.2.gexf:50: warning: edge id \"E1\" is not a paranet id (lowercase letters, digits, '_' or '-'): the tie has no id"

# Round trips: every shipped dataset and everything.json, JSON -> GEXF -> JSON, byte for byte.
for f in "$SRC"/datasets/*.json "$SRC/tests/data/roundtrip/everything.json" "$G/mixed.json"; do
    b=$(basename "$f" .json)
    expect_exit 0 "$PN" convert "$f" -o "$OUT/$b.canon.json"
    expect_exit 0 "$PN" convert "$f" -o "$OUT/$b.gexf"
    expect_exit 0 "$PN" convert "$OUT/$b.gexf" -o "$OUT/$b.back.json"
    cmp -s "$OUT/$b.canon.json" "$OUT/$b.back.json" && ok || fail "$b: JSON -> GEXF -> JSON differs"
done

# The encoding, on mixed.json (values by hand): a directed graph since one
# tie is directed; each tie its own edge, from its from to its to; the tie
# without an id is "#2" (its position); kinds g2g, g2g#2, g2g#3 for the
# three g2g ties of tangsel and daejeon (Gephi merges edges of one pair and
# kind); directed on every edge; since an integer attribute (plain years).
M=$OUT/mixed.gexf
has "$M" '<gexf xmlns="http://www.gexf.net/1.2draft"'
has "$M" 'xmlns:viz="http://www.gexf.net/1.2draft/viz"'
has "$M" '<graph mode="dynamic" defaultedgetype="directed" timeformat="date">'
has "$M" '<edge id="reg" source="kemendagri" target="tangsel" kind="vertical" label="vertical" start="2020-01-01">'
has "$M" '<edge id="mou" source="tangsel" target="daejeon" kind="g2g" label="g2g" weight="2.5" start="2016-01-01">'
has "$M" '<edge id="#2" source="daejeon" target="tangsel" kind="g2g#2" label="g2g" start="2014-01-01" end="2014-12-31">'
has "$M" '<edge id="plan" source="tangsel" target="daejeon" kind="g2g#3" label="g2g">'
has "$M" '<attribute id="since" title="since" type="integer"/>'
has "$M" '<attribute id="directed" title="directed" type="boolean"/>'
has "$M" '<attribute id="x0" title="latitude" type="double"/>'
[ "$(grep -c '<attvalue for="directed" value="true"/>' "$M")" = 1 ] && ok || fail "not 1 directed edge"
[ "$(grep -c '<attvalue for="directed" value="false"/>' "$M")" = 3 ] && ok || fail "not 3 undirected edges"
# No tie is directed in bandung.json: an undirected graph.
has "$OUT/bandung.gexf" 'defaultedgetype="undirected"'
# A dated since among plain years makes since a string attribute.
has "$OUT/everything.gexf" '<attribute id="since" title="since" type="string"/>'

# Whole coordinates are doubles all the same; whole numbers of another field are longs.
printf '%s\n' '{"paranet": 1, "sources": [], "actors": [{"id": "a", "name": "A", "kind": "city",' \
    '"country": "DE", "latitude": 52, "lng": 13, "pop": 5}], "ties": []}' >"$OUT/ll.json"
expect_exit 0 "$PN" convert "$OUT/ll.json" -o "$OUT/ll.gexf"
has "$OUT/ll.gexf" 'title="latitude" type="double"/>'
has "$OUT/ll.gexf" 'title="lng" type="double"/>'
has "$OUT/ll.gexf" 'title="pop" type="long"/>'
# Read back, the two are an alias pair (docs/formats.md): the coordinates lat and lon.
expect_exit 0 "$PN" convert "$OUT/ll.gexf" -o "$OUT/ll2.json"
has "$OUT/err" 'attribute "latitude": read as "lat" (an alias)'
has "$OUT/err" 'attribute "lng": read as "lon" (an alias)'
sed 's/"latitude"/"lat"/; s/"lng"/"lon"/' "$OUT/ll.json" >"$OUT/ll0.json"
expect_exit 0 "$PN" convert "$OUT/ll0.json" -o "$OUT/ll1.json"
cmp -s "$OUT/ll1.json" "$OUT/ll2.json" && ok || fail "ll: JSON -> GEXF -> JSON differs"

# Bad input: located errors, exit 1, nothing written.
bad() {
    printf '%s\n' "$2" >"$OUT/$1.gexf"
    expect_exit 1 "$PN" convert "$OUT/$1.gexf" -o "$OUT/$1.json"
    has "$OUT/err" "$3"
    if [ -e "$OUT/$1.json" ]; then fail "$1: written"; else ok; fi
}
HEAD='<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected">'
bad undeclared "$HEAD
<nodes><node id=\"a\" label=\"A\"><attvalues>
<attvalue for=\"zz\" value=\"1\"/></attvalues></node></nodes></graph></gexf>" \
    'undeclared.gexf:3: error: <attvalue for="zz">: no such attribute is declared for nodes'
bad kind "$HEAD
<attributes class=\"node\"><attribute id=\"0\" title=\"kind\" type=\"string\"/>
<attribute id=\"1\" title=\"country\" type=\"string\"/></attributes>
<nodes><node id=\"a\" label=\"A\"><attvalues><attvalue for=\"1\" value=\"ID\"/>
<attvalue for=\"0\" value=\"citi\"/></attvalues></node></nodes></graph></gexf>" \
    'kind.gexf:5: error: node "a", attribute "kind": unknown kind "citi" (did you mean "city"?)'
bad target "$HEAD
<nodes><node id=\"a\" label=\"A\"/></nodes>
<edges><edge id=\"e\" source=\"a\" target=\"zz\"/></edges></graph></gexf>" \
    'target.gexf:3: error: edge "e" (a -> zz), target: no actor "zz"'
bad doctype "<!DOCTYPE gexf [<!ENTITY x \"y\">]>
$HEAD</graph></gexf>" 'doctype.gexf:1: error: a <!DOCTYPE> is not accepted'
bad syntax "$HEAD
<nodes><node id=\"a\"></nodes></graph></gexf>" 'syntax.gexf:2:'
bad edgetype '<gexf xmlns="http://gexf.net/1.3"><graph defaultedgetype="sideways"></graph></gexf>' \
    'edgetype.gexf:1: error: <graph defaultedgetype="sideways">: must be "directed", "undirected" or "mutual"'
bad nograph '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph/></graphml>' \
    'nograph.gexf: error: no <graph> element in GEXF'"'"'s namespace: is this GEXF?'
bad nested "$HEAD
<nodes><node id=\"a\" label=\"A\"><nodes><node id=\"b\" label=\"B\"/></nodes></node></nodes></graph></gexf>" \
    'nested.gexf:2: error: <node> inside a <node>: nested graphs (GEXF hierarchies) are not supported'
bad meta "<gexf xmlns=\"http://www.gexf.net/1.2draft\"><meta>
<paranet:dataset xmlns:paranet=\"urn:paranet:gexf\">[1]</paranet:dataset></meta>
<graph/></gexf>" 'meta.gexf:2: error: <paranet:dataset> must hold the dataset'"'"'s fields as a JSON object'
# XInclude is not followed (cli_hostile.sh refuses GEXF's DTDs with GraphML's).
printf 'secret-%s\n' $$ >"$OUT/secret.txt"
cat >"$OUT/xinclude.gexf" <<EOF2
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xi="http://www.w3.org/2001/XInclude"><graph>
<nodes><node id="a"><xi:include href="file://$OUT/secret.txt" parse="text"/></node></nodes></graph></gexf>
EOF2
expect_exit 1 "$PN" convert "$OUT/xinclude.gexf" -o "$OUT/xinclude.json" --default-kind city --default-country ID
has "$OUT/err" 'xinclude.gexf:2: error: node "a": missing field "name"'
hasnt "$OUT/err" "secret-$$"
finish
