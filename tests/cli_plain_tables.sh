#!/bin/sh
# Tables and exports that R and Python read as they are (issue 14):
# csv/tsv of every table command is one plain table (the "# " title, view
# and notes on stderr, or first with --comments; --table NAME for another
# table), and no weight attribute or column unless a tie has a weight.
. "$(dirname "$0")/cli_lib.sh"
PY=python3
if ! "$PY" -c 'import csv' >/dev/null 2>&1; then
    echo "skipped: no python3"
    exit 77
fi
T=$SRC/datasets/tangsel.json
F=$SRC/tests/data/florentine.json
E=$SRC/tests/data/roundtrip/everything.json

# plain FILE SEP: read as read.csv/read.delim and pandas.read_csv do with
# their defaults: the first line is the header row, every row as wide as
# it, no comment line and no blank line.
plain() {
    "$PY" - "$1" "$2" <<'PYEOF'
import csv, sys
text = open(sys.argv[1], encoding="utf-8").read()
sep = "\t" if sys.argv[2] == "tsv" else ","
rows = list(csv.reader(text.splitlines(), delimiter=sep))
if not rows or not rows[0] or rows[0][0].startswith("#"):
    sys.exit(f"no header row first: {rows[:1]}")
bad = [r for r in rows if len(r) != len(rows[0]) or r[0].startswith("#")]
if bad or any(not line for line in text.splitlines()):
    sys.exit(f"not one table: {bad[:2]}")
PYEOF
}

# --- every table command: plain csv and tsv, the "# " lines on stderr ---
for fmt in csv tsv; do
    n=0
    for args in "metrics $T" "metrics --network $T" "info $T" "reach $T --from daejeon" \
        "path $F --from medici --to peruzzi" "partners $T --actor tangsel"; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        expect_exit 0 "$PN" $args -f $fmt
        plain "$OUT/out" $fmt && ok || fail "$args -f $fmt: not a plain table"
        cmd=${args%% *}
        has "$OUT/err" "# paranet $cmd "
        has "$OUT/err" "# view: "
        hasnt "$OUT/out" "# view: "
        # --comments: the same "# " lines first on stdout, none on stderr.
        cp "$OUT/out" "$OUT/plain"
        cp "$OUT/err" "$OUT/plain.err"
        # shellcheck disable=SC2086
        expect_exit 0 "$PN" $args -f $fmt --comments --table rows
        head -n 1 "$OUT/out" | grep -q "^# paranet $cmd " && ok || fail "$args --comments: no title first"
        hasnt "$OUT/err" "# view: "
        grep '^# ' "$OUT/plain.err" >"$OUT/hash"
        cat "$OUT/hash" "$OUT/plain" | cmp -s - "$OUT/out" && ok ||
            fail "$args --comments: not the stderr lines, then the table"
        # --quiet: no "# " lines at all.
        # shellcheck disable=SC2086
        expect_exit 0 "$PN" $args -f $fmt --quiet
        cmp -s "$OUT/out" "$OUT/plain" && ok || fail "$args --quiet: another table"
        hasnt "$OUT/err" "# "
    done
done
# The ego-network note of metrics is a "# " line on stderr too.
expect_exit 0 "$PN" metrics "$T" -f csv
has "$OUT/err" "# note: 40 of the 43 ties (93%) touch tangsel"
# One table: no note about others.
hasnt "$OUT/err" "holds the main table"

# --- several tables: the main one, or --table NAME, or --comments all ---
expect_exit 0 "$PN" reach "$T" --from kemenlu --explain -f csv
plain "$OUT/out" csv && ok || fail "reach --explain: not a plain table"
head -n 1 "$OUT/out" | grep -qx 'distance,id,name,via' && ok || fail "reach --explain: not the main table"
has "$OUT/err" "paranet reach: note: csv holds the main table (rows); --table NAME gives another (evidence, sources), --comments all of them"
expect_exit 0 "$PN" reach "$T" --from kemenlu --explain -f tsv --table evidence
plain "$OUT/out" tsv && ok || fail "--table evidence: not a plain table"
head -n 1 "$OUT/out" | grep -q "$(printf '^actor\thop\tfrom\tto\ttie\t')" && ok || fail "--table evidence: not the evidence"
hasnt "$OUT/err" "holds the main table"
expect_exit 0 "$PN" reach "$T" --from kemenlu --explain -f csv --table sources
head -n 1 "$OUT/out" | grep -qx 'id,cite,url' && ok || fail "--table sources: not the sources"
# info: kinds is one of its tables.
expect_exit 0 "$PN" info "$T" -f csv --table kinds
head -n 2 "$OUT/out" | tr '\n' ' ' | grep -q '^name,count city,' && ok || fail "info --table kinds"
# --comments without --table: every table, each after "# table: NAME".
expect_exit 0 "$PN" reach "$T" --from kemenlu --explain -f csv --comments
has "$OUT/out" "# table: evidence"
has "$OUT/out" "# table: sources"
head -n 1 "$OUT/out" | grep -q '^# paranet reach ' && ok || fail "--comments: no title first"
# --comments --table: the "# " lines and that table only.
expect_exit 0 "$PN" reach "$T" --from kemenlu --explain -f csv --comments --table sources
hasnt "$OUT/out" "# table:"
grep -v '^#' "$OUT/out" | head -n 1 | grep -qx 'id,cite,url' && ok || fail "--comments --table sources"
# Errors: an unknown table, and --table or --comments with a format that
# holds every table with its title.
expect_exit 2 "$PN" reach "$T" --from kemenlu --explain -f csv --table nosuch
has "$OUT/err" "paranet reach: --table: no table 'nosuch' in this report (rows, evidence, sources)"
[ -s "$OUT/out" ] && fail "--table nosuch wrote a table" || ok
expect_exit 2 "$PN" metrics "$T" -f json --table rows
has "$OUT/err" "paranet metrics: --table is for --format csv or tsv"
expect_exit 2 "$PN" info "$T" --comments
has "$OUT/err" "paranet info: --comments is for --format csv or tsv"
"$PN" help metrics >"$OUT/help"
has "$OUT/help" "--table NAME"
has "$OUT/help" "--comments"

# --- no weight unless a tie has one ---
# tangsel.json: no tie has a weight; everything.json: 3 of its 13 ties
# (0.1, 0 and 3).
expect_exit 0 "$PN" convert "$T" -o "$OUT/t.graphml"
hasnt "$OUT/t.graphml" 'attr.name="weight"'
hasnt "$OUT/t.graphml" 'e_weight'
expect_exit 0 "$PN" convert "$E" -o "$OUT/e.graphml"
has "$OUT/e.graphml" '<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>'
[ "$(grep -c '<data key="e_weight">' "$OUT/e.graphml")" = 3 ] && ok || fail "everything.graphml: not 3 weights"
expect_exit 0 "$PN" convert "$T" -o "$OUT/t.gexf"
hasnt "$OUT/t.gexf" 'weight'
expect_exit 0 "$PN" convert "$E" -o "$OUT/e.gexf"
[ "$(grep -c ' weight="' "$OUT/e.gexf")" = 3 ] && ok || fail "everything.gexf: not 3 weights"
expect_exit 0 "$PN" convert "$T" --to csv -o "$OUT/tcsv"
head -n 1 "$OUT/tcsv/ties.csv" | grep -qx 'from,to,id,type,instrument,since,until,status,basis,sectors,directed,note,sources' &&
    ok || fail "tangsel ties.csv header: $(head -n 1 "$OUT/tcsv/ties.csv")"
plain "$OUT/tcsv/ties.csv" csv && ok || fail "tangsel ties.csv: not a plain table"
expect_exit 0 "$PN" convert "$E" --to csv -o "$OUT/ecsv"
head -n 1 "$OUT/ecsv/ties.csv" | grep -q '^from,to,id,type,instrument,since,until,status,basis,sectors,weight,directed,note,sources' &&
    ok || fail "everything ties.csv header: $(head -n 1 "$OUT/ecsv/ties.csv")"
# Round trips: each file back to the same JSON (GEXF is written only).
for d in t e; do
    if [ $d = t ]; then in=$T; else in=$E; fi
    expect_exit 0 "$PN" convert "$in" -o "$OUT/$d.canon.json"
    for back in "$d.graphml" "${d}csv"; do
        expect_exit 0 "$PN" convert "$OUT/$back" -o "$OUT/$d.back.json"
        cmp -s "$OUT/$d.canon.json" "$OUT/$d.back.json" && ok || fail "$back: round trip differs"
    done
done
finish
