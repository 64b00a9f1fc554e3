"""An incident whose sources place it in several places is not read as exact at one of them (analyst review,
session 15): the 13 Mar 2026 drones over Rawalpindi, Quetta and Kohat sat in data/incidents.csv at
Rawalpindi's coordinates with location_precision "exact", and the Map drew an exact Rawalpindi dot and
counted it at Rawalpindi's distance from the Durand Line."""

from __future__ import annotations

from components.dataset import load_dataset
from components.map_layers import incident_records
from components.paths import BUNDLED_DATA_DIR
from components.schemas import split_list
from tests.test_districts import accounts_by_incident
from tests.test_reading_pages import open_page

DRONES = "20260313-taliban-drone-strikes-quetta-kohat-rawalpindi"


def in_several_places(rows: list[dict]) -> bool:
    """As incidents.csv declares it: a district listing several, or several provinces (multi_province)."""
    return any(len(split_list(row["district"])) > 1 or row["multi_province"] == "true" for row in rows)


def test_the_drones_over_three_cities_read_as_one_of_three_places_not_an_exact_rawalpindi_dot():
    (row,) = {r["district"] for r in accounts_by_incident()[DRONES]}  # "Rawalpindi; Quetta; Kohat"
    events = load_dataset(BUNDLED_DATA_DIR).events
    (drawn,) = [r for r in incident_records(events) if r["incident_id"] == DRONES]
    assert not drawn["exact"]  # a faint ring, not a filled dot
    assert f"one of the places its sources name: {row}" in drawn["line1"]
    assert "km from the Durand Line" not in drawn["line3"]
    several = {i for i, rows in accounts_by_incident().items() if in_several_places(rows)}
    assert not any(r["exact"] for r in incident_records(events) if r["incident_id"] in several)


def test_the_distance_bands_leave_them_out_and_say_how_many():
    """Left out too: incidents known only to their province, drawn at its capital (the Besham bombing in
    Shangla counted "within 50 km" at Peshawar; review, 2 Dec 2026)."""
    app = open_page("views/map/map.py")
    accounts = accounts_by_incident()
    several = [i for i, rows in accounts.items() if in_several_places(rows)]
    province = [i for i, r in accounts.items() if r[0]["location_precision"] == "province" and i not in several]
    assert province
    said = " ".join(caption.value for caption in app.caption).replace("\\", "")
    assert (
        f"{len(several) + len(province)} incidents in the selection are left out of the bands: {len(province)} "
        f"known only to the province (drawn at its capital) and {len(several)} placed by their sources in several "
        "places (drawn at one)."
    ) in said
    table = next(frame.value for frame in app.dataframe if "Within (km)" in frame.value.columns)
    left_out = {*several, *province}
    for year, rows in table.groupby("Year"):
        counted = [i for i, r in accounts.items() if r[0]["date"].startswith(str(year)) and i not in left_out]
        assert set(rows["Incidents counted in the period (a distance of their own)"]) == {len(counted)}
    # The killed note under the bands counts the incidents the bands hold, not the whole selection's.
    banded = len([i for i in accounts if i not in left_out])
    assert f"of these {banded:,} incidents state no total" in said
    # Their rows of the incidents table have no distance either, nor their details.
    shown = next(frame.value for frame in app.dataframe if "Distance to the line (km)" in frame.value.columns)
    by_province = shown[shown["Location known to"] == "province"]
    assert not by_province.empty
    assert by_province["Distance to the line (km)"].isna().all()


def test_an_incident_known_only_to_its_province_gives_no_distance_in_its_details():
    """The Besham bombing (Shangla) is drawn at Peshawar, the provincial capital: its details read "47 km from
    the Durand Line", the capital's distance."""
    besham = "20240326-besham-chinese-engineers-bombing"
    assert {r["location_precision"] for r in accounts_by_incident()[besham]} == {"province"}
    app = open_page("views/map/map.py", **{"from": "2024-01-01"})
    app.selectbox(key="incident").set_value(besham).run()
    said = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "no distance of its own (drawn at the provincial capital)" in said
    assert "km from the Durand Line" not in said
    (drawn,) = [r for r in incident_records(load_dataset(BUNDLED_DATA_DIR).events) if r["incident_id"] == besham]
    assert drawn["line3"].endswith("no distance of its own (drawn at the provincial capital)")
