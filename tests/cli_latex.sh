#!/bin/sh
# The LaTeX tables compile (ctest label "tex"): every table command's
# --standalone output for every shipped dataset, with pdflatex when the
# tables hold only what pdfLaTeX sets (T1), else with xelatex and Noto Serif
# CJK, and the names of every script (Hangul, Han, Kana) and LaTeX's special
# characters. Fails when a document does not compile or, under xelatex, a
# character has no glyph in the font. Skipped (77) without pdflatex,
# xelatex, lmodern or the Noto CJK fonts: on Debian, texlive-latex-base,
# texlive-latex-recommended, texlive-xetex, lmodern, fonts-noto-cjk.
. "$(dirname "$0")/cli_lib.sh"

for tool in pdflatex xelatex kpsewhich fc-list; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: no $tool (texlive-latex-base, texlive-xetex, fontconfig)"
        exit 77
    fi
done
for sty in booktabs.sty longtable.sty geometry.sty lmodern.sty fontspec.sty; do
    if [ -z "$(kpsewhich "$sty")" ]; then
        echo "SKIP: no $sty (texlive-latex-recommended, lmodern)"
        exit 77
    fi
done
if ! fc-list | grep -q "Noto Serif CJK KR"; then
    echo "SKIP: no Noto Serif CJK KR font (fonts-noto-cjk)"
    exit 77
fi

# compile NAME: $OUT/NAME.tex with the engine its comments ask for; the
# engine used goes to $OUT/NAME.engine.
compile() {
    engine=pdflatex
    grep -q '^% needs XeLaTeX' "$OUT/$1.tex" && engine=xelatex
    echo "$engine" >"$OUT/$1.engine"
    if (cd "$OUT" && $engine -interaction=nonstopmode -halt-on-error "$1.tex" >/dev/null 2>&1); then
        ok
    else
        fail "$1.tex does not compile with $engine: $(grep -m1 -A2 '^!' "$OUT/$1.log")"
        return
    fi
    # Every character set: twin-cities.json's İ (U+0130) and š (U+0161)
    # beside Han and Hangul need a Latin font and xeCJK, not Noto CJK alone.
    if grep -q "Missing character" "$OUT/$1.log"; then
        fail "$1.tex ($engine): $(grep -m1 'Missing character' "$OUT/$1.log")"
    else
        ok
    fi
}

# table NAME ARGS...: paranet ARGS --format latex --standalone into NAME.tex, compiled.
table() {
    name=$1
    shift
    if "$PN" "$@" --format latex --standalone --quiet >"$OUT/$name.tex" 2>"$OUT/$name.err"; then
        ok
        compile "$name"
    else
        fail "paranet $* --format latex: exit $?: $(cat "$OUT/$name.err")"
    fi
}

for f in "$SRC"/datasets/*.json; do
    d=$(basename "$f" .json)
    # The actor of highest degree and the next: partners, reach, path.
    "$PN" metrics "$f" -m degree --top 2 --format tsv --quiet | cut -f2 | sed -n 2,3p >"$OUT/top"
    a=$(sed -n 1p "$OUT/top")
    b=$(sed -n 2p "$OUT/top")
    table "$d-metrics" metrics "$f" --basis all
    table "$d-paper" metrics "$f" -m degree,betweenness,harmonic --top 10 --label "tab:$d"
    table "$d-network" metrics --network "$f"
    table "$d-info" info "$f"
    table "$d-partners" partners "$f" --actor "$a" --explain
    table "$d-reach" reach "$f" --from "$a" --explain
    table "$d-path" path "$f" --from "$a" --to "$b" --explain
done
# Latin only: pdflatex, every metric (cli_tables.sh checks the bytes).
[ "$(cat "$OUT/tangsel-metrics.engine")" = pdflatex ] && ok || fail "tangsel: not pdflatex"

# Every LaTeX special character in a name, and Latin-1 (Zürich, Timrå):
# pdflatex.
cp "$SRC/tests/data/tables-odd.json" "$OUT/odd.json"
table odd metrics "$OUT/odd.json" --caption 'Ties & 100% of $x_1$ {#} ~ ^ \ _' --label tab:odd
table odd-partners partners "$OUT/odd.json" --actor a
[ "$(cat "$OUT/odd.engine")" = pdflatex ] && ok || fail "odd names: not pdflatex"
# What the PDF says is what the name and caption say (poppler's pdftotext).
if command -v pdftotext >/dev/null 2>&1; then
    pdftotext "$OUT/odd.pdf" "$OUT/odd.txt"
    has "$OUT/odd.txt" 'A&B %$#_{}~^\ Zürich'
    has "$OUT/odd.txt" 'Ties & 100% of $x_1$ {#} ~ ^ \ _'
fi

# Hangul, Han, Kana and Latin in one table: xelatex with Noto Serif CJK,
# every glyph there; and pdflatex, forced, cannot set it (the note is true).
cp "$SRC/tests/data/tables-scripts.json" "$OUT/cjk.json"
table cjk metrics "$OUT/cjk.json" --label tab:cjk
[ "$(cat "$OUT/cjk.engine")" = xelatex ] && ok || fail "CJK names: not xelatex"
table cjk-partners partners "$OUT/cjk.json" --actor timra
"$PN" metrics "$OUT/cjk.json" --format latex --standalone --latex-engine pdflatex --quiet >"$OUT/cjk-pdf.tex"
if (cd "$OUT" && pdflatex -interaction=nonstopmode -halt-on-error cjk-pdf.tex >/dev/null 2>&1); then
    fail "pdflatex set Hangul: the XeLaTeX note is wrong"
else
    ok
fi
has "$OUT/cjk-pdf.log" "Unicode character"
finish
