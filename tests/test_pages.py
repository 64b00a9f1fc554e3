"""Every page runs without an exception on the bundled data, on synthetic data and on an empty folder."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

from components.data_age import CURATED_START, Coverage
from components.dataset import load_dataset
from components.diplomacy import window_counts
from components.palette import HARM_FELL
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.ui.widgets import CHANGE_COLOURS

PAGES = {
    "views/overview/home.py": "Overview",
    "views/map/map.py": "Map of the Durand Line region",
    "views/trends/trends.py": "Year-over-year trends",
    "views/diplomacy/timeline.py": "Diplomacy timeline",
    "views/briefing/briefing.py": None,
    "views/data/sources.py": "Data and sources",
    "views/data/about.py": "About the data",
}


def run_page(page: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page(page)
    app.run()
    return app


def static_table(element) -> pd.DataFrame:
    """An st.table as a person reads it: its cells are Markdown, escaped (components.ui.widgets.static_table)."""

    def read(text):
        return re.sub(r"\\(.)", r"\1", text) if isinstance(text, str) else text

    frame = element.value
    shown = frame.apply(lambda column: column.map(read))
    shown.index = frame.index.map(read)
    return shown.rename(columns=read)


def _assert_clean(app: AppTest, title: str | None) -> None:
    assert not app.exception, [e.value for e in app.exception]
    assert not list(app.error), [e.value for e in app.error]
    if title:
        assert title in [t.value for t in app.title]


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_page_runs_on_bundled_data(page, title):
    _assert_clean(run_page(page), title)


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_page_runs_on_synthetic_data(page, title, synthetic_dir, use_data_dir):
    use_data_dir(synthetic_dir)
    _assert_clean(run_page(page), title)


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_page_runs_with_no_data_files(page, title, tmp_path, use_data_dir):
    use_data_dir(tmp_path)
    app = run_page(page)
    assert not app.exception, [e.value for e in app.exception]


def test_every_page_says_how_old_the_data_are_and_warns_when_old():
    """The bundled data are dated 8 Apr 2026, long past 45 days old on any day these tests run."""
    age = (dt.date.today() - dt.date(2026, 4, 8)).days
    warning = f"Curated data as of 8 Apr 2026 ({age} days old): later incidents, figures and talks are not included."
    for page in PAGES:
        app = run_page(page)
        assert [w.value for w in app.warning].count(warning) == 1, page
        assert f"**Data as of 8 Apr 2026 ({age} days old).**" not in [m.value for m in app.markdown], page  # said once


def test_a_window_past_the_data_end_is_marked_partial_with_no_change():
    """The Eid pause, 19-24 Mar 2026: the 14 days before run 5-18 Mar, the incidents are kept up to 16 Mar
    (datapackage.json incidents_to): 12 days covered; the 14 after, from 25 Mar, none."""
    app = run_page("views/diplomacy/timeline.py")
    app.selectbox(key="event").set_value("20260318-eid-pause").run()
    notes = " ".join(w.value for w in app.warning)
    assert "Before: only 12 of 14 days are covered by the data (data end 16 Mar 2026); no change is shown." in notes
    assert "After: none of the 14 days are covered by the data (data end 16 Mar 2026)" in notes
    cards = {m.label: m for m in app.metric}
    assert cards["Incidents, 14 days after"].delta == ""
    assert cards["Killed after (lowest stated)"].delta == ""
    assert [c.value for c in app.caption].count("Partial: 12 of 14 days covered") == 2  # the two "before" cards


def test_a_window_inside_the_data_shows_its_change():
    """Doha talks, 18–19 Oct 2025: both 14-day windows lie inside the data, so the change is shown."""
    app = run_page("views/diplomacy/timeline.py")
    app.selectbox(key="event").set_value("20251019-doha-ceasefire").run()
    assert not any("are covered by the data" in w.value for w in app.warning)
    cards = {m.label: m for m in app.metric}
    before, after = cards["Incidents, 14 days before"], cards["Incidents, 14 days after"]
    assert after.delta == str(int(after.value) - int(before.value))
    assert int(after.delta) < 0  # 12 incidents before, 2 after: a fall, in the palette's colour for one
    assert after.proto.color == Metric.MetricColor.Value(CHANGE_COLOURS[HARM_FELL].upper())


def test_the_incidents_round_an_event_read_in_words_and_days():
    """Doha talks: the incidents of the two windows are listed with headers in words and one row an incident,
    dated as the incidents file dates them (the table read "killed_low" and "2025-10-07 00:00:00")."""
    import csv
    import json

    from components.paths import BUNDLED_DATA_DIR

    app = run_page("views/diplomacy/timeline.py")
    app.selectbox(key="event").set_value("20251019-doha-ceasefire").run()
    (table,) = [frame for frame in app.dataframe if "Window" in frame.value.columns]
    assert list(table.value.columns) == [
        "Window", "Date", "Place", "Province", "Type", "Perpetrator (as reported)", "Killed (lowest)",
        "Killed (highest)", "Source link",
    ]  # fmt: skip
    assert json.loads(table.proto.columns)["Date"]["type_config"]["format"] == "D MMM YYYY"
    assert table.value["Window"].value_counts().to_dict() == {"before": 12, "after": 2}
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        dated = {row["source_url"]: row["date"] for row in csv.DictReader(handle)}
    for row in table.value.itertuples(index=False):
        assert row[1].strftime("%Y-%m-%d") == dated[row[8]]


@pytest.mark.parametrize("event", ["20251019-doha-ceasefire", "20260402-fo-urumqi-briefing"])
def test_an_events_sources_read_in_words_with_each_publication_day_or_why_there_is_none(event):
    """One row a source, as diplomacy.csv gives it (Doha: no date on either page; the FO briefing: dated); a
    source without a date says why (it read "—")."""
    import csv

    from components.paths import BUNDLED_DATA_DIR
    from components.vocabulary import PUBLISHED_NOTES

    app = run_page("views/diplomacy/timeline.py")
    app.selectbox(key="event").set_value(event).run()
    assert not app.exception
    (table,) = [frame for frame in app.dataframe if "Source kind" in frame.value.columns]
    assert list(table.value.columns) == [
        "Source", "Source kind", "Published", "Title (the source's wording)", "Outcome (as the source states it)",
        "Link",
    ]  # fmt: skip
    with (BUNDLED_DATA_DIR / "diplomacy.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["event_id"] == event]

    def published(row: dict) -> str:
        if not row["source_published"]:
            return PUBLISHED_NOTES.label(row["published_note"])
        day = dt.date.fromisoformat(row["source_published"])
        return f"{day.day} {day:%b %Y}"

    expected = {row["source_url"]: (row["source_name"], row["title"], published(row)) for row in rows}
    shown = {row.Link: (row.Source, row[3], row.Published) for row in table.value.itertuples(index=False)}
    assert shown == expected


def test_a_killed_card_says_how_many_of_its_incidents_state_no_total():
    """Dar's Kabul visit, 30 days: "Killed before 0" over two incidents that give killed only by category read
    as no one killed; each killed card now says how many of its incidents add nothing."""
    data = load_dataset(BUNDLED_DATA_DIR)
    visit = data.diplomacy_events.set_index("event_id").loc["20250419-dar-kabul-visit"]
    covered = Coverage(CURATED_START, data.data_as_of)
    expected = window_counts(data.events, visit["date_start"].date(), visit["date_end"].date(), 30, covered)
    assert expected.before_killed.unstated  # the case: incidents before with no stated total
    app = run_page("views/diplomacy/timeline.py")
    app.selectbox(key="event").set_value("20250419-dar-kabul-visit").run()
    app.slider(key="days").set_value(30).run()
    cards = {m.label: m for m in app.metric}
    for side, total in (("before", expected.before_killed), ("after", expected.after_killed)):
        card = cards[f"Killed {side} (lowest stated)"]
        assert card.value == str(total.killed)
        said = f"{total.unstated} of {total.incidents} state no total" if total.unstated else ""
        assert card.delta == said


def test_a_killed_card_over_incidents_that_state_no_total_shows_no_number():
    """Doha ceasefire, 14 days after (20 Oct - 2 Nov 2025): incidents.csv lists incidents there, and no account
    of any of them gives killed_total (killed by category only). The card read "0" and "2 of 2 state no total";
    it now shows a dash, says no incident states a total, and makes no change out of the missing side."""
    import csv

    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if "2025-10-20" <= row["date"] <= "2025-11-02"]
    assert rows  # the case, read from the file: incidents in the window,
    assert not any(row["killed_total"] for row in rows)  # none with a stated total
    app = run_page("views/diplomacy/timeline.py")
    app.selectbox(key="event").set_value("20251019-doha-ceasefire").run()
    card = {m.label: m for m in app.metric}["Killed after (lowest stated)"]
    assert card.value == "—"
    assert card.delta == "no incident states a total"
    assert card.proto.color == Metric.MetricColor.GRAY


def test_a_period_after_the_data_date_says_there_is_nothing_to_draw_and_why():
    """A link dated May-Jun 2026 opens on the data date, 8 Apr 2026, with no talks and no incident that day:
    the page drew empty panels (one tick "0.000000") and said nothing. It now says so, and why, in words."""
    import csv

    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        assert not [row for row in csv.DictReader(handle) if row["date"] >= "2026-04-08"]
    with (BUNDLED_DATA_DIR / "diplomacy.csv").open(encoding="utf-8", newline="") as handle:
        assert not [row for row in csv.DictReader(handle) if (row["date_end"] or row["date_start"]) >= "2026-04-08"]
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params.update({"from": "2026-05-01", "to": "2026-06-30"})
    app.run()
    app.switch_page("views/diplomacy/timeline.py")
    app.run()
    assert (
        "Nothing to draw for 8 Apr 2026: no diplomatic event and no notable incident in this period. The data end "
        "on 8 Apr 2026, so there is nothing after it to show; a link dated later opens on that last day. The "
        "curated incidents are kept up to 16 Mar 2026. Choose earlier dates in the sidebar."
    ) in [i.value for i in app.info]
    assert not app.get("vega_lite_chart")


def test_a_card_on_a_small_base_gives_the_change_in_numbers_not_a_percentage():
    """Overview for Sindh: PICSS gives May 2025 3 deaths and 3 attacks against 2 and 4 in May 2024. The cards
    read "+50%" and "-25%" over single digits; below SMALL_BASE they now give the change in numbers, coloured
    as a percentage would be, and so does the trend sentence."""
    import csv

    from components.palette import HARM_ROSE
    from components.trends import SMALL_BASE

    sindh = ("PICSS", "militant_attacks", "month", "Sindh")
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        value = {
            (row["metric"], row["period_start"][:4]): int(row["value"])
            for row in csv.DictReader(handle)
            if (row["tracker"], row["series"], row["period_type"], row["region"]) == sindh
            and row["period_start"][5:7] == "05"
            and row["status"] == "published"
        }
    assert value[("deaths_total", "2024")] < SMALL_BASE  # the case: single digits in May 2024
    assert value[("attacks", "2024")] < SMALL_BASE
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["province"] = "Sindh"
    app.run()
    cards = {m.label: m for m in app.metric}
    for label, metric in (("Deaths, May 2025", "deaths_total"), ("Attacks, May 2025", "attacks")):
        later, earlier = value[(metric, "2025")], value[(metric, "2024")]
        assert cards[label].value == str(later)
        assert cards[label].delta == f"{later - earlier:+d} vs 2024"
    assert cards["Deaths, May 2025"].proto.color == Metric.MetricColor.Value(CHANGE_COLOURS[HARM_ROSE].upper())
    later, earlier = value[("attacks", "2025")], value[("attacks", "2024")]
    sentence = next(m.value for m in app.markdown if m.value.startswith("PICSS"))
    assert f"against {earlier} in May 2024 (down {earlier - later})." in sentence.replace("\\", "")


def test_the_diplomacy_downloads_are_named_for_the_selection():
    """Every download under the timeline was 'diplomacy_shown.csv', whatever the period, tracks or data date;
    each panel's numbers now come with a CSV named for the period, the tracks chosen and the data date."""
    app = run_page("views/diplomacy/timeline.py")
    app.multiselect(key="track").set_value(["breakdown", "statement"]).run()
    names = [button.proto.id.split("-", 2)[2].removeprefix("download-") for button in app.get("download_button")]
    period = "2024-01-01-to-2026-04-08_data-2026-04-08.csv"
    assert names == [
        f"diplomacy_shown_breakdown-statement_{period}",
        f"deaths_per_month_picss_{period}",
        f"incidents_per_month_{period}",
        f"crossing_status_{period}",
    ]
