#!/usr/bin/python3
"""Betweenness + closeness + harmonic, side by side (issue 18;
docs/performance.md, "Path metrics side by side"). Not part of ctest.

    /usr/bin/python3 tests/bench/paths.py --paranet build/tools/paranet \
        [--raw-igraph build-bench/tests/bench/raw_igraph] [--work /tmp/pn-paths] \
        [--generate 10000,100000] [--world 100000] [--cutoff 3] \
        [--peers-max 20000] [--networkx-max 6000] [--only NAME,...]

Exact rows: datasets/twin-cities.json and datasets/twintowns-de.json
(real), and `paranet generate --shape sister-cities` at the sizes of
--generate (seed 1). Cutoff rows (--world): `paranet generate --actors N`
(the default shape, seed 1) with every path of at most --cutoff hops.
Each input is first reduced to a simple undirected graph (one edge per
pair of actors, every basis, no self-ties), written as a paranet dataset
and as an edge list, so that every tool computes on the same graph. Then,
one after another, each tool's whole job (load + the three metrics) runs
under /usr/bin/time: paranet with its default workers (the online CPUs)
and with --jobs 1; raw igraph (tests/bench/raw_igraph --paths, igraph's C
functions on a graph built beforehand; its time is the process's, reading
the edge list included); python-igraph; graph-tool with 1 thread and with
every thread; NetworkX up to --networkx-max actors. Exact rows skip every
peer above --peers-max actors (the table says so): python-igraph takes
about 20 minutes on the 100k sister-city network. With a cutoff, the peers
are raw igraph's _cutoff functions and python-igraph's betweenness alone
(python-igraph 0.10.2 computes closeness and harmonic with a cutoff wrongly:
docs/performance.md); graph-tool and NetworkX have no cutoff. The
betweenness of every peer is compared with paranet's (relative 1e-6), so
the times are for the same answer. The work column divides the wall time
by the edge visits: V * 2E for V exact breadth-first searches; with a
cutoff, V times the mean arcs scanned by a search stopped there (sampled
from 200 sources). Results are cached in --work (delete a .time file to
re-run that tool); the table is printed as Markdown."""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

PEER = r"""
import sys, time
kind, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
n, edges = 0, []
with open(path) as f:
    n = int(f.readline())
    for line in f:
        a, b = line.split()
        edges.append((int(a), int(b)))
if kind == "igraph":
    import igraph as ig
    g = ig.Graph(n=n, edges=edges, directed=False)
    bet = g.betweenness(directed=False)
    g.closeness()
    g.harmonic_centrality()
elif kind.startswith("igraph-cutoff"):
    import igraph as ig
    g = ig.Graph(n=n, edges=edges, directed=False)
    bet = g.betweenness(directed=False, cutoff=int(kind.split(":")[1]))
elif kind.startswith("graph-tool"):
    import graph_tool.all as gt
    gt.openmp_set_num_threads(int(kind.split(":")[1]))
    g = gt.Graph(directed=False)
    g.add_vertex(n)
    g.add_edge_list(edges)
    vb, _ = gt.betweenness(g, norm=False)
    gt.closeness(g, norm=True)
    gt.closeness(g, harmonic=True, norm=True)
    bet = list(vb.a)
elif kind == "networkx":
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    b = nx.betweenness_centrality(g, normalized=False)
    nx.closeness_centrality(g)
    nx.harmonic_centrality(g)
    bet = [b[v] for v in range(n)]
with open(out, "w") as f:
    f.write("\n".join("%.17g" % x for x in bet) + "\n")
"""


def simple(src, work, tag):
    """The simple undirected graph of a dataset: (dataset path, edge list
    path, V, E)."""
    ds = json.load(open(src))
    ids = [a["id"] for a in ds["actors"]]
    index = {a: i for i, a in enumerate(ids)}
    seen, ties = set(), []
    for t in ds["ties"]:
        a, b = index[t["from"]], index[t["to"]]
        key = (min(a, b), max(a, b))
        if a == b or key in seen:
            continue
        seen.add(key)
        t = dict(t)
        t.pop("directed", None)
        ties.append(t)
    ds["ties"] = ties
    dpath = os.path.join(work, tag + ".json")
    epath = os.path.join(work, tag + ".edges")
    if not os.path.exists(dpath):
        json.dump(ds, open(dpath, "w"), ensure_ascii=False)
        with open(epath, "w") as f:
            f.write("%d\n" % len(ids))
            for a, b in sorted(seen):
                f.write("%d %d\n" % (a, b))
    return dpath, epath, len(ids), len(seen)


def timed(work, tag, cmd, timeout):
    tim = os.path.join(work, tag + ".time")
    if not os.path.exists(tim):
        print("running", tag, "(load %.1f)" % os.getloadavg()[0], file=sys.stderr, flush=True)
        try:
            rc = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tim] + cmd,
                                stdout=subprocess.DEVNULL, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
        if rc != 0:
            open(tim, "w").write("failed %s\n" % rc)
    parts = open(tim).read().split()
    if parts[0] == "failed":
        return None
    wall, user, sys_, rss = map(float, parts[-4:])
    return wall, user + sys_, rss / 1024


def paranet_bet(pn, dpath, cutoff):
    cmd = [pn, "metrics", dpath, "-m", "betweenness", "--basis", "all", "--keep-isolates",
           "--sort", "id", "-f", "tsv", "-q", "--precision", "full"]
    if cutoff:
        cmd += ["--cutoff", str(cutoff)]
    tsv = subprocess.run(cmd, stdout=subprocess.PIPE, check=True, text=True).stdout.splitlines()
    head = tsv[0].split("\t")
    col, idc = head.index("betweenness"), head.index("id")
    return {row.split("\t")[idc]: float(row.split("\t")[col]) for row in tsv[1:]}


def visits(epath, cutoff):
    """Edge visits of V searches: V * 2E exact; with a cutoff, V times the
    mean arcs scanned from the vertices within cutoff - 1 hops of 200
    sources (every 1/200th vertex)."""
    with open(epath) as f:
        n = int(f.readline())
        adj = [[] for _ in range(n)]
        m = 0
        for line in f:
            a, b = map(int, line.split())
            adj[a].append(b)
            adj[b].append(a)
            m += 1
    if not cutoff:
        return n * 2.0 * m
    sources = range(0, n, max(1, n // 200))
    total = 0
    for s in sources:
        seen, frontier = {s}, [s]
        for _ in range(cutoff):
            nxt = []
            for v in frontier:
                total += len(adj[v])
                for x in adj[v]:
                    if x not in seen:
                        seen.add(x)
                        nxt.append(x)
            frontier = nxt
    return n * total / len(sources)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paranet", required=True)
    ap.add_argument("--raw-igraph", help="tests/bench/raw_igraph of a PN_BUILD_BENCH build "
                    "(default: beside --paranet's build, or build-bench)")
    ap.add_argument("--work", default="/tmp/pn-paths")
    ap.add_argument("--generate", default="10000",
                    help="sizes of the sister-city networks, exact (comma-separated; '' none)")
    ap.add_argument("--world", default="",
                    help="sizes of the default-shape networks, with --cutoff (comma-separated)")
    ap.add_argument("--cutoff", type=int, default=3)
    ap.add_argument("--real", type=int, default=1, help="0: skip the two real networks")
    ap.add_argument("--peers-max", type=int, default=20000,
                    help="exact rows: no peer above this many actors")
    ap.add_argument("--networkx-max", type=int, default=6000)
    ap.add_argument("--timeout", type=int, default=1800)
    o = ap.parse_args()
    os.makedirs(o.work, exist_ok=True)
    pn = os.path.abspath(o.paranet)
    raw = o.raw_igraph
    if not raw:
        for cand in (os.path.join(os.path.dirname(os.path.dirname(pn)), "tests", "bench",
                                  "raw_igraph"),
                     os.path.join(ROOT, "build-bench", "tests", "bench", "raw_igraph")):
            if os.path.exists(cand):
                raw = cand
                break
    if raw and not os.path.exists(raw):
        sys.exit("paths.py: no %s (cmake -DPN_BUILD_BENCH=ON; --target bench)" % raw)
    inputs = []
    if o.real:
        inputs += [("twin-cities", os.path.join(ROOT, "datasets", "twin-cities.json"), 0),
                   ("twintowns-de", os.path.join(ROOT, "datasets", "twintowns-de.json"), 0)]
    for size in filter(None, o.generate.split(",")):
        path = os.path.join(o.work, "sister-%s-src.json" % size)
        if not os.path.exists(path):
            subprocess.run([pn, "generate", "--actors", size, "--shape", "sister-cities",
                            "-o", path], check=True, stderr=subprocess.DEVNULL)
        inputs.append(("sister-cities-%s" % size, path, 0))
    for size in filter(None, o.world.split(",")):
        path = os.path.join(o.work, "world-%s-src.json" % size)
        if not os.path.exists(path):
            subprocess.run([pn, "generate", "--actors", size, "-o", path], check=True,
                           stderr=subprocess.DEVNULL)
        inputs.append(("world-%s, cutoff %d" % (size, o.cutoff), path, o.cutoff))
    peer = os.path.join(o.work, "peer.py")
    open(peer, "w").write(PEER)
    threads = os.cpu_count() or 1
    rows = []
    metrics = ["metrics", None, "-m", "betweenness,closeness,harmonic", "--basis", "all",
               "--keep-isolates", "-f", "tsv", "-q"]
    for tag, src, cutoff in inputs:
        dpath, epath, v, e = simple(src, o.work, tag.split(",")[0])
        work = visits(epath, cutoff)
        cut = ["--cutoff", str(cutoff)] if cutoff else []
        job = [pn] + [dpath if x is None else x for x in metrics] + cut
        tools = [("paranet (%d workers)" % threads, job), ("paranet --jobs 1", job + ["--jobs", "1"])]
        if cutoff:
            if raw:
                tools.append(("raw igraph 0.10.2 (C, _cutoff functions)", ["raw"]))
            tools.append(("python-igraph, betweenness only", ["igraph-cutoff:%d" % cutoff]))
        elif v > o.peers_max:
            tools.append(("every peer: skipped (over --peers-max %d actors)" % o.peers_max, None))
        else:
            if raw:
                tools.append(("raw igraph 0.10.2 (C)", ["raw"]))
            tools += [("python-igraph", ["igraph"]),
                      ("graph-tool, 1 thread", ["graph-tool:1"]),
                      ("graph-tool, %d threads" % threads, ["graph-tool:%d" % threads])]
            if v <= o.networkx_max:
                tools.append(("NetworkX", ["networkx"]))
        ref, order = None, None
        base = None
        for name, cmd in tools:
            if cmd is None:
                rows.append((tag, v, e, name, "skip", None, None, None, ""))
                continue
            key = "%s.%s" % (tag.replace(", cutoff ", "-cutoff").replace(" ", ""),
                             name.split(" (")[0].replace(" ", "_").replace(",", ""))
            if name.startswith("paranet ("):
                key = "%s.paranet_default" % tag.replace(", cutoff ", "-cutoff").replace(" ", "")
            agree = ""
            if cmd[0] == pn:
                got = timed(o.work, key, cmd, o.timeout)
            else:
                bet = os.path.join(o.work, key + ".bet")
                if cmd[0] == "raw":
                    run = [raw, epath] + (["--cutoff", str(cutoff)] if cutoff else []) + \
                          ["--paths", bet]
                else:
                    run = ["/usr/bin/python3", peer, cmd[0], epath, bet]
                got = timed(o.work, key, run, o.timeout)
                if got and os.path.exists(bet):
                    if ref is None:
                        ref = paranet_bet(pn, dpath, cutoff)
                        order = [a["id"] for a in json.load(open(dpath))["actors"]]
                    vals = [float(x) for x in open(bet).read().split()]
                    worst = max(abs(vals[i] - ref[a]) / max(abs(ref[a]), 1.0)
                                for i, a in enumerate(order))
                    agree = "yes" if worst <= 1e-6 else "NO (%.1e)" % worst
            if not got:
                rows.append((tag, v, e, name, None, None, None, None, ""))
                continue
            wall, cpu, rss = got
            base = base or wall
            rows.append((tag, v, e, name, wall, cpu, rss, wall / base, agree, work))
    print("| network | V | E | tool | wall s | CPU s | peak MB | x paranet | ns per edge visit"
          " | betweenness = paranet's |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    last = None
    for row in rows:
        tag, v, e, name, wall = row[:5]
        lead = ("| %s | %d | %d |" % (tag, v, e)) if tag != last else "| | | |"
        last = tag
        if wall == "skip":
            print("%s %s | | | | | | |" % (lead, name))
        elif wall is None:
            print("%s %s | failed or timed out | | | | | |" % (lead, name))
        else:
            cpu, rss, ratio, agree, work = row[5:]
            print("%s %s | %.2f | %.2f | %.0f | %.1f | %.2f | %s |"
                  % (lead, name, wall, cpu, rss, ratio, wall * 1e9 / work,
                     agree or "(reference)"))


if __name__ == "__main__":
    sys.exit(main())
