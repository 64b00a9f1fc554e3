"""The Map page's distance table and chart say the span of each year they count (analyst review, session 15):
a link to October 2025 read "Incidents that year 14" of a year data/incidents.csv holds 59 incidents in, and
2026 (1 Jan to the data's 8 Apr) was drawn beside whole years as if it were one."""

from __future__ import annotations

import datetime as dt
import json

from components.charts import border_share_chart
from components.dates import year_span
from components.geo import border_shares
from components.paths import BUNDLED_DATA_DIR
from tests.synthetic import measured_events
from tests.test_districts import accounts_by_incident
from tests.test_reading_killed import banded
from tests.test_reading_pages import open_page


def _distance_table(app):
    return next(frame for frame in app.dataframe if "Within (km)" in frame.value.columns)


def _incidents_dated(first: str, last: str) -> int:
    """The incidents the distance bands count between two days: those in one place, known to the district or
    better (several places and province-level ones are left out)."""
    return sum(first <= r[0]["date"] <= last and banded(r) for r in accounts_by_incident().values())


def test_a_link_to_one_month_reads_the_month_not_the_year():
    app = open_page("views/map/map.py", **{"from": "2025-10-01", "to": "2025-10-31"})
    element = _distance_table(app)
    table, columns = element.value, json.loads(element.proto.columns)
    assert set(table["Year (span covered)"]) == {"2025 (1–31 Oct)"}
    assert "Incidents counted that year (a distance of their own)" not in table.columns
    assert columns["Incidents counted in the period (a distance of their own)"]["label"] == "Counted"
    assert set(table["Incidents counted in the period (a distance of their own)"]) == {
        _incidents_dated("2025-10-01", "2025-10-31")
    }
    spec = next(chart.proto.spec for chart in app.get("vega_lite_chart") if "near the Durand Line" in chart.proto.spec)
    assert "Share of the period's incidents" in spec
    assert "the year's" not in spec


def test_the_default_window_says_2026_is_counted_to_the_incidents_last_covered_day():
    """The incidents are kept up to datapackage.json's incidents_to (16 Mar 2026), before the data date."""
    app = open_page("views/map/map.py")
    table = _distance_table(app).value
    kept_to = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["incidents_to"]
    last = dt.date.fromisoformat(kept_to)
    assert f"{last.year} (to {last.day} {last:%b})" in set(table["Year (span covered)"])  # "2026 (to 16 Mar)"
    assert "2025" in set(table["Year (span covered)"])  # a whole year reads as itself
    partial = table[table["Year"] == last.year]
    assert set(partial["Incidents counted in the period (a distance of their own)"]) == {
        _incidents_dated(f"{last.year}-01-01", kept_to)
    }


def test_year_spans_read_as_a_person_writes_them():
    assert year_span(2025) == "2025"
    assert year_span(2025, dt.date(2025, 10, 1), dt.date(2025, 10, 31)) == "2025 (1–31 Oct)"
    assert year_span(2026, dt.date(2024, 1, 1), dt.date(2026, 4, 8)) == "2026 (to 8 Apr)"
    assert year_span(2024, dt.date(2024, 3, 5), dt.date(2026, 4, 8)) == "2024 (from 5 Mar)"
    assert year_span(2025, dt.date(2025, 2, 3), dt.date(2025, 9, 9)) == "2025 (3 Feb–9 Sep)"


def test_the_chart_names_each_bar_s_span():
    events = measured_events(year=[2025, 2026], distance_km=[5, 20], killed=[1, 2])
    spec = border_share_chart(border_shares(events, (dt.date(2025, 1, 1), dt.date(2026, 4, 8)))).to_dict()
    drawn = {row["year"] for rows in spec["datasets"].values() for row in rows}
    assert drawn == {"2025: 1 incident", "2026 (to 8 Apr): 1 incident"}
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Share of the period's incidents with a distance of their own"


def test_the_chart_title_and_legend_do_not_call_a_part_of_a_year_a_year():
    """The title read 'by year' and the legend 'Year' above a bar for '2026 (to 8 Apr)'."""
    events = measured_events(year=[2025, 2026], distance_km=[5, 20], killed=[1, 2])
    partial = border_share_chart(border_shares(events, (dt.date(2025, 1, 1), dt.date(2026, 4, 8)))).to_dict()
    assert partial["layer"][0]["title"] == "Share of incidents near the Durand Line, by year or part of one"
    assert partial["layer"][0]["encoding"]["color"]["title"] == "Period"
    whole = border_share_chart(border_shares(events, (dt.date(2025, 1, 1), dt.date(2026, 12, 31)))).to_dict()
    assert whole["layer"][0]["title"] == "Share of incidents near the Durand Line, by year"
    assert whole["layer"][0]["encoding"]["color"]["title"] == "Year"
