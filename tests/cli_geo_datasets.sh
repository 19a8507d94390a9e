#!/bin/sh
# The map layout on every shipped dataset (issue 17, Done means: "actors'
# relative positions on the map for the shipped datasets"): each map laid
# out (-T dot, positions pinned by paranet, y up as Graphviz has it), and
# known places' west/east and north/south read from it against the
# coordinates every atlas gives them. tangsel is in cli_geo.sh. Too slow for
# valgrind (twin-cities' 10,596 arcs): label heavy.
. "$(dirname "$0")/cli_lib.sh"
DS=$SRC/datasets
cd "$OUT" || exit 1

# "id x y" of every node in a laid-out DOT file.
positions() {
    python3 - "$1" <<'PY'
import re, sys
dot = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'^\t("(?:[^"\\]|\\.)*"|[^\s\[]+)\s*\[([^\]]*)\];', dot, re.M):
    p = re.search(r'\bpos="([-\d.e]+),([-\d.e]+)!?"', m.group(2))
    if p and not m.group(1).startswith('"label.'):
        print(m.group(1).strip('"'), p.group(1), p.group(2))
PY
}
# where FILE A REL B: A is REL (east/west/north/south) of B on the map.
where() {
    if awk -v a="$2" -v rel="$3" -v b="$4" '
        $1 == a { ax = $2; ay = $3; fa = 1 } $1 == b { bx = $2; by = $3; fb = 1 }
        END { if (!fa || !fb) exit 2
              if (rel == "east") exit !(ax > bx); if (rel == "west") exit !(ax < bx)
              if (rel == "north") exit !(ay > by); exit !(ay < by) }' "$1"; then
        ok
    else
        fail "$1: $2 is not $3 of $4 on the map (or one is missing)"
    fi
}

expect_exit 0 "$PN" render "$DS/bandung.json" --layout geo -T dot -o bandung.dot
positions bandung.dot >bandung.pos
where bandung.pos seoul north bandung
where bandung.pos seoul east bandung
where bandung.pos petaling-jaya west bandung
where bandung.pos petaling-jaya north bandung
n=$(wc -l <bandung.pos)
[ "$n" -eq 3 ] && ok || fail "bandung: $n actors on the map, want 3"

# The world: Wikidata's twinned cities. Sydney is east of Tokyo, Buenos Aires
# the westmost of these; Reykjavik north of Oslo, Cape Town south of Nairobi.
expect_exit 0 "$PN" render "$DS/twin-cities.json" --layout geo -T dot -o world.dot
positions world.dot >world.pos
where world.pos q1490 east q90     # Tokyo, Paris
where world.pos q3130 east q1490   # Sydney, Tokyo
where world.pos q3130 south q1490
where world.pos q1486 west q5465   # Buenos Aires, Cape Town
where world.pos q1764 north q585   # Reykjavik, Oslo
where world.pos q1764 west q585
where world.pos q5465 south q3870  # Cape Town, Nairobi
where world.pos q649 east q220     # Moscow, Rome
where world.pos q649 north q220
# Every city with coordinates is on the map (5,470: all have them).
n=$(wc -l <world.pos)
[ "$n" -eq 5470 ] && ok || fail "twin-cities: $n actors on the map, want 5470"

# The German twin towns: within Germany, and their partners abroad.
expect_exit 0 "$PN" render "$DS/twintowns-de.json" --layout geo -T dot -o de.dot
has err 'actors without coordinates left out of the map'
positions de.dot >de.pos
where de.pos hamburg-de north muenchen-de
where de.pos kiel-de north hamburg-de
where de.pos dresden-de east koeln-de
where de.pos goerlitz-de east dresden-de
where de.pos aachen-de west koeln-de
where de.pos freiburg-im-breisgau-de south koeln-de
n=$(wc -l <de.pos)
[ "$n" -eq 8187 ] && ok || fail "twintowns-de: $n actors on the map, want the 8,187 with coordinates"
finish
