#!/usr/bin/python3
"""paranet's benchmark, side by side with NetworkX, python-igraph and raw
igraph (docs/performance.md). Not part of ctest.

    cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPN_BUILD_BENCH=ON
    cmake --build build-bench --target bench
    /usr/bin/python3 tests/bench/run.py --build build-bench [--sizes 1000,10000,100000]

For each size it generates world-N.json (paranet generate, seed 1, 3 ties
per actor) and runs, one after another, each tool's whole job under
/usr/bin/time (wall time, peak RSS): load + validate, every per-actor
metric, reach from one actor, and (up to 1k actors) an SVG drawing. Path
metrics (betweenness, closeness, harmonic) are exact up to 10k actors and
count paths of at most CUTOFF hops above (NetworkX has no cutoff: it runs
no metrics there). Results are cached in --work (delete to re-run) and the
table is printed and written to docs/performance.md."""
import argparse
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CUTOFF = 3
EXACT_MAX = 10000
RENDER_MAX = 1000


def parse(path):
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1]) if parts[0] != "cpu" else float(parts[1]) + float(parts[2])
            except ValueError:
                pass
    return out


def run(work, tag, cmd, timeout, cwd=None):
    """Run cmd under /usr/bin/time once; cached in work/tag.{out,time}."""
    out, tim = os.path.join(work, tag + ".out"), os.path.join(work, tag + ".time")
    if not os.path.exists(tim):
        print("running", tag, flush=True)
        with open(os.path.join(work, "loadavg.log"), "a") as f:
            f.write(f"{tag} {os.getloadavg()[0]:.2f}\n")
        full = ["/usr/bin/time", "-f", "wall %e\nrss_kb %M\ncpu %U %S", "-o", tim] + cmd
        try:
            with open(out, "w") as f, open(os.path.join(work, tag + ".err"), "w") as e:
                rc = subprocess.run(full, stdout=f, stderr=e, timeout=timeout, cwd=cwd).returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
        if rc != 0:
            with open(tim, "a") as f:
                f.write(f"failed {1}\n")
            print(f"  {tag}: exit {rc}", flush=True)
    r = parse(out)
    r.update(parse(tim))
    return r


def edges_file(work, json_path, n):
    path = os.path.join(work, f"edges-{n}.txt")
    if not os.path.exists(path):
        sys.path.insert(0, HERE)
        from peer_common import load

        nv, pairs, _ = load(json_path)
        with open(path, "w") as f:
            f.write(f"{nv}\n")
            for a, b in pairs:
                f.write(f"{a} {b}\n")
    return path


def machine():
    info = {}
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            k, _, v = line.partition(":")
            info[k.strip()] = v.strip()
    except OSError:
        pass
    mem = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = int(line.split()[1]) / 1024 / 1024
    return (f"{info.get('Model name', '?')}, {os.cpu_count()} CPUs online "
            f"({info.get('Core(s) per socket', '?')} cores per socket, "
            f"{info.get('Thread(s) per core', '?')} threads per core), {mem:.0f} GiB RAM, "
            f"{platform.system()} {platform.release()}")


def fmt(x, unit="s"):
    if x is None:
        return "–"
    if unit == "MB":
        return f"{x / 1024:.0f} MB"
    if x < 0.01:
        return f"{x * 1000:.1f} ms"
    return f"{x:.2f} s"


def ratio(a, b):
    if a is None or b is None or a == 0:
        return "–"
    return f"{b / a:.1f}x"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--work", default="/tmp/pn-bench")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=3600)
    ap.add_argument("--output", default=os.path.join(ROOT, "docs", "performance.md"))
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    pn = os.path.join(a.build, "tools", "paranet")
    bench = os.path.join(a.build, "tests", "bench", "pn_bench")
    raw = os.path.join(a.build, "tests", "bench", "raw_igraph")
    py = "/usr/bin/python3"
    rows = []
    for n in [int(s) for s in a.sizes.split(",")]:
        f = os.path.join(a.work, f"world-{n}.json")
        if not os.path.exists(f):
            subprocess.run([pn, "generate", "--actors", str(n), "--seed", "1", "-q", "-o", f], check=True)
        mb = os.path.getsize(f) / 1e6
        exact = n <= EXACT_MAX
        cut = [] if exact else ["--cutoff", str(CUTOFF)]
        r = {"n": n, "mb": mb}
        r["validate"] = run(a.work, f"validate-{n}", [pn, "validate", "--strict", "-q", f], a.timeout)
        if exact:
            r["cli"] = run(a.work, f"climetrics-{n}", ["sh", "-c", f"'{pn}' metrics -q -m all -f csv '{f}' > /dev/null"], a.timeout)
            if a.workers > 1:
                r["cliw"] = run(a.work, f"climetrics-j{a.workers}-{n}", ["sh", "-c", f"'{pn}' metrics -q -m all -f csv --jobs {a.workers} '{f}' > /dev/null"], a.timeout)
        r["pn1"] = run(a.work, f"paranet-{n}", [bench, f] + cut, a.timeout)
        if a.workers > 1:
            r["pnw"] = run(a.work, f"paranet-w{a.workers}-{n}", [bench, f, "--workers", str(a.workers)] + cut, a.timeout)
        rend = n <= RENDER_MAX
        if rend:
            r["render"] = run(a.work, f"render-{n}", [pn, "render", f, "-o", os.path.join(a.work, f"pn-{n}.svg")], a.timeout)
        ex = os.path.join(a.work, f"edges-{n}.txt")
        r["raw"] = run(a.work, f"raw-{n}", [raw, edges_file(a.work, f, n)] + cut, a.timeout)
        r["igraph"] = run(a.work, f"igraph-{n}", [py, "peer_igraph.py", f] + cut +
                          (["--render", os.path.join(a.work, f"ig-{n}.svg")] if rend else []), a.timeout, cwd=HERE)
        r["networkx"] = run(a.work, f"networkx-{n}", [py, "peer_networkx.py", f] +
                            ([] if exact else ["--no-metrics"]) +
                            (["--render", os.path.join(a.work, f"nx-{n}.svg")] if rend else []), a.timeout, cwd=HERE)
        rows.append(r)
        del ex
    text = table(rows, a.workers)
    print(text)
    # Load average (1 min) when each run started: how quiet the machine was.
    loads = [float(l.split()[1]) for l in open(os.path.join(a.work, "loadavg.log"))] \
        if os.path.exists(os.path.join(a.work, "loadavg.log")) else []
    # Everything after the marker in the existing file is hand-written analysis: kept.
    marker = "<!-- analysis: kept by run.py -->"
    tail = ""
    if os.path.exists(a.output):
        old = open(a.output).read()
        if marker in old:
            tail = old[old.index(marker):]
    with open(a.output, "w") as out:
        out.write(doc(text, a, loads))
        out.write("\n" + (tail or marker + "\n"))


def load_text(loads):
    if not loads:
        return ""
    return (f"Load average (1 minute) as each run started: {min(loads):.2f} to {max(loads):.2f} "
            f"on {os.cpu_count()} CPUs (a run itself adds 1, or the workers' count).")


def table(rows, workers):
    L = []
    L.append("| actors (ties, MB) | task | paranet | paranet, %d workers | python-igraph | NetworkX | raw igraph | python-igraph / best paranet | NetworkX / best paranet | paranet (1 worker) / raw |" % workers)
    L.append("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        n, mb = r["n"], r["mb"]
        head = f"{n:,} ({3 * n:,}, {mb:.0f} MB)"
        pn1, pnw, ig, nx, raw = r["pn1"], r.get("pnw", {}), r["igraph"], r["networkx"], r["raw"]
        best = pnw if pnw.get("metrics") is not None and pnw.get("metrics", 1e9) < pn1.get("metrics", 1e9) else pn1

        def g(d, k):
            return d.get(k) if d and "failed" not in d else None

        # load + validate
        lv = g(r["validate"], "wall")
        L.append(f"| {head} | load + validate (CLI `validate --strict`), wall | {fmt(lv)} | | {fmt(g(ig, 'load'))} (load only) | {fmt(g(nx, 'load'))} (load only) | | {ratio(lv, g(ig, 'load'))} | {ratio(lv, g(nx, 'load'))} | |")
        cpu = g(r["validate"], "cpu")
        L.append(f"| | JSON ingest rate (CPU time of `validate`) | {mb / cpu:.1f} MB/s | | | | | | | |" if cpu else "| | JSON ingest | – | | | | | | | |")
        m1, mw = g(pn1, "metrics"), g(pnw, "metrics")
        L.append(f"| | metrics compute{'' if n <= EXACT_MAX else f' (paths cutoff {CUTOFF})'} | {fmt(m1)} | {fmt(mw)} | {fmt(g(ig, 'metrics'))} | {fmt(g(nx, 'metrics'))} | {fmt(g(raw, 'metrics'))} (igraph's metrics only) | {ratio(g(best, 'metrics'), g(ig, 'metrics'))} | {ratio(g(best, 'metrics'), g(nx, 'metrics'))} | |")
        p1, pw, rp = g(pn1, "paths"), g(pnw, "paths"), g(raw, "paths")
        L.append(f"| | of which betweenness + closeness + harmonic | {fmt(p1)} | {fmt(pw)} | {fmt(sum(g(ig, 'metric:' + k) or 0 for k in ('betweenness', 'closeness', 'harmonic')) or None)} | {fmt(sum(g(nx, 'metric:' + k) or 0 for k in ('betweenness', 'closeness', 'harmonic')) or None)} | {fmt(rp)} | | | {ratio(rp, p1)} (1 worker) |")
        e1, ew = g(pn1, "wall"), g(pnw, "wall")
        eb = min(x for x in (e1, ew) if x is not None) if (e1 or ew) else None
        L.append(f"| | end-to-end job (process wall: load, validate, metrics, reach) | {fmt(e1)} | {fmt(ew)} | {fmt(g(ig, 'wall'))} | {fmt(g(nx, 'wall')) if n <= EXACT_MAX else 'no metrics'} | | {ratio(eb, g(ig, 'wall'))} | {ratio(eb, g(nx, 'wall')) if n <= EXACT_MAX else '–'} | |")
        if "cli" in r:
            L.append(f"| | CLI `metrics -m all -f csv` (load, graph, metrics, output), wall | {fmt(g(r['cli'], 'wall'))} | {fmt(g(r.get('cliw', {}), 'wall'))} (`--jobs {workers}`) | | | | | | |")
        L.append(f"| | reach from one actor | {fmt(g(pn1, 'reach'))} | | {fmt(g(ig, 'reach'))} | {fmt(g(nx, 'reach'))} | | | | |")
        if "render" in r:
            L.append(f"| | render SVG (paranet: `render`, sfdp by default above 150 actors, legend, styles; peers: a plain DOT file through `dot`) | {fmt(g(r['render'], 'wall'))} | | {fmt(g(ig, 'render'))} (DOT + dot) | {fmt(g(nx, 'render'))} (DOT + dot) | | | | |")
        rss = [g(d, "rss_kb") for d in (pn1, pnw, ig, nx)]
        L.append(f"| | peak memory (RSS) of the job | {fmt(rss[0], 'MB')} | {fmt(rss[1], 'MB')} | {fmt(rss[2], 'MB')} | {fmt(rss[3], 'MB')} | | {ratio(rss[0], rss[2])} | {ratio(rss[0], rss[3])} | |")
    return "\n".join(L)


def doc(text, a, loads):
    return f"""# Performance

Measured by `tests/bench/run.py` (see its header for how to build and run
it). Each size is a dataset made by `paranet generate --actors N --seed 1`
(3 ties per actor; docs/generate.md). Every tool does the same job from the
same JSON file: load it, compute every per-actor metric of `paranet
metrics` (degree, betweenness, closeness, harmonic, eigenvector, PageRank,
hub and authority, constraint, effective size, coreness, components,
Louvain communities, brokerage roles), find the actors reachable from one
actor, and, up to {RENDER_MAX} actors, draw an SVG with Graphviz (see the
render row: not the same drawing).
Betweenness, closeness and harmonic centrality are exact up to {EXACT_MAX:,}
actors; above, they count paths of at most {CUTOFF} hops (paranet's
`--cutoff`, igraph's `_cutoff` functions; NetworkX has none and runs no
metrics at that size). paranet computes the three in one sweep
(`pn_metric_vectors`, docs/metrics.md); the peers call one function each.
At 1,000 actors the library does not fork (under 2,000), so the two
paranet columns differ by noise only.

- **paranet**: `tests/bench/pn_bench` (the library, phase by phase) and the
  CLI (`paranet validate --strict`, `paranet metrics -m all`, `paranet
  render`). "workers": betweenness, closeness and harmonic split over
  forked processes (`pn_metric_options.workers`, `paranet metrics --jobs N`;
  `libgraph/src/analysis/path_sweep.c`).
- **python-igraph** 0.10.2 and **NetworkX** 2.8.8 from Debian, run with
  `/usr/bin/python3` (`tests/bench/peer_igraph.py`, `peer_networkx.py`).
  Their "load" is `json.load` and building the graph: they do not validate.
  Brokerage and effective size, which neither has in this form, are plain
  Python loops (`peer_common.py`). With a cutoff, python-igraph 0.10.2
  computes closeness and harmonic centrality wrongly (it passes the cutoff
  to the C functions in the wrong place: python-igraph issue 811), so its
  rows with a cutoff time betweenness as the only path metric.
- **raw igraph**: `tests/bench/raw_igraph.c`, igraph's own metrics called
  directly on a graph built beforehand (the compute floor; it has no
  brokerage or effective size).

Times are wall-clock seconds; memory is the peak resident set size from
`/usr/bin/time`. Ratios above 1 mean paranet is faster or smaller.

Machine: {machine()}; Debian 12, igraph 0.10.2, python-igraph 0.10.2,
NetworkX 2.8.8. {load_text(loads)}

{text}
"""


if __name__ == "__main__":
    main()
