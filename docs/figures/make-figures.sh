#!/bin/sh
# The figures of docs/ and README.md, drawn from the shipped datasets.
# Usage: make-figures.sh PARANET SOURCE_DIR OUT_DIR [FORMAT]
# `cmake --build build --target figures` runs it into docs/figures; the test
# cli_figures runs it into the build tree and compares the bytes.
set -e
PN=$1
SRC=$2
OUT=$3
FMT=${4:-svg}
mkdir -p "$OUT"
T="$SRC/datasets/tangsel.json"
# The whole Tangerang Selatan network: a star around the city, so twopi.
"$PN" render "$T" --labels short -o "$OUT/tangsel.$FMT"
# The ties in force in 2016.
"$PN" render "$T" --at 2016 --layout twopi --labels short -o "$OUT/tangsel-2016.$FMT"
# Daejeon and its neighbours: the formalisation ladder of one relation.
"$PN" render "$T" --ego daejeon --edge-labels both --cluster none -o "$OUT/daejeon-ego.$FMT"
# Bandung's sister cities.
"$PN" render "$SRC/datasets/bandung.json" --edge-labels both --cluster none -o "$OUT/bandung.$FMT"
# For print: grayscale, countries as codes, the route from a university to the WTA.
"$PN" render "$T" --labels short --theme paper --highlight-path iti,wta -o "$OUT/tangsel-paper.$FMT"
# Berlin's twin towns: the ego marked, countries told apart by fill or code.
"$PN" render "$SRC/datasets/twintowns-de.json" --ego berlin-de --layout twopi -o "$OUT/berlin-ego.$FMT"
# The charts of docs/timeline.md.
sh "$(dirname "$0")/make-timeline-figures.sh" "$PN" "$SRC" "$OUT" "$FMT"
