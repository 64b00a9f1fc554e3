"""Named map views, so a copied link reproduces what the map showed.

Streamlit 1.67's st.pydeck_chart reports only selections back to Python ("Only selection events are
supported", PydeckState), never the user's pan and zoom, so a link cannot carry a view the user dragged
to. It carries a named preset (`view`, a MAP_VIEWS code) instead and, optionally, an exact centre and
zoom (`lat`, `lon`, `zoom`) that override the preset. Centres and zooms frame each area on the map beside
the details column: 560 pixels high, 458 to 842 wide on screens 1280 to 1920 pixels wide (components.map_labels).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd
import pydeck as pdk

from components.vocabulary import MAP_VIEWS

MIN_ZOOM, MAX_ZOOM = 3.0, 12.0


class MapView(NamedTuple):
    lat: float
    lon: float
    zoom: float


VIEWS = {area.code: MapView(area.lat, area.lon, area.zoom) for area in MAP_VIEWS.items}  # code: centre and zoom
DEFAULT_VIEW = MAP_VIEWS.codes[0]


def resolve_view(name: str | None, lat: float | None = None, lon: float | None = None, zoom: float | None = None):
    """The preset `name` (the default if unknown) with any of lat, lon, zoom replaced, kept in range."""
    preset = VIEWS.get(name or DEFAULT_VIEW, VIEWS[DEFAULT_VIEW])
    return MapView(
        min(max(preset.lat if lat is None else lat, -85.0), 85.0),
        min(max(preset.lon if lon is None else lon, -180.0), 180.0),
        min(max(preset.zoom if zoom is None else zoom, MIN_ZOOM), MAX_ZOOM),
    )


FIT_PADDING_PX = 24  # the largest dot's radius (components.map_layers.DOT_MAX_PX) and a little air
FIT_MAX_ZOOM = 7.0  # one incident, or a few in one town, still shown among its neighbours
TILE_PX = 512  # deck.gl's Web Mercator world is 512 px wide at zoom 0


def _mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(lat: pd.Series, lon: pd.Series, size_px: tuple[int, int], fallback: MapView) -> MapView:
    """The view that shows every point on a map of `size_px` (width, height), at a quarter-step zoom: a
    fixed preset on the Overview's narrow map cut off Karachi, Gwadar and Punjab. `fallback` with no points."""
    if lat.empty:
        return fallback
    width, height = (side - 2 * FIT_PADDING_PX for side in size_px)
    south, north, west, east = lat.min(), lat.max(), lon.min(), lon.max()
    spans = (max(east - west, 1e-6) / 360, max(_mercator(north) - _mercator(south), 1e-6) / (2 * math.pi))
    zoom = min(math.log2(width / (TILE_PX * spans[0])), math.log2(height / (TILE_PX * spans[1])))
    middle = math.degrees(math.atan(math.sinh((_mercator(north) + _mercator(south)) / 2)))
    zoom = max(MIN_ZOOM, min(FIT_MAX_ZOOM, math.floor(zoom * 4) / 4))
    return MapView(round(middle, 4), round(float(west + east) / 2, 4), zoom)


def view_state(view: MapView) -> pdk.ViewState:
    return pdk.ViewState(latitude=view.lat, longitude=view.lon, zoom=view.zoom, min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM)


def describe(view: MapView) -> str:
    """'Centre 33.95° N, 70.60° E, zoom 8.3', the view in words for the page and its tests."""
    north = f"{abs(view.lat):.2f}° {'N' if view.lat >= 0 else 'S'}"
    east = f"{abs(view.lon):.2f}° {'E' if view.lon >= 0 else 'W'}"
    return f"Centre {north}, {east}, zoom {view.zoom:.1f}"
