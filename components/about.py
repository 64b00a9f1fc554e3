"""What an analyst needs to read the data right, as tables built from the registry and the loaded data.

The About the data page lays these out beside plain-words prose; nothing here is typed a second time,
so a new status, actor group or source kind appears on that page as soon as the registry declares it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.dates import format_day
from components.sources import source_shares
from components.trends import COUNTING_RULES
from components.vocabulary import ACTOR_GROUPS, FIGURE_STATUSES, SERIES, SOURCE_KINDS, TOLL_SCOPES, TRACKERS

TABLE_NAMES = {
    "tracker_stats": "Tracker figures",
    "incidents": "Incident accounts",
    "diplomacy": "Diplomatic contacts",
    "crossing_status": "Crossing status periods",
    "crossings": "Crossings (locations)",
}


def record_spans(data) -> dict[str, str]:
    """The days each kind of record covers, read from the loaded data (a Dataset): the page said "from January
    2024 to the data date" of all four, while the tracker figures start in 2023 (GTI), the crossings' periods in
    Nov 2023, and the incidents stop at `incidents_to` (16 Mar 2026), before the data date."""
    figures, events, periods = data.figures, data.events, data["crossing_status"]
    diplomacy = data.diplomacy_events
    last_incident = data.incidents_to or (events["date"].max().date() if not events.empty else None)
    spans = {
        "figures": (figures["period_start"].min(), figures["period_end"].max(), "%b %Y"),
        "incidents": (events["date"].min(), last_incident, None),
        "crossings": (periods["start_date"].min(), periods["start_date"].max(), None),
        "diplomacy": (diplomacy["date_start"].min(), diplomacy["date_start"].max(), None),
    }
    return {
        kind: f"{_day(first, form)} to {_day(last, form)}"
        for kind, (first, last, form) in spans.items()
        if pd.notna(first) and pd.notna(last)
    }


def _day(value, form: str | None) -> str:
    day = pd.Timestamp(value).date()
    return day.strftime(form) if form else format_day(day)


def counting_rules(figures: pd.DataFrame) -> pd.DataFrame:
    """What each tracker's series counts, in the trackers' declared order: only the series `figures` (the
    tracker figures loaded) hold, lest the page promise a series the dashboard has no figure of."""
    held = set(zip(figures["tracker"], figures["series"], strict=True))
    rows = [
        {"Tracker": TRACKERS.label(tracker), "Series": SERIES.label(series), "What it counts": rule}
        for tracker in TRACKERS.codes
        for (named, series), rule in COUNTING_RULES.items()
        if named == tracker and (named, series) in held
    ]
    return pd.DataFrame(rows)


def figure_statuses() -> pd.DataFrame:
    shown = set(FIGURE_STATUSES.of_group("displayed"))
    return pd.DataFrame(
        {
            "Status": [FIGURE_STATUSES.label(code) for code in FIGURE_STATUSES.codes],
            "Shown on charts and cards": ["yes" if code in shown else "never" for code in FIGURE_STATUSES.codes],
        }
    )


def actor_groups(events: pd.DataFrame) -> pd.DataFrame:
    """Each actor group with the incidents the bundled data attribute to it."""
    counts = events["actor_group"].value_counts()
    return pd.DataFrame(
        {
            "Actor group": [ACTOR_GROUPS.label(code) for code in ACTOR_GROUPS.codes],
            "Incidents": [int(counts.get(code, 0)) for code in ACTOR_GROUPS.codes],
        }
    )


def toll_stages() -> list[str]:
    return [TOLL_SCOPES.label(code) for code in TOLL_SCOPES.codes]


def sourcing(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per table: rows, the share citing a tracker's own site or a major outlet, reposts, rows without a date."""
    shares = source_shares(tables)
    primary = f"Citing the {SOURCE_KINDS.label('tracker_site')} or a {SOURCE_KINDS.label('major_outlet')}"
    return pd.DataFrame(
        {
            "Table": shares["table"].map(TABLE_NAMES).fillna(shares["table"]),
            "Rows": shares["rows"],
            primary: shares["share"].map("{:.1%}".format),
            "Reposts": shares["repost"],
            "Rows without a publication date": shares["no_publication_date"],
        }
    )


def citation(as_of: dt.date | None, page_url: str) -> str:
    """How to cite the dashboard; a figure itself is cited from the source on its row."""
    when = f"data as of {format_day(as_of)}" if as_of else "data date not stated"
    return f"Durand Line Monitor ({when}), {page_url}"
