"""Where a crossing's position comes from, as a reader sees it: the page cited for its coordinates is the page
that states them. An approximate crossing is drawn at a town's GeoNames point, so it cites that town's GeoNames
record, not the article that documents the crossing (which its notes give); the map's tooltip and the Data and
sources table name the source the file's row names (review, 2 Dec 2026: Ghulam Khan cited a WikiMili list of
crossings and Kharlachi a The News article for Miran Shah's and Parachinar's coordinates)."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from components.crossings import status_on
from components.dataset import load_dataset
from components.map_layers import crossing_layers
from components.paths import BUNDLED_DATA_DIR
from components.vocabulary import SOURCE_KINDS
from tests.test_pages import run_page

GEONAMES_NAME = re.compile(r"GeoNames (\d+) \((.+)\)")  # "GeoNames 1170367 (Miran Shah)"


def _file_rows() -> list[dict[str, str]]:
    """crossings.csv as written, read apart from the loader."""
    with (BUNDLED_DATA_DIR / "crossings.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _kinds() -> dict[str, str]:
    with (BUNDLED_DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        return {row["domain"]: row["kind"] for row in csv.DictReader(handle)}


def _host(url: str) -> str:
    return re.sub(r"^www\.", "", re.match(r"^https?://([^/:?#]+)", url).group(1).lower())


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(BUNDLED_DATA_DIR)


def test_an_approximate_crossing_cites_the_geonames_record_it_names():
    approximate = [row for row in _file_rows() if row["coord_precision"] == "approximate"]
    assert approximate
    for row in approximate:
        named = GEONAMES_NAME.fullmatch(row["coord_source_name"])
        assert named, row["crossing_id"]
        assert row["coord_source_url"] == f"https://www.geonames.org/{named.group(1)}", row["crossing_id"]


def test_an_exact_crossing_cites_a_page_stating_it_and_says_when_that_page_is_a_mirror():
    kinds = _kinds()
    exact = [row for row in _file_rows() if row["coord_precision"] == "exact"]
    assert exact
    for row in exact:
        assert not GEONAMES_NAME.fullmatch(row["coord_source_name"]), row["crossing_id"]
        assert _host(row["coord_source_url"]) != "geonames.org", row["crossing_id"]
        if kinds[_host(row["coord_source_url"])] == "repost":
            assert "mirror" in row["coord_source_name"].lower(), row["crossing_id"]


def test_a_crossing_without_coordinates_cites_no_source_for_them():
    unplaced = [row for row in _file_rows() if not row["lat"] or not row["lon"]]
    assert unplaced
    for row in unplaced:
        assert (row["coord_precision"], row["coord_source_name"], row["coord_source_url"]) == ("", "", ""), row


def test_the_gazetteer_is_registered_as_such():
    assert _kinds()["geonames.org"] == "gazetteer"


def test_the_map_tooltip_names_the_source_of_each_crossings_position(bundled):
    """Badini's gate sits at Qila Saifullah, some 90 km from the line: its tooltip says whose point that is."""
    (layer,) = crossing_layers(status_on(bundled["crossings"], bundled["crossing_status"], bundled.data_as_of))
    tips = {row["title"]: row["line3"] for row in layer.data}
    placed = [row for row in _file_rows() if row["lat"] and row["lon"]]
    assert set(tips) == {f"{row['name']} crossing" for row in placed}
    for row in placed:
        expected = f"Location {row['coord_precision']} · coordinates: {row['coord_source_name']}"
        assert tips[f"{row['name']} crossing"] == expected


def test_the_data_page_shows_each_crossings_coordinate_source_as_the_file_gives_it():
    app = run_page("views/data/sources.py")
    app.selectbox(key="table").set_value("crossings").run()
    assert not app.exception, [e.value for e in app.exception]
    (shown,) = [frame.value for frame in app.dataframe if "coord_source_url" in frame.value.columns]
    shown = shown.set_index("crossing_id")
    kinds = _kinds()
    for row in _file_rows():
        cells = shown.loc[row["crossing_id"], ["coord_source_name", "coord_source_url", "source_kind"]]
        name, url, kind = (None if pd.isna(cell) or cell == "" else cell for cell in cells)
        assert (name or "", url or "") == (row["coord_source_name"], row["coord_source_url"]), row["crossing_id"]
        if row["coord_precision"] == "approximate":
            assert url == f"https://www.geonames.org/{GEONAMES_NAME.fullmatch(name).group(1)}"
        assert kind == (SOURCE_KINDS.label(kinds[_host(url)]) if url else None), row["crossing_id"]
