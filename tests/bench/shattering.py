#!/usr/bin/python3
"""Where Sariyuce et al. 2013 ("Shattering and compressing networks for
betweenness centrality") would pay on paranet's engine (issue 18;
docs/performance.md), measured with python-igraph on the simple undirected
graph of each dataset: after iterative pendant folding (what the engine
already does), the core's size, its biconnected components (the largest
one's share of the core, and the arcs scanned by searches confined to
their block, against searches over the whole core), and the core vertices
with an identical neighbourhood to another (type I: the same open
neighbourhood; type II: the same closed one), with the sources that
merging them would save. Not part of ctest.

    /usr/bin/python3 tests/bench/shattering.py TAG=FILE.json ..."""
import json, sys, collections
import igraph as ig

def simple(path):
    ds = json.load(open(path))
    ids = {a["id"]: i for i, a in enumerate(ds["actors"])}
    seen = set()
    for t in ds["ties"]:
        a, b = ids[t["from"]], ids[t["to"]]
        if a != b:
            seen.add((min(a, b), max(a, b)))
    return ig.Graph(n=len(ids), edges=sorted(seen))

for tag, path in [(a.split("=")[0], a.split("=")[1]) for a in sys.argv[1:]]:
    g = simple(path)
    n, m = g.vcount(), g.ecount()
    # iterative pendant folding
    deg = g.degree()
    adj = [set(x) for x in g.get_adjlist()]
    alive = [True] * n
    stack = [v for v in range(n) if deg[v] <= 1]
    while stack:
        v = stack.pop()
        if not alive[v] or deg[v] > 1:
            continue
        if deg[v] == 0:
            # a whole tree folded to its last vertex (or an isolate): stays
            continue
        alive[v] = False
        for u in adj[v]:
            if alive[u]:
                deg[u] -= 1
                if deg[u] <= 1:
                    stack.append(u)
    core = [v for v in range(n) if alive[v] and deg[v] > 0]
    c = g.induced_subgraph(core)
    C, EC = c.vcount(), c.ecount()
    bcc = c.biconnected_components()
    sizes = sorted((len(b) for b in bcc), reverse=True)
    # work of searches confined to blocks (arcs scanned): sum |B| * 2|E_B|
    blocks = list(bcc)
    eb = collections.Counter()
    memb = [set() for _ in range(C)]
    for i, b in enumerate(blocks):
        for v in b:
            memb[v].add(i)
    for e in c.es:
        a, b = e.tuple
        common = memb[a] & memb[b]
        eb[next(iter(common))] += 1
    work_b = sum(len(blocks[i]) * 2 * eb[i] for i in range(len(blocks)))
    work_c = C * 2 * EC
    # twins on the core
    cadj = c.get_adjlist()
    open_cls = collections.Counter(tuple(sorted(x)) for x in cadj)
    closed_cls = collections.Counter(tuple(sorted(x + [v])) for v, x in enumerate(cadj))
    t1 = sum(k for k in open_cls.values() if k > 1)
    t2 = sum(k for k in closed_cls.values() if k > 1)
    s1 = sum(k - 1 for k in open_cls.values() if k > 1)
    s2 = sum(k - 1 for k in closed_cls.values() if k > 1)
    print("%s: V %d E %d | core %d (%.1f%%), core edges %d | blocks %d, largest %d = %.1f%% of core |"
          " block-confined search work %.1f%% of the core's | type I twins %d (%.1f%%; %d sources"
          " saved, %.1f%%), type II %d (%.1f%%; %d saved, %.1f%%)"
          % (tag, n, m, C, 100.0 * C / n, EC, len(blocks), sizes[0] if sizes else 0,
             100.0 * (sizes[0] if sizes else 0) / max(C, 1), 100.0 * work_b / max(work_c, 1),
             t1, 100.0 * t1 / C, s1, 100.0 * s1 / C, t2, 100.0 * t2 / C, s2, 100.0 * s2 / C))
    sys.stdout.flush()
