"""Synthetic data for tests, made by code and labelled as such; it is never shown as real.

`write_dataset` lays out a folder like data/ with every table valid, so tests and AppTest runs can
point the app at it through DLM_DATA_DIR. Monthly tracker values follow simple formulas so tests can
check year-over-year arithmetic by hand.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pandas as pd

from components.schemas import OUTLET_REGISTRY, TABLES

SOURCE = {"source_name": "Synthetic test source", "source_published": "2026-01-15", "notes": "synthetic"}
PLACES = [  # (place, district, province, country, lat, lon)
    ("Bannu", "Bannu", "Khyber Pakhtunkhwa", "Pakistan", 32.98527, 70.60403),
    ("Miranshah", "North Waziristan", "Khyber Pakhtunkhwa", "Pakistan", 33.00059, 70.07117),
    ("Quetta", "Quetta", "Balochistan", "Pakistan", 30.18414, 67.00141),
    ("Chaman", "Killa Abdullah", "Balochistan", "Pakistan", 30.91769, 66.45259),
    ("Peshawar", "Peshawar", "Khyber Pakhtunkhwa", "Pakistan", 34.008, 71.57849),
    ("Khost", "Khost", "Khost", "Afghanistan", 33.33951, 69.92041),
    ("Karachi", "Karachi", "Sindh", "Pakistan", 24.8608, 67.0104),
]
TYPES = ["suicide_bombing", "ied_bombing", "armed_assault", "ambush", "border_clash", "airstrike"]
ACTORS = [("TTP", "ttp"), ("BLA", "bla"), ("ISKP", "islamic_state"), ("unknown", "unknown")]  # (as written, group)


def measured_events(**columns) -> pd.DataFrame:
    """Events for geo.border_shares, each in one place known to its district: a distance of its own."""
    return pd.DataFrame(columns).assign(
        district="Bannu", location_precision="district", multi_province=False, provinces=None
    )


def monthly_attacks(year: int, month: int) -> int:
    """2024: 50 + month; 2025: 60 + 2 * month (so 2025 is higher every month)."""
    return 50 + month if year == 2024 else 60 + 2 * month


def _url(kind: str, n: int) -> str:
    return f"https://example.org/synthetic/{kind}/{n}"


def _write(path: Path, rows: list[dict], columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def columns(table: str) -> list[str]:
    return list(TABLES[table].schema.columns)


def incident_rows(count: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        place, district, province, country, lat, lon = PLACES[n % len(PLACES)]
        year = 2024 + n % 2
        month, day = 1 + (n * 7) % 12, 1 + (n * 11) % 28
        killed = rng.randint(0, 30)
        rows.append(
            {
                "incident_id": f"{year}{month:02d}{day:02d}-synthetic-{n}",
                "account": "press report",
                "date": f"{year}-{month:02d}-{day:02d}",
                "date_end": "",
                "country": country,
                "province": province,
                "district": district,
                "place": place,
                "lat": lat,
                "lon": lon,
                "location_precision": "exact",
                "coord_source": "GeoNames (synthetic)",
                "event_type": TYPES[n % len(TYPES)],
                "perpetrator": ACTORS[n % len(ACTORS)][0],
                "actor_group": ACTORS[n % len(ACTORS)][1],
                "suspected_group": "",
                "multi_province": "false",
                "provinces": "",
                "claimed_by": "",
                "target": "security forces",
                "killed_total": killed,
                "killed_security_forces": "",
                "killed_civilians": "",
                "killed_militants": "",
                "injured_total": rng.randint(0, 40),
                "cross_border": str(TYPES[n % len(TYPES)] in ("border_clash", "airstrike")).lower(),
                "summary": f"Synthetic incident number {n}.",
                "source_url": _url("incident", n),
                **SOURCE,
            }
        )
    return rows


def tracker_rows() -> list[dict]:
    rows = []
    for year in (2024, 2025):
        for month in range(1, 13):
            end_day = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            rows.append(
                {
                    "tracker": "PICSS",
                    "series": "militant_attacks",
                    "period_type": "month",
                    "period_start": f"{year}-{month:02d}-01",
                    "period_end": f"{year}-{month:02d}-{end_day}",
                    "region": "Pakistan",
                    "metric": "attacks",
                    "value": monthly_attacks(year, month),
                    "status": "published",
                    "source_url": _url("picss", year * 100 + month),
                    **SOURCE,
                }
            )
        rows.append(
            {
                "tracker": "PICSS",
                "series": "militant_attacks",
                "period_type": "year",
                "period_start": f"{year}-01-01",
                "period_end": f"{year}-12-31",
                "region": "Pakistan",
                "metric": "attacks",
                "value": sum(monthly_attacks(year, m) for m in range(1, 13)) + 5,
                "status": "published",
                "source_url": _url("picss-annual", year),
                **SOURCE,
            }
        )
    return rows


def write_dataset(folder: Path, incidents: int = 40, seed: int = 1) -> Path:
    """Write a complete, valid synthetic data folder and return it."""
    _write(folder / "incidents.csv", incident_rows(incidents, seed), columns("incidents"))
    _write(folder / "tracker_stats.csv", tracker_rows(), columns("tracker_stats"))
    _write(
        folder / "crossings.csv",
        [
            {
                "crossing_id": "torkham",
                "name": "Torkham",
                "pk_place": "Landi Kotal",
                "af_place": "",
                "pk_province": "Khyber Pakhtunkhwa",
                "af_province": "Nangarhar",
                "lat": 34.1,
                "lon": 71.09,
                "coord_precision": "approximate",
                "coord_source_name": "synthetic",
                "coord_source_url": "https://example.org/synthetic/torkham",
                "notes": "",
            },
        ],
        columns("crossings"),
    )
    _write(
        folder / "crossing_status.csv",
        [
            {
                "crossing_id": "torkham",
                "status": "closed",
                "start_date": "2025-10-12",
                "end_date": "",
                "reason": "synthetic closure",
                "trade_impact": "",
                "source_url": _url("status", 1),
                **SOURCE,
            },
            {
                "crossing_id": "torkham",
                "status": "open",
                "start_date": "2024-01-01",
                "end_date": "2025-10-11",
                "reason": "",
                "trade_impact": "",
                "source_url": _url("status", 2),
                **SOURCE,
            },
        ],
        columns("crossing_status"),
    )
    _write(
        folder / "diplomacy.csv",
        [
            {
                "event_id": "20251019-synthetic-talks",
                "date_start": "2025-10-18",
                "date_end": "2025-10-19",
                "track": "talks",
                "title": "Synthetic talks",
                "venue": "Doha",
                "parties": "A; B",
                "mediators": "Qatar",
                "outcome": "synthetic",
                "summary": "",
                "source_url": _url("diplomacy", 1),
                **SOURCE,
            },
        ],
        columns("diplomacy"),
    )
    _write(
        folder / OUTLET_REGISTRY.file,
        [{"domain": "example.org", "outlet": "Synthetic test outlet", "kind": "major_outlet", "notes": "synthetic"}],
        list(OUTLET_REGISTRY.schema.columns),
    )
    (folder / "datapackage.json").write_text(json.dumps({"data_as_of": "2026-01-15"}), encoding="utf-8")
    return folder


def many_events(count: int, seed: int):
    """`count` synthetic armed clashes scattered over the border region, for tests of large selections."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "incident_id": [f"synthetic-{i}" for i in range(count)],
            "lon": rng.uniform(66, 72, count),
            "lat": rng.uniform(29, 35, count),
            "killed": rng.integers(0, 5, count).astype(float),
            "event_type": "armed_clash",
        }
    )
