#!/bin/sh
# paranet's GEXF as NetworkX 2.8 reads it (Debian's python3-networkx under
# /usr/bin/python3), for every shipped dataset and the test datasets: node
# ids are actor ids, one edge per tie (keyed by its id), every directed tie
# from its from to its to, undirected ties marked directed=False, typed
# attributes, viz:; then NetworkX writes the graph back and paranet imports
# it with every actor and tie field NetworkX kept. Expected values come from
# the JSON, read by Python's json. Skipped (exit 77) without networkx.
. "$(dirname "$0")/cli_lib.sh"
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import networkx' >/dev/null 2>&1; then
    echo "skipped: /usr/bin/python3 lacks networkx"
    exit 77
fi
for f in "$SRC"/datasets/*.json "$SRC/tests/data/roundtrip/everything.json" "$SRC/tests/data/gexf/mixed.json"; do
    b=$(basename "$f" .json)
    expect_exit 0 "$PN" convert "$f" -o "$OUT/$b.gexf"
    expect_exit 0 "$PY" - "$f" "$OUT/$b.gexf" "$OUT/$b.nx.gexf" <<'PYEOF'
import json, sys
import networkx as nx
src, ours, back = sys.argv[1:4]
d = json.load(open(src, encoding="utf-8"))
actors, ties = d["actors"], d["ties"]
G = nx.read_gexf(ours)
directed = any(t.get("directed") for t in ties)
assert G.is_directed() == directed, (G.is_directed(), directed)
assert G.is_multigraph() or len(ties) == G.number_of_edges()
assert sorted(G.nodes) == sorted(a["id"] for a in actors), "node ids are not the actor ids"
assert G.number_of_edges() == len(ties), (G.number_of_edges(), len(ties))
for a in actors:
    n = G.nodes[a["id"]]
    assert n["label"] == a["name"], (n["label"], a["name"])
    assert n["kind"] == a["kind"] and n["country"] == a["country"]
    assert isinstance(n["viz"]["size"], float) and set(n["viz"]["color"]) >= {"r", "g", "b"}
    for k in ("latitude", "longitude", "lat", "lon"):
        if isinstance(a.get(k), (int, float)) and not isinstance(a.get(k), bool):
            assert isinstance(n[k], float) and n[k] == a[k], (a["id"], k, n[k])
# Every tie: its edge, found by its id (or #position), between its ends in
# its direction; directed as a boolean; since an int when all are years.
years = all(isinstance(t["since"], int) for t in ties if "since" in t)
edges = {}
# A graph without parallel edges (twin-cities.json) NetworkX reads as a
# simple graph, with the edge id as the attribute id.
for u, v, k, e in (G.edges(keys=True, data=True) if G.is_multigraph()
                   else ((u, v, e["id"], e) for u, v, e in G.edges(data=True))):
    edges[k] = (u, v, e)
assert len(edges) == len(ties), "edge ids are not unique"
for i, t in enumerate(ties):
    u, v, e = edges[t.get("id", "#%d" % i)]
    if directed:
        assert (u, v) == (t["from"], t["to"]), ("reversed", t.get("id", i), u, v)
    else:
        assert {u, v} == {t["from"], t["to"]}
    assert e["directed"] is bool(t.get("directed")), (t.get("id", i), e["directed"])
    assert e["type"] == t["type"]
    if "since" in t:
        assert isinstance(e["since"], int if years else str), e["since"]
    if "weight" in t:
        assert isinstance(e["weight"], float) and e["weight"] == t["weight"]
# Kinds keep parallel ties apart for Gephi: unique per pair.
import xml.etree.ElementTree as ET
seen = set()
for el in ET.parse(ours).getroot().iter("{http://www.gexf.net/1.2draft}edge"):
    key = (frozenset((el.get("source"), el.get("target"))), el.get("kind"))
    assert key not in seen, ("kind repeats in a pair", key)
    seen.add(key)
nx.write_gexf(G, back)
print("read", len(actors), "actors and", len(ties), "ties")
PYEOF
    has "$OUT/out" "read"
    # NetworkX's file back into paranet: the same actors and ties, but for
    # what NetworkX drops (the <meta>: title, description, the sources'
    # citations; an actor's extra field "label", which NetworkX's label
    # overwrites; the order of an undirected tie's ends in an undirected
    # graph) and the extra fields of everything.json that are not strings
    # (NetworkX gives a string attribute back as a plain string).
    expect_exit 0 "$PN" convert "$OUT/$b.nx.gexf" -o "$OUT/$b.nx.json" --quiet
    expect_exit 0 "$PN" convert "$f" -o "$OUT/$b.canon.json" --quiet
    expect_exit 0 "$PY" - "$OUT/$b.canon.json" "$OUT/$b.nx.json" "$b" <<'PYEOF'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
extra_ok = sys.argv[3] == "everything"  # its odd extra fields come back as NetworkX's strings
def num(v):  # NetworkX reads a double attribute's 52 as 52.0: the same number
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return [num(x) for x in v] if isinstance(v, list) else v
    return float(v)
def norm(recs, drop):
    out = []
    for r in recs:
        r = {k: num(v) for k, v in r.items() if k not in drop}
        if "from" in r and not r.get("directed"):
            # An undirected NetworkX graph keeps no order of an edge's ends.
            r["from"], r["to"] = sorted((r["from"], r["to"]))
        out.append(json.dumps(r, sort_keys=True, ensure_ascii=False))
    return sorted(out)
known_a = {"id", "name", "kind", "country", "aliases", "region", "lat", "lon", "note", "sources"}
known_t = {"id", "from", "to", "type", "instrument", "since", "until", "status", "basis",
           "sectors", "weight", "directed", "note", "sources"}
if extra_ok:
    A = [{k: v for k, v in r.items() if k in known_a} for r in a["actors"]]
    B = [{k: v for k, v in r.items() if k in known_a} for r in b["actors"]]
    T = [{k: v for k, v in r.items() if k in known_t} for r in a["ties"]]
    U = [{k: v for k, v in r.items() if k in known_t} for r in b["ties"]]
else:
    A, B, T, U = a["actors"], b["actors"], a["ties"], b["ties"]
assert norm(A, {"label"}) == norm(B, set()), "actors differ after NetworkX"
assert norm(T, set()) == norm(U, set()), "ties differ after NetworkX"
assert sorted(s["id"] for s in a["sources"]) >= sorted(s["id"] for s in b["sources"])
print("same actors and ties")
PYEOF
    has "$OUT/out" "same actors and ties"
done
finish
