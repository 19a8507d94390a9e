#!/bin/sh
# Any script on paper (docs/render.md, "Fonts and scripts"): with the fonts
# scripts/bootstrap.sh installs, Hangul, Han and Latin labels are drawn, not
# boxes, and nothing warns; with a fontconfig configuration of DejaVu only,
# every actor whose label Pango would draw as boxes gets a missing-glyph
# warning naming it (PNG, PDF; not SVG, whose viewer picks the glyphs), and
# no other. The oracle is Pango's own count of unknown glyphs
# (tests/pango_unknown.c, laid out as Graphviz's pango plugin does).
# Skipped (77) without Pango, without DejaVu, or without a CJK font
# (Debian: fonts-noto-cjk).
. "$(dirname "$0")/cli_lib.sh"
PANGO=$3/pango_unknown
FONT="DejaVu Sans" # the colour theme's font (libgraph/src/draw/style.c)

"$PANGO" "$FONT" a >/dev/null 2>&1
[ $? -eq 77 ] && { echo "skip: no Pango"; exit 77; }
[ -d /usr/share/fonts/truetype/dejavu ] || { echo "skip: no DejaVu fonts (fonts-dejavu-core)"; exit 77; }
unknown() { "$PANGO" "$FONT" "$1" | cut -f 1; } # Pango's count of boxes in a text
if [ "$(unknown 대전광역시)" != 0 ] || [ "$(unknown 東京都)" != 0 ]; then
    echo "skip: no font for Hangul and Han here (Debian: fonts-noto-cjk)"
    exit 77
fi

# One actor per script, tied so that the legend and boxes are drawn too.
cat >"$OUT/scripts.json" <<'JSON'
{
  "paranet": 1,
  "sources": [{"id": "s", "cite": "test"}],
  "actors": [
    {"id": "daejeon", "name": "대전광역시", "kind": "city", "country": "KR"},
    {"id": "tokyo", "name": "東京都", "kind": "province", "country": "JP"},
    {"id": "timra", "name": "Timrå", "kind": "city", "country": "SE"}
  ],
  "ties": [
    {"from": "daejeon", "to": "tokyo", "type": "g2g", "sources": ["s"]},
    {"from": "tokyo", "to": "timra", "type": "g2g", "sources": ["s"]}
  ]
}
JSON
one() { # one ID NAME: a dataset of that actor alone
    printf '{"paranet": 1, "actors": [{"id": "%s", "name": "%s", "kind": "city", "country": "KR"}], "ties": []}\n' \
        "$1" "$2" >"$OUT/$1.json"
}
one daejeon 대전광역시
one tokyo 東京都
one timra Timrå

# The fonts installed: every label drawn, no warning, in every drawn format.
for text in 대전광역시 東京都 Timrå; do
    [ "$(unknown "$text")" = 0 ] && ok || fail "Pango draws '$text' as boxes with the installed fonts"
done
for fmt in png pdf svg; do
    expect_exit 0 "$PN" render "$OUT/scripts.json" -o "$OUT/full.$fmt"
    hasnt "$OUT/err" "missing-glyph"
    hasnt "$OUT/err" "no installed font"
done
for id in daejeon tokyo timra; do
    "$PN" render "$OUT/$id.json" --no-legend -o "$OUT/$id-full.png" 2>"$OUT/err" || fail "render $id"
done
expect_exit 0 "$PN" render "$SRC/datasets/tangsel.json" --layout twopi -o "$OUT/tangsel.png"
hasnt "$OUT/err" "no installed font"

# DejaVu only (no CJK font): what Pango draws as boxes gets a warning naming
# the actor, exit 0; what it draws gets none.
mkdir -p "$OUT/fc-cache"
conf=$(cd "$OUT" && pwd)/latin.conf # fontconfig reads a relative name from /etc/fonts
cat >"$conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>$(dirname "$conf")/fc-cache</cachedir>
</fontconfig>
CONF
FONTCONFIG_FILE=$conf
export FONTCONFIG_FILE
[ "$(unknown 대전광역시)" = 5 ] && ok || fail "Pango draws 대전광역시 without boxes with DejaVu alone"
[ "$(unknown 東京都)" = 3 ] && ok || fail "Pango draws 東京都 without boxes with DejaVu alone"
[ "$(unknown Timrå)" = 0 ] && ok || fail "Pango draws Timrå as boxes with DejaVu"
for fmt in png pdf; do
    expect_exit 0 "$PN" render "$OUT/scripts.json" -o "$OUT/latin.$fmt"
    has "$OUT/err" "warning: actors[0]: actor 'daejeon' (대전광역시): no installed font has U+B300 대, U+C804 전, U+AD11 광, U+C5ED 역, U+C2DC 시: the $(echo $fmt | tr a-z A-Z) draws them as empty boxes"
    has "$OUT/err" "warning: actors[1]: actor 'tokyo' (東京都): no installed font has U+6771 東, U+4EAC 京, U+90FD 都"
    hasnt "$OUT/err" "actor 'timra'"
    [ "$(grep -c "missing-glyph\|no installed font" "$OUT/err")" = 2 ] && ok ||
        fail "$fmt: not exactly two font warnings: $(cat "$OUT/err")"
done
# A warning exactly where Pango counts boxes, label by label.
"$PN" render "$OUT/scripts.json" -o "$OUT/latin.png" 2>"$OUT/err"
for pair in daejeon:대전광역시 tokyo:東京都 timra:Timrå; do
    id=${pair%%:*} text=${pair#*:}
    if [ "$(unknown "$text")" = 0 ]; then hasnt "$OUT/err" "actor '$id'"; else has "$OUT/err" "actor '$id' ($text)"; fi
done
# SVG names the font and leaves the glyphs to the viewer; DOT draws nothing.
for fmt in svg dot; do
    expect_exit 0 "$PN" render "$OUT/scripts.json" -o "$OUT/latin.$fmt"
    hasnt "$OUT/err" "no installed font"
done
# The title and the legend are checked too.
expect_exit 0 "$PN" render "$OUT/timra.json" --title "東京" -o "$OUT/title.png"
has "$OUT/err" "the legend or title: no installed font has U+6771 東, U+4EAC 京"
hasnt "$OUT/err" "actor 'timra'"
expect_exit 0 "$PN" render "$SRC/datasets/tangsel.json" --layout twopi -o "$OUT/tangsel.png"
hasnt "$OUT/err" "no installed font"
expect_exit 0 "$PN" render "$SRC/tests/data/roundtrip/everything.json" -o "$OUT/everything.png"
has "$OUT/err" "actor 'daejeon' (대전광역시): no installed font has"
has "$OUT/err" "actor 'firm-jp' (株式会社 Example): no installed font has U+682A 株, U+5F0F 式, U+4F1A 会, U+793E 社:"

# The label area is not a row of boxes: each label drawn with the installed
# fonts differs from its render with DejaVu alone, which is the row of boxes
# (the warnings above); Timrå, which DejaVu draws, is the same in both.
for id in daejeon tokyo timra; do
    "$PN" render "$OUT/$id.json" --no-legend -o "$OUT/$id-latin.png" 2>"$OUT/err" || fail "render $id"
done
cmp -s "$OUT/daejeon-full.png" "$OUT/daejeon-latin.png" && fail "대전광역시 drawn as with no Hangul font" || ok
cmp -s "$OUT/tokyo-full.png" "$OUT/tokyo-latin.png" && fail "東京都 drawn as with no Han font" || ok
cmp -s "$OUT/timra-full.png" "$OUT/timra-latin.png" && ok || fail "Timrå drawn differently with DejaVu alone"
finish
