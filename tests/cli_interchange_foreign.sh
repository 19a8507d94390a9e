#!/bin/sh
# GraphML that other tools wrote (tests/data/graphml/foreign, made by make.sh
# there from paranet's export of tangsel.json there, datasets/tangsel.json
# before its coordinates): each imports as that tangsel.json itself, with one located warning per normalisation. Needs
# python3 (the standard library) to compare; not the tools themselves.
. "$(dirname "$0")/cli_lib.sh"
PY=python3
if ! command -v "$PY" >/dev/null 2>&1; then
    echo "skipped: no python3"
    exit 77
fi
F=$SRC/tests/data/graphml/foreign
G=$SRC/tests/data/graphml

# same JSON WANT [ends]: the import equals WANT (a dataset file); ties with
# ids are compared by id (NetworkX and graph-tool list a node's edges
# together); with "ends", a tie's from and to in either order.
same() {
    "$PY" - "$1" "$2" "${3:-}" <<'PYEOF' && ok || fail "$1 differs from $2"
import json, sys
got, want = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
if sys.argv[3] == "ends":
    for t in got["ties"] + want["ties"]:
        t["from"], t["to"] = sorted((t["from"], t["to"]))
for k in set(got) | set(want):
    if k not in ("actors", "ties"):
        assert got.get(k) == want.get(k), k
assert [a["id"] for a in got["actors"]] == [a["id"] for a in want["actors"]]
for a, b in zip(got["actors"], want["actors"]):
    assert a == b, (a, b)
assert len(got["ties"]) == len(want["ties"]), len(got["ties"])
if not all("id" in t for t in want["ties"]):
    assert got["ties"] == want["ties"]
    sys.exit(0)
g = {t["id"]: t for t in got["ties"]}
w = {t["id"]: t for t in want["ties"]}
assert len(g) == len(got["ties"]) and g.keys() == w.keys()
for i in w:
    assert g[i] == w[i], (g[i], w[i])
PYEOF
}

T=$F/tangsel.json
# By hand from tangsel.json: 29 actors, 46 ties, every one with an id. Of
# the string fields R igraph writes "" for when missing: aliases 29-24,
# note 29-21, region 29-2, instrument 46-33, status 46-24, basis 46-4,
# sectors 46-33: 130. Ties without since: 46-13 = 33 (graph-tool's 0).
for f in r-igraph python-igraph; do
    expect_exit 0 "$PN" convert "$F/$f.graphml" -o "$OUT/$f.json"
    has "$OUT/err" "$f.graphml:37: warning: node ids are generated (\"n0\", ...), as igraph and graph-tool write them: the 29 actors' ids are their key \"id\" (\"tangsel\", ...), and the edges' ends follow"
    has "$OUT/err" "$f.graphml:54: warning: 130 empty values read as absent"
    has "$OUT/err" "$f.graphml:366: warning: 46 edges without an id attribute take their key \"id\" as the tie id"
    same "$OUT/$f.json" "$T"
done
# A bad id from the key is located at the key.
sed 's|<data key="v_id">daejeon</data>|<data key="v_id">Daejeon</data>|' "$F/r-igraph.graphml" >"$OUT/bad.graphml"
expect_exit 1 "$PN" convert "$OUT/bad.graphml" -o "$OUT/bad.json"
has "$OUT/err" "bad.graphml:57: error: node \"Daejeon\", key \"id\": actor id \"Daejeon\" must be lowercase letters"
# No id attribute: the vertex names are the ids.
expect_exit 0 "$PN" convert "$F/r-igraph-noid.graphml" -o "$OUT/noid.json"
has "$OUT/err" "the 29 actors' ids are their key \"name\" (\"tangsel\", ...)"
same "$OUT/noid.json" "$T"
# R's rewrite of the first layout (name = display name): besides the 130,
# since ("" for 33 ties) and until ("" for all 46) were string keys: 209.
# That layout was an undirected graph, whose edges R writes with their ends
# in its own order: the directions are lost (issue 14), the rest is kept.
expect_exit 0 "$PN" convert "$F/r-igraph-layout1.graphml" -o "$OUT/l1r.json"
has "$OUT/err" "r-igraph-layout1.graphml:52: warning: 209 empty values read as absent"
same "$OUT/l1r.json" "$T" ends
# graph-tool keeps the ids (_graphml_vertex_id) and writes 0 for a missing since.
expect_exit 0 "$PN" convert "$F/graph-tool.graphml" -o "$OUT/gt.json"
has "$OUT/err" "graph-tool.graphml:335: warning: 33 dates 0 read as absent"
hasnt "$OUT/err" "generated"
same "$OUT/gt.json" "$T"
# graph-tool writes an edge without an id as id="": no tie id (the ties of
# gt.json, in the same order, without their ids).
sed 's|<edge id="[^"]*"|<edge id=""|' "$F/graph-tool.graphml" >"$OUT/gt-noedgeid.graphml"
expect_exit 0 "$PN" convert "$OUT/gt-noedgeid.graphml" -o "$OUT/gte.json"
has "$OUT/err" "gt-noedgeid.graphml:292: warning: 46 edges with an empty id attribute (id=\"\", as graph-tool writes an edge without an id): no tie id"
hasnt "$OUT/err" "repeats"
"$PY" -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for t in d["ties"]:
    del t["id"]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"))' "$OUT/gt.json" "$OUT/gt-noids.json"
same "$OUT/gte.json" "$OUT/gt-noids.json"
expect_exit 0 "$PN" convert "$F/graph-tool-noid.graphml" -o "$OUT/gtn.json"
has "$OUT/err" "graph-tool-noid.graphml:40: warning: node ids are generated (\"n0\", ...), as igraph and graph-tool write them: the 29 actors' ids are their key \"name\""
same "$OUT/gtn.json" "$T"
# NetworkX keeps ids and writes no missing value: nothing to say.
expect_exit 0 "$PN" convert "$F/networkx.graphml" -o "$OUT/nx.json"
hasnt "$OUT/err" "warning"
same "$OUT/nx.json" "$T"

# The first layout as paranet 0.1.0 wrote it (node name = display name,
# label its copy; an actor's extra field label as such) reads as before.
expect_exit 0 "$PN" convert "$G/layout1-tangsel.graphml" -o "$OUT/l1.json"
hasnt "$OUT/err" "warning"
same "$OUT/l1.json" "$T"
expect_exit 0 "$PN" convert "$G/layout1-everything.graphml" -o "$OUT/l1e.json"
same "$OUT/l1e.json" "$SRC/tests/data/roundtrip/everything.json"
finish
