#!/usr/bin/env python3
"""The library's architecture, checked (issue 12; docs/development.md, "Layout").

    check_layers.py SOURCE_DIR NM OBJECTS

OBJECTS is the ';'-separated list of the object files of target paranet
($<TARGET_OBJECTS:paranet>), NM the nm to read them with. Fails (exit 1,
one line per finding) when

  (a) a .c or .h file in libgraph/src/ or tools/ is over MAX_LINES lines;
  (b) the file graph of the library (A -> B when A's object file uses a
      symbol B's object file defines: nm's U against its T, D, B, R) has a
      circle, or an edge from a layer to a higher one or to its sibling.
      A file's layer is the folder it is in under libgraph/src/;
  (c) the private headers (libgraph/src/**/*.h) include each other in a
      circle, or a file includes a private header of a higher layer or of
      its sibling.
"""

import os
import re
import subprocess
import sys

MAX_LINES = 900

# The layers from the bottom up; a file may use its own layer and those of
# lower rank. formats and analysis are siblings: neither uses the other.
RANK = {"core": 0, "store": 1, "formats": 2, "analysis": 2, "draw": 3, "front": 4}

# Files over MAX_LINES whose split is on its way in another branch of the
# same issue. An entry that no longer applies (the file is gone or short
# enough) fails the check, so that it is removed when the split lands.
PENDING = {}

DEFINED = set("TDBRCGSV")


def may_use(a, b):
    """Whether a file of layer a may use one of layer b."""
    if a == b:
        return True
    return RANK[b] < RANK[a]


def layer_of(rel):
    """'draw/diagram.c' -> 'draw'; None for a file outside the layer folders."""
    head = rel.split("/", 1)[0]
    return head if "/" in rel and head in RANK else None


def check_sizes(root, problems):
    for top in ("libgraph/src", "tools"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, "rb") as f:
                    n = f.read().count(b"\n")
                if n > MAX_LINES and rel not in PENDING:
                    problems.append(f"{rel}: {n} lines, over {MAX_LINES}: split it along a seam")
    for rel, why in PENDING.items():
        path = os.path.join(root, rel)
        if not os.path.exists(path):
            problems.append(f"tests/check_layers.py: PENDING names {rel}, which is gone: remove it")
            continue
        with open(path, "rb") as f:
            n = f.read().count(b"\n")
        if n <= MAX_LINES:
            problems.append(
                f"tests/check_layers.py: PENDING names {rel} ({n} lines, within "
                f"{MAX_LINES}): remove it"
            )


def find_cycle(graph):
    """A list of nodes forming a circle of graph (node -> set of nodes), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {n: WHITE for n in graph}
    for start in sorted(graph):
        if colour[start] != WHITE:
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        colour[start] = GREY
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = BLACK
                stack.pop()
                path.pop()
            elif colour.get(nxt, BLACK) == GREY:
                return path[path.index(nxt):] + [nxt]
            elif colour.get(nxt) == WHITE:
                colour[nxt] = GREY
                stack.append((nxt, iter(sorted(graph[nxt]))))
                path.append(nxt)
    return None


def object_source(obj):
    """The source file (relative to libgraph/src) an object file was built from."""
    m = re.search(r"paranet(?:_objects)?\.dir/src/(.+)\.c\.o(bj)?$", obj.replace(os.sep, "/"))
    return m.group(1) + ".c" if m else None


def check_calls(nm, objects, problems):
    defined, used = {}, {}
    for obj in objects:
        src = object_source(obj)
        if src is None:
            problems.append(f"{obj}: not an object of libgraph/src/")
            continue
        out = subprocess.run([nm, obj], check=True, capture_output=True, text=True).stdout
        d, u = set(), set()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in DEFINED:
                d.add(parts[2])
            elif len(parts) == 2 and parts[0] == "U":
                u.add(parts[1])
        defined[src], used[src] = d, u
    if len(defined) < 2:
        problems.append(f"only {len(defined)} object files given: is the list right?")
        return
    owner = {}
    for src, syms in defined.items():
        for s in syms:
            owner[s] = src
    graph = {src: set() for src in defined}
    why = {}
    for src, syms in used.items():
        for s in sorted(syms):
            dst = owner.get(s)
            if dst and dst != src:
                graph[src].add(dst)
                why.setdefault((src, dst), s)
    for src in sorted(graph):
        la = layer_of(src)
        if la is None:
            problems.append(f"libgraph/src/{src}: not in a layer folder ({', '.join(RANK)})")
            continue
        for dst in sorted(graph[src]):
            lb = layer_of(dst)
            if lb is not None and not may_use(la, lb):
                problems.append(
                    f"libgraph/src/{src} ({la}) calls {why[(src, dst)]} of "
                    f"libgraph/src/{dst} ({lb}): {la} may not use {lb}"
                )
    cycle = find_cycle(graph)
    if cycle:
        steps = "".join(f"{a} -[{why[(a, b)]}]-> " for a, b in zip(cycle, cycle[1:]))
        problems.append(f"a circle of calls: {steps}{cycle[-1]}")
    return graph


INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def check_includes(root, problems):
    src_root = os.path.join(root, "libgraph", "src")
    includes = {}
    for dirpath, _, names in os.walk(src_root):
        for name in names:
            if name.endswith((".c", ".h")):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, src_root).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as f:
                    includes[rel] = INCLUDE.findall(f.read())
    headers = {}
    for rel, incs in sorted(includes.items()):
        here = os.path.dirname(rel)
        private = set()
        for inc in incs:
            # Private headers by layer path ("core/util.h"), or next to the file.
            cand = [inc, os.path.normpath(os.path.join(here, inc)).replace(os.sep, "/")]
            hit = next((c for c in cand if c in includes), None)
            if hit:
                private.add(hit)
        la = layer_of(rel)
        for h in sorted(private):
            lb = layer_of(h)
            if la in RANK and lb in RANK and not may_use(la, lb):
                problems.append(
                    f"libgraph/src/{rel} ({la}) includes {h} ({lb}): {la} may not use {lb}"
                )
        if rel.endswith(".h"):
            headers[rel] = {h for h in private if h.endswith(".h")}
    cycle = find_cycle(headers)
    if cycle:
        problems.append("a circle of #include among private headers: " + " -> ".join(cycle))


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root, nm, objects = argv[1], argv[2], [o for o in argv[3].split(";") if o]
    problems = []
    check_sizes(root, problems)
    graph = check_calls(nm, objects, problems)
    check_includes(root, problems)
    for p in problems:
        print(p)
    if problems:
        print(f"check_layers: {len(problems)} problem(s)")
        return 1
    edges = sum(len(v) for v in graph.values()) if graph else 0
    print(f"check_layers: {len(objects)} objects, {edges} file edges, no circle, no upward call")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
