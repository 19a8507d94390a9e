"""NetworkX's side of the benchmark: the same job as pn_bench from the same
JSON. Usage: peer_networkx.py FILE [--no-metrics] [--render OUT.svg].
NetworkX has no hop cutoff for betweenness or closeness, so at 100k actors
run.py passes --no-metrics (docs/performance.md)."""
import subprocess
import sys

from peer_common import brokerage, effective_size, load, now, report, write_dot

import networkx as nx

path = sys.argv[1]
t0 = now()
n, pairs, country = load(path)
g = nx.Graph()
g.add_nodes_from(range(n))
g.add_edges_from(pairs)
report("load", now() - t0)
total = 0.0


def timed(name, fn):
    global total
    a = now()
    fn()
    d = now() - a
    total += d
    report("metric:" + name, d)


if "--no-metrics" not in sys.argv:
    timed("degree", lambda: dict(g.degree()))
    timed("betweenness", lambda: nx.betweenness_centrality(g, normalized=False))
    timed("closeness", lambda: nx.closeness_centrality(g))
    timed("harmonic", lambda: nx.harmonic_centrality(g))
    timed("eigenvector", lambda: nx.eigenvector_centrality(g, max_iter=1000, tol=1e-8))
    timed("pagerank", lambda: nx.pagerank(g, alpha=0.85))
    timed("hub+authority", lambda: nx.hits(g, max_iter=1000))
    timed("constraint", lambda: nx.constraint(g))
    nbrs = [set(g.adj[v]) for v in range(n)]
    timed("effective-size", lambda: effective_size(n, nbrs))
    timed("coreness", lambda: nx.core_number(g))
    timed("component", lambda: list(nx.connected_components(g)))
    timed("community", lambda: nx.community.louvain_communities(g, seed=42))
    group = {}
    gid = [group.setdefault(c, len(group)) for c in country]
    timed("brokerage", lambda: brokerage(n, nbrs, gid))
    report("metrics", total)
a = now()
reached = nx.node_connected_component(g, 0)
report("reach", now() - a)
print("reached", len(reached))
if "--render" in sys.argv:
    out = sys.argv[sys.argv.index("--render") + 1]
    a = now()
    write_dot(n, pairs, country, out + ".dot")
    subprocess.run(["dot", "-Tsvg", "-o", out, out + ".dot"], check=True)
    report("render", now() - a)
