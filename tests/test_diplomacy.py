"""Before/after windows around diplomatic events, on known dates."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import html
import json
import math
import re

import pandas as pd
import pytest
import vl_convert as vlc
from streamlit.elements.vega_charts import _prepare_vega_lite_spec

from components.charts import date_ticks
from components.data_age import Coverage
from components.dataset import load_dataset
from components.dates import format_day, format_published
from components.diplomacy import empty_period_note, filter_events, latest_developments, split_list, window_counts
from components.paths import BUNDLED_DATA_DIR
from components.trends import monthly_on_calendar
from components.ui.timeline import VIOLENCE_LABEL, VIOLENCE_SERIES, timeline_figure
from components.vocabulary import DIPLOMACY_TRACKS

EVENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["2025-10-04", "2025-10-11", "2025-10-12", "2025-10-18", "2025-10-20", "2025-11-02"]),
        "killed": pd.array([3, 23, 9, 50, 2, 7], dtype="Int64"),
        "summary": ["a", "b", "c", "d", "e", "f"],
        "source_name": ["S"] * 6,
        "source_url": ["https://s.test/"] * 6,
    }
)
COVERED = Coverage(dt.date(2025, 10, 1), dt.date(2025, 11, 5))  # the events above cover 1 Oct – 5 Nov 2025


def test_window_around_a_two_day_event_leaves_out_the_event_days():
    # Talks on 18–19 Oct, 14 days: before = 4–17 Oct (4, 11, 12 Oct), after = 20 Oct–2 Nov (20 Oct, 2 Nov).
    counts = window_counts(EVENTS, dt.date(2025, 10, 18), dt.date(2025, 10, 19), 14, COVERED)
    assert (counts.before_incidents, counts.after_incidents) == (3, 2)
    assert (counts.before_killed.killed, counts.after_killed.killed) == (3 + 23 + 9, 2 + 7)
    assert (counts.before_covered, counts.after_covered) == (14, 14)
    assert counts.comparable
    assert counts.notes() == []


def test_an_incident_with_no_stated_total_adds_nothing_and_stops_the_killed_change():
    """The Istanbul round's window counted the 11 Oct 2025 clashes (killed by category only) as 0: "Killed
    before 23 / after 29 (+6)" read as a rise. The incident is counted apart and no change in killed is shown."""
    unstated = EVENTS.assign(killed=pd.array([3, None, 9, 50, 2, 7], dtype="Int64"))
    counts = window_counts(unstated, dt.date(2025, 10, 18), dt.date(2025, 10, 19), 14, COVERED)
    assert (counts.before_killed.killed, counts.before_killed.unstated, counts.after_killed.unstated) == (12, 1, 0)
    assert counts.comparable
    assert not counts.killed_comparable
    assert counts.notes() == [
        "Incidents with no stated total toll: 1 before, 0 after. Killed adds the stated totals only, so no change "
        "in killed is shown (the incidents' details give their accounts' figures)."
    ]


def test_after_window_past_the_data_end_is_partial_and_not_compared():
    # Talks on 30 Oct, 14 days: after = 31 Oct – 13 Nov, of which 31 Oct – 5 Nov (6 days) are covered.
    counts = window_counts(EVENTS, dt.date(2025, 10, 30), None, 14, COVERED)
    assert (counts.after_incidents, counts.after_covered, counts.before_covered) == (1, 6, 14)
    assert not counts.comparable
    assert counts.notes() == [
        "After: only 6 of 14 days are covered by the data (data end 5 Nov 2025); no change is shown."
    ]


def test_before_window_before_the_data_start_is_partial():
    # Talks on 4 Oct, 7 days: before = 27 Sep – 3 Oct, of which 1–3 Oct (3 days) are covered.
    counts = window_counts(EVENTS, dt.date(2025, 10, 4), None, 7, COVERED)
    assert (counts.before_covered, counts.after_covered) == (3, 7)
    assert not counts.comparable
    assert counts.notes() == [
        "Before: only 3 of 7 days are covered by the data (data start 1 Oct 2025); no change is shown."
    ]


def test_windows_wholly_or_all_but_one_day_outside_the_data():
    # Talks on 4 Nov, 7 days: after = 5–11 Nov, only 5 Nov covered. Talks on 1 Oct: before = 24–30 Sep, none.
    after = window_counts(EVENTS, dt.date(2025, 11, 4), None, 7, COVERED)
    assert after.notes() == [
        "After: only 1 of 7 days is covered by the data (data end 5 Nov 2025); no change is shown."
    ]
    before = window_counts(EVENTS, dt.date(2025, 10, 1), None, 7, COVERED)
    assert before.notes() == [
        "Before: none of the 7 days are covered by the data (data start 1 Oct 2025); no change is shown."
    ]


def test_window_of_seven_days_before_a_one_day_event():
    counts = window_counts(EVENTS, dt.date(2025, 10, 18), None, 7, COVERED)
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


def test_timeline_panels_say_where_their_data_stop():
    """The monthly deaths end at the last published month; the events here are taken to end on 16 Mar 2026."""
    data = load_dataset(BUNDLED_DATA_DIR)
    last_month = monthly_on_calendar(data.figures, *VIOLENCE_SERIES)["month_end"].max()
    events_covered = Coverage(dt.date(2024, 1, 1), dt.date(2026, 3, 16))
    chart = timeline_figure(
        data, data.diplomacy_events, data.events, dt.date(2024, 1, 1), dt.date(2026, 4, 8), events_covered
    )
    spec = json.dumps(chart.to_dict(), ensure_ascii=False)
    assert f'"title": "{VIOLENCE_LABEL} (no data after {format_day(last_month)})"' in spec
    assert '"gap_label": "no figure found"' in spec
    assert '"Notable incidents (killed, lowest stated figure) (no data after 16 Mar 2026)"' in spec


def test_a_period_past_both_ends_of_the_deaths_says_so_in_one_whole_line():
    """Its title was split at every "; ", inside the parentheses too: "(no data before 1 Jan 2024" on one line
    and "no data after ...)" on the next."""
    data = load_dataset(BUNDLED_DATA_DIR)
    months = monthly_on_calendar(data.figures, *VIOLENCE_SERIES)
    first, last = months["month_start"].min(), months["month_end"].max()
    chart = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2020, 1, 1), dt.date(2026, 11, 30))
    title = chart.to_dict()["vconcat"][1]["title"]
    assert title == f"{VIOLENCE_LABEL} (no data before {format_day(first)}; no data after {format_day(last)})"


def test_a_month_the_period_cuts_says_its_bar_is_the_whole_month():
    """Over 14-18 Oct 2025 the deaths panel drew October's bar across the five days, to be read as October's
    deaths in five days; its title now says the bar is the month's total, and the bar is the file's figure."""
    data = load_dataset(BUNDLED_DATA_DIR)
    october = monthly_on_calendar(data.figures, *VIOLENCE_SERIES)
    october = october[october["month_start"] == "2025-10-01"]["value"].item()
    chart = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2025, 10, 14), dt.date(2025, 10, 18))
    spec = chart.to_dict()
    assert spec["vconcat"][1]["title"][1:] == ["Oct 2025: the whole month's total; the period holds 5 of its 31 days"]
    bars = [d for d in spec["datasets"].values() if d and "month_start" in d[0]]
    assert [row["value"] for row in bars[0]] == [october]
    whole = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2025, 9, 1), dt.date(2025, 10, 31))
    assert not any("whole month" in line for line in whole.to_dict()["vconcat"][1]["title"])


def test_a_month_without_a_figure_inside_the_published_run_is_marked_not_left_empty():
    """PICSS deaths are published for Nov 2024 and Jan 2025, not Dec 2024: the gap is drawn, not read as zero.
    It was a cross at zero, which the axis cut in half and which read as a small value; it is words now, as
    on the briefing's slides."""
    data = load_dataset(BUNDLED_DATA_DIR)
    chart = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2024, 10, 1), dt.date(2025, 3, 31))
    spec = chart.to_dict()
    assert "✚" not in json.dumps(spec["vconcat"][1], ensure_ascii=False)
    marks = [d for d in spec["datasets"].values() if d and "month_mid" in d[0]]
    assert {row["month_mid"][:7]: row["gap_label"] for row in marks[0]} == {
        "2024-12": "no figure found",
        "2025-02": "no figure found",
    }
    violence = spec["vconcat"][1]["layer"]
    assert {"type": "text", "angle": 270, "align": "left", "baseline": "middle", "dx": 8}.items() <= next(
        layer["mark"] for layer in violence if layer["mark"]["type"] == "text"
    ).items()


def test_a_crossing_period_no_source_ended_does_not_show_the_data_date_as_its_end():
    """Bin Shahi's tooltip read 'To 8 Apr 2026 · Still in force on the data date: true': the data date
    read as a reported end, and a raw boolean."""
    data = load_dataset(BUNDLED_DATA_DIR)
    chart = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2025, 10, 1), data.data_as_of)
    bands = [
        row
        for dataset in chart.to_dict()["datasets"].values()
        for row in dataset
        if isinstance(row, dict) and "until" in row
    ]
    assert bands, "no crossing bands in the chart"
    open_ended = [row["until"] for row in bands if row["open_ended"]]
    assert open_ended
    # Each names its latest report, a publication date the file gives (Torkham's closure ran on to 8 Apr 2026
    # though it was last reported on 18 Feb).
    with (BUNDLED_DATA_DIR / "crossing_status.csv").open(encoding="utf-8", newline="") as handle:
        published = {row["source_published"] for row in csv.DictReader(handle) if row["source_published"]}
    said = {format_published(day) for day in published}
    for until in open_ended:
        found = re.fullmatch(r"no end reported; last report (.+) \(drawn to 8 Apr 2026, the data date\)", until)
        assert found, until
        assert found[1] in said
    ended = [row for row in bands if not row["open_ended"]]
    assert all(row["until"][0].isdigit() and "data date" not in row["until"] for row in ended)
    assert "Still in force" not in json.dumps(chart.to_dict())


def test_the_numbers_under_the_timeline_read_in_words():
    """The table showed track codes (talks, deportation) and 'None' for a one-day event's end and venue."""
    import csv
    import io

    from components.diplomacy import shown_table

    data = load_dataset(BUNDLED_DATA_DIR)
    table = shown_table(data.diplomacy_events, data["diplomacy"])
    assert list(table.columns[:4]) == ["From", "To", "Track", "Event"]
    assert set(table["Track"]) <= {track.label for track in DIPLOMACY_TRACKS.items}
    assert pd.api.types.is_datetime64_any_dtype(table["To"])  # shown as days ("8 Jan 2024"), a blank as a dash
    written = table.to_csv(index=False)  # the download
    cells = {cell for row in csv.reader(io.StringIO(written)) for cell in row}
    assert not cells & {"None", "NaT", "nan", "<NA>"}
    assert not any(cell.endswith("00:00:00") for cell in cells)
    one_day = table["To"].isna().to_numpy()
    assert table.loc[one_day, "To"].isna().all()
    assert all(
        row["To"] == "" for row, blank in zip(csv.DictReader(io.StringIO(written)), one_day, strict=True) if blank
    )


def _diplomacy_rows() -> list[dict]:
    with open(BUNDLED_DATA_DIR / "diplomacy.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_events_table_gives_every_source_of_each_event():
    """An event reported by two sources (diplomacy.csv: one row per source, same event_id) listed its first
    source only: 'Pakistan declares "open war"' (27 Feb 2026) named one of its two."""
    from components.diplomacy import shown_table

    data = load_dataset(BUNDLED_DATA_DIR)
    table = shown_table(data.diplomacy_events, data["diplomacy"])
    expected: dict[str, list[str]] = {}
    for row in _diplomacy_rows():
        expected.setdefault(row["event_id"], []).append(row["source_name"])
    listed = table.groupby("Event id", sort=False)["Source"].apply(list).to_dict()
    assert listed == expected
    war = table[table["Event id"] == "20260227-open-war-declaration"]
    assert len(war) == 2
    assert set(war["Sources of this event"]) == {2}


def test_the_deaths_and_incidents_panels_give_their_numbers_as_drawn():
    """The chart's deaths and incidents panels had no numbers anywhere: the tables give PICSS's monthly
    deaths as tracker_stats.csv states them, and the incidents counted by month add up to those drawn."""
    from components.ui.timeline import deaths_table, incidents_by_month

    data = load_dataset(BUNDLED_DATA_DIR)
    with open(BUNDLED_DATA_DIR / "tracker_stats.csv", encoding="utf-8") as handle:
        published = {
            row["period_start"][:7]: float(row["value"])
            for row in csv.DictReader(handle)
            if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
            == ("PICSS", "militant_attacks", "month", "Pakistan", "deaths_total")
            and row["period_start"].startswith("2024-0")
            and not row["replaces"]
        }
    deaths = deaths_table(data, dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert deaths["Month"].tolist() == ["Jan 2024", "Feb 2024", "Mar 2024"]
    assert deaths["Deaths (PICSS)"].tolist() == [published["2024-01"], published["2024-02"], published["2024-03"]]
    events = data.events[(data.events["date"] >= "2025-10-01") & (data.events["date"] <= "2025-10-31")]
    months = incidents_by_month(events)
    assert months["Month"].tolist() == ["Oct 2025"]
    assert months["Incidents drawn"].sum() == len(events)
    assert months["Killed (lowest stated, added)"].iloc[0] == int(events["killed"].sum())
    assert months["Incidents stating no total"].iloc[0] == int(events["killed"].isna().sum())


@pytest.mark.parametrize(
    ("start", "end", "stacks"),
    [
        (dt.date(2026, 2, 20), dt.date(2026, 3, 5), 2),  # 27 Feb 2026: two breakdowns and two statements
        (dt.date(2024, 1, 1), dt.date(2026, 4, 8), 2),  # the whole data
    ],
)
def test_every_diplomatic_event_of_the_period_is_a_diamond_of_its_own(start, end, stacks):
    """27 Feb 2026's four events (two Breakdown, two Statement) drew one diamond a row under a sentence
    counting them all: each event of diplomacy.csv in the period is now a diamond named for it, same-day
    ones of a track one above another (none at another's spot), with the day's count beside them."""
    first_titles: dict[str, str] = {}
    for row in _diplomacy_rows():
        last = row["date_end"] or row["date_start"]
        if row["date_start"] <= end.isoformat() and last >= start.isoformat():
            first_titles.setdefault(row["event_id"], row["title"])
    data = load_dataset(BUNDLED_DATA_DIR)
    shown = filter_events(data.diplomacy_events, start, end)
    svg = vlc.vegalite_to_svg(timeline_figure(data, shown, data.events.iloc[:0], start, end).to_dict())
    diamonds = re.findall(r'<path aria-label="([^"]*Event: [^"]*)" [^>]*transform="translate\(([^)]*)\)"', svg)
    assert len(diamonds) == len(first_titles)
    labels = [html.unescape(label) for label, _ in diamonds]
    titles = [re.search(r"Event: (.*?); Track: ", label).group(1) for label in labels]
    assert sorted(titles) == sorted(first_titles.values())
    if end - start < dt.timedelta(days=30):  # on a fortnight's axis no two events share a spot
        assert len({spot for _, spot in diamonds}) == len(diamonds)
    assert svg.count(">×2</text>") == stacks
    assert sum("This day, this track: 2 events: " in label for label in labels) == 2 * stacks


def test_counts_in_sentences_agree_with_their_number():
    from components.diplomacy import counted

    assert counted(1, "diplomatic event") == "1 diplomatic event"
    assert counted(0, "notable incident") == "0 notable incidents"
    assert counted(1200, "notable incident") == "1,200 notable incidents"


def test_the_incident_legend_lists_only_the_types_drawn():
    """'Armed clash' is a type of imported files only: listed beside the curated incidents, it had no dot."""
    from components.vocabulary import family_label

    data = load_dataset(BUNDLED_DATA_DIR)
    spec = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2024, 1, 1), dt.date(2026, 4, 8)).to_dict()
    scales = [
        encoding["color"]["scale"]
        for part in json.loads(json.dumps(spec))["vconcat"]
        for layer in (part.get("layer") or [part])
        for encoding in [layer.get("encoding", {})]
        if encoding.get("color", {}).get("title") == "Incident type"
    ]
    drawn = set(data.events["event_type"].map(family_label))
    assert scales
    assert set(scales[0]["domain"]) == drawn
    assert "Armed clash" not in scales[0]["domain"]


def _drawn_symbols(node: dict, panel: tuple[float, float] | None = None) -> list[tuple]:
    """(shape, x, y, half its width, panel width, panel height) of every symbol Vega draws in the panels."""
    found = []
    for item in node.get("items", []):
        if node.get("marktype") == "symbol" and node.get("role") == "mark":
            half = math.sqrt(item.get("size", 64)) / 2
            found.append((item.get("shape", "circle"), item["x"], item["y"], half, *panel))
        elif isinstance(item, dict):
            inner = (item.get("width"), item.get("height")) if node.get("marktype") == "group" else panel
            found += _drawn_symbols(item, inner)
    return found


def test_no_mark_at_the_periods_ends_or_at_zero_is_cut_at_the_panel_edge():
    """The first 'Talks' diamond (1 Jan 2024) was drawn half outside the Diplomacy panel and cut off, and so
    were incident dots at 0 killed and gap crosses at the deaths panel's foot. The axes keep the period's days
    and the values (no tick below 0) and leave room beyond them; every panel is as wide as the others."""
    data = load_dataset(BUNDLED_DATA_DIR)
    for start, end in ((dt.date(2024, 1, 1), data.data_as_of), (dt.date(2025, 10, 14), dt.date(2025, 10, 18))):
        events = filter_events(data.diplomacy_events, start, end)  # as the page passes them
        incidents = data.events[data.events["date"].dt.date.between(start, end)]
        chart = timeline_figure(data, events, incidents, start, end)
        for panel in chart.to_dict()["vconcat"]:
            for layer in panel.get("layer") or [panel]:
                assert layer["encoding"]["x"]["scale"]["domain"] == [f"{start}T00:00:00", f"{end}T00:00:00"]
        scenegraph = vlc.vegalite_to_scenegraph(chart.to_json())["scenegraph"]
        symbols = _drawn_symbols(scenegraph)
        diamonds = [s for s in symbols if s[0] == "diamond"]
        assert len(diamonds) == len(events) > 0
        first_and_last = {events["date_start"].min().date(), events["date_start"].max().date()}
        if start == dt.date(2024, 1, 1):  # dots at 0 killed and gap crosses at 0 deaths, at their panels' foot
            assert 0 in set(incidents["killed"])
            assert [s for s in symbols if s[0] == "cross"]
        else:
            assert first_and_last == {start, end}
        assert len({width for *_, width, _ in symbols}) == 1
        for shape, x, y, half, width, height in symbols:
            assert half <= x <= width - half, f"{shape} at x={x:.1f} of {width} ({start}–{end})"
            assert half <= y <= height - half, f"{shape} at y={y:.1f} of {height} ({start}–{end})"
        assert not [label for label in _axis_labels(scenegraph) if label.startswith(("-", "−"))]


def _axis_labels(node: dict) -> list[str]:
    """Every tick label Vega draws (text items of axis label marks)."""
    found = []
    for item in node.get("items", []):
        if node.get("marktype") == "text" and node.get("role") == "axis-label":
            found.append(str(item.get("text", "")))
        elif isinstance(item, dict):
            found += _axis_labels(item)
    return found


def _time_axis_labels(node: dict) -> list[list[str]]:
    """The date labels a reader sees under each panel: text of every bottom axis that has labels, leaving out
    labels Vega hides where they would overlap (opacity 0)."""
    found = []
    for item in node.get("items", []):
        if node.get("role") == "axis" and item.get("orient") == "bottom":
            labels = _visible_labels(item)
            if labels:
                found.append(labels)
        elif isinstance(item, dict):
            found += _time_axis_labels(item)
    return found


def _visible_labels(node: dict) -> list[str]:
    found = []
    for item in node.get("items", []):
        if node.get("marktype") == "text" and node.get("role") == "axis-label":
            if item.get("opacity", 1) > 0:
                found.append(str(item.get("text", "")))
        elif isinstance(item, dict):
            found += _visible_labels(item)
    return found


COLUMNS = (791, 951, 1431)  # the main column's width (px) at 1280, 1440 and 1920 px, sidebar open


def _timeline_in_column(start: dt.date, end: dt.date, column: int) -> dict:
    """The page's timeline spec as Streamlit draws it with width="stretch" in a column `column` px wide: its
    server sets an autosize where the chart has none, its frontend gives the chart and every panel that width."""
    data = load_dataset(BUNDLED_DATA_DIR)
    events = filter_events(data.diplomacy_events, start, end)
    incidents = data.events[data.events["date"].dt.date.between(start, end)]
    spec = _prepare_vega_lite_spec(timeline_figure(data, events, incidents, start, end).to_dict(), True)
    spec["width"] = column
    for panel in spec["vconcat"]:
        panel["width"] = column
    return spec


QUARTERS = ("Jan", "Apr", "Jul", "Oct")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Five days: Vega's own ticks fell every 6 hours and read "Tue 14", "06 AM", ...
        ((2025, 10, 14), (2025, 10, 18), ["14 Oct", "15 Oct", "16 Oct", "17 Oct", "18 Oct"]),
        ((2025, 10, 14), (2025, 10, 21), [f"{day} Oct" for day in range(14, 22)]),
        ((2026, 3, 9), (2026, 4, 8), ["9 Mar", "16 Mar", "23 Mar", "30 Mar", "6 Apr"]),  # 30 days, a week apart
        # Across New Year the year is said; ticks fall every 2 days and, at 1280 px, Vega hides every other label
        # where they would overlap.
        (
            (2025, 12, 20),
            (2026, 1, 9),
            ["20 Dec 2025", "24 Dec 2025", "28 Dec 2025", "1 Jan 2026", "5 Jan 2026", "9 Jan 2026"],
        ),
        ((2024, 1, 1), (2026, 4, 8), [f"{month} {year}" for year in (2024, 2025, 2026) for month in QUARTERS][:10]),
    ],
)
def test_the_time_axis_reads_days_or_months_never_hours(start, end, expected):
    """The data are days: under every panel, at any period length, a tick reads as a date, each date once
    (in the narrowest column, 1280 px)."""
    spec = _timeline_in_column(dt.date(*start), dt.date(*end), COLUMNS[0])
    axes = _time_axis_labels(vlc.vegalite_to_scenegraph(json.dumps(spec))["scenegraph"])
    assert len(axes) == len(spec["vconcat"])
    for labels in axes:
        assert labels == expected
        assert not [label for label in labels if re.search(r"AM|PM|:", label)]


def test_a_file_of_many_years_is_ticked_by_year():
    """An imported file can span decades: ticks stay few and read as years."""
    ticks, year = date_ticks(dt.date(2018, 1, 1), dt.date(2025, 12, 31))
    assert ([tick.year for tick in ticks], year) == (list(range(2018, 2026)), "%Y")
    ticks, year = date_ticks(dt.date(1997, 3, 1), dt.date(2025, 12, 31))
    assert ([tick.year for tick in ticks], year) == ([2000, 2005, 2010, 2015, 2020, 2025], "%Y")


@pytest.mark.parametrize("column", COLUMNS)
def test_the_timeline_takes_the_width_it_is_given_labels_and_legends_included(column):
    """Streamlit gives every panel the column's width (width="stretch"); with its default autosize ("pad")
    the axis labels came on top and the chart ran 183 px past the column. Sized as Streamlit sizes it, the
    chart is the column's width, and drawn unfitted at the panel width it chose it needs no more room
    (Vega rounds each side's room to whole pixels: up to 2 px)."""
    for start, end in ((dt.date(2024, 1, 1), dt.date(2026, 4, 8)), (dt.date(2026, 3, 9), dt.date(2026, 4, 8))):
        spec = _timeline_in_column(start, end, column)
        fitted = vlc.vegalite_to_scenegraph(json.dumps(spec))
        assert fitted["width"] == column
        panels = {width for *_, width, _ in _drawn_symbols(fitted["scenegraph"])}
        assert len(panels) == 1
        panel = panels.pop()
        assert column - 260 <= panel <= column - 150  # the panels, not only the labels, take the room
        unfitted = copy.deepcopy(spec) | {"autosize": {"type": "pad", "contains": "padding"}}
        for part in unfitted["vconcat"]:
            part["width"] = round(panel)
        assert column - 2 <= vlc.vegalite_to_scenegraph(json.dumps(unfitted))["width"] <= column + 2


def test_incidents_stating_no_total_are_marked_on_the_timeline_not_left_out():
    """Vega-Lite drops a dot with no value: the 11 Oct 2025 border clashes (killed given by category only)
    were missing from the chart, so the day read as quiet. Each such incident is now a cross at 0."""
    from tests.test_districts import accounts_by_incident, stated_totals

    accounts = accounts_by_incident()
    unstated = {incident for incident, rows in accounts.items() if not stated_totals(rows)}
    data = load_dataset(BUNDLED_DATA_DIR)
    spec = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2024, 1, 1), data.data_as_of).to_dict()
    panel = spec["vconcat"][2]
    assert panel["title"][1] == "✚ no total stated (not a zero)"
    stated, crosses = (spec["datasets"][layer["data"]["name"]] for layer in panel["layer"])
    assert panel["layer"][1]["mark"]["shape"] == "cross"
    assert len(crosses) == len(unstated)
    assert len(stated) + len(crosses) == len(accounts)


def test_a_timeline_panel_with_nothing_in_the_period_says_so_and_draws_no_empty_scale():
    """A day with a diplomatic event and no incident: the incidents panel drew one tick labelled "0.000000"
    and said nothing. Rendered, it now reads that the period holds no notable incident, with no such tick."""
    data = load_dataset(BUNDLED_DATA_DIR)
    incident_days = set(data.events["date"].dt.date)
    day = next(d.date() for d in data.diplomacy_events["date_start"] if d.date() not in incident_days)
    events = filter_events(data.diplomacy_events, day, day)
    quiet = data.events[data.events["date"].dt.date == day]
    assert quiet.empty  # the case: no incident in incidents.csv that day,
    assert not events.empty  # and talks that day
    svg = vlc.vegalite_to_svg(timeline_figure(data, events, quiet, day, day).to_json())
    texts = re.findall(r">([^<>]+)</(?:text|tspan)>", svg)
    assert "no notable incident in this period" in texts
    assert "Incident type" not in texts  # no legend title over no legend
    assert not [text for text in texts if re.fullmatch(r"[\d.,]+", text) and "." in text]  # "0.000000" gone


def test_an_empty_period_after_the_incidents_but_before_the_data_date_says_why():
    incidents = Coverage(dt.date(2024, 1, 1), dt.date(2026, 3, 16))
    assert empty_period_note(dt.date(2026, 3, 25), dt.date(2026, 3, 31), dt.date(2026, 4, 8), incidents) == (
        "Nothing to draw for 25 Mar 2026–31 Mar 2026: no diplomatic event and no notable incident in this period. "
        "The curated incidents are kept up to 16 Mar 2026: this period lies after them, so their absence is no data, "
        "not calm."
    )
    imported = empty_period_note(dt.date(2026, 3, 25), dt.date(2026, 3, 31), dt.date(2026, 4, 8), incidents, True)
    assert "The imported file's events end on 16 Mar 2026: this period lies after them" in imported
    assert empty_period_note(dt.date(2025, 3, 25), dt.date(2025, 3, 31), dt.date(2026, 4, 8), incidents).endswith(
        "The data cover these days: none of their events matches the filters chosen."
    )


def test_an_empty_period_before_the_data_or_with_no_filter_does_not_blame_filters():
    """/diplomacy?from=2023-06-01&to=2023-12-31 said "none of their events matches the filters chosen" with no
    filter set: the period lies before the data."""
    from streamlit.testing.v1 import AppTest

    from components.paths import ROOT

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["from"], app.query_params["to"] = "2023-06-01", "2023-12-31"
    app.run()
    app.switch_page("views/diplomacy/timeline.py")
    app.run()
    said = [i.value.replace("\\", "") for i in app.info]
    note = next(line for line in said if line.startswith("Nothing to draw"))
    assert "filters" not in note  # the link's dates are brought to the data's first day (a notice says so)
    assert note.endswith("The data cover these days and hold neither in them.")
    incidents = Coverage(dt.date(2024, 1, 1), dt.date(2026, 3, 16))
    before = empty_period_note(dt.date(2023, 6, 1), dt.date(2023, 12, 31), dt.date(2026, 4, 8), incidents, False, False)
    assert "The data start on 1 Jan 2024: this period lies before them, so there is nothing to show" in before
    quiet = empty_period_note(dt.date(2025, 3, 25), dt.date(2025, 3, 31), dt.date(2026, 4, 8), incidents, False, False)
    assert quiet.endswith("The data cover these days and hold neither in them.")


def test_the_timelines_crossings_follow_the_sidebars_provinces_as_the_maps_do():
    """Under Balochistan the Map and the briefing keep Chaman and Badini; the timeline drew all ten crossings."""
    import csv

    from streamlit.testing.v1 import AppTest

    from components.paths import ROOT

    with (BUNDLED_DATA_DIR / "crossings.csv").open(encoding="utf-8", newline="") as handle:
        kept = {
            row["name"] for row in csv.DictReader(handle) if "Balochistan" in (row["pk_province"], row["af_province"])
        }
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["province"] = "Balochistan"
    app.run()
    app.switch_page("views/diplomacy/timeline.py")
    app.run()
    assert not app.exception
    table = next(frame.value for frame in app.dataframe if "Crossing" in frame.value.columns)
    assert set(table["Crossing"]) == kept
    from components.data_age import CURATED_START as START

    data = load_dataset(BUNDLED_DATA_DIR)
    last = data.data_as_of
    chart = timeline_figure(data, data.diplomacy_events, data.events, START, last, None, False, ("Balochistan",))
    drawn = {row["crossing"] for rows in chart.to_dict()["datasets"].values() for row in rows if "crossing" in row}
    assert drawn == kept  # Torkham and the other Khyber Pakhtunkhwa gates are not drawn under Balochistan
    assert any("crossings follow the sidebar's provinces" in c.value for c in app.caption)


def test_the_before_and_after_cards_say_which_filters_they_count_under():
    """With Balochistan chosen the cards counted Balochistan's incidents only; nothing beside them said so."""
    from streamlit.testing.v1 import AppTest

    from components.paths import ROOT

    def window_caption(**params) -> str:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for key, value in params.items():
            app.query_params[key] = value
        app.run()
        app.switch_page("views/diplomacy/timeline.py")
        app.run()
        assert not app.exception
        return next(c.value.replace("\\", "") for c in app.caption if c.value.startswith("Notable incidents only"))

    doha = "20251019-doha-ceasefire"
    filtered = window_caption(event=doha, province="Balochistan", type="suicide_bombing")
    assert "under the sidebar's filters (Balochistan; Suicide bombing), on the window's days" in filtered
    assert "of every province, actor group and type, on the window's days" in window_caption(event=doha)
