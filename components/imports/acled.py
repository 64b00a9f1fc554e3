"""Map an ACLED export, unchanged, onto the app's events.

Reads both date styles ACLED hands out (the export tool's "16 May 2025", the API's "2025-05-16") and both
actor-type styles (numeric inter codes before 2024, text since). Only political violence is imported:
demonstrations and strategic developments are counted and listed as out of scope, never dropped silently.
"""

from __future__ import annotations

import pandas as pd

from components.imports.mapping import problems, to_dates, to_numbers

FORMAT = "ACLED"
REQUIRED = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]
IN_SCOPE = ("Battles", "Explosions/Remote violence", "Violence against civilians")
SUB_EVENT_TYPES = {
    "Armed clash": "armed_clash",
    "Government regains territory": "armed_clash",
    "Non-state actor overtakes territory": "armed_clash",
    "Air/drone strike": "airstrike",
    "Suicide bomb": "suicide_bombing",
    "Shelling/artillery/missile attack": "shelling",
    "Remote explosive/landmine/IED": "ied_bombing",
    "Grenade": "grenade",
    "Chemical weapon": "other",
    "Attack": "attack_on_civilians",
    "Abduction/forced disappearance": "kidnapping_hijacking",
    "Sexual violence": "other",
}
GEO_PRECISION = {1: "exact", 2: "district", 3: "province"}
# ACLED's numeric actor-type codes (codebook before 2024) and the words that replaced them.
ACTOR_TYPES = {
    "1": "State forces",
    "2": "Rebel group",
    "3": "Political militia",
    "4": "Identity militia",
    "5": "Rioters",
    "6": "Protesters",
    "7": "Civilians",
    "8": "External/Other forces",
}
STATE_FORCES = {"Pakistan": "Military Forces of Afghanistan", "Afghanistan": "Military Forces of Pakistan"}
FILE_COLUMNS = {
    "incident_id": "event_id_cnty",
    "date": "event_date",
    "lat": "latitude",
    "lon": "longitude",
    "location_precision": "geo_precision",
    "event_type": "sub_event_type",
    "killed_low": "fatalities",
    "killed": "fatalities",
    "killed_high": "fatalities",
}
SOURCE_URL = "https://acleddata.com/"


def attribution(file: str) -> str:
    return (
        f"Events from your ACLED export ({file}): Armed Conflict Location & Event Data (ACLED), "
        "acleddata.com. ACLED's terms of use apply; the file stays on this machine and is never stored "
        "or shared by this app."
    )


def recognises(columns) -> bool:
    return "event_id_cnty" in columns


def actor_type(codes: pd.Series) -> pd.Series:
    """Numeric or text inter codes, as ACLED's current words."""
    text = codes.astype("string").str.replace(r"\.0$", "", regex=True)
    return text.map(lambda value: ACTOR_TYPES.get(value, value), na_action="ignore")


OUT_OF_SCOPE = "outside this dashboard's scope (not political violence); not imported"  # a reason, not an error


def to_events(raw: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[pd.DataFrame], pd.DataFrame]:
    """The file's rows as app events, the problems found on the way, and out-of-scope rows counted by type."""
    scope = raw["event_type"].isin(IN_SCOPE)
    outside = raw[~scope]
    found = [
        problems(
            file,
            outside.index,
            "event_type",
            OUT_OF_SCOPE,
            outside["event_type"],
        )
    ]
    raw = raw[scope]
    dates, date_problems = to_dates(raw["event_date"], ("%Y-%m-%d", "%d %B %Y"), file, "event_date")
    found.append(date_problems)
    numbers, number_problems = to_numbers(raw, ["latitude", "longitude"], file)
    counts, count_problems = to_numbers(raw, ["fatalities", "geo_precision"], file, whole=True)
    found += number_problems + count_problems
    events = pd.DataFrame(
        {
            "incident_id": raw["event_id_cnty"],
            "date": dates,
            "date_end": pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]"),
            "country": raw["country"],
            "province": raw["admin1"],
            "district": raw.get("admin2"),
            "place": raw["location"],
            "lat": numbers["latitude"],
            "lon": numbers["longitude"],
            "location_precision": counts["geo_precision"].map(GEO_PRECISION),
            "coord_source": "ACLED geo_precision " + raw["geo_precision"].fillna("?"),
            "event_type": raw["sub_event_type"].map(SUB_EVENT_TYPES).fillna("other"),
            "perpetrator": raw["actor1"].fillna("unknown"),
            "claimed_by": pd.NA,
            "target": raw.get("actor2"),
            "cross_border": _cross_border(raw),
            "summary": raw["notes"].fillna(""),
            "source_name": "ACLED: " + raw["source"].fillna("source not given"),
            "source_url": SOURCE_URL,
            "killed_low": counts["fatalities"],
            "killed": counts["fatalities"],
            "killed_high": counts["fatalities"],
            "acled_sub_event_type": raw["sub_event_type"],
            "actor_type": actor_type(raw["inter1"]) if "inter1" in raw else pd.NA,
        },
        index=raw.index,
    )
    summary = outside["event_type"].fillna("(blank)").value_counts().rename_axis("ACLED event type").reset_index()
    return events, found, summary


def _cross_border(raw: pd.DataFrame) -> pd.Series:
    """True when the other country's state forces are a named actor (e.g. Afghan forces firing into Pakistan)."""
    actors = raw["actor1"].fillna("") + " | " + raw.get("actor2", pd.Series("", index=raw.index)).fillna("")
    flagged = pd.Series(False, index=raw.index)
    for country, other_state in STATE_FORCES.items():
        flagged |= raw["country"].eq(country).fillna(False) & actors.str.contains(other_state, regex=False)
    return flagged.astype(bool)
