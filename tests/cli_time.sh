#!/bin/sh
# Time: --at and the GEXF timeline follow one rule (docs/views.md, "Time"),
# checked year by year on every shipped dataset against tests/time_oracle.py,
# an independent reading of the rule from the JSON and of the GEXF file.
. "$(dirname "$0")/cli_lib.sh"
ORACLE="python3 $SRC/tests/time_oracle.py"

# The number of ties of a view (metrics --network), every basis counted.
ties_at() {
    "$PN" metrics "$@" --network --basis all -f csv 2>/dev/null | sed -n 's/^ties,//p'
}

for d in tangsel bandung twintowns-de; do
    f=$SRC/datasets/$d.json
    expect_exit 0 "$PN" convert "$f" -o "$OUT/$d.gexf"
    # The German twin towns span a century: every 9th year (every 33rd
    # under valgrind, where each load takes seconds).
    step=1
    [ "$d" = twintowns-de ] && step=9 && [ -n "$PN_UNDER_VALGRIND" ] && step=33
    $ORACLE "$f" "$OUT/$d.gexf" $step >"$OUT/$d.years" || fail "time_oracle.py on $d"
    [ -s "$OUT/$d.years" ] && ok || fail "$d: no year to check"
    while read -r y rule rule_keep gexf gexf_keep; do
        got=$(ties_at "$f" --at "$y")
        got_keep=$(ties_at "$f" --at "$y" --undated keep)
        [ "$got" = "$rule" ] && ok || fail "$d --at $y: $got ties, the rule says $rule"
        [ "$got_keep" = "$rule_keep" ] && ok ||
            fail "$d --at $y --undated keep: $got_keep ties, the rule says $rule_keep"
        [ "$gexf" = "$rule" ] && ok || fail "$d.gexf in $y: $gexf edges, the rule says $rule"
        [ "$gexf_keep" = "$rule_keep" ] && ok ||
            fail "$d.gexf in $y with undated: $gexf_keep edges, the rule says $rule_keep"
    done <"$OUT/$d.years"
done

# Events are in force in their own year: Tangsel's 2014 study visits are
# not in force in 2016, the 2016 MoU is (and stays, in 2020).
T=$SRC/datasets/tangsel.json
grep -q '"since": 2014' "$T" && ok || fail "tangsel.json has no 2014 tie any more: pick another event"
[ "$(ties_at "$T" --at 2014 --types g2g)" -ge 1 ] && ok || fail "no g2g tie in force in 2014"
[ "$(ties_at "$T" --at 2015 --types g2g --instruments visit)" = 0 ] && ok ||
    fail "the 2014 visits are still in force in 2015"
[ "$(ties_at "$T" --at 2020 --instruments mou)" = 1 ] && ok || fail "the 2016 MoU is not in force in 2020"

# --undated: a usage error for other values; the view header says keep.
expect_exit 2 "$PN" metrics "$T" --at 2016 --undated maybe
has "$OUT/err" "--undated must be keep or drop"
expect_exit 0 "$PN" metrics "$T" --at 2016 --undated keep --network
has "$OUT/out" "undated=keep"
finish
