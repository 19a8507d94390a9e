#!/bin/sh
# The scaling benchmark's cases (tests/bench/scaling.py) as regression
# fixtures, at sizes that run fast (tests/data/scaling, written by
# `scaling.py --fixtures tests/data/scaling`): each must finish with its
# exit status and give the right answer. The expected lines and columns
# follow from how the generator lays the files out (one record a line: the
# header takes 3 lines, then the actors, 2 lines, then the ties), not from
# paranet's own output. Speed is measured by the benchmark, not here.
. "$(dirname "$0")/cli_lib.sh"

FX=$SRC/tests/data/scaling
# run CASE EXIT: the case's own command line (args, @ = its copy in $OUT).
run() {
    rm -rf "${OUT:?}/$1"
    cp -r "$FX/$1" "$OUT/$1"
    set -- "$1" "$2" "$OUT/$1"
    args=$(sed "s|@|$3|" "$3/args" | tr '\n' ' ')
    # shellcheck disable=SC2086 # the args file holds one word a line, no spaces
    expect_exit "$2" "$PN" $args
}
count() { grep -c -- "$2" "$1"; }

# 200 ties naming no actor: the first 50 kept, each on its own line.
run unknown-actor 1
has "$OUT/err" "unknown-actor/in.json:106:36: error: ties[0].to: no actor \"zz0\""
has "$OUT/err" "unknown-actor/in.json:155:38: error: ties[49].to: no actor \"zz49\""
has "$OUT/err" "... and 150 more (200 errors, 0 warnings in all)"
[ "$(count "$OUT/err" 'no actor')" -eq 50 ] && ok || fail "unknown-actor: not 50 messages"

# The same with --max-errors 0: all 200, each at the line and column of its
# "to" value (tie i is on line 106 + i; the value's column grows with the
# digits of i and of its "from" actor, i mod 100).
run unknown-actor-all 1
awk -F: -v f="$OUT/unknown-actor-all/in.json" '/no actor/ {
    i = n++; col = 36 + length(i "") - 1 + length((i % 100) "") - 1
    if ($1 != f || $2 != 106 + i || $3 != col) { print "wrong place: " $0; bad = 1 }
} END { if (n != 200) { print n " messages"; bad = 1 } exit bad }' "$OUT/err" && ok ||
    fail "unknown-actor-all: not every error at its place"

# 150 ties citing no source: 150 warnings, the load valid.
run no-source 0
has "$OUT/err" "no-source/in.json:157:3: warning: ties[0]: tie a0 -> a1 cites no source"
has "$OUT/err" "(0 errors, 150 warnings in all)"

# 500 actors, 10 ties to a misspelt id (the 3rd character from the end
# replaced by x): each suggestion is the id the typo was made from.
run typos 1
awk -F'"' '/did you mean/ { t = $2; s = $4; sub(/x/, substr(s, length(s) - 2, 1), t)
    if (t != s) { print "wrong suggestion: " $0; bad = 1 }; n++ }
    END { if (n != 10) { print n " suggestions"; bad = 1 } exit bad }' "$OUT/err" && ok ||
    fail "typos: a wrong or missing suggestion"
has "$OUT/err" "typos/in.json:506:35: error: ties[0].to: no actor \"actor-0000x00\" (did you mean \"actor-0000000\"?)"

# 655 ids that collided in the old unseeded hash map: all found.
run colliding-ids 0
has "$OUT/err" "valid: 655 actors, 327 ties, 1 sources, 0 warnings"

# An actors table of 1,004 columns, and GraphML of 203 keys.
run csv-wide-header 0
has "$OUT/err" "wrote json: 2 actors, 1 ties"
run graphml-keys 0
has "$OUT/err" "wrote json: 200 actors, 1 ties"
has "$OUT/graphml-keys/out.json" '"f199": "v"'

# Two files sharing 100 tie ids that mean other ties: each renamed, with
# the lines of both records (tie i on line 107 + i of each file).
run merge 0
has "$OUT/err" "merge/b.json:107:3: warning: ties[0]: tie id \"t0\" is taken by another tie ($OUT/merge/a.json:107:3 (ties[0])): renamed \"t0-2\""
has "$OUT/err" "(0 errors, 100 warnings in all)"
has "$OUT/err" "merged 2 files: 101 actors, 200 ties, 1 sources"

# A chain of 200 actors: reach lists each actor once with its predecessor;
# path walks all 199 hops.
run reach-chain 0
awk -F'\t' '/^[0-9]/ { k = $1; if ($2 != "a" k || $4 != "a" (k - 1)) { print; bad = 1 }; n++ }
    END { if (n != 199) { print n " rows"; bad = 1 } exit bad }' "$OUT/out" && ok ||
    fail "reach-chain: rows are not a1..a199 each via the one before"
run path-chain 0
has "$OUT/out" "# shortest path: 199 hops"
has "$OUT/out" "a197 > a198 > a199"

# A star of 200 leaves: the hub's constraint is 1/200 and its effective
# size 200 (Burt: no two contacts tied); each leaf's are 1 and 1.
run constraint-star 0
expect_exit 0 "$PN" metrics "$OUT/constraint-star/in.json" -m constraint,effective-size -f csv -s id
has "$OUT/out" "1,a0,A 0,city,ID,0.005000,200.000000"
has "$OUT/out" "2,a1,A 1,city,ID,1.000000,1.000000"

# Tables of 1,000 ties in and out.
run csv-rows 0
[ "$(count "$OUT/csv-rows/out.json" '"from"')" -eq 1000 ] && ok || fail "csv-rows: not 1000 ties"
run json-to-csv 0
[ "$(wc -l <"$OUT/json-to-csv/out/ties.csv")" -eq 1001 ] && ok || fail "json-to-csv: not 1000 rows"

# 80 actors, each with an extra field of its own: CSV puts them in one
# attrs column (over 64 names), GraphML declares each once; both read back
# to the same dataset.
expect_exit 0 "$PN" convert "$FX/extra-field-csv/in.json" -o "$OUT/extra.canon.json"
run extra-field-csv 0
head -n 1 "$OUT/extra-field-csv/out/actors.csv" >"$OUT/header"
has "$OUT/header" "attrs"
expect_exit 0 "$PN" convert "$OUT/extra-field-csv/out" -o "$OUT/extra.csv.json"
cmp -s "$OUT/extra.canon.json" "$OUT/extra.csv.json" && ok || fail "extra fields lost through CSV"
run extra-field-graphml 0
[ "$(count "$OUT/extra-field-graphml/out.graphml" '<key id=.*attr.name="field')" -eq 80 ] && ok ||
    fail "GraphML: not 80 keys for 80 extra fields"
expect_exit 0 "$PN" convert "$OUT/extra-field-graphml/out.graphml" -o "$OUT/extra.graphml.json"
cmp -s "$OUT/extra.canon.json" "$OUT/extra.graphml.json" && ok || fail "extra fields lost through GraphML"
run extra-field-gexf 0
[ "$(count "$OUT/extra-field-gexf/out.gexf" 'title="field')" -eq 80 ] && ok ||
    fail "GEXF: not 80 attributes for 80 extra fields"

finish
