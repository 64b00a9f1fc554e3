"""Map views a link can carry: a named preset, optionally overridden by an exact centre and zoom."""

from components.map_layers import INITIAL_VIEW
from components.map_views import DEFAULT_VIEW, VIEWS, MapView, describe, resolve_view, view_state


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
