"""The coverage matrix: which periods of each tracker series the data set holds, and what the notes say."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys

import pandas as pd
import pytest

from components.coverage import (
    COVERAGE_NOTES,
    NOTES_FILE,
    TIDY_COLUMNS,
    coverage,
    data_date,
    load_notes,
    matrix,
    notes_in_use,
    summary,
)
from components.dataset import load_dataset
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.validation import load_bytes
from components.vocabulary import METRICS, TRACKER_REGIONS
from tests.test_pages import run_page

AS_OF = dt.date(2024, 4, 10)
NOTES_HEADER = "tracker,series,period_type,region,metric,period_start,period_end,state,searched,source_url,noted_on\n"
NOTES_CSV = NOTES_HEADER + (
    "PICSS,militant_attacks,month,Pakistan,deaths_total,2024-02-01,2024-04-30,not_published,"
    "Deaths only from May,,2024-05-01\n"
    "PICSS,*,month,*,attacks,2024-02-01,2024-02-29,not_found,February report searched,"
    "https://example.org/archive,2024-05-02\n"
)


def _figure(metric: str, month: int, year: int = 2024, series: str = "militant_attacks") -> dict:
    start = pd.Timestamp(year=year, month=month, day=1)
    return {
        "tracker": "PICSS",
        "series": series,
        "period_type": "month",
        "period_start": start,
        "period_end": start + pd.offsets.MonthEnd(0),
        "region": "Pakistan",
        "metric": metric,
        "value": 1.0,
    }


@pytest.fixture
def small():
    """Attacks in Jan and Mar 2024, deaths in Jan; a combined figure from before the window; data date 10 Apr."""
    figures = pd.DataFrame(
        [
            _figure("attacks", 1),
            _figure("attacks", 3),
            _figure("deaths_total", 1),
            _figure("deaths_total", 12, year=2023, series="combined"),
        ]
    )
    notes = load_bytes(NOTES_CSV.encode(), COVERAGE_NOTES, NOTES_FILE)
    assert notes.problems == []
    return coverage(figures, notes.frame, AS_OF), notes.frame


def test_tidy_frame_states_and_notes_on_a_small_frame(small):
    tidy, _ = small
    months = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"])
    ends = pd.to_datetime(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"])
    searched = "February report searched (noted 2024-05-02) Source: https://example.org/archive"
    declared = "Deaths only from May (noted 2024-05-01)"
    expected = pd.DataFrame(
        {
            "tracker": "PICSS",
            "series": "militant_attacks",
            "cadence": "month",
            "region": "Pakistan",
            "metric": ["attacks"] * 4 + ["deaths_total"] * 4,
            "period_start": [*months, *months],
            "period_end": [*ends, *ends],
            "state": [
                "present",
                "missing",
                "present",
                "not_due",
                "present",
                "not_published",
                "not_published",
                "not_due",
            ],
            "note": ["", searched, "", "", "", declared, declared, ""],
        }
    )
    pd.testing.assert_frame_equal(tidy, expected[TIDY_COLUMNS])


def test_wide_matrix_on_a_small_frame(small):
    tidy, _ = small
    expected = pd.DataFrame(
        {
            "tracker": ["PICSS", "PICSS"],
            "cadence": ["month", "month"],
            "series": ["militant_attacks", "militant_attacks"],
            "region": ["Pakistan", "Pakistan"],
            "metric": ["attacks", "deaths_total"],
            "2024-01": ["●", "●"],
            "2024-02": ["○", "×"],
            "2024-03": ["●", "×"],
            "2024-04": ["·", "·"],
        }
    )
    pd.testing.assert_frame_equal(matrix(tidy), expected)


def test_a_series_with_no_figure_in_the_window_gets_no_row(small):
    tidy, _ = small
    assert "combined" not in set(tidy["series"])


def test_each_note_counts_the_gaps_it_explains(small):
    tidy, notes = small
    assert notes_in_use(tidy, notes)["cells"].tolist() == [2, 1]


def test_summary_counts_cells_per_state(small):
    tidy, _ = small
    row = summary(tidy).iloc[0].to_dict()
    assert row == {
        "tracker": "PICSS",
        "present": 3,
        "missing": 1,
        "not_published": 2,
        "not_due": 2,
        "missing_with_note": 1,
    }


def test_a_bad_note_is_reported_with_file_row_column_and_reason():
    bad = NOTES_HEADER + (
        "PICSS,militant_attacks,month,Pakistan,*,2024-02-01,2024-02-29,gone,searched,,2024-05-01\n"
        "PICSS,militant_attacks,month,Pakistan,*,2024-03-01,2024-02-01,not_found,searched,,2024-05-01\n"
        "PICSS,militant_attacks,month,Mars,*,2024-02-01,2024-02-29,not_found,searched,,2024-05-01\n"
        "PICSS,militant_attacks,month,Pakistan,*,2024-06-01,2024-06-30,not_found,,,2024-05-01\n"
        "PICSS,militant_attacks,month,Pakistan,*,2024-07-01,2024-07-31,not_found,searched,,2024-05-01\n"
    )
    result = load_bytes(bad.encode(), COVERAGE_NOTES, NOTES_FILE)
    reported = {(p.row, p.column) for p in result.problems}
    assert reported == {(1, "state"), (2, "period_end"), (3, "region"), (4, "searched")}
    assert "coverage_notes.csv row 2, column period_end: period_end is before period_start" in map(str, result.problems)
    assert result.frame["period_start"].dt.strftime("%Y-%m").tolist() == ["2024-07"]


@pytest.fixture(scope="module")
def bundled() -> pd.DataFrame:
    data = load_dataset(BUNDLED_DATA_DIR)
    notes = load_notes(BUNDLED_DATA_DIR)
    assert notes.problems == [], [str(p) for p in notes.problems]
    return coverage(data.figures, notes.frame, data.data_as_of)


def _state(tidy: pd.DataFrame, start: str, **where) -> pd.Series:
    rows = tidy[(tidy["period_start"] == pd.Timestamp(start)).to_numpy()]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize("metric", ["attacks", "deaths_total"])
def test_bundled_picss_december_2024_is_missing_with_its_search_note(bundled, metric):
    where = {"tracker": "PICSS", "series": "militant_attacks", "cadence": "month", "region": "Pakistan"}
    december = _state(bundled, "2024-12-01", metric=metric, **where)
    assert december["state"] == "missing"
    assert december["note"].startswith("December 2024 monthly report not found")
    assert _state(bundled, "2025-01-01", metric=metric, **where)["state"] == "present"


def test_bundled_picss_combined_layer_before_august_2024_is_not_published(bundled):
    where = {"tracker": "PICSS", "series": "combined", "cadence": "month", "region": "Pakistan"}
    assert _state(bundled, "2024-03-01", metric="deaths_total", **where)["state"] == "not_published"
    assert _state(bundled, "2024-05-01", metric="deaths_militants", **where)["state"] == "present"
    assert _state(bundled, "2024-08-01", metric="deaths_total", **where)["state"] == "present"


def test_bundled_periods_after_the_data_date_are_not_due(bundled):
    as_of = data_date(BUNDLED_DATA_DIR)
    assert as_of == dt.date(2026, 4, 8)
    after = bundled[bundled["period_end"] > pd.Timestamp(as_of)]
    assert set(after["state"]) == {"not_due"}
    assert set(after["period_start"].dt.strftime("%Y-%m")) == {"2026-01", "2026-04"}  # H1/year 2026, Q2, April
    assert bundled["period_start"].min() == pd.Timestamp("2024-01-01")


def test_cli_prints_the_matrix_and_a_summary_per_tracker(bundled):
    out = subprocess.run(
        [sys.executable, "-m", "components.coverage"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "missing = no figure in this data set, not zero" in out
    assert "PICSS, monthly" in out
    assert "CRSS, quarterly" in out
    counts = summary(bundled).set_index("tracker")
    for tracker in ("PICSS", "CRSS", "PIPS", "GTI"):
        line = re.search(rf"^{tracker}: ([\d,]+) present, ([\d,]+) missing .*, ([\d,]+) not published", out, re.M)
        assert line, out[-800:]
        present, missing, not_published = (int(n.replace(",", "")) for n in line.groups())
        assert (present, missing, not_published) == tuple(counts.loc[tracker, ["present", "missing", "not_published"]])
    assert max(len(line) for line in out.splitlines()) <= 200


def test_cli_csv_prints_the_tidy_frame():
    out = subprocess.run(
        [sys.executable, "-m", "components.coverage", "--csv"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    lines = out.splitlines()
    assert lines[0] == ",".join(TIDY_COLUMNS)
    assert "PICSS,militant_attacks,month,Pakistan,attacks,2025-01-01,2025-01-31,present," in lines


def test_data_page_shows_the_coverage_section():
    app = run_page("views/data/sources.py")
    assert not app.exception, [e.value for e in app.exception]
    assert "Coverage of the tracker figures" in [h.value for h in app.header]
    assert any("not zero" in m.value for m in app.markdown)
    picker = next(s for s in app.selectbox if s.label == "Tracker")
    assert picker.options[0] == "PICSS"
    labels = [m.label for m in app.metric]
    assert {"● present", "○ missing", "× not published", "· not due"} <= set(labels)
    picker.set_value("GTI").run()
    assert not app.exception
    cards = {m.label: m.value for m in app.metric}
    assert cards["○ missing"] == "2"


def test_the_matrix_names_series_and_measures_in_words():
    """An analyst reads "Deaths", "militant attacks only", not the file's codes; the CSV keeps the codes."""
    app = run_page("views/data/sources.py")
    matrix = next(frame.value for frame in app.dataframe if "metric" in frame.value.columns)
    assert set(matrix["metric"]) <= set(METRICS.labels.values())
    assert "Deaths" in set(matrix["metric"])
    assert "deaths_total" not in set(matrix["metric"])
    headings = [m.value for m in app.markdown if m.value.startswith("**PICSS, ")]
    assert "**PICSS, monthly: militant attacks only**" in headings
    assert "**PICSS, monthly: attacks and security operations combined**" in headings
    assert not any("militant_attacks" in heading for heading in headings)


def test_every_matrix_label_fits_its_column():
    """A label cut off ("Peace-committee members k") cannot be read: each pinned label column is wide enough for
    the longest label it holds, at about 7 px a character of the table's 14 px type plus the cell's padding."""
    from components.ui.coverage_panel import LABEL_WIDTHS

    app = run_page("views/data/sources.py")
    for tracker in ("PICSS", "CRSS", "PIPS", "GTI"):
        next(s for s in app.selectbox if s.label == "Tracker").set_value(tracker).run()
        matrices = [frame.value for frame in app.dataframe if list(frame.value.columns[:2]) == list(LABEL_WIDTHS)]
        assert matrices, tracker
        for frame in matrices:
            for field, width in LABEL_WIDTHS.items():
                longest = max(frame[field], key=len)
                assert len(longest) * 7 + 20 <= width, (tracker, field, longest, width)


def test_a_rerun_replays_the_matrices_it_drew_without_styling_them_again(monkeypatch):
    """The styled matrices cost 0.08-0.15 s a rerun to style; a rerun shows the very same cells, colours and
    cards from the cache instead, and picking another tracker draws that tracker's."""
    from components.ui import coverage_panel, store

    store._derived.clear()
    drawn = []
    draw = coverage_panel._matrices_with_legend
    monkeypatch.setattr(coverage_panel, "_matrices_with_legend", lambda *args: (drawn.append(args[0]), draw(*args)))
    app = run_page("views/data/sources.py")
    first = ([frame.proto.SerializeToString() for frame in app.dataframe], [(m.label, m.value) for m in app.metric])
    app.run()
    again = ([frame.proto.SerializeToString() for frame in app.dataframe], [(m.label, m.value) for m in app.metric])
    assert drawn == ["PICSS"]
    assert again == first
    assert any(b"background-color" in proto for proto in first[0])  # the gaps' colour came through
    next(s for s in app.selectbox if s.label == "Tracker").set_value("GTI").run()
    assert drawn == ["PICSS", "GTI"]
    assert {m.label: m.value for m in app.metric}["○ missing"] == "2"


def test_the_researchers_notes_read_in_words_with_each_region_whole():
    """The notes table showed the file's codes (militant_attacks, not_found) and cut both KP regions to
    "Khyber Pakht", so the mainland and tribal-district notes for Feb 2024 read as one note twice."""
    from components.coverage import NOTE_STATES
    from components.ui.coverage_panel import NOTE_REGION_PX

    app = run_page("views/data/sources.py")
    table = next(frame.value for frame in app.dataframe if "searched" in frame.value.columns)
    with (ROOT / "data" / "coverage_notes.csv").open(encoding="utf-8", newline="") as handle:
        noted = [row for row in csv.DictReader(handle) if row["tracker"] == "PICSS"]
    assert len(table) == len(noted)
    shown = set(zip(table["region"], table["state"], table["period_start"], strict=True))
    for row in noted:
        region = row["region"] if row["region"] in ("*", "subnational") else TRACKER_REGIONS.short(row["region"])
        assert (region, NOTE_STATES[row["state"]], row["period_start"]) in shown, row
    february = table[table["period_start"] == "2024-02-01"]
    assert {"KP (mainland)", "KP (tribal districts)"} <= set(february["region"])
    assert not {"militant_attacks", "not_found", "not_published", "month"} & set(table.stack().astype(str))
    assert max(len(region) for region in table["region"]) * 7 + 20 <= NOTE_REGION_PX
