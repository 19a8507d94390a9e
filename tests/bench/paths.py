#!/usr/bin/python3
"""Exact betweenness + closeness + harmonic, side by side (issue 18;
docs/performance.md, "Path metrics side by side"). Not part of ctest.

    /usr/bin/python3 tests/bench/paths.py --paranet build/tools/paranet \
        [--work /tmp/pn-paths] [--generate 10000,100000] [--networkx-max 6000]

Inputs: datasets/twin-cities.json and datasets/twintowns-de.json (real),
and `paranet generate --shape sister-cities` at the sizes given (seed 1).
Each is first reduced to a simple undirected graph (one edge per pair of
actors, every basis, no self-ties), written as a paranet dataset and as an
edge list, so that every tool computes on the same graph. Then, one after
another, each tool's whole job (load + the three metrics) runs under
/usr/bin/time: paranet with its default workers (the online CPUs) and with
--jobs 1; python-igraph; graph-tool with 1 thread and with every thread;
NetworkX up to --networkx-max actors. The betweenness of every tool is
compared with paranet's (relative 1e-6), so the times are for the same
answer. The work column divides the wall time by V * 2E, the edge visits
of V breadth-first searches. Results are cached in --work; the table is
printed as Markdown."""
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


def paranet_bet(pn, dpath, out):
    tsv = subprocess.run([pn, "metrics", dpath, "-m", "betweenness", "--basis", "all",
                          "--keep-isolates", "--sort", "id", "-f", "tsv", "-q",
                          "--precision", "full"],
                         stdout=subprocess.PIPE, check=True, text=True).stdout.splitlines()
    head = tsv[0].split("\t")
    col, idc = head.index("betweenness"), head.index("id")
    return {row.split("\t")[idc]: float(row.split("\t")[col]) for row in tsv[1:]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paranet", required=True)
    ap.add_argument("--work", default="/tmp/pn-paths")
    ap.add_argument("--generate", default="10000")
    ap.add_argument("--networkx-max", type=int, default=6000)
    ap.add_argument("--timeout", type=int, default=1800)
    o = ap.parse_args()
    os.makedirs(o.work, exist_ok=True)
    pn = os.path.abspath(o.paranet)
    inputs = [("twin-cities", os.path.join(ROOT, "datasets", "twin-cities.json")),
              ("twintowns-de", os.path.join(ROOT, "datasets", "twintowns-de.json"))]
    for size in filter(None, o.generate.split(",")):
        path = os.path.join(o.work, "sister-%s-src.json" % size)
        if not os.path.exists(path):
            subprocess.run([pn, "generate", "--actors", size, "--shape", "sister-cities",
                            "-o", path], check=True, stderr=subprocess.DEVNULL)
        inputs.append(("sister-cities-%s" % size, path))
    peer = os.path.join(o.work, "peer.py")
    open(peer, "w").write(PEER)
    threads = os.cpu_count() or 1
    rows = []
    for tag, src in inputs:
        dpath, epath, v, e = simple(src, o.work, tag)
        ref = paranet_bet(pn, dpath, None)
        order = [a["id"] for a in json.load(open(dpath))["actors"]]
        tools = [("paranet (%d workers)" % threads,
                  [pn, "metrics", dpath, "-m", "betweenness,closeness,harmonic", "--basis", "all",
                   "--keep-isolates", "-f", "tsv", "-q"]),
                 ("paranet --jobs 1",
                  [pn, "metrics", dpath, "-m", "betweenness,closeness,harmonic", "--basis", "all",
                   "--keep-isolates", "-f", "tsv", "-q", "--jobs", "1"]),
                 ("python-igraph", ["igraph"]),
                 ("graph-tool, 1 thread", ["graph-tool:1"]),
                 ("graph-tool, %d threads" % threads, ["graph-tool:%d" % threads])]
        if v <= o.networkx_max:
            tools.append(("NetworkX", ["networkx"]))
        base = None
        for name, cmd in tools:
            key = "%s.%s" % (tag, name.replace(" ", "_").replace(",", "").replace("(", "")
                             .replace(")", ""))
            agree = ""
            if cmd[0] == pn:
                got = timed(o.work, key, cmd, o.timeout)
            else:
                bet = os.path.join(o.work, key + ".bet")
                got = timed(o.work, key, ["/usr/bin/python3", peer, cmd[0], epath, bet],
                            o.timeout)
                if got and os.path.exists(bet):
                    vals = [float(x) for x in open(bet).read().split()]
                    worst = max(abs(vals[i] - ref[a]) / max(abs(ref[a]), 1.0)
                                for i, a in enumerate(order))
                    agree = "yes" if worst <= 1e-6 else "NO (%.1e)" % worst
            if not got:
                rows.append((tag, v, e, name, None, None, None, None, ""))
                continue
            wall, cpu, rss = got
            base = base or wall
            rows.append((tag, v, e, name, wall, cpu, rss, wall / base, agree))
    print("| network | V | E | tool | wall s | CPU s | peak MB | x paranet | ns per edge visit"
          " | betweenness = paranet's |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for tag, v, e, name, wall, cpu, rss, ratio, agree in rows:
        if wall is None:
            print("| %s | %d | %d | %s | failed or timed out | | | | | |" % (tag, v, e, name))
            continue
        print("| %s | %d | %d | %s | %.2f | %.2f | %.0f | %.1f | %.2f | %s |"
              % (tag, v, e, name, wall, cpu, rss, ratio, wall * 1e9 / (v * 2.0 * e),
                 agree or "(reference)"))


if __name__ == "__main__":
    sys.exit(main())
