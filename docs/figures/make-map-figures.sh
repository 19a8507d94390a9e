#!/bin/sh
# The maps of docs/render.md ("Maps"), drawn from the shipped datasets.
# Usage: make-map-figures.sh PARANET SOURCE_DIR OUT_DIR
# The world map is a PNG: as SVG it is 30 MB (5,470 cities, 10,596 arcs).
set -e
PN=$1
SRC=$2
OUT=$3
mkdir -p "$OUT"
"$PN" render "$SRC/datasets/tangsel.json" --layout geo -o "$OUT/tangsel-map.svg"
"$PN" render "$SRC/datasets/twin-cities.json" --layout geo --no-legend --dpi 200 \
    -o "$OUT/twin-cities-map.png"
