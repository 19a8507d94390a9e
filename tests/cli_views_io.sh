#!/bin/sh
# The commands that read and write datasets on the pipeline (validate,
# generate, render, convert, merge): the view options of convert and merge,
# and usage, missing-file and write errors reported alike by every one.
. "$(dirname "$0")/cli_lib.sh"
D=$SRC/datasets
T=$D/tangsel.json

# figure FILE NAME: the value of NAME in `metrics --network --format csv` output.
figure() { sed -n "s/^$2,//p" "$1"; }
# count FILE PATTERN: lines with the fixed text (one element per line in GEXF and GraphML).
count() { grep -cF -- "$2" "$1"; }
# validated FILE: the "valid: N actors, M ties" figures of `validate`, as "N M".
validated() { sed -n 's/.*: valid: \([0-9]*\) actors, \([0-9]*\) ties,.*/\1 \2/p' "$1"; }

# The whole dataset: every tie, whatever its basis (a view leaves
# recommended ones out; convert without a view option writes everything).
"$PN" metrics --network "$T" --format csv --basis all >"$OUT/all.csv"
all_actors=$(figure "$OUT/all.csv" actors)
all_ties=$(figure "$OUT/all.csv" ties)

# convert writes a view's actors and ties: the counts are those of metrics
# --network on the same view of the original (isolates dropped by a tie
# filter unless --keep-isolates, docs/views.md), in JSON, GEXF and GraphML,
# and what it writes validates.
"$PN" convert "$T" -o "$OUT/all.graphml" 2>"$OUT/all.err"
sources=$(sed -n 's/.*wrote graphml: .* ties, \([0-9]*\) sources.*/\1/p' "$OUT/all.err")
[ -n "$sources" ] && ok || fail "no source count from convert: $(cat "$OUT/all.err")"
n=0
for view in "--at 2016 --types g2g" "--types g2g --keep-isolates" "--ego daejeon" \
    "--kinds city --between 2010 2015"; do
    n=$((n + 1))
    expect_exit 0 "$PN" metrics --network "$T" $view --format csv
    cp "$OUT/out" "$OUT/m$n.csv"
    cp "$OUT/err" "$OUT/m$n.err" # the "# view:" line (csv is a plain table)
    actors=$(figure "$OUT/m$n.csv" actors)
    ties=$(figure "$OUT/m$n.csv" ties)
    [ -n "$actors" ] && [ "$ties" -lt "$all_ties" ] && ok || fail "$view: metrics gave '$actors' '$ties'"
    describe=$(sed -n 's/^# view: //p' "$OUT/m$n.err")
    expect_exit 0 "$PN" convert "$T" $view -o "$OUT/v$n.json"
    has "$OUT/err" "paranet convert: note: the view keeps $actors of $all_actors actors and $ties of $all_ties ties ($describe)"
    has "$OUT/err" "wrote json: $actors actors, $ties ties, $sources sources"
    expect_exit 0 "$PN" validate --strict "$OUT/v$n.json"
    [ "$(validated "$OUT/err")" = "$actors $ties" ] && ok || fail "$view: JSON validates as $(validated "$OUT/err"), wanted $actors $ties"
    expect_exit 0 "$PN" convert "$T" $view -o "$OUT/v$n.gexf"
    has "$OUT/err" "wrote gexf: $actors actors, $ties ties"
    [ "$(count "$OUT/v$n.gexf" '<node ')" -eq "$actors" ] && [ "$(count "$OUT/v$n.gexf" '<edge ')" -eq "$ties" ] && ok ||
        fail "$view: GEXF has $(count "$OUT/v$n.gexf" '<node ') nodes, $(count "$OUT/v$n.gexf" '<edge ') edges"
    if command -v xmllint >/dev/null 2>&1; then
        xmllint --noout "$OUT/v$n.gexf" && ok || fail "$view: GEXF is not well-formed"
    fi
    expect_exit 0 "$PN" convert "$T" $view -o "$OUT/v$n.graphml"
    [ "$(count "$OUT/v$n.graphml" '<node ')" -eq "$actors" ] && [ "$(count "$OUT/v$n.graphml" '<edge ')" -eq "$ties" ] && ok ||
        fail "$view: GraphML has $(count "$OUT/v$n.graphml" '<node ') nodes"
    # The GraphML reads back (checked as a dataset is) to the same JSON.
    expect_exit 0 "$PN" convert --strict "$OUT/v$n.graphml" -o "$OUT/back$n.json"
    cmp -s "$OUT/v$n.json" "$OUT/back$n.json" && ok || fail "$view: the GraphML does not read back to the JSON"
    # A view of an imported input: the same records as a view of the JSON.
    expect_exit 0 "$PN" convert -f graphml "$OUT/all.graphml" $view -o "$OUT/i$n.json"
    cmp -s "$OUT/v$n.json" "$OUT/i$n.json" && ok || fail "$view: a view of the GraphML import differs"
done
expect_exit 0 "$PN" convert "$T" --at 2016 --types g2g -o "$OUT/csv/"
[ "$(wc -l <"$OUT/csv/actors.csv")" -eq "$(($(figure "$OUT/m1.csv" actors) + 1))" ] && ok || fail "CSV actors.csv of the view"
[ "$(wc -l <"$OUT/csv/ties.csv")" -eq "$(($(figure "$OUT/m1.csv" ties) + 1))" ] && ok || fail "CSV ties.csv of the view"
expect_exit 0 "$PN" convert "$OUT/csv" -o "$OUT/c.json"
cmp -s "$OUT/v1.json" "$OUT/c.json" && ok || fail "the view's CSV tables differ from its JSON"

# No view option, or one that shapes graphs only: the same bytes, no note.
expect_exit 0 "$PN" convert "$T" -o "$OUT/plain.json"
hasnt "$OUT/err" "note:"
for view in "--directed" "--weight sum" "--keep-isolates"; do
    expect_exit 0 "$PN" convert "$T" $view -o "$OUT/same.json"
    hasnt "$OUT/err" "note:"
    cmp -s "$OUT/plain.json" "$OUT/same.json" && ok || fail "convert $view changed the output"
done
# A filter that keeps everything says nothing; --quiet says nothing.
countries=$(sed -n 's/.*"country": "\([A-Z][A-Z]\)".*/\1/p' "$T" | sort -u | paste -sd, -)
expect_exit 0 "$PN" convert "$T" --countries "$countries" --basis all -o "$OUT/x.json"
hasnt "$OUT/err" "note:"
cmp -s "$OUT/plain.json" "$OUT/x.json" && ok || fail "convert --countries (all) --basis all changed the output"
# ... but a view leaves out the ties a study only recommends, and says so.
expect_exit 0 "$PN" convert "$T" --countries "$countries" -o "$OUT/x.json"
has "$OUT/err" "note: 3 ties left out that a study only recommends"
has "$OUT/err" "the view keeps $((all_actors - 1)) of $all_actors actors and $((all_ties - 3)) of $all_ties ties"
expect_exit 0 "$PN" convert "$T" --at 2016 --quiet -o "$OUT/x.json"
[ -s "$OUT/err" ] && fail "convert --quiet printed: $(cat "$OUT/err")" || ok
# A view that keeps nothing writes an empty dataset that validates.
expect_exit 0 "$PN" convert "$T" --at 1900 -o "$OUT/empty.json"
has "$OUT/err" "the view keeps 0 of $all_actors actors and 0 of $all_ties ties"
expect_exit 0 "$PN" validate "$OUT/empty.json"
has "$OUT/err" "valid: 0 actors, 0 ties, $sources sources"

# merge applies the view to the merged dataset.
B=$D/bandung.json
expect_exit 0 "$PN" merge "$T" "$B" -o "$OUT/merged.json"
hasnt "$OUT/err" "note:"
"$PN" metrics --network "$OUT/merged.json" --format csv --basis all >"$OUT/mall.csv"
"$PN" metrics --network "$OUT/merged.json" --at 2016 --format csv >"$OUT/m2016.csv"
actors=$(figure "$OUT/m2016.csv" actors)
ties=$(figure "$OUT/m2016.csv" ties)
expect_exit 0 "$PN" merge "$T" "$B" --at 2016 -o "$OUT/merged2016.json"
has "$OUT/err" "paranet merge: note: the view keeps $actors of $(figure "$OUT/mall.csv" actors) actors and $ties of $(figure "$OUT/mall.csv" ties) ties (at=2016 no-isolates undirected)"
has "$OUT/err" "merged 2 files: $actors actors, $ties ties"
expect_exit 0 "$PN" validate --strict "$OUT/merged2016.json"
[ "$(validated "$OUT/err")" = "$actors $ties" ] && ok || fail "merge --at 2016 validates as $(validated "$OUT/err")"
expect_exit 0 "$PN" convert "$OUT/merged.json" --at 2016 -o "$OUT/conv2016.json"
cmp -s "$OUT/merged2016.json" "$OUT/conv2016.json" && ok || fail "merge --at 2016 differs from convert --at 2016 of the merge"
expect_exit 0 "$PN" merge "$T" "$B" --at 2016 --title "Both, 2016" -o "$OUT/titled.gexf"
has "$OUT/titled.gexf" "Both, 2016"
[ "$(count "$OUT/titled.gexf" '<node ')" -eq "$actors" ] && ok || fail "merge --at 2016 to GEXF"

# An unknown --ego is exit 1 with a suggestion, and nothing is written.
for cmd in convert merge; do
    expect_exit 1 "$PN" $cmd "$T" --ego daejon -o "$OUT/ego-$cmd.json"
    has "$OUT/err" "paranet $cmd: --ego: no actor 'daejon' (did you mean 'daejeon'?)"
    [ -e "$OUT/ego-$cmd.json" ] && fail "$cmd wrote output for an unknown --ego" || ok
done
expect_exit 0 "$PN" convert "$T" --ego daejeon --radius 1 -o "$OUT/ego.json"
has "$OUT/err" "note: the view keeps"
# View options are checked as everywhere else.
expect_exit 2 "$PN" convert "$T" --types g2x -o "$OUT/x.json"
has "$OUT/err" "paranet convert: --types: unknown type 'g2x' (did you mean 'g2g'?)"
expect_exit 2 "$PN" merge "$T" --at soon -o "$OUT/x.json"
has "$OUT/err" "paranet merge: --at needs a year"

# Bad options: exit 2, "paranet CMD: ..." with the nearest option, for the
# command's own options, the view's and the shared ones.
bad_option() {
    near=$1
    shift
    expect_exit 2 "$PN" "$@"
    first=$(head -n 1 "$OUT/err")
    case "$first" in
    "paranet $1: unknown option '"*"' (did you mean '$near'?)") ok ;;
    *) fail "$*: $first" ;;
    esac
    has "$OUT/err" "Try 'paranet help $1' for more."
}
bad_option --strict validate --strictt "$T"
bad_option --max-errors validate --max-erors 3 "$T"
bad_option --seed generate --actors 50 --seeed 2 -o "$OUT/g.json"
bad_option --output generate --actors 50 --outptu "$OUT/g.json"
bad_option --theme render --themee paper "$T"
bad_option --keep-isolates render --keep-isolatez "$T"
bad_option --max-depth render --max-deptj 3 "$T"
bad_option --from convert --fron json "$T" -o "$OUT/x.json"
bad_option --types convert --typess g2g "$T" -o "$OUT/x.json"
bad_option --max-bytes convert --max-bytez 10 "$T" -o "$OUT/x.json"
bad_option --prefer merge --prefr first "$T" -o "$OUT/x.json"
bad_option --between merge --betwen 2010 2012 "$T" -o "$OUT/x.json"
bad_option --max-errors merge --max-erors 3 "$T" -o "$OUT/x.json"
# A bad value of a shared option: the same message from every command.
for cmd in validate render "convert -o $OUT/x.json" "merge -o $OUT/x.json"; do
    expect_exit 2 "$PN" $cmd --max-depth 0 "$T"
    has "$OUT/err" "paranet ${cmd%% *}: --max-depth needs a number from 1 to 2000"
done
# convert's -f is --from and render's -T its image format, not --format.
expect_exit 0 "$PN" convert -f graphml "$OUT/all.graphml" -o "$OUT/x.json"
expect_exit 2 "$PN" convert -f xml "$OUT/all.graphml" -o "$OUT/x.json"
has "$OUT/err" "paranet convert: cannot read 'xml' (json, graphml, gexf or csv)"
expect_exit 2 "$PN" render "$T" --format csv
has "$OUT/err" "paranet render: -T: cannot write 'csv'; paranet renders svg, pdf, png, jpg, eps, ps, dot"

# A missing file: exit 3 with the path and the reason, from every reader.
for cmd in validate render "convert -o $OUT/x.json" "merge -o $OUT/x.json"; do
    expect_exit 3 "$PN" $cmd "$OUT/nonexistent.json"
    has "$OUT/err" "$OUT/nonexistent.json: error: cannot open: No such file or directory"
done
rm -f "$OUT/x.json"
expect_exit 3 "$PN" merge "$T" "$OUT/nonexistent.json" --at 2016 -o "$OUT/x.json"
[ -e "$OUT/x.json" ] && fail "merge wrote output with a missing input" || ok

# -o where nothing can be written: exit 3 naming the path, from every writer.
bad=$OUT/no-such-dir/out
for cmd in "generate --actors 50" "render $T -T dot" "convert $T" "convert $T --at 2016" \
    "convert $T --to csv" "merge $T $B" "merge $T $B --at 2016"; do
    case "$cmd" in *csv) o=$bad/ ;; *) o=$bad.json ;; esac
    expect_exit 3 "$PN" $cmd -o "$o"
    has "$OUT/err" "$OUT/no-such-dir"
done

# Help from the pipeline: the view options once, and the limits.
for cmd in render convert merge; do
    expect_exit 0 "$PN" help "$cmd"
    [ "$(count "$OUT/out" "View (which ties and actors")" -eq 1 ] && ok || fail "help $cmd: the view options not once"
    has "$OUT/out" "--keep-isolates"
    has "$OUT/out" "--max-errors N"
done
expect_exit 0 "$PN" help validate
has "$OUT/out" "--max-bytes N"
hasnt "$OUT/out" "View (which"
expect_exit 0 "$PN" generate --help
has "$OUT/out" "--ties-per-actor"
hasnt "$OUT/out" "--max-bytes"

finish
