"""Turn per-account incident rows into one event per incident, and filter events.

An incident can carry several accounts (a press report, the Pakistani military, the Afghan
Taliban government...). Events keep the lowest and highest stated figure instead of choosing one,
so disputed tolls stay visible as a range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from components.dates import format_day
from components.pickers import unique_labels
from components.schemas import LIST_SEPARATOR, split_list
from components.sources import cited_names
from components.textsafe import blank_missing_text
from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES, LOCATION_PRECISIONS, TOLL_SCOPES, UNKNOWN_ACTOR

FIRST_ACCOUNT_COLUMNS = [
    "date",
    "date_end",
    "country",
    "province",
    "multi_province",
    "provinces",
    "district",
    "place",
    "lat",
    "lon",
    "location_precision",
    "coord_source",
    "event_type",
    "perpetrator",
    "actor_group",
    "suspected_group",
    "claimed_by",
    "target",
    "cross_border",
    "summary",
    "source_name",
    "source_url",
]
ATTRIBUTION_COLUMNS = ["perpetrator", "actor_group", "suspected_group", "claimed_by"]
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


def events_from_accounts(accounts: pd.DataFrame) -> pd.DataFrame:
    """One row per incident_id; figures become low/high ranges across accounts.

    Who did it comes whole from one account: the first that names an actor group, else the first account,
    so an incident one source attributes to the BLA and another leaves unknown counts under the BLA.
    The range leaves out the stage counts (first day, running) of an incident with a final official total:
    Duki's first-day 20 is not its toll once the final count says 21. Every account stays in its details.
    """
    ordered = accounts.sort_values("source_row", kind="stable")
    grouped = ordered.groupby("incident_id", sort=False)
    events = grouped[FIRST_ACCOUNT_COLUMNS].first()
    if "source_kind" in ordered:  # outlets.csv's kind of the source named, so a repost is said to be one
        events["source_kind"] = grouped["source_kind"].first()
    naming = ordered.sort_values("actor_group", key=lambda group: group.eq(UNKNOWN_ACTOR), kind="stable")
    events[ATTRIBUTION_COLUMNS] = naming.drop_duplicates("incident_id").set_index("incident_id")[ATTRIBUTION_COLUMNS]
    tolls = _toll_accounts(ordered).groupby("incident_id", sort=False)
    events["killed_low"] = tolls["killed_total"].min()
    events["killed_high"] = tolls["killed_total"].max()
    events["injured_low"] = tolls["injured_total"].min()
    events["injured_high"] = tolls["injured_total"].max()
    events["accounts"] = grouped["account"].nunique()
    events["disputed"] = (events["killed_low"] != events["killed_high"]).fillna(False).astype(bool)
    events["killed"] = events["killed_low"]
    events["year"] = events["date"].dt.year
    return events.reset_index().sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def _toll_accounts(accounts: pd.DataFrame) -> pd.DataFrame:
    """The accounts whose tolls make an incident's range: all but the stage counts of an incident that has a
    final official total (toll_scope, a declared field; a file without the column keeps every account)."""
    if "toll_scope" not in accounts:
        return accounts
    scope = accounts["toll_scope"]
    finished = accounts.loc[scope.eq("final_official"), "incident_id"]
    superseded = scope.isin(TOLL_SCOPES.of_group("stage")) & accounts["incident_id"].isin(finished)
    return accounts[~superseded]


# The headers of every table that adds killed up: the sum of the lowest stated totals, and beside it how many
# incidents state none. Short, so a table's killed columns read whole at 1280 px; the captions say the rest.
KILLED_HEADER = "Killed (lowest stated)"
UNSTATED_HEADER = "No stated toll"


@dataclass(frozen=True)
class KilledSum:
    """The killed of several incidents: the lowest stated totals added up, and how many incidents state no
    total. About half the curated incidents give killed only by category (never added up into a total), and
    counting them as 0 made a district of 10 incidents read "8 killed"."""

    killed: int
    unstated: int
    incidents: int

    @property
    def stated(self) -> int:
        """How many of the incidents state a total: with none, their killed is missing, not 0."""
        return self.incidents - self.unstated

    def sentence(self, whose: str = "these") -> str:
        """'' when every incident states a total, else how many do not, to read beside a table of sums; `whose`
        names the incidents ("the table's") where "these" could be read as a set said just before it."""
        if not self.unstated:
            return ""
        return (
            f"Killed adds each incident's lowest stated total: {self.unstated:,} of {whose} {self.incidents:,} "
            "incidents state no total and add nothing (an account may give killed by category; see its details)."
        )


def killed_sum(killed: pd.Series) -> KilledSum:
    """KilledSum of the `killed` (lowest stated total, NaN when none) of some incidents."""
    return KilledSum(int(killed.sum()), int(killed.isna().sum()), len(killed))


def count_text(count) -> str:
    """'1,234': a toll as the tooltips, the incident details and the briefing write it."""
    return f"{int(count):,}"


def figure_range(low, high) -> str:
    """'23', '1,234–2,000' or 'total not stated' (an account may still give killed by category), for tooltips,
    the incident details, whose accounts then list what each gives, and the briefing's latest incidents."""
    if pd.isna(low):
        return "total not stated"
    if pd.isna(high) or low == high:
        return count_text(low)
    return f"{count_text(low)}–{count_text(high)}"


@dataclass(frozen=True)
class IncidentFilter:
    """The shared filters every page applies to incidents; small and hashable for caching."""

    start: dt.date
    end: dt.date
    provinces: tuple[str, ...] = ()  # an event matches if any of its provinces is selected
    actors: tuple[str, ...] = ()  # actor_group codes
    types: tuple[str, ...] = ()

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        return events[self.mask(events)]

    def mask(self, events: pd.DataFrame) -> pd.Series:
        """True for each event the filters keep."""
        dates = events["date"]  # compared as timestamps: .dt.date would box a million Python objects
        keep = (dates >= pd.Timestamp(self.start)) & (dates < pd.Timestamp(self.end) + pd.Timedelta(days=1))
        if self.provinces:
            keep &= events["province"].isin(self.provinces) | _lists_any(events["provinces"], self.provinces)
        if self.actors:
            keep &= events["actor_group"].isin(self.actors)
        if self.types:
            keep &= events["event_type"].isin(self.types)
        return keep

    def sentence(self, count: int, noun: str = "incidents") -> str:
        """A plain statement of what is shown, e.g. '42 incidents, 1 Jan 2025–31 Dec 2025, all actors'."""
        return f"{count:,} {noun if count != 1 else noun.rstrip('s')}, {self.scope()}"

    def chosen(self) -> str:
        """'Balochistan; Suicide bombing': the province, actor-group and type filters set, in words ('' for none)."""
        parts = [
            "; ".join(self.provinces),
            "; ".join(ACTOR_GROUPS.label(actor) for actor in self.actors),
            "; ".join(EVENT_TYPES.label(kind) for kind in self.types),
        ]
        return "; ".join(part for part in parts if part)

    def scope(self) -> str:
        """The period and filters, e.g. '1 Jan 2025–31 Dec 2025, all provinces, all actors, all types'."""
        parts = [
            f"{format_day(self.start)}–{format_day(self.end)}",
            _listing(self.provinces, "all provinces"),
            _listing([ACTOR_GROUPS.label(a) for a in self.actors], "all actors"),
            _listing([EVENT_TYPES.label(t) for t in self.types], "all types"),
        ]
        return ", ".join(parts)


def provinces_in(events: pd.DataFrame) -> set[str]:
    """Every province an event is in, multi-province events' listed ones included."""
    listed = {name for cell in events["provinces"].dropna().unique() for name in split_list(cell)}
    return set(events["province"].dropna().unique()) | listed


def _lists_any(cells: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """True where a list cell ('Paktika; Khost') names any wanted value; only listed cells are split."""
    listed = cells.dropna()
    found = listed.map(lambda cell: not set(wanted).isdisjoint(split_list(cell)))
    return found.reindex(cells.index, fill_value=False).astype(bool)


def _listing(values, everything: str) -> str:
    values = list(values)
    if not values:
        return everything
    if len(values) <= 3:
        return " or ".join(values)
    return f"{len(values)} selected"


def place_names(*names: object) -> str:
    """Place, district, province (...) in one line, blanks and repeats left out: a place that already ends
    in its district's name ("Hali Road, Quetta") or a town that names its district reads "..., Quetta,
    Balochistan", never "Quetta, Quetta"."""
    kept: list[str] = []
    for name in names:
        text = "" if pd.isna(name) else str(name).strip()
        said = {part.strip().casefold() for part in ", ".join(kept).split(",")}
        if text and text.casefold() not in said:
            kept.append(text)
    return ", ".join(kept)


def incident_labels(events: pd.DataFrame) -> dict[str, str]:
    """Readable names for a picker, keyed by incident id: date · place · type, then the actor group, the
    toll and at last the id where two incidents would otherwise read alike. The label is what the picker
    writes into a shared link, so two alike would open the wrong incident (ACLED has many same-day
    clashes in one place)."""
    places = events["place"].fillna(events["district"]).fillna(events["province"])
    named = {
        incident_id: f"{format_day(day)} · {place} · {EVENT_TYPES.label(kind)}"
        for incident_id, day, place, kind in zip(
            events["incident_id"], events["date"], places, events["event_type"], strict=True
        )
    }
    ids = events["incident_id"].tolist()
    actors = [ACTOR_GROUPS.label(group) for group in events["actor_group"]]
    tolls = ["killed: not stated" if pd.isna(killed) else f"{killed:,.0f} killed" for killed in events["killed"]]
    return unique_labels(named, dict(zip(ids, actors, strict=True)), dict(zip(ids, tolls, strict=True)))


INCIDENT_HEADERS = {
    "date": "Date",
    "place": "Place",
    "district": "District",
    "province": "Province",
    "country": "Country",
    "event_type": "Type",
    "perpetrator": "Perpetrator (as reported)",
    "actor_group": "Actor group",
    "killed_low": "Killed (lowest)",
    "killed_high": "Killed (highest)",
    "injured_low": "Injured (lowest)",
    "injured_high": "Injured (highest)",
    "distance_km": "Distance to the line (km)",
    "cross_border": "Cross-border",
    "location_precision": "Location known to",
    "source_name": "Source",
    "source_url": "Source link",
}


SEVERAL_PLACES = "several places: drawn at one"  # where an incident in several places is known to
# Precisions whose coordinates give an incident a distance to the line of its own: one known only to its province is
# drawn at the provincial capital (the Besham bombing in Shangla at Peshawar, 47 km from the line).
MEASURED_PRECISIONS = ("exact", "district")


def own_distance(events: pd.DataFrame) -> pd.Series:
    """Whether each incident's distance to the line is its own: in one place, known to its district or better."""
    return listed_places(events).isna() & events["location_precision"].isin(MEASURED_PRECISIONS)


def distance_words(distance_km: float, location_precision: str, one_place: bool) -> str:
    """'46 km from the Durand Line' (tooltip and details), or why an incident has no distance of its own."""
    if not one_place:
        return "no one distance to the line"
    if location_precision not in MEASURED_PRECISIONS:
        return "no distance of its own (drawn at the provincial capital)"
    return f"{distance_km:.0f} km from the Durand Line"


def incidents_table(events: pd.DataFrame) -> pd.DataFrame:
    """Events as the map page's table and download show them: labels for codes, whole kilometres, headers
    in words, and a blank text cell left blank (the table showed a missing district as "None"). An incident
    its sources place in several places (listed_places) has no distance, as in its details: the distance of
    its coordinates, one of the places, read a border offensive as 86 km inland; and "exact" became where it
    is known to."""
    one_place = listed_places(events).isna()
    return (
        blank_missing_text(events[list(INCIDENT_HEADERS)])
        .assign(
            event_type=events["event_type"].map(EVENT_TYPES.label),
            actor_group=events["actor_group"].map(ACTOR_GROUPS.label),
            distance_km=events["distance_km"].round(0).where(own_distance(events)),
            location_precision=events["location_precision"]
            .map(LOCATION_PRECISIONS.label)
            .where(one_place, SEVERAL_PLACES),
            source_name=cited_names(events),
            province=province_cells(events),
        )
        .rename(columns=INCIDENT_HEADERS)
    )


def listed_places(events: pd.DataFrame) -> pd.Series:
    """The places an incident's sources name when they name several, as its declared fields list them: its
    `district` (`;`-separated), else its `provinces` when multi_province; NA for an incident in one place.
    Its coordinates are then one of these (the 13 Mar 2026 drones over Rawalpindi, Quetta and Kohat sit at
    Rawalpindi), so it is never drawn as exact at one of them nor measured from it to the line."""
    districts = events["district"].astype(object)
    several_districts = districts.fillna("").astype(str).str.contains(LIST_SEPARATOR, regex=False)
    several_provinces = events["multi_province"].fillna(False).astype(bool) & events["provinces"].notna()
    listed = pd.Series(pd.NA, index=events.index, dtype=object)
    listed[several_provinces] = events.loc[several_provinces, "provinces"]
    listed[several_districts] = districts[several_districts]
    return listed


def one_of_places(listed: str) -> str:
    """How an incident in several places reads: "one of the places its sources name: Rawalpindi; Quetta; Kohat".
    No count: a list may end "Lasbela and others" (the BLA attacks of 25 Aug 2024), which "3 places" understated."""
    return f"one of the places its sources name: {'; '.join(split_list(listed))}"


def in_one_place(events: pd.DataFrame) -> pd.DataFrame:
    """The incidents a distance to the line is theirs: those whose sources place them in one place."""
    return events[listed_places(events).isna()]


def left_out_of_bands(province: int, several: int) -> str:
    """Why the distance bands count fewer incidents than the selection holds, or "" when they count them all.
    An incident known only to its province is drawn at the provincial capital, so its distance is the
    capital's (the Besham bombing in Shangla counted "within 50 km" at Peshawar); one its sources place in
    several places is drawn at one of them. No one distance is theirs."""
    left = province + several
    if not left:
        return ""
    parts = [
        f"{province:,} known only to the province (drawn at its capital)" * bool(province),
        f"{several:,} placed by their sources in several places (drawn at one)" * bool(several),
    ]
    verb = "is" if left == 1 else "are"
    return (
        f"{left:,} incident{'' if left == 1 else 's'} in the selection {verb} left out of the bands: "
        + " and ".join(part for part in parts if part)
        + "."
    )


def province_cells(events: pd.DataFrame) -> pd.Series:
    """The province, or for an incident its sources place in several (multi_province) the first and how many
    others, then their names as `provinces` lists them: "Punjab and 2 others: Balochistan, Khyber Pakhtunkhwa".
    The 13 Mar 2026 drone strikes on Quetta, Kohat and Rawalpindi read "Punjab" alone; the count comes first
    because a table cuts a long cell at its end."""
    several = events["multi_province"].fillna(False).astype(bool) & events["provinces"].notna()
    named = events["province"].astype(object).fillna("")  # rows are formatted one by one only where several
    spans = events[several]
    named[several] = [
        _several_provinces(first, listed) for first, listed in zip(spans["province"], spans["provinces"], strict=True)
    ]
    return named


def _several_provinces(first, listed) -> str:
    others = [name for name in split_list(listed) if name != first]
    return f"{first} and {len(others)} other{'s' if len(others) != 1 else ''}: {', '.join(others)}"
