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
    app = open_page("views/map/map.py")
    accounts = accounts_by_incident()
    several = [i for i, rows in accounts.items() if in_several_places(rows)]
    said = " ".join(caption.value for caption in app.caption)
    assert f"{len(several)} incidents in the selection are left out of the bands" in said
    assert "sources place them in several places" in said
    table = next(frame.value for frame in app.dataframe if "Within (km)" in frame.value.columns)
    for year, rows in table.groupby("Year"):
        counted = [i for i, r in accounts.items() if r[0]["date"].startswith(str(year)) and i not in several]
        assert set(rows["Incidents in the period"]) == {len(counted)}
    # The killed note under the bands counts the incidents the bands hold, not the whole selection's.
    banded = len([i for i in accounts if i not in several])
    assert f"of these {banded:,} incidents state no total" in said
