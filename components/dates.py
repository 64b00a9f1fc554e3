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


def format_days(days: pd.Series) -> pd.Series:
    """format_day for a column of dates."""
    return days.dt.day.astype(str) + days.dt.strftime(" %b %Y")


def format_published(text: str) -> str:
    """A source's publication date as precise as the data file gives it: "2 Apr 2026" for 2026-04-02,
    "Apr 2026" for 2026-04 (a month is never shown as its first day)."""
    if len(text) == len("2026-04"):
        return f"{dt.date.fromisoformat(text + '-01'):%b %Y}"
    return format_day(dt.date.fromisoformat(text))
