"""Crossing status on a day and as timeline bands, on known overlapping periods."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.charts import timeline_chart
from components.crossings import latest_report, since_text, status_bands, status_on
from components.palette import NEUTRAL, RESTRICTED_FILL

CROSSINGS = pd.DataFrame({"crossing_id": ["tk", "ch"], "name": ["Torkham", "Chaman"]})
# A restriction left open by its source, a short closure inside it, then a closure of every crossing.
PERIODS = pd.DataFrame(
    {
        "crossing_id": ["tk", "tk", "all", "ch"],
        "status": ["restricted", "closed", "closed", "open"],
        "start_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-06-01", "2024-09-01"]),
        "end_date": pd.to_datetime([None, "2024-03-10", None, None]),
        "reason": ["r", "c", "all", "later"],
        "source_name": ["S"] * 4,
        "source_url": ["https://s.test/"] * 4,
        "source_published": ["2024-01-02", "2024-03-02", "2024-06-02", "2024-09-02"],
    }
)
UNTIL = dt.date(2024, 7, 1)


def _spans(bands: pd.DataFrame, crossing_id: str) -> list[tuple[str, str, str, bool]]:
    rows = bands[bands["crossing_id"] == crossing_id]
    return [(r.status, f"{r.start_date:%m-%d}", f"{r.end_date:%m-%d}", bool(r.open_ended)) for r in rows.itertuples()]


def test_bands_follow_the_period_that_started_last_and_run_to_the_data_date():
    bands = status_bands(PERIODS, CROSSINGS, UNTIL)
    assert _spans(bands, "tk") == [
        ("restricted", "01-01", "02-29", False),
        ("closed", "03-01", "03-10", False),
        ("restricted", "03-11", "05-31", False),
        ("closed", "06-01", "07-01", True),
    ]
    # The 'all' closure is spelled out for every crossing; the opening after the data date is left out.
    assert _spans(bands, "ch") == [("closed", "06-01", "07-01", True)]
    assert bands["crossing"].tolist()[-1] == "Torkham"
    tk = bands[bands["crossing_id"] == "tk"]
    assert (tk["draw_end"].iloc[:-1].to_numpy() == tk["start_date"].iloc[1:].to_numpy()).all(), "bands must abut"


def test_bands_agree_with_the_status_on_every_day():
    bands = status_bands(PERIODS, CROSSINGS, UNTIL)
    for day in pd.date_range("2024-01-01", UNTIL):
        on_day = status_on(CROSSINGS, PERIODS, day.date()).set_index("crossing_id")["status"]
        covering = bands[(bands["start_date"] <= day) & (bands["end_date"] >= day)].set_index("crossing_id")
        for crossing_id, status in on_day.items():
            expected = covering["status"].get(crossing_id, "unknown")
            assert status == expected, (day, crossing_id)


def test_timeline_draws_a_band_row_per_crossing_in_the_colour_blind_safe_palette():
    bands = status_bands(PERIODS, CROSSINGS, UNTIL)
    empty = pd.DataFrame(columns=["event_id", "date_start", "date_end", "track_label", "title"])
    chart = timeline_chart(
        empty.astype({"date_start": "datetime64[ns]", "date_end": "datetime64[ns]"}),
        pd.DataFrame(columns=["month_start", "month_end", "value"]),
        ["Deaths"],
        pd.DataFrame(columns=["month_mid", "note"]),
        pd.DataFrame(columns=["date", "killed", "family", "place"]),
        "Notable incidents",
        bands,
        dt.date(2024, 1, 1),
        UNTIL,
    ).to_dict()
    panel = chart["vconcat"][-1]
    assert panel["title"] == {
        "text": "Border crossings",
        "subtitle": [
            "Blank: no status reported for that time.",
            "A status no report has ended runs on to the data date (its tooltip gives the last report).",
        ],
    }
    colour = panel["encoding"]["color"]
    assert colour["title"] == "Crossing status"
    assert colour["legend"]["symbolSize"] >= 200  # big enough that a swatch's fill shows inside its outline
    assert dict(zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True)) == {
        "Open": NEUTRAL["white"],
        "Restricted": RESTRICTED_FILL,
        "Closed": NEUTRAL["black"],
    }
    assert panel["encoding"]["x2"]["field"] == "draw_end"
    assert chart["vconcat"][1]["title"] == ["Deaths", "no monthly figure in this data set for this period"]
    rows = chart["datasets"][panel["data"]["name"]]
    assert {r["crossing"] for r in rows} == {"Torkham", "Chaman"}


def test_no_period_before_the_data_date_gives_empty_bands_that_still_compare_by_date():
    bands = status_bands(PERIODS, CROSSINGS, dt.date(2023, 12, 31))
    assert bands.empty
    assert bands[bands["end_date"].dt.date >= dt.date(2023, 1, 1)].empty


def _since(periods: pd.DataFrame, day: str) -> list[tuple[str, str, str]]:
    shown = status_on(CROSSINGS, periods, dt.date.fromisoformat(day))
    return [
        (r.status, f"{r.start_date:%m-%d}" if pd.notna(r.start_date) else "", str(r.source_name))
        for r in shown.itertuples()
    ]


def test_a_status_restated_by_later_rows_is_in_force_since_its_first_row_with_that_rows_source():
    """A closure of every crossing, restated six days later by a report of something else (a customs
    suspension), is still the closure that began first; a break of another status starts a new run."""
    periods = pd.DataFrame(
        {
            "crossing_id": ["all", "all", "tk", "tk", "ch"],
            "status": ["closed", "closed", "restricted", "restricted", "restricted"],
            "start_date": pd.to_datetime(["2025-10-10", "2025-10-16", "2025-11-01", "2025-12-04", "2025-10-13"]),
            "end_date": pd.to_datetime([None, None, None, None, "2025-10-13"]),
            "reason": ["closed", "customs", "returnees", "UN cargo", "a few hours"],
            "source_name": ["First", "Customs", "Returnees", "UN", "Hours"],
            "source_url": ["https://s.test/"] * 5,
            "source_published": ["2025-10-11", "2025-10-16", "2025-11-02", "2025-12-05", "2025-10-14"],
        }
    )
    # Chaman's closure resumes the day after its one restricted day, still the first closure's row.
    assert _since(periods, "2025-10-20") == [("closed", "10-10", "First"), ("closed", "10-14", "First")]
    assert _since(periods, "2026-04-08") == [("restricted", "11-01", "Returnees"), ("closed", "10-14", "First")]
    assert _since(periods, "2025-10-13") == [("closed", "10-10", "First"), ("restricted", "10-13", "Hours")]
    assert _since(periods, "2025-10-09") == [("unknown", "", "nan"), ("unknown", "", "nan")]


def test_a_start_the_accounts_date_differently_shows_every_day_they_give_and_a_status_its_latest_report():
    """Crossing_status.csv's case: a retrospective account (published Feb 2026) dates the closure of every
    crossing 10 Oct, the October accounts 11 Oct, and one crossing's own account 12 Oct; the customs board's
    suspension six days in is news of its own, not another start. A status is as last reported: the latest
    publication date among its run's rows, for its crossing or all, not counting an undated row, and a
    month-only date ranking below that month's days."""
    periods = pd.DataFrame(
        {
            "crossing_id": ["all", "all", "ch", "all", "tk", "tk", "tk", "ch", "tk"],
            "status": [
                "closed",
                "closed",
                "closed",
                "closed",
                "restricted",
                "restricted",
                "restricted",
                "closed",
                "open",
            ],
            "start_date": pd.to_datetime(
                [
                    "2025-10-10",
                    "2025-10-11",
                    "2025-10-12",
                    "2025-10-16",
                    "2025-11-01",
                    "2025-12-04",
                    "2025-12-10",
                    "2025-10-12",
                    "2025-03-19",
                ]
            ),
            "end_date": pd.to_datetime([None] * 8 + ["2025-10-09"]),
            "reason": ["recount", "october", "own", "customs", "returnees", "UN cargo", "undated", "monthly", "open"],
            "source_name": ["Repost", "Tribune", "Wesal", "Customs", "Dawn", "AP", "Undated", "Monthly", "Old"],
            "source_url": [f"https://s.test/{n}" for n in range(9)],
            "source_published": [
                "2026-02-18",
                "2025-10-15",
                "2025-10-21",
                "2025-10-16",
                "2025-11-02",
                "2025-12-05",
                None,
                "2026-02",
                "2025-03-19",
            ],
        }
    )
    shown = status_on(CROSSINGS, periods, dt.date(2026, 4, 8)).set_index("crossing_id")
    assert [since_text(days) for days in shown["start_dates"]] == ["1 Nov 2025", "10, 11 or 12 Oct 2025"]
    assert shown["source_name"].tolist() == ["Dawn", "Repost"]  # the first day's row
    assert shown["last_reported"].tolist() == ["2025-12-05", "2026-02-18"]
    assert shown["last_reported_source"].tolist() == ["AP", "Repost"]
    assert latest_report(shown) == "2026-02-18"
    # Torkham's closure before it reopened: its own start on 12 Oct is Chaman's, not Torkham's.
    before = status_on(CROSSINGS, periods, dt.date(2025, 10, 20)).set_index("crossing_id")
    assert since_text(before.loc["tk", "start_dates"]) == "10 or 11 Oct 2025"
    assert before.loc["tk", "last_reported"] == "2026-02-18"
    # Before the closure: Torkham open, reported only by its own open row; Chaman with no status and no report.
    earlier = status_on(CROSSINGS, periods, dt.date(2025, 10, 1))
    assert earlier["last_reported"].fillna("").tolist() == ["2025-03-19", ""]


def test_a_status_none_of_whose_rows_is_dated_has_no_last_report():
    periods = PERIODS.assign(source_published=[None, None, None, None])
    shown = status_on(CROSSINGS, periods, UNTIL)
    assert shown["last_reported"].isna().all()
    assert latest_report(shown) is None


def test_a_start_is_told_by_its_best_sourced_account_not_by_a_repost_dated_its_first_day():
    """Crossing_status.csv's closure of every crossing: Khaama Press's repost (Feb 2026) dates it 10 Oct, The
    Express Tribune's October account 11 Oct. The reason and source were the repost's, being the first day's;
    a major outlet's account of the same start comes first, a repost only when no better account gives it,
    and a later row (the customs suspension, six days in) is no account of the start."""
    periods = pd.DataFrame(
        {
            "crossing_id": ["all", "all", "all", "ch", "ch"],
            "status": ["closed", "closed", "closed", "restricted", "closed"],
            "start_date": pd.to_datetime(["2025-10-10", "2025-10-11", "2025-10-16", "2025-11-01", "2025-12-06"]),
            "end_date": pd.to_datetime([None] * 5),
            "reason": ["reposted wording", "Tribune wording", "customs", "reopened", "December wording"],
            "source_name": ["Repost", "Tribune", "Customs", "Dawn", "Repost again"],
            "source_url": [f"https://s.test/{n}" for n in range(5)],
            "source_published": ["2026-02-18", "2025-10-15", "2025-10-16", "2025-11-02", "2025-12-07"],
            "source_kind": ["repost", "major_outlet", "tracker_site", "major_outlet", "repost"],
        }
    )
    shown = status_on(CROSSINGS, periods, dt.date(2026, 4, 8)).set_index("crossing_id")
    assert shown.loc["tk", ["reason", "source_name", "status_source_kind"]].tolist() == [
        "Tribune wording",
        "Tribune",
        "major_outlet",
    ]
    assert since_text(shown.loc["tk", "start_dates"]) == "10 or 11 Oct 2025"  # every day the accounts give
    # The latest report is still the repost, and says what kind of site it is on.
    assert shown.loc["tk", ["last_reported_source", "last_reported_kind"]].tolist() == ["Repost", "repost"]
    # Chaman's closure after its November reopening has only a repost's account: shown, as nothing better gives it.
    assert shown.loc["ch", ["reason", "source_name"]].tolist() == ["December wording", "Repost again"]


def test_a_report_of_an_earlier_run_of_the_same_status_is_not_the_last_report_of_this_one():
    """Kharlachi on 30 Jun 2025: "Open since 9 May 2025" beside "last reported 1 Oct 2024, The News": that
    report is of the opening of 1 Oct 2024, closed again on 12 Oct. data/crossing_status.csv as bundled."""
    from components.dataset import load_dataset
    from components.paths import BUNDLED_DATA_DIR

    data = load_dataset(BUNDLED_DATA_DIR)
    shown = status_on(data["crossings"], data["crossing_status"], dt.date(2025, 6, 30)).set_index("crossing_id")
    rows = data["crossing_status"]
    kharlachi = rows[rows["crossing_id"] == "kharlachi"].sort_values("start_date")
    current = kharlachi[kharlachi["start_date"] == shown.loc["kharlachi", "start_date"]]
    assert list(current["status"]) == ["open"]
    assert current["source_published"].isna().all()  # the report of 9 May 2025 gives no date
    assert pd.isna(shown.loc["kharlachi", "last_reported"])
    # A later report of a status in force since before its run's start still counts: Chaman, closed since 6 Dec
    # 2025, last reported by the 18 Feb 2026 report that every crossing is still closed.
    shown = status_on(data["crossings"], data["crossing_status"], dt.date(2026, 4, 8)).set_index("crossing_id")
    assert shown.loc["chaman-spin-boldak", "start_date"] == pd.Timestamp("2025-12-06")
    assert shown.loc["chaman-spin-boldak", "last_reported"] == "2026-02-18"
