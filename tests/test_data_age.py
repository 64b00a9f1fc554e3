"""Data age and the period the data cover (components/data_age.py), on known dates."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from components.data_age import Coverage, as_of_sentence, chart_title, data_age_days, events_end_note, stale_notice
from components.paths import BUNDLED_DATA_DIR

AS_OF = dt.date(2026, 4, 8)


@pytest.mark.parametrize(
    ("today", "age", "sentence"),
    [
        (dt.date(2026, 4, 8), 0, "Data as of 8 Apr 2026 (today)."),
        (dt.date(2026, 4, 9), 1, "Data as of 8 Apr 2026 (1 day old)."),
        (dt.date(2026, 5, 23), 45, "Data as of 8 Apr 2026 (45 days old)."),
        (dt.date(2026, 5, 24), 46, "Data as of 8 Apr 2026 (46 days old)."),
        (dt.date(2026, 11, 30), 236, "Data as of 8 Apr 2026 (236 days old)."),
    ],
)
def test_age_in_days_and_the_sentence_a_person_reads(today, age, sentence):
    assert data_age_days(AS_OF, today) == age
    assert as_of_sentence(AS_OF, today) == sentence


def test_warning_only_after_45_days():
    assert stale_notice(AS_OF, dt.date(2026, 4, 8)) is None
    assert stale_notice(AS_OF, dt.date(2026, 5, 23)) is None
    assert stale_notice(AS_OF, dt.date(2026, 5, 24)) == (
        "Curated data as of 8 Apr 2026 (46 days old): later incidents, figures and talks are not included."
    )


def test_unknown_data_date_gives_no_age_and_no_warning():
    today = dt.date(2026, 11, 30)
    assert data_age_days(None, today) is None
    assert as_of_sentence(None, today) == "Data date unknown."
    assert stale_notice(None, today) is None


def test_a_data_date_after_today_is_not_given_a_negative_age():
    assert as_of_sentence(AS_OF, dt.date(2026, 4, 1)) == "Data as of 8 Apr 2026 (a date after today's 1 Apr 2026)."


def test_days_covered_of_a_window():
    covered = Coverage(dt.date(2024, 1, 1), AS_OF)
    assert covered.days_in(dt.date(2026, 3, 1), dt.date(2026, 3, 14)) == 14
    assert covered.days_in(dt.date(2026, 4, 3), dt.date(2026, 4, 16)) == 6
    assert covered.days_in(dt.date(2023, 12, 25), dt.date(2024, 1, 7)) == 7
    assert covered.days_in(dt.date(2026, 5, 1), dt.date(2026, 5, 14)) == 0


def test_chart_title_says_where_the_series_stops():
    months = Coverage(dt.date(2024, 1, 1), dt.date(2025, 9, 30))
    label = "Deaths per month"
    assert chart_title(label, months, dt.date(2024, 1, 1), dt.date(2025, 9, 30)) == label
    assert chart_title(label, months, dt.date(2024, 1, 1), AS_OF) == f"{label} (no data after 30 Sep 2025)"
    assert (
        chart_title(label, months, dt.date(2023, 6, 1), AS_OF)
        == f"{label} (no data before 1 Jan 2024; no data after 30 Sep 2025)"
    )
    assert chart_title(label, None, dt.date(2023, 6, 1), AS_OF) == label


def test_a_period_past_the_incidents_says_how_much_of_it_is_no_data():
    covered = Coverage(dt.date(2024, 1, 1), dt.date(2026, 3, 16))
    assert events_end_note(covered, dt.date(2026, 1, 1), dt.date(2026, 3, 16), imported=False) is None
    assert events_end_note(covered, dt.date(2026, 3, 17), dt.date(2026, 4, 8), imported=False) == (
        "The curated incidents are kept up to 16 Mar 2026: the sources searched for this release held almost "
        "none later. The whole period lies after that: no data, not a quiet spell."
    )
    assert events_end_note(covered, dt.date(2026, 3, 1), dt.date(2026, 4, 8), imported=True) == (
        "The imported file's events end on 16 Mar 2026. 23 of the period's 39 days lie after that: no data, "
        "not a quiet spell."
    )


def test_the_declared_end_of_the_curated_incidents_is_their_last_incident_or_later():
    """datapackage.json's incidents_to marks where the curated list stops being kept: an incident after it
    would sit in a stretch every page calls 'no data'; one before the data date only, never after it."""
    meta = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        last = max(dt.date.fromisoformat(row["date"]) for row in csv.DictReader(handle))
    kept_to = dt.date.fromisoformat(meta["incidents_to"])
    assert last <= kept_to <= dt.date.fromisoformat(meta["data_as_of"])
