"""Named map views, so a copied link reproduces what the map showed.

Streamlit 1.67's st.pydeck_chart reports only selections back to Python ("Only selection events are
supported", PydeckState), never the user's pan and zoom, so a link cannot carry a view the user dragged
to. It carries a named preset (`view`, a MAP_VIEWS code) instead and, optionally, an exact centre and
zoom (`lat`, `lon`, `zoom`) that override the preset. Centres and zooms frame each area on the map beside
the details column: 560 pixels high, 458 to 842 wide on screens 1280 to 1920 pixels wide (components.map_labels).
"""

from __future__ import annotations

from typing import NamedTuple

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


def view_state(view: MapView) -> pdk.ViewState:
    return pdk.ViewState(latitude=view.lat, longitude=view.lon, zoom=view.zoom, min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM)


def describe(view: MapView) -> str:
    """'Centre 33.95° N, 70.60° E, zoom 8.3', the view in words for the page and its tests."""
    north = f"{abs(view.lat):.2f}° {'N' if view.lat >= 0 else 'S'}"
    east = f"{abs(view.lon):.2f}° {'E' if view.lon >= 0 else 'W'}"
    return f"Centre {north}, {east}, zoom {view.zoom:.1f}"
