# Helpers for the CLI test scripts: $1 binary, $2 source dir, $3 build dir.
PN=$1
SRC=$2
OUT=$3/cli-$$
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT
fails=0
passes=0
ok() { passes=$((passes + 1)); }
fail() {
    echo "FAIL: $*" >&2
    fails=$((fails + 1))
}
# expect_exit CODE CMD...: run, keep stdout/stderr in $OUT/out, $OUT/err
expect_exit() {
    want=$1
    shift
    "$@" >"$OUT/out" 2>"$OUT/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "exit $got, wanted $want: $*"; cat "$OUT/err" >&2; fi
}
# has FILE TEXT: the file contains the fixed text
has() {
    if grep -qF -- "$2" "$1"; then ok; else fail "$1 lacks: $2"; fi
}
hasnt() {
    if grep -qF -- "$2" "$1"; then fail "$1 has: $2"; else ok; fi
}
finish() {
    echo "$passes passed, $fails failed"
    [ "$fails" -eq 0 ]
}
