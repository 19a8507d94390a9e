#!/bin/sh
# reach, path, partners and info in every --format: each parses, has the
# documented columns (docs/reach.md, path.md, partners.md, info.md), as many
# rows as the text shows, and the same values; info takes the view options.
. "$(dirname "$0")/cli_lib.sh"
PY=python3
if ! "$PY" -c 'import csv, json' >/dev/null 2>&1; then
    echo "skipped: no python3"
    exit 77
fi
T=$SRC/datasets/tangsel.json
B=$SRC/datasets/bandung.json
F=$SRC/tests/data/florentine.json

# formats NAME CMD...: the command's output in each format, as $OUT/NAME.FMT.
formats() {
    name=$1
    shift
    for fmt in text csv tsv json md latex; do
        case $fmt in
        csv | tsv) expect_exit 0 "$@" --format "$fmt" --comments ;; # every table
        *) expect_exit 0 "$@" --format "$fmt" ;;
        esac
        cp "$OUT/out" "$OUT/$name.$fmt"
    done
    # csv and tsv without --comments: the main table alone, its first line
    # the header row; the "# " lines of --comments on stderr instead.
    for fmt in csv tsv; do
        expect_exit 0 "$@" --format "$fmt"
        sed -n '/^# table: /q; /^#/d; /^$/d; p' "$OUT/$name.$fmt" | cmp -s - "$OUT/out" && ok ||
            fail "$name: plain $fmt is not the main table of --comments"
        if head -n 1 "$OUT/out" | grep -q '^#'; then fail "$name: plain $fmt starts with #"; else ok; fi
        sed -n '/^[^#]/q; p' "$OUT/$name.$fmt" >"$OUT/hash"
        grep '^# ' "$OUT/err" | cmp -s - "$OUT/hash" && ok || fail "$name: $fmt's # lines not on stderr"
    done
    # The default is text, and --format text is the same bytes.
    expect_exit 0 "$@"
    cmp -s "$OUT/out" "$OUT/$name.text" && ok || fail "$name: --format text differs from the default"
}

formats reach "$PN" reach "$T" --from daejeon
formats reach-explain "$PN" reach "$T" --from daejeon --hops 2 --paths --explain
formats reach-out "$PN" reach "$T" --from daejeon --types b2b --explain
formats path "$PN" path "$F" --from medici --to peruzzi --all --explain
formats path-none "$PN" path "$F" --from medici --to pucci
formats partners "$PN" partners "$T" --actor tangsel --explain
formats partners-g2g "$PN" partners "$T" --actor tangsel --types g2g
formats partners-at "$PN" partners "$T" --actor tangsel --at 2016 --types g2g --explain
formats info "$PN" info "$T"
formats info-view "$PN" info "$T" --at 2016 --types g2g
formats info-bandung "$PN" info "$B" --kinds city
expect_exit 0 "$PN" metrics --network "$T" --at 2016 --types g2g --format json
cp "$OUT/out" "$OUT/network.json"

expect_exit 0 "$PY" - "$OUT" <<'PYEOF'
import csv, io, json, re, sys
out = sys.argv[1]
bad = []

def read(name, fmt):
    with open(f"{out}/{name}.{fmt}", encoding="utf-8") as f:
        return f.read()

def tables(name, sep):
    """The tables of a CSV/TSV output: {name: (header, rows)}; the first is "rows"."""
    text = read(name, "csv" if sep == "," else "tsv")
    result, current, lines = {}, "rows", []
    def flush():
        if lines:
            rows = list(csv.reader(io.StringIO("\n".join(lines) + "\n"), delimiter=sep))
            result[current] = (rows[0], rows[1:])
    for line in text.split("\n"):
        m = re.match(r"# table: (.*)", line)
        if m:
            flush()
            current, lines = m.group(1), []
        elif line and not line.startswith("#"):
            lines.append(line)
    flush()
    return result

def check(name, want, text_rows, extra=()):
    """Every format of NAME: the columns of each table in `want`, the
    number of main rows as the text shows (text_rows), JSON numbers."""
    try:
        j = json.loads(read(name, "json"))
    except ValueError as e:
        bad.append(f"{name}.json does not parse: {e}")
        return None
    for sep in (",", "\t"):
        t = tables(name, sep)
        for table, cols in want.items():
            if table not in t:
                bad.append(f"{name} {sep!r}: no table {table}")
                continue
            if t[table][0] != cols:
                bad.append(f"{name} {sep!r} {table}: columns {t[table][0]}, wanted {cols}")
            if len(t[table][1]) != len(j.get(table, [])):
                bad.append(f"{name} {sep!r} {table}: {len(t[table][1])} rows, JSON {len(j.get(table, []))}")
        if set(t) != set(want):
            bad.append(f"{name} {sep!r}: tables {sorted(t)}, wanted {sorted(want)}")
        if len(t["rows"][1]) != text_rows:
            bad.append(f"{name} {sep!r}: {len(t['rows'][1])} rows, text shows {text_rows}")
    for table, cols in want.items():
        for row in j.get(table, []):
            if list(row) != cols:
                bad.append(f"{name}.json {table}: keys {list(row)}")
                break
    md = read(name, "md")
    for table, cols in want.items():
        if "| " + " | ".join(cols) + " |" not in md:
            bad.append(f"{name}.md lacks the header row of {table}")
    latex = read(name, "latex")
    # One tabular a table, or a longtable for one of over 40 rows.
    tabulars = latex.count("\\begin{tabular}") + latex.count("\\begin{longtable}")
    if tabulars != len(want):
        bad.append(f"{name}.latex: {tabulars} tabulars and longtables, wanted {len(want)}")
    return j

def numeric(name, j, table, cols):
    for row in j.get(table, []):
        for c in cols:
            if row[c] is not None and not isinstance(row[c], int):
                bad.append(f"{name}.json {table}.{c} is not a number: {row[c]!r}")

def lines(name):
    return read(name, "text").split("\n")

def cited_lines(name):
    """The text's "  ID: cite" lines under "Sources cited above:"."""
    ls = lines(name)
    if "Sources cited above:" not in ls:
        return []
    return [l for l in ls[ls.index("Sources cited above:") + 1:] if l]

EVIDENCE = ["tie", "type", "instrument", "years", "status", "basis", "tie_from", "tie_to", "directed",
            "source", "page"]
SOURCES = ["id", "cite", "url"]

# reach: the rows are the text's tab-separated lines, the same ids in order.
REACH = ["distance", "id", "name", "via"]
text = [l.split("\t") for l in lines("reach") if re.match(r"\d+\t", l)]
j = check("reach", {"rows": REACH}, len(text))
if j:
    if [r["id"] for r in j["rows"]] != [t[1] for t in text]:
        bad.append("reach: JSON ids differ from the text's")
    if [r["distance"] for r in j["rows"]] != [int(t[0]) for t in text]:
        bad.append("reach: JSON distances differ from the text's")
    if [r["via"] for r in j["rows"]] != [t[3] for t in text]:
        bad.append("reach: JSON via differ from the text's")
    numeric("reach", j, "rows", ["distance"])

# reach --paths --explain: one evidence row per "source:" line of the text,
# one sources row per source listed.
text = [l.split("\t") for l in lines("reach-explain") if re.match(r"\d+\t", l)]
j = check("reach-explain", {"rows": REACH + ["path"], "evidence": ["actor", "hop", "from", "to"] + EVIDENCE,
                            "sources": SOURCES}, len(text))
if j:
    if [r["path"] for r in j["rows"]] != [t[4] for t in text]:
        bad.append("reach --paths: JSON paths differ from the text's")
    n = sum(1 for l in lines("reach-explain") if re.match(r" +source: ", l))
    if len(j["evidence"]) != n or n == 0:
        bad.append(f"reach --explain: {len(j['evidence'])} evidence rows, text has {n} source lines")
    hops = {l.strip().split(":")[0] for l in lines("reach-explain") if re.match(r" +hop \d+:", l)}
    if {f"hop {e['hop']}" for e in j["evidence"]} != hops:
        bad.append("reach --explain: the hops differ from the text's")
    if [f"  {s['id']}: {s['cite']}" for s in j["sources"]] != cited_lines("reach-explain"):
        bad.append("reach --explain: sources differ from the text's")
    numeric("reach-explain", j, "evidence", ["hop"])

# An actor the view leaves out: no rows, the note in every format.
j = check("reach-out", {"rows": REACH, "evidence": ["actor", "hop", "from", "to"] + EVIDENCE,
                        "sources": SOURCES}, 0)
if j and not any("is not in this view" in n for n in j.get("notes", [])):
    bad.append("reach-out: the JSON notes lack 'is not in this view'")

# path: one row per path, its actors the text's path line.
PATH = ["path", "hops", "actors"]
text = [l for l in lines("path") if " > " in l and not l.startswith((" ", "#"))]
j = check("path", {"rows": PATH, "evidence": ["path", "hop", "from", "to"] + EVIDENCE,
                   "sources": SOURCES}, len(text))
if j:
    if [r["actors"] for r in j["rows"]] != text or len(text) != 2:
        bad.append("path: JSON actors differ from the text's paths")
    if [r["hops"] for r in j["rows"]] != [3, 3]:
        bad.append("path: hops are not 3 and 3")
    n = sum(1 for l in lines("path") if re.match(r" +source: ", l))
    if len(j["evidence"]) != n or n == 0:
        bad.append(f"path --explain: {len(j['evidence'])} evidence rows, text has {n} source lines")
    if [f"  {s['id']}: {s['cite']}" for s in j["sources"]] != cited_lines("path"):
        bad.append("path --explain: sources differ from the text's")
    numeric("path", j, "rows", ["path", "hops"])
    numeric("path", j, "evidence", ["path", "hop"])
j = check("path-none", {"rows": PATH}, 0)
if j and "no path from medici to pucci in this view" not in j.get("notes", []):
    bad.append("path-none: the JSON notes lack 'no path'")

# partners: one row per partner block; the programmes as the text lists them.
PARTNERS = ["id", "name", "kind", "country", "first_year", "last_year", "ongoing", "ties",
            "ties_not_reported", "relation", "off_ladder", "rung", "rung_instrument", "rung_tie",
            "rung_step", "blocked_rung", "blocked_tie", "blocked_step", "beyond_rung",
            "beyond_tie", "beyond_step", "ladder", "programmes"]
PROGRAMMES = ["partner", "tie", "status", "years", "basis"]
for name, explain in (("partners", True), ("partners-g2g", False), ("partners-at", True)):
    ls = lines(name)
    heads = [l.split("  ")[0] for i, l in enumerate(ls) if i and ls[i - 1] == "" and l and l != "Sources cited above:"]
    want = {"rows": PARTNERS, "programmes": PROGRAMMES}
    if explain:
        want.update({"evidence": ["partner", "in_view"] + EVIDENCE, "sources": SOURCES})
    j = check(name, want, len(heads))
    if not j:
        continue
    if [r["id"] for r in j["rows"]] != heads:
        bad.append(f"{name}: JSON ids differ from the text's")
    # A rung on the ladder; off it, null and the text's "relation:" line.
    rungs = [int(l.split()[1]) if l.startswith("  rung:") else None
             for l in ls if l.startswith(("  rung:", "  relation:"))]
    if [r["rung"] for r in j["rows"]] != rungs:
        bad.append(f"{name}: JSON rungs differ from the text's")
    if [r["ongoing"] for r in j["rows"]] != [
            "true" if "(still in force: " in l else "false" for l in ls if l.startswith("  years:")]:
        bad.append(f"{name}: JSON ongoing differs from the text's years")
    progs = sum(int(l.split()[1]) for l in ls if l.startswith("  programmes:"))
    if len(j["programmes"]) != progs or sum(r["programmes"] for r in j["rows"]) != progs:
        bad.append(f"{name}: {len(j['programmes'])} programme rows, text counts {progs}")
    if explain:
        n = sum(1 for l in ls if re.match(r" +source: ", l))
        if len(j["evidence"]) != n or n == 0:
            bad.append(f"{name}: {len(j['evidence'])} evidence rows, text has {n} source lines")
    numeric(name, j, "rows", ["first_year", "last_year", "ties", "ties_not_reported", "rung",
                              "blocked_rung", "beyond_rung", "programmes"])
    if name == "partners-at":
        # datasets/tangsel.json in 2016: the visits (2 citations), the LoI (3)
        # and the undated sister-city upgrade (2) are rungs outside the view.
        out_rows = [(r["tie"], r["source"]) for r in j["evidence"] if r["in_view"] == "false"]
        if len(out_rows) != 7 or {t for t, _ in out_rows} != {
                "tangsel-daejeon-visits", "tangsel-daejeon-loi-1", "tangsel-daejeon-mou-sister-city"}:
            bad.append(f"partners-at: evidence outside the view {out_rows}")
        if (j["rows"][0]["rung"], j["rows"][0]["ongoing"]) != (5, "true"):
            bad.append(f"partners-at: daejeon {j['rows'][0]}")
    if name == "partners-g2g":
        d = j["rows"][0]
        # datasets/README.md: the sister-city upgrade is planned, which does not
        # block; the signed 2016 R&D agreement is the rung reached.
        if (d["id"], d["rung"], d["rung_tie"], d["blocked_rung"], d["beyond_rung"]) != (
                "daejeon", 5, "tangsel-daejeon-rnd-agreement", 0, 0):
            bad.append(f"partners-g2g: daejeon's ladder {d}")

# info: the summary row and one table per tally, each as long as the text's section.
TALLY = ["name", "count"]
INFO = {"rows": ["title", "file", "view", "actors", "ties", "sources", "first_year", "last_year"],
        "kinds": TALLY, "countries": TALLY + ["label"], "types": TALLY, "statuses": TALLY,
        "instruments": TALLY, "sectors": TALLY, "sources": ["id", "ties", "actors", "cite"]}
SECTIONS = {"kinds": "Actors by kind", "countries": "Actors by country", "types": "Ties by type",
            "statuses": "Ties by status", "instruments": "Ties by instrument",
            "sectors": "Ties by sector"}
for name in ("info", "info-view", "info-bandung"):
    j = check(name, INFO, 1)
    if not j:
        continue
    ls = lines(name)
    s = j["rows"][0]
    for field in ("actors", "ties", "sources"):
        if f"  {field + ':':8} {s[field]}" not in ls:
            bad.append(f"{name}: {field} {s[field]} is not the text's")
    for table, heading in SECTIONS.items():
        i = ls.index(heading)
        shown = [l for l in ls[i + 1:ls.index("", i)] if l != "  (none)"]
        if [(l.split()[0], int(l.split()[1])) for l in shown] != [(r["name"], r["count"]) for r in j[table]]:
            bad.append(f"{name} {table}: rows differ from the text's")
        numeric(name, j, table, ["count"])
    numeric(name, j, "rows", ["actors", "ties", "sources", "first_year", "last_year"])
    numeric(name, j, "sources", ["ties", "actors"])
    has_view = any(l.startswith("  view:    ") for l in ls)
    if has_view != (name != "info"):
        bad.append(f"{name}: a view line {'shown' if has_view else 'missing'}")

# info --at 2016 --types g2g counts what metrics --network counts.
view = json.loads(read("info-view", "json"))["rows"][0]
net = {r["metric"]: r["value"] for r in json.load(open(f"{out}/network.json"))["rows"]}
if (view["actors"], view["ties"]) != (net["actors"], net["ties"]):
    bad.append(f"info --at 2016 --types g2g: {view['actors']} actors, {view['ties']} ties; metrics --network {net['actors']}, {net['ties']}")
full = json.loads(read("info", "json"))["rows"][0]
if not view["actors"] < full["actors"] or not view["ties"] < full["ties"]:
    bad.append("info --at 2016 --types g2g counts no fewer than the whole dataset")
if "  view:    types=g2g at=2016 no-isolates undirected" not in read("info-view", "text"):
    bad.append("info-view: the text lacks the view line")

for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PYEOF
cat "$OUT/out"

# The text of info without view options: the old layout, no view line, and
# "  file:" straight after the title.
sed -n 2p "$OUT/info.text" | grep -q '^  file:    ' && ok || fail "info: line 2 is not the file"
sed -n 3p "$OUT/info.text" | grep -q '^  actors:  ' && ok || fail "info: line 3 is not the actors"

# Bad --format values: exit 2 with a message naming the formats.
for cmd in "reach $T --from daejeon" "path $T --from daejeon --to tangsel" \
    "partners $T --actor tangsel" "info $T"; do
    # shellcheck disable=SC2086 # the words of the command
    expect_exit 2 "$PN" $cmd --format xml
    has "$OUT/err" "--format must be text, csv, tsv, json, md or latex (got 'xml')"
done
# The view options on info: an unknown --ego is exit 1 with a suggestion.
expect_exit 1 "$PN" info "$T" --ego tangsell
has "$OUT/err" "--ego: no actor 'tangsell' (did you mean 'tangsel'?)"
expect_exit 0 "$PN" info "$T" --ego tangsel --radius 1 --format json
has "$OUT/out" '"view": "basis=reported,inferred ego=tangsel radius=1'

finish
