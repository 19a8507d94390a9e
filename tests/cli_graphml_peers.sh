#!/bin/sh
# paranet's GraphML as the peer tools read it (R igraph, python-igraph,
# NetworkX, graph-tool; Debian's r-cran-igraph, python3-igraph,
# python3-networkx, python3-graph-tool): directed ties from their from to
# their to, the actor id as the vertex name (R: V(g)["tangsel"]), the display
# name as the label, numbers typed as numbers. Skipped (exit 77) when a tool
# is missing; ctest label "peers".
. "$(dirname "$0")/cli_lib.sh"
PY=/usr/bin/python3
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(igraph)' >/dev/null 2>&1; then
    echo "skipped: no Rscript with library(igraph)"
    exit 77
fi
if ! [ -x "$PY" ] || ! "$PY" -c 'import networkx, igraph, graph_tool' >/dev/null 2>&1; then
    echo "skipped: /usr/bin/python3 lacks networkx, igraph or graph_tool"
    exit 77
fi
expect_exit 0 "$PN" convert "$SRC/datasets/tangsel.json" -o "$OUT/t.graphml"
expect_exit 0 "$PN" convert "$SRC/tests/data/roundtrip/everything.json" -o "$OUT/e.graphml"
# The expected ties from the JSON itself: id, from, to, directed (TRUE/FALSE).
expect_exit 0 "$PY" - "$SRC/datasets/tangsel.json" "$OUT/ties.tsv" <<'PYEOF'
import json, sys
ties = json.load(open(sys.argv[1], encoding="utf-8"))["ties"]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for t in ties:
        f.write("%s\t%s\t%s\t%s\n" % (t["id"], t["from"], t["to"], "TRUE" if t.get("directed") else "FALSE"))
PYEOF
# By hand from tangsel.json: 29 actors, 46 ties, 13 directed; 3 with basis
# "recommended"; since on 13 ties; no weight. everything.json: 3 weights,
# tangsel's lat -6.2835.
expect_exit 0 Rscript - "$OUT/t.graphml" "$OUT/ties.tsv" "$OUT/e.graphml" <<'REOF'
suppressMessages(library(igraph))
a <- commandArgs(trailingOnly = TRUE)
g <- read_graph(a[1], "graphml")
want <- read.delim(a[2], header = FALSE, col.names = c("id", "from", "to", "directed"),
                   colClasses = "character")
stopifnot(is_directed(g), vcount(g) == 29, ecount(g) == 46)
stopifnot(V(g)["tangsel"]$label == "Kota Tangerang Selatan")
el <- as_edgelist(g, names = TRUE)
got <- data.frame(id = E(g)$id, from = el[, 1], to = el[, 2], directed = E(g)$directed)
m <- merge(want, got, by = "id")
stopifnot(nrow(m) == 46, all(m$from.x == m$from.y), all(m$to.x == m$to.y),
          all((m$directed.x == "TRUE") == m$directed.y), sum(m$directed.y) == 13)
stopifnot(is.logical(E(g)$directed), is.numeric(E(g)$since), sum(!is.na(E(g)$since)) == 13)
stopifnot(sum(E(g)$basis == "recommended", na.rm = TRUE) == 3)
stopifnot(!("weight" %in% edge_attr_names(g)), is.numeric(g$paranet))
e <- read_graph(a[3], "graphml")
stopifnot(is.numeric(E(e)$weight), sort(E(e)$weight[!is.na(E(e)$weight)]) == c(0, 0.1, 3),
          V(e)["tangsel"]$lat == -6.2835)
cat("R igraph", as.character(packageVersion("igraph")), "ok\n")
REOF
has "$OUT/out" "ok"
expect_exit 0 "$PY" - "$OUT/t.graphml" "$OUT/ties.tsv" "$OUT/e.graphml" <<'PYEOF'
import sys
import graph_tool.all as gt
import igraph as ig
import networkx as nx
t, tsv, e = sys.argv[1:4]
want = {}
for line in open(tsv, encoding="utf-8"):
    i, f, to, d = line.rstrip("\n").split("\t")
    want[i] = (f, to, d == "TRUE")
# NetworkX: node id = actor id.
G = nx.read_graphml(t)
assert G.is_directed() and (G.number_of_nodes(), G.number_of_edges()) == (29, 46)
assert G.nodes["tangsel"]["label"] == "Kota Tangerang Selatan"
got = {k: (u, v, d["directed"]) for u, v, k, d in G.edges(keys=True, data=True)}
assert got == want
assert all(type(d["since"]) is int for _, _, d in G.edges(data=True) if "since" in d)
assert sum(1 for *_, d in G.edges(data=True) if "since" in d) == 13
assert sum(d.get("basis") == "recommended" for *_, d in G.edges(data=True)) == 3
E = nx.read_graphml(e)
assert sorted(d["weight"] for *_, d in E.edges(data=True) if "weight" in d) == [0.0, 0.1, 3.0]
assert E.nodes["tangsel"]["lat"] == -6.2835
# python-igraph: the vertex name is the actor id.
g = ig.Graph.Read_GraphML(t)
assert g.is_directed() and (g.vcount(), g.ecount()) == (29, 46)
assert g.vs.find(name="tangsel")["label"] == "Kota Tangerang Selatan"
got = {x["id"]: (g.vs[x.source]["name"], g.vs[x.target]["name"], x["directed"]) for x in g.es}
assert got == want
assert sum(s == s for s in g.es["since"]) == 13 and all(isinstance(s, float) for s in g.es["since"])
assert "weight" not in g.es.attributes()
# graph-tool: the ids are kept in _graphml_vertex_id.
h = gt.load_graph(t)
assert h.is_directed() and (h.num_vertices(), h.num_edges()) == (29, 46)
vid, eid = h.vp["_graphml_vertex_id"], h.ep["_graphml_edge_id"]
got = {eid[x]: (vid[x.source()], vid[x.target()], bool(h.ep["directed"][x])) for x in h.edges()}
assert got == want
assert h.ep["since"].value_type() == "int32_t" and h.ep["directed"].value_type() == "bool"
assert h.vp["label"][h.vertex(0)] == "Kota Tangerang Selatan"
assert gt.load_graph(e).vp["lat"].value_type() in ("double", "long double")
print("networkx", nx.__version__, "igraph", ig.__version__, "graph-tool", gt.__version__.split()[0], "ok")
PYEOF
has "$OUT/out" "ok"
finish
