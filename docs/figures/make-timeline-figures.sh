#!/bin/sh
# The charts of docs/timeline.md, drawn from the shipped datasets (called by
# make-figures.sh; tests/cli_timeline.sh redraws them and compares the bytes).
# Usage: make-timeline-figures.sh PARANET SOURCE_DIR OUT_DIR [FORMAT]
set -e
PN=$1
SRC=$2
OUT=$3
FMT=${4:-svg}
mkdir -p "$OUT"
T="$SRC/datasets/tangsel.json"
# Timelines (docs/timeline.md): the Tangsel-Daejeon ladder, Tangsel's partners
# in time, Tangsel's ties in force by type, and the German twin towns in force
# by partner country (the 8 largest, the rest as other), 1950-2014.
"$PN" timeline "$T" --actor daejeon -o "$OUT/timeline-daejeon.$FMT" 2>/dev/null
"$PN" timeline "$T" --actor tangsel --theme paper -o "$OUT/timeline-tangsel-ladder.$FMT" 2>/dev/null
"$PN" timeline "$T" --by type -o "$OUT/timeline-tangsel-types.$FMT" 2>/dev/null
"$PN" timeline "$SRC/datasets/twintowns-de.json" --by country --home DE --between 1950 2014 \
    --top 8 -o "$OUT/timeline-twintowns-countries.$FMT"
"$PN" mixing "$T" --by country -o "$OUT/mixing-tangsel-country.$FMT" 2>/dev/null
"$PN" mixing "$SRC/datasets/twintowns-de.json" --by region --top 12 -o "$OUT/mixing-twintowns-region.$FMT"
