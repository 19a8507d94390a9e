#!/bin/sh
# Every broken input in tests/data/invalid gets its located messages and exit 1;
# every suspicious one in tests/data/warnings its warnings, exit 0, and exit 1 with --strict.
. "$(dirname "$0")/cli_lib.sh"

check_dir() {
    group=$1
    shift
    for dir in "$SRC"/tests/data/$group/*/; do
        name=$(basename "$dir")
        (cd "$dir" && "$PN" validate --quiet "$@" input.json >/dev/null 2>"$OUT/got"; echo "exit $?" >>"$OUT/got")
        if [ "$*" = "--strict" ]; then
            # strict: the same messages; exit 1 where there were warnings
            sed 's/^exit 0$/exit W/' "$dir/expected" >"$OUT/want"
            if grep -q 'warning:' "$dir/expected"; then sed -i 's/^exit W$/exit 1/' "$OUT/want"; else sed -i 's/^exit W$/exit 0/' "$OUT/want"; fi
        else
            cp "$dir/expected" "$OUT/want"
        fi
        if cmp -s "$OUT/got" "$OUT/want"; then ok; else
            fail "$group/$name $*"
            diff "$OUT/want" "$OUT/got" >&2
        fi
    done
}
check_dir invalid
check_dir warnings
check_dir warnings --strict
finish
