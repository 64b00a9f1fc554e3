"""Turn per-account incident rows into one event per incident, and filter events.

An incident can carry several accounts (a press report, the Pakistani military, the Afghan
Taliban government...). Events keep the lowest and highest stated figure instead of choosing one,
so disputed tolls stay visible as a range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

FIRST_ACCOUNT_COLUMNS = [
    "date",
    "date_end",
    "country",
    "province",
    "district",
    "place",
    "lat",
    "lon",
    "location_precision",
    "coord_source",
    "event_type",
    "perpetrator",
    "claimed_by",
    "target",
    "cross_border",
    "summary",
    "source_name",
    "source_url",
]
# The columns of one event, for curated incidents and imported files alike.
EVENT_COLUMNS = [
    "incident_id",
    *FIRST_ACCOUNT_COLUMNS,
    "killed_low",
    "killed_high",
    "injured_low",
    "injured_high",
    "accounts",
    "disputed",
    "killed",
    "year",
    "distance_km",
]
EVENT_TYPE_LABELS = {
    "suicide_bombing": "Suicide bombing",
    "ied_bombing": "IED / bombing",
    "armed_assault": "Armed assault",
    "ambush": "Ambush",
    "targeted_killing": "Targeted killing",
    "kidnapping_hijacking": "Kidnapping / hijacking",
    "airstrike": "Airstrike",
    "drone_strike": "Drone strike",
    "cross_border_fire": "Cross-border fire",
    "border_clash": "Border clash",
    "security_operation": "Security operation",
    "other": "Other",
    # Only in imported ACLED / UCDP files (see components/imports/):
    "grenade": "Grenade",
    "attack_on_civilians": "Attack on civilians",
    "shelling": "Shelling / artillery / missile",
    "armed_clash": "Armed clash",
    "ucdp_state_based": "State-based violence (UCDP)",
    "ucdp_non_state": "Non-state violence (UCDP)",
    "ucdp_one_sided": "One-sided violence (UCDP)",
}
# How the detail panel names each declared toll stage (components.schemas.TOLL_SCOPES; data/README.md).
TOLL_SCOPE_LABELS = {
    "first_day": "first day",
    "running": "running count",
    "final_official": "final official total",
}


def events_from_accounts(accounts: pd.DataFrame) -> pd.DataFrame:
    """One row per incident_id; figures become low/high ranges across accounts."""
    ordered = accounts.sort_values("source_row", kind="stable")
    grouped = ordered.groupby("incident_id", sort=False)
    events = grouped[FIRST_ACCOUNT_COLUMNS].first()
    events["killed_low"] = grouped["killed_total"].min()
    events["killed_high"] = grouped["killed_total"].max()
    events["injured_low"] = grouped["injured_total"].min()
    events["injured_high"] = grouped["injured_total"].max()
    events["accounts"] = grouped["account"].nunique()
    events["disputed"] = (events["killed_low"] != events["killed_high"]).fillna(False).astype(bool)
    events["killed"] = events["killed_low"]
    events["year"] = events["date"].dt.year
    return events.reset_index().sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def figure_range(low, high) -> str:
    """'23', '23–58' or 'not stated', for tooltips and tables."""
    if pd.isna(low):
        return "not stated"
    if pd.isna(high) or low == high:
        return f"{int(low)}"
    return f"{int(low)}–{int(high)}"


@dataclass(frozen=True)
class IncidentFilter:
    """The shared filters every page applies to incidents; small and hashable for caching."""

    start: dt.date
    end: dt.date
    provinces: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        return events[self.mask(events)]

    def mask(self, events: pd.DataFrame) -> pd.Series:
        """True for each event the filters keep."""
        dates = events["date"]  # compared as timestamps: .dt.date would box a million Python objects
        keep = (dates >= pd.Timestamp(self.start)) & (dates < pd.Timestamp(self.end) + pd.Timedelta(days=1))
        if self.provinces:
            keep &= events["province"].isin(self.provinces)
        if self.actors:
            keep &= events["perpetrator"].isin(self.actors)
        if self.types:
            keep &= events["event_type"].isin(self.types)
        return keep

    def sentence(self, count: int, noun: str = "incidents") -> str:
        """A plain statement of what is shown, e.g. '42 incidents, 1 Jan 2025–31 Dec 2025, all actors'."""
        parts = [
            f"{count:,} {noun if count != 1 else noun.rstrip('s')}",
            f"{format_day(self.start)}–{format_day(self.end)}",
            _listing(self.provinces, "all provinces"),
            _listing(self.actors, "all actors"),
            _listing([EVENT_TYPE_LABELS.get(t, t) for t in self.types], "all types"),
        ]
        return ", ".join(parts)


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _listing(values, everything: str) -> str:
    values = list(values)
    if not values:
        return everything
    if len(values) <= 3:
        return " or ".join(values)
    return f"{len(values)} selected"


def incident_labels(events: pd.DataFrame) -> dict[str, str]:
    """Readable names for a picker: date · place · type, keyed by incident id."""
    places = events["place"].fillna(events["district"]).fillna(events["province"])
    return {
        incident_id: f"{day:%d %b %Y} · {place} · {EVENT_TYPE_LABELS[kind]}"
        for incident_id, day, place, kind in zip(
            events["incident_id"], events["date"], places, events["event_type"], strict=True
        )
    }
