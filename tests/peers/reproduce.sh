#!/bin/sh
# The recipes of docs/reproduce.md, run as they are written: each fenced
# block marked reproduce-NAME is extracted and run on the analysed export of
# tangsel, bandung and twintowns-de (as the page's reproduce-export blocks
# write it: the default view, weighted, directed), and every value is checked against paranet metrics -f csv to
# 1e-6 (tests/peers/compare.py). R igraph on all three; sna and NetworkX
# on the two small ones (docs/reproduce.md says why). Skipped (77) when
# none of Rscript with igraph, sna and /usr/bin/python3 with networkx is
# there; a missing one is named.
. "$(dirname "$0")/../cli_lib.sh"
PY=/usr/bin/python3
DOC=$SRC/docs/reproduce.md
have_r=false have_sna=false have_nx=false
if command -v Rscript >/dev/null 2>&1; then
    Rscript -e 'library(igraph)' >/dev/null 2>&1 && have_r=true
    $have_r && Rscript -e 'library(sna)' >/dev/null 2>&1 && have_sna=true
fi
[ -x "$PY" ] && "$PY" -c 'import networkx, scipy' >/dev/null 2>&1 && have_nx=true
$have_r || echo "note: no Rscript with igraph: the R recipes are not run"
$have_sna || echo "note: no R sna: its recipe is not run"
$have_nx || echo "note: no /usr/bin/python3 with networkx: its recipe is not run"
if ! $have_r && ! $have_nx; then
    echo "skipped: no peer tool"
    exit 77
fi
# block NAME: the fenced block of docs/reproduce.md marked reproduce-NAME.
block() {
    awk -v tag="reproduce-$1" '$0 ~ "^```[a-z]+ " tag "$" { on = 1; next } /^```$/ { on = 0 } on' "$DOC"
}
for b in export igraph igraph-network sna networkx export-directed igraph-directed \
    export-weighted igraph-weighted; do
    block $b >"$OUT/$b.txt"
    [ -s "$OUT/$b.txt" ] && ok || fail "docs/reproduce.md has no block reproduce-$b"
done
pairs=""
for d in tangsel bandung twintowns-de; do
    W=$OUT/$d
    mkdir -p "$W/directed" "$W/weighted"
    # The export blocks with this dataset and this build's paranet.
    export_block() { # export_block BLOCK DIR
        sed -e "s#datasets/tangsel.json#$SRC/datasets/$d.json#g" -e "s#^paranet #\"\$PN\" #" \
            "$OUT/$1.txt" >"$2/export.sh"
        (cd "$2" && PN=$PN sh "$2/export.sh" 2>"$2/export.err") && ok || fail "$d: the $1 block failed"
    }
    export_block export "$W"
    export_block export-directed "$W/directed"
    export_block export-weighted "$W/weighted"
    [ -s "$W/net.graphml" ] && [ -s "$W/paranet.csv" ] || continue
    run() { # run TOOL BLOCK OUT [DIR]: a recipe in DIR (default $W), its table in DIR/OUT
        dir=${4:-$W}
        (cd "$dir" && "$1" "$OUT/$2.txt" >"$dir/$3" 2>"$dir/$3.err") && ok ||
            { fail "$d: the $2 recipe failed"; cat "$dir/$3.err" >&2; }
    }
    if $have_r; then
        run Rscript igraph-directed igraph.csv "$W/directed" &&
            pairs="$pairs $W/directed/paranet.csv $W/directed/igraph.csv id"
        run Rscript igraph-weighted igraph.csv "$W/weighted" &&
            pairs="$pairs $W/weighted/paranet.csv $W/weighted/igraph.csv id"
        run Rscript igraph igraph.csv && pairs="$pairs $W/paranet.csv $W/igraph.csv id"
        run Rscript igraph-network network.csv &&
            pairs="$pairs $W/paranet-network.csv $W/network.csv metric"
    fi
    [ "$d" = twintowns-de ] && continue
    if $have_sna; then
        run Rscript sna sna.csv && pairs="$pairs $W/paranet.csv $W/sna.csv id"
    fi
    if $have_nx; then
        run "$PY" networkx networkx.csv && pairs="$pairs $W/paranet.csv $W/networkx.csv id"
    fi
done
# shellcheck disable=SC2086
expect_exit 0 "$PY" "$SRC/tests/peers/compare.py" $pairs
cat "$OUT/out"
# The compared tables hold every metric the page names.
head -n 1 "$OUT/tangsel/igraph.csv" | grep -q '"constraint"' && ok || fail "igraph recipe: no constraint"
finish
