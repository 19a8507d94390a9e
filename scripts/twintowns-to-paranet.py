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
    paranet's own country lookup (scripts/gen-countries.py: iso-codes' names
    and translations and scripts/country-aliases.txt, as the loader reads
    them); Kosovo is XK. The source gives no country for 7 rows (5 places):
    MISSING below fills them in, each with its source, and a name still not
    mapped is `ZZ` (paranet warns about each). A partner is keyed by name
    and code, so a place given once with and once without its country is one
    actor, whose fields come from a row that gives the country; a tie that
    then repeats another (same ends, year and form) is dropped as a
    duplicate, as exact duplicate rows are.
  - Ties: `g2g` from the German municipality to the partner, `since` the year
    in `seit`. The form code is kept as the extra field `form` and mapped to
    an instrument: p -> sister-city (Partnerschaft, a formal twinning),
    f -> mou (Freundschaft, a friendship), k (Kontakt, a contact) -> none.
    The source does not define the codes: this reading is the likeliest.
  - Exact duplicate rows are dropped (counted in the dataset's description).
  - Coordinates are the actors' `lat` and `lon` (the format's fields since
    issue 17; extra fields latitude/longitude before), the postcode is kept
    as the extra field `plz`, the geocoder's place name as `place`. Some
    geocoding is wrong, as the data's README says: they are the source's,
    unchecked, for the German municipalities and their partners alike.
"""
import csv
import importlib.util
import os
import re
import sys
import unicodedata

# Places the source gives no country for: (code, citation, note). The country
# comes from the gazetteer the other datasets cite for such facts (source
# twin-cities-wikidata, cities.csv, by Wikidata id) where it has the place;
# the notes say the rest.
# Prizren and Suhareke have their country (Kosovo) in the source; XK is
# Wikidata's code for it, cited too.
MISSING = {
    "Pinsk": ("BY", "twin-cities-wikidata@cities.csv, Q204150 (Pinsk)", ""),
    "Minsk": ("BY", "twin-cities-wikidata@cities.csv, Q2280 (Minsk)", ""),
    "Witebsk (Belarus)": ("BY", "twin-cities-wikidata@cities.csv, Q102217 (Vitebsk)", ""),
    "Luninetz (Minsk)": ("BY", "muench-twintowns@TwinTowns_clean.csv, Rottweil - Luninetz "
                         "(Minsk), partner_place_name",
                         "Country BY (Belarus) from the source's own geocoding of the partner, "
                         "'Minsk, City of Minsk, Belarus' (partner_place_name), which placed "
                         "the '(Minsk)' of the name: the source gives no country. Luninets is "
                         "not in the gazetteer."),
    "Woltschja Gora": ("BY", None,
                       "Country BY (Belarus) is unverified, and cites no source: the source "
                       "gives no country and geocodes the place to Gorakhpur, India (its "
                       "coordinates and place are kept as given), though the name is a German "
                       "transliteration of a Russian one (Volchya Gora). Belarus is the reading "
                       "of paranet's issue 14; no source for it was found."),
}
CITE_XK = {
    "Prizren (Amselfeld Provinz Kosovo)": "cities.csv, Q200061 (Prizren)",
    "Suhareke": "cities.csv, Q59086 (Suhareka)",
}
GAZETTEER = "twin-cities-wikidata"
# The same id and cite as in datasets/tangsel.json, so a merge keeps one.
GAZETTEER_CITE = (
    "Twinned cities of the world, with coordinates (Wikidata): Wikidata items (CC0) with "
    "their country, compiled from the Wikidata Query Service by the Twin Cities Explorer "
    "(github.com/bothness/twin-cities, public/data/nodes.tsv and links.tsv) and republished "
    "unchanged as the TidyTuesday data set of 2026-05-12, \"Twinned Cities\" "
    "(github.com/rfordatascience/tidytuesday, data/2026/2026-05-12/, MIT licence): cities.csv, "
    "cited as \"cities.csv, <Wikidata id>\". Places that set lacks come from the gazetteer.csv "
    "kept beside it (place, ISO country code, approximate centre coordinates; no upstream "
    "source stated), cited as \"gazetteer.csv, <place>\". Used only for facts the studies do "
    "not state: a place's country, kind or coordinates.")
GAZETTEER_URL = "https://github.com/rfordatascience/tidytuesday/tree/main/data/2026/2026-05-12"

SOURCE_ID = "muench-twintowns"
CITE = ("Muench, Dominik (2015). Twin Towns: German municipalities and their twin "
        "towns, data/data/TwinTowns_clean.csv. https://github.com/muenchdo/TwinTowns. "
        "MIT licence (datasets/twintowns-de.LICENSE.txt).")


def load_countries(root):
    """The lookup paranet's loader does (core/country.c), from the same
    generator: a code as it is, else the folded name's code."""
    spec = importlib.util.spec_from_file_location(
        "gen_countries", os.path.join(root, "scripts", "gen-countries.py"))
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    display, names = gen.build()

    def lookup(text):
        return text if text in display else names.get(gen.fold(text)) if text else None
    return lookup


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
    partners = {}  # (name, country code) -> id
    filled_in = set()  # ids of partners whose country MISSING gave
    unmapped = {}
    ties = []
    seen_rows, seen_ties = set(), set()
    dropped = repeated = 0

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
        # 52.0 as 52, as paranet writes a whole number.
        return "" if x is None else str(int(x)) if x == int(x) else repr(x)

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
        cc = countries(cname)
        filled = MISSING.get(name) if not cname else None
        if filled:
            cc = filled[0]
        if not cc:
            unmapped[cname] = unmapped.get(cname, 0) + 1
            cc = "ZZ"
        pk = (name, cc)
        if pk not in partners or (partners[pk] in filled_in and not filled):
            # A new partner, or the first row that gives the country of one
            # filled in: that row's fields are the actor's.
            pid = partners.get(pk) or new_id(slug(name) + "-" + cc.lower(), cc.lower())
            partners[pk] = pid
            note, cites = "", ""
            if filled:
                filled_in.add(pid)
                _, cites, note = filled
                cites = cites or ""
            else:
                filled_in.discard(pid)
                if name in CITE_XK:
                    cites = f"{GAZETTEER}@{CITE_XK[name]}"
            actors.pop(pid, None)  # where the row that gives the country is
            actors[pid] = [pid, name, "city", cc, "", "", note, cites, "",
                           coord(r["partner_latitude"]), coord(r["partner_longitude"]), "",
                           r["partner_place_name"]]
        form = r["form"].strip()
        tk = (german[gk], partners[pk], r["seit"].strip(), form)
        if tk in seen_ties:
            repeated += 1
            continue
        seen_ties.add(tk)
        instrument = {"p": "sister-city", "f": "mou"}.get(form, "")
        ties.append(["", german[gk], partners[pk], "g2g", instrument, r["seit"].strip(), "",
                     "", "", "", "", "", SOURCE_ID, form])

    header = ["id", "name", "kind", "country", "aliases", "region", "note", "sources",
              "x-unused", "lat", "lon", "plz", "place"]
    # x-unused keeps the columns aligned above; drop it from the table.
    arows = [a[:8] + a[9:] for a in actors.values()]
    write(os.path.join(out, "actors.csv"), header[:8] + header[9:], arows)
    write(os.path.join(out, "ties.csv"),
          ["id", "from", "to", "type", "instrument", "since", "until", "status", "sectors",
           "weight", "directed", "note", "sources", "form"], ties)
    write(os.path.join(out, "sources.csv"), ["id", "cite", "url", "year"],
          [[SOURCE_ID, CITE, "https://github.com/muenchdo/TwinTowns", "2015"],
           [GAZETTEER, GAZETTEER_CITE, GAZETTEER_URL, "2026"]])
    unm = ", ".join(f"{k or '(none)'} ({v})" for k, v in sorted(unmapped.items()))
    desc = (f"German municipalities and their twin towns: {len(ties)} partnerships from "
            f"{len(rows)} rows of TwinTowns_clean.csv ({dropped} exact duplicate rows dropped, "
            f"and {repeated} more that repeats a partnership once its missing country is "
            "filled in). "
            "Made with scripts/twintowns-to-paranet.py: form code p -> instrument sister-city, "
            "f -> mou, k -> no instrument (the source does not define the codes; the code is "
            "kept as the field 'form'); seit -> since. Countries: the source's English names "
            "read as ISO 3166-1 codes (Kosovo as XK, the code the EU and Wikidata use); the "
            "7 rows without a country are filled in (Belarus, 5 places: the actors' sources "
            "and notes say from where; Woltschja Gora's is unverified); not mapped, and ZZ: "
            f"{unm or 'none'}. Coordinates (lat, lon) are the source's geocoding, some "
            "of it wrong. Data (c) 2015 Dominik Muench, MIT licence: see "
            "datasets/twintowns-de.LICENSE.txt.")
    write(os.path.join(out, "dataset.csv"), ["field", "value"],
          [["title", "Twin towns of German municipalities (Muench, TwinTowns)"],
           ["description", desc]])
    print(f"{len(actors)} actors, {len(ties)} ties, {dropped} duplicate rows and {repeated} "
          "repeated partnerships dropped; "
          f"unmapped countries: {unm or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
