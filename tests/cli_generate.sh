#!/bin/sh
# paranet generate: writes a valid dataset, the same bytes for the same seed.
. "$(dirname "$0")/cli_lib.sh"

expect_exit 0 "$PN" generate --actors 500 --seed 42 -o "$OUT/a.json"
has "$OUT/err" "a.json: 500 actors, 1500 ties, 8 sources (seed 42)"
expect_exit 0 "$PN" generate -n 500 -S 42 -q -o "$OUT/b.json"
[ ! -s "$OUT/err" ] && ok || fail "--quiet printed something"
cmp -s "$OUT/a.json" "$OUT/b.json" && ok || fail "same seed, different bytes"
expect_exit 0 "$PN" generate --actors 500 --seed 43 -q -o "$OUT/c.json"
cmp -s "$OUT/a.json" "$OUT/c.json" && fail "different seeds, same bytes" || ok
expect_exit 0 "$PN" validate --strict "$OUT/a.json"
has "$OUT/err" "valid: 500 actors, 1500 ties, 8 sources, 0 warnings"
# Standard output gives the same bytes as a file.
expect_exit 0 "$PN" generate --actors 500 --seed 42 -q -o -
cmp -s "$OUT/out" "$OUT/a.json" && ok || fail "stdout differs from the file"
expect_exit 0 "$PN" generate --actors 200 --ties-per-actor 1.5 -q -o "$OUT/d.json"
expect_exit 0 "$PN" info "$OUT/d.json"
has "$OUT/out" "300"
# --shape sister-cities: cities and g2g ties only, valid, the same bytes
# twice, and the shape of the world's twin cities (docs/generate.md): 35 to
# 50% of the cities with one partner, 1.6 to 2.1 ties per city.
expect_exit 0 "$PN" generate --actors 3000 --seed 5 --shape sister-cities -q -o "$OUT/s.json"
expect_exit 0 "$PN" generate --actors 3000 --seed 5 --shape sister-cities -q -o "$OUT/s2.json"
cmp -s "$OUT/s.json" "$OUT/s2.json" && ok || fail "--shape sister-cities: not reproducible"
expect_exit 0 "$PN" validate --strict "$OUT/s.json"
has "$OUT/err" "0 warnings"
expect_exit 0 "$PN" info "$OUT/s.json"
has "$OUT/out" "Synthetic sister cities, 3000 cities (seed 5)"
hasnt "$OUT/out" "ministry"
hasnt "$OUT/out" "horizontal"
expect_exit 0 "$PN" metrics "$OUT/s.json" --basis all -m degree -f tsv -q
awk -F '\t' 'NR > 1 { n++; t += $6; if ($6 == 1) one++ }
    END { s = one / n; r = t / 2 / n; exit !(n == 3000 && s >= 0.35 && s <= 0.5 && r >= 1.6 && r <= 2.1) }' \
    "$OUT/out" && ok || fail "--shape sister-cities: not the twin-cities shape"
expect_exit 2 "$PN" generate --actors 100 --shape tree -o "$OUT/x.json"
has "$OUT/err" "--shape needs paradiplomacy or sister-cities"
expect_exit 2 "$PN" generate --actors 100 --shape sister-cities --ties-per-actor 2 -o "$OUT/x.json"
has "$OUT/err" "does not apply"
# Usage errors.
expect_exit 2 "$PN" generate -o "$OUT/x.json"
has "$OUT/err" "--actors N is required"
expect_exit 2 "$PN" generate --actors 10 -o "$OUT/x.json"
has "$OUT/err" "from 50 to 10000000"
expect_exit 2 "$PN" generate --actors 100
has "$OUT/err" "-o OUT.json is required"
expect_exit 2 "$PN" generate --actors 100 --seed -1 -o "$OUT/x.json"
expect_exit 2 "$PN" generate --actors 100 --ties-per-actor 50 -o "$OUT/x.json"
expect_exit 3 "$PN" generate --actors 100 -q -o "$OUT/no/such/dir/x.json"
finish
