"""Diplomatic events set against the violence around them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from components.data_age import Coverage, events_end_words, sentence_start
from components.dates import format_day, format_days
from components.export import codes_part
from components.incidents import KilledSum, killed_sum
from components.pickers import unique_labels
from components.schemas import split_list
from components.sources import cited_names
from components.textsafe import blank_missing_text
from components.vocabulary import DIPLOMACY_TRACKS


def events_from_sources(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per event_id (its first source's wording); `sources` counts the rows reporting it."""
    ordered = rows.sort_values("source_row", kind="stable")
    first = ordered.drop_duplicates("event_id").set_index("event_id")
    first["sources"] = ordered.groupby("event_id").size()
    return first.reset_index().sort_values("date_start", kind="stable").reset_index(drop=True)


def mediators_in(diplomacy: pd.DataFrame) -> list[str]:
    return sorted({m for cell in diplomacy["mediators"] for m in split_list(cell)})


def filter_events(
    diplomacy: pd.DataFrame, start: dt.date, end: dt.date, tracks: tuple[str, ...] = (), mediators: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Events overlapping [start, end], optionally of some tracks or with some mediators."""
    last_day = diplomacy["date_end"].fillna(diplomacy["date_start"])
    keep = (diplomacy["date_start"].dt.date <= end) & (last_day.dt.date >= start)
    if tracks:
        keep &= diplomacy["track"].isin(tracks)
    if mediators:
        wanted = set(mediators)
        keep &= diplomacy["mediators"].map(lambda cell: bool(wanted & set(split_list(cell))))
    return diplomacy[keep].sort_values("date_start")


@dataclass(frozen=True)
class WindowCounts:
    """Incidents in the days before an event and the days after it, and how many of those days the data cover."""

    days: int
    before_incidents: int
    after_incidents: int
    before_killed: KilledSum
    after_killed: KilledSum
    before: pd.DataFrame
    after: pd.DataFrame
    before_covered: int
    after_covered: int
    coverage: Coverage
    before_first: dt.date  # each window's first day: which edge of the data a window short of days meets
    after_first: dt.date

    @property
    def comparable(self) -> bool:
        """A change is meaningful only when both windows lie wholly inside the data."""
        return self.before_covered == self.days and self.after_covered == self.days

    @property
    def killed_comparable(self) -> bool:
        """Killed compare only when every incident in both windows states a total: an incident giving killed
        by category alone (the 11 Oct 2025 border clashes) counted as 0 made a rise out of a fall."""
        return self.comparable and not (self.before_killed.unstated or self.after_killed.unstated)

    def notes(self) -> list[str]:
        """One sentence per window that runs outside the data, for a person to read beside the numbers."""
        # A window before an event after the data's end meets their end, not their start (and after one
        # before their start, their start).
        sides = [
            ("Before", self.before_covered, _edge_words(self.coverage, self.before_first)),
            ("After", self.after_covered, _edge_words(self.coverage, self.after_first)),
        ]
        notes = [
            f"{side}: {_days_covered(covered, self.days)} by the data ({edge}); no change is shown."
            for side, covered, edge in sides
            if covered < self.days
        ]
        unstated = self.before_killed.unstated, self.after_killed.unstated
        if any(unstated):
            notes.append(
                f"Incidents with no stated total toll: {unstated[0]} before, {unstated[1]} after. Killed adds "
                "the stated totals only, so no change in killed is shown (the incidents' details give their "
                "accounts' figures)."
            )
        return notes


def _edge_words(coverage: Coverage, first: dt.date) -> str:
    return (
        f"data start {format_day(coverage.first)}"
        if first < coverage.first
        else f"data end {format_day(coverage.last)}"
    )


def _days_covered(covered: int, days: int) -> str:
    if covered == 0:
        return f"none of the {days} days are covered"
    return f"only {covered} of {days} days {'is' if covered == 1 else 'are'} covered"


def window_counts(
    events: pd.DataFrame, start: dt.date, end: dt.date | None, days: int, coverage: Coverage
) -> WindowCounts:
    """Incidents in the `days` days before `start` and the `days` days after `end` (event days excluded).

    `coverage` is the period the events cover: a window reaching past it is partial, since its missing
    days hold no data rather than no incidents. Killed uses the lowest figure any account states, so
    disputed tolls are never inflated.
    """
    end = end or start
    one_day = dt.timedelta(days=1)
    first_before, first_after = start - dt.timedelta(days=days), end + one_day
    last_after = end + dt.timedelta(days=days)
    dates = events["date"].dt.date
    before = events[(dates >= first_before) & (dates < start)]
    after = events[(dates >= first_after) & (dates <= last_after)]
    return WindowCounts(
        days,
        len(before),
        len(after),
        killed_sum(before["killed"]),
        killed_sum(after["killed"]),
        before.sort_values("date"),
        after.sort_values("date"),
        coverage.days_in(first_before, start - one_day),
        coverage.days_in(first_after, last_after),
        coverage,
        first_before,
        first_after,
    )


def latest_developments(diplomacy: pd.DataFrame, events: pd.DataFrame, count: int = 8) -> pd.DataFrame:
    """Newest first: diplomatic events and incidents in one list for a briefing."""
    talks = pd.DataFrame(
        {
            "date": diplomacy["date_start"],
            "kind": diplomacy["track"].map(DIPLOMACY_TRACKS.labels),
            "what": diplomacy["title"],
            "source_name": cited_names(diplomacy),
            "source_url": diplomacy["source_url"],
        }
    )
    events = events.nlargest(count, "date")  # an imported file can hold a million events
    violence = pd.DataFrame(
        {
            "date": events["date"],
            "kind": "Incident",
            "what": events["summary"],
            "source_name": cited_names(events),
            "source_url": events["source_url"],
        }
    )
    parts = [frame for frame in (talks, violence) if not frame.empty]
    if not parts:
        return talks
    both = pd.concat(parts, ignore_index=True)
    return both.sort_values("date", ascending=False, kind="stable").head(count).reset_index(drop=True)


SHOWN_HEADERS = {
    "date_start": "From",
    "date_end": "To",
    "track": "Track",
    "title": "Event",
    "venue": "Venue",
    "parties": "Parties",
    "mediators": "Mediators",
    "outcome": "Outcome",
    "sources": "Sources of this event",
    "source_name": "Source",
    "source_published": "Published",
    "source_url": "Link",
    "event_id": "Event id",
}


def shown_table(diplomacy: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The diplomatic events in the chart as a reader's table, one row per source reporting each (`sources`
    holds a row per source): the table gave only an event's first source. Track names, days, blanks where
    nothing is recorded (a one-day event has no 'To'), headers in words.

    The days stay dates (a table shows them as days, a blank one as a dash): written as "" among dates, the
    column could not be sent as Arrow, and Streamlit logged a traceback and retyped it on every rerun."""
    event = diplomacy.drop(columns=["source_name", "source_published", "source_url"])
    reports = sources.sort_values("source_row", kind="stable")[
        ["event_id", "source_name", "source_published", "source_url"]
    ]
    rows = event.merge(reports, on="event_id", how="left", validate="one_to_many")
    table = rows[list(SHOWN_HEADERS)].assign(track=rows["track"].map(DIPLOMACY_TRACKS.label))
    return blank_missing_text(table).rename(columns=SHOWN_HEADERS)


def diplomacy_subject(tracks: tuple[str, ...], mediators: tuple[str, ...]) -> str:
    """'diplomacy_shown_talks.breakdown_mediators-qatar': the events table's file name names the track codes
    and mediators chosen, as export.filter_codes names the sidebar's (export.codes_part)."""
    parts = ("diplomacy_shown", codes_part(tracks, "tracks"), codes_part(mediators, "mediators", "mediators-"))
    return "_".join(part for part in parts if part)


def empty_period_note(
    start: dt.date, end: dt.date, data_end: dt.date, incidents: Coverage, imported: bool = False, filtered: bool = True
) -> str:
    """What a period with no diplomatic event and no incident says in place of a chart, and why: an empty
    chart drew one tick labelled "0.000000" and said nothing (a link dated after the data date opens on it).
    `data_end` is the data date (where a link's dates stop), `incidents` the days the incidents cover, which
    may end earlier (datapackage.json incidents_to) or be an imported file's: days past them are no data, not
    calm. A period before the incidents' first day says so; `filtered` (any sidebar, track or mediator filter
    set) says whether "none matches the filters" can be the reason: with none set, 2023 blamed filters."""
    period = format_day(start) if start == end else f"{format_day(start)}–{format_day(end)}"
    said = f"Nothing to draw for {period}: no diplomatic event and no notable incident in this period."
    kept = sentence_start(events_end_words(incidents.last, imported))
    if start >= data_end:
        earlier = f" {kept}." if incidents.last < data_end else ""
        return (
            f"{said} The data end on {format_day(data_end)}, so there is nothing after it to show; a link "
            f"dated later opens on that last day.{earlier} Choose earlier dates in the sidebar."
        )
    if start > incidents.last:
        return f"{said} {kept}: this period lies after them, so their absence is no data, not calm."
    if end < incidents.first:
        return (
            f"{said} The data start on {format_day(incidents.first)}: this period lies before them, so there is "
            "nothing to show (no data, not calm). Choose later dates in the sidebar."
        )
    if not filtered:
        return f"{said} The data cover these days and hold neither in them."
    return f"{said} The data cover these days: none of their events matches the filters chosen."


def window_scope(selection) -> str:
    """What the before/after cards count, beside them: the sidebar's province, actor and type filters (an
    IncidentFilter's) over the window's own days. With Balochistan chosen they counted Balochistan alone, and only
    the top of the page said the filters apply."""
    filters = selection.chosen()
    which = f"under the sidebar's filters ({filters})" if filters else "of every province, actor group and type"
    return (
        f"Notable incidents only (curated, not exhaustive), {which}, on the window's days whatever the sidebar's "
        "period; event days themselves are left out."
    )


def counted(number: int, noun: str) -> str:
    """'1 diplomatic event', '3 diplomatic events'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def event_labels(events: pd.DataFrame) -> dict[str, str]:
    """Picker names keyed by event id: date · title, then the track and at last the id where two read alike."""
    named = dict(zip(events["event_id"], format_days(events["date_start"]) + " · " + events["title"], strict=True))
    tracks = dict(zip(events["event_id"], events["track"].map(DIPLOMACY_TRACKS.label), strict=True))
    return unique_labels(named, tracks)
