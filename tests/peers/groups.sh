#!/bin/sh
# Group statistics (docs/metrics.md, "Groups") against the peers that have
# them, on a 12-actor graph with three regions of 5, 4 and 3 actors and a
# numeric extra field, undirected and directed: the brokerage roles' z-scores
# per actor and the network's counts, expected values, standard deviations
# and z-scores against R sna's brokerage(); Freeman degree and betweenness
# centralization against R igraph's centr_degree / centr_betw, and sna's
# centralization() where it agrees; assortativity by region and by the
# numeric field against NetworkX (attribute_assortativity_coefficient,
# numeric_assortativity_coefficient). Each to 1e-6 (tests/peers/compare.py).
# Skipped (77) without Rscript with igraph and sna, or /usr/bin/python3 with
# networkx.
. "$(dirname "$0")/../cli_lib.sh"
PY=/usr/bin/python3
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(igraph); library(sna)' \
    >/dev/null 2>&1 || ! "$PY" -c 'import networkx' >/dev/null 2>&1; then
    echo "skipped: no Rscript with igraph and sna, or no /usr/bin/python3 with networkx"
    exit 77
fi
# The graph: a fixed pseudo-random draw (Python's Mersenne Twister, seed 16).
"$PY" - "$OUT" <<'PYEOF'
import json, random, sys
out = sys.argv[1]
rng = random.Random(16)
ids = ["v%02d" % i for i in range(12)]
region = ["north"] * 5 + ["south"] * 4 + ["west"] * 3
pairs = [(a, b) for a in range(12) for b in range(12) if a != b]
for directed in (False, True):
    arcs = sorted(p for p in pairs if (directed or p[0] < p[1]) and rng.random() < 0.3)
    ds = {"paranet": 1, "title": "groups peer graph", "sources": [{"id": "s", "cite": "test"}],
          "actors": [{"id": v, "name": v, "kind": "city", "country": "ID", "region": region[i],
                      "pop": (i * 7) % 5 + i / 4, "sources": [{"ref": "s"}]}
                     for i, v in enumerate(ids)],
          "ties": [{"from": ids[a], "to": ids[b], "type": "horizontal", "directed": directed,
                    "sources": [{"ref": "s"}]} for a, b in arcs]}
    name = "directed" if directed else "undirected"
    json.dump(ds, open("%s/%s.json" % (out, name), "w"), indent=1)
    with open("%s/%s.edges" % (out, name), "w") as f:
        f.write("from,to\n" + "".join("%s,%s\n" % (ids[a], ids[b]) for a, b in arcs))
    with open("%s/actors.csv" % out, "w") as f:
        f.write("id,region,pop\n" + "".join("%s,%s,%r\n" % (v, region[i], (i * 7) % 5 + i / 4)
                                             for i, v in enumerate(ids)))
PYEOF
cat >"$OUT/peer.R" <<'REOF'
suppressMessages({library(igraph); library(sna)})
args <- commandArgs(TRUE)
dir <- args[1]; name <- args[2]; directed <- name == "directed"
act <- read.csv(file.path(dir, "actors.csv"), stringsAsFactors = FALSE)
el <- read.csv(file.path(dir, paste0(name, ".edges")), stringsAsFactors = FALSE)
g <- graph_from_data_frame(el, directed = directed, vertices = act)
m <- as.matrix(as_adjacency_matrix(g, sparse = FALSE))
b <- brokerage(m, act$region)
z <- b$z.nli[, c("w_I", "w_O", "b_OI", "b_IO", "b_O", "t")]
colnames(z) <- c("coordinator-z", "itinerant-z", "gatekeeper-z", "representative-z", "liaison-z",
                 "brokerage-z")
write.csv(data.frame(id = act$id, z, check.names = FALSE), file.path(dir, paste0(name, ".sna-z.csv")),
          row.names = FALSE)
k <- c("w_I", "w_O", "b_OI", "b_IO", "b_O", "t")
write.csv(data.frame(role = c("coordinator", "itinerant", "gatekeeper", "representative", "liaison",
                              "brokerage"),
                     count = b$raw.gli[k], expected = b$exp.gli[k], sd = b$sd.gli[k], z = b$z.gli[k]),
          file.path(dir, paste0(name, ".sna-roles.csv")), row.names = FALSE)
dc <- centr_degree(g, mode = "all", loops = FALSE)$centralization
bc <- centr_betw(g, directed = directed)$centralization
mode <- if (directed) "digraph" else "graph"
sdc <- centralization(m, degree, mode = mode)
sbc <- centralization(m, betweenness, mode = mode)
if (abs(sdc - dc) > 1e-9 || abs(sbc - bc) > 1e-9) {
  cat("FAIL sna and igraph differ:", sdc, dc, sbc, bc, "\n"); quit(status = 1)
}
write.csv(data.frame(metric = c("degree-centralization", "betweenness-centralization"),
                     value = c(dc, bc)), file.path(dir, paste0(name, ".igraph.csv")), row.names = FALSE)
REOF
pairs=""
for name in undirected directed; do
    flag=""
    [ $name = directed ] && flag=--directed
    expect_exit 0 "$PN" metrics "$OUT/$name.json" $flag -q -f csv --groups region \
        -m coordinator-z,itinerant-z,gatekeeper-z,representative-z,liaison-z,brokerage-z
    cp "$OUT/out" "$OUT/$name.z.csv"
    expect_exit 0 "$PN" metrics "$OUT/$name.json" $flag -q -f csv --network --groups region \
        --table brokerage
    cp "$OUT/out" "$OUT/$name.roles.csv"
    expect_exit 0 "$PN" metrics "$OUT/$name.json" $flag -q -f csv --network --assort region \
        --assort pop
    cp "$OUT/out" "$OUT/$name.net.csv"
    Rscript "$OUT/peer.R" "$OUT" $name && ok || fail "$name: the R peer failed"
    pairs="$pairs $OUT/$name.z.csv $OUT/$name.sna-z.csv id $OUT/$name.roles.csv"
    pairs="$pairs $OUT/$name.sna-roles.csv role $OUT/$name.net.csv $OUT/$name.igraph.csv metric"
done
# NetworkX: assortativity by region and by pop, undirected and directed.
"$PY" - "$OUT" <<'PYEOF'
import csv, json, sys
import networkx as nx
out = sys.argv[1]
for name in ("undirected", "directed"):
    ds = json.load(open("%s/%s.json" % (out, name)))
    G = nx.DiGraph() if name == "directed" else nx.Graph()
    for a in ds["actors"]:
        G.add_node(a["id"], region=a["region"], pop=a["pop"])
    G.add_edges_from((t["from"], t["to"]) for t in ds["ties"])
    with open("%s/%s.nx.csv" % (out, name), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["metric", "value"])
        w.writerow(["assortativity-region", nx.attribute_assortativity_coefficient(G, "region")])
        w.writerow(["assortativity-pop", nx.numeric_assortativity_coefficient(G, "pop")])
PYEOF
[ -s "$OUT/directed.nx.csv" ] && ok || fail "the NetworkX peer failed"
pairs="$pairs $OUT/undirected.net.csv $OUT/undirected.nx.csv metric"
pairs="$pairs $OUT/directed.net.csv $OUT/directed.nx.csv metric"
# shellcheck disable=SC2086
"$PY" "$SRC/tests/peers/compare.py" $pairs >"$OUT/compare.txt" 2>&1 && ok ||
    fail "paranet differs from the peers: $(head -5 "$OUT/compare.txt")"
cat "$OUT/compare.txt"
finish
