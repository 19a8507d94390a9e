#!/bin/sh
# The paranet binary's basics: help, version, usage errors, validate, info.
. "$(dirname "$0")/cli_lib.sh"

expect_exit 0 "$PN" --help
has "$OUT/out" "validate"
has "$OUT/out" "3  input/output error"
expect_exit 0 "$PN" --version
has "$OUT/out" "paranet 0.1.0"
expect_exit 0 "$PN" help validate
has "$OUT/out" "--strict"
expect_exit 2 "$PN"
expect_exit 2 "$PN" help nosuch
expect_exit 2 "$PN" valdate x.json
has "$OUT/err" "did you mean 'validate'?"
expect_exit 2 "$PN" validate --strcit x.json
has "$OUT/err" "did you mean '--strict'?"
expect_exit 2 "$PN" validate
has "$OUT/err" "no FILE given"
expect_exit 2 "$PN" validate --max-errors=-3 x.json

# The shipped datasets validate with no warnings, strictly.
expect_exit 0 "$PN" validate --strict "$SRC"/datasets/tangsel.json "$SRC"/datasets/bandung.json
has "$OUT/err" "tangsel.json: valid:"
has "$OUT/err" "0 warnings"
hasnt "$OUT/err" "warning:"

# Standard input.
expect_exit 0 sh -c "\"$PN\" validate - < \"$SRC/datasets/bandung.json\""
has "$OUT/err" "<stdin>: valid"
expect_exit 1 sh -c "printf '{' | \"$PN\" validate -"
has "$OUT/err" "<stdin>:1:"

# I/O errors are exit 3 and name the file; the worst exit wins over several files.
expect_exit 3 "$PN" validate "$SRC"/datasets/tangsel.json /nonexistent.json
has "$OUT/err" "/nonexistent.json: error: cannot open: No such file or directory"
expect_exit 3 "$PN" validate "$SRC"/datasets
has "$OUT/err" "is a directory"
expect_exit 1 "$PN" validate --max-bytes 1000 /dev/zero
has "$OUT/err" "over the limit of 1000 bytes"

# info
expect_exit 0 "$PN" info "$SRC"/datasets/bandung.json
has "$OUT/out" "Actors by kind"
has "$OUT/out" "Ties by instrument"
has "$OUT/out" "Sources (ties and actors citing each)"
tangsel_ties=$(grep -c '"from"' "$SRC"/datasets/tangsel.json)
expect_exit 0 "$PN" info "$SRC"/datasets/tangsel.json
has "$OUT/out" "  ties:    $tangsel_ties"
has "$OUT/out" "KR"
has "$OUT/out" "South Korea"
expect_exit 2 "$PN" info a.json b.json

# Every command that reads a dataset takes the limit options its messages name.
for cmd in info metrics render "partners --actor tangsel" "reach --from tangsel"; do
    expect_exit 1 "$PN" $cmd --max-bytes 100 "$SRC"/datasets/tangsel.json
    has "$OUT/err" "over the limit of 100 bytes (raise it with --max-bytes)"
done
expect_exit 1 "$PN" merge --max-depth 2 "$SRC"/datasets/tangsel.json "$SRC"/datasets/bandung.json -o "$OUT/m.json"
has "$OUT/err" "nested deeper than 2 levels (raise it with --max-depth)"
[ ! -e "$OUT/m.json" ] && ok || fail "merge wrote output after an error"
expect_exit 1 sh -c "echo '[]' | \"$PN\" info -"

# A view of one year spans that year: "2016", not "2016-2016".
expect_exit 0 "$PN" info "$SRC/datasets/tangsel.json" --at 2016 --types g2g
has "$OUT/out" "  years:   2016"
hasnt "$OUT/out" "2016-2016"
finish
