"""Incidents and deaths by district, with how far each district's incidents lie from the Durand Line.

No district polygons are bundled (none may be redistributed, data/geo/README), so a district is known from
its incidents: an incident counts for its district when it is located in one district (to the district or
better). Incidents spanning several districts, or known only to the province, are counted apart and the
table says how many, rather than splitting a toll between districts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.geo import band_label
from components.incidents import KILLED_HEADER, UNSTATED_HEADER, KilledSum, killed_sum
from components.vocabulary import LOCATION_PRECISIONS

IN_ONE_DISTRICT = ("exact", "district")
DISTRICT_SEPARATOR = ";"


@dataclass(frozen=True)
class DistrictTable:
    table: pd.DataFrame  # one row a district, human headers, largest count first
    left_out: int  # incidents in several districts or known only to the province
    killed: KilledSum  # of the table's incidents only: its note once counted the whole selection's (78 of 146)


def district_table(events: pd.DataFrame) -> DistrictTable:
    """Per district: incidents, killed (lowest stated figures), median distance to the line and its band, and
    the dates of its first and latest incident."""
    one = events[
        events["location_precision"].isin(IN_ONE_DISTRICT)
        & events["district"].notna()
        & ~events["district"].fillna("").str.contains(DISTRICT_SEPARATOR, regex=False)
    ]
    grouped = (
        one.assign(unstated=one["killed"].isna())
        .groupby(["district", "province", "country"], sort=False)
        .agg(
            incidents=("incident_id", "size"),
            # The stated totals (killed_sum's rule): a missing toll is counted apart, and a district where no
            # incident states a total has no killed (missing, never 0: Bolan read "2 incidents, killed 0").
            killed=("killed", lambda killed: killed.sum(min_count=1)),
            unstated=("unstated", "sum"),
            median_km=("distance_km", "median"),
            first=("date", "min"),
            last=("date", "max"),
        )
        .reset_index()
    )
    table = pd.DataFrame(
        {
            "District": grouped["district"],
            "Province": grouped["province"],
            "Country": grouped["country"],
            "Incidents": grouped["incidents"].astype(int),
            KILLED_HEADER: grouped["killed"].astype("Int64"),
            UNSTATED_HEADER: grouped["unstated"].astype(int),
            # One decimal: Noshki's 25.5 km read "25" beside the "≤ 50 km" band's colour.
            "Median km": grouped["median_km"].round(1),
            "Distance band": grouped["median_km"].map(band_label),
            "First": grouped["first"],
            "Latest": grouped["last"],
        }
    ).sort_values(["Incidents", KILLED_HEADER], ascending=False, ignore_index=True)
    return DistrictTable(table, len(events) - len(one), killed_sum(one["killed"]))


def left_out_sentence(result: DistrictTable) -> str:
    """Which incidents the district table leaves out; an empty selection has none to place ("Every incident
    in the selection is located in one district" over an empty table read as a finding)."""
    if result.table.empty and not result.left_out:
        return "No incident in the selection."
    if not result.left_out:
        return "Every incident in the selection is located in one district."
    province = LOCATION_PRECISIONS.label("province")
    return (
        f"{result.left_out:,} incidents are not in this table: they span several districts or are known only "
        f"to the {province}."
    )


def killed_note(result: DistrictTable) -> str:
    """How many of the table's incidents state no total, read under it; "" when all do."""
    return result.killed.sentence("the table's")
