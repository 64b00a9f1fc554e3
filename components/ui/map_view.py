"""The map page's view controls, each kept in the URL (`view`, `lat`, `lon`, `zoom`, `basemap`) so a link
reproduces the view; see components.map_views for why the map itself cannot report pan and zoom."""

from __future__ import annotations

import streamlit as st

from components.map_views import MAX_ZOOM, MIN_ZOOM, VIEWS, MapView, resolve_view
from components.ui.url_state import linked
from components.vocabulary import MAP_VIEWS

OVERRIDES = ("lat", "lon", "zoom")


def _clear_overrides() -> None:
    """A newly chosen preset is shown as named: an exact centre or zoom from an earlier link is dropped."""
    for key in OVERRIDES:
        st.session_state[key] = None


def map_view_controls(picker=st, options=st) -> tuple[MapView, bool]:
    """Preset picker (in `picker`) plus optional exact centre, zoom and online basemap (in an expander in
    `options`); returns the view the map should open on and whether to draw the online basemap."""
    name = linked(
        picker.selectbox, "Map view", list(VIEWS), format_func=MAP_VIEWS.label, key="view", on_change=_clear_overrides
    )
    preset = VIEWS[name]
    with options.expander("Exact centre and zoom, basemap"):
        lat_box, lon_box, zoom_box = st.columns(3)
        lat = linked(
            lat_box.number_input, "Latitude", -85.0, 85.0, None, 0.1, "%.2f", key="lat", placeholder=f"{preset.lat:.2f}"
        )
        lon = linked(
            lon_box.number_input,
            "Longitude",
            -180.0,
            180.0,
            None,
            0.1,
            "%.2f",
            key="lon",
            placeholder=f"{preset.lon:.2f}",
        )
        zoom = linked(
            zoom_box.number_input,
            "Zoom",
            MIN_ZOOM,
            MAX_ZOOM,
            None,
            0.5,
            "%.1f",
            key="zoom",
            placeholder=f"{preset.zoom}",
        )
        st.caption("Dragging or zooming the map is not kept in the link; these controls are.")
        online = linked(
            st.toggle, "Online basemap (needs internet; off by default, the map works offline)", key="basemap"
        )
    return resolve_view(name, lat, lon, zoom), online
