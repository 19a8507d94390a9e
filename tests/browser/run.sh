#!/bin/sh
# ctest's browser tests (label `browser`): $1 paranet, $2 source dir, $3 build
# dir, $4 dataset, $5 (optional) --geo: the map page. The explorer of the dataset in Debian's headless chromium,
# driven by playwright-core (tests/browser/package.json; `npm ci` there
# installs it, scripts/bootstrap.sh test mode does). Exit 77 (skipped) when
# node, chromium or the npm packages are missing, saying which.
PN=$1
SRC=$2
OUT=$3/browser-$(basename "$4" .json)${5:+-map}
CHROMIUM=${PN_CHROMIUM:-/usr/bin/chromium}
for need in node "$CHROMIUM"; do
    if ! command -v "$need" >/dev/null 2>&1; then
        echo "SKIP: $need not found (apt-get install chromium nodejs npm)" >&2
        exit 77
    fi
done
if [ ! -d "$SRC/tests/browser/node_modules/playwright-core" ]; then
    echo "SKIP: playwright-core not installed: run 'npm ci' in $SRC/tests/browser" >&2
    exit 77
fi
rm -rf "$OUT"
mkdir -p "$OUT"
PN_CHROMIUM=$CHROMIUM node "$SRC/tests/browser/explorer_test.mjs" "$PN" "$4" "$OUT" ${5:+"$5"}
code=$?
[ "$code" -eq 0 ] && rm -rf "$OUT"
exit $code
