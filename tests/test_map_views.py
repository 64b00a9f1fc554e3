"""Map views a link can carry: a named preset, optionally overridden by an exact centre and zoom."""

import json
import math

import pytest
from streamlit.testing.v1 import AppTest

from components.dataset import load_dataset
from components.map_layers import INITIAL_VIEW
from components.map_views import DEFAULT_VIEW, VIEWS, MapView, describe, resolve_view, view_state
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.ui.filters import DEFAULT_START
from components.ui.panels import SMALL_MAP_SIZES


def test_a_preset_alone_is_its_own_centre_and_zoom():
    assert resolve_view("kurram_khyber") == VIEWS["kurram_khyber"]


def test_link_values_override_the_preset_one_by_one_and_stay_in_range():
    assert resolve_view("kabul_jalalabad", zoom=9.5) == MapView(34.4, 70.1, 9.5)
    assert resolve_view("kabul_jalalabad", lat=34.0) == MapView(34.0, 70.1, 7.1)
    assert resolve_view(None, lat=95.0, lon=-200.0, zoom=40.0) == MapView(85.0, -180.0, 12.0)


def test_an_unknown_preset_falls_back_to_the_whole_region():
    assert resolve_view("Atlantis") == VIEWS[DEFAULT_VIEW]


def test_the_view_in_words_and_as_deck_state():
    view = MapView(30.4, 66.6, 7.2)
    assert describe(view) == "Centre 30.40° N, 66.60° E, zoom 7.2"
    assert (view_state(view).latitude, view_state(view).longitude, view_state(view).zoom) == (30.4, 66.6, 7.2)
    assert INITIAL_VIEW.latitude == VIEWS[DEFAULT_VIEW].lat


def on_screen(view: MapView, lat: float, lon: float, size: tuple[int, int]) -> bool:
    """Whether a point falls inside a deck.gl map of `size` px showing `view` (Web Mercator, 512 px at zoom 0)."""
    world = 512 * 2**view.zoom

    def y(value: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(value) / 2)) * world / (2 * math.pi)

    x_px = (lon - view.lon) / 360 * world + size[0] / 2
    y_px = y(view.lat) - y(lat) + size[1] / 2
    return 0 <= x_px <= size[0] and 0 <= y_px <= size[1]


@pytest.mark.parametrize("province", [None, "Balochistan", "Punjab"])
def test_the_overview_map_holds_every_incident_of_the_selection(province):
    """At 4.5 around the border the Overview's narrow map cut off Karachi, Gwadar and most of Punjab."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if province:
        app.query_params["province"] = province
    app.run()
    deck = json.loads(app.get("deck_gl_json_chart")[0].proto.json)
    state = deck["initialViewState"]
    view = MapView(state["latitude"], state["longitude"], state["zoom"])
    events = load_dataset(BUNDLED_DATA_DIR).events
    shown = events[events["date"].dt.date >= DEFAULT_START]
    if province:
        shown = shown[shown["province"] == province]
    assert len(shown) >= 2
    for size in SMALL_MAP_SIZES:
        assert all(on_screen(view, e.lat, e.lon, size) for e in shown.itertuples()), size
    if province is None:  # the preset this map had cut some off
        assert not all(on_screen(VIEWS[DEFAULT_VIEW], e.lat, e.lon, SMALL_MAP_SIZES[0]) for e in shown.itertuples())
