#!/bin/sh
# metrics --jobs and --cutoff: usage errors, agreement between process
# counts, cutoff values by hand, and the cutoff said in the output.
. "$(dirname "$0")/cli_lib.sh"
T="$SRC/datasets/tangsel.json"

# --- usage errors: exit 2, a message naming the option ---
for bad in x -1 1.5 2x 5000 ""; do
    expect_exit 2 "$PN" metrics --jobs "$bad" "$T"
    has "$OUT/err" "--jobs needs a number of processes"
done
for bad in -1 x 1.5 ""; do
    expect_exit 2 "$PN" metrics --cutoff "$bad" "$T"
    has "$OUT/err" "--cutoff needs a number of hops"
done
expect_exit 2 "$PN" metrics --cutoff 2 --network "$T"
has "$OUT/err" "not to --network"
expect_exit 2 "$PN" metrics -j
has "$OUT/err" "option '-j' needs a value"

# --- --jobs on a small view: computed in one process, the same bytes ---
expect_exit 0 "$PN" metrics "$T" --format csv
cp "$OUT/out" "$OUT/one"
for jobs in 2 0 auto; do
    expect_exit 0 "$PN" metrics "$T" --format csv --jobs "$jobs"
    if cmp -s "$OUT/one" "$OUT/out"; then ok; else fail "--jobs $jobs changed tangsel's table"; fi
done

# --- --jobs on 2,500 actors (over the 2,000 where the library forks) ---
# Compare two TSV tables: the same lines, except numbers may differ by
# 1e-9 relative plus the last printed digit (%.6f rounding).
same_numbers() {
    awk -F '\t' '
        NR == FNR { a[FNR] = $0; n = FNR; next }
        {
            m = split(a[FNR], x, "\t")
            if (m != NF) { print "line " FNR ": " NF " fields, wanted " m; bad = 1; next }
            for (i = 1; i <= NF; i++) {
                if ($i == x[i]) continue
                if ($i !~ /^-?[0-9.]+$/ || x[i] !~ /^-?[0-9.]+$/) {
                    print "line " FNR ": " $i " against " x[i]; bad = 1; continue
                }
                d = $i - x[i]; if (d < 0) d = -d
                s = x[i] < 0 ? -x[i] : x[i]; if (s < 1) s = 1
                if (d > 1e-9 * s + 1.5e-6) { print "line " FNR ": " $i " against " x[i]; bad = 1 }
            }
        }
        END { if (FNR != n) { print FNR " lines, wanted " n; bad = 1 } exit bad }
    ' "$1" "$2"
}
G="$OUT/g2500.json"
expect_exit 0 "$PN" generate --actors 2500 --seed 1 -q -o "$G"
M="-m betweenness,closeness,harmonic --sort id --format tsv"
cuts="0 3"
if [ -n "${PN_UNDER_VALGRIND:-}" ]; then # some 30 times slower there
    M="-m betweenness,harmonic --sort id --format tsv"
    cuts=2
fi
for cut in $cuts; do
    # shellcheck disable=SC2086
    expect_exit 0 "$PN" metrics "$G" $M --cutoff "$cut" --jobs 1 -q
    cp "$OUT/out" "$OUT/j1-$cut"
    # the header row and 2,500 rows (TSV is a plain table)
    [ "$(wc -l <"$OUT/j1-$cut")" -eq 2501 ] && ok || fail "2,500 rows wanted (cutoff $cut)"
    # shellcheck disable=SC2086
    expect_exit 0 "$PN" metrics "$G" $M --cutoff "$cut" -j 2 -q
    if same_numbers "$OUT/j1-$cut" "$OUT/out"; then ok; else fail "--jobs 2 differs (cutoff $cut)"; fi
done
# The cutoff changes the numbers (it is not ignored), for some actors.
if [ -f "$OUT/j1-0" ] && [ -f "$OUT/j1-3" ]; then
    if cmp -s "$OUT/j1-0" "$OUT/j1-3"; then fail "--cutoff 3 gave the exact table"; else ok; fi
fi

# --- --cutoff values by hand on tangsel, every basis (connected, 29 actors) ---
# With a cutoff of 1 hop no path has an inner actor: betweenness 0 for all.
# Every actor has a neighbour, all at 1 hop: closeness deg / deg = 1.
# Harmonic: deg / (V - 1), so Tangerang Selatan (26 partners) 26/28 = 0.928571.
expect_exit 0 "$PN" metrics "$T" --basis all --cutoff 1 -m degree,betweenness,closeness,harmonic -f tsv -q
has "$OUT/out" "$(printf '1\ttangsel\tKota Tangerang Selatan\tcity\tID\t26\t0.000000\t1.000000\t0.928571')"
TAB=$(printf '\t')
[ "$(grep -cE "^[0-9]+$TAB" "$OUT/out")" -eq 29 ] && ok || fail "29 rows wanted"
if grep -E "^[0-9]+$TAB" "$OUT/out" | cut -f 7,8 | grep -qv "^0\.000000${TAB}1\.000000\$"; then
    fail "cutoff 1: some betweenness is not 0 or some closeness not 1"
else
    ok
fi
[ ! -s "$OUT/err" ] && ok || fail "--quiet printed on stderr"

# --- the cutoff is said: stderr note, title, view line in every format ---
expect_exit 0 "$PN" metrics "$T" --basis all --cutoff 2 -m betweenness -n 2
has "$OUT/err" "paranet metrics: note: --cutoff 2: betweenness, closeness and harmonic count only shortest paths of at most 2 hops"
has "$OUT/out" "# paranet metrics --cutoff 2 "
has "$OUT/out" "# view: basis=all undirected; betweenness, closeness, harmonic: paths of at most 2 hops"
expect_exit 0 "$PN" metrics "$T" --basis all --cutoff 2 -m betweenness -n 2 -f md
has "$OUT/out" "View: \`basis=all undirected; betweenness, closeness, harmonic: paths of at most 2 hops\`"
expect_exit 0 "$PN" metrics "$T" --basis all --cutoff 2 -m closeness -n 2 -f latex
has "$OUT/out" "% paranet metrics --cutoff 2 "
has "$OUT/out" "% view: basis=all undirected; betweenness, closeness, harmonic: paths of at most 2 hops"
has "$OUT/out" "\\caption{Closeness of the 2 actors of highest closeness (of 29), counting paths of at most 2 hops in the network"
expect_exit 0 "$PN" metrics "$T" --basis all --cutoff 1 -m harmonic -n 1 -f json
has "$OUT/out" '"view": "basis=all undirected; betweenness, closeness, harmonic: paths of at most 1 hop"'
# Sorted by a path metric that is not shown: still said.
expect_exit 0 "$PN" metrics "$T" --basis all --cutoff 2 -m degree --sort betweenness -n 1
has "$OUT/out" "paths of at most 2 hops"
# No path metric at all: a note that the cutoff changes nothing.
expect_exit 0 "$PN" metrics "$T" --basis all --cutoff 2 -m degree -n 1
has "$OUT/err" "--cutoff 2 changes nothing here"
hasnt "$OUT/out" "paths of at most"
# Without --cutoff: no note, no mention.
expect_exit 0 "$PN" metrics "$T" --basis all -m betweenness -n 1 --jobs 2
hasnt "$OUT/out" "cutoff"
[ ! -s "$OUT/err" ] && ok || fail "stderr not empty without --cutoff"

# --- the same bytes for any number of processes (the default included) ---
# Every shipped dataset and generated graphs, undirected and directed,
# with and without a cutoff: --jobs 1, 2, 3, 4 and the default (one per
# online CPU) print the same table, byte for byte (docs/metrics.md, "Same
# bits for any number of workers").
P="$OUT/pendant.json"
expect_exit 0 "$PN" generate --actors 3000 --seed 3 --shape sister-cities -q -o "$P"
same_bytes() { # FILE ARGS...: every --jobs count gives the bytes of --jobs 1
    f=$1
    shift
    expect_exit 0 "$PN" metrics "$f" "$@" --jobs 1 -q
    cp "$OUT/out" "$OUT/bytes1"
    for jobs in 2 3 4 default; do
        if [ "$jobs" = default ]; then
            expect_exit 0 "$PN" metrics "$f" "$@" -q
        else
            expect_exit 0 "$PN" metrics "$f" "$@" --jobs "$jobs" -q
        fi
        if cmp -s "$OUT/bytes1" "$OUT/out"; then ok; else fail "--jobs $jobs changed the table of $f $*"; fi
    done
}
B="-m betweenness,closeness,harmonic --sort id --format tsv --precision full --basis all"
# Under 2,000 actors the library computes in process whatever --jobs says:
# one cutoff there; above it, exact both ways and --cutoff 3.
small="$SRC/datasets/tangsel.json $SRC/datasets/bandung.json"
large="$SRC/datasets/twintowns-de.json $G $P"
if [ -n "${PN_UNDER_VALGRIND:-}" ]; then # some 30 times slower there
    small="$SRC/datasets/tangsel.json"
    large="$P"
fi
for f in $small $large; do
    # shellcheck disable=SC2086
    same_bytes "$f" $B
    # shellcheck disable=SC2086
    same_bytes "$f" $B --directed
done
for f in $large; do
    # shellcheck disable=SC2086
    same_bytes "$f" $B --cutoff 3
done

finish
