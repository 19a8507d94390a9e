#!/bin/sh
# metrics --over Y1:Y2[:STEP]: the yearly panel (docs/metrics.md, "Panels").
# For every shipped dataset, the panel's rows of year Y are the rows of
# `metrics --at Y` with the same options, column for column, and
# `--network --over` gives `--network --at Y` per year; then the usage errors.
. "$(dirname "$0")/cli_lib.sh"
TANGSEL=$SRC/datasets/tangsel.json
BANDUNG=$SRC/datasets/bandung.json
TWINS=$SRC/datasets/twintowns-de.json

# last Y1 Y2 STEP: Y2, or under valgrind (some 30 times slower) the second
# year of the range: every case runs there too, over two years; the plain
# and ASan builds run the whole ranges.
last() {
    if [ -n "${PN_UNDER_VALGRIND:-}" ] && [ "$2" -gt $(($1 + $3)) ]; then
        echo $(($1 + $3))
    else
        echo "$2"
    fi
}

# same_panel FILE Y1 Y2 STEP OPTIONS...: the panel's rows of each year, the
# year column dropped, equal the single --at run (header included).
same_panel() {
    file=$1 y1=$2 y2=$(last "$2" "$3" "$4") step=$4
    shift 4
    if ! "$PN" metrics "$file" --over "$y1:$y2:$step" "$@" -f csv -q >"$OUT/panel.csv"; then
        fail "metrics $file --over $y1:$y2:$step $*: exit $?"
        return
    fi
    y=$y1
    while [ "$y" -le "$y2" ]; do
        "$PN" metrics "$file" --at "$y" "$@" -f csv -q >"$OUT/single.csv"
        awk -F, -v y="$y" 'NR == 1 || $1 == y' "$OUT/panel.csv" | cut -d, -f2- >"$OUT/year.csv"
        if cmp -s "$OUT/year.csv" "$OUT/single.csv"; then
            ok
        else
            fail "metrics $file --over $y1:$y2:$step $*: year $y differs from --at $y"
            diff "$OUT/single.csv" "$OUT/year.csv" | head -5 >&2
        fi
        y=$((y + step))
    done
    head -1 "$OUT/panel.csv" | grep -q '^year,' && ok || fail "panel header: $(head -1 "$OUT/panel.csv")"
    # No row of a year outside the panel.
    rows=$(awk -F, 'NR > 1' "$OUT/panel.csv" | wc -l)
    kept=$(awk -F, -v a="$y1" -v b="$y2" -v s="$step" 'NR > 1 && $1 >= a && $1 <= b && ($1 - a) % s == 0' "$OUT/panel.csv" | wc -l)
    [ "$rows" -eq "$kept" ] && ok || fail "$file --over $y1:$y2:$step: rows of other years"
}

# same_network FILE Y1 Y2 STEP OPTIONS...: --network --over, one row per
# year, is --network --at Y transposed.
same_network() {
    file=$1 y1=$2 y2=$(last "$2" "$3" "$4") step=$4
    shift 4
    if ! "$PN" metrics "$file" --network --over "$y1:$y2:$step" "$@" -f csv -q >"$OUT/panel.csv"; then
        fail "metrics $file --network --over $y1:$y2:$step $*: exit $?"
        return
    fi
    y=$y1
    n=0
    while [ "$y" -le "$y2" ]; do
        "$PN" metrics "$file" --network --at "$y" "$@" -f csv -q |
            awk -F, -v y="$y" 'NR > 1 { h = h "," $1; v = v "," $2 } END { print "year" h; print y v }' >"$OUT/single.csv"
        { head -1 "$OUT/panel.csv"; awk -F, -v y="$y" 'NR > 1 && $1 == y' "$OUT/panel.csv"; } >"$OUT/year.csv"
        if cmp -s "$OUT/year.csv" "$OUT/single.csv"; then
            ok
        else
            fail "metrics $file --network --over $y1:$y2:$step $*: year $y differs from --at $y"
            diff "$OUT/single.csv" "$OUT/year.csv" | head -5 >&2
        fi
        n=$((n + 1))
        y=$((y + step))
    done
    # one row per year, every year (an empty view too)
    [ "$(awk 'NR > 1' "$OUT/panel.csv" | wc -l)" -eq "$n" ] && ok || fail "$file --network --over: not one row per year"
}

# Tangsel: every metric (the brokerage roles by country and by kind), and
# each view option that changes which ties a year holds or how they count.
same_panel "$TANGSEL" 2012 2021 1 -m all --groups country
same_panel "$TANGSEL" 2012 2021 1 -m all --groups kind
same_panel "$TANGSEL" 2012 2021 1
same_panel "$TANGSEL" 2013 2021 2 --sort id --top 4
same_panel "$TANGSEL" 2014 2020 1 -m all --groups country --undated keep
same_panel "$TANGSEL" 2014 2020 1 -m all --groups country --basis all --keep-isolates
same_panel "$TANGSEL" 2014 2020 1 -m all --directed --weight count
same_panel "$TANGSEL" 2014 2020 1 -m all --weight sum --types g2g,horizontal
same_panel "$TANGSEL" 2014 2020 1 --ego daejeon --radius 2 --sort name
same_panel "$TANGSEL" 2014 2020 1 -m betweenness,closeness,harmonic --cutoff 1
same_network "$TANGSEL" 2012 2021 1
same_network "$TANGSEL" 2014 2020 3 --undated keep --basis all
same_network "$TANGSEL" 2014 2020 1 --ego tangsel --directed --weight count

# Bandung: ties with an until (in force 2015-2023).
same_panel "$BANDUNG" 2013 2025 1 -m all --groups country
same_panel "$BANDUNG" 2013 2025 1 -m all --undated keep --keep-isolates
same_network "$BANDUNG" 2013 2025 1
same_network "$BANDUNG" 2013 2025 1 --undated keep

# The German twin towns (8,220 actors): cheap metrics over a decade.
same_panel "$TWINS" 1990 1999 1 -m degree,strength,coreness,component --weight count
same_network "$TWINS" 1912 1918 1

# Every format holds the year column; text and json name the range.
for f in text tsv json md latex; do
    expect_exit 0 "$PN" metrics "$TANGSEL" --over 2014:2016 -m degree -f "$f" -q
    has "$OUT/out" year
    has "$OUT/out" 2016
done
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2014:2016 -m degree -f json -q
has "$OUT/out" '"year": 2015'
has "$OUT/out" 'over=2014:2016'
hasnt "$OUT/out" 'between='
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2014:2016 --network -f text -q
has "$OUT/out" 'over=2014:2016'

# Notes: a year without a tie is said (no rows), the ego note once per year
# that has one, the undated ties once.
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2010:2016 -m degree -f csv
has "$OUT/err" 'no tie in force in 2010-2013'
has "$OUT/err" '# note: 2016: all 9 ties touch tangsel'
hasnt "$OUT/err" '# note: 2015:'
has "$OUT/err" '21 ties left out that have no since'
[ "$(grep -c 'have no since' "$OUT/err")" -eq 1 ] && ok || fail "undated note not once"
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2010:2016 -m degree -f text
has "$OUT/out" '# note: no tie in force in 2010-2013: no rows for those years'
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2010:2016 -m degree -f text --keep-isolates
has "$OUT/out" "# note: no tie in force in 2010-2013: the view's actors have no tie in those years"
[ "$(grep -c '^ *2010 ' "$OUT/out")" -eq 29 ] && ok || fail "--keep-isolates: not 29 rows of 2010"
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2010:2016 --network -f text
has "$OUT/out" '# note: no tie in force in 2010-2013'
hasnt "$OUT/out" 'no rows'
# The ties left out for their basis, by year; the ego note of each year.
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2013:2016 -m degree -f csv --undated keep
has "$OUT/err" 'by year, ties left out that a study only recommends or a party only proposes: 3 in each of 2013-2016'
has "$OUT/err" '# note: 2014: 19 of the 22 ties (86%) touch tangsel'
has "$OUT/err" '# note: 2016: 27 of the 30 ties (90%) touch tangsel'
expect_exit 0 "$PN" metrics "$TANGSEL" --over 2013:2016 -m degree -f csv --undated keep -q
[ -s "$OUT/err" ] && fail "--quiet: notes on stderr" || ok

# Usage errors.
for bad in 2020:2012 2012:2020:0 2012:2020:-1 abc 2012 2012: :2020 2012:2020:1:1 2012:20x0 \
    0:10 1:20000 2012:2020:x; do
    expect_exit 2 "$PN" metrics "$TANGSEL" --over "$bad"
    has "$OUT/err" "--over"
done
expect_exit 2 "$PN" metrics "$TANGSEL" --over 2012:2020 --at 2016
has "$OUT/err" "--over and --at"
expect_exit 2 "$PN" metrics "$TANGSEL" --at 2016 --over 2012:2020
has "$OUT/err" "--over and --at"
expect_exit 2 "$PN" metrics "$TANGSEL" --over 2012:2020 --between 2014 2016
has "$OUT/err" "--between"
expect_exit 2 "$PN" metrics "$TANGSEL" --over 2020:2012
has "$OUT/err" "2020 is after 2012"

# The group tables are not in a network panel: refused, not dropped.
expect_exit 2 "$PN" metrics "$SRC/datasets/tangsel.json" --network --groups country --over 2014:2016
has "$OUT/err" "the group tables (--groups, --assort) are not in the panel"
expect_exit 2 "$PN" metrics "$SRC/datasets/tangsel.json" --network --assort region --over 2014:2016
finish
