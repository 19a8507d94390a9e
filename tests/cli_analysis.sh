#!/bin/sh
# metrics, reach, path, partners: output, formats, views, errors.
. "$(dirname "$0")/cli_lib.sh"
T="$SRC/datasets/tangsel.json"
F="$SRC/tests/data/florentine.json"

# --- metrics ---
# Published (Wasserman & Faust 1994): Medici betweenness 47.5, closeness .560
# (n = 15; the isolated Pucci does not change either), degree 6.
expect_exit 0 "$PN" metrics "$F" --metrics betweenness,closeness,degree --format csv
has "$OUT/out" "# view: all ties undirected"
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
has "$OUT/out" "View: types=g2g basis=reported,inferred no-isolates undirected."
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
has "$OUT/out" "years:      2014-2017"
has "$OUT/out" "programmes: 8"
# Waste sorting has no status and no year.
has "$OUT/out" "$(printf '%-12s %-10s %s' - - tangsel-daejeon-waste-sorting)"
expect_exit 0 "$PN" partners "$T" --actor tangsel --types g2g --basis all
has "$OUT/out" "# 8 partners of tangsel"
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
