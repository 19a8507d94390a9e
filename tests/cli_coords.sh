#!/bin/sh
# Actor coordinates (issue 17, part 2): lat and lon in the JSON format, with
# located errors (out of range, one without the other, a string, null: the
# whole of stderr compared with the expected text); saved byte for byte
# again; read from and written to CSV, GraphML and GEXF, equal after each
# round trip; the coordinate aliases of CSV, GraphML and GEXF (a pair only);
# a dataset without coordinates writes no lat/lon column, key or attribute;
# the shipped datasets: every place in tangsel.json and bandung.json has
# coordinates citing the gazetteer, and their relative positions hold.
. "$(dirname "$0")/cli_lib.sh"
D=$SRC/tests/data/coords
cd "$OUT" || exit 1
same() {
    if cmp -s "$1" "$2"; then ok; else fail "$1 differs from $2:"; diff "$2" "$1" >&2; fi
}

# Bad coordinates: each a located error; nothing is written.
cp "$D/bad.json" bad.json
expect_exit 1 "$PN" convert bad.json -o bad.out.json
cat >want <<'TXT'
bad.json:2:68: error: actors[0].lat: lat 95 is out of range: a latitude is a number of decimal degrees from -90 to 90
bad.json:3:81: error: actors[1].lon: lon -200.5 is out of range: a longitude is a number of decimal degrees from -180 to 180
bad.json:4:68: error: actors[2].lat: lat without lon: give an actor both coordinates or neither
bad.json:5:68: error: actors[3].lon: lon without lat: give an actor both coordinates or neither
bad.json:6:68: error: actors[4].lat: expected a number (decimal degrees), found the string "6.2": write it without quotes
bad.json:7:81: error: actors[5].lon: expected a number (decimal degrees), found the string "106,72": write it with a decimal point and without quotes
bad.json:8:68: error: actors[6].lat: expected a number (decimal degrees), found null
TXT
same err want
[ -e bad.out.json ] && fail "bad.out.json written" || ok
# The same in CSV cells, located at the row and column.
cp -r "$D/badcsv" badcsv
expect_exit 1 "$PN" convert badcsv -o badcsv.json
has err 'badcsv/actors.csv:2: error: column "lon": expected a number (decimal degrees), found the string "106,72": write it with a decimal point and without quotes'
has err 'badcsv/actors.csv:3: error: column "lat": lat 136.35 is out of range: a latitude is a number of decimal degrees from -90 to 90'
has err 'badcsv/actors.csv:4: error: column "lat": lat without lon: give an actor both coordinates or neither'

# A good file in canonical form saves byte for byte again (shortest
# numbers, whole ones as integers; -90, 180, 0, 1e-07 kept).
expect_exit 0 "$PN" validate --strict "$D/good.json"
expect_exit 0 "$PN" convert "$D/good.json" -o good.json
same good.json "$D/good.json"
# 52.0 is saved as 52, then stays so.
sed 's/"lat": 50.110555555/"lat": 52.0/' "$D/good.json" >g52.json
expect_exit 0 "$PN" convert g52.json -o g52.out.json
has g52.out.json '"lat": 52,'

# Round trips through every format, for the test file and the studies.
for f in "$D/good.json" "$SRC/datasets/tangsel.json" "$SRC/datasets/bandung.json"; do
    n=$(basename "$f" .json)
    expect_exit 0 "$PN" convert "$f" -o "$n.canon.json"
    for to in csv graphml gexf; do
        if [ "$to" = csv ]; then dst="$n.csv/"; else dst="$n.$to"; fi
        expect_exit 0 "$PN" convert "$f" -o "$dst"
        expect_exit 0 "$PN" convert --strict "$dst" -o "$n.$to.json"
        same "$n.$to.json" "$n.canon.json"
    done
done
has good.csv/actors.csv 'id,label,kind,country,aliases,region,lat,lon,note,sources,population'
has good.csv/actors.csv 'pole,South Pole station,organisation,AQ,,,-90,180,,'
has good.graphml '<key id="v_lat" for="node" attr.name="lat" attr.type="double"/>'
has good.graphml '<data key="v_lon">8.682222222</data>'
has good.gexf '<attribute id="lat" title="lat" type="double"/>'
has good.gexf '<attvalue for="lat" value="1e-07"/>'

# No coordinates: no column, key or attribute (files as they were before).
printf '%s\n' '{"paranet": 1, "sources": [], "actors": [{"id": "a", "name": "A", "kind": "city",' \
    '"country": "DE"}], "ties": []}' >none.json
expect_exit 0 "$PN" convert none.json -o none/
has none/actors.csv 'id,label,kind,country,aliases,region,note,sources'
expect_exit 0 "$PN" convert none.json -o none.graphml
hasnt none.graphml 'v_lat'
expect_exit 0 "$PN" convert none.json -o none.gexf
hasnt none.gexf '"lat"'

# GraphML and GEXF without the lon of each node: located at the node's lat.
grep -v 'v_lon' good.graphml >half.graphml
expect_exit 1 "$PN" convert half.graphml -o half.json
has err 'half.graphml:40: error: node "tangsel", key "lat": lat without lon: give an actor both coordinates or neither'
grep -v 'for="lon"' good.gexf >half.gexf
expect_exit 1 "$PN" convert half.gexf -o half.json
has err 'error: node "tangsel", attribute "lat": lat without lon: give an actor both coordinates or neither'

# Aliases: a pair is read as the coordinates, each said once; a lone one
# stays an extra field, silently.
cp -r "$D/alias" alias
expect_exit 0 "$PN" convert alias -o alias.json
has err 'alias/actors.csv:1: warning: column "Latitude": read as "lat" (an alias)'
has err 'alias/actors.csv:1: warning: column "lng": read as "lon" (an alias)'
has alias.json '"lat": 36.35,'
has alias.json '"lon": 127.385'
has alias.json '"altitude": 30'
cp -r "$D/lone" lone
expect_exit 0 "$PN" convert lone -o lone.json
hasnt err 'column-alias'
hasnt err 'latitude'
has lone.json '"latitude": -6.28'
# GraphML keys and GEXF attributes of those names, read the same way.
sed 's/attr.name="lat"/attr.name="latitude"/; s/attr.name="lon"/attr.name="Longitude"/' \
    good.graphml >alias.graphml
expect_exit 0 "$PN" convert alias.graphml -o alias.graphml.json
has err 'alias.graphml:18: warning: key "latitude": read as "lat" (an alias)'
has err 'alias.graphml:19: warning: key "Longitude": read as "lon" (an alias)'
same alias.graphml.json good.canon.json
sed 's/title="lat"/title="latitude"/; s/title="lon"/title="long"/' good.gexf >alias.gexf
expect_exit 0 "$PN" convert alias.gexf -o alias.gexf.json
has err 'warning: attribute "latitude": read as "lat" (an alias)'
has err 'warning: attribute "long": read as "lon" (an alias)'
same alias.gexf.json good.canon.json

# The shipped datasets (expected values from the gazetteer's files, by hand).
# The two large ones only outside valgrind (a minute there; the ASan run
# and cli_gexf.sh read them too).
big="twintowns-de twin-cities"
[ -n "${PN_UNDER_VALGRIND:-}" ] && big=""
for f in tangsel bandung $big; do
    expect_exit 0 "$PN" validate --strict "$SRC/datasets/$f.json"
done
if [ -n "$big" ]; then
    expect_exit 0 "$PN" info "$SRC/datasets/twin-cities.json"
    has out 'actors:  5470'
    has out 'ties:    10596'
fi
python3 - "$SRC/datasets" <<'PY' || fail "datasets' coordinates"
import json, sys
d = sys.argv[1]
def load(n):
    return {a["id"]: a for a in json.load(open(f"{d}/{n}.json", encoding="utf-8"))["actors"]}
t, b = load("tangsel"), load("bandung")
places = ["tangsel", "daejeon", "banyumas", "dki-jakarta", "miri", "kathmandu", "frankfurt",
          "timra", "bandung", "semarang", "seoul"]
bad = []
for ds, ids in ((t, places), (b, ["bandung", "seoul", "petaling-jaya"])):
    for i in ids:
        a = ds[i]
        if "lat" not in a or "lon" not in a:
            bad.append(f"{i}: no coordinates")
        elif not any(isinstance(s, dict) and s["ref"] == "twin-cities-wikidata" and
                     s["page"].split(",")[0] in ("cities.csv", "gazetteer.csv")
                     for s in a.get("sources", [])):
            bad.append(f"{i}: coordinates cite no gazetteer row")
# Every tangsel actor that is a place (city, regency, province), but the
# placeholders for unnamed cities, is in the list above; the others have none.
for i, a in t.items():
    place = a["kind"] in ("city", "regency", "province") and not i.startswith("unnamed-")
    if place != (i in places):
        bad.append(f"{i}: place {place}, in the list {i in places}")
    if not place and "lat" in a:
        bad.append(f"{i}: not a place, but has coordinates")
def east(a, b): return t[a]["lon"] > t[b]["lon"]
def north(a, b): return t[a]["lat"] > t[b]["lat"]
checks = [("daejeon east of tangsel", east("daejeon", "tangsel")),
          ("daejeon north of tangsel", north("daejeon", "tangsel")),
          ("frankfurt west of tangsel", east("tangsel", "frankfurt")),
          ("timra north of frankfurt", north("timra", "frankfurt")),
          ("kathmandu west of tangsel, north of it", east("tangsel", "kathmandu") and north("kathmandu", "tangsel")),
          ("seoul north of daejeon", north("seoul", "daejeon")),
          ("jakarta north of tangsel", north("dki-jakarta", "tangsel")),
          ("bandung east of tangsel", east("bandung", "tangsel")),
          ("petaling jaya north-west of bandung", b["petaling-jaya"]["lat"] > b["bandung"]["lat"] and b["petaling-jaya"]["lon"] < b["bandung"]["lon"]),
          ("daejeon 36.35, 127.385 (cities.csv, Q20921)", (t["daejeon"]["lat"], t["daejeon"]["lon"]) == (36.35, 127.385)),
          ("tangsel -6.28, 106.72 (gazetteer.csv)", (t["tangsel"]["lat"], t["tangsel"]["lon"]) == (-6.28, 106.72))]
bad += [name for name, good in checks if not good]
de = json.load(open(f"{d}/twintowns-de.json", encoding="utf-8"))["actors"]
if any("latitude" in a or "longitude" in a for a in de):
    bad.append("twintowns-de: latitude/longitude extra fields left")
if sum("lat" in a for a in de) != 8187:
    bad.append("twintowns-de: not 8187 actors with lat")
w = json.load(open(f"{d}/twin-cities.json", encoding="utf-8"))
if sum("lat" in a for a in w["actors"]) != 5470:
    bad.append("twin-cities: not 5470 actors with lat")
if not all(t_["sources"] and t_["sources"][0]["page"].startswith("links.csv, Q") for t_ in w["ties"]):
    bad.append("twin-cities: a tie without its row of links.csv")
for x in bad:
    print("FAIL:", x, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
ok
finish
