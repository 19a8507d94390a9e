#!/bin/sh
# paranet mixing and aggregate against NetworkX 2.8 (Debian's
# python3-networkx under /usr/bin/python3): on every shipped dataset, the
# default view's ties (the reported and inferred ones) as a MultiGraph;
# nx.attribute_mixing_matrix (counts, each undirected edge both ways, so a
# group's own cell twice its ties inside) equals paranet's observed counts;
# nx.quotient_graph of the partition (a multigraph: an edge per edge between
# two blocks) equals the aggregate's weights summed per pair of groups. Skipped (77) without
# networkx.
. "$(dirname "$0")/../cli_lib.sh"
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import networkx' >/dev/null 2>&1; then
    echo "skipped: /usr/bin/python3 lacks networkx"
    exit 77
fi
for f in "$SRC"/datasets/*.json "$SRC/tests/data/aggregate/small.json"; do
    for by in country kind; do
        expect_exit 0 "$PN" mixing "$f" --by "$by" -f json
        cp "$OUT/out" "$OUT/mixing.json"
        expect_exit 0 "$PN" aggregate "$f" --by "$by" -o "$OUT/agg.json"
        expect_exit 0 "$PY" - "$f" "$OUT/mixing.json" "$OUT/agg.json" "$by" <<'PYEOF'
import json, sys
import networkx as nx
src, mixing, agg, by = sys.argv[1:5]
d = json.load(open(src, encoding="utf-8"))
m, a = json.load(open(mixing)), json.load(open(agg))
ties = [t for t in d["ties"] if t.get("basis", "reported") in ("reported", "inferred")]
G = nx.MultiGraph()
ends = {t["from"] for t in ties} | {t["to"] for t in ties}
dropped = len(ties) < len(d["ties"])
for x in d["actors"]:
    if not dropped or x["id"] in ends:
        G.add_node(x["id"], group=x[by])
for t in ties:
    G.add_edge(t["from"], t["to"])
values = sorted({G.nodes[v]["group"] for v in G})
M = nx.attribute_mixing_matrix(G, "group", nodes=None,
                               mapping={g: i for i, g in enumerate(values)}, normalized=False)
# paranet's groups, by the same attribute value, in its own order.
ours = {}
for g in a["actors"]:
    ours[g["id"]] = g[by]
seen = 0
for row in m["rows"]:
    i, j = values.index(ours[row["group_a"]]), values.index(ours[row["group_b"]])
    want = M[i, j] / 2 if i == j else M[i, j]
    assert row["observed"] == want, (row, want)
    seen += row["observed"]
assert seen == len(ties) == M.sum() / 2, (seen, len(ties), M.sum())
# The quotient graph of the simple graph whose edge weights count the ties
# of a pair (NetworkX's multigraph quotient keeps one edge per pair of
# nodes, not per edge): its default edge data sums the weights.
# (quotient_graph is quadratic in the blocks: the twin towns' 86 countries
# take half a minute, so the quotient is checked on up to 40 groups)
if len(values) > 40:
    sys.exit(0)
S = nx.Graph()
S.add_nodes_from(G.nodes(data=True))
for u, v in G.edges():
    w = S.get_edge_data(u, v, default={"weight": 0})["weight"]
    S.add_edge(u, v, weight=w + 1)
blocks = [frozenset(v for v in S if S.nodes[v]["group"] == g) for g in values]
Q = nx.quotient_graph(S, blocks, relabel=False)
got = {}
for t in a["ties"]:
    k = frozenset((ours[t["from"]], ours[t["to"]]))
    got[k] = got.get(k, 0) + t["weight"]
want = {}
for b, c, w in Q.edges(data="weight"):
    k = frozenset((S.nodes[next(iter(b))]["group"], S.nodes[next(iter(c))]["group"]))
    want[k] = w
assert got == want, (got, want)
PYEOF
    done
done
finish
