"""Before/after windows around diplomatic events, on known dates."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.diplomacy import filter_events, latest_developments, split_list, window_counts

EVENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["2025-10-04", "2025-10-11", "2025-10-12", "2025-10-18", "2025-10-20", "2025-11-02"]),
        "killed": pd.array([3, 23, 9, 50, 2, 7], dtype="Int64"),
        "summary": ["a", "b", "c", "d", "e", "f"],
        "source_name": ["S"] * 6,
        "source_url": ["https://s.test/"] * 6,
    }
)


def test_window_around_a_two_day_event_leaves_out_the_event_days():
    # Talks on 18–19 Oct, 14 days: before = 4–17 Oct (4, 11, 12 Oct), after = 20 Oct–2 Nov (20 Oct, 2 Nov).
    counts = window_counts(EVENTS, dt.date(2025, 10, 18), dt.date(2025, 10, 19), 14)
    assert (counts.before_incidents, counts.after_incidents) == (3, 2)
    assert (counts.before_killed, counts.after_killed) == (3 + 23 + 9, 2 + 7)


def test_window_of_seven_days_before_a_one_day_event():
    counts = window_counts(EVENTS, dt.date(2025, 10, 18), None, 7)
    assert counts.before["date"].dt.day.tolist() == [11, 12]
    assert counts.after["date"].dt.day.tolist() == [20]


def test_filter_by_mediator_and_overlap():
    diplomacy = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2025-10-18", "2025-10-25", "2025-04-19"]),
            "date_end": pd.to_datetime(["2025-10-19", None, None]),
            "track": ["talks", "talks", "statement"],
            "mediators": ["Qatar; Turkey", "Turkey", None],
            "title": ["Doha", "Istanbul", "Kabul visit"],
            "source_name": ["S"] * 3,
            "source_url": ["https://s.test/"] * 3,
        }
    )
    shown = filter_events(diplomacy, dt.date(2025, 10, 19), dt.date(2025, 12, 31), mediators=("Qatar",))
    assert shown["title"].tolist() == ["Doha"]
    assert split_list("Qatar; Turkey") == ["Qatar", "Turkey"]
    latest = latest_developments(diplomacy, EVENTS, 3)
    assert latest["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-11-02", "2025-10-25", "2025-10-20"]
