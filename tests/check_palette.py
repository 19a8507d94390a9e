#!/usr/bin/env python3
"""The colour theme's country fills stay apart under colour-vision deficiency.

Usage: check_palette.py PARANET

Renders (as DOT) a dataset with more countries than the palette, in both
themes, with a highlighted path, and reads the colours paranet draws:
the fill and outline of every country, the path's colour, the status mark
and basis inks. Then, with only the standard library:

- every fill is simulated for protanopia, deuteranopia and tritanopia
  (Machado, Oliveira and Fernandes 2009, the severity 1.0 matrices, applied
  to linear sRGB) and converted to CIELAB (D65); the CIEDE2000 difference
  (Sharma, Wu and Dalal 2005) of every pair of fills, white included (the
  fill of the countries past the palette), must be at least MIN_DE under
  normal vision and under each simulation;
- black text on every fill has a contrast ratio of at least 4.5 (WCAG 2);
- the path's colour is reserved: it is no fill of either theme, no
  outline in colour (on paper every line is the black ink) and, in colour, at least MIN_DE from every fill, outline and other ink in
  every simulation.

MIN_DE = 10: France and Italy in the twin-town figures of issue 15, which a
reader found hard to tell apart, were 7.7 apart (normal vision) in the old
tinted Okabe-Ito fills; 10 is above that with a margin, and about four times
the just-noticeable difference of ΔE*ab 2.3 (Mahy et al. 1994) that holds
only for large patches side by side, not for nodes apart in a figure.
"""
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile

MIN_DE = 10.0
MIN_CONTRAST = 4.5

MACHADO = {
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
               (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
               (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
               (0.004733, 0.691367, 0.303900)),
}
VISIONS = ("normal",) + tuple(MACHADO)


def linear(hexcolour):
    def one(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return [one(int(hexcolour[i:i + 2], 16)) for i in (1, 3, 5)]


def simulate(rgb, vision):
    if vision == "normal":
        return rgb
    m = MACHADO[vision]
    return [min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3)]


def lab(rgb):
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2):
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar ** 7 / (cbar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dlp, dcp = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    elif h2p - h1p > 180:
        dhp = h2p - h1p - 360
    else:
        dhp = h2p - h1p + 360
    dhp_big = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    lbp, cbp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbp = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hbp = (h1p + h2p + 360) / 2
    else:
        hbp = (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbp - 30)) + 0.24 * math.cos(math.radians(2 * hbp))
         + 0.32 * math.cos(math.radians(3 * hbp + 6)) - 0.20 * math.cos(math.radians(4 * hbp - 63)))
    dtheta = 30 * math.exp(-(((hbp - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbp ** 7 / (cbp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (lbp - 50) ** 2 / math.sqrt(20 + (lbp - 50) ** 2)
    sc = 1 + 0.045 * cbp
    sh = 1 + 0.015 * cbp * t
    rt = -math.sin(math.radians(2 * dtheta)) * rc
    return math.sqrt((dlp / sl) ** 2 + (dcp / sc) ** 2 + (dhp_big / sh) ** 2
                     + rt * (dcp / sc) * (dhp_big / sh))


def delta(c1, c2, vision):
    return ciede2000(lab(simulate(linear(c1), vision)), lab(simulate(linear(c2), vision)))


def contrast_with_black(c):
    r, g, b = linear(c)
    return (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05) / 0.05


def self_test():
    # Sharma, Wu and Dalal (2005), Table 1: pairs 1, 7 and 17.
    for p, q, want in (((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
                       ((50, 0, 0), (50, -1, 2), 2.3669),
                       ((50, 2.5, 0), (73, 25, -18), 27.1492)):
        got = ciede2000(p, q)
        assert abs(got - want) < 1e-4, (p, q, got, want)
    # Machado's matrices keep white white (rows sum to 1).
    for m in MACHADO.values():
        for row in m:
            assert abs(sum(row) - 1) < 1e-3, row


COUNTRIES = ["ID", "KR", "CN", "JP", "DE", "MY", "NP", "SE", "FR", "IT"]


def dataset():
    """Actors of ten countries (fewer actors for the later ones, so the
    palette order is the list's), a chain of ties through all of them."""
    actors, ties = [], []
    for i, cc in enumerate(COUNTRIES):
        for k in range(len(COUNTRIES) - i):
            actors.append({"id": "%s%d" % (cc.lower(), k), "name": "%s %d" % (cc, k),
                           "kind": "city", "country": cc})
    for a, b in zip(actors, actors[1:]):
        ties.append({"from": a["id"], "to": b["id"], "type": "g2g", "status": "stalled",
                     "sources": ["s"]})
    return {"paranet": 1, "sources": [{"id": "s", "cite": "S"}], "actors": actors, "ties": ties}


NODE = re.compile(r'^\t"?([a-z0-9-]+)"?\t\[(.*?)\];', re.S | re.M)
EDGE = re.compile(r'^\t"?([a-z0-9-]+)"? -> "?([a-z0-9-]+)"?\t\[(.*?)\];', re.S | re.M)


def attr(block, name):
    m = re.search(r'(?:^|[\s\[,])%s="?([^",\]\s]+)' % name, block)
    return m.group(1) if m else None


def render(paranet, path, *options):
    out = subprocess.run([paranet, "render", path, "-T", "dot", "--cluster", "none"] + list(options),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return out.stdout.decode("utf-8")


def main():
    self_test()
    paranet = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "countries.json")
        with open(path, "w") as f:
            json.dump(dataset(), f)
        last = "%s0" % COUNTRIES[-1].lower()
        path_opts = ["--highlight-path", "id0,%s" % last]
        looks = {}
        for theme in ("color", "paper"):
            dot = render(paranet, path, "--theme", theme)
            fills, outlines = {}, {}
            for name, block in NODE.findall(dot):
                if name in ("node", "edge", "graph"):
                    continue
                cc = name[:2].upper()
                fills.setdefault(cc, set()).add(attr(block, "fillcolor"))
                outlines.setdefault(cc, set()).add(attr(block, "color"))
            for cc in COUNTRIES:
                if len(fills.get(cc, ())) != 1:
                    failures.append("%s: %s has fills %s" % (theme, cc, fills.get(cc)))
            hl = render(paranet, path, "--theme", theme, *path_opts)
            path_colours = {attr(b, "color").split(":")[0] for _, _, b in EDGE.findall(hl)
                            if attr(b, "penwidth") and float(attr(b, "penwidth")) > 3}
            marks = set(re.findall(r'FONT COLOR="(#[0-9A-F]{6})" POINT-SIZE="12"', dot))
            looks[theme] = (fills, outlines, path_colours, marks)
        # Colour theme: the distinct fills (palette and white) under every vision.
        fills, outlines, path_colours, marks = looks["color"]
        distinct = sorted({next(iter(v)) for v in fills.values()})
        print("colour fills:", " ".join(distinct))
        if len(distinct) < 4:
            failures.append("only %d distinct fills: %s" % (len(distinct), distinct))
        for vision in VISIONS:
            worst = min((delta(a, b, vision), a, b) for a, b in itertools.combinations(distinct, 2))
            print("  %-6s min CIEDE2000 %.1f (%s, %s)" % (vision, *worst))
            if worst[0] < MIN_DE:
                failures.append("%s: %s and %s are %.1f apart (< %.0f)"
                                % (vision, worst[1], worst[2], worst[0], MIN_DE))
        for c in distinct:
            if contrast_with_black(c) < MIN_CONTRAST:
                failures.append("black text on %s: contrast %.1f" % (c, contrast_with_black(c)))
        # The path's colour is reserved, in every theme.
        for theme, (fills_t, outlines_t, path_t, marks_t) in looks.items():
            if len(path_t) != 1:
                failures.append("%s: path colours %s" % (theme, path_t))
                continue
            # On paper every outline is the black ink, as the path is.
            used = set().union(*fills_t.values())
            if theme == "color":
                used |= set().union(*outlines_t.values())
            if path_t & used:
                failures.append("%s: the path colour %s is also a fill or outline"
                                % (theme, path_t))
        (path_colour,) = path_colours or {"#000000"}
        others = set().union(*fills.values(), *outlines.values(), marks, {"#333333", "#AA3377"})
        for vision in VISIONS:
            worst = min((delta(path_colour, c, vision), c) for c in others)
            print("  %-6s path %s: min CIEDE2000 %.1f (%s)" % (vision, path_colour, *worst))
            if worst[0] < MIN_DE:
                failures.append("%s: the path colour %s is %.1f from %s"
                                % (vision, path_colour, worst[0], worst[1]))
        failures += chart_fills(paranet, tmp)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


SVG_FILL = re.compile(r"fill:rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)")


def chart_fills(paranet, tmp):
    """The charts' series fills (draw/chart.c: the five country fills, three
    more of Paul Tol's light scheme, pale grey for "others"), read in the
    order a stacked chart of 8 series and "others" first draws them: the
    series stacked next to each other must be MIN_DE apart under every
    vision, and black text on each readable; every pair is reported (a
    legend swatch is matched to an area that is not its neighbour)."""
    path = os.path.join(tmp, "chart.json")
    ds = dataset()
    for i, t in enumerate(ds["ties"]):  # dated, so that they are in force
        t["since"] = 2000 + i % 5
        t["status"] = "active"
    with open(path, "w") as f:
        json.dump(ds, f)
    svg = os.path.join(tmp, "chart.svg")
    subprocess.run([paranet, "timeline", path, "--by", "country", "--top", "8", "-o", svg],
                   check=True, stderr=subprocess.DEVNULL)
    seen = []
    for m in SVG_FILL.finditer(open(svg).read()):
        c = "#%02X%02X%02X" % tuple(round(float(v) * 255 / 100) for v in m.groups())
        if c not in seen and c not in ("#FFFFFF", "#333333", "#000000"):
            seen.append(c)
    failures = []
    print("chart fills:", " ".join(seen))
    if len(seen) < 9:
        failures.append("chart: %d series fills, wanted 9 (8 and others): %s" % (len(seen), seen))
    for vision in VISIONS:
        near = min((delta(a, b, vision), a, b) for a, b in zip(seen, seen[1:]))
        anyp = min((delta(a, b, vision), a, b) for a, b in itertools.combinations(seen, 2))
        print("  %-6s neighbours min %.1f (%s, %s); any pair min %.1f (%s, %s)"
              % ((vision,) + near + anyp))
        if near[0] < MIN_DE:
            failures.append("chart, %s: neighbours %s and %s are %.1f apart (< %.0f)"
                            % (vision, near[1], near[2], near[0], MIN_DE))
    for c in seen:
        if contrast_with_black(c) < MIN_CONTRAST:
            failures.append("chart: black text on %s: contrast %.1f" % (c, contrast_with_black(c)))
    return failures


if __name__ == "__main__":
    sys.exit(main())
