"""Days read "8 Apr 2026" everywhere, through one function that also runs on Windows (whose strftime
raises on the "%-d" that glibc accepts)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from components.dates import format_day, format_days, format_days_or, format_published, published_day
from components.paths import BUNDLED_DATA_DIR

ROOT = Path(__file__).resolve().parents[1]


def test_a_day_reads_without_a_leading_zero():
    assert format_day(dt.date(2026, 4, 8)) == "8 Apr 2026"
    assert format_day(pd.Timestamp("2025-10-12")) == "12 Oct 2025"


def test_days_one_of_which_is_meant_say_their_shared_month_once():
    assert format_days_or([dt.date(2025, 10, 12), dt.date(2025, 10, 10), dt.date(2025, 10, 11)]) == (
        "10, 11 or 12 Oct 2025"
    )
    assert format_days_or([dt.date(2025, 10, 10), dt.date(2025, 10, 11)]) == "10 or 11 Oct 2025"
    assert format_days_or([dt.date(2025, 9, 30), dt.date(2025, 10, 1)]) == "30 Sep 2025 or 1 Oct 2025"
    assert format_days_or([dt.date(2025, 11, 1)]) == "1 Nov 2025"


def test_a_column_of_days_reads_the_same_as_one_day():
    days = pd.Series(pd.to_datetime(["2024-01-01", "2025-12-31"]))
    assert list(format_days(days)) == ["1 Jan 2024", "31 Dec 2025"]


def test_no_python_code_hands_strftime_the_glibc_only_day_format():
    spelled = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("components", "views", "tests", "app.py")
        for path in ([ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py"))
        if path.name not in ("dates.py", "test_dates.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "%-d" in line
    ]
    assert spelled == []


def test_a_publication_date_reads_as_precise_as_the_file_gives_it():
    assert format_published("2026-04-02") == "2 Apr 2026"
    assert format_published("2025-10") == "Oct 2025"  # a month is not shown as its first day


def test_every_publication_date_in_the_data_reads_as_the_day_the_checks_compare():
    """One reading of a publication date: the day shown is the day the cross-checks and data_as_of use."""
    published = {
        row["source_published"]
        for path in sorted(BUNDLED_DATA_DIR.glob("*.csv"))
        for row in csv.DictReader(path.open(encoding="utf-8"))
        if row.get("source_published")
    }
    assert len(published) > 100
    for text in published:
        day = published_day(text)
        shown = format_day(day) if len(text) == len("2026-04-02") else f"{day:%b %Y}"
        assert format_published(text) == shown, text


def test_a_publication_date_the_checks_reject_is_never_shown_as_a_day():
    """'20260402' and '2026-W14-4' are days to Python's fromisoformat, not to the data files' rule."""
    for text in ("20260402", "2026-W14-4", "2026-04-31", "2026-4-2", "2026"):
        assert published_day(text) is None, text
        with pytest.raises(ValueError, match="not a publication date"):
            format_published(text)
