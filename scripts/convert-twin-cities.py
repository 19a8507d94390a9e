#!/usr/bin/env python3
"""Turn the Wikidata twinned-cities tables into paranet CSV tables.

    python3 scripts/convert-twin-cities.py datasets/twin-cities-wikidata /tmp/tc
    paranet convert /tmp/tc -o datasets/twin-cities.json

The input (datasets/twin-cities-wikidata/, README.md there gives the
provenance) is cities.csv (id, name, lng, lat, country, countrycd,
continent: 5,470 cities) and links.csv (source, target: 10,596 twinnings,
Wikidata's property P190, each pair once, order meaningless).

What the script decides (datasets/README.md repeats it):
  - Actors: each city is a `city` whose id is its Wikidata id in lower case
    (`q20921`), name as given, country the ISO code `countrycd` (Taiwan's
    `CN-TW` is `TW`, its ISO 3166-1 code; the set's own codes for places
    ISO 3166-1 has none of, `XC` "N. Cyprus" and `XS` "Somaliland", are
    `CY` and `SO`, the ISO codes of the states they lie in by international
    recognition; these 19 keep the set's code as the extra field
    `given_country`; Namibia's `NA` is read as text; Kosovo is `XK`, as in
    twintowns-de.json),
    `lat`/`lon` as given, the continent kept as the extra field
    `continent`; each cites its row, "cities.csv, Q20921 (Daejeon)".
  - Ties: one tie per link, instrument `sister-city` (a twinning), of type
    `g2g` between cities of two countries and `horizontal` between two of
    one country (the format's rule: docs/format.md),
    undirected, no status and no since (Wikidata's statements here carry
    none), each citing its row, "links.csv, Q734532–Q873835".
"""
import csv
import importlib.util
import os
import sys

SOURCE_ID = "wikidata-twinned-cities"
CITE = ("Twinned cities of the world (Wikidata): Wikidata items (CC0) with their coordinates "
        "(P625), country and twinnings (P190, \"twinned administrative body\"), compiled from "
        "the Wikidata Query Service by the Twin Cities Explorer (github.com/bothness/twin-cities, "
        "public/data/nodes.tsv and links.tsv) and republished unchanged as the TidyTuesday data "
        "set of 2026-05-12, \"Twinned Cities\" (github.com/rfordatascience/tidytuesday, "
        "data/2026/2026-05-12/, MIT licence): cities.csv and links.csv, kept in "
        "datasets/twin-cities-wikidata/. Licence: datasets/twin-cities.LICENSE.txt.")
# The set's codes that are not ISO 3166-1's (see above).
ISO = {"CN-TW": "TW", "XC": "CY", "XS": "SO"}
URL = "https://github.com/rfordatascience/tidytuesday/tree/main/data/2026/2026-05-12"


def num(text):
    x = float(text)
    return str(int(x)) if x == int(x) else repr(x)


def sibling(name):
    """A script beside this one, as a module (its name has hyphens)."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"),
                                                  os.path.join(here, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# The CSV tables are written as the German twin towns' are.
write = sibling("twintowns-to-paranet").write


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert-twin-cities.py DIR_WITH_CITIES_AND_LINKS OUTDIR")
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(src, "cities.csv"), encoding="utf-8", newline="") as f:
        cities = list(csv.DictReader(f))
    with open(os.path.join(src, "links.csv"), encoding="utf-8", newline="") as f:
        links = list(csv.DictReader(f))
    known = {c["id"] for c in cities}
    country = {}
    actors = []
    for c in cities:
        given = c["countrycd"]
        cc = ISO.get(given, given) or "ZZ"
        country[c["id"]] = cc
        actors.append([c["id"].lower(), c["name"], "city", cc, num(c["lat"]), num(c["lng"]),
                       f"{SOURCE_ID}@cities.csv, {c['id']} ({c['name']})", c["continent"],
                       given if cc != given else ""])
    ties = []
    for l in links:
        a, b = l["source"], l["target"]
        if a not in known or b not in known:
            sys.exit(f"links.csv: {a}-{b}: not in cities.csv")
        kind = "horizontal" if country[a] == country[b] else "g2g"
        ties.append([a.lower(), b.lower(), kind, "sister-city",
                     f"{SOURCE_ID}@links.csv, {a}\u2013{b}"])
    write(os.path.join(out, "actors.csv"),
          ["id", "name", "kind", "country", "lat", "lon", "sources", "continent",
           "given_country"], actors)
    write(os.path.join(out, "ties.csv"), ["from", "to", "type", "instrument", "sources"], ties)
    write(os.path.join(out, "sources.csv"), ["id", "cite", "url", "year"],
          [[SOURCE_ID, CITE, URL, "2026"]])
    desc = (f"The world's twinned cities as Wikidata records them: {len(actors)} cities with "
            f"coordinates and countries, {len(ties)} twinnings (instrument sister-city; "
            f"type g2g, or horizontal for the {sum(t[2] == 'horizontal' for t in ties)} within "
            "one country; Wikidata gives no status or year here, so none is given). Made with "
            "scripts/convert-twin-cities.py from datasets/twin-cities-wikidata/ (cities.csv, "
            "links.csv); Taiwan's CN-TW is TW, N. Cyprus's XC is CY and Somaliland's XS is SO (the "
            "set's code kept as the field given_country). Wikidata is CC0; the compilation is MIT-licensed: see "
            "datasets/twin-cities.LICENSE.txt.")
    write(os.path.join(out, "dataset.csv"), ["field", "value"],
          [["title", "Twinned cities of the world (Wikidata)"], ["description", desc]])
    print(f"{len(actors)} actors, {len(ties)} ties", file=sys.stderr)


if __name__ == "__main__":
    main()
