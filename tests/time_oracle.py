#!/usr/bin/env python3
"""Two readings of "in force in YEAR", independent of paranet's C code:

  time_oracle.py DATASET.json FILE.gexf STEP

prints, for every STEP-th year from the dataset's first year to its last,
"YEAR RULE RULE_KEEP GEXF GEXF_KEEP": the number of ties the documented rule
keeps (docs/views.md, "Time"), read from the JSON, and the number of edges a
GEXF reader sees in that year (start <= YEAR <= end, no timeline mark); the
_KEEP columns count undated ties too (--undated keep; the GEXF edges marked
"undated"). Every tie counts, whatever its basis.
"""
import json
import sys
import xml.etree.ElementTree as ET

EVENTS = {"visit", "loi", "witness", "approval", "adoption"}


def year(v):
    return int(str(v)[:4]) if v is not None else 0


def rule(t, y, keep):
    status = t.get("status")
    if status in ("planned", "failed"):
        return False
    since, until = year(t.get("since")), year(t.get("until"))
    if not since:
        return keep
    if until:
        end = until
    elif t.get("instrument") in EVENTS or status in ("implemented", "ended"):
        end = since
    else:
        end = 9999
    return since <= y <= end


def gexf_edges(path):
    """(start year, end year or None, timeline mark or None) of every edge."""
    root = ET.parse(path).getroot()
    ns = {"g": root.tag[1:].split("}")[0]}
    edges = []
    for e in root.iterfind(".//g:edges/g:edge", ns):
        mark = None
        for a in e.iterfind("g:attvalues/g:attvalue", ns):
            if a.get("for") == "timeline":
                mark = a.get("value")
        start, end = e.get("start"), e.get("end")
        edges.append((year(start) if start else None, year(end) if end else None, mark))
    return edges


def gexf_count(edges, y, keep):
    n = 0
    for start, end, mark in edges:
        if mark is not None:
            n += keep and mark == "undated"
        elif (start is None or start <= y) and (end is None or end >= y):
            n += 1
    return n


def main():
    ties = json.load(open(sys.argv[1], encoding="utf-8"))["ties"]
    edges = gexf_edges(sys.argv[2])
    step = int(sys.argv[3])
    ys = [year(t.get(k)) for t in ties for k in ("since", "until") if t.get(k)]
    for y in range(min(ys), max(ys) + 1, step):
        counts = [sum(rule(t, y, keep) for t in ties) for keep in (False, True)]
        counts += [gexf_count(edges, y, keep) for keep in (False, True)]
        print(y, *counts)


main()
