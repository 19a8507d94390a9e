#!/bin/sh
# Tables a researcher can quote (issue 13, point 4): the ties column beside
# degree, ranks shared by equal values, and the note on a view that is
# largely one actor's ego network. Expected values are counted by hand from
# the datasets (the comments say how), never pasted from the tool.
. "$(dirname "$0")/cli_lib.sh"
T="$SRC/datasets/tangsel.json"
B="$SRC/datasets/bandung.json"
F="$SRC/tests/data/florentine.json"

# --- the ties column ---
# datasets/tangsel.json: 15 ties between tangsel and daejeon (visits, LoI,
# the friendship MoU, the R&D agreement, the sister-city MoU, the two
# student exchanges and the 2017 youth exchange, the innovation forum,
# smart city, creative economy, urban agriculture, waste sorting, the two
# adoptions) and the Korean ministry's science park tie: 16, none only
# recommended. They merge into 2 edges: degree 2. Tangsel: 43 ties in the
# default view (46 - 3 recommended), all but 3 at tangsel (ministry -
# daejeon, sinarmas-land - its Japanese partner, bandung - seoul): 40.
expect_exit 0 "$PN" metrics "$T" --format csv
has "$OUT/out" "rank,id,name,kind,country,degree,ties,betweenness,"
has "$OUT/out" "1,tangsel,Kota Tangerang Selatan,city,ID,23,40,"
has "$OUT/out" "2,daejeon,Daejeon Metropolitan City,city,KR,2,16,"
# DKI Jakarta: three ties with Tangsel (emission reduction, the charging
# stations, public transport), one partner.
has "$OUT/out" "4,dki-jakarta,Provinsi DKI Jakarta,province,ID,1,3,"
# -m ties and --sort ties; the recommended ties count with --basis all
# (tangsel 43 of 46; daejeon has none).
expect_exit 0 "$PN" metrics "$T" -m ties --sort ties --top 2 --format csv --basis all
has "$OUT/out" "rank,id,name,kind,country,ties"
has "$OUT/out" "1,tangsel,Kota Tangerang Selatan,city,ID,43"
has "$OUT/out" "2,daejeon,Daejeon Metropolitan City,city,KR,16"
# Directed: an undirected tie is two arcs, still one tie; ties right after
# degree, before in-degree and out-degree.
expect_exit 0 "$PN" metrics "$T" --directed --format csv
has "$OUT/out" "rank,id,name,kind,country,degree,ties,in-degree,out-degree,"
grep '^[0-9]*,daejeon,' "$OUT/out" | cut -d, -f7 >"$OUT/dj"
[ "$(cat "$OUT/dj")" = 16 ] && ok || fail "directed: daejeon ties $(cat "$OUT/dj"), wanted 16"
# Florentine: one tie per pair, so ties = degree (Medici 6).
expect_exit 0 "$PN" metrics "$F" -m degree,ties --format csv
has "$OUT/out" "1,medici,Medici,firm,IT,6,6"
"$PN" help metrics >"$OUT/help"
has "$OUT/help" "degree ties in-degree"

# --- shared ranks: standard competition ranking ---
# Florentine degrees by hand from the 20 ties: Medici 6; Guadagni and
# Strozzi 4; Albizzi, Bischeri, Castellani, Peruzzi, Ridolfi, Tornabuoni 3;
# Barbadori, Salviati 2; Acciaiuoli, Ginori, Lamberteschi, Pazzi 1; Pucci 0.
expect_exit 0 "$PN" metrics "$F" -m degree --format csv
cut -d, -f1,2 "$OUT/out" | grep -v '^#' | tr '\n' ' ' >"$OUT/ranks"
has "$OUT/ranks" "rank,id 1,medici 2,guadagni 2,strozzi 4,albizzi 4,bischeri 4,castellani 4,peruzzi 4,ridolfi 4,tornabuoni 10,barbadori 10,salviati 12,acciaiuoli 12,ginori 12,lamberteschi 12,pazzi 16,pucci "
# Betweenness: the four families with one tie and the isolated Pucci lie on
# no shortest path (0); the eleven others have distinct values (Medici 47.5,
# Wasserman & Faust 1994; ... Peruzzi 2): ranks 1 to 11, then 12 five times.
expect_exit 0 "$PN" metrics "$F" -m betweenness --format tsv
grep -c "$(printf '^12\t')" "$OUT/out" >"$OUT/n12"
[ "$(cat "$OUT/n12")" = 5 ] && ok || fail "betweenness: $(cat "$OUT/n12") rows of rank 12, wanted 5"
has "$OUT/out" "$(printf '11\tperuzzi\tPeruzzi\tfirm\tIT\t2.000000')"
has "$OUT/out" "$(printf '12\tpucci\tPucci\tfirm\tIT\t0.000000')"
hasnt "$OUT/out" "$(printf '16\t')"
# Every format: JSON numbers, text, Markdown, LaTeX.
expect_exit 0 "$PN" metrics "$F" -m degree --top 3 --format json
has "$OUT/out" '{"rank": 2, "id": "guadagni"'
has "$OUT/out" '{"rank": 2, "id": "strozzi"'
expect_exit 0 "$PN" metrics "$F" -m degree --top 3
grep -c '^   2  ' "$OUT/out" >"$OUT/n2"
[ "$(cat "$OUT/n2")" = 2 ] && ok || fail "text: $(cat "$OUT/n2") rows of rank 2, wanted 2"
expect_exit 0 "$PN" metrics "$F" -m degree --top 3 --format md
has "$OUT/out" "| 2 | strozzi | Strozzi | firm | IT | 4 |"
expect_exit 0 "$PN" metrics "$F" -m degree --top 3 --format latex
has "$OUT/out" "2 & strozzi & Strozzi & firm & IT & 4 \\\\"
# The sort metric need not be shown: ranks follow it.
expect_exit 0 "$PN" metrics "$F" -m betweenness --sort degree --top 3 --format csv
has "$OUT/out" "2,strozzi,Strozzi,firm,IT,9.333333"
# --sort id and name: the rank is the position (16 families, 16 ranks).
expect_exit 0 "$PN" metrics "$F" -m degree --sort id --format csv
has "$OUT/out" "1,acciaiuoli,Acciaiuoli,firm,IT,1"
has "$OUT/out" "2,albizzi,Albizzi,firm,IT,3"
has "$OUT/out" "16,tornabuoni,Tornabuoni,firm,IT,3"
expect_exit 0 "$PN" metrics "$F" -m degree --sort name --format csv
has "$OUT/out" "12,pucci,Pucci,firm,IT,0"
# Tangsel by betweenness: 298 (Tangsel); 24 for Daejeon and Sinar Mas Land
# (each is the only way of its one other partner, the Korean ministry or the
# Japanese partner, to the 24 other actors of the main component); 0 for
# every other actor (one partner each, or the Bandung - Seoul pair): rank 4.
expect_exit 0 "$PN" metrics "$T" -m betweenness --format csv
cut -d, -f1 "$OUT/out" | grep -v '^#' | sort -n | uniq -c | awk '{print $2 "x" $1}' | tr '\n' ' ' >"$OUT/ranks"
has "$OUT/ranks" "rankx1 1x1 2x2 4x25 "

# --- the ego-network note ---
# Tangsel: 40 of the 43 ties touch tangsel (above): 93%, over 80%.
note="40 of the 43 ties (93%) touch tangsel (Kota Tangerang Selatan): the view is largely its ego network"
expect_exit 0 "$PN" metrics "$T" --top 10
has "$OUT/out" "# note: $note"
has "$OUT/out" "so its centrality and brokerage are high by construction, not a finding"
expect_exit 0 "$PN" metrics "$T" --top 10 --format json
has "$OUT/out" '"notes": ['
has "$OUT/out" "\"note: $note"
# csv: a plain table, the note on stderr; --comments puts it first on
# stdout, even with --quiet (it is part of the answer, not progress).
expect_exit 0 "$PN" metrics "$T" --format csv
has "$OUT/err" "# note: $note"
hasnt "$OUT/out" "# note"
expect_exit 0 "$PN" metrics "$T" --format csv --quiet --comments
has "$OUT/out" "# note: $note"
expect_exit 0 "$PN" metrics "$T" --format csv --quiet
hasnt "$OUT/out" "# note"
hasnt "$OUT/err" "# note"
expect_exit 0 "$PN" metrics "$T" --format md
has "$OUT/out" "note: $note"
expect_exit 0 "$PN" metrics "$T" --network --format csv --comments
has "$OUT/out" "# note: $note"
# info: the whole file by default (46 ties, 3 of them not at tangsel): 43.
all="43 of the 46 ties (93%) touch tangsel (Kota Tangerang Selatan)"
expect_exit 0 "$PN" info "$T"
has "$OUT/out" "  note:    $all"
expect_exit 0 "$PN" info "$T" --format json
has "$OUT/out" "\"note: $all"
expect_exit 0 "$PN" info "$T" --format csv
has "$OUT/err" "# note: $all"
expect_exit 0 "$PN" info "$T" --basis reported,inferred
has "$OUT/out" "  note:    $note"
# Florentine: the Medici touch 6 of 20 ties (30%): no note.
expect_exit 0 "$PN" metrics "$F"
hasnt "$OUT/out" "note"
expect_exit 0 "$PN" metrics "$F" --format json
hasnt "$OUT/out" '"notes"'
expect_exit 0 "$PN" info "$F"
hasnt "$OUT/out" "note"
expect_exit 0 "$PN" info "$F" --format json
hasnt "$OUT/out" '"notes"'
# Bandung: all 7 ties of bandung.json touch bandung (Seoul 2, Petaling Jaya
# 5), which has 2 partners: the file is Bandung's ego network, and says so.
expect_exit 0 "$PN" metrics "$B"
has "$OUT/out" "# note: all 7 ties touch bandung (Kota Bandung): the view is largely its ego network"
expect_exit 0 "$PN" info "$B" --format json
has "$OUT/out" '"note: all 7 ties touch bandung (Kota Bandung)'
# Tangsel and Bandung merged: the default view has 43 + 7 = 50 ties (no tie
# is in both files), 40 at tangsel: exactly 80%, not over: no note. With
# --basis all, 43 of 53 (81%): the note.
"$PN" merge "$T" "$B" -o "$OUT/tb.json" -q 2>/dev/null || fail "merge"
expect_exit 0 "$PN" metrics "$OUT/tb.json" -m ties --format json
hasnt "$OUT/out" '"notes"'
expect_exit 0 "$PN" metrics "$OUT/tb.json" -m ties --basis all
has "$OUT/out" "# note: 43 of the 53 ties (81%) touch tangsel"
# One pair, however many ties: no ego network.
cat >"$OUT/pair.json" <<'JSON'
{"paranet": 1, "sources": [{"id": "s", "cite": "S"}],
 "actors": [{"id": "a", "name": "A", "kind": "city", "country": "ID"},
            {"id": "b", "name": "B", "kind": "city", "country": "KR"},
            {"id": "c", "name": "C", "kind": "city", "country": "JP"}],
 "ties": [{"from": "a", "to": "b", "type": "g2g", "sources": [{"ref": "s"}]},
          {"from": "a", "to": "b", "type": "g2g", "sources": [{"ref": "s"}]}]}
JSON
expect_exit 0 "$PN" metrics "$OUT/pair.json" --format json
hasnt "$OUT/out" '"notes"'
has "$OUT/out" '"ties": 2'
finish
