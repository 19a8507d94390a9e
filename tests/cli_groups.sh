#!/bin/sh
# paranet metrics with groups (docs/metrics.md, "Groups"): the E-I index,
# Freeman centralization, brokerage against random groups and assortativity
# by any attribute, against values worked by hand on two small graphs (the
# same as tests/check_groups.c; R sna and NetworkX agree: tests/peers/groups.sh).
. "$(dirname "$0")/cli_lib.sh"
# G1: a b c north, d e south, f west; pop 1..6; lang x x y y z z;
# ties a-b a-c b-c c-d d-e e-f c-f.
"${PYTHON:-python3}" - "$OUT" <<'PYEOF'
import json, sys
out = sys.argv[1]
def dataset(ids, regions, extra, edges):
    actors = []
    for i, v in enumerate(ids):
        a = {"id": v, "name": v.upper(), "kind": "city", "country": "ID"}
        if regions[i]:
            a["region"] = regions[i]
        a.update(extra[i])
        actors.append(a)
    return {"paranet": 1, "title": "groups", "actors": actors,
            "ties": [{"from": a, "to": b, "type": "horizontal"} for a, b in edges]}
g1 = dataset("abcdef", ["north"] * 3 + ["south"] * 2 + ["west"],
             [{"pop": i + 1, "lang": "xxyyzz"[i]} for i in range(6)],
             ["ab", "ac", "bc", "cd", "de", "ef", "cf"])
path = dataset("abcd", ["X", "X", "Y", "Y"], [{}] * 4, ["ab", "bc", "cd"])
gap = dataset("abcd", ["X", "X", "Y", None], [{}] * 4, ["ab", "bc", "cd"])
for name, ds in (("g1", g1), ("path", path), ("gap", gap)):
    json.dump(ds, open("%s/%s.json" % (out, name), "w"), indent=1)
PYEOF
G1=$OUT/g1.json
# Freeman: degrees 2 2 4 2 2 2: 10 / 20; betweenness 29 / 50.
expect_exit 0 "$PN" metrics "$G1" --network -q -f csv
has "$OUT/out" "degree-centralization,0.500000"
has "$OUT/out" "betweenness-centralization,0.580000"
hasnt "$OUT/out" "ei-expected"
# E-I by region: 4 within, 3 between: -1/7; possible 4 within, 11 between: 7/15.
expect_exit 0 "$PN" metrics "$G1" --network --groups region -q -f csv --comments
has "$OUT/out" "edges-within-groups,4"
has "$OUT/out" "edges-between-groups,3"
has "$OUT/out" "ei,-0.142857"
has "$OUT/out" "ei-expected,0.466667"
has "$OUT/out" "# table: groups"
has "$OUT/out" "# table: brokerage"
expect_exit 0 "$PN" metrics "$G1" --network --groups region -q -f csv --table groups
has "$OUT/out" "group,actors,internal,external,ei,ei-expected"
has "$OUT/out" "north,3,6,2,-0.500000,0.200000"
has "$OUT/out" "south,2,2,2,0.000000,0.600000"
has "$OUT/out" "west,1,0,2,1.000000,1.000000"
expect_exit 0 "$PN" metrics "$G1" --network --groups region -q -f json
has "$OUT/out" '"groups": ['
# Per actor: (external - internal) / degree.
expect_exit 0 "$PN" metrics "$G1" --groups region -m ei -s id -q -f csv
has "$OUT/out" "1,a,A,city,ID,-1.000000"
has "$OUT/out" "3,c,C,city,ID,0.000000"
has "$OUT/out" "6,f,F,city,ID,1.000000"
# By an extra field: lang x x y y z z, 3 within, 4 between.
expect_exit 0 "$PN" metrics "$G1" --network --groups lang -q -f csv
has "$OUT/out" "ei,0.142857"
# Assortativity: region 1/4, pop 61/124 numeric, -0.225 as categories, lang 1/8.
expect_exit 0 "$PN" metrics "$G1" --network -q -f csv --assort region --assort pop \
    --assort pop:nominal --assort lang
has "$OUT/out" "assortativity-region,0.250000"
has "$OUT/out" "assortativity-pop,0.491935"
has "$OUT/out" "assortativity-pop:nominal,-0.225000"
has "$OUT/out" "assortativity-lang,0.125000"
# Brokerage of the path a-b-c-d, X X Y Y, density 1/2 (sna gives the same):
# representative 2 against 1 (sd 1), total 4 against 3 (sd sqrt(15/4)).
P=$OUT/path.json
expect_exit 0 "$PN" metrics "$P" --network --groups region -q -f csv --table brokerage
has "$OUT/out" "role,count,expected,sd,z"
has "$OUT/out" "coordinator,0,0.000000,0.000000,NA"
has "$OUT/out" "itinerant,0,1.000000,1.118034,-0.894427"
has "$OUT/out" "representative,2,1.000000,1.000000,1.000000"
has "$OUT/out" "brokerage,4,3.000000,1.936492,0.516398"
expect_exit 0 "$PN" metrics "$P" --groups region -m representative-z,brokerage-z -s id -q -f csv
has "$OUT/out" "2,b,B,city,ID,1.500000,1.360828"
has "$OUT/out" "1,a,A,city,ID,-0.500000,-0.816497"
# An actor without a region: a group of its own, "(none)", last.
expect_exit 0 "$PN" metrics "$OUT/gap.json" --network --groups region -q -f csv --table groups
has "$OUT/out" "X,2,2,1,-0.333333,0.333333"
has "$OUT/out" "Y,1,0,2,1.000000,1.000000"
has "$OUT/out" "(none),1,0,1,1.000000,1.000000"
# Mistakes.
expect_exit 2 "$PN" metrics "$G1" --groups regoin
has "$OUT/err" "--groups: no actor of the view has a field 'regoin'"
expect_exit 2 "$PN" metrics "$G1" --network --assort popp
has "$OUT/err" "--assort: no actor of the view has a field 'popp'"
expect_exit 2 "$PN" metrics "$G1" --assort region
has "$OUT/err" "--assort gives network figures: add --network"
expect_exit 2 "$PN" metrics "$G1" --network --assort lang:numeric
has "$OUT/err" "the lang of actor a is not a number"
finish
