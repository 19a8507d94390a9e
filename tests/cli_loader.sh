#!/bin/sh
# The JSON loader's diagnostics through the binary: every kept diagnostic
# located, large inputs from a FIFO located without opening it again.
. "$(dirname "$0")/cli_lib.sh"

big=1
[ -n "${PN_UNDER_VALGRIND:-}" ] && big=0

# gen N BAD: a dataset of N actors and N ties, one record a line; when BAD
# is 1, the last tie names an actor that does not exist ("nobody", line
# 2N + 5, column 8).
gen() {
    awk -v n="$1" -v bad="$2" 'BEGIN {
        print "{\"paranet\": 1, \"title\": \"t\","
        print "\"sources\": [{\"id\": \"s1\", \"cite\": \"A study (2020).\"}],"
        print "\"actors\": ["
        for (i = 0; i < n; i++)
            printf "{\"id\": \"a%d\", \"name\": \"An actor of a long name %d\", \"kind\": \"city\", \"country\": \"ID\"}%s\n", i, i, i < n - 1 ? "," : ""
        print "],"
        print "\"ties\": ["
        for (i = 0; i < n; i++) {
            to = (bad && i == n - 1) ? "nobody" : sprintf("a%d", (i + 1) % n)
            printf "{\"to\": \"%s\", \"from\": \"a%d\", \"type\": \"horizontal\", \"sources\": [\"s1\"]}%s\n", to, i, i < n - 1 ? "," : ""
        }
        print "]}"
    }'
}

# Over 4 MB (the text is freed once parsed, and read back to locate): from
# a regular file, then through a FIFO, which must not be opened twice.
n=50000
[ "$big" -eq 0 ] && n=2000
gen $n 1 >"$OUT/big.json"
line=$((2 * n + 5))
expect_exit 1 "$PN" validate --quiet "$OUT/big.json"
has "$OUT/err" "big.json:$line:8: error: ties[$((n - 1))].to: no actor \"nobody\""
if mkfifo "$OUT/fifo" 2>/dev/null; then
    cat "$OUT/big.json" >"$OUT/fifo" &
    expect_exit 1 timeout 20 "$PN" validate --quiet "$OUT/fifo"
    has "$OUT/err" "fifo:$line:8: error: ties[$((n - 1))].to: no actor \"nobody\""
    wait
fi

# More than 1,000 diagnostics kept (--max-errors 0): each has its line.
awk 'BEGIN {
    print "{\"paranet\": 1, \"title\": \"t\", \"actors\": ["
    print "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\"}], \"ties\": ["
    for (i = 0; i < 1500; i++)
        printf "{\"from\": \"a\", \"to\": \"x%d\", \"type\": \"horizontal\"}%s\n", i, i < 1499 ? "," : ""
    print "]}"
}' >"$OUT/many.json"
expect_exit 1 "$PN" validate --quiet --max-errors 0 "$OUT/many.json"
has "$OUT/err" "many.json:3:"
has "$OUT/err" "many.json:1502:21: error: ties[1499].to: no actor \"x1499\""
if grep -q '^[^:]*many.json: error: ties' "$OUT/err"; then fail "a diagnostic without a line"; else ok; fi
[ "$(grep -c 'no actor' "$OUT/err")" -eq 1500 ] && ok || fail "not 1500 messages"

# merge: 300 tie ids taken in the first file, each renamed with both lines.
gen 300 0 >"$OUT/m1.json"
gen 300 0 | sed 's/"from": "a\([0-9]*\)", "type"/"from": "a\1", "id": "t\1", "type"/' >"$OUT/m2.json"
sed 's/"from": "a\([0-9]*\)", "type"/"from": "a\1", "id": "t\1", "note": "n", "type"/' "$OUT/m1.json" >"$OUT/m1b.json"
expect_exit 0 "$PN" merge --max-errors 0 -o "$OUT/m.json" "$OUT/m1b.json" "$OUT/m2.json"
[ "$(grep -c 'is taken by another tie' "$OUT/err")" -eq 300 ] && ok || fail "not 300 renames"
has "$OUT/err" "m2.json:605:1: warning: ties[299]: tie id \"t299\" is taken by another tie ($OUT/m1b.json:605:1 (ties[299])): renamed \"t299-2\""
has "$OUT/err" "m2.json:306:1: warning: ties[0]: tie id \"t0\""

# merge: one actor with 20,000 aliases in each file, half of them shared:
# the union keeps the first file's order, then the second's new ones.
# (Each alias was compared with every alias kept: quadratic.)
na=20000
[ "$big" = 1 ] || na=2000
alias_gen() { # FIRST: aliases xFIRST .. x(FIRST + na - 1)
    awk -v n="$na" -v f="$1" 'BEGIN {
        print "{\"paranet\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"city\", \"country\": \"ID\", \"aliases\": ["
        for (i = 0; i < n; i++)
            printf "\"x%d\"%s\n", f + i, i < n - 1 ? "," : ""
        print "]}], \"ties\": []}"
    }'
}
alias_gen 0 >"$OUT/al1.json"
alias_gen $((na / 2)) >"$OUT/al2.json"
expect_exit 0 "$PN" merge -o "$OUT/al.json" "$OUT/al1.json" "$OUT/al2.json"
tr -s ' \n' '\n\n' <"$OUT/al.json" | grep '^"x[0-9]*",\{0,1\}$' | tr -d '",' >"$OUT/al.txt"
[ "$(wc -l <"$OUT/al.txt")" -eq $((na * 3 / 2)) ] && ok || fail "merged aliases: $(wc -l <"$OUT/al.txt"), not $((na * 3 / 2))"
awk -v n=$((na * 3 / 2)) '$0 != "x" NR - 1 { bad = 1 } END { exit bad || NR != n }' "$OUT/al.txt" && ok ||
    fail "merged aliases not in order x0 .. x$((na * 3 / 2 - 1))"

finish
