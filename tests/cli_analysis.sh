#!/bin/sh
# metrics, reach, path, partners: output, formats, views, errors.
. "$(dirname "$0")/cli_lib.sh"
T="$SRC/datasets/tangsel.json"
F="$SRC/tests/data/florentine.json"

# --- metrics ---
# Published (Wasserman & Faust 1994): Medici betweenness 47.5, closeness .560
# (n = 15; the isolated Pucci does not change either), degree 6.
expect_exit 0 "$PN" metrics "$F" --metrics betweenness,closeness,degree --format csv
has "$OUT/err" "# view: all ties undirected"
has "$OUT/out" "rank,id,name,kind,country,betweenness,closeness,degree"
has "$OUT/out" "1,medici,Medici,firm,IT,47.500000,0.560000,6"
# Pucci: closeness undefined (NA), sorted last.
tail -n 1 "$OUT/out" >"$OUT/last"
has "$OUT/last" "pucci,Pucci,firm,IT,0.000000,NA,0"
# Ties broken by actor id: four families with betweenness 0 before pucci, in id order.
grep -E ',0\.000000,' "$OUT/out" | cut -d, -f2 | tr '\n' ' ' >"$OUT/zeros"
has "$OUT/zeros" "acciaiuoli ginori lamberteschi pazzi pucci"
# Same input, same bytes.
"$PN" metrics "$T" --format csv >"$OUT/a" && "$PN" metrics "$T" --format csv >"$OUT/b"
if cmp -s "$OUT/a" "$OUT/b"; then ok; else fail "metrics output differs between runs"; fi
# Every format, with the view echoed.
# The default view leaves out the three ties study 001 only recommends
# (Bandung, Semarang, Seoul to Tangsel), says so on stderr and in the view;
# Semarang, left without ties, goes too. Tangsel: 26 partners - those 3.
expect_exit 0 "$PN" metrics "$T" --top 10 --format md
has "$OUT/out" "View: \`basis=reported,inferred no-isolates undirected\`"
has "$OUT/out" "| 1 | tangsel | Kota Tangerang Selatan | city | ID | 23 |"
has "$OUT/err" "note: 3 ties left out that a study only recommends or a party only proposes"
has "$OUT/err" "--basis all keeps them"
hasnt "$OUT/out" "semarang"
expect_exit 0 "$PN" metrics "$T" --top 10 --format md --basis all
has "$OUT/out" "View: \`basis=all undirected\`"
has "$OUT/out" "| 1 | tangsel | Kota Tangerang Selatan | city | ID | 26 |"
[ -s "$OUT/err" ] && fail "--basis all: a note on stderr" || ok
expect_exit 0 "$PN" metrics "$T" --top 10 --format md --quiet
[ -s "$OUT/err" ] && fail "--quiet: a note on stderr" || ok
[ "$(grep -c '^| [0-9]' "$OUT/out")" -eq 10 ] && ok || fail "--top 10 gave another count"
expect_exit 0 "$PN" metrics "$T" --top 3 --format latex --types g2g
has "$OUT/out" "\\toprule"
has "$OUT/out" "\\bottomrule"
has "$OUT/out" "% view: types=g2g basis=reported,inferred no-isolates undirected"
# The caption says what the table is in words, not the command line.
has "$OUT/out" "\\caption{Centrality, structural holes and cohesion of the 3 actors of highest degree (of 10) in the network “Kota Tangerang Selatan (Tangsel)”: g2g ties, reported and inferred ties only (1 recommended tie left out).}"
expect_exit 0 "$PN" metrics "$T" --format tsv --metrics degree --sort id --top 1
has "$OUT/out" "$(printf '1\tbandung\tKota Bandung\tcity\tID\t1')" # Seoul; not Tangsel (recommended)
expect_exit 0 "$PN" metrics "$T" --format tsv --metrics degree --sort id --top 1 --basis all
has "$OUT/out" "$(printf '1\tbandung\tKota Bandung\tcity\tID\t2')"
expect_exit 0 "$PN" metrics "$T" --format json --metrics constraint --directed --weight count
has "$OUT/out" '"view": "basis=reported,inferred no-isolates directed weight=count"'
has "$OUT/out" '"constraint": '
# Directed views add in/out degree, hub and authority.
expect_exit 0 "$PN" metrics "$T" --directed --top 1
has "$OUT/out" "in-degree"
has "$OUT/out" "authority"
# Brokerage roles with groups. Hand count: sinarmas-land brokers
# tangsel (ID) -> sinarmas-land (ID) -> the Japanese partner (JP) and back:
# one representative and one gatekeeper role by country.
expect_exit 0 "$PN" metrics "$T" --groups country --metrics coordinator,gatekeeper,representative,liaison --sort id --format csv
has "$OUT/out" "sinarmas-land,Sinar Mas Land,firm,ID,0,1,1,0"
# Network level, every basis: 29 actors and 46 ties (datasets/README.md);
# 29 pairs joined: Tangsel's 26 partners, Sinar Mas Land's Japanese partner,
# the Korean ministry - Daejeon, Bandung - Seoul. Density 29 / (29 * 28 / 2)
# = 0.071429.
expect_exit 0 "$PN" metrics "$T" --network --format csv --basis all
has "$OUT/out" "actors,29"
has "$OUT/out" "ties,46"
has "$OUT/out" "edges,29"
has "$OUT/out" "components,1"
has "$OUT/out" "density,0.071429"
# The default view: 46 - 3 recommended ties = 43; Semarang goes (28 actors);
# 26 pairs; Bandung - Seoul apart: 2 components; 26 / (28 * 27 / 2) = 0.068783.
expect_exit 0 "$PN" metrics "$T" --network --format csv
has "$OUT/out" "actors,28"
has "$OUT/out" "ties,43"
has "$OUT/out" "edges,26"
has "$OUT/out" "components,2"
has "$OUT/out" "density,0.068783"
# A filter that removes everything: an empty, valid table.
expect_exit 0 "$PN" metrics "$T" --types b2b --status failed --format csv
has "$OUT/out" "rank,id,name,kind,country,degree"
[ "$(grep -vc '^#' "$OUT/out")" -eq 1 ] && ok || fail "empty view gave rows"
expect_exit 0 "$PN" metrics "$T" --at 1990 --network --format csv
has "$OUT/out" "actors,0"
has "$OUT/out" "density,NA"
# Usage errors (exit 2).
expect_exit 2 "$PN" metrics "$T" --metrics betweness
has "$OUT/err" "did you mean 'betweenness'?"
expect_exit 2 "$PN" metrics "$T" --format xls
expect_exit 2 "$PN" metrics "$T" --groups city
expect_exit 2 "$PN" metrics "$T" --sort nosuch
expect_exit 2 "$PN" metrics
# Unknown --ego: data error (exit 1) with a suggestion.
expect_exit 1 "$PN" metrics "$T" --ego tangsl
has "$OUT/err" "did you mean 'tangsel'?"

# Names that need quoting or escaping in each format.
cat >"$OUT/odd.json" <<'JSON'
{"paranet": 1, "sources": [{"id": "s", "cite": "S"}],
 "actors": [{"id": "a", "name": "Smith, \"Jones\" & Co_1 | 100%", "kind": "firm", "country": "ID"},
            {"id": "b", "name": "B", "kind": "firm", "country": "ID"}],
 "ties": [{"from": "a", "to": "b", "type": "b2b", "sources": ["s"]}]}
JSON
expect_exit 0 "$PN" metrics "$OUT/odd.json" --metrics degree --format csv
has "$OUT/out" '1,a,"Smith, ""Jones"" & Co_1 | 100%",firm,ID,1'
expect_exit 0 "$PN" metrics "$OUT/odd.json" --metrics degree --format latex
has "$OUT/out" 'Smith, "Jones" \& Co\_1 | 100\%'
expect_exit 0 "$PN" metrics "$OUT/odd.json" --metrics degree --format md
has "$OUT/out" 'Smith, "Jones" & Co_1 \| 100%'
expect_exit 0 "$PN" metrics "$OUT/odd.json" --metrics degree --format json
has "$OUT/out" '"name": "Smith, \"Jones\" & Co_1 | 100%"'

# --- reach ---
expect_exit 0 "$PN" reach "$T" --from daejeon
has "$OUT/out" "# view: basis=reported,inferred no-isolates undirected"
has "$OUT/out" "# 25 actors reachable from daejeon" # not Bandung, Seoul (nor Semarang)
expect_exit 0 "$PN" reach "$T" --from daejeon --basis all
has "$OUT/out" "# 28 actors reachable from daejeon"
has "$OUT/out" "$(printf 'distance\tid\tname\tvia\n')"
has "$OUT/out" "$(printf '3\tsinarmas-land-jp-partner\tUnnamed Japanese partner of Sinar Mas Land\tsinarmas-land\n')"
has "$OUT/out" "$(printf '1\ttangsel\tKota Tangerang Selatan\tdaejeon\n')"
hasnt "$OUT/out" "daejeon > tangsel"
expect_exit 0 "$PN" reach "$T" --from daejeon --paths
has "$OUT/out" "$(printf 'distance\tid\tname\tvia\tpath\n')"
has "$OUT/out" "$(printf '\tsinarmas-land\tdaejeon > tangsel > sinarmas-land > sinarmas-land-jp-partner\n')"
expect_exit 0 "$PN" reach "$T" --from daejeon --hops 3 --explain
has "$OUT/out" "    hop 3: sinarmas-land (Sinar Mas Land) -> sinarmas-land-jp-partner"
# One hop from Daejeon: Tangsel and the Korean research ministry.
expect_exit 0 "$PN" reach "$T" --from daejeon --hops 1 --explain
has "$OUT/out" "# 2 actors reachable from daejeon"
has "$OUT/out" "tangsel-daejeon-mou-friendship: g2g mou 2016 active (tangsel -- daejeon)"
has "$OUT/out" "source: hafiez2022, Bab VI Kesimpulan"
has "$OUT/out" "Sources cited above:"
# Directed: Kemenlu's one tie is a regulation pointing at Tangsel, so
# Tangsel does not reach Kemenlu, and Kemenlu reaches Tangsel.
expect_exit 0 "$PN" reach "$T" --from tangsel --directed
hasnt "$OUT/out" "$(printf '\tkemenlu\t')"
expect_exit 0 "$PN" reach "$T" --from kemenlu --directed --hops 1 --paths
has "$OUT/out" "kemenlu > tangsel"
# Filtered out: an empty answer.
expect_exit 0 "$PN" reach "$T" --from daejeon --types b2b
has "$OUT/out" "is not in this view"
expect_exit 1 "$PN" reach "$T" --from daejon
has "$OUT/err" "no actor 'daejon' (did you mean 'daejeon'?)"
expect_exit 2 "$PN" reach "$T"
has "$OUT/err" "--from ID is required"

# --- path ---
expect_exit 0 "$PN" path "$T" --from kemenlu --to wte-investors --explain
has "$OUT/out" "kemenlu > tangsel > wte-investors"
has "$OUT/out" "wte-investors-tangsel-waste-to-energy: g2b investment active (wte-investors -> tangsel)"
has "$OUT/out" "source: luhukay2025, Pembahasan, point 3"
# Florentine, by hand: Medici -> Peruzzi has two shortest paths of 3 hops,
# via Barbadori and Castellani or via Ridolfi and Strozzi; --all lists both
# in id order, without --all the first.
expect_exit 0 "$PN" path "$F" --from medici --to peruzzi --all
has "$OUT/out" "# 2 shortest paths of 3 hops"
head -n 5 "$OUT/out" | tail -n 2 >"$OUT/two"
has "$OUT/two" "medici > barbadori > castellani > peruzzi"
has "$OUT/two" "medici > ridolfi > strozzi > peruzzi"
expect_exit 0 "$PN" path "$F" --from medici --to peruzzi
has "$OUT/out" "(others of the same length: --all)"
hasnt "$OUT/out" "ridolfi"
expect_exit 0 "$PN" path "$F" --from medici --to pucci
has "$OUT/out" "# no path from medici to pucci in this view"
expect_exit 1 "$PN" path "$F" --from medici --to pucchi
has "$OUT/err" "did you mean 'pucci'?"

# --- partners ---
expect_exit 0 "$PN" partners "$T" --actor tangsel --types g2g
has "$OUT/out" "# view: types=g2g basis=reported,inferred no-isolates undirected"
# datasets/README.md: 7 foreign partners reported (Daejeon, Miri, Kathmandu,
# Frankfurt, Timrå, the unnamed cities of Japan and of China), and Seoul,
# which study 001 only recommends (left out by default). The sister-city
# upgrade is planned, not stalled, so nothing blocks the ladder and the
# signed 2016 R&D agreement is the highest rung reached.
has "$OUT/out" "# 7 partners of tangsel"
has "$OUT/out" "rung:       5 agreement (tangsel-daejeon-rnd-agreement: agreement 2016 signed)"
hasnt "$OUT/out" "blocked at:"
hasnt "$OUT/out" "beyond:"
has "$OUT/out" "; 4 sister-city planned; "
# The MoU (2016 active) and the R&D agreement (2016 signed) are standing
# rungs without until: the years run to the present; the last dated year
# (the 2017 youth exchange) stays in the tables.
has "$OUT/out" "years:      2014-present (still in force: agreement 2016 signed)"
has "$OUT/out" "programmes: 8"
# Waste sorting has no status and no year.
has "$OUT/out" "$(printf '%-12s %-10s %s' - - tangsel-daejeon-waste-sorting)"
expect_exit 0 "$PN" partners "$T" --actor tangsel --types g2g --basis all
has "$OUT/out" "# 8 partners of tangsel"
# Seoul's tie is the one study 001 only recommends: marked.
block() { awk -v id="$1" '$1 == id { p = 1 } p && /^$/ { exit } p' "$OUT/out" >"$OUT/block"; }
block seoul
has "$OUT/block" "ties:       1 (not reported: 1 recommended)"
# The whole view (datasets/README.md): the ladder only for foreign g2g
# relations. Daejeon, then the six foreign cities without a ladder
# instrument (rung 0, 1 tie, by id); then the 16 others, by ties (DKI
# Jakarta 3, the WTA 2, then 1 each by id): the four universities of the R&D
# agreement are academic ties, without a rung; the ministries are Indonesian.
expect_exit 0 "$PN" partners "$T" --actor tangsel
has "$OUT/out" "# 23 partners of tangsel (Kota Tangerang Selatan): 7 on the ladder (foreign g2g), 16 not"
awk 'prev == "" && NF { printf "%s ", $1 } { prev = $0 }' "$OUT/out" >"$OUT/heads"
has "$OUT/heads" "# daejeon frankfurt kathmandu miri timra unnamed-cities-cn unnamed-cities-jp dki-jakarta wta banyumas ipb itb iti kemendagri kemendikbudristek kemenko-pmk kemenlu kemenpan-rb kemenristekdikti puspiptek sinarmas-land uin wte-investors "
[ "$(grep -c '^  rung:       5' "$OUT/out")" -eq 1 ] && ok || fail "partners: another rung 5 than Daejeon's"
[ "$(grep -c '^  rung:' "$OUT/out")" -eq 7 ] && ok || fail "partners: rungs off the ladder"
block ipb
has "$OUT/block" "relation:   academic (not on the ladder: the partner is not a government)"
hasnt "$OUT/block" "rung:"
block kemenko-pmk
has "$OUT/block" "relation:   vertical (not on the ladder: both in ID)"
block wta
has "$OUT/block" "relation:   membership (not on the ladder: the partner is not a government)"
# One Indonesian foreign policy is the coder's inference: marked.
block kemenlu
has "$OUT/block" "ties:       1 (not reported: 1 inferred)"
expect_exit 0 "$PN" partners "$T" --actor tangsel --format csv
has "$OUT/out" "daejeon,Daejeon Metropolitan City,city,KR,2014,2017,true,15,0,g2g,,5,agreement,tangsel-daejeon-rnd-agreement,agreement 2016 signed,0,,,0,,,"
has "$OUT/out" "ipb,Institut Pertanian Bogor,university,ID,2016,2016,false,1,0,academic,not a government,NA,,,,NA,,,NA,,,,0"
has "$OUT/out" "frankfurt,Stadt Frankfurt am Main,city,DE,NA,NA,false,1,0,g2g,,0,,,,0,,,0,,,,0"
# By hand in 2016 (g2g): the MoU (2016 active) and the R&D agreement (2016
# signed) in force; the visits (2014) and the LoI (2015), events, not in
# force then but taken; the sister-city upgrade planned and undated. Every
# one is on the ladder, marked: rung 5, nothing blocks, as in the whole
# dataset; the years from 2014, and the agreement still in force.
expect_exit 0 "$PN" partners "$T" --actor tangsel --at 2016 --types g2g --explain
has "$OUT/out" "# 1 partner of tangsel"
has "$OUT/out" "# ladder in 2016: the rungs of every year up to 2016 count, marked (undated) without a year and (not in force in 2016) when dated but not in force then"
has "$OUT/out" "rung:       5 agreement (tangsel-daejeon-rnd-agreement: agreement 2016 signed)"
has "$OUT/out" "ladder:     1 visit 2014 implemented (not in force in 2016); 2 loi 2015 signed (not in force in 2016); 3 mou 2016 active; 4 sister-city planned (undated); 5 agreement 2016 signed"
has "$OUT/out" "years:      2014-present (still in force: agreement 2016 signed)"
has "$OUT/out" "ties:       2"
hasnt "$OUT/out" "blocked at:"
has "$OUT/out" "  ladder ties outside the view (2016):"
has "$OUT/out" "    tangsel-daejeon-mou-sister-city: "
# 2014-2015: the MoU and the agreement come later; the LoI is the rung.
expect_exit 0 "$PN" partners "$T" --actor tangsel --between 2014 2015 --types g2g
has "$OUT/out" "rung:       2 loi (tangsel-daejeon-loi-1: loi 2015 signed)"
has "$OUT/out" "ladder:     1 visit 2014 implemented; 2 loi 2015 signed; 4 sister-city planned (undated)"
has "$OUT/out" "years:      2014-2015"
# Were the upgrade stalled (it is planned), it would block at 4 with or
# without --at: an undated rung does not drop out of the reading.
sed '/"id": "tangsel-daejeon-mou-sister-city"/,/"status"/s/"planned"/"stalled"/' "$T" >"$OUT/stalled.json"
for at in "" "--at 2016"; do
    # shellcheck disable=SC2086
    expect_exit 0 "$PN" partners "$OUT/stalled.json" --actor tangsel --types g2g $at
    has "$OUT/out" "rung:       3 mou (tangsel-daejeon-mou-friendship: mou 2016 active)"
    has "$OUT/out" "blocked at: 4 (tangsel-daejeon-mou-sister-city: sister-city stalled${at:+ (undated)})"
    has "$OUT/out" "beyond:     5 reached above the block (tangsel-daejeon-rnd-agreement: agreement 2016 signed)"
done
# A sister city a study only recommends and an exchange a party proposes
# (KR), and a g2g MoU inside Indonesia (no rung; validate warns of the type).
cat >"$OUT/ladder.json" <<'JSON'
{"paranet": 1, "sources": [{"id": "s", "cite": "S"}],
 "actors": [{"id": "x", "name": "Kota X", "kind": "city", "country": "ID"},
            {"id": "y", "name": "Y City", "kind": "city", "country": "KR"},
            {"id": "z", "name": "Kabupaten Z", "kind": "regency", "country": "ID"}],
 "ties": [{"id": "x-y-sister", "from": "x", "to": "y", "type": "g2g", "instrument": "sister-city", "since": 2016, "basis": "recommended", "sources": ["s"]},
          {"id": "x-y-exchange", "from": "x", "to": "y", "type": "g2g", "instrument": "programme", "since": 2017, "status": "planned", "basis": "proposed", "sources": ["s"]},
          {"id": "x-z-mou", "from": "x", "to": "z", "type": "g2g", "instrument": "mou", "since": 2015, "status": "active", "sources": ["s"]}]}
JSON
expect_exit 0 "$PN" partners "$OUT/ladder.json" --actor x
has "$OUT/out" "# 1 partner of x (Kota X): 0 on the ladder (foreign g2g), 1 not"
has "$OUT/out" "relation:   g2g (not on the ladder: both in ID)"
hasnt "$OUT/out" "rung:"
hasnt "$OUT/out" "present"
expect_exit 0 "$PN" partners "$OUT/ladder.json" --actor x --basis all
block y
has "$OUT/block" "ties:       2 (not reported: 1 recommended, 1 proposed)"
has "$OUT/block" "rung:       4 sister-city (x-y-sister: sister-city 2016 [recommended])"
has "$OUT/block" "ladder:     4 sister-city 2016 [recommended]"
has "$OUT/block" "$(printf '    %-12s %-10s %s' planned 2017 'x-y-exchange [proposed]')"
expect_exit 0 "$PN" partners "$OUT/ladder.json" --actor x --basis all --format csv
has "$OUT/out" "y,Y City,city,KR,2016,2017,true,2,2,g2g,,4,sister-city,x-y-sister,sister-city 2016 [recommended],0,,,0,,,4 sister-city 2016 [recommended],1"
has "$OUT/out" "z,Kabupaten Z,regency,ID,2015,2015,false,1,0,g2g,same country,NA,"
expect_exit 0 "$PN" partners "$OUT/ladder.json" --actor x --basis all --format csv --table programmes
has "$OUT/out" "y,x-y-exchange,planned,2017,proposed"
expect_exit 0 "$PN" partners "$SRC/datasets/bandung.json" --actor bandung --explain
has "$OUT/out" "rung:       4 sister-city (bandung-petaling-jaya-sister-city: sister-city 2015-2023 active)"
has "$OUT/out" "Sources cited above:"
expect_exit 0 "$PN" partners "$T" --actor tangsel --types b2b
has "$OUT/out" "is not in this view: no partners"
expect_exit 1 "$PN" partners "$T" --actor Tangerang
has "$OUT/err" "no actor 'Tangerang' (did you mean 'tangsel'?)"
expect_exit 2 "$PN" partners "$T"

# --- deep graphs: a chain of N actors a0 - a1 - ... (N = 100,000; 2,000
# under valgrind). Every walk is iterative: path and reach run on a 1 MB
# stack; reach prints one row per actor, not the path on every row.
chain_n=100000
[ -n "${PN_UNDER_VALGRIND:-}" ] && chain_n=2000
awk -v n=$chain_n 'BEGIN {
    printf "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}],\n\"actors\": [\n"
    for (i = 0; i < n; i++)
        printf "%s{\"id\": \"a%d\", \"name\": \"A %d\", \"kind\": \"city\", \"country\": \"%s\"}\n", (i ? "," : ""), i, i, (i % 2 ? "KR" : "ID")
    printf "],\n\"ties\": [\n"
    for (i = 1; i < n; i++)
        printf "%s{\"from\": \"a%d\", \"to\": \"a%d\", \"type\": \"g2g\", \"sources\": [\"s\"]}\n", (i > 1 ? "," : ""), i - 1, i
    printf "]}\n" }' >"$OUT/chain.json"
last=$((chain_n - 1))
expect_exit 0 sh -c "ulimit -s 1024; exec \"$PN\" path \"$OUT/chain.json\" --from a0 --to a$last"
has "$OUT/out" "# shortest path: $last hops"
has "$OUT/out" "a$((last - 1)) > a$last"
expect_exit 0 sh -c "ulimit -s 1024; exec \"$PN\" path \"$OUT/chain.json\" --from a$last --to a0 --all"
has "$OUT/out" "a1 > a0"
expect_exit 0 sh -c "ulimit -s 1024; exec \"$PN\" reach \"$OUT/chain.json\" --from a0"
has "$OUT/out" "# $last actors reachable from a0"
has "$OUT/out" "$(printf '%s\ta%s\tA %s\ta%s' $last $last $last $((last - 1)))"
hasnt "$OUT/out" " > "
[ "$(wc -l <"$OUT/out")" -eq $((last + 4)) ] && ok || fail "reach on a chain: $(wc -l <"$OUT/out") lines"
[ "$(wc -c <"$OUT/out")" -lt $((chain_n * 40)) ] && ok || fail "reach on a chain: $(wc -c <"$OUT/out") bytes"

# --- a star of 2,000 leaves: constraint and effective size by hand (hub
# 1/k and k, leaves 1); over --max-work refused with the estimate.
awk 'BEGIN {
    printf "{\"paranet\": 1, \"sources\": [{\"id\": \"s\", \"cite\": \"S\"}],\n\"actors\": [\n"
    printf "{\"id\": \"h\", \"name\": \"Hub\", \"kind\": \"city\", \"country\": \"ID\"}\n"
    for (i = 1; i <= 2000; i++) printf ",{\"id\": \"l%d\", \"name\": \"L\", \"kind\": \"city\", \"country\": \"KR\"}\n", i
    printf "],\n\"ties\": [\n"
    for (i = 1; i <= 2000; i++) printf "%s{\"from\": \"h\", \"to\": \"l%d\", \"type\": \"g2g\", \"sources\": [\"s\"]}\n", (i > 1 ? "," : ""), i
    printf "]}\n" }' >"$OUT/star.json"
expect_exit 0 "$PN" metrics "$OUT/star.json" -m constraint,effective-size --sort effective-size --top 2 --format csv
has "$OUT/out" "1,h,Hub,city,ID,0.000500,2000.000000"
has "$OUT/out" "2,l1,L,city,KR,1.000000,1.000000"
expect_exit 1 "$PN" metrics "$OUT/star.json" -m brokerage --max-work 100000
has "$OUT/err" "error: brokerage: about 4e+06 steps on this graph, over the limit of 1e+05 (raise it with --max-work"
expect_exit 0 "$PN" metrics "$OUT/star.json" -m brokerage --max-work none --top 1 --format csv
has "$OUT/out" "1,h,Hub,city,ID,3998000"
expect_exit 2 "$PN" metrics "$OUT/star.json" --max-work lots
has "$OUT/err" "--max-work needs a number of steps"

finish
