#!/bin/sh
# The committed figures (docs/figures/*.svg) are what the build draws today:
# redraw them into the build tree and compare the bytes. After a deliberate
# change to the drawing, run `cmake --build build --target figures`.
. "$(dirname "$0")/cli_lib.sh"
expect_exit 0 sh "$SRC/docs/figures/make-figures.sh" "$PN" "$SRC" "$OUT/figures"
for f in tangsel tangsel-2016 daejeon-ego bandung tangsel-paper berlin-ego; do
    if cmp -s "$OUT/figures/$f.svg" "$SRC/docs/figures/$f.svg"; then
        ok
    else
        fail "docs/figures/$f.svg differs from a fresh render (cmake --build build --target figures)"
        diff "$SRC/docs/figures/$f.svg" "$OUT/figures/$f.svg" | head -20 >&2
    fi
done
finish
