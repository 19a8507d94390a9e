#!/usr/bin/env python3
"""Generate paranet's country tables from Debian's iso-codes (ISO 3166-1).

Usage: python3 scripts/gen-countries.py [libgraph/src/core]

Writes two files (both committed; regenerate them when iso-codes changes):

countries.inc      PN_COUNTRY(code, English name): the codes paranet accepts,
                   sorted, with their display names (iso-codes' common_name,
                   else name), plus XK (Kosovo), the one user-assigned code
                   paranet accepts (the EU and Wikidata use it).
country_names.inc  the names a country may be given by, folded for matching
                   (see fold() below), sorted bytewise and front-coded in
                   blocks of 16 names (bsearch on the blocks' first names):
                   - tier 1: each code's English name, common_name and
                     official_name, its alpha-3 code, and the aliases in
                     scripts/country-aliases.txt. A clash here is a bug in
                     the alias list: the script stops.
                   - tier 2: the same three names in every language of
                     iso-codes' translations (/usr/share/locale/*/LC_MESSAGES/
                     iso_3166-1.mo). A folded name that tier 1 holds keeps its
                     tier-1 code. A name the translations give to two codes
                     goes to the one at least twice as many languages give it
                     (a translator's slip: Occitan's "República Dominicana"
                     for Afghanistan against nine languages' for DO); when
                     neither is that clear, it is kept as ambiguous (it names
                     no code: "Gweriniaeth y Swdan", Welsh for SD and SE).
                   and the fold map the C side applies to its input.

Folding (the same in C, core/vocab.c, which applies the generated map): ASCII
letters to lower case; ' ', '-', '_', tab and the Unicode spaces and dashes to
one space, none at either end; every other code point in the Latin, Greek,
Cyrillic, Armenian and Georgian blocks to its case fold with the combining
diacritics (U+0300-U+036F) removed ('Ö' -> 'o', 'ß' -> 'ss', 'İ' -> 'i'), a
few letters without a decomposition to their base ('ł' -> 'l', 'ø' -> 'o');
the combining diacritics themselves to nothing. Other code points (Arabic,
CJK, Indic scripts, ...) are kept as they are, so such names match exactly.
"""
import glob
import gettext
import json
import os
import sys
import unicodedata

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
LOCALES = "/usr/share/locale/*/LC_MESSAGES/iso_3166-1.mo"
HERE = os.path.dirname(os.path.abspath(__file__))
USER_ASSIGNED = {"XK": "Kosovo"}
NAME_FIELDS = ("name", "common_name", "official_name")
MAX_KEY = 255  # bytes; the C side folds into a buffer of 256
BLOCK = 16  # names a block of the front-coded table

RANGES = [(0x00A0, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x052F),
          (0x0531, 0x058F), (0x10A0, 0x10FF), (0x1E00, 0x1FFF), (0x2000, 0x206F),
          (0xFB00, 0xFB06)]
BASE = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ŧ": "t", "æ": "ae",
        "œ": "oe", "þ": "th", "ð": "d"}
SPACES = {0x00A0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x2010, 0x2011, 0x2012, 0x2013,
          0x2014, 0x2015, 0x2212}
QUOTES = {0x2018: "'", 0x2019: "'", 0x02BC: "'", 0x00B4: "'"}


def fold_one(cp):
    if cp in SPACES:
        return " "
    if cp in QUOTES:
        return QUOTES[cp]
    if 0x0300 <= cp <= 0x036F:
        return ""
    s = unicodedata.normalize("NFD", chr(cp).casefold())
    s = "".join(c for c in s if not 0x0300 <= ord(c) <= 0x036F)
    return "".join(BASE.get(c, c) for c in s)


FOLD = {}
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        if unicodedata.category(chr(cp)) == "Cn" and cp not in SPACES:
            continue
        f = fold_one(cp)
        if f != chr(cp):
            assert len(f.encode()) < 8, (hex(cp), f)
            FOLD[cp] = f
for cp in (0x02BC, 0x00B4):
    FOLD[cp] = QUOTES[cp]


def fold(text):
    """What core/vocab.c's fold does, code point by code point."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            f = " " if ch in " -_\t" else ch.lower()
        else:
            f = FOLD.get(cp, ch)
        for c in f:
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
    while out and out[-1] == " ":
        out.pop()
    return "".join(out)


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("?", "\\?") + '"'


def build():
    """(display names by code, folded name -> code or None when ambiguous).
    scripts/twintowns-to-paranet.py uses it, with fold(), as its lookup."""
    with open(ISO, encoding="utf-8") as f:
        rows = json.load(f)["3166-1"]
    display = {r["alpha_2"]: r.get("common_name", r["name"]) for r in rows}
    display.update(USER_ASSIGNED)

    tier1 = {}

    def add1(text, code, what):
        k = fold(text)
        if not k or len(k.encode()) > MAX_KEY:
            return
        if tier1.get(k, code) != code:
            sys.exit(f"gen-countries: {what} {text!r} is {code} and {tier1[k]}")
        tier1[k] = code

    for r in rows:
        for f in NAME_FIELDS:
            if f in r:
                add1(r[f], r["alpha_2"], "name")
        add1(r["alpha_3"], r["alpha_2"], "alpha-3 code")
    for code, name in USER_ASSIGNED.items():
        add1(name, code, "name")
    with open(os.path.join(HERE, "country-aliases.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            code, alias = line.split(None, 1)
            if code not in display:
                sys.exit(f"gen-countries: alias {alias!r}: no code {code}")
            if alias.upper() in display:
                sys.exit(f"gen-countries: alias {alias!r} is an ISO code")
            add1(alias, code, "alias")

    tier2 = {}
    for mo in sorted(glob.glob(LOCALES)):
        with open(mo, "rb") as f:
            t = gettext.GNUTranslations(f)
        for r in rows:
            for fld in NAME_FIELDS:
                if fld not in r:
                    continue
                k = fold(t.gettext(r[fld]))
                if k and len(k.encode()) <= MAX_KEY and k not in tier1:
                    votes = tier2.setdefault(k, {})
                    votes[r["alpha_2"]] = votes.get(r["alpha_2"], 0) + 1
    keys = dict(tier1)
    for k, votes in tier2.items():
        ranked = sorted(votes.items(), key=lambda cv: (-cv[1], cv[0]))
        clear = len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]
        keys[k] = ranked[0][0] if clear else None
    return display, keys


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "libgraph", "src",
                                                                "core")
    display, keys = build()
    codes = sorted(display)
    index = {c: i for i, c in enumerate(codes)}
    assert len(codes) < 255
    ambiguous = sum(1 for c in keys.values() if c is None)

    with open(os.path.join(outdir, "countries.inc"), "w", encoding="utf-8") as f:
        f.write("/* Generated by scripts/gen-countries.py from iso-codes; do not edit. */\n")
        for c in codes:
            f.write("PN_COUNTRY(%s, %s)\n" % (c_string(c), c_string(display[c])))

    order = sorted(keys, key=lambda k: k.encode())
    with open(os.path.join(outdir, "country_names.inc"), "w", encoding="utf-8") as f:
        w = f.write
        w("/* Generated by scripts/gen-countries.py from iso-codes %s and\n"
          " * scripts/country-aliases.txt; do not edit. %d folded names (%d ambiguous),\n"
          " * %d languages. */\n" % (iso_version(), len(order), ambiguous,
                                      len(glob.glob(LOCALES))))
        w("static const fold_entry fold_map[] = {\n")
        for cp in sorted(FOLD):
            w("    {0x%04X, %s},\n" % (cp, c_string(FOLD[cp])))
        w("};\n\n")
        w("/* The folded names, front-coded in blocks of NAME_BLOCK: a block's first\n"
          " * name whole, each other as one byte, the length of the prefix it shares\n"
          " * with the name before it, then the rest; each name ends in '\\0'. */\n")
        w("#define NAME_BLOCK %d\n" % BLOCK)
        w("static const char name_text[] =\n")
        blocks, pos, prev = [], 0, b""
        for i, k in enumerate(order):
            kb = k.encode()
            if i % BLOCK == 0:
                blocks.append(pos)
                w("    %s \"\\0\"\n" % c_string(k))
                pos += len(kb) + 1
            else:
                n = 0
                while n < min(len(prev), len(kb)) and prev[n] == kb[n]:
                    n += 1
                while n and 0x80 <= kb[n] < 0xC0:
                    n -= 1  # not inside a UTF-8 sequence (kb is longer than n)
                w("    \"\\%03o\" %s \"\\0\"\n" % (n, c_string(kb[n:].decode())))
                pos += 1 + len(kb) - n + 1
            prev = kb
        w("    ;\n\n")
        w("/* Where each block starts in name_text. */\n")
        w("static const uint32_t name_block[] = {\n")
        for i in range(0, len(blocks), 12):
            w("    " + ", ".join(str(x) for x in blocks[i:i + 12]) + ",\n")
        w("};\n\n")
        w("/* Index in countries[] of each name's code; NAME_AMBIGUOUS when two. */\n")
        w("static const unsigned char name_code[] = {\n")
        cs = [index[keys[k]] if keys[k] else 255 for k in order]
        for i in range(0, len(cs), 20):
            w("    " + ", ".join(str(x) for x in cs[i:i + 20]) + ",\n")
        w("};\n")


def iso_version():
    try:
        with open("/usr/share/doc/iso-codes/changelog.Debian.gz", "rb") as f:
            import gzip
            return gzip.decompress(f.read()).split(b"\n", 1)[0].split()[1].decode().strip("()")
    except (OSError, IndexError):
        return "(version unknown)"


if __name__ == "__main__":
    main()
