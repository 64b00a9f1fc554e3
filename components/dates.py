"""How a day reads everywhere on screen and in exports: "8 Apr 2026".

Spelled without strftime's "%-d" (day without a leading zero), which only the GNU C library understands:
on Windows, where analysts also run the app, Python's strftime raises on it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import pandas as pd

# Vega-Lite's time format (d3-time-format) reads "%-d" itself, in the browser.
VEGA_DAY = "%-d %b %Y"
VEGA_DAY_MONTH = "%-d %b"  # a time axis within one year
# How the data files write a source's publication date: a day, or only a month (schemas.py checks it).
PUBLISHED = r"^\d{4}-\d{2}(-\d{2})?$"


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def year_span(year: int, first: dt.date | None = None, last: dt.date | None = None) -> str:
    """A year as the span of it a count covers, the window [first, last] cutting it: "2025" when whole,
    "2026 (to 8 Apr)", "2024 (from 5 Mar)", "2025 (1–31 Oct)", "2025 (3 Feb–9 Sep)"; so a partial year is never
    read beside whole ones as if it were one."""
    start = max(first, dt.date(year, 1, 1)) if first else dt.date(year, 1, 1)
    end = min(last, dt.date(year, 12, 31)) if last else dt.date(year, 12, 31)
    cut_start, cut_end = start != dt.date(year, 1, 1), end != dt.date(year, 12, 31)
    if not (cut_start or cut_end):
        return str(year)
    if not cut_start:
        return f"{year} (to {end.day} {end:%b})"
    if not cut_end:
        return f"{year} (from {start.day} {start:%b})"
    opening = str(start.day) if start.month == end.month else f"{start.day} {start:%b}"
    return f"{year} ({opening}–{end.day} {end:%b})"


def format_days_or(days: list[dt.date]) -> str:
    """Days one of which is meant, in order, the shared month and year said once: "10, 11 or 12 Oct 2025";
    written out in full when they differ: "30 Sep 2025 or 1 Oct 2025"."""
    days = sorted(days)
    if len({(day.year, day.month) for day in days}) == 1:
        *first, last = [str(day.day) for day in days]
        return f"{', '.join(first)} or {last} {days[0]:%b %Y}" if first else format_day(days[0])
    *first, last = [format_day(day) for day in days]
    return f"{', '.join(first)} or {last}" if first else last


def format_days(days: pd.Series) -> pd.Series:
    """format_day for a column of dates."""
    return days.dt.day.astype(str) + days.dt.strftime(" %b %Y")


class Published(NamedTuple):
    """A source's publication date: its first day, and whether the file names that day or only its month."""

    day: dt.date
    names_day: bool


def parse_published(text) -> Published | None:
    """A source's publication date from 'YYYY-MM-DD' or 'YYYY-MM' (PUBLISHED); None for anything else, such as
    a blank cell, a day that does not exist, or '2026-W14-4', a day to Python's fromisoformat but not here."""
    if not isinstance(text, str) or not re.fullmatch(PUBLISHED, text):
        return None
    names_day = len(text) == len("2026-04-02")
    try:
        return Published(dt.date.fromisoformat(text if names_day else f"{text}-01"), names_day)
    except ValueError:
        return None


def published_day(text) -> dt.date | None:
    """The first day a publication date covers (a month's first day), to compare it with other days."""
    published = parse_published(text)
    return None if published is None else published.day


def format_published(text: str) -> str:
    """A source's publication date as precise as the data file gives it: "2 Apr 2026" for 2026-04-02,
    "Apr 2026" for 2026-04 (a month is never shown as its first day)."""
    published = parse_published(text)
    if published is None:
        raise ValueError(f"not a publication date (YYYY-MM-DD or YYYY-MM): {text!r}")
    return format_day(published.day) if published.names_day else f"{published.day:%b %Y}"
