"""How a day reads everywhere on screen and in exports: "8 Apr 2026".

Spelled without strftime's "%-d" (day without a leading zero), which only the GNU C library understands:
on Windows, where analysts also run the app, Python's strftime raises on it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

# Vega-Lite's time format (d3-time-format) reads "%-d" itself, in the browser.
VEGA_DAY = "%-d %b %Y"
VEGA_DAY_MONTH = "%-d %b"  # a time axis within one year


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


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


def format_published(text: str) -> str:
    """A source's publication date as precise as the data file gives it: "2 Apr 2026" for 2026-04-02,
    "Apr 2026" for 2026-04 (a month is never shown as its first day)."""
    if len(text) == len("2026-04"):
        return f"{dt.date.fromisoformat(text + '-01'):%b %Y}"
    return format_day(dt.date.fromisoformat(text))
