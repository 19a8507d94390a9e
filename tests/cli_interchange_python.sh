#!/bin/sh
# Our GraphML as NetworkX and python-igraph read it (Debian's python3-networkx
# and python3-igraph under /usr/bin/python3). Optional: skipped (exit 77)
# when they are not installed; the C round-trip tests do not need them.
. "$(dirname "$0")/cli_lib.sh"
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import networkx, igraph' >/dev/null 2>&1; then
    echo "skipped: /usr/bin/python3 lacks networkx or igraph"
    exit 77
fi
expect_exit 0 "$PN" convert "$SRC/tests/data/roundtrip/everything.json" -o "$OUT/e.graphml"
expect_exit 0 "$PN" convert "$SRC/datasets/tangsel.json" -o "$OUT/t.graphml"
# Expected values by hand from the JSON: everything.json has 12 actors and
# 13 ties, 4 of them between tangsel and daejeon; tangsel.json 29 and 46.
expect_exit 0 "$PY" - "$OUT/e.graphml" "$OUT/t.graphml" <<'PYEOF'
import sys
import networkx as nx
import igraph as ig
e, t = sys.argv[1], sys.argv[2]
G = nx.read_graphml(e)
assert G.is_multigraph(), "parallel ties must stay parallel"
assert (G.number_of_nodes(), G.number_of_edges()) == (12, 13), (G.number_of_nodes(), G.number_of_edges())
# Directed (two of its ties are), every edge from its tie's from to its to:
# 3 ties tangsel -> daejeon, t-visit daejeon -> tangsel (by hand from the JSON).
assert G.is_directed()
assert (G.number_of_edges("tangsel", "daejeon"), G.number_of_edges("daejeon", "tangsel")) == (3, 1)
# The actor id is the name, the display name the label (layout 2).
assert G.nodes["daejeon"]["name"] == "daejeon"
assert G.nodes["daejeon"]["label"] == "대전광역시"
# tangsel's extra field "label" is written as "_label".
assert G.nodes["tangsel"]["_label"] == "a label that is not the name"
assert G.nodes["tangsel"]["note"] == "Line one\nline two\r\nline three\twith tab; \"quoted\", <xml> & more"
assert G.nodes["tangsel"]["aliases"].split("|")[:2] == ["Tangsel", "South Tangerang"]
assert G.nodes["tangsel"]["lat"] == -6.2835
w = [d["weight"] for _, _, d in G.edges(data=True) if "weight" in d]
assert sorted(w) == [0.0, 0.1, 3.0], w
assert G.graph["title"].startswith("Everything")
H = nx.read_graphml(t)
assert (H.number_of_nodes(), H.number_of_edges()) == (29, 46)
g = ig.Graph.Read_GraphML(e)
assert (g.vcount(), g.ecount()) == (12, 13)
assert g.vs["name"][1] == "daejeon" and g.vs["id"][1] == "daejeon"
assert g.vs["label"][1] == "대전광역시"
assert g.vs.find(name="tangsel").index == 0
assert sorted(x for x in g.es["weight"] if x == x) == [0.0, 0.1, 3.0]
print("networkx", nx.__version__, "igraph", ig.__version__, "read both files")
PYEOF
has "$OUT/out" "read both files"
finish
