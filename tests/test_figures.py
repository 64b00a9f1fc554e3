"""The displayed-figures table: chosen by declared status only, checked against the bundled file itself."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from collections import Counter

import pandas as pd
import pytest

from components.figures import COLUMNS, FIGURE_KEY, disagreements, displayed_figures
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.vocabulary import FIGURE_STATUSES

STATS_FILE = BUNDLED_DATA_DIR / "tracker_stats.csv"


@pytest.fixture(scope="module")
def printed() -> list[dict]:
    """What `python -m components.figures` prints on a clean checkout."""
    out = subprocess.run(
        [sys.executable, "-m", "components.figures"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return list(csv.DictReader(io.StringIO(out)))


@pytest.fixture(scope="module")
def file_rows() -> list[dict]:
    with STATS_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _key(row: dict) -> tuple:
    return tuple(row[column] for column in FIGURE_KEY)


def _shown(printed, **where) -> list[dict]:
    return [row for row in printed if all(row[k] == v for k, v in where.items())]


def _shown_metric(rows: list[dict], metric: str) -> list[str]:
    return [row["value"] for row in rows if row["metric"] == metric]


def test_cli_prints_the_declared_columns_one_row_per_figure(printed):
    assert list(printed[0]) == COLUMNS
    keys = [_key(row) for row in printed]
    assert len(keys) == len(set(keys))
    assert all(len(row["period_start"]) == 10 and len(row["period_end"]) == 10 for row in printed)


def test_every_displayed_value_is_stated_by_a_displayable_row_of_the_file(printed, file_rows):
    stated = {(_key(r), float(r["value"]), r["status"], r["source_url"]) for r in file_rows}
    for row in printed:
        assert row["status"] in ("published", "restated", "preliminary")
        assert (_key(row), float(row["value"]), row["status"], row["source_url"]) in stated


def test_a_misattributed_row_is_never_displayed(printed, file_rows):
    misattributed = [r for r in file_rows if r["status"] == "misattributed"]
    assert misattributed, "the bundled file declares misattributed rows"
    shown = {_key(row): row for row in printed}
    for row in misattributed:
        other = shown.get(_key(row))
        if other is not None:  # the figure is displayed only from another, displayable source row
            assert other["source_url"] != row["source_url"]
            assert f"misattributed to this tracker: {row['source_name']}" in other["other_values"] or (
                float(other["value"]) == float(row["value"])
            )
    # CRSS's 2024 terror-attack totals: 905 attacks are PICSS's, CRSS's own figure is 909.
    crss = _shown(printed, tracker="CRSS", series="terrorism", period_type="year", region="Pakistan")
    assert _shown_metric(crss, "attacks") == ["909"]
    assert not _shown(printed, tracker="CRSS", series="terrorism", metric="deaths_total")


def _stats_frame(file_rows: list[dict]) -> pd.DataFrame:
    """The file's rows typed as the loader types them, without the loader."""
    return pd.DataFrame(file_rows).assign(
        value=lambda f: f["value"].astype(float),
        period_start=lambda f: pd.to_datetime(f["period_start"]),
        period_end=lambda f: pd.to_datetime(f["period_end"]),
        source_kind=None,  # the loader adds it from data/outlets.csv
    )


PICSS_AUGUST_2025_DEATHS = {
    "tracker": "PICSS",
    "series": "militant_attacks",
    "period_type": "month",
    "period_start": "2025-08-01",
    "region": "Pakistan",
    "metric": "deaths_total",
}


def _august(frame: pd.DataFrame) -> pd.Series:
    """Rows of PICSS's August 2025 militant-attacks deaths in Pakistan."""
    wanted = {**PICSS_AUGUST_2025_DEATHS, "period_start": pd.Timestamp("2025-08-01")}
    return pd.concat([frame[column] == value for column, value in wanted.items()], axis=1).all(axis=1)


def test_an_outlets_error_is_shown_nowhere_but_kept_in_the_file(printed, file_rows):
    """PakSouch's 294 deaths for PICSS in August 2025 adds the combined layer's militants to the militant-attacks
    layer: PICSS's figure is 194, and 294 is no value the sources disagree on."""
    errors = [r for r in file_rows if r["status"] == "outlet_error"]
    assert [(r["source_name"], r["value"]) for r in _shown(errors, **PICSS_AUGUST_2025_DEATHS)] == [("PakSouch", "294")]
    (august,) = _shown(printed, **PICSS_AUGUST_2025_DEATHS)
    assert august["value"] == "194"
    assert "294" not in august["other_values"]
    disputed = disagreements(_stats_frame(file_rows))
    assert 294.0 not in set(disputed.loc[_august(disputed), "value"])
    for row in errors:
        listed = disputed[(disputed["source_url"] == row["source_url"]) & (disputed["status"] == row["status"])]
        assert listed.empty, row["source_name"]


def test_a_figure_stated_only_by_an_outlets_error_is_not_displayed(file_rows):
    """Without the rows giving PICSS's own 194, the figure is missing, never 294."""
    frame = _stats_frame(file_rows)
    assert set(frame.loc[_august(frame), "status"]) == {"published", "outlet_error"}
    only_the_error = frame[~_august(frame) | (frame["status"] == "outlet_error")]
    assert not _august(displayed_figures(only_the_error)).any()
    assert not _august(disagreements(only_the_error)).any()


def test_restatement_beats_the_original_and_final_beats_preliminary(printed):
    gti = _shown(printed, tracker="GTI", period_start="2023-01-01", region="Pakistan")
    assert _shown_metric(gti, "attacks") == ["517"]  # GTI 2025 edition restates the 2024 edition's 490
    picss = {"tracker": "PICSS", "region": "Pakistan"}
    april = _shown(printed, **picss, series="militant_attacks", period_type="month", period_start="2025-04-01")
    assert _shown_metric(april, "attacks") == ["81"]  # the May release restates April's 82
    final = _shown(printed, **picss, series="combined", period_type="year", period_start="2025-01-01")
    assert _shown_metric(final, "deaths_total") == [
        "3413"
    ]  # the final January release, not the 28 December preliminary 3,387


def test_notes_never_decide(file_rows):
    frame = _stats_frame(file_rows)
    reworded = frame.assign(notes="revised; final; misattributed; restated")
    assert displayed_figures(frame).equals(displayed_figures(reworded))


def test_disagreements_list_every_value_with_its_status(file_rows):
    frame = _stats_frame(file_rows)
    table = disagreements(frame)
    gti = table[(table["tracker"] == "GTI") & (table["metric"] == "attacks") & (table["period_start"] == "2023-01-01")]
    assert set(zip(gti["value"], gti["status"], gti["displayed"], strict=True)) >= {
        (517.0, "restated", True),
        (490.0, "published", False),
    }
    assert not table[table["status"] == "misattributed"]["displayed"].any()


def test_data_readme_counts_each_status_as_the_file_does(file_rows):
    readme = (BUNDLED_DATA_DIR / "README.md").read_text(encoding="utf-8")
    stated = dict(re.findall(r"^\| `(\w+)` \| ([\d,]+) \|", readme, flags=re.MULTILINE))
    counted = Counter(row["status"] for row in file_rows)
    for status in FIGURE_STATUSES.codes:
        assert int(stated[status].replace(",", "")) == counted.get(status, 0), status


def test_both_readmes_name_every_status():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    which_figure = readme.split("## Which figure is shown", 1)[1].split("\n## ", 1)[0]
    for status in FIGURE_STATUSES.codes:
        assert f"`{status}`" in which_figure, status


def test_the_disagreements_table_reads_in_words():
    """The Trends page's table showed period_type, overall_violence, deaths_total and 'None'."""
    from components.dataset import load_dataset
    from components.figures import disagreements_table
    from components.paths import BUNDLED_DATA_DIR

    rows = load_dataset(BUNDLED_DATA_DIR).figure_disagreements
    table = disagreements_table(rows)
    headers = ["Tracker", "Counting layer", "Period", "Region", "Measure", "Value", "Status", "Charted", "Source"]
    assert list(table.columns[:9]) == headers
    cells = {str(cell) for cell in table.to_numpy().ravel()}
    assert not cells & {"overall_violence", "deaths_total", "militant_attacks", "None", "NaT", "nan", "<NA>"}
    assert set(table["Charted"]) == {"yes", "no"}
    assert len(table) == len(rows)


def test_the_disagreements_table_keeps_each_figures_values_together_with_days_as_read(file_rows):
    """The table was in ranking order, so one figure's values were scattered over the list, and its dates read
    '2024-01-01'. CRSS's 2024 deaths: 2,555 (restated, PTI, 1 Jan 2026) charted, 2,546 beside it."""
    from components.dataset import load_dataset
    from components.figures import disagreements_table
    from components.paths import BUNDLED_DATA_DIR

    table = disagreements_table(load_dataset(BUNDLED_DATA_DIR).figure_disagreements)
    figure = ["Tracker", "Counting layer", "Period", "Region", "Measure"]
    keys = list(table[figure].itertuples(index=False))
    blocks = [key for index, key in enumerate(keys) if index == 0 or key != keys[index - 1]]
    assert len(blocks) == len(set(keys)), "a figure's rows are split over the table"
    crss = table[
        (table["Tracker"] == "CRSS")
        & (table["Counting layer"] == "overall violence")
        & (table["Period"] == "2024")
        & (table["Region"] == "Pakistan")
        & (table["Measure"] == "Deaths")
    ]
    stated = [
        row
        for row in file_rows
        if (row["tracker"], row["series"], row["period_type"], row["period_start"], row["region"], row["metric"])
        == ("CRSS", "overall_violence", "year", "2024-01-01", "Pakistan", "deaths_total")
        and row["status"] != "outlet_error"
    ]
    assert sorted(crss["Value"]) == sorted(float(row["value"]) for row in stated)
    charted = crss[crss["Charted"] == "yes"].iloc[0]
    assert (charted["Value"], charted["Status"], charted["Published"]) == (
        2555,
        "restated by the tracker",
        "1 Jan 2026",
    )
    assert not table["Published"].str.match(r"\d{4}-").any()
    assert crss.index[0] == crss.index[-1] - len(crss) + 1  # together


def test_a_repost_never_wins_a_tie_with_an_outlet():
    """GTI 2024's score: The Quint's rounded 8.4 (an archived copy on megalodon.jp, a repost) was displayed over
    ABC Media's 8.374 (another outlet) because it came first in the file; both `published`, one source each."""
    import csv

    from components.dataset import load_dataset
    from components.paths import BUNDLED_DATA_DIR

    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        stated = [
            row
            for row in csv.DictReader(handle)
            if (row["tracker"], row["period_start"], row["region"], row["metric"])
            == ("GTI", "2024-01-01", "Pakistan", "gti_score")
        ]
    assert {(row["value"], row["source_name"]) for row in stated} == {
        ("8.4", "The Quint (archived copy)"),
        ("8.374", "ABC Media (Armenia)"),
    }
    figures = load_dataset(BUNDLED_DATA_DIR).figures
    shown = figures[
        (figures["tracker"] == "GTI") & (figures["region"] == "Pakistan") & (figures["metric"] == "gti_score")
    ].set_index("period_start")
    row = shown.loc[pd.Timestamp("2024-01-01")]
    assert (row["value"], row["source_name"], row["source_kind"]) == (8.374, "ABC Media (Armenia)", "other_outlet")
    assert "8.4" in row["other_values"]
