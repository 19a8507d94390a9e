#!/bin/sh
# The map layout (issue 17, part 2): `render --layout geo` of the shipped
# datasets to every format; the actors' relative positions on the map, read
# from the laid-out SVG (west/east, north/south); the actors without
# coordinates named on stderr and left out; the country outlines drawn;
# the same bytes twice; --extent and --labels-top; the paper theme; the
# names measured, kept off the ties and inside the map's frame (geo_svg).
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


# The frame, the names and the ties, read from the SVG (geo_svg FILE; the
# names' boxes go to FILE.names as "id x0 y0 x1 y1", SVG coordinates, y down):
# the neat line is a rectangle; every outline point, tie point (paths and
# arrowheads), mark and name box lies inside it; no name's box (the white
# ground Graphviz draws, and each line of its text measured in the font file's
# own advance widths at the SVG's position and size) comes within a tie's
# stroke of any of its paths; no two names overlap; each text fits its box.
geo_svg() {
    if python3 - "$1" >geo_svg.out 2>&1 <<'PY'
import re, struct, subprocess, sys

# The font's advance widths, read from the TrueType file itself (cmap format 4
# and hmtx): an independent measure of the drawn text, unhinted.
def font_widths(path):
    data = open(path, "rb").read()
    n = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(n):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode()] = off
    head, hhea, hmtx, cmap = (tables[t] for t in ("head", "hhea", "hmtx", "cmap"))
    upem = struct.unpack(">H", data[head + 18:head + 20])[0]
    ascent, descent = struct.unpack(">hh", data[hhea + 4:hhea + 8])
    n_metrics = struct.unpack(">H", data[hhea + 34:hhea + 36])[0]
    adv = [struct.unpack(">H", data[hmtx + 4 * i:hmtx + 4 * i + 2])[0] for i in range(n_metrics)]
    glyph = {}
    for i in range(struct.unpack(">H", data[cmap + 2:cmap + 4])[0]):
        pid, eid, off = struct.unpack(">HHI", data[cmap + 4 + 8 * i:cmap + 12 + 8 * i])
        sub = cmap + off
        if (pid, eid) != (3, 1) or struct.unpack(">H", data[sub:sub + 2])[0] != 4:
            continue
        segs = struct.unpack(">H", data[sub + 6:sub + 8])[0] // 2
        arr = lambda k: struct.unpack(">%dH" % segs, data[sub + 14 + k * 2 * segs + (2 if k else 0):][:2 * segs])
        ends, starts, deltas, ranges = arr(0), arr(1), arr(2), arr(3)
        ro = sub + 16 + 6 * segs
        for s in range(segs):
            for c in range(starts[s], ends[s] + 1):
                if ranges[s] == 0:
                    g = (c + deltas[s]) & 0xFFFF
                else:
                    at = ro + 2 * s + ranges[s] + 2 * (c - starts[s])
                    g = struct.unpack(">H", data[at:at + 2])[0]
                    g = (g + deltas[s]) & 0xFFFF if g else 0
                glyph[c] = g
    def width(text, size):
        return sum(adv[min(glyph.get(ord(ch), 0), n_metrics - 1)] for ch in text) * size / upem
    return width, ascent / upem, -descent / upem

def pts(s):
    return [tuple(map(float, p.split(","))) for p in s.split()]

def path_points(d):
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", d)]

def seg_box(a, b, box, pad):
    """Whether segment ab comes within pad of the box's interior (Liang-Barsky)."""
    x0, y0, x1, y1 = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q <= 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 >= t1:
            return False
    return True

def html(s):
    return (s.replace("&#45;", "-").replace("&amp;", "&").replace("&lt;", "<")
             .replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", '"'))

svg = open(sys.argv[1], encoding="utf-8").read()
fonts = {}
def font_of(family):
    if family not in fonts:
        path = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True,
                              text=True).stdout
        fonts[family] = font_widths(path)
    return fonts[family]
errors = []
frame = re.search(r'<polygon fill="none" stroke="#(?:555555|000000)" stroke-width="[\d.]+" points="([^"]*)"', svg)
if not frame:
    print("no neat line (frame) in the SVG"); sys.exit(1)
fp = pts(frame.group(1))
fx0, fx1 = min(p[0] for p in fp), max(p[0] for p in fp)
fy0, fy1 = min(p[1] for p in fp), max(p[1] for p in fp)
if len(fp) != 5 or len({round(p[0], 2) for p in fp}) != 2 or len({round(p[1], 2) for p in fp}) != 2:
    errors.append("the frame is not a rectangle: %s" % fp)
EPS = 0.02
def inside(p, what):
    if not (fx0 - EPS <= p[0] <= fx1 + EPS and fy0 - EPS <= p[1] <= fy1 + EPS):
        errors.append("%s at %.2f,%.2f is outside the frame %.2f..%.2f x %.2f..%.2f"
                      % (what, p[0], p[1], fx0, fx1, fy0, fy1))
# the outlines: the background's filled polygons (before the first node)
background = svg[:svg.find('class="node"')]
outlines = re.findall(r'<polygon fill="#e[03]e[03]e[03]" stroke="#(?:a8a8a8|9a9a9a)"[^>]*points="([^"]*)"', background)
for o in outlines:
    for p in pts(o):
        inside(p, "an outline's point")
# ties: every path and arrowhead of the edges, with its stroke
ties = []
for g in re.finditer(r'<g id="edge\d+" class="edge">\s*<title>([^<]*)</title>(.*?)</g>', svg, re.S):
    for el in re.finditer(r'<(path|polygon)([^>]*)>', g.group(2)):
        attrs = el.group(2)
        if 'stroke="transparent"' in attrs and el.group(1) == "path":
            continue
        sw = re.search(r'stroke-width="([\d.]+)"', attrs)
        half = (float(sw.group(1)) if sw else 1.0) / 2
        if el.group(1) == "path":
            ps = path_points(re.search(r' d="([^"]*)"', attrs).group(1))
        else:
            ps = pts(re.search(r'points="([^"]*)"', attrs).group(1))
            ps.append(ps[0])
        for p in ps:
            inside(p, "a point of tie " + html(g.group(1)))
        ties.append((html(g.group(1)), ps, half))
# marks and names
names = []
for n in re.finditer(r'<g id="node\d+" class="node">\s*<title>([^<]*)</title>(.*?)</g>', svg, re.S):
    title, body = html(n.group(1)), n.group(2)
    if title.startswith("label."):
        poly = pts(re.search(r'points="([^"]*)"', body).group(1))
        box = (min(p[0] for p in poly), min(p[1] for p in poly), max(p[0] for p in poly),
               max(p[1] for p in poly))
        for p in poly:
            inside(p, "the box of name " + title)
        # the drawn text's lines, measured in the font, inside the box
        for t in re.finditer(r'<text text-anchor="(\w+)" x="([-\d.]+)" y="([-\d.]+)" font-family="([^"]*)" font-size="([\d.]+)"[^>]*>([^<]*)</text>', body):
            anchor, x, y, size, text = t.group(1), float(t.group(2)), float(t.group(3)), float(t.group(5)), html(t.group(6))
            width, asc, desc = font_of(t.group(4))
            w = width(text, size)
            left = x if anchor == "start" else x - w / 2 if anchor == "middle" else x - w
            tb = (left, y - asc * size, left + w, y + desc * size)
            # Graphviz measures hinted at 96 dpi: the font's own widths differ by up to 4%
            slack = 0.08 * w + 1
            if tb[0] < box[0] - slack or tb[2] > box[2] + slack or (
                    len(re.findall("<text", body)) == 1 and abs((box[2] - box[0]) - w) > slack):
                errors.append("%s: the text %r (%.1f wide) does not fit its box %s" % (title, text, w, box))
            names.append((title + ": " + text, tb))
        names.append((title, box))
    else:
        for el in re.finditer(r'<(ellipse|polygon)([^>]*)>', body):
            a = el.group(2)
            if el.group(1) == "ellipse":
                cx, cy = float(re.search(r'cx="([-\d.]+)"', a).group(1)), float(re.search(r'cy="([-\d.]+)"', a).group(1))
                rx, ry = float(re.search(r'rx="([-\d.]+)"', a).group(1)), float(re.search(r'ry="([-\d.]+)"', a).group(1))
                ps = [(cx - rx, cy - ry), (cx + rx, cy + ry)]
            else:
                ps = pts(re.search(r'points="([^"]*)"', a).group(1))
            for p in ps:
                inside(p, "the mark of " + title)
boxes = [(t, b) for t, b in names if ":" not in t]
for t, b in names:
    for tie, ps, half in ties:
        if any(seg_box(ps[i], ps[i + 1], b, half) for i in range(len(ps) - 1)):
            errors.append("%s %s crosses tie %s" % (t, tuple(round(v, 1) for v in b), tie))
            break
for i in range(len(boxes)):
    for j in range(i + 1, len(boxes)):
        a, b = boxes[i][1], boxes[j][1]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
            errors.append("names %s and %s overlap" % (boxes[i][0], boxes[j][0]))
with open(sys.argv[1] + ".names", "w") as out:
    for t, b in boxes:
        out.write("%s %.2f %.2f %.2f %.2f\n" % (t[len("label."):], *b))
print("%d names, %d tie lines, %d outlines checked" % (len(boxes), len(ties), len(outlines)))
for e in errors[:20]:
    print(e)
sys.exit(1 if errors else 0)
PY
    then ok; else fail "$1: the map's names, frame or ties:"; cat geo_svg.out >&2; fi
}
geo_svg map.svg
n=$(wc -l <map.svg.names)
[ "$n" -ge 8 ] && ok || fail "only $n names on Tangsel's map"

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
geo_svg paper.svg
expect_exit 0 "$PN" render "$DS/tangsel.json" --layout geo --theme paper -o tangsel-paper.svg
geo_svg tangsel-paper.svg

# Names kept off the ties, worked out by hand: the hub's ties run east, west
# (along the equator) and north (along the meridian), so its name's first
# three spots (right, left, above) each cross one: it goes below, centred.
# E and W, at the ends, have a tie on their inner side only: E's name right
# of it, W's left (the frame grown for them); N's tie runs south: right.
cat >cross.json <<'JSON'
{"paranet": 1, "sources": [{"id": "s", "cite": "S"}],
 "actors": [{"id": "hub", "name": "Hub", "kind": "city", "country": "DE", "lat": 0, "lon": 0},
            {"id": "east", "name": "E", "kind": "city", "country": "FR", "lat": 0, "lon": 20},
            {"id": "west", "name": "W", "kind": "city", "country": "PL", "lat": 0, "lon": -20},
            {"id": "north", "name": "N", "kind": "city", "country": "NL", "lat": 15, "lon": 0}],
 "ties": [{"id": "t1", "from": "hub", "to": "east", "type": "g2g", "sources": ["s"]},
          {"id": "t2", "from": "hub", "to": "west", "type": "g2g", "sources": ["s"]},
          {"id": "t3", "from": "hub", "to": "north", "type": "g2g", "sources": ["s"]}]}
JSON
expect_exit 0 "$PN" render cross.json --layout geo --no-legend -o cross.svg
geo_svg cross.svg
centres cross.svg >centres
# side ID WHERE: the name's box against the mark's centre (SVG y grows down)
side() {
    awk -v id="$1" -v where="$2" 'FNR == NR { if ($1 == id) { x = $2; y = $3 } next }
        $1 == id { f = 1; mid = ($2 + $4) / 2
            if (where == "below") exit !($3 > y && mid > x - 0.5 && mid < x + 0.5)
            if (where == "right") exit !($2 > x && $3 < y && $5 > y)
            if (where == "left") exit !($4 < x && $3 < y && $5 > y) }
        END { if (!f) exit 1 }' centres cross.svg.names && ok || {
        fail "$1's name is not $2 of its mark:"; cat centres cross.svg.names >&2; }
}
side hub below
side east right
side west left
side north right

# --extent: actors outside it left out (with their ties), a great circle that
# bows past the frame's top (from 50N 20W to 50N 20E it reaches 51.7N: tan
# 50 / cos 20) cut at the frame, drawn in two pieces that end on it.
cat >bow.json <<'JSON'
{"paranet": 1, "sources": [{"id": "s", "cite": "S"}],
 "actors": [{"id": "a", "name": "A", "kind": "city", "country": "DE", "lat": 50, "lon": -20},
            {"id": "b", "name": "B", "kind": "city", "country": "FR", "lat": 50, "lon": 20},
            {"id": "c", "name": "C", "kind": "city", "country": "PL", "lat": 45, "lon": 60}],
 "ties": [{"id": "t1", "from": "a", "to": "b", "type": "g2g", "sources": ["s"]},
          {"id": "t2", "from": "a", "to": "c", "type": "g2g", "sources": ["s"]}]}
JSON
expect_exit 0 "$PN" render bow.json --layout geo --no-legend --extent -25,40,25,51 -o bow.svg
has err '1 actor outside the --extent left out of the map, with their ties: C (c)'
hasnt bow.svg '<title>c</title>'
geo_svg bow.svg
n=$(grep -A2 '<title>a&#45;&gt;b</title>' bow.svg | grep -c '<path')
[ "$n" -eq 2 ] && ok || fail "the arc past the frame is drawn in $n paths, not 2 (its first colour)"
expect_exit 2 "$PN" render bow.json --layout geo --extent 100,-10,120,10 -o x.svg
has err 'no actor of the view lies within the --extent'

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

# --labels-by: the names go to the largest values of a metric. A path
# a-b-c-d-e and a star f with four leaves, by hand: betweenness c 4 (the
# pairs a-d, a-e, b-d, b-e), b and d 3, f 6 (the leaves' 6 pairs); degree
# f 4, b c d 2. Two names: by ties f and b (the dataset's order among b, c,
# d), by betweenness f and c. The map options are for maps only.
python3 - <<'PY' >ranks.json
import json
ids = "abcdefghij"
actors = [{"id": x, "name": x.upper(), "kind": "city", "country": "DE",
           "lat": 10.0 * (i // 5), "lon": 8.0 * (i % 5)} for i, x in enumerate(ids)]
pairs = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"),
         ("f", "g"), ("f", "h"), ("f", "i"), ("f", "j")]
ties = [{"id": "t%d" % k, "from": u, "to": v, "type": "horizontal", "sources": ["s"]}
        for k, (u, v) in enumerate(pairs)]
print(json.dumps({"paranet": 1, "sources": [{"id": "s", "cite": "S"}],
                  "actors": actors, "ties": ties}))
PY
named() { grep -o '^	"label\.[a-j]"' "$1" | tr -d '\t"' | sed 's/label\.//' | sort | tr -d '\n'; }
expect_exit 0 "$PN" render ranks.json --layout geo --labels-top 2 -T dot -o by-ties.dot
[ "$(named by-ties.dot)" = bf ] && ok || fail "--labels-top 2 named '$(named by-ties.dot)', want b f"
expect_exit 0 "$PN" render ranks.json --layout geo --labels-top 2 --labels-by betweenness -T dot -o by-bet.dot
[ "$(named by-bet.dot)" = cf ] && ok || fail "--labels-by betweenness named '$(named by-bet.dot)', want c f"
expect_exit 2 "$PN" render ranks.json --layout geo --labels-by nosuch -o x.svg
has err "--labels-by: unknown metric 'nosuch'"
expect_exit 2 "$PN" render ranks.json --labels-top 2 -o x.svg
has err '--labels-top is for maps: give --layout geo'
expect_exit 2 "$PN" render ranks.json --extent 0,0,40,20 -o x.svg
has err '--extent is for maps: give --layout geo'

finish
