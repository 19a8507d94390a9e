#!/bin/sh
# render's size on paper (docs/render.md, "Size on paper") and its formats:
# the page size and the labels' size read back from the PDF (MediaBox; the
# text matrices of cairo's content streams) and from the SVG (font-size
# times the scale), the pixels of PNG at a resolution, the magic bytes of
# every format, and the refused ones.
. "$(dirname "$0")/cli_lib.sh"
T="$SRC/datasets/tangsel.json"
B="$SRC/datasets/bandung.json"

# pdf_check FILE WIDTH_PT HEIGHT_PT MIN_PT MAX_PT: the page is WIDTH x HEIGHT
# (to 1%; 0: any) and every text on it is MIN to MAX points.
pdf_check() {
    python3 - "$@" <<'EOF'
import re, sys, zlib
path, width, height, lo, hi = sys.argv[1], *map(float, sys.argv[2:])
pdf = open(path, "rb").read()
box = re.search(rb"/MediaBox \[ *([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) *\]", pdf)
w, h = float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2))
for want, got, name in ((width, w, "width"), (height, h, "height")):
    if want and abs(got - want) > 0.01 * want:
        sys.exit(f"{path}: page {name} {got} pt, wanted {want:.1f}")
sizes = []
for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
    try:
        text = zlib.decompress(m.group(1)).decode("latin-1")
    except zlib.error:
        continue
    # cairo: one page transform "1 0 0 -1 0 H cm" (or scaled), then text as
    # "s 0 0 -s x y Tm /f 1 Tf": the size on the page is s times the scale.
    ctm = re.search(r"^([-\d.]+) 0 0 ([-\d.]+) [-\d.]+ [-\d.]+ cm", text, re.M)
    scale = abs(float(ctm.group(1))) if ctm else 1.0
    for tm in re.finditer(r"([-\d.]+) [-\d.]+ [-\d.]+ ([-\d.]+) [-\d.]+ [-\d.]+ Tm", text):
        sizes.append(abs(float(tm.group(1))) * scale)
if not sizes:
    sys.exit(f"{path}: no text found")
if min(sizes) < lo or max(sizes) > hi:
    sys.exit(f"{path}: text from {min(sizes):.2f} to {max(sizes):.2f} pt, wanted {lo} to {hi}")
EOF
}

# svg_fonts FILE: the smallest and largest font-size times the scale.
svg_fonts() {
    python3 - "$1" <<'EOF'
import re, sys
svg = open(sys.argv[1]).read()
w = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
# The background polygon spans the whole drawing in layout units.
bg = re.search(r'<polygon fill="#ffffff" stroke="transparent" points="([^"]+)"', svg)
xs = [float(p.split(",")[0]) for p in bg.group(1).split()]
scale = float(w.group(1)) / (max(xs) - min(xs))
sizes = [float(s) * scale for s in re.findall(r'font-size="([\d.]+)"', svg)]
print(f"{min(sizes):.2f} {max(sizes):.2f} {float(w.group(1)):.0f} {float(w.group(2)):.0f}")
EOF
}

CM16=453.54
# A figure 16 cm wide: the page is 16 cm, its labels 8 pt (to 2%), titles
# and marks at most 1.5 times that.
expect_exit 0 "$PN" render "$B" --width 16cm -o "$OUT/b16.pdf"
pdf_check "$OUT/b16.pdf" $CM16 0 7.84 12.3 && ok || fail "bandung --width 16cm"
expect_exit 0 "$PN" render "$B" --edge-labels both --cluster none --width 160mm --font-size 7 \
    -o "$OUT/b7.pdf"
pdf_check "$OUT/b7.pdf" $CM16 0 6.86 10.8 && ok || fail "bandung --font-size 7"
# Daejeon's ego network at 16 cm: 8 pt (dot turns left to right for it).
expect_exit 0 "$PN" render "$T" --ego daejeon --edge-labels both --cluster none --width 16cm \
    -o "$OUT/e16.pdf"
hasnt "$OUT/err" "warning"
pdf_check "$OUT/e16.pdf" $CM16 0 7.84 12.3 && ok || fail "daejeon ego --width 16cm"
# A scaled figure (its lines times the label factor): dashes and dots stay
# apart (render.md: the smallest factor near the best labels), the two lines of a
# double line keep a gap of at least 1 pt times the labels' scale on paper
# (1 pt once the labels have their size), the legend's double line has the
# edges' spacing at its width, and (twin_checks FILE all) every edge's line
# (ink, width, dashes) is a legend sample's.
twin_checks() {
    python3 - "$@" <<'EOF2'
import re, sys
svg = open(sys.argv[1]).read()
every = len(sys.argv) > 2
scale = float(re.search(r'transform="scale\(([\d.]+)', svg).group(1))
sizes = re.findall(r'font-size="([\d.]+)"', svg)
ink = float(max(set(sizes), key=sizes.count)) / 8  # the labels' factor: 8 pt at scale 1
def width(tag):
    m = re.search(r'stroke-width="([\d.]+)"', tag)
    return float(m.group(1)) if m else 1.0
def look(tag):
    dash = re.search(r'stroke-dasharray="([^"]+)"', tag)
    return (re.search(r'stroke="([^"]+)"', tag).group(1), width(tag), dash.group(1) if dash else "")
def points(tag):
    return [tuple(map(float, p.split(","))) for p in re.search(r'points="([^"]+)"', tag).group(1).split()]
samples = re.findall(r"<polyline [^>]*>", svg[:svg.index('class="node"')])
looks = {look(t) for t in samples}
# A double line's sample: a cell's bottom border, then its top one drawn
# back (SIDES="TB"), one above the other.
twin_sample = {}
for a, b in zip(samples, samples[1:]):
    pa, pb = points(a), points(b)
    if look(a) == look(b) and pa[0][0] == pb[-1][0] and pa[-1][0] == pb[0][0]:
        twin_sample[width(a)] = abs(pa[0][1] - pb[0][1])
bad = []
for g in re.findall(r'<g id="edge\d+" class="edge">(.*?)</g>', svg, re.S):
    paths = [p for p in re.findall(r"<path [^>]*>", g) if 'stroke="transparent"' not in p]
    if not paths:
        continue
    if every and look(paths[0]) not in looks:
        bad.append(f"edge line {look(paths[0])} is no legend sample")
    if len(paths) == 2:
        (ax, ay), (bx, by) = (tuple(map(float, re.search(r' d="M([-\d.]+),([-\d.]+)', p).groups()))
                              for p in paths)
        w, dist = width(paths[0]), ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5
        if dist - w < 0.9 * ink:
            bad.append(f"double line of width {w}: gap {(dist - w) * scale:.2f} pt on paper")
        if w in twin_sample and abs(twin_sample[w] - dist) > 0.1:
            bad.append(f"double line of width {w}: lines {dist:.2f} apart, legend {twin_sample[w]}")
if not twin_sample:
    bad.append("no double line in the legend")
# Graphviz's dash patterns do not scale with the lines: a dotted or dashed
# line no wider than 1.5 times its pattern's period still reads as one.
for tag in re.findall(r"<(?:path|polyline) [^>]*stroke-dasharray[^>]*>", svg):
    stroke, w, dash = look(tag)
    if stroke != "transparent" and w > 1.5 * sum(map(float, dash.split(","))):
        bad.append(f"a line of width {w} with dashes {dash}: they run together")
sys.exit("; ".join(sorted(set(bad))) if bad else 0)
EOF2
}
expect_exit 0 "$PN" render "$T" --ego daejeon --edge-labels both --cluster none --width 16cm \
    -o "$OUT/e16.svg"
twin_checks "$OUT/e16.svg" all && ok || fail "daejeon ego --width 16cm: lines against the legend"
# The path's double lines (2 pt heavier; faded lines and the path's have no
# sample of their own) in the paper theme, shrunk.
expect_exit 0 "$PN" render "$T" --layout twopi --labels short --theme paper \
    --highlight-path iti,wta -o "$OUT/p.svg"
twin_checks "$OUT/p.svg" && ok || fail "tangsel paper with a path: double lines and dashes"
# The issue's figure: Tangerang Selatan at 16 cm, the default layout, full
# names. Wrapped at 20 characters they need more than 16 cm at 7 pt (the
# warning would say 6.9 pt); wrapped at 16 the labels are 8 pt: the PDF is
# 16 cm wide (to 1%) and every text in it is 7 pt at least (docs/render.md).
expect_exit 0 "$PN" render "$T" -o "$OUT/t16.pdf" --width 16cm
hasnt "$OUT/err" "warning: labels are"
has "$OUT/err" "warning: the figure is 16.0 x "
has "$OUT/err" " cm, taller than a text block of 22 cm: --height 22cm fits it on the page with smaller labels (or try --labels short, another --layout, or a view such as --at or --ego)"
pdf_check "$OUT/t16.pdf" $CM16 0 7.0 100 && ok || fail "tangsel --width 16cm: a label under 7 pt"
# The narrower wrap is what gets there: "Kementerian Dalam Negeri" is
# "Kementerian Dalam" + "Negeri" at 20 characters, "Kementerian" + "Dalam
# Negeri" at 16 (and at 20 again once --height makes 7 pt out of reach).
expect_exit 0 "$PN" render "$T" -o "$OUT/t16.svg" --width 16cm
has "$OUT/t16.svg" '>Dalam Negeri</text>'
expect_exit 0 "$PN" render "$T" -o "$OUT/t1622.svg" --width 16cm --height 22cm
has "$OUT/t1622.svg" '>Kementerian Dalam</text>'
# With --height too the figure fits the page and the labels say their size.
expect_exit 0 "$PN" render "$T" -o "$OUT/t1622.pdf" --width 16cm --height 22cm
has "$OUT/err" "warning: labels are"
hasnt "$OUT/err" "taller than a text block"
# The README's figure (dot, short labels) at the defaults: 16 cm wide with
# 8 pt labels, taller than the text block (a warning says so).
expect_exit 0 "$PN" render "$T" --labels short -o "$OUT/ds.pdf"
hasnt "$OUT/err" "warning: labels are"
has "$OUT/err" "cm, taller than a text block of 22 cm"
pdf_check "$OUT/ds.pdf" $CM16 0 7.9 100 && ok || fail "tangsel --labels short: not 16 cm with 8 pt labels"
# twopi, short labels, at the defaults: within 16 cm, and labels that
# cannot reach 7 pt keep the wrap of 20 (a taller figure gains nothing).
expect_exit 0 "$PN" render "$T" --layout twopi --labels short -o "$OUT/tw.pdf"
python3 -c "
import re,sys; b=re.search(rb'/MediaBox \[ *0 0 ([\d.]+) ([\d.]+)', open('$OUT/tw.pdf','rb').read())
sys.exit(float(b.group(1)) > 454 or float(b.group(2)) > 624)" && ok || fail "twopi outside 16 x 22 cm"
has "$OUT/err" "warning: labels are 5.2 pt on paper at 16.0 x 14.8 cm"

# --height alone: that tall; both: inside both, touching one.
expect_exit 0 "$PN" render "$B" --height 5cm -o "$OUT/h.svg"
set -- $(svg_fonts "$OUT/h.svg")
[ "$4" = 142 ] && ok || fail "--height 5cm gave $4 pt"
expect_exit 0 "$PN" render "$B" --width 10cm --height 3in -o "$OUT/wh.svg"
set -- $(svg_fonts "$OUT/wh.svg")
{ [ "$3" -le 284 ] && [ "$4" -le 216 ] && { [ "$3" = 283 ] || [ "$3" = 284 ] || [ "$4" = 216 ]; }; } &&
    ok || fail "--width 10cm --height 3in gave $3 x $4 pt"
# --font-size at a width larger than the natural one: the labels keep it.
expect_exit 0 "$PN" render "$B" --width 30cm --font-size 10 -o "$OUT/w30.svg"
set -- $(svg_fonts "$OUT/w30.svg")
python3 -c "import sys; sys.exit(not (9.8 <= $1 <= 10.2 and $3 == 850))" && ok ||
    fail "--width 30cm --font-size 10 gave labels of $1 pt, width $3 pt"
# The default: never enlarged, labels 8 pt, at most 16 cm wide.
expect_exit 0 "$PN" render "$B" -o "$OUT/d.svg"
set -- $(svg_fonts "$OUT/d.svg")
python3 -c "import sys; sys.exit(not (7.9 < $1 < 8.1 and $3 <= 454 and $4 <= 624))" && ok ||
    fail "default: labels $1 pt, $3 x $4 pt"

# A width the layout cannot reach with its labels: a warning with the size.
expect_exit 0 "$PN" render "$T" --layout circo --width 4cm -o "$OUT/c.svg"
has "$OUT/err" "warning: labels are"
has "$OUT/err" "pt on paper at 4.0 x "
has "$OUT/err" "cm, not 8.0 pt (--font-size): the circo layout needs more room for its text (try --labels short, another --layout, a larger --width, or a smaller --font-size)"

# PNG and JPEG: the pixels are the size in inches times the resolution.
png_size() { python3 -c "import struct,sys; d=open('$1','rb').read(24); print(*struct.unpack('>II', d[16:24]))"; }
expect_exit 0 "$PN" render "$B" --width 4in -o "$OUT/b.png"
set -- $(png_size "$OUT/b.png")
[ "$1" = 1200 ] && ok || fail "--width 4in at 300 dpi: $1 pixels wide"
expect_exit 0 "$PN" render "$B" --width 4in --dpi 150 -o "$OUT/b.png"
set -- $(png_size "$OUT/b.png")
[ "$1" = 600 ] && ok || fail "--width 4in --dpi 150: $1 pixels wide"

# Usage errors, each naming the option and what it takes.
expect_exit 2 "$PN" render "$B" --width 16 -o "$OUT/x.pdf"
has "$OUT/err" "paranet render: --width: expected a length with a unit: cm, mm, in or pt, e.g. 16cm (got '16')"
expect_exit 2 "$PN" render "$B" --height 3furlong
has "$OUT/err" "--height: expected a length with a unit"
expect_exit 2 "$PN" render "$B" --width 0.5cm
has "$OUT/err" "--width must be from 1cm to 5m (got '0.5cm')"
expect_exit 2 "$PN" render "$B" --font-size 2
has "$OUT/err" "--font-size needs a size in points from 4 to 72, e.g. 8 (got '2')"
expect_exit 2 "$PN" render "$B" --font-size 8mm
has "$OUT/err" "--font-size needs a size in points"
expect_exit 0 "$PN" render "$B" --font-size 8pt -T dot
expect_exit 2 "$PN" render "$B" --dpi 10
has "$OUT/err" "--dpi needs a number from 36 to 2400 (got '10')"
[ -e "$OUT/x.pdf" ] && fail "a refused render wrote x.pdf" || ok

# Every format, named by -T or by the extension, has its magic bytes.
magic() { # magic FILE HEX: the file begins with these bytes
    python3 -c "import sys; sys.exit(open('$1','rb').read(${#2}//2) != bytes.fromhex('$2'))" && ok ||
        fail "$1 does not begin with $2"
}
for ext in svg:3c3f786d6c pdf:255044462d png:89504e470d0a1a0a jpg:ffd8ff jpeg:ffd8ff \
    eps:252150532d41646f62652d332e3020455053462d332e30 ps:252150532d41646f62652d332e300a \
    dot:64696772617068 gv:64696772617068 PDF:255044462d; do
    e=${ext%%:*}
    expect_exit 0 "$PN" render "$B" -o "$OUT/f.$e"
    magic "$OUT/f.$e" "${ext#*:}"
    expect_exit 0 "$PN" render "$B" -T "$e" -o "$OUT/t-$e"
    magic "$OUT/t-$e" "${ext#*:}"
done
expect_exit 0 "$PN" render "$B" -o "$OUT/noext"
magic "$OUT/noext" 3c3f786d6c
# EPS and PS are reproducible (cairo's creation date set to the epoch).
expect_exit 0 "$PN" render "$B" -o "$OUT/a.eps"
sleep 1
expect_exit 0 "$PN" render "$B" -o "$OUT/b.eps"
cmp -s "$OUT/a.eps" "$OUT/b.eps" && ok || fail "two EPS renders differ"
has "$OUT/a.eps" "%%CreationDate: Thu Jan  1 00:00:00 1970"
# Refused: an extension or -T paranet cannot write, with the list.
for e in bmp gif tiff; do
    expect_exit 2 "$PN" render "$B" -o "$OUT/fig.$e"
    has "$OUT/err" "paranet render: cannot write .$e; paranet renders svg, pdf, png, jpg, eps, ps, dot"
    [ -e "$OUT/fig.$e" ] && fail "fig.$e written" || ok
    expect_exit 2 "$PN" render "$B" -T "$e"
    has "$OUT/err" "paranet render: -T: cannot write '$e'; paranet renders svg, pdf, png, jpg, eps, ps, dot"
done
# -T wins over the extension, with a note; over an unknown extension, quietly.
expect_exit 0 "$PN" render "$B" -T png -o "$OUT/fig.pdf"
has "$OUT/err" "paranet render: note: writing png into $OUT/fig.pdf, as -T says"
magic "$OUT/fig.pdf" 89504e470d0a1a0a
expect_exit 0 "$PN" render "$B" -T pdf -o "$OUT/fig.bmp"
hasnt "$OUT/err" "note: writing"
magic "$OUT/fig.bmp" 255044462d
finish
