"""Distances to the Durand Line and the near-border shares, against values worked out by hand."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString

from components.geo import border_shares, distance_to_line_km, load_layers
from components.paths import GEO_DIR
from tests.synthetic import measured_events

# A line along 69°E, the central meridian of UTM zone 42N, where the projection is nearly true to scale.
MERIDIAN_69 = gpd.GeoDataFrame({"name": ["test line"]}, geometry=[LineString([(69, 29), (69, 35)])], crs=4326)


def test_distance_to_a_meridian_line_matches_the_arc_along_the_parallel():
    # One degree of longitude at 32°N on WGS84 is 94.48 km; half a degree at 30°N is 48.22 km.
    points = pd.DataFrame({"lat": [32.0, 30.0, 33.0], "lon": [70.0, 68.5, 69.0]})
    km = distance_to_line_km(points, MERIDIAN_69)
    assert km.iloc[0] == pytest.approx(94.48, abs=0.3)
    assert km.iloc[1] == pytest.approx(48.22, abs=0.2)
    assert km.iloc[2] == pytest.approx(0, abs=1e-6)


def test_points_beyond_the_line_end_measure_to_its_end():
    # 1° north of the line's northern end at 35°N is 110.95 km of meridian arc.
    km = distance_to_line_km(pd.DataFrame({"lat": [36.0], "lon": [69.0]}), MERIDIAN_69)
    assert km.iloc[0] == pytest.approx(110.95, abs=0.3)


def test_every_vertex_of_the_bundled_durand_line_is_on_it():
    line = load_layers(GEO_DIR)["durand_line"]
    coords = shapely.get_coordinates(line.geometry)[::50]
    vertices = pd.DataFrame({"lon": coords[:, 0], "lat": coords[:, 1]})
    assert distance_to_line_km(vertices, line).max() < 0.01


def test_bundled_line_length_is_that_of_the_durand_line():
    line = load_layers(GEO_DIR)["durand_line"].to_crs(32642)
    assert 2200 < line.length.sum() / 1000 < 2700  # commonly given as about 2,640 km; NE 1:10m gives ~2,250


def test_border_shares_are_cumulative_bands():
    events = measured_events(year=[2025] * 4 + [2024], distance_km=[5, 20, 40, 80, 3], killed=[1, 2, 3, 4, None])
    shares = border_shares(events).set_index(["year", "within_km"])
    assert shares.loc[(2025, 10), ["incidents", "killed"]].tolist() == [1, 1]
    assert shares.loc[(2025, 25), "incident_share"] == 0.5
    assert shares.loc[(2025, 25), "killed_share"] == pytest.approx(3 / 10)
    assert shares.loc[(2025, 50), "incident_share"] == 0.75
    assert shares.loc[(2025, 50), "killed_share"] == pytest.approx(6 / 10)
    assert shares.loc[(2024, 10), "incident_share"] == 1.0
    assert pd.isna(shares.loc[(2024, 10), "killed_share"])  # no stated deaths: no share, not 0%
