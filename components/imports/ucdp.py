"""Map a UCDP GED or Candidate events CSV, unchanged, onto the app's events.

UCDP gives three death estimates per event (low, best, high): the map sizes by the best estimate and
tooltips show the low–high range. Events UCDP can place only to a country or wider area (where_prec 6–7)
cannot be mapped, so they are reported, not shown.
"""

from __future__ import annotations

import pandas as pd

from components.imports.mapping import problems, to_dates, to_numbers

FORMAT = "UCDP"
REQUIRED = [
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "country",
    "adm_1",
    "latitude",
    "longitude",
    "where_prec",
    "date_start",
    "date_end",
    "best",
    "high",
    "low",
]
TYPES_OF_VIOLENCE = {1: "ucdp_state_based", 2: "ucdp_non_state", 3: "ucdp_one_sided"}
# where_prec: 1 exact place, 2 within ~25 km, 3 second-order admin area, 4 first-order, 5 a line or area
# (road, region) within a country, 6 country, 7 international waters or airspace.
WHERE_PRECISION = {1: "exact", 2: "exact", 3: "district", 4: "province", 5: "province"}
FILE_COLUMNS = {
    "incident_id": "id",
    "date": "date_start",
    "lat": "latitude",
    "lon": "longitude",
    "location_precision": "where_prec",
    "event_type": "type_of_violence",
    "killed_low": "low",
    "killed": "best",
    "killed_high": "high",
}
SOURCE_URL = "https://ucdp.uu.se/downloads/"


def attribution(file: str) -> str:
    return (
        f"Events from your UCDP file ({file}): Uppsala Conflict Data Program, Georeferenced Event Dataset "
        "(GED) or Candidate Events Dataset, ucdp.uu.se. Cite the dataset version you downloaded."
    )


def recognises(columns) -> bool:
    return {"where_prec", "best", "type_of_violence"} <= set(columns)


def to_events(raw: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[pd.DataFrame], None]:
    """The file's rows as app events and the problems found on the way (UCDP has no out-of-scope rows)."""
    # GED writes "2024-01-05 00:00:00.000", Candidate files "2024-01-05": the day is the first ten characters.
    start, start_problems = to_dates(raw["date_start"].str.slice(0, 10), ("%Y-%m-%d",), file, "date_start")
    end, end_problems = to_dates(raw["date_end"].str.slice(0, 10), ("%Y-%m-%d",), file, "date_end")
    numbers, number_problems = to_numbers(raw, ["latitude", "longitude"], file)
    counts, count_problems = to_numbers(raw, ["best", "low", "high", "where_prec", "type_of_violence"], file, True)
    civilians, civilian_problems = to_numbers(
        raw, [c for c in ("deaths_civilians",) if c in raw.columns], file, whole=True
    )
    found = [start_problems, end_problems, *number_problems, *count_problems, *civilian_problems]
    vague = counts["where_prec"].isin([6, 7])
    found.append(
        problems(
            file,
            raw.index[vague],
            "where_prec",
            "location known only to a country or wider area; cannot be mapped, not imported",
            raw["where_prec"][vague],
        )
    )
    events = pd.DataFrame(
        {
            "incident_id": "UCDP-" + raw["id"].fillna(""),
            "date": start,
            "date_end": end.where(end != start),
            "country": raw["country"].str.replace(r"\s*\(.*\)$", "", regex=True),
            "province": raw["adm_1"].str.replace(r" (province|Province)$", "", regex=True).fillna("not stated"),
            "district": raw["adm_2"].str.replace(r" (district|District)$", "", regex=True) if "adm_2" in raw else pd.NA,
            "place": raw.get("where_coordinates"),
            "lat": numbers["latitude"],
            "lon": numbers["longitude"],
            "location_precision": counts["where_prec"].map(WHERE_PRECISION),
            "coord_source": "UCDP where_prec " + raw["where_prec"].fillna("?"),
            "event_type": counts["type_of_violence"].map(TYPES_OF_VIOLENCE),
            "perpetrator": raw["side_a"].fillna("unknown"),
            "claimed_by": pd.NA,
            "target": raw["side_b"],
            "cross_border": raw["side_a"].str.startswith("Government of", na=False)
            & raw["side_b"].str.startswith("Government of", na=False),
            "summary": raw.get("source_headline", raw.get("where_description", pd.Series("", index=raw.index))).fillna(
                ""
            ),
            "source_name": "UCDP: " + raw.get("source_office", pd.Series(None, index=raw.index)).fillna("GED"),
            "source_url": SOURCE_URL,
            "killed_low": counts["low"],
            "killed": counts["best"],
            "killed_high": counts["high"],
            "killed_civilians": civilians.get("deaths_civilians", pd.NA),
        },
        index=raw.index,
    )
    return events, found, None
