#!/usr/bin/env python3
"""Derives data/gazetteer/ucdp-places.tsv from a UCDP GED CSV (e.g. ged...csv or the Syria extract).

One row per distinct (where_coordinates, latitude, longitude): the place name as UCDP writes it (kind word such
as 'village' included; Sitmap's loader takes it apart), the position, the best where_prec of its events, adm_1,
adm_2 and how many events name it. Country-wide rows (where_prec 6) are left out. Output is sorted, so the same
input gives the same file.

UCDP GED is CC BY 4.0: Sundberg & Melander (2013), "Introducing the UCDP Georeferenced Event Dataset",
Journal of Peace Research 50(4). Usage: make_ucdp_places.py GED.csv OUT.tsv [COUNTRY]
"""
import csv
import sys

def main(src, out, country="Syria"):
    places = {}
    with open(src, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r.get("country") != country:
                continue
            prec = int(r["where_prec"])
            name = " ".join(r["where_coordinates"].split())
            if prec >= 6 or not name or name.lower() == country.lower():
                continue
            key = (name, round(float(r["latitude"]), 5), round(float(r["longitude"]), 5))
            p = places.setdefault(key, [prec, r["adm_1"], r["adm_2"], 0])
            p[0] = min(p[0], prec)
            p[3] += 1
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Place names of the UCDP Georeferenced Event Dataset (GED), CC BY 4.0, Uppsala Conflict Data Program\n")
        f.write("# (Sundberg & Melander 2013, Journal of Peace Research 50(4)). Made by make_ucdp_places.py.\n")
        f.write("name\tlatitude\tlongitude\twhere_prec\tadm_1\tadm_2\tevents\n")
        for (name, lat, lon), (prec, a1, a2, n) in sorted(places.items()):
            f.write(f"{name}\t{lat:.5f}\t{lon:.5f}\t{prec}\t{a1}\t{a2}\t{n}\n")
    print(f"{len(places)} places written to {out}")

if __name__ == "__main__":
    main(*sys.argv[1:])
