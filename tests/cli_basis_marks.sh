#!/bin/sh
# Ties no study reports are marked wherever they are shown: path/reach/
# partners --explain name the basis in the text ("[recommended]") and in the
# evidence's basis column in every format; render draws them dotted in their
# own ink with a "?" and a Basis legend entry, only when it draws one.
. "$(dirname "$0")/cli_lib.sh"
T=$SRC/datasets/tangsel.json
M=$OUT/merged.json
expect_exit 0 "$PN" merge "$T" "$SRC/datasets/bandung.json" -o "$M"

# Petaling Jaya reaches Tangsel only through study 001's advice that Tangsel
# consult Bandung (bandung-tangsel-recommended, two citations): with the
# default view there is no path.
expect_exit 0 "$PN" path "$M" --from petaling-jaya --to tangsel --explain
has "$OUT/out" "# no path from petaling-jaya to tangsel in this view"
has "$OUT/err" "3 ties left out"
expect_exit 0 "$PN" reach "$M" --from petaling-jaya --explain
hasnt "$OUT/out" "tangsel"

# --basis all: petaling-jaya > bandung > tangsel, hop 1 the five reported
# Bandung-Petaling Jaya ties (one citation each), hop 2 the recommended one.
for cmd in path reach; do
    if [ $cmd = path ]; then
        args="path $M --from petaling-jaya --to tangsel --explain --basis all"
    else
        args="reach $M --from petaling-jaya --hops 2 --explain --basis all"
    fi
    # shellcheck disable=SC2086
    expect_exit 0 "$PN" $args
    has "$OUT/out" "        bandung-tangsel-recommended: horizontal [recommended] (bandung -- tangsel)"
    has "$OUT/out" "        bandung-petaling-jaya-sister-city: g2g sister-city 2015-2023 active (bandung -- petaling-jaya)"
    hasnt "$OUT/out" "[reported]"
    for f in csv tsv json md latex; do
        case $f in
        csv | tsv) table="--table evidence" ;; # one plain table each
        *) table= ;;
        esac
        # shellcheck disable=SC2086
        expect_exit 0 "$PN" $args -f $f $table
        cp "$OUT/out" "$OUT/$cmd.$f"
    done
    has "$OUT/$cmd.csv" "tie,type,instrument,years,status,basis,tie_from,tie_to,directed,source,page"
    has "$OUT/$cmd.csv" ",bandung,tangsel,bandung-tangsel-recommended,horizontal,,,,recommended,bandung,tangsel,false,hafiez2022,"
    has "$OUT/$cmd.csv" ",bandung-petaling-jaya-sister-city,g2g,sister-city,2015-2023,active,reported,bandung,petaling-jaya,false,"
    [ "$(grep -c ',recommended,' "$OUT/$cmd.csv")" = 2 ] && ok || fail "$cmd csv: not 2 recommended rows"
    has "$OUT/$cmd.tsv" "$(printf 'status\tbasis\ttie_from')"
    has "$OUT/$cmd.tsv" "$(printf 'horizontal\t\t\t\trecommended\tbandung\ttangsel')"
    has "$OUT/$cmd.md" "| status | basis | tie_from |"
    has "$OUT/$cmd.md" "| bandung-tangsel-recommended | horizontal |  |  |  | recommended | bandung |"
    has "$OUT/$cmd.latex" "status & basis & tie\\_from"
    has "$OUT/$cmd.latex" "bandung-tangsel-recommended & horizontal &  &  &  & recommended & bandung"
    python3 - "$OUT/$cmd.json" <<'EOF' && ok || fail "$cmd json: basis column"
import json, sys
ev = json.load(open(sys.argv[1]))["evidence"]
want = {"bandung-tangsel-recommended": "recommended"}
got = {}
for row in ev:
    if row["hop"] in (1, 2) and row["to"] in ("bandung", "tangsel"):
        got.setdefault(row["tie"], set()).add(row["basis"])
rec = got.pop("bandung-tangsel-recommended", None)
if rec != {"recommended"} or not got or any(v != {"reported"} for v in got.values()):
    sys.exit(f"basis cells: recommended {rec}, others {got}")
EOF
done
# path: 7 evidence rows (5 reported ties, the recommended one cited twice).
[ "$(grep -c '^1,[12],[a-z-]*,[a-z-]*,' "$OUT/path.csv")" = 7 ] && ok || fail "path csv: not 7 evidence rows"

# The inferred tie is in the default view, and says so.
expect_exit 0 "$PN" path "$T" --from kemenlu --to tangsel --explain
has "$OUT/out" "kemenlu-tangsel-one-foreign-policy: vertical regulation [inferred] (kemenlu -> tangsel)"
expect_exit 0 "$PN" path "$T" --from kemenlu --to tangsel --explain -f csv --table evidence
has "$OUT/out" ",kemenlu-tangsel-one-foreign-policy,vertical,regulation,,,inferred,kemenlu,tangsel,true,"

# partners --explain shares the evidence: Tangsel's tie to Bandung.
expect_exit 0 "$PN" partners "$T" --actor tangsel --explain --basis all
has "$OUT/out" "bandung-tangsel-recommended: horizontal [recommended] (bandung -- tangsel)"
expect_exit 0 "$PN" partners "$T" --actor tangsel --explain --basis all -f csv --table evidence
has "$OUT/out" ",bandung-tangsel-recommended,horizontal,,,,recommended,bandung,tangsel,"

# render: the three recommended ties (to Bandung, Semarang, Seoul) dotted,
# thin, in #AA3377 with a "?"; the legend's Basis entry only then.
expect_exit 0 "$PN" render "$T" -T dot -o "$OUT/default.dot"
hasnt "$OUT/default.dot" "#AA3377"
hasnt "$OUT/default.dot" "<B>Basis</B>"
expect_exit 0 "$PN" render "$T" --basis all -T dot -o "$OUT/all.dot"
has "$OUT/all.dot" "<B>Basis</B>"
has "$OUT/all.dot" '<TD ALIGN="LEFT">recommended</TD>'
python3 - "$OUT/all.dot" <<'EOF' && ok || fail "render --basis all: the edges' attributes"
import re, sys
dot = open(sys.argv[1]).read()
# Edge statements: "a -> b [attrs];" (attrs may span lines).
edges = {}
for m in re.finditer(r'^\t(\S+) -> (\S+)\t\[(.*?)\];$', dot, re.S | re.M):
    a, b, attrs = m.groups()
    edges.setdefault(frozenset((a, b)), []).append(attrs)
def one(a, b):
    e = edges.get(frozenset((a, b)), [])
    if len(e) != 1:
        sys.exit(f"{a}-{b}: {len(e)} edges")
    return e[0]
for b, colour in (("bandung", '"#AA3377"'), ("semarang", '"#AA3377"'),
                  ("seoul", '"#AA3377:invis:#AA3377"')):
    e = one("tangsel", b)
    for want in ("color=" + colour, "style=dotted", "penwidth=1.0", "<B>?</B>"):
        if want not in e:
            sys.exit(f"tangsel-{b} lacks {want}: {e}")
# A reported g2g tie of no status (Frankfurt): solid, the ink, no "?".
e = one("tangsel", "frankfurt")
if "style=solid" not in e or '"#333333:invis:#333333"' not in e or "?" in e:
    sys.exit(f"tangsel-frankfurt: {e}")
EOF
expect_exit 0 "$PN" render "$T" --basis all --theme paper -T dot -o "$OUT/paper.dot"
has "$OUT/paper.dot" '<FONT COLOR="#808080" POINT-SIZE="12"><B>?</B></FONT>'
hasnt "$OUT/paper.dot" "#AA3377"
finish
