#!/usr/bin/env python3
"""Turn Dominik Muench's German twin towns table into paranet CSV tables.

    python3 scripts/twintowns-to-paranet.py TwinTowns_clean.csv OUTDIR
    paranet convert OUTDIR -o datasets/twintowns-de.json

The input (github.com/muenchdo/TwinTowns, data/data/TwinTowns_clean.csv, MIT
licence) has one row per partnership: the German municipality, its postcode,
state and coordinates, the partner town, its country (in German and English)
and coordinates, the year it began (`seit`) and a form code (`form`).

What the script decides (docs/convert.md repeats it):
  - Actors: each German municipality (by name and postcode) and each partner
    town (by name and English country name) is a `city`. Ids are the name in
    ASCII, lowercased, with the country code: `aachen-de`, `reims-fr`; a
    second German municipality of the same name gets its postcode appended.
  - Countries: the English names mapped to ISO 3166-1 alpha-2 codes through
    paranet's own table (libgraph/src/core/countries.inc) and the aliases below;
    a name not mapped, or none given, is `ZZ` (paranet warns about each).
  - Ties: `g2g` from the German municipality to the partner, `since` the year
    in `seit`. The form code is kept as the extra field `form` and mapped to
    an instrument: p -> sister-city (Partnerschaft, a formal twinning),
    f -> mou (Freundschaft, a friendship), k (Kontakt, a contact) -> none.
    The source does not define the codes: this reading is the likeliest.
  - Exact duplicate rows are dropped (counted in the dataset's description).
  - Coordinates are kept as the extra fields latitude/longitude, the
    postcode as `plz`, the geocoder's place name as `place`. Some geocoding
    is wrong, as the data's README says: they are the source's, unchecked.
"""
import csv
import os
import re
import sys
import unicodedata

ALIASES = {
    "United States": "US",
    "United Kingdom": "GB",
    "Russia": "RU",
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "South Korea": "KR",
    "Macedonia": "MK",
    "Moldova": "MD",
    "Tanzania": "TZ",
    "Taiwan": "TW",
    "Palestine": "PS",
    "Vietnam": "VN",
    "Cape Verde": "CV",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Congo": "CG",  # the source does not say which Congo; CG is the Republic
    "Iran": "IR",
    "Syria": "SY",
    "Laos": "LA",
    "Ivory Coast": "CI",
}

SOURCE_ID = "muench-twintowns"
CITE = ("Muench, Dominik (2015). Twin Towns: German municipalities and their twin "
        "towns, data/data/TwinTowns_clean.csv. https://github.com/muenchdo/TwinTowns. "
        "MIT licence (datasets/twintowns-de.LICENSE.txt).")


def load_countries(root):
    names = {}
    path = os.path.join(root, "libgraph", "src", "core", "countries.inc")
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'PN_COUNTRY\("([A-Z]{2})", "(.*)"\)', line.strip())
            if m:
                names[m.group(2)] = m.group(1)
    return names


def slug(text):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"),
                 ("Ü", "Ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text or "x"


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: twintowns-to-paranet.py TwinTowns_clean.csv OUTDIR")
    src, out = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    countries = load_countries(root)
    os.makedirs(out, exist_ok=True)
    with open(src, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    actors = {}  # key -> actor row (dict)
    ids = set()
    german = {}  # (name, plz) -> id
    partners = {}  # (name, country) -> id
    unmapped = {}
    ties = []
    seen_rows = set()
    dropped = 0

    def new_id(base, extra):
        i = base if base not in ids else f"{base}-{extra}"
        n = 2
        while i in ids:
            i = f"{base}-{extra}-{n}"
            n += 1
        ids.add(i)
        return i

    def coord(v):
        x = number(v)
        return "" if x is None else repr(x)

    for r in rows:
        key = tuple(r[k] for k in ("municipality", "plz", "partnergemeinde", "country", "seit",
                                   "form"))
        if key in seen_rows:
            dropped += 1
            continue
        seen_rows.add(key)
        gk = (r["municipality"], r["plz"])
        if gk not in german:
            aid = new_id(slug(r["municipality"]) + "-de", r["plz"])
            german[gk] = aid
            actors[aid] = [aid, r["municipality"], "city", "DE", "", r["bundesland"], "", "",
                           "", coord(r["latitude"]), coord(r["longitude"]), r["plz"],
                           r["municipality_place_name"]]
        name, cname = r["partnergemeinde"].strip(), r["country"].strip()
        cc = countries.get(cname) or ALIASES.get(cname)
        if not cc:
            unmapped[cname] = unmapped.get(cname, 0) + 1
            cc = "ZZ"
        pk = (name, cname)
        if pk not in partners:
            pid = new_id(slug(name) + "-" + cc.lower(), cc.lower())
            partners[pk] = pid
            actors[pid] = [pid, name, "city", cc, "", "", "", "", "",
                           coord(r["partner_latitude"]), coord(r["partner_longitude"]), "",
                           r["partner_place_name"]]
        form = r["form"].strip()
        instrument = {"p": "sister-city", "f": "mou"}.get(form, "")
        ties.append(["", german[gk], partners[pk], "g2g", instrument, r["seit"].strip(), "",
                     "", "", "", "", "", SOURCE_ID, form])

    header = ["id", "name", "kind", "country", "aliases", "region", "note", "sources",
              "x-unused", "latitude", "longitude", "plz", "place"]
    # x-unused keeps the columns aligned above; drop it from the table.
    arows = [a[:8] + a[9:] for a in actors.values()]
    write(os.path.join(out, "actors.csv"), header[:8] + header[9:], arows)
    write(os.path.join(out, "ties.csv"),
          ["id", "from", "to", "type", "instrument", "since", "until", "status", "sectors",
           "weight", "directed", "note", "sources", "form"], ties)
    write(os.path.join(out, "sources.csv"), ["id", "cite", "url", "year"],
          [[SOURCE_ID, CITE, "https://github.com/muenchdo/TwinTowns", "2015"]])
    unm = ", ".join(f"{k or '(none)'} ({v})" for k, v in sorted(unmapped.items()))
    desc = (f"German municipalities and their twin towns: {len(ties)} partnerships from "
            f"{len(rows)} rows of TwinTowns_clean.csv ({dropped} exact duplicate rows dropped). "
            "Made with scripts/twintowns-to-paranet.py: form code p -> instrument sister-city, "
            "f -> mou, k -> no instrument (the source does not define the codes; the code is "
            "kept as the field 'form'); seit -> since. Countries not given or not mapped to "
            f"ISO codes are ZZ: {unm or 'none'}. Coordinates are the source's geocoding, some "
            "of it wrong. Data (c) 2015 Dominik Muench, MIT licence: see "
            "datasets/twintowns-de.LICENSE.txt.")
    write(os.path.join(out, "dataset.csv"), ["field", "value"],
          [["title", "Twin towns of German municipalities (Muench, TwinTowns)"],
           ["description", desc]])
    print(f"{len(actors)} actors, {len(ties)} ties, {dropped} duplicate rows dropped; "
          f"unmapped countries: {unm or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
