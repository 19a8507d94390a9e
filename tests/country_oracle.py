"""Every name scripts/gen-countries.py puts in the table, as iso-codes and
the alias list spell it (not folded), looked up by the built library through
ctypes: the C fold and lookup must give the generator's code (None where
ambiguous). Also each name in upper case. Usage: country_oracle.py LIBPARANET"""
import ctypes
import gettext
import glob
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Skipped (77) without iso-codes, or when it is not the version the committed
# tables were made from (cli_countries_generated says the same).
if not os.path.exists("/usr/share/iso-codes/json/iso_3166-1.json"):
    sys.exit(77)
spec = importlib.util.spec_from_file_location(
    "gen", os.path.join(HERE, "..", "scripts", "gen-countries.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

with open(os.path.join(HERE, "..", "libgraph", "src", "core", "country_names.inc"),
          encoding="utf-8") as f:
    if "iso-codes %s and" % gen.iso_version() not in f.readline():
        sys.exit(77)
lib = ctypes.CDLL(sys.argv[1])
lib.pn_country_lookup.restype = ctypes.c_char_p
lib.pn_country_lookup.argtypes = [ctypes.c_char_p, ctypes.c_void_p]

display, keys = gen.build()
with open(gen.ISO, encoding="utf-8") as f:
    rows = json.load(f)["3166-1"]
names = set(display.values())
for r in rows:
    names.update(r[f] for f in gen.NAME_FIELDS if f in r)
    names.add(r["alpha_3"])
with open(os.path.join(HERE, "..", "scripts", "country-aliases.txt"), encoding="utf-8") as f:
    names.update(line.split(None, 1)[1].strip() for line in f
                 if line.strip() and not line.startswith("#"))
for mo in glob.glob(gen.LOCALES):
    with open(mo, "rb") as f:
        t = gettext.GNUTranslations(f)
    names.update(t.gettext(r[f]) for r in rows for f in gen.NAME_FIELDS if f in r)

bad = 0
checked = 0
for name in sorted(names):
    for text in (name, name.upper()):
        k = gen.fold(text)
        if not k or len(k.encode()) > gen.MAX_KEY or k not in keys:
            continue  # upper() may fold elsewhere (e.g. 'ß' -> 'SS')
        # A code in any case is the code, before any name ("Ao" is AO).
        code = text.strip(" ").upper()
        want = code if code in display or code == "ZZ" else keys[k]
        got = lib.pn_country_lookup(text.encode(), None)
        got = got.decode() if got else None
        checked += 1
        if got != want:
            bad += 1
            if bad <= 20:
                print(f"{text!r}: library {got}, generator {want}")
print(f"{checked} names looked up, {bad} wrong")
sys.exit(1 if bad else 0)
