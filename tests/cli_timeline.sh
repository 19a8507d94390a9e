#!/bin/sh
# paranet timeline (docs/timeline.md): the yearly counts of a hand-made
# dataset against hand counts, the in-force count against --at for every
# year of Tangsel, the Tangsel-Daejeon sequence, and the charts: format by
# extension, the same bytes twice, a PNG's pixels from --width and --dpi.
. "$(dirname "$0")/cli_lib.sh"
D=$SRC/tests/data/timeline.json
T=$SRC/datasets/tangsel.json

# tests/data/timeline.json, counted by hand (docs/timeline.md, "Rules"):
#   t1 a-b sister-city 2000, open: in force 2000-2003 (never ends)
#   t2 a-c mou 2001-2003 ended: starts 2001, ends 2003
#   t3 a-d visit 2002-05: an event, starts and ends 2002
#   t4 a-b agreement, no since: undated, in no year
#   t5 e-d academic mou 2004 planned: never in force (so 2004 is not listed)
#   t6 a-e regulation 2003 implemented: took place, starts and ends 2003
#   t7 b-c loi 2001 recommended: left out by the default basis
expect_exit 0 "$PN" timeline "$D" -f csv
cat >"$OUT/want" <<'X'
year,group,started,ended,in_force
2000,all,1,0,1
2001,all,1,0,2
2002,all,1,1,3
2003,all,1,2,3
X
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline counts"; diff "$OUT/want" "$OUT/out" >&2; }
has "$OUT/err" "1 tie without since: in no year"
has "$OUT/err" "1 tie planned or failed: never in force"
has "$OUT/err" "1 tie left out that a study only recommends"
expect_exit 0 "$PN" timeline "$D" -f csv --table groups
printf 'group,ties,dated,undated,never\nall,6,4,1,1\n' >"$OUT/want"
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline groups"; diff "$OUT/want" "$OUT/out" >&2; }

# By type, in the vocabulary's order: g2g, vertical, academic.
expect_exit 0 "$PN" timeline "$D" -f csv --by type
cat >"$OUT/want" <<'X'
year,group,started,ended,in_force
2000,g2g,1,0,1
2000,vertical,0,0,0
2000,academic,0,0,0
2001,g2g,1,0,2
2001,vertical,0,0,0
2001,academic,0,0,0
2002,g2g,1,1,3
2002,vertical,0,0,0
2002,academic,0,0,0
2003,g2g,0,1,2
2003,vertical,1,1,1
2003,academic,0,0,0
X
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline --by type"; diff "$OUT/want" "$OUT/out" >&2; }
expect_exit 0 "$PN" timeline "$D" -f csv --by type --table groups
printf 'group,ties,dated,undated,never\ng2g,4,3,1,0\nvertical,1,1,0,0\nacademic,1,0,0,1\n' >"$OUT/want"
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline --by type groups"; diff "$OUT/want" "$OUT/out" >&2; }

# Partner countries of the German cities; without --home the pairs.
expect_exit 0 "$PN" timeline "$D" -f csv --by country --home DE --table groups
printf 'group,ties,dated,undated,never\nDE,1,1,0,0\nFR,3,2,1,0\nGB,2,1,0,1\n' >"$OUT/want"
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline --by country --home DE"; diff "$OUT/want" "$OUT/out" >&2; }
expect_exit 0 "$PN" timeline "$D" -f csv --by country --home DE
has "$OUT/out" "2003,FR,0,1,2"
expect_exit 0 "$PN" timeline "$D" -f csv --by country --table groups
has "$OUT/out" "DE-FR,3,2,1,0"
has "$OUT/out" "DE,1,1,0,0"

# --undated keep: the undated tie in force in every year, as --at keeps it;
# --between sets the years; --basis all brings the recommended loi back.
expect_exit 0 "$PN" timeline "$D" -f csv --undated keep
has "$OUT/out" "2000,all,1,0,2"
has "$OUT/out" "2003,all,1,2,4"
expect_exit 0 "$PN" timeline "$D" -f csv --between 2001 2002
printf 'year,group,started,ended,in_force\n2001,all,1,0,2\n2002,all,1,1,3\n' >"$OUT/want"
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline --between"; diff "$OUT/want" "$OUT/out" >&2; }
expect_exit 0 "$PN" timeline "$D" -f csv --basis all
has "$OUT/out" "2001,all,2,1,3"

# One actor's sequence and its new partners.
expect_exit 0 "$PN" timeline "$D" -f csv --actor a
cat >"$OUT/want" <<'X'
year,partner,type,instrument,status,event,basis,source
2000,b,g2g,sister-city,,start,reported,s1
2001,c,g2g,mou,ended,start,reported,"s1, s2"
2002,d,g2g,visit,,once,reported,s2
2003,c,g2g,mou,ended,end,reported,"s1, s2"
2003,e,vertical,regulation,implemented,once,reported,s1
NA,b,g2g,agreement,,undated,reported,s1
X
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline --actor a"; diff "$OUT/want" "$OUT/out" >&2; }
expect_exit 0 "$PN" timeline "$D" -f csv --actor a --table new_partners
printf 'year,new,partners\n2000,1,b\n2001,1,c\n2002,1,d\n2003,1,e\n' >"$OUT/want"
cmp -s "$OUT/out" "$OUT/want" && ok || { fail "timeline new partners"; diff "$OUT/want" "$OUT/out" >&2; }
expect_exit 0 "$PN" timeline "$D" -f json --actor e
has "$OUT/out" '"event": "never"'
expect_exit 1 "$PN" timeline "$D" --actor aachen
has "$OUT/err" "no actor 'aachen'"

# In force per year equals the ties of --at YEAR (metrics --network), every
# year of Tangsel, with and without the undated ties.
ties_at() {
    "$PN" metrics "$T" --network --basis all -f csv "$@" 2>/dev/null | sed -n 's/^ties,//p'
}
# (Under valgrind, where each run takes seconds, the default rule alone.)
keeps="drop keep"
[ -n "$PN_UNDER_VALGRIND" ] && keeps=drop
for keep in $keeps; do
    "$PN" timeline "$T" --basis all --undated $keep -f csv 2>/dev/null | sed 1d >"$OUT/years"
    [ -s "$OUT/years" ] && ok || fail "tangsel timeline: no years"
    while IFS=, read -r y g s e n; do
        [ "$(ties_at --at "$y" --undated $keep)" = "$n" ] && ok ||
            fail "tangsel $y (undated $keep): timeline says $n in force, --at $(ties_at --at "$y" --undated $keep)"
    done <"$OUT/years"
done

# The Tangsel-Daejeon ladder as a dated sequence: visits 2014, letter of
# intent 2015, MoU and agreement 2016, the youth exchange 2017.
expect_exit 0 "$PN" timeline "$T" --actor daejeon -f csv
grep '^20' "$OUT/out" | cut -d, -f1,2,4,6 >"$OUT/seq"
cat >"$OUT/want" <<'X'
2014,tangsel,visit,once
2015,tangsel,loi,once
2016,tangsel,mou,start
2016,tangsel,agreement,start
2017,tangsel,programme,start
X
cmp -s "$OUT/seq" "$OUT/want" && ok || { fail "the Tangsel-Daejeon sequence"; diff "$OUT/want" "$OUT/seq" >&2; }
expect_exit 0 "$PN" timeline "$T" --actor tangsel -f csv
grep ',daejeon,' "$OUT/out" | grep '^20' | cut -d, -f1 | tr '\n' ' ' >"$OUT/years"
[ "$(cat "$OUT/years")" = "2014 2015 2016 2016 2017 " ] && ok || fail "tangsel's daejeon years: $(cat "$OUT/years")"

# Charts: the format by extension, its magic bytes, the same bytes twice.
magic() { head -c "$2" "$1" | od -An -c | tr -d ' \n'; }
formats="svg pdf png eps ps"
[ -n "$PN_UNDER_VALGRIND" ] && formats="svg png" # each chart takes 7 s there
for f in $formats; do
    expect_exit 0 "$PN" timeline "$T" --by type -o "$OUT/a.$f"
    [ ! -s "$OUT/out" ] && ok || fail "timeline -o a.$f wrote to stdout too"
    expect_exit 0 "$PN" timeline "$T" --by type -o "$OUT/b.$f"
    cmp -s "$OUT/a.$f" "$OUT/b.$f" && ok || fail "two charts in $f differ"
    expect_exit 0 "$PN" timeline "$T" --actor daejeon --theme paper -o "$OUT/l1.$f"
    expect_exit 0 "$PN" timeline "$T" --actor daejeon --theme paper -o "$OUT/l2.$f"
    cmp -s "$OUT/l1.$f" "$OUT/l2.$f" && ok || fail "two ladders in $f differ"
done
head -c 5 "$OUT/a.svg" | grep -q '<?xml' && ok || fail "svg magic"
grep -q '<svg' "$OUT/a.svg" && ok || fail "svg has no <svg"
[ "$(magic "$OUT/a.png" 4)" = "211PNG" ] && ok || fail "png magic: $(magic "$OUT/a.png" 4)"
if [ -z "$PN_UNDER_VALGRIND" ]; then
    [ "$(magic "$OUT/a.pdf" 5)" = "%PDF-" ] && ok || fail "pdf magic"
    head -1 "$OUT/a.eps" | grep -q '^%!PS-Adobe-3.0 EPSF' && ok || fail "eps magic"
    head -1 "$OUT/a.ps" | grep -q '^%!PS-Adobe-3.0$' && ok || fail "ps magic"
    grep -aq 'CreationDate: Thu Jan  1 00:00:00 1970' "$OUT/a.eps" && ok || fail "eps date not fixed"
    grep -aq 'CreationDate (19700101000000Z)' "$OUT/a.pdf" && ok || fail "pdf date not fixed"
fi

# A PNG's pixels: the size in inches times --dpi (10 cm at 100 dpi: 394).
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $3*256+$4, $7*256+$8}'; }
expect_exit 0 "$PN" timeline "$T" --by type --width 10cm --dpi 100 -o "$OUT/s.png"
[ "$(png_size "$OUT/s.png")" = "394 217" ] && ok || fail "10cm at 100 dpi: $(png_size "$OUT/s.png") px"
expect_exit 0 "$PN" timeline "$T" --by type --width 10cm --height 5cm --dpi 100 -o "$OUT/s.png"
[ "$(png_size "$OUT/s.png")" = "394 197" ] && ok || fail "10x5cm at 100 dpi: $(png_size "$OUT/s.png") px"
expect_exit 0 "$PN" timeline "$T" --actor daejeon --width 8cm --dpi 72 -o "$OUT/s.png"
set -- $(png_size "$OUT/s.png")
[ "$1" = 227 ] && ok || fail "ladder 8cm at 72 dpi: $1 px wide"
expect_exit 0 "$PN" timeline "$T" --by type --width 10cm -o "$OUT/s.svg"
has "$OUT/s.svg" 'width="283.464567pt"'

# A ladder in a view by time: its years only (t2's 2003 end is past them).
expect_exit 0 "$PN" timeline "$D" --actor a --between 2001 2002 -o "$OUT/w.svg"
expect_exit 0 "$PN" timeline "$D" --actor a --at 2003 -o "$OUT/w.png"

# Usage and data errors, never a crash.
expect_exit 2 "$PN" timeline "$T" -o "$OUT/x.bmp"
has "$OUT/err" "cannot draw a chart into"
expect_exit 2 "$PN" timeline "$T" --chart ladder
has "$OUT/err" "--chart ladder needs --actor ID"
expect_exit 2 "$PN" timeline "$T" --by kind
expect_exit 2 "$PN" timeline "$T" --home DE
expect_exit 2 "$PN" timeline "$T" --by country --home Germany
expect_exit 2 "$PN" timeline "$T" --actor daejeon --by type
expect_exit 2 "$PN" timeline "$T" --width 16 -o "$OUT/x.svg"
expect_exit 2 "$PN" timeline "$T" --top 0 -o "$OUT/x.svg"
# No dated tie: the table says so; a chart is an error (no years), not a crash.
expect_exit 0 "$PN" timeline "$T" --instruments adoption -f csv
has "$OUT/err" "none dated: no years to list"
expect_exit 1 "$PN" timeline "$T" --instruments adoption -o "$OUT/x.svg"
has "$OUT/err" "no dated tie in the view"
[ ! -e "$OUT/x.svg" ] && ok || fail "a failed chart left a file"
expect_exit 1 "$PN" timeline "$T" --actor unnamed-ministry-kr -o "$OUT/x.svg"
has "$OUT/err" "no dated tie"

# The charts of docs/timeline.md are what the build draws today (as
# cli_figures checks the diagrams): their SVGs redrawn and compared.
# (Not under valgrind: the plain build checks the same bytes.)
if [ -z "$PN_UNDER_VALGRIND" ]; then
    expect_exit 0 sh "$SRC/docs/figures/make-timeline-figures.sh" "$PN" "$SRC" "$OUT/figures"
    for f in timeline-daejeon timeline-tangsel-ladder timeline-tangsel-types timeline-twintowns-countries \
        mixing-tangsel-country mixing-twintowns-region; do
        cmp -s "$OUT/figures/$f.svg" "$SRC/docs/figures/$f.svg" && ok ||
            fail "docs/figures/$f.svg differs from a fresh chart (cmake --build build --target figures)"
    done
fi
finish
