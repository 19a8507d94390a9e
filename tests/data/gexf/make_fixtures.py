#!/usr/bin/python3
"""Regenerate the GEXF files NetworkX writes (Debian's python3-networkx 2.8.8,
under /usr/bin/python3), committed so that tests/cli_gexf.sh needs no peer:

  /usr/bin/python3 tests/data/gexf/make_fixtures.py PARANET

PARANET is the built binary (build/tools/paranet): networkx-roundtrip.gexf is
paranet's GEXF of mixed.json as NetworkX reads and writes it back. The
expected datasets (*.expected.json) are written by hand, not by this script.
The Gephi files (gephi-*.gexf) are written by hand too: Gephi is not
installed here (see their comments)."""
import os
import subprocess
import sys
import tempfile

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def write(G, name):
    nx.write_gexf(G, os.path.join(HERE, name))


# A directed graph with typed attributes. NetworkX writes an edge's "type"
# as the edge element's type attribute, "weight" as its weight, and no
# attvalue for an attribute a node lacks; "" is written as it is.
G = nx.DiGraph()
G.add_node("kemendagri", label="Kementerian Dalam Negeri", kind="ministry", country="ID", founded=1945)
G.add_node("tangsel", label="Kota Tangerang Selatan", kind="city", country="ID",
           latitude=-6.2835, coastal=False, note="")
G.add_node("banten", label="Provinsi Banten", kind="province", country="ID", latitude=-6.12)
G.add_edge("kemendagri", "tangsel", type="vertical", instrument="regulation", since=2020,
           weight=2.5, binding=True)
G.add_edge("banten", "tangsel", type="vertical", since=2019)
write(G, "networkx-digraph.gexf")

# An undirected multigraph with integer nodes: parallel edges get their own
# ids (0, 1) and the keys as the attribute networkx_key.
M = nx.MultiGraph()
M.add_node(1, label="Kota Bandung", kind="city", country="ID")
M.add_node(2, label="Seoul", kind="city", country="KR", aliases="Seoul|Kota Seoul")
M.add_edge(1, 2, key="a", type="g2g", instrument="mou", since=2016)
M.add_edge(1, 2, key="b", type="g2g", instrument="visit", since=2017, note="")
write(M, "networkx-multigraph.gexf")

# paranet -> NetworkX -> GEXF: what a NetworkX user hands back.
with tempfile.TemporaryDirectory() as tmp:
    ours = os.path.join(tmp, "mixed.gexf")
    subprocess.run([sys.argv[1], "convert", os.path.join(HERE, "mixed.json"), "-o", ours, "-q"],
                   check=True)
    write(nx.read_gexf(ours), "networkx-roundtrip.gexf")
