"""paranet's exports read by python-igraph, NetworkX and graph-tool
(tests/peers/exports.sh runs it with /usr/bin/python3).

peers.py expect DIR NAME...   write DIR/NAME.expect-{actors,ties}.csv from
                              DIR/NAME.json (the dataset: the oracle)
peers.py read DIR NAME...     read DIR/NAME.graphml, NAME.gexf (NetworkX)
                              and DIR/NAME/ (CSV), check them against the
                              JSON, and write each network back
                              (NAME.<reader>.graphml, NAME.nx.gexf)
peers.py back DIR NAME...     check DIR/NAME.<reader>.json (paranet's
                              import of what a reader wrote) against the JSON

Each check prints "PASS name" or "FAIL name: what"; names are
FORMAT/READER/DATASET/WHAT, as tests/peers/pending.txt lists them.
The expected values come from the dataset JSON, never from paranet."""
import csv
import json
import math
import os
import re
import sys
from collections import Counter

import pyigraph_write

DIR, NAMES = None, []
# The files written back: NAME.<reader>.graphml (or .gexf), imported by
# exports.sh into NAME.<reader>.json.
READERS = ("r-igraph", "pyigraph", "networkx", "graph-tool", "networkx-gexf",
           # R's as_data_frame(g, "vertices"/"edges") as CSV, of the graph
           # read from the CSV tables and of the one read from the GraphML
           "r-igraph-csv", "r-igraph-gml-csv")


def report(name, ok, what=""):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + what), flush=True)


def load(name):
    with open(os.path.join(DIR, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def pairs(ds, directed):
    """The ties as the reader must see them: (from, to) of every tie when
    the graph is directed (each edge is written from its from), else
    unordered pairs."""
    if directed:
        return Counter((t["from"], t["to"]) for t in ds["ties"])
    return Counter(frozenset((t["from"], t["to"])) for t in ds["ties"])


def any_directed(ds):
    return any(t.get("directed") for t in ds["ties"])


def year_fields(ds):
    """Tie fields whose every value is a plain year: integers in a reader."""
    out = []
    for f in ("since", "until"):
        vals = [t[f] for t in ds["ties"] if f in t]
        if vals and all(isinstance(v, int) for v in vals):
            out.append(f)
    return out


def real_fields(ds):
    """Actor fields holding numbers that are not all integers: doubles."""
    out = []
    for f in ("latitude", "longitude", "lat", "lon"):
        vals = [a[f] for a in ds["actors"] if f in a]
        if vals and all(isinstance(v, (int, float)) for v in vals):
            out.append(f)
    return out


def check_graph(prefix, ds, ids, edges, directed, ints, reals, named=None):
    """ids: vertex -> actor id as the reader gives it; edges: (u, v) of the
    vertices; ints/reals: field -> list of values as read (None: absent)."""
    want = [a["id"] for a in ds["actors"]]
    report(prefix + "/ids", sorted(ids) == sorted(want),
           "%d ids, %d expected, e.g. %s" % (len(ids), len(want), sorted(set(ids) ^ set(want))[:3]))
    if named is not None:
        report(prefix + "/name-is-id", named == ids, "vertex names are not the actor ids, e.g. %r" %
               (named[:2],))
    report(prefix + "/tie-count", len(edges) == len(ds["ties"]),
           "%d edges, %d ties" % (len(edges), len(ds["ties"])))
    d = any_directed(ds)
    report(prefix + "/directed", directed == d, "read as %s" % ("directed" if directed else "undirected"))
    got = Counter((ids[u], ids[v]) if directed else frozenset((ids[u], ids[v])) for u, v in edges)
    exp = pairs(ds, directed)
    wrong = sum(((exp - got) + (got - exp)).values())
    report(prefix + "/direction", wrong == 0, "%d edges differ from the ties' from -> to" % wrong)
    for f, vals in ints.items():
        bad = [v for v in vals if v is not None and not (isinstance(v, int) or
               (isinstance(v, float) and (math.isnan(v) or v.is_integer())))]
        report(prefix + "/type-" + f, vals is not None and not bad and any(v is not None for v in vals),
               "not integers: %r" % (bad[:2] if bad else "absent"))
    for f, vals in reals.items():
        bad = [v for v in vals if v is not None and not isinstance(v, float)]
        report(prefix + "/type-" + f, vals is not None and not bad, "not doubles: %r" % (bad[:2] if bad else "absent"))
        if f in ("lat", "lon") and vals is not None:
            # The actors' coordinates (issue 17): each actor's number, to 15
            # significant digits (graph-tool's long doubles: number() below).
            want = {a["id"]: a[f] for a in ds["actors"] if f in a}
            diff = [(i, v, want[i]) for i, v in zip(ids, vals)
                    if i in want and (v is None or "%.15g" % float(v) != "%.15g" % want[i])]
            report(prefix + "/value-" + f, not diff, "%d differ, e.g. %r" % (len(diff), diff[:2]))


def col(values):
    """None for a missing value (NaN, empty)."""
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) or v == "" else v
            for v in values]


def read_igraph(name, ds):
    import igraph as ig
    g = ig.Graph.Read_GraphML(os.path.join(DIR, name + ".graphml"))
    ids = g.vs["id"]
    va, ea = set(g.vs.attributes()), set(g.es.attributes())
    check_graph("graphml/python-igraph/" + name, ds, ids, [e.tuple for e in g.es], g.is_directed(),
                {f: col(g.es[f]) if f in ea else None for f in year_fields(ds)},
                {f: col(g.vs[f]) if f in va else None for f in real_fields(ds)},
                named=g.vs["name"] if "name" in va else [])
    # Not g.write_graphml: python-igraph 0.10.2 copies long strings from
    # freed memory (pyigraph_write.py).
    pyigraph_write.write_graphml(g, os.path.join(DIR, name + ".pyigraph.graphml"))
    # CSV, as docs/formats.md says: Graph.DataFrame on the two tables.
    ties, actors = read_csv_tables(name)
    try:
        h = ig.Graph.DataFrame(ties, directed=True, vertices=actors, use_vids=False)
    except Exception as e:  # noqa: BLE001 - the reader's refusal is the finding
        report("csv/python-igraph/%s/read" % name, False, str(e))
        return
    report("csv/python-igraph/%s/read" % name, True)
    # Graph.DataFrame(directed=True): every tie from -> to.
    check_graph("csv/python-igraph/" + name, all_from_to(ds),
                h.vs["name"], [e.tuple for e in h.es], h.is_directed(),
                {f: col(h.es[f]) for f in year_fields(ds)},
                {f: col(h.vs[f]) for f in real_fields(ds)})


def check_networkx(prefix, ds, G):
    nodes = list(G.nodes)
    ix = {v: i for i, v in enumerate(nodes)}
    ed = list(G.edges(data=True))
    check_graph(prefix, ds, nodes, [(ix[u], ix[v]) for u, v, _ in ed], G.is_directed(),
                {f: col(d.get(f) for _, _, d in ed) for f in year_fields(ds)},
                {f: col(G.nodes[v].get(f) for v in nodes) for f in real_fields(ds)})


def read_networkx(name, ds):
    import networkx as nx
    G = nx.read_graphml(os.path.join(DIR, name + ".graphml"))
    check_networkx("graphml/networkx/" + name, ds, G)
    nx.write_graphml(G, os.path.join(DIR, name + ".networkx.graphml"))
    try:
        X = nx.read_gexf(os.path.join(DIR, name + ".gexf"))
    except Exception as e:  # noqa: BLE001
        report("gexf/networkx/%s/read" % name, False, "%s: %s" % (type(e).__name__, e))
        return
    report("gexf/networkx/%s/read" % name, True)
    check_networkx("gexf/networkx/" + name, ds, X)
    nx.write_gexf(X, os.path.join(DIR, name + ".networkx-gexf.gexf"))


def read_csv_tables(name):
    import pandas as pd
    t = os.path.join(DIR, name)
    opts = dict(keep_default_na=False, na_values="")  # the country NA is Namibia
    return (pd.read_csv(os.path.join(t, "ties.csv"), **opts),
            pd.read_csv(os.path.join(t, "actors.csv"), **opts))


def all_from_to(ds):
    """The dataset as a reader of ties.csv as a directed edge list sees it."""
    return dict(ds, ties=[dict(x, directed=True) for x in ds["ties"]])


def read_networkx_csv(name, ds):
    import networkx as nx
    # As docs/formats.md says: the edge list, then the actors' fields.
    ties, actors = read_csv_tables(name)
    G = nx.from_pandas_edgelist(ties, "from", "to", edge_attr=True, create_using=nx.MultiDiGraph)
    G.add_nodes_from(actors.set_index("id").to_dict("index").items())
    check_networkx("csv/networkx/" + name, all_from_to(ds), G)


def read_graph_tool_csv(name, ds):
    import graph_tool.all as gt
    # graph-tool's CSV reader types nothing (every property a string): ids,
    # tie count and direction only.
    g = gt.load_graph_from_csv(os.path.join(DIR, name, "ties.csv"), directed=True, hashed=True,
                               skip_first=True, csv_options={"delimiter": ","})
    names = [g.vp["name"][v] for v in g.vertices()]
    pos = {int(v): i for i, v in enumerate(g.vertices())}
    used = {x for t in ds["ties"] for x in (t["from"], t["to"])}
    check_graph("csv/graph-tool/" + name,
                all_from_to(dict(ds, actors=[a for a in ds["actors"] if a["id"] in used])), names,
                [(pos[int(e.source())], pos[int(e.target())]) for e in g.edges()], g.is_directed(), {}, {})


def read_graph_tool(name, ds):
    import graph_tool.all as gt
    g = gt.load_graph(os.path.join(DIR, name + ".graphml"))
    vid = g.vp["_graphml_vertex_id"]
    ids = [vid[v] for v in g.vertices()]
    pos = {int(v): i for i, v in enumerate(g.vertices())}
    edges = [(pos[int(e.source())], pos[int(e.target())]) for e in g.edges()]

    def values(props, f, items):
        if f not in props:
            return None
        p = props[f]
        if p.value_type() == "string":
            return [p[x] or None for x in items]
        return [p[x] for x in items]

    check_graph("graphml/graph-tool/" + name, ds, ids, edges, g.is_directed(),
                {f: values(g.ep, f, list(g.edges())) for f in year_fields(ds)},
                {f: values(g.vp, f, list(g.vertices())) for f in real_fields(ds)},
                named=[g.vp["name"][v] for v in g.vertices()] if "name" in g.vp else [])
    g.save(os.path.join(DIR, name + ".graph-tool.graphml"))


def expect(name):
    ds = load(name)
    with open(os.path.join(DIR, name + ".expect-actors.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        reals = real_fields(ds)
        w.writerow(["id"] + reals)
        # The coordinates' values, for igraph.R to compare (issue 17).
        for a in ds["actors"]:
            w.writerow([a["id"]] + ["%.17g" % a[f] if f in ("lat", "lon") and f in a else ""
                                    for f in reals])
    with open(os.path.join(DIR, name + ".expect-ties.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["from", "to", "directed", "any_directed"] + year_fields(ds))
        for t in ds["ties"]:
            w.writerow([t["from"], t["to"], str(bool(t.get("directed"))).upper(),
                        str(any_directed(ds)).upper()])


def number(v):
    """Numbers as numbers: JSON's 52 and 52.0 are one value, and so are two
    doubles that agree to 15 significant digits (graph-tool holds a double
    key as a long double and writes 21 digits: 13.230823 comes back as
    13.2308230000000000004, the nearest double to which is the next one)."""
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float("%.15g" % v)
    if isinstance(v, list):
        return [number(x) for x in v]
    if isinstance(v, dict):
        return {k: number(x) for k, x in v.items()}
    return v


def comparable(r, reader, unordered):
    """A record as the reader can give it back, so that a difference is
    what paranet lost or changed, not the reader:
    - graph-tool has no missing values: it writes 0 for a missing number
      (plz, latitude), so 0 and absent are one value there;
    - NetworkX reads edges without an id as a MultiGraph's keys 0, 1, ...
      for each pair and writes them as edge ids, which paranet makes unique
      as FROM-TO-KEY (docs/formats.md): an id the dataset did not have;
    - an undirected graph's edge has no source and target (R igraph and
      python-igraph write its ends in their own order): with unordered, a
      tie's ends are compared as a pair."""
    out = {k: number(v) for k, v in r.items()}
    if reader == "graph-tool":
        out = {k: v for k, v in out.items() if not (type(v) is float and v == 0)}
    if "from" in out:
        ends = (out["from"], out["to"])
        if reader == "networkx" and any(re.fullmatch(re.escape("%s-%s-" % e) + r"\d+(-\d+)?",
                                                     out.get("id", "")) for e in (ends, ends[::-1])):
            del out["id"]
        if unordered:
            out["from"], out["to"] = sorted(ends)
    return out


def canon(records, reader, unordered):
    return Counter(json.dumps(comparable(r, reader, unordered), sort_keys=True) for r in records)


def back(name, reader):
    """What paranet imported from the file a reader wrote, against the JSON."""
    ds = load(name)
    prefix = "back/%s/%s" % (reader, name)
    path = os.path.join(DIR, "%s.%s.json" % (name, reader))
    if not os.path.exists(path):
        report(prefix + "/import", False, "paranet did not import it (see %s.%s.err)" % (name, reader))
        return
    report(prefix + "/import", True)
    got = json.load(open(path, encoding="utf-8"))
    want_ids = [a["id"] for a in ds["actors"]]
    got_ids = [a["id"] for a in got["actors"]]
    report(prefix + "/ids", sorted(got_ids) == sorted(want_ids),
           "e.g. %s" % sorted(set(got_ids) ^ set(want_ids))[:3])
    report(prefix + "/tie-count", len(got["ties"]) == len(ds["ties"]),
           "%d ties, %d expected" % (len(got["ties"]), len(ds["ties"])))
    exp = Counter((t["from"], t["to"]) for t in ds["ties"] if t.get("directed"))
    have = Counter((t["from"], t["to"]) for t in got["ties"] if t.get("directed"))
    report(prefix + "/direction", exp == have,
           "%d directed ties differ" % sum(((exp - have) + (have - exp)).values()))
    # Every actor and tie field the reader kept (all of them: each reader
    # keeps GraphML's typed keys) comes back with its value, and nothing
    # else comes back (comparable() sets aside what the reader changes).
    a_lost = canon(ds["actors"], reader, False) - canon(got["actors"], reader, False)
    report(prefix + "/actor-fields", not a_lost, "%d actors differ, e.g. %s" %
           (sum(a_lost.values()), next(iter(a_lost), "")[:200]))
    undirected = not any_directed(ds)  # written as an undirected graph
    t_lost = canon(ds["ties"], reader, undirected) - canon(got["ties"], reader, undirected)
    report(prefix + "/tie-fields", not t_lost, "%d ties differ, e.g. %s" %
           (sum(t_lost.values()), next(iter(t_lost), "")[:200]))


def main():
    global DIR, NAMES
    mode, DIR, NAMES = sys.argv[1], sys.argv[2], sys.argv[3:]
    for name in NAMES:
        if mode == "expect":
            expect(name)
        elif mode == "read":
            ds = load(name)
            for f in (read_igraph, read_networkx, read_graph_tool, read_networkx_csv,
                      read_graph_tool_csv):
                try:
                    f(name, ds)
                except Exception as e:  # noqa: BLE001 - a reader's failure is a finding
                    report("%s/%s/read" % (f.__name__, name), False, "%s: %s" % (type(e).__name__, e))
        elif mode == "back":
            for reader in READERS:
                back(name, reader)


if __name__ == "__main__":
    main()
