"""The map page never reads an incident with no stated killed total as 0 killed (analyst review, session 14):
the distance table and chart, the district table and chart, the map's legend, and the incidents table's
province of an incident in several provinces, each compared with data/incidents.csv."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from components.charts import border_share_chart, district_chart
from components.dataset import load_dataset
from components.districts import district_table
from components.geo import border_shares
from components.incidents import events_from_accounts, listed_places
from components.map_layers import dot_radius, incident_records
from components.map_legend import SMALLEST_DOT, points_legends
from components.paths import BUNDLED_DATA_DIR
from components.schemas import split_list
from tests.synthetic import measured_events
from tests.test_districts import accounts_by_incident, stated_totals
from tests.test_pages import run_page
from tests.test_reading_pages import open_page
from tests.test_reading_several_places import in_several_places


@pytest.fixture(scope="module")
def map_page():
    return run_page("views/map/map.py")


@pytest.fixture(scope="module")
def accounts():
    return accounts_by_incident()


def banded(rows: list[dict]) -> bool:
    """Whether the distance bands count an incident, as incidents.csv declares it: in one place and known to its
    district or better (one known to its province only is drawn at the capital)."""
    return not in_several_places(rows) and rows[0]["location_precision"] != "province"


def _table(app, column: str) -> pd.DataFrame:
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_a_distance_band_whose_incidents_state_no_total_has_no_killed_and_no_share(map_page, accounts):
    """2024 "within 10 km" read "Killed (lowest stated) 0" and drew a 0% bar though both its incidents state no
    toll; and the year's killed (the share's denominator) did not say how many of the year's incidents lack one."""
    table = _table(map_page, "Within (km)")
    unstated = table[table["No stated toll"].eq(table["Incidents"]) & table["Incidents"].gt(0)]
    assert not unstated.empty  # 2024 within 10 km, in the bundled file
    assert unstated["Killed (lowest stated)"].isna().all()
    assert unstated["Killed share (%)"].isna().all()
    stated = table[table["No stated toll"].lt(table["Incidents"])]
    assert stated["Killed (lowest stated)"].notna().all()
    for year, rows in table.groupby("Year"):
        in_year = [r for r in accounts.values() if r[0]["date"].startswith(str(year)) and banded(r)]
        assert set(rows["Incidents counted in the period (a distance of their own)"]) == {len(in_year)}
        assert set(rows["No stated toll in the period"]) == {sum(not stated_totals(rows) for rows in in_year)}
        totals = [min(stated) for rows in in_year if (stated := stated_totals(rows))]
        assert set(rows["Killed in the period"]) == {sum(totals)}
    said = " ".join(caption.value for caption in map_page.caption)
    assert "No toll: incidents stating no killed total" in said  # the header as shown; its tooltip: No stated toll


@pytest.mark.parametrize("share_of", ["incident_share", "killed_share"])
def test_both_views_of_the_distance_table_show_the_year_s_incidents(share_of, accounts):
    """The fatalities view dropped "Incidents that year", which the incidents view shows: the count its "No stated
    toll" incidents are part of. Each view shows it, under the same short header with its full name as tooltip."""
    app = open_page("views/map/map.py", share_of=share_of)
    element = next(frame for frame in app.dataframe if "Within (km)" in frame.value.columns)
    assert "Incidents counted in the period (a distance of their own)" in element.proto.column_order
    shown = json.loads(element.proto.columns)["Incidents counted in the period (a distance of their own)"]
    assert shown["label"] == "Counted"
    assert shown["help"].startswith(
        "Incidents counted in the period (a distance of their own): the period's incidents with a distance of their own"
    )
    for year, rows in element.value.groupby("Year"):
        in_year = sum(r[0]["date"].startswith(str(year)) and banded(r) for r in accounts.values())
        assert set(rows["Incidents counted in the period (a distance of their own)"]) == {in_year}


def test_the_share_chart_draws_no_bar_for_a_band_without_a_stated_total():
    events = measured_events(year=[2024, 2024, 2024], distance_km=[3, 5, 40], killed=[None, None, 6])
    spec = border_share_chart(border_shares(events), "killed_share").to_dict()
    drawn = [row for rows in spec["datasets"].values() for row in rows]
    assert [(row["band"], row["killed_share"]) for row in drawn] == [("within 50 km", 1.0)]
    assert "A band where no incident states a total has no bar." in spec["layer"][0]["title"]["subtitle"]
    assert border_shares(events)["killed_total_unstated"].tolist() == [2, 2, 2]


def test_a_district_whose_incidents_state_no_total_has_no_killed(map_page, accounts):
    """Bolan/Kachhi read "2 incidents, killed 0" though neither states a total (the district is now written one
    way, Kachhi (Bolan), and holds three incidents, none stating a total)."""
    table = _table(map_page, "District").set_index("District")
    by_district: dict[str, list[list[int]]] = {}
    for rows in accounts.values():
        if rows[0]["location_precision"] in ("exact", "district") and ";" not in rows[0]["district"]:
            by_district.setdefault(rows[0]["district"], []).append(stated_totals(rows))
    assert table.loc["Kachhi (Bolan)", "Incidents"] == len(by_district["Kachhi (Bolan)"])
    for district, tolls in by_district.items():
        if not any(tolls):
            assert pd.isna(table.loc[district, "Killed (lowest stated)"]), district
        else:
            assert table.loc[district, "Killed (lowest stated)"] == sum(min(stated) for stated in tolls if stated)
    assert pd.isna(table.loc["Kachhi (Bolan)", "Killed (lowest stated)"])


def test_the_district_chart_of_killed_says_which_districts_it_leaves_out():
    events = pd.DataFrame(
        {
            "incident_id": ["a", "b", "c"],
            "district": ["Bannu", "Bolan/Kachhi", "Bolan/Kachhi"],
            "location_precision": "district",
            "killed": pd.array([4, None, None], dtype="Int64"),
            "distance_km": [40.0, 200.0, 210.0],
            "province": ["Khyber Pakhtunkhwa", "Balochistan", "Balochistan"],
            "country": "Pakistan",
            "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"]),
        }
    )
    spec = district_chart(district_table(events).table, "Killed (lowest stated)").to_dict()
    drawn = [row["District"] for rows in spec["datasets"].values() for row in rows]
    assert drawn == ["Bannu"]
    assert spec["layer"][0]["title"]["subtitle"] == ["1 district where no incident states a killed total is left out."]


def test_the_district_chart_says_who_else_ties_at_its_cut():
    """Top 15 by incidents: Kabul (2) was drawn and Islamabad (2, 43 killed) not, with nothing to say why."""
    table = district_table(load_dataset(BUNDLED_DATA_DIR).events).table
    spec = district_chart(table, "Incidents").to_dict()
    drawn = [row["District"] for rows in spec["datasets"].values() for row in rows]
    cut = table.set_index("District").loc[drawn, "Incidents"].min()
    tied_out = int((table["Incidents"] == cut).sum()) - sum(table.set_index("District").loc[drawn, "Incidents"] == cut)
    assert len(drawn) == 15
    assert tied_out > 0  # the bundled data cut through a tie
    assert spec["layer"][0]["title"]["subtitle"] == [f"{tied_out} more districts with {cut} as well, in the table."]


def test_the_legend_names_the_smallest_dot_as_0_killed_or_no_total_stated():
    """A dot's size is its lowest stated killed, so an incident stating no total is drawn as small as 0 killed;
    the legend said only "size: killed"."""
    events = events_from_accounts(load_dataset(BUNDLED_DATA_DIR)["incidents"]).assign(distance_km=0.0)
    records = {record["incident_id"]: record for record in incident_records(events)}
    one_place = listed_places(events).isna()  # an incident in several places is drawn as a ring
    exact_unstated = events[events["location_precision"].eq("exact") & one_place & events["killed"].isna()]
    assert not exact_unstated.empty
    assert {records[i]["radius"] for i in exact_unstated["incident_id"]} == {dot_radius(0)}
    location = next(legend for legend in points_legends(events) if legend.title == "Location")
    assert SMALLEST_DOT == "Smallest dot: 0 killed or no total stated"
    assert SMALLEST_DOT in location.entries
    # A filled dot is the gazetteer point of the place the sources name (a town's centre): "Exact place" read as
    # the attack's own position.
    assert "Named place (size: killed)" in location.entries
    assert not any("exact" in label.lower() for label in location.entries)


def test_an_incident_in_several_provinces_lists_them_all(map_page, accounts):
    """The 13 Mar 2026 drone strikes on Quetta, Kohat and Rawalpindi read "Punjab" alone."""
    table = _table(map_page, "Source link")
    several = {rows[0]["place"]: rows[0] for rows in accounts.values() if rows[0]["multi_province"] == "true"}
    assert "Quetta, Kohat and Rawalpindi" in several
    for place, row in several.items():
        shown = table.loc[table["Place"].eq(place), "Province"]
        others = [name for name in split_list(row["provinces"]) if name != row["province"]]
        assert set(shown) == {
            f"{row['province']} and {len(others)} other{'s' * (len(others) > 1)}: {', '.join(others)}"
        }, place
    quetta = table.loc[table["Place"].eq("Quetta, Kohat and Rawalpindi"), "Province"].iloc[0]
    assert quetta == "Punjab and 2 others: Balochistan, Khyber Pakhtunkhwa"


def test_the_district_table_shows_every_column_under_short_headers_with_full_names_as_tooltips(accounts):
    """At 1280 px the district table scrolled sideways; it fits now with short headers (Killed, No toll, km) and
    provinces by their short names (KP), each full name in a tooltip and in the download, nothing left out."""
    app = open_page("views/map/map.py")
    element = next(frame for frame in app.dataframe if "District" in frame.value.columns)
    table = element.value.set_index("District")
    shown = json.loads(element.proto.columns)
    order = list(element.proto.column_order)
    assert [shown.get(column, {}).get("label", column) for column in order] == [
        "District",
        "Province",
        "Country",
        "Incidents",
        "Killed",
        "No toll",
        "km",
        "First",
        "Latest",
    ]
    assert shown["Killed (lowest stated)"]["help"].startswith("Killed (lowest stated): ")
    assert shown["Median km"]["help"].startswith("Median km: ")
    assert "KP is Khyber Pakhtunkhwa" in shown[order[1]]["help"]
    (bannu,) = {rows[0]["province"] for rows in accounts.values() if rows[0]["district"] == "Bannu"}
    assert bannu == "Khyber Pakhtunkhwa"
    assert table.loc["Bannu", order[1]] == "KP"
    assert table.loc["Bannu", "Province"] == bannu  # the download's column, in full
