"""Write synthetic event files in ACLED's and UCDP's exact column layouts (for tests and benchmarks only).

Every row says it is synthetic in its notes, actors carry a "(synthetic)" tag, and the files are written to
temporary folders; they are never bundled or shown as real. Column order and value styles follow the
ACLED codebook and the UCDP GED codebook, so the importer sees what a real download looks like.

    python -m bench.synthetic_events acled 1000000 /tmp/acled_1m.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from tests.synthetic import PLACES as SYNTHETIC_PLACES

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
]  # fmt: skip
# (country, admin1, admin2, place, lat, lon): real place names and coordinates, synthetic events.
PLACES = [
    (country, province, district, place, lat, lon)
    for place, district, province, country, lat, lon in SYNTHETIC_PLACES
    if country in ("Pakistan", "Afghanistan")
]
ACLED_TYPES = [  # (disorder_type, event_type, sub_event_type)
    ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Political violence", "Explosions/Remote violence", "Suicide bomb"),
    ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Political violence", "Battles", "Armed clash"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Political violence", "Violence against civilians", "Abduction/forced disappearance"),
    ("Demonstrations", "Protests", "Peaceful protest"),
    ("Strategic developments", "Strategic developments", "Arrests"),
]
ACTORS = [  # (actor, numeric inter code, text inter code)
    ("Military Forces of Pakistan (synthetic)", 1, "State forces"),
    ("TTP: Tehrik-i-Taliban Pakistan (synthetic)", 2, "Rebel group"),
    ("BLA: Balochistan Liberation Army (synthetic)", 2, "Rebel group"),
    ("Unidentified Armed Group (Pakistan) (synthetic)", 3, "Political militia"),
    ("Military Forces of Afghanistan (synthetic)", 1, "State forces"),
]
NOTE = "Synthetic event for tests and benchmarks; not a real event."


def acled_frame(rows: int, seed: int = 7, date_style: str = "export", inter_style: str = "text") -> pd.DataFrame:
    """`date_style`: "export" (16 May 2025) or "api" (2025-05-16); `inter_style`: "text" or "numeric"."""
    rng = np.random.default_rng(seed)
    place = rng.integers(0, len(PLACES), rows)
    kind = rng.integers(0, len(ACLED_TYPES), rows)
    actor = rng.integers(0, len(ACTORS), rows)
    days = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 365 * 7 + 300, rows), unit="D")
    places = pd.DataFrame(PLACES, columns=["country", "admin1", "admin2", "location", "lat", "lon"]).iloc[place]
    types = pd.DataFrame(ACLED_TYPES, columns=["disorder_type", "event_type", "sub_event_type"]).iloc[kind]
    actors = pd.DataFrame(ACTORS, columns=["actor", "numeric", "text"]).iloc[actor]
    jitter = rng.normal(0, 0.15, (rows, 2))
    dates = days.strftime("%d %B %Y") if date_style == "export" else days.strftime("%Y-%m-%d")
    inter = actors["numeric"].astype(str) if inter_style == "numeric" else actors["text"]
    frame = pd.DataFrame(
        {
            "event_id_cnty": [f"{'PAK' if c == 'Pakistan' else 'AFG'}{i + 1}" for i, c in enumerate(places["country"])],
            "event_date": dates,
            "year": days.year,
            "time_precision": 1,
            "disorder_type": types["disorder_type"].to_numpy(),
            "event_type": types["event_type"].to_numpy(),
            "sub_event_type": types["sub_event_type"].to_numpy(),
            "actor1": actors["actor"].to_numpy(),
            "assoc_actor_1": "",
            "inter1": inter.to_numpy(),
            "actor2": "Civilians (Pakistan) (synthetic)",
            "assoc_actor_2": "",
            "inter2": "7" if inter_style == "numeric" else "Civilians",
            "interaction": "27" if inter_style == "numeric" else "Rebel group-Civilians",
            "civilian_targeting": "",
            "iso": np.where(places["country"] == "Pakistan", 586, 4),
            "region": "Southern Asia",
            "country": places["country"].to_numpy(),
            "admin1": places["admin1"].to_numpy(),
            "admin2": places["admin2"].to_numpy(),
            "admin3": "",
            "location": places["location"].to_numpy(),
            "latitude": (places["lat"].to_numpy() + jitter[:, 0]).round(4),
            "longitude": (places["lon"].to_numpy() + jitter[:, 1]).round(4),
            "geo_precision": rng.integers(1, 4, rows),
            "source": "Synthetic Source",
            "source_scale": "National",
            "notes": NOTE,
            "fatalities": rng.poisson(1.5, rows),
            "tags": "",
            "timestamp": 1735689600,
        }
    )
    return frame[ACLED_COLUMNS]


def ucdp_frame(rows: int, seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    place = pd.DataFrame(PLACES, columns=["country", "adm_1", "adm_2", "where", "lat", "lon"]).iloc[
        rng.integers(0, len(PLACES), rows)
    ]
    days = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 365 * 10, rows), unit="D")
    low = rng.poisson(2, rows)
    best = low + rng.poisson(1, rows)
    high = best + rng.poisson(2, rows)
    kind = rng.integers(1, 4, rows)
    frame = pd.DataFrame(dict.fromkeys(UCDP_COLUMNS, ""), index=range(rows))
    frame = frame.assign(
        id=np.arange(1, rows + 1) + 500_000,
        year=days.year,
        type_of_violence=kind,
        side_a=np.where(kind == 1, "Government of Pakistan", "TTP (synthetic)"),
        side_b=np.where(kind == 3, "Civilians", "TTP (synthetic)"),
        source_headline=NOTE,
        source_office="Synthetic Source",
        where_prec=rng.integers(1, 6, rows),
        where_coordinates=place["where"].to_numpy(),
        adm_1=(place["adm_1"] + " province").to_numpy(),
        adm_2=(place["adm_2"] + " district").to_numpy(),
        latitude=place["lat"].to_numpy(),
        longitude=place["lon"].to_numpy(),
        country=place["country"].to_numpy(),
        region="Asia",
        date_start=days.strftime("%Y-%m-%d 00:00:00.000"),
        date_end=days.strftime("%Y-%m-%d 00:00:00.000"),
        deaths_civilians=np.minimum(low, 1),
        best=best,
        high=high,
        low=low,
    )
    return frame[UCDP_COLUMNS]


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write quickly (pyarrow) with a plain header, as ACLED and UCDP downloads have."""
    table = pa.Table.from_pandas(frame.astype(str), preserve_index=False)
    pa_csv.write_csv(table, path, pa_csv.WriteOptions(quoting_style="needed"))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("format", choices=["acled", "ucdp"])
    parser.add_argument("rows", type=int)
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    frame = acled_frame(args.rows) if args.format == "acled" else ucdp_frame(args.rows)
    write_csv(frame, args.path)
    print(f"wrote {args.rows:,} synthetic {args.format} rows to {args.path}")


if __name__ == "__main__":
    main()
