"""The Map page's distance bands say how many of each year's incidents they count (analyst review, session 18):
2026 (to 16 Mar) read as the year with the fewest incidents near the line, its bars counting 10 of its 24
incidents and leaving out 13 of its 14 cross-border events (the February-March border war with Afghanistan,
in several places or known only to an Afghan province). Each compared with data/incidents.csv."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from components.charts import border_share_chart
from components.geo import border_shares, years_left_out
from components.paths import BUNDLED_DATA_DIR
from tests.synthetic import measured_events
from tests.test_districts import accounts_by_incident
from tests.test_pages import run_page
from tests.test_reading_killed import banded

COUNTED = "Incidents counted in the period (a distance of their own)"
LEFT_OUT = "Incidents left out in the period (no distance of their own)"


@pytest.fixture(scope="module")
def map_page():
    return run_page("views/map/map.py")


def _by_year(last: str) -> dict[int, tuple[int, int, int, int]]:
    """Per year up to `last`, as incidents.csv declares it: (counted, left out, cross-border, cross-border left out)."""
    years: dict[int, list[int]] = {}
    for rows in accounts_by_incident().values():
        if rows[0]["date"] > last:
            continue
        counts = years.setdefault(int(rows[0]["date"][:4]), [0, 0, 0, 0])
        cross = rows[0]["cross_border"] == "true"
        counts[0 if banded(rows) else 1] += 1
        counts[2] += cross
        counts[3] += cross and not banded(rows)
    return {year: tuple(counts) for year, counts in years.items()}


def _kept_to() -> dt.date:
    return dt.date.fromisoformat(json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text())["incidents_to"])


def test_each_year_s_bars_say_how_many_of_its_incidents_they_count_and_leave_out(map_page):
    last = _kept_to()
    years = _by_year(last.isoformat())
    assert years[2026][:2] == (10, 14)  # the bundled file: 10 of 2026's 24 incidents have a distance of their own
    spec = next(c.proto.spec for c in map_page.get("vega_lite_chart") if "near the Durand Line" in c.proto.spec)
    drawn = json.loads(spec)
    legend = set(drawn["layer"][0]["encoding"]["color"]["scale"]["domain"])  # the legend's entries, in full
    span = {last.year: f"{last.year} (to {last.day} {last:%b})"}
    assert legend == {
        f"{span.get(year, year)}: {counted} of {counted + left} incidents; {left} with no distance of their own"
        for year, (counted, left, _, _) in years.items()
    }
    assert "2026 (to 16 Mar): 10 of 24 incidents; 14 with no distance of their own" in legend
    x = drawn["layer"][0]["encoding"]["x"]["title"]
    assert x == "Share of the period's incidents with a distance of their own"


def test_the_distance_table_and_its_csv_say_each_year_s_incidents_counted_and_left_out(map_page):
    years = _by_year(_kept_to().isoformat())
    frame = next(d for d in map_page.dataframe if "Within (km)" in d.value.columns)
    assert {COUNTED, LEFT_OUT} <= set(frame.proto.column_order)  # shown, under "Counted" and "Left out"
    columns = json.loads(frame.proto.columns)
    assert (columns[COUNTED]["label"], columns[LEFT_OUT]["label"]) == ("Counted", "Left out")
    for year, rows in frame.value.groupby("Year"):  # the frame the download writes, full headers and all
        assert (set(rows[COUNTED]), set(rows[LEFT_OUT])) == ({years[year][0]}, {years[year][1]})


def test_the_caption_names_the_year_whose_bars_leave_out_most_of_its_incidents_and_why(map_page):
    years = _by_year(_kept_to().isoformat())
    said = " ".join(caption.value for caption in map_page.caption).replace("\\", "")
    counted, left, cross, cross_left = years[2026]
    assert f"2026 (to 16 Mar): the bands count {counted} of its {counted + left} incidents." in said
    assert f"{cross_left} of its {cross} cross-border events" in said  # 13 of 14
    assert "so its bars leave out most of its fighting across the line" in said
    named = [year for year, (counted, left, _, _) in years.items() if left > (counted + left) / 3]
    assert named == [2026]  # 2024 leaves out 5 of 63, 2025 10 of 59: not named
    assert "2025: the bands count" not in said
    assert "2024: the bands count" not in said


def test_incidents_with_no_distance_of_their_own_are_counted_as_left_out_not_dropped():
    events = measured_events(
        year=[2026] * 4, distance_km=[5.0, 86.0, 65.0, 190.0], killed=[1, 2, 3, 4], cross_border=[False, True] * 2
    ).assign(
        district=["Mohmand", None, "Dand Patan", "Rawalpindi; Quetta; Kohat"],
        location_precision=["district", "province", "province", "exact"],
    )
    shares = border_shares(events)
    assert set(shares["incidents_total"]) == {1}
    assert set(shares["incidents_left_out"]) == {3}
    assert shares.set_index("within_km").loc[50, "incident_share"] == 1.0  # of the one with a distance
    chart = border_share_chart(shares).to_dict()
    assert {row["year"] for rows in chart["datasets"].values() for row in rows} == {
        "2026: 1 of 4 incidents; 3 with no distance of their own"
    }
    assert years_left_out(events) == [
        "2026: the bands count 1 of its 4 incidents. The other 3 have no distance of their own: 1 placed by their "
        "sources in several places (drawn at one) and 2 known only to their province (drawn at its capital). "
        "Both its cross-border events (strikes across the line, border clashes and cross-border fire) are among "
        "them, so its bars leave out all of its fighting across the line."  # not "2 of its 2 ... most"
    ]
