#!/bin/sh
# Tables for papers (docs/metrics.md): --precision, --caption, --label, the
# default caption in words, shared ranks, LaTeX escaping, alignment and the
# note on scripts pdfLaTeX cannot set. No TeX needed (cli_latex.sh compiles).
. "$(dirname "$0")/cli_lib.sh"
T="$SRC/datasets/tangsel.json"

# --- precision ---
# Tangsel's betweenness is 298 (cli_quotable.sh): 298.000 at the LaTeX and
# Markdown default of 3 decimals, 298.000000 in csv (6), 298.0 at 1.
expect_exit 0 "$PN" metrics "$T" -m betweenness --top 1 --format latex
has "$OUT/out" "1 & tangsel & Kota Tangerang Selatan & city & ID & 298.000 \\\\"
expect_exit 0 "$PN" metrics "$T" -m betweenness --top 1 --format md
has "$OUT/out" "| 1 | tangsel | Kota Tangerang Selatan | city | ID | 298.000 |"
expect_exit 0 "$PN" metrics "$T" -m betweenness --top 1 --format csv
has "$OUT/out" "1,tangsel,Kota Tangerang Selatan,city,ID,298.000000"
expect_exit 0 "$PN" metrics "$T" -m betweenness --top 1 --format csv --precision 1
has "$OUT/out" "1,tangsel,Kota Tangerang Selatan,city,ID,298.0"
expect_exit 0 "$PN" metrics "$T" -m betweenness --top 1 --format latex --precision 0
has "$OUT/out" "& ID & 298 \\\\"
# full: the shortest digits that read back as the same double (298, and
# 1/3 of a harmonic sum as 17 digits at most).
expect_exit 0 "$PN" metrics "$T" -m betweenness --top 1 --format json --precision full
has "$OUT/out" '"betweenness": 298}'
# Counts stay integers whatever the precision.
expect_exit 0 "$PN" metrics "$T" -m degree --top 1 --format csv --precision 3
has "$OUT/out" "1,tangsel,Kota Tangerang Selatan,city,ID,23"
expect_exit 2 "$PN" metrics "$T" --precision 18
has "$OUT/err" "--precision needs a number of decimals from 0 to 17, or 'full' (got '18')"
expect_exit 2 "$PN" metrics "$T" --precision x
# A value that shows as zero is zero: no "-0.00" (assortativity by country
# is a tiny negative in the Tangsel view) and a minus sign, not a hyphen.
expect_exit 0 "$PN" metrics "$T" --network --format latex --precision 2
has "$OUT/out" "assortativity-kind & \$-\$0.16 \\\\"
has "$OUT/out" "assortativity-country & 0.00 \\\\"

# --- shared ranks, as printed ---
# a-b, a-c, a-d, b-c: degrees 3, 2, 2, 1: ranks 1, 2, 2, 4 (standard
# competition ranking); betweenness 2, 0, 0, 0: ranks 1, 2, 2, 2.
cp "$SRC/tests/data/tables-odd.json" "$OUT/odd.json"
for f in csv md latex text; do
    expect_exit 0 "$PN" metrics "$OUT/odd.json" -m degree --format "$f"
    sed 's/^| //' "$OUT/out" | grep -o '^ *[0-9][0-9]*' | tr -d ' ' | tr '\n' ' ' >"$OUT/ranks"
    [ "$(cat "$OUT/ranks")" = "1 2 2 4 " ] && ok || fail "$f: ranks $(cat "$OUT/ranks"), wanted 1 2 2 4"
done
expect_exit 0 "$PN" metrics "$OUT/odd.json" -m betweenness --format csv
cut -d, -f1 "$OUT/out" | tr '\n' ' ' >"$OUT/ranks"
[ "$(cat "$OUT/ranks")" = "rank 1 2 2 2 " ] && ok || fail "betweenness ranks $(cat "$OUT/ranks")"
# Values equal as printed share a rank. Tangsel's harmonic centralities
# (the sum of 1/distance over the 27 others, / 27): Tangsel (23 + 2/2) / 27
# = 0.889; Daejeon and Sinar Mas Land (2 + 22/2 + 1/3) / 27 = 0.494; the 21
# other partners of Tangsel alone (1 + 22/2 + 2/3) / 27 = 0.469; the Korean
# ministry and the Japanese partner (1 + 1/2 + 22/3 + 1/4) / 27 = 0.336;
# Bandung and Seoul, a pair apart, 1/27 = 0.037. Ranks 1, 2, 4, 25, 27; at
# one decimal 0.494 and 0.469 are both 0.5: 1, 2 (23 actors), 25, 27.
expect_exit 0 "$PN" metrics "$T" -m harmonic --format tsv
cut -f1 "$OUT/out" | sort -n | uniq -c | awk '{print $2 "x" $1}' | tr '\n' ' ' >"$OUT/ranks"
has "$OUT/ranks" "rankx1 1x1 2x2 4x21 25x2 27x2 "
expect_exit 0 "$PN" metrics "$T" -m harmonic --format tsv --precision 1
cut -f1 "$OUT/out" | sort -n | uniq -c | awk '{print $2 "x" $1}' | tr '\n' ' ' >"$OUT/ranks"
has "$OUT/ranks" "rankx1 1x1 2x23 25x2 27x2 "

# --- LaTeX: escaping, alignment, preamble note ---
expect_exit 0 "$PN" metrics "$OUT/odd.json" -m degree,betweenness --format latex
has "$OUT/out" '1 & a & A\&B \%\$\#\_\{\}\textasciitilde{}\textasciicircum{}\textbackslash{} Zürich & city & CH & 3 & 2.000 \\'
has "$OUT/out" '\begin{tabular}{@{}rllllrr@{}}'
has "$OUT/out" '% needs \usepackage{booktabs}; numbers are right-aligned with the same'
hasnt "$OUT/out" "XeLaTeX"
# The dataset's title in the default caption is escaped too.
has "$OUT/out" '\caption{Degree and betweenness of the 4 actors in the network “Odd names \& 100\% \{special\} \$x\_1\$ \#1 \textasciitilde{} \textasciicircum{} \textbackslash{}”: all ties.}'
[ -s "$OUT/err" ] && fail "Latin-1 names: something on stderr" || ok
expect_exit 0 "$PN" metrics "$OUT/odd.json" -m degree --format latex --caption 'Ties & 100% of $x_1$ {#}' --label tab:odd
has "$OUT/out" '\caption{Ties \& 100\% of \$x\_1\$ \{\#\}}\label{tab:odd}'
expect_exit 0 "$PN" metrics "$OUT/odd.json" -m degree --format md --caption 'Degree | all' --label tbl:odd
has "$OUT/out" 'Table: Degree \| all {#tbl:odd}'
expect_exit 2 "$PN" metrics "$OUT/odd.json" --label 'a b'
has "$OUT/err" "--label needs letters, digits and : . _ / - only (got 'a b')"
expect_exit 2 "$PN" metrics "$OUT/odd.json" --caption x --format csv
has "$OUT/err" "--caption is for --format latex or md"
expect_exit 2 "$PN" metrics "$OUT/odd.json" --standalone --format md
has "$OUT/err" "--standalone is for --format latex"
expect_exit 2 "$PN" metrics "$OUT/odd.json" --latex-engine context --format latex
has "$OUT/err" "--latex-engine must be pdflatex or xelatex (got 'context')"
# A standalone document: pdflatex's preamble for Latin-1 names.
expect_exit 0 "$PN" metrics "$OUT/odd.json" -m degree --format latex --standalone
has "$OUT/out" '\usepackage[T1]{fontenc}'
has "$OUT/out" '\end{document}'

# --- the default caption: the table and the view in words ---
expect_exit 0 "$PN" metrics "$T" -m betweenness --top 5 --format latex --at 2016 --types g2g
has "$OUT/out" '\caption{Betweenness of the 2 actors in the network “Kota Tangerang Selatan (Tangsel)”: g2g ties in force in 2016 (11 undated ties left out), actors without ties left out.}'
hasnt "$OUT/out" '\caption{paranet'
expect_exit 0 "$PN" metrics "$T" -m degree,betweenness --top 3 --format md
has "$OUT/out" 'Table: Degree and betweenness of the 3 actors of highest degree (of 28) in the network “Kota Tangerang Selatan (Tangsel)”: reported and inferred ties only (3 recommended ties left out).'
expect_exit 0 "$PN" metrics "$T" --format latex --top 1 --ego daejeon --basis all
has "$OUT/out" 'recommended and proposed ties included, the actors within 1 hop of Daejeon Metropolitan City.}'
expect_exit 0 "$PN" partners "$T" --actor tangsel --format latex --label tab:p
has "$OUT/out" '\caption{The partners of Kota Tangerang Selatan and the rung of each relation on the formalisation ladder in the network “Kota Tangerang Selatan (Tangsel)”: reported and inferred ties only (3 recommended ties left out).}\label{tab:p}'
has "$OUT/out" '(programmes)}\label{tab:p:programmes}'
expect_exit 0 "$PN" reach "$T" --from daejeon --hops 1 --format latex
has "$OUT/out" '\caption{The actors within 1 hop of Daejeon Metropolitan City and their distance in the network'

# --- scripts pdfLaTeX cannot set ---
cp "$SRC/tests/data/tables-scripts.json" "$OUT/cjk.json"
expect_exit 0 "$PN" metrics "$OUT/cjk.json" -m degree --format latex
has "$OUT/out" '% needs XeLaTeX or LuaLaTeX: the table holds Hangul ("대전광역시"), which pdfLaTeX'
has "$OUT/out" '% \usepackage{fontspec}\setmainfont{DejaVu Serif} (Latin, Greek, Cyrillic) and'
has "$OUT/err" 'paranet metrics: warning: the table holds Hangul ("대전광역시"), which pdfLaTeX cannot set'
expect_exit 0 "$PN" metrics "$OUT/cjk.json" -m degree --format latex --standalone
has "$OUT/out" '\usepackage{fontspec}'
has "$OUT/out" '\setmainfont{DejaVu Serif}'
has "$OUT/out" '\newfontfamily\pncjk{Noto Serif CJK KR}'
has "$OUT/out" '\setTransitionsFor{HangulSyllables}{\begingroup\pncjk}{\endgroup}'
hasnt "$OUT/out" '\usepackage[utf8]{inputenc}'
expect_exit 0 "$PN" metrics "$OUT/cjk.json" -m degree --format latex --latex-engine xelatex --quiet
[ -s "$OUT/err" ] && fail "--latex-engine xelatex: a warning" || ok
expect_exit 0 "$PN" metrics "$OUT/cjk.json" -m degree --format latex --ego tokyo
has "$OUT/err" 'the table holds Han ("東京都")'
# Not a table format that TeX reads: no warning.
expect_exit 0 "$PN" metrics "$OUT/cjk.json" -m degree --format md
hasnt "$OUT/err" "pdfLaTeX"

# --- long tables: a longtable over pages ---
expect_exit 0 "$PN" metrics "$T" -m degree --format latex --basis all
hasnt "$OUT/out" 'longtable'
"$PN" generate --actors 60 --seed 1 -o "$OUT/g.json" 2>/dev/null
expect_exit 0 "$PN" metrics "$OUT/g.json" -m degree --format latex
has "$OUT/out" '\begin{longtable}{@{}rllllr@{}}'
has "$OUT/out" '\endhead'
has "$OUT/out" 'and \usepackage{longtable}'
finish
