#!/bin/sh
# The map layout (issue 17, part 2): `render --layout geo` of the shipped
# datasets to every format; the actors' relative positions on the map, read
# from the laid-out SVG (west/east, north/south); the actors without
# coordinates named on stderr and left out; the country outlines drawn;
# the same bytes twice; --extent and --labels-top; the paper theme.
. "$(dirname "$0")/cli_lib.sh"
DS=$SRC/datasets
cd "$OUT" || exit 1

expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo -o map.svg
has err 'actors without coordinates left out of the map: World Technopolis Association (wta)'
has map.svg '<title>daejeon</title>'
hasnt map.svg '<title>wta</title>'
# The outlines (the graph's _background) come before the nodes, in gray.
has map.svg 'fill="#e3e3e3" stroke="#a8a8a8"'

# Node centres from the SVG (y grows downwards there): "id x y" lines.
centres() {
    python3 - "$1" <<'PY'
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'<g id="node\d+" class="node">\s*<title>([^<]*)</title>\s*<(ellipse|polygon)([^>]*)>', svg):
    attrs = m.group(3)
    if m.group(2) == "ellipse":
        x = float(re.search(r'cx="([-\d.]+)"', attrs).group(1))
        y = float(re.search(r'cy="([-\d.]+)"', attrs).group(1))
    else:
        pts = [tuple(map(float, p.split(","))) for p in re.search(r'points="([^"]*)"', attrs).group(1).split()]
        x = sum(p[0] for p in pts) / len(pts)
        y = sum(p[1] for p in pts) / len(pts)
    print(m.group(1), x, y)
PY
}
centres map.svg >centres
# where A B: A's relation to B holds ("east": A's x larger; "north": A's y smaller)
where() {
    if awk -v a="$1" -v rel="$2" -v b="$3" '
        $1 == a { ax = $2; ay = $3; fa = 1 } $1 == b { bx = $2; by = $3; fb = 1 }
        END { if (!fa || !fb) exit 1
              if (rel == "east") exit !(ax > bx); if (rel == "west") exit !(ax < bx)
              if (rel == "north") exit !(ay < by); exit !(ay > by) }' centres; then
        ok
    else
        fail "$1 is not $2 of $3 on the map:"
        cat centres >&2
    fi
}
where daejeon east tangsel
where daejeon north tangsel
where frankfurt west tangsel
where timra north frankfurt
where kathmandu west daejeon
where miri north tangsel

# Same bytes twice; every format renders.
expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo -o again.svg
if cmp -s map.svg again.svg; then ok; else fail "two maps differ"; fi
for f in pdf png; do
    expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo -o "map.$f"
    [ -s "map.$f" ] && ok || fail "map.$f empty"
done
head -c 5 map.pdf | grep -q '%PDF-' && ok || fail "map.pdf is not a PDF"
expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo -T pdf -o again.pdf
if cmp -s map.pdf again.pdf; then ok; else fail "two PDF maps differ"; fi

# The paper theme: the outlines in its grays.
expect_exit 0 "$PN" render "$DS/bandung.json" --layout geo --theme paper -o paper.svg
has paper.svg 'fill="#e0e0e0" stroke="#9a9a9a"'

# --labels-top: only so many names (pinned label nodes) drawn; 0: all.
expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo --labels-top 2 -T dot -o two.dot
n=$(grep -c '^	"label\.' two.dot)
[ "$n" -eq 2 ] && ok || fail "--labels-top 2 gave $n names"
expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo -T dot -o default.dot
expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo --labels-top 0 -T dot -o all.dot
n=$(grep -c '^	"label\.' all.dot)
d=$(grep -c '^	"label\.' default.dot)
[ "$n" -ge "$d" ] && [ "$d" -ge 8 ] && ok || fail "--labels-top 0 gave $n names, the default $d"
# Each name once.
grep '^	"label\.' all.dot | sort | uniq -d >dups
[ -s dups ] && fail "names twice: $(cat dups)" || ok

# --extent: a box of the world; bad ones are usage errors.
expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo --extent -180,-90,180,90 -o world.svg
expect_exit 2 "$PN" render "$DS/tangsel.json" --layout geo --extent 10,0,5,20 -o x.svg
has err '--extent needs west,south,east,north'
expect_exit 2 "$PN" render "$DS/tangsel.json" --layout geo --extent 1,2,3 -o x.svg

# No actor with coordinates: a clear error.
cat >none.json <<'JSON'
{"paranet": 1, "sources": [{"id": "s", "cite": "S"}],
 "actors": [{"id": "a", "name": "A", "kind": "city", "country": "DE"},
            {"id": "b", "name": "B", "kind": "city", "country": "KR"}],
 "ties": [{"id": "t", "from": "a", "to": "b", "type": "g2g", "sources": ["s"]}]}
JSON
expect_exit 2 "$PN" render none.json --layout geo -o none.svg
has err 'no actor of the view has coordinates'
[ -e none.svg ] && fail "none.svg written" || ok

finish
