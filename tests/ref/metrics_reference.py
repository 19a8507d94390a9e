#!/usr/bin/python3
"""Reference values for tests/check_metrics.c, from NetworkX 2.8.8 and
python-igraph 0.10.2 (Debian 12: apt-get install python3-networkx
python3-igraph; run with /usr/bin/python3). Not run by the tests: its output
was pasted into check_metrics.c. Conventions mapped to paranet's
(docs/metrics.md): closeness without the Wasserman-Faust correction and
outgoing (nx measures incoming, so directed graphs are reversed); harmonic
divided by n-1; eigenvector, hub and authority scaled to max 1."""
import networkx as nx
import igraph as ig

def florentine():
    path = __file__.rsplit("/", 2)[0] + "/data/florentine.txt"
    names, ties, in_ties = [], [], False
    for line in open(path):
        line = line.strip()
        if line == "# ties":
            in_ties = True
            continue
        if not line or line.startswith("#"):
            continue
        (ties.append(tuple(line.split())) if in_ties else names.append(line))
    G = nx.Graph()
    G.add_nodes_from(names)
    G.add_edges_from(ties)
    return G, names

def karate():
    k = ig.Graph.Famous("Zachary")
    G = nx.Graph()
    G.add_nodes_from(range(34))
    G.add_edges_from(k.get_edgelist())
    return G, list(range(34))

def row(label, d, order):
    print("    /* %s */" % label)
    vals = ["%.9g" % d[v] for v in order]
    out, line = [], "    "
    for v in vals:
        if len(line) + len(v) + 2 > 98:
            out.append(line.rstrip())
            line = "    "
        line += v + ", "
    out.append(line.rstrip())
    print("\n".join(out))

def report(name, G, order, directed=False):
    n = G.number_of_nodes()
    R = G.reverse() if directed else G
    print("==", name)
    row("betweenness: nx.betweenness_centrality(normalized=False)", nx.betweenness_centrality(G, normalized=False), order)
    row("closeness: nx.closeness_centrality(wf_improved=False)", nx.closeness_centrality(R, wf_improved=False), order)
    h = nx.harmonic_centrality(R)
    row("harmonic: nx.harmonic_centrality / (n-1)", {v: h[v] / (n - 1) for v in G}, order)
    if all(d > 0 for _, d in G.degree()) or True:
        e = nx.eigenvector_centrality_numpy(G)
        mx = max(e.values())
        row("eigenvector: nx.eigenvector_centrality_numpy / max", {v: e[v] / mx for v in G}, order)
    row("pagerank: nx.pagerank(alpha=0.85, tol=1e-12)", nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000), order)
    row("constraint: nx.constraint", nx.constraint(G), order)
    row("effective size: nx.effective_size", nx.effective_size(G), order)
    row("coreness: nx.core_number", nx.core_number(G), order)
    if directed:
        hub, auth = nx.hits(G, max_iter=10000, tol=1e-12)
        row("hub: nx.hits / max", {v: hub[v] / max(hub.values()) for v in G}, order)
        row("authority: nx.hits / max", {v: auth[v] / max(auth.values()) for v in G}, order)
    U = G.to_undirected() if directed else G
    print("    transitivity %.9g density %.9g" % (nx.transitivity(U), nx.density(G)))

if __name__ == "__main__":
    G, order = karate()
    report("karate", G, order)
    G, order = florentine()
    report("florentine (Pucci isolated)", G, order)
    H = G.subgraph([v for v in order if v != "pucci"])
    print("    florentine without pucci: avg path %.9g diameter %d" % (
        nx.average_shortest_path_length(H), nx.diameter(H)))
    # a small directed graph, also weighted
    D = nx.DiGraph()
    D.add_nodes_from(range(6))
    D.add_edges_from([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (4, 5), (1, 5)])
    report("directed6", D, list(range(6)), directed=True)
    W = nx.Graph()
    W.add_nodes_from(range(5))
    W.add_weighted_edges_from([(0, 1, 2), (0, 2, 1), (1, 2, 3), (2, 3, 1), (3, 4, 4), (0, 3, 2)])
    print("== weighted5")
    row("strength", dict(W.degree(weight="weight")), range(5))
    row("constraint (weight)", nx.constraint(W, weight="weight"), range(5))
    row("effective size (weight)", nx.effective_size(W, weight="weight"), range(5))
    e = nx.eigenvector_centrality_numpy(W, weight="weight")
    row("eigenvector (weight) / max", {v: e[v] / max(e.values()) for v in W}, range(5))
    row("pagerank (weight)", nx.pagerank(W, weight="weight", tol=1e-12, max_iter=10000), range(5))
    # assortativity and modularity references
    kar = ig.Graph.Famous("Zachary")
    print("== karate club factions (igraph attribute 'Faction' is absent; Zachary split from the"
          " literature)")
