"""The quotient network of a paranet dataset, computed here from the
dataset's JSON alone, against what `paranet aggregate` wrote
(docs/aggregate.md): every group with its actors and ties inside, every
aggregated tie with its weight and sources, and weights plus ties inside
equal to the view's ties. Only the default view and --basis all.

usage: aggregate_oracle.py DATASET AGGREGATE BY [all]"""
import json
import sys

data, agg, by = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
every_basis = len(sys.argv) > 4
ties = [t for t in data["ties"]
        if every_basis or t.get("basis", "reported") in ("reported", "inferred")]
ends = {t["from"] for t in ties} | {t["to"] for t in ties}
# Actors the view drops: those a left-out basis alone leaves without ties.
dropped = len(ties) < len(data["ties"])
actors = [a for a in data["actors"] if not dropped or a["id"] in ends]


def key(a):
    if by == "country":
        return a["country"]
    if by == "kind":
        return a["kind"]
    return (a["country"], a.get("region") or None)


group = {a["id"]: key(a) for a in actors}
fails = []
if agg.get("aggregate") != by:
    fails.append("aggregate field %r" % agg.get("aggregate"))
sizes = {}
for a in actors:
    sizes[group[a["id"]]] = sizes.get(group[a["id"]], 0) + 1
inside, between = {}, {}
for t in ties:
    ga, gb = group[t["from"]], group[t["to"]]
    if ga == gb:
        inside[ga] = inside.get(ga, 0) + 1
        continue
    directed = bool(t.get("directed"))
    pair = (ga, gb) if directed else tuple(sorted((ga, gb), key=str))
    k = pair + (t["type"], directed)
    between.setdefault(k, []).append(t)

# The aggregate's groups by the same key, read from its actors.
agg_key = key
their = {}
for a in agg["actors"]:
    k = agg_key(a)
    if by == "kind" or k not in their:
        their[k] = a
if len(agg["actors"]) != len(sizes):
    fails.append("%d groups, wanted %d" % (len(agg["actors"]), len(sizes)))
for k, n in sizes.items():
    a = their.get(k)
    if not a:
        fails.append("no group %r" % (k,))
        continue
    if a["actors"] != n or a["internal_ties"] != inside.get(k, 0):
        fails.append("group %s: %d actors %d inside, wanted %d %d"
                     % (a["id"], a["actors"], a["internal_ties"], n, inside.get(k, 0)))
gid = {agg_key(a): a["id"] for a in agg["actors"]}
got = {}
for t in agg["ties"]:
    got[(t["from"], t["to"], t["type"], bool(t.get("directed")))] = t
if len(got) != len(agg["ties"]):
    fails.append("two aggregated ties of one pair, type and direction")
for (ga, gb, ty, d), members in between.items():
    t = got.pop((gid[ga], gid[gb], ty, d), None)
    if t is None:
        fails.append("no tie %s %s %s" % (gid[ga], gid[gb], ty))
        continue
    cited = []
    for m in members:
        for s in m.get("sources", []):
            s = s if isinstance(s, str) else s["ref"]
            if s not in cited:
                cited.append(s)
    if t["weight"] != len(members) or t.get("sources", []) != cited:
        fails.append("tie %s %s %s: weight %s sources %s, wanted %d %s"
                     % (gid[ga], gid[gb], ty, t["weight"], t.get("sources"), len(members), cited))
if got:
    fails.append("ties no view's ties stand for: %s" % list(got))
total = sum(t["weight"] for t in agg["ties"]) + sum(a["internal_ties"] for a in agg["actors"])
if total != len(ties):
    fails.append("weights + ties inside = %s, the view has %d ties" % (total, len(ties)))
for f in fails:
    print("aggregate_oracle: %s by %s: %s" % (sys.argv[1], by, f))
print("%s by %s: %d groups, %d ties for %d (%d inside)"
      % (sys.argv[1], by, len(agg["actors"]), len(agg["ties"]), len(ties), sum(inside.values())))
sys.exit(1 if fails else 0)
