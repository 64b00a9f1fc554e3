"""How far the data reach: the period a series covers and how old the data are (not the tracker coverage
matrix, which is components/coverage.py).

Outside the covered period a count of zero means "no data", not "no incidents", so windows and charts
that run past it say so instead of showing a drop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from components.dates import format_day

CURATED_START = dt.date(2024, 1, 1)  # the curated incidents are collected from this day on
STALE_AFTER_DAYS = 45  # older than this, every page warns that recent figures are missing


@dataclass(frozen=True)
class Coverage:
    """The first and last day a counted series covers."""

    first: dt.date
    last: dt.date

    def days_in(self, first: dt.date, last: dt.date) -> int:
        """How many days of [first, last] the series covers."""
        return max((min(last, self.last) - max(first, self.first)).days + 1, 0)


def data_age_days(as_of: dt.date | None, today: dt.date) -> int | None:
    """Days from the data date to today; None when the data date is unknown."""
    return None if as_of is None else (today - as_of).days


def as_of_sentence(as_of: dt.date | None, today: dt.date) -> str:
    """'Data as of 08 Apr 2026 (236 days old).', said the same way on every page."""
    age = data_age_days(as_of, today)
    if age is None:
        return "Data date unknown."
    if age < 0:
        return f"Data as of {format_day(as_of)} (a date after today's {format_day(today)})."
    if age == 0:
        return f"Data as of {format_day(as_of)} (today)."
    return f"Data as of {format_day(as_of)} ({age} day{'s' if age != 1 else ''} old)."


def stale_notice(as_of: dt.date | None, today: dt.date) -> str | None:
    """A warning when the data are older than STALE_AFTER_DAYS, else None: it says the date and age too, so a page
    shows it in place of as_of_sentence (the two stacked said the same thing twice)."""
    age = data_age_days(as_of, today)
    if age is None or age <= STALE_AFTER_DAYS:
        return None
    return (
        f"Curated data as of {format_day(as_of)} ({age} days old): later incidents, figures and talks are not included."
    )


def chart_title(label: str, covered: Coverage | None, start: dt.date, end: dt.date) -> str:
    """A chart title that says where the data stop short of the period shown (None: nothing to say)."""
    if covered is None:
        return label
    gaps = []
    if start < covered.first:
        gaps.append(f"no data before {format_day(covered.first)}")
    if end > covered.last:
        gaps.append(f"no data after {format_day(covered.last)}")
    return f"{label} ({'; '.join(gaps)})" if gaps else label


def events_end_words(last: dt.date, imported: bool) -> str:
    """'the curated incidents are kept up to 16 Mar 2026' or 'the imported file's events end on …': one wording
    wherever a page says where the events stop (Map and Overview captions, Diplomacy's empty period, the
    briefing's map slide)."""
    if imported:
        return f"the imported file's events end on {format_day(last)}"
    return f"the curated incidents are kept up to {format_day(last)}"


def no_events_title(last: dt.date, imported: bool) -> str:
    """The title of a map whose whole period lies past the events' last day (the briefing's map slide and the
    one-page briefing), where "0 incidents" read as calm."""
    return f"No incident data for this period: {events_end_words(last, imported)}"


def latest_past_events_note(last: dt.date, imported: bool) -> str:
    """Under a newest-first list running past the events' last day: its later lines can only be diplomacy, and
    three weeks of talks above the last incident read as three weeks without violence."""
    return f"{sentence_start(events_end_words(last, imported))}: the lines after that day are diplomatic events only."


def events_end_note(covered: Coverage, start: dt.date, end: dt.date, imported: bool) -> str | None:
    """What a period running past the events' last covered day says, with how much of it lies past: a count
    of 0 there read as calm (a link to 17 Mar-8 Apr 2026 showed "0 incidents" and nothing else). None when
    the period ends within them."""
    if end <= covered.last:
        return None
    past = (end - max(start, covered.last + dt.timedelta(days=1))).days + 1
    days = (end - start).days + 1
    held = sentence_start(events_end_words(covered.last, imported))
    if not imported:
        held += ": the sources searched for this release held almost none later"
    share = "the whole period lies" if past == days else f"{past} of the period's {days} days lie"
    return f"{held}. {sentence_start(share)} after that: no data, not a quiet spell."


def sentence_start(words: str) -> str:
    """The words with a capital first letter and the rest as they are ("16 Mar", not str.capitalize's "16 mar")."""
    return words[0].upper() + words[1:]
