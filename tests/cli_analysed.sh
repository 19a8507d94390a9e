#!/bin/sh
# convert --analysed: the network as the metrics see it (docs/reproduce.md).
# Expected values come from the JSON, by an oracle written here in Python
# (the view's basis rule, merged pairs or arcs, counts, weights, types),
# not from paranet.
. "$(dirname "$0")/cli_lib.sh"
T=$SRC/datasets/tangsel.json
E=$SRC/tests/data/roundtrip/everything.json
expect_exit 0 "$PN" convert "$T" --analysed -o "$OUT/t.json"
has "$OUT/err" "the analysed network: 28 actors, 26 edges from 43 ties (basis=reported,inferred no-isolates undirected)"
expect_exit 0 "$PN" convert "$T" --analysed --directed --weight count -o "$OUT/td.json"
expect_exit 0 "$PN" convert "$E" --analysed --basis all --weight sum -q -o "$OUT/es.json"
expect_exit 0 "$PN" convert "$T" --analysed --types g2g,vertical -q -o "$OUT/tg.json"
# oracle.py DATASET EXPORT DIRECTED WEIGHT BASES TYPES
cat >"$OUT/oracle.py" <<'PYEOF'
import json, sys
from collections import Counter, OrderedDict
src, exp, directed, weight, bases, types = sys.argv[1:7]
directed = directed == "1"
bases = set(bases.split(",")) if bases != "all" else None
types = set(types.split(",")) if types != "all" else None
ds = json.load(open(src))
kept = [t for t in ds["ties"] if t["from"] != t["to"]
        and (bases is None or t.get("basis", "reported") in bases)
        and (types is None or t["type"] in types)]
arcs = OrderedDict()
for t in kept:
    ends = [(t["from"], t["to"])]
    if directed and not t.get("directed"):
        ends.append((t["to"], t["from"]))
    for a, b in ends:
        key = (a, b) if directed else frozenset((a, b))
        arcs.setdefault(key, []).append(t)
actors = {x for t in kept for x in (t["from"], t["to"])}
if bases is None and types is None:
    actors = {a["id"] for a in ds["actors"]}
out = json.load(open(exp))
got_actors = [a["id"] for a in out["actors"]]
order = [a["id"] for a in ds["actors"] if a["id"] in actors]
assert got_actors == order, (got_actors, order)
assert len(out["ties"]) == len(arcs), (len(out["ties"]), len(arcs))
seen = set()
for e in out["ties"]:
    key = (e["from"], e["to"]) if directed else frozenset((e["from"], e["to"]))
    assert key in arcs and key not in seen, key
    seen.add(key)
    ts = arcs[key]
    assert e["ties"] == len(ts), (key, e["ties"], len(ts))
    c = Counter(t["type"] for t in ts)
    best = max(c.values())
    assert e["type"] == next(t["type"] for t in ts if c[t["type"]] == best), key
    assert set(e["tie_types"].split("|")) == set(c), key
    assert e.get("directed", False) == directed, key
    if weight == "none":
        assert "weight" not in e, key
    elif weight == "count":
        assert e["weight"] == len(ts), key
    else:
        assert abs(e["weight"] - sum(t.get("weight", 1) for t in ts)) < 1e-12, key
    cited = {c if isinstance(c, str) else c["ref"] for t in ts for c in t.get("sources", [])}
    assert set(e.get("sources", [])) == cited, key
    for f in ("since", "until", "basis", "instrument", "status", "id"):
        assert f not in e, (key, f)
print(len(arcs))
PYEOF
expect_exit 0 python3 "$OUT/oracle.py" "$T" "$OUT/t.json" 0 none reported,inferred all
has "$OUT/out" 26
expect_exit 0 python3 "$OUT/oracle.py" "$T" "$OUT/td.json" 1 count reported,inferred all
expect_exit 0 python3 "$OUT/oracle.py" "$E" "$OUT/es.json" 0 sum all all
expect_exit 0 python3 "$OUT/oracle.py" "$T" "$OUT/tg.json" 0 none reported,inferred g2g,vertical
# By hand: Tangsel and Daejeon share 15 ties (docs/metrics.md).
grep -A12 '"from": "tangsel"' "$OUT/t.json" | grep -q '"ties": 15' && ok || fail "tangsel-daejeon: not 15 ties"
# A valid dataset, without warnings, whose metrics are the view's.
expect_exit 0 "$PN" validate "$OUT/t.json" "$OUT/td.json" "$OUT/es.json"
has "$OUT/err" "t.json: valid: 28 actors, 26 ties, 4 sources, 0 warnings"
"$PN" metrics "$T" -f csv -q -m degree,betweenness,closeness,harmonic,constraint >"$OUT/m1.csv"
"$PN" metrics "$OUT/t.json" -f csv -q -m degree,betweenness,closeness,harmonic,constraint >"$OUT/m2.csv"
cmp -s "$OUT/m1.csv" "$OUT/m2.csv" && ok || fail "metrics of the analysed export differ"
"$PN" metrics "$T" -f csv -q --directed --weight count -m all >"$OUT/m1.csv"
"$PN" metrics "$OUT/td.json" -f csv -q --directed --weight sum -m all >"$OUT/m2.csv"
# The same table but the ties column (the export's ties are its edges).
expect_exit 0 python3 - "$OUT/m1.csv" "$OUT/m2.csv" <<'PYEOF'
import csv, sys
a, b = (list(csv.DictReader(open(f))) for f in sys.argv[1:3])
assert len(a) == len(b) == 28
for x, y in zip(a, b):
    assert x.pop("ties") != "" and y.pop("ties") != ""
    assert x == y, (x, y)
PYEOF
# Every dataset format; GraphML and CSV read back to the same dataset.
for f in graphml gexf; do
    expect_exit 0 "$PN" convert "$T" --analysed -q -o "$OUT/t.$f"
done
[ "$(grep -c '<edge ' "$OUT/t.graphml")" = 26 ] && ok || fail "t.graphml: not 26 edges"
[ "$(grep -c '<edge ' "$OUT/t.gexf")" = 26 ] && ok || fail "t.gexf: not 26 edges"
has "$OUT/t.graphml" 'attr.name="ties"'
expect_exit 0 "$PN" convert "$T" --analysed -q -o "$OUT/tcsv/"
head -n 1 "$OUT/tcsv/ties.csv" | grep -q '^from,to,.*,ties$' && ok || fail "ties.csv: $(head -n 1 "$OUT/tcsv/ties.csv")"
[ "$(wc -l <"$OUT/tcsv/ties.csv")" = 27 ] && ok || fail "ties.csv: not 26 rows"
for f in t.graphml tcsv; do
    expect_exit 0 "$PN" convert "$OUT/$f" -q -o "$OUT/back.json"
    expect_exit 0 "$PN" convert "$OUT/t.json" -q -o "$OUT/canon.json"
    cmp -s "$OUT/canon.json" "$OUT/back.json" && ok || fail "$f: read back differs"
done
# An unknown --ego is exit 1, as for metrics.
expect_exit 1 "$PN" convert "$T" --analysed --ego tangsell -o "$OUT/x.json"
has "$OUT/err" "tangsel"
finish
