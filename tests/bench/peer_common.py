"""Shared by the Python peers of tests/bench/run.py: read a paranet JSON file
into the graph paranet analyses (actors as vertices in file order, each
undirected pair once, parallel ties merged), and the two metrics neither
NetworkX nor igraph has in the form paranet computes (Gould-Fernandez
brokerage counts, Burt's effective size on an unweighted graph)."""
import json
import sys
import time

sys.modules.setdefault("matplotlib", None)  # Debian's matplotlib lacks its rc file here


def now():
    return time.perf_counter()


def load(path):
    with open(path, "rb") as f:
        data = json.load(f)
    actors = data["actors"]
    index = {a["id"]: i for i, a in enumerate(actors)}
    country = [a["country"] for a in actors]
    pairs = set()
    for t in data["ties"]:
        a, b = index[t["from"]], index[t["to"]]
        if a != b:
            pairs.add((a, b) if a < b else (b, a))
    return len(actors), sorted(pairs), country


def brokerage(n, nbrs, group):
    """Open two-paths a-b-c (a != c, a and c not adjacent) through each b,
    counted both ways on an undirected graph, by the groups of a, b, c."""
    out = [[0] * 5 for _ in range(n)]
    for b in range(n):
        nb = list(nbrs[b])
        gb = group[b]
        row = out[b]
        for a in nb:
            na = nbrs[a]
            ga = group[a]
            for c in nb:
                if c == a or c in na:
                    continue
                gc = group[c]
                if ga == gb == gc:
                    row[0] += 1
                elif ga == gc:
                    row[1] += 1
                elif gb == gc:
                    row[2] += 1
                elif ga == gb:
                    row[3] += 1
                else:
                    row[4] += 1
    return out


def effective_size(n, nbrs):
    """Borgatti's n - 2t/n, equal to Burt's effective size when unweighted."""
    out = []
    for v in range(n):
        k = len(nbrs[v])
        if k == 0:
            out.append(float("nan"))
            continue
        t = sum(len(nbrs[u] & nbrs[v]) for u in nbrs[v]) / 2
        out.append(k - 2 * t / k)
    return out


def write_dot(n, pairs, country, path):
    """The same picture's input as paranet render: clusters by country."""
    by = {}
    for v in range(n):
        by.setdefault(country[v], []).append(v)
    with open(path, "w") as f:
        f.write("graph g {\n")
        for c, vs in sorted(by.items()):
            f.write(f'  subgraph "cluster_{c}" {{ label="{c}";\n')
            for v in vs:
                f.write(f"    n{v};\n")
            f.write("  }\n")
        for a, b in pairs:
            f.write(f"  n{a} -- n{b};\n")
        f.write("}\n")


def report(name, seconds):
    print(f"{name} {seconds:.4f}", flush=True)
