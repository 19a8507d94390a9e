#!/bin/sh
# Every shipped dataset (datasets/*.json) exported to GraphML, GEXF and CSV
# and read by R igraph, python-igraph, NetworkX and graph-tool (GEXF:
# NetworkX): actor ids, tie count, every tie's direction, attribute types,
# R's distances() and constraint() without NaN (igraph.R, peers.py); then
# each reader's network written back (GraphML from each, GEXF from
# NetworkX; R's data frames as CSV), imported by paranet and compared with
# the dataset. Expected values come from the JSON. Checks that wait for
# another branch are in tests/peers/pending.txt. Skipped (77) when a peer
# is missing.
. "$(dirname "$0")/../cli_lib.sh"
PY=/usr/bin/python3
HERE=$SRC/tests/peers
missing=""
command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(igraph)' >/dev/null 2>&1 || missing="$missing R-igraph"
[ -x "$PY" ] || missing="$missing /usr/bin/python3"
for m in igraph networkx graph_tool pandas; do
    [ -x "$PY" ] && "$PY" -c "import $m" >/dev/null 2>&1 || missing="$missing $m"
done
if [ -n "$missing" ]; then
    echo "skipped: missing peer tools:$missing"
    exit 77
fi
W=$OUT/w
mkdir -p "$W"
names=""
for f in "$SRC"/datasets/*.json; do
    n=$(basename "$f" .json)
    names="$names $n"
    cp "$f" "$W/$n.json"
    for to in graphml gexf; do
        expect_exit 0 "$PN" convert "$f" -q -o "$W/$n.$to"
    done
    expect_exit 0 "$PN" convert "$f" -q -o "$W/$n/"
done
# shellcheck disable=SC2086
"$PY" "$HERE/peers.py" expect "$W" $names || fail "peers.py expect"
# shellcheck disable=SC2086
{
    Rscript "$HERE/igraph.R" "$W" $names 2>"$W/r.err" || echo "FAIL r-igraph/run: $(tail -n 3 "$W/r.err")"
    "$PY" "$HERE/peers.py" read "$W" $names 2>"$W/py.err" || echo "FAIL python/run: $(tail -n 3 "$W/py.err")"
} >"$W/read.txt"
# Each written-back file into paranet.
for n in $names; do
    for r in r-igraph pyigraph networkx graph-tool; do
        [ -f "$W/$n.$r.graphml" ] && "$PN" convert "$W/$n.$r.graphml" -q -o "$W/$n.$r.json" 2>"$W/$n.$r.err"
    done
    # R's data frames hold the actors and the ties; the sources and the
    # dataset's fields are paranet's own tables.
    for r in r-igraph-csv r-igraph-gml-csv; do
        [ -d "$W/$n.$r" ] && cp "$W/$n/sources.csv" "$W/$n/dataset.csv" "$W/$n.$r/" &&
            "$PN" convert "$W/$n.$r/" -q -o "$W/$n.$r.json" 2>"$W/$n.$r.err"
    done
    [ -f "$W/$n.networkx-gexf.gexf" ] &&
        "$PN" convert "$W/$n.networkx-gexf.gexf" -q -o "$W/$n.networkx-gexf.json" 2>"$W/$n.networkx-gexf.err"
done
# shellcheck disable=SC2086
"$PY" "$HERE/peers.py" back "$W" $names >>"$W/read.txt" 2>"$W/back.err" ||
    echo "FAIL back/run: $(tail -n 3 "$W/back.err")" >>"$W/read.txt"
# The verdicts, against the pending list.
pending=0
while read -r verdict name rest; do
    name=${name%:}
    wait_for=""
    while read -r pat branch; do
        case "$pat" in '#'* | '') continue ;; esac
        # shellcheck disable=SC2254
        case "$name" in $pat) wait_for=$branch && break ;; esac
    done <"$HERE/pending.txt"
    case "$verdict" in
    PASS) if [ -n "$wait_for" ]; then fail "$name passes now: remove it from tests/peers/pending.txt ($wait_for)"; else ok; fi ;;
    FAIL) if [ -n "$wait_for" ]; then pending=$((pending + 1)); echo "pending ($wait_for): $name $rest"; else fail "$name $rest"; fi ;;
    *) fail "unexpected line: $verdict $name $rest" ;;
    esac
done <"$W/read.txt"
echo "$pending checks pending on other branches (tests/peers/pending.txt)"
finish
