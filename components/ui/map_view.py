"""The map page's view controls, each kept in the URL (`view`, `lat`, `lon`, `zoom`) so a link
reproduces the view; see components.map_views for why the map itself cannot report pan and zoom."""

from __future__ import annotations

import streamlit as st

from components.map_views import MAX_ZOOM, MIN_ZOOM, VIEWS, MapView, describe, resolve_view
from components.ui.url_state import linked
from components.vocabulary import MAP_VIEWS

OVERRIDES = ("lat", "lon", "zoom")


def _clear_overrides() -> None:
    """A newly chosen preset is shown as named: an exact centre or zoom from an earlier link is dropped."""
    for key in OVERRIDES:
        st.session_state[key] = None


def map_view_controls() -> MapView:
    """Preset picker plus optional exact centre and zoom; returns the view the map should open on."""
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    name = linked(
        left.selectbox, "Map view", list(VIEWS), format_func=MAP_VIEWS.label, key="view", on_change=_clear_overrides
    )
    preset = VIEWS[name]
    with right.expander("Exact centre and zoom (optional, kept in the link)"):
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
    view = resolve_view(name, lat, lon, zoom)
    st.caption(f"{describe(view)}. Dragging or zooming the map is not kept in the link; these controls are.")
    return view
