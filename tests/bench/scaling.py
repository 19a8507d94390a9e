#!/usr/bin/python3
"""Scaling benchmark: each input path that once cost the square of its input
(issue 11, "Hardening II"), run at two sizes ten times apart. Not part of
ctest: wall times depend on the machine and its load, so this prints them
and the ratio of the large run to the small one. A linear path gives a ratio
near 10 (less when start-up dominates the small run); a quadratic one near
100. A ratio over 15 is flagged and makes the exit status 1.

    cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
    cmake --build build-bench -j2
    /usr/bin/python3 tests/bench/scaling.py --build build-bench [--only CASE,...] [--scale K]

Each run is timed by /usr/bin/time (wall, peak RSS), once; the inputs are
generated into --work (default /tmp/paranet-scaling) and kept. --scale
divides every size by K (a quick look); the table in docs/performance.md is
from --scale 1. The same generators, at small sizes, make the regression
fixtures that tests/cli_scaling.sh runs (--fixtures DIR writes them)."""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

HEAD = '{"paranet": 1, "title": "scaling case",\n "sources": [{"id": "s", "cite": "Generated."}],\n'


def actor(i, extra=""):
    return '{"id": "a%d", "name": "A %d", "kind": "city", "country": "ID"%s}' % (i, i, extra)


def tie(i, a, b, sources=True, extra=""):
    src = ', "sources": ["s"]' if sources else ""
    return '{"id": "t%d", "from": "%s", "to": "%s", "type": "horizontal"%s%s}' % (i, a, b, src, extra)


def dataset(actors, ties):
    return HEAD + ' "actors": [\n  ' + ",\n  ".join(actors) + '\n ],\n "ties": [\n  ' + ",\n  ".join(ties) + "\n ]\n}\n"


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def chain(n):
    return dataset([actor(i) for i in range(n)], [tie(i, "a%d" % i, "a%d" % (i + 1)) for i in range(n - 1)])


# --- generators: each takes (n, dir) and returns (command args, expected exits) ---


def g_unknown_actor(n, d):
    """n ties naming an actor that does not exist (each an error)."""
    a = [actor(i) for i in range(100)]
    t = [tie(i, "a%d" % (i % 100), "zz%d" % i) for i in range(n)]
    return ["validate", write(os.path.join(d, "in.json"), dataset(a, t))], (1,)


def g_unknown_actor_all(n, d):
    """The same, every error reported and located (--max-errors 0)."""
    args, ex = g_unknown_actor(n, d)
    return args + ["--max-errors", "0"], ex


def g_no_source(n, d):
    """n ties citing no source (each a warning): loading itself must stay linear."""
    a = [actor(i) for i in range(n + 1)]
    t = [tie(i, "a%d" % i, "a%d" % (i + 1), sources=False) for i in range(n)]
    return ["validate", write(os.path.join(d, "in.json"), dataset(a, t))], (0,)


def g_typos(n, d):
    """n actors and n/50 ties whose end is a misspelt id (did-you-mean)."""
    a = ['{"id": "actor-%07d", "name": "A", "kind": "city", "country": "ID"}' % i for i in range(n)]
    t = []
    for i in range(n // 50):
        j = (i * 7919) % n
        typo = "actor-%07d" % j
        typo = typo[:-3] + "x" + typo[-2:]
        t.append('{"from": "actor-%07d", "to": "%s", "type": "horizontal", "sources": ["s"]}' % ((j + 1) % n, typo))
    return ["validate", write(os.path.join(d, "in.json"), dataset(a, t))], (1,)


def fnv_ids(n, work):
    """n ids that collide in an unseeded FNV-1a map (tests/bench/fnv_ids.c,
    compiled here with cc on first use)."""
    exe = os.path.join(work, "paranet-fnv-ids")
    if not os.path.exists(exe):
        subprocess.run(["cc", "-O2", "-o", exe, os.path.join(HERE, "fnv_ids.c")], check=True)
    return subprocess.run([exe, str(n)], check=True, capture_output=True, text=True).stdout.split()


def g_colliding_ids(n, d):
    """n actor ids chosen to collide in an unseeded FNV-1a map."""
    ids = fnv_ids(n, tempfile.gettempdir())
    a = ['{"id": "%s", "name": "A", "kind": "city", "country": "ID"}' % x for x in ids]
    t = ['{"from": "%s", "to": "%s", "type": "horizontal", "sources": ["s"]}' % (ids[i], ids[i + 1]) for i in range(0, n - 1, 2)]
    return ["validate", write(os.path.join(d, "in.json"), dataset(a, t))], (0,)


def g_csv_wide_header(n, d):
    """actors.csv with n extra columns (the header's duplicate check)."""
    os.makedirs(os.path.join(d, "t"), exist_ok=True)
    cols = ["id", "name", "kind", "country"] + ["x%d" % i for i in range(n)]
    with open(os.path.join(d, "t", "actors.csv"), "w") as f:
        f.write(",".join(cols) + "\n")
        f.write("a,A,city,ID" + "," * n + "\n")
        f.write("b,B,city,ID" + "," * n + "\n")
    with open(os.path.join(d, "t", "ties.csv"), "w") as f:
        f.write("from,to,type,sources\na,b,horizontal,\n")
    return ["convert", os.path.join(d, "t"), "-o", os.path.join(d, "out.json")], (0,)


def g_graphml_keys(n, d):
    """GraphML declaring n keys, each used once (key and data look-ups)."""
    p = os.path.join(d, "in.graphml")
    with open(p, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for k in ("name", "kind", "country"):
            f.write('<key id="%s" for="node" attr.name="%s" attr.type="string"/>\n' % (k, k))
        f.write('<key id="type" for="edge" attr.name="type" attr.type="string"/>\n')
        for i in range(n):
            f.write('<key id="k%d" for="node" attr.name="f%d" attr.type="string"/>\n' % (i, i))
        f.write('<graph edgedefault="undirected">\n')
        for i in range(n):
            f.write('<node id="n%d"><data key="name">N %d</data><data key="kind">city</data>'
                    '<data key="country">ID</data><data key="k%d">v</data></node>\n' % (i, i, i))
        f.write('<edge source="n0" target="n1"><data key="type">horizontal</data></edge>\n</graph>\n</graphml>\n')
    return ["convert", p, "-o", os.path.join(d, "out.json")], (0,)


def g_merge(n, d):
    """Two files sharing n actors and n tie ids that mean different ties."""
    a = [actor(i) for i in range(n + 1)]
    t1 = [tie(i, "a%d" % i, "a%d" % (i + 1)) for i in range(n)]
    t2 = [tie(i, "a%d" % (i + 1), "a%d" % i, extra=', "directed": true') for i in range(n)]
    p1 = write(os.path.join(d, "a.json"), dataset(a, t1))
    p2 = write(os.path.join(d, "b.json"), dataset(a, t2))
    return ["merge", p1, p2, "-o", os.path.join(d, "out.json")], (0,)


def g_reach_chain(n, d):
    """reach from the end of a chain of n actors (the output must stay linear)."""
    return ["reach", write(os.path.join(d, "in.json"), chain(n)), "--from", "a0"], (0,)


def g_path_chain(n, d):
    """path from one end of a chain of n actors to the other (no recursion)."""
    return ["path", write(os.path.join(d, "in.json"), chain(n)), "--from", "a0", "--to", "a%d" % (n - 1)], (0,)


def g_constraint_star(n, d):
    """constraint and effective size on a star of n leaves."""
    a = [actor(i) for i in range(n + 1)]
    t = [tie(i, "a0", "a%d" % (i + 1)) for i in range(n)]
    return ["metrics", write(os.path.join(d, "in.json"), dataset(a, t)), "-m", "constraint,effective-size", "--top", "3"], (0, 1, 2)


def g_csv_rows(n, d):
    """A ties.csv of n rows (peak memory of the CSV import)."""
    os.makedirs(os.path.join(d, "t"), exist_ok=True)
    m = max(2, n // 10)
    with open(os.path.join(d, "t", "actors.csv"), "w") as f:
        f.write("id,name,kind,country\n")
        for i in range(m):
            f.write("a%d,A %d,city,ID\n" % (i, i))
    with open(os.path.join(d, "t", "ties.csv"), "w") as f:
        f.write("id,from,to,type,since,sources\n")
        for i in range(n):
            f.write("t%d,a%d,a%d,horizontal,%d,\n" % (i, i % m, (i * 31 + 1) % m if (i * 31 + 1) % m != i % m else (i + 1) % m, 1990 + i % 30))
    return ["convert", os.path.join(d, "t"), "-o", os.path.join(d, "out.json"), "--quiet"], (0,)


def g_json_to_csv(n, d):
    """A dataset of n ties written as CSV tables."""
    m = max(2, n // 10)
    a = [actor(i) for i in range(m)]
    t = [tie(i, "a%d" % (i % m), "a%d" % ((i + 1) % m)) for i in range(n)]
    return ["convert", write(os.path.join(d, "in.json"), dataset(a, t)), "--to", "csv", "-o", os.path.join(d, "out"), "--quiet"], (0,)


def extra_fields(n, d):
    a = [actor(i, ', "field%d": "v"' % i) for i in range(n)]
    t = [tie(i, "a%d" % i, "a%d" % (i + 1)) for i in range(n - 1)]
    return write(os.path.join(d, "in.json"), dataset(a, t))


def g_extra_csv(n, d):
    """n actors, each with an extra field of its own, exported as CSV."""
    return ["convert", extra_fields(n, d), "--to", "csv", "-o", os.path.join(d, "out"), "--quiet"], (0,)


def g_extra_graphml(n, d):
    """The same exported as GraphML."""
    return ["convert", extra_fields(n, d), "-o", os.path.join(d, "out.graphml"), "--quiet"], (0,)


def g_extra_gexf(n, d):
    """The same exported as GEXF."""
    return ["convert", extra_fields(n, d), "-o", os.path.join(d, "out.gexf"), "--quiet"], (0,)


# name, generator, small size (the large one is ten times that)
CASES = [
    ("unknown-actor", g_unknown_actor, 20000),
    ("unknown-actor-all", g_unknown_actor_all, 20000),
    ("no-source", g_no_source, 15000),
    ("typos", g_typos, 50000),
    ("colliding-ids", g_colliding_ids, 65536),
    ("csv-wide-header", g_csv_wide_header, 100000),
    ("graphml-keys", g_graphml_keys, 20000),
    ("merge", g_merge, 10000),
    ("reach-chain", g_reach_chain, 20000),
    ("path-chain", g_path_chain, 20000),
    ("constraint-star", g_constraint_star, 20000),
    ("csv-rows", g_csv_rows, 100000),
    ("json-to-csv", g_json_to_csv, 100000),
    ("extra-field-csv", g_extra_csv, 8000),
    ("extra-field-graphml", g_extra_graphml, 8000),
    ("extra-field-gexf", g_extra_gexf, 8000),
]


def timed(paranet, args, work, tag, timeout, repeat):
    """Best wall time of repeat runs (perf_counter), peak RSS (time(1)),
    exit status and the size of standard output."""
    tim = os.path.join(work, tag + ".time")
    out = os.path.join(work, tag + ".out")
    cmd = ["/usr/bin/time", "-f", "%M", "-o", tim, paranet] + args
    best = None
    for _ in range(repeat):
        with open(out, "wb") as f, open(os.path.join(work, tag + ".err"), "wb") as e:
            # A group of its own, so that a timeout ends paranet, not only time(1).
            start = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=f, stderr=e, start_new_session=True)
            try:
                rc = p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                return None, None, "timeout", 0
            wall = time.perf_counter() - start
        best = wall if best is None else min(best, wall)
    rss = int(open(tim).read().split()[-1]) // 1024
    return best, rss, rc, os.path.getsize(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--work", default="/tmp/paranet-scaling")
    ap.add_argument("--only", default="")
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    ap.add_argument("--fixtures", help="write each case at its fixture size into DIR and stop")
    o = ap.parse_args()
    only = set(filter(None, o.only.split(",")))
    cases = [c for c in CASES if not only or c[0] in only]
    if o.fixtures:
        for name, gen, n in cases:
            d = os.path.join(o.fixtures, name)
            os.makedirs(d, exist_ok=True)
            args, ex = gen(max(10, n // 100), d)
            with open(os.path.join(d, "args"), "w") as f:
                f.write("\n".join(a.replace(d, "@") for a in args) + "\n")
        return 0
    paranet = os.path.join(o.build, "tools", "paranet")
    if not os.access(paranet, os.X_OK):
        sys.exit("no %s: build first (see the top of this file)" % paranet)
    rows, bad = [], 0
    for name, gen, n in cases:
        small = max(10, n // o.scale)
        res = []
        for size in (small, small * 10):
            d = os.path.join(o.work, "%s-%d" % (name, size))
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            args, expected = gen(size, d)
            wall, rss, rc, outlen = timed(paranet, args, o.work, "%s-%d" % (name, size), o.timeout, o.repeat)
            if rc not in expected:
                print("%s at %d: exit %s, expected %s: see %s/%s-%d.err" % (name, size, rc, expected, o.work, name, size), file=sys.stderr)
            res.append((size, wall, rss, rc, outlen))
        (n1, t1, r1, _, _), (n2, t2, r2, rc2, out2) = res
        ratio = t2 / t1 if t1 and t2 is not None else float("inf")
        mem = r2 / r1 if r1 and r2 else float("inf")
        flag = "ok" if ratio <= 15 and mem <= 15 else "SUPERLINEAR"
        bad += flag != "ok"
        rows.append((name, n1, t1, n2, t2, ratio, r2, mem, out2, rc2))
        print("%-20s %9d %s %9d %s  x%5.1f  %6s MB x%4.1f  %s" % (name, n1, sec(t1), n2, sec(t2), ratio, r2, mem, flag), flush=True)
    print()
    print("| case | n | wall | 10n | wall | ratio | peak RSS at 10n | RSS ratio | stdout at 10n | exit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, n1, t1, n2, t2, ratio, r2, mem, out2, rc2 in rows:
        print("| %s | %d | %s | %d | %s | %.1f | %s MB | %.1f | %s | %s |" % (name, n1, sec(t1), n2, sec(t2), ratio, r2, mem, human(out2), rc2))
    return 1 if bad else 0


def sec(t):
    return "timeout" if t is None else "%.3f s" % t


def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return "%d %s" % (n, unit) if unit == "B" else "%.1f %s" % (n, unit)
        n /= 1024.0


if __name__ == "__main__":
    sys.exit(main())
