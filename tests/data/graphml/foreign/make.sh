#!/bin/sh
# Regenerate the GraphML files in this directory: tangsel.json here (a copy
# of datasets/tangsel.json as it was before its coordinates, issue 17) as
# paranet exports it, read and written back by each peer tool (Debian's
# r-cran-igraph, python3-igraph, python3-networkx, python3-graph-tool).
# tests/cli_interchange_foreign.sh imports them without the tools.
#
#   tests/data/graphml/foreign/make.sh [PARANET]    (default build/tools/paranet)
#
# r-igraph-layout1.graphml is R's rewrite of ../layout1-tangsel.graphml, the
# layout paranet 0.1.0 wrote before issue 14 (name = display name), which
# cannot be regenerated.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../../.." && pwd)
pn=${1:-$src/build/tools/paranet}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$pn" convert "$here/tangsel.json" -o "$tmp/tangsel.graphml"

Rscript - "$tmp/tangsel.graphml" "$here/../layout1-tangsel.graphml" "$here" <<'REOF'
suppressMessages(library(igraph))
a <- commandArgs(trailingOnly = TRUE)
g <- read_graph(a[1], "graphml")
write_graph(g, file.path(a[3], "r-igraph.graphml"), "graphml")
# A graph whose vertex names are the actor ids and that has no id attribute
# (as graph_from_data_frame(ties, vertices = actors) makes one).
write_graph(delete_vertex_attr(g, "id"), file.path(a[3], "r-igraph-noid.graphml"), "graphml")
write_graph(read_graph(a[2], "graphml"), file.path(a[3], "r-igraph-layout1.graphml"), "graphml")
REOF

"$py" - "$tmp/tangsel.graphml" "$here" "$src" <<'PEOF'
import os
import sys
import graph_tool.all as gt
import igraph as ig
import networkx as nx
src, out = sys.argv[1], sys.argv[2]
# Not g.write_graphml: python-igraph 0.10.2 copies long strings from freed
# memory (tests/peers/pyigraph_write.py); checked by reading the file back.
sys.path.insert(0, os.path.join(sys.argv[3], "tests", "peers"))
import pyigraph_write  # noqa: E402
def attrs(g):
    return ({a: g[a] for a in g.attributes()},
            {a: g.vs[a] for a in g.vs.attributes()},
            {a: g.es[a] for a in g.es.attributes()},
            g.get_edgelist())
def same(x, y):
    return x == y or (x != x and y != y)  # NaN is NaN
def equal(g, h):
    return all(a.keys() == b.keys() and all(
        (same(a[k], b[k]) if not isinstance(a[k], list) else
         len(a[k]) == len(b[k]) and all(same(u, v) for u, v in zip(a[k], b[k])))
        for k in a) for a, b in zip(attrs(g)[:3], attrs(h)[:3])) and attrs(g)[3] == attrs(h)[3]
path = os.path.join(out, "python-igraph.graphml")
g = ig.Graph.Read_GraphML(src)
pyigraph_write.write_graphml(g, path)
if not equal(g, ig.Graph.Read_GraphML(path)):
    sys.exit("python-igraph: %s does not read back as the graph written" % path)
nx.write_graphml(nx.read_graphml(src), os.path.join(out, "networkx.graphml"))
g = gt.load_graph(src)
g.save(os.path.join(out, "graph-tool.graphml"))
# Without the ids graph-tool keeps from the file: node ids n0, n1, ...
del g.vp["_graphml_vertex_id"]
g.save(os.path.join(out, "graph-tool-noid.graphml"))
PEOF
