"""Place names never collide (issue #19): on every preset view, the label boxes the deck draws, projected to
Web-Mercator pixels at the preset's zoom with their width estimated from font size and character count,
overlap neither each other nor any crossing gate or town dot, and no name is cut at the map's edge."""

from __future__ import annotations

from itertools import combinations

import pytest

from components.dataset import load_dataset
from components.map_labels import (
    ICON_HALF_PX,
    LABEL_PX,
    MAP_SIZES_PX,
    TOWN_DOT_HALF_PX,
    Box,
    inside,
    pixels,
    screen,
    short_name,
    text_box,
)
from components.map_layers import label_layer
from components.map_views import DEFAULT_VIEW, VIEWS
from components.paths import BUNDLED_DATA_DIR
from components.ui.panels import SMALL_MAP_SIZES

DATA = load_dataset(BUNDLED_DATA_DIR)


def drawn(name: str) -> list[tuple[str, Box]]:
    """Each label of the preset's deck layer with the box it covers."""
    view = VIEWS[name]
    layer = label_layer(DATA["crossings"], DATA["towns"], view)
    return [
        (row["text"], text_box(*pixels(row["lon"], row["lat"], view.zoom), row["text"], row["anchor"], row["offset"]))
        for row in layer.data
    ]


def symbols(zoom: float) -> list[tuple[str, Box]]:
    def square(lon, lat, half):
        x, y = pixels(lon, lat, zoom)
        return Box(x - half, y - half, x + half, y + half)

    crossings = DATA["crossings"].dropna(subset=["lat", "lon"])
    return [(f"gate {r.name}", square(r.lon, r.lat, ICON_HALF_PX)) for r in crossings.itertuples()] + [
        (f"dot {r.name}", square(r.lon, r.lat, TOWN_DOT_HALF_PX)) for r in DATA["towns"].itertuples()
    ]


@pytest.mark.parametrize("name", VIEWS)
def test_no_two_labels_overlap_on_a_preset_view(name):
    labels = drawn(name)
    assert len(labels) >= 8, "the view names almost nothing"
    overlaps = [(a, b) for (a, box_a), (b, box_b) in combinations(labels, 2) if box_a.overlaps(box_b)]
    assert overlaps == []


@pytest.mark.parametrize("name", VIEWS)
def test_no_label_covers_a_crossing_or_a_town(name):
    covered = [(a, b) for a, box in drawn(name) for b, symbol in symbols(VIEWS[name].zoom) if box.overlaps(symbol)]
    assert covered == []


@pytest.mark.parametrize("screen_size", MAP_SIZES_PX)
@pytest.mark.parametrize("name", VIEWS)
def test_no_name_is_cut_at_the_edge_of_a_preset_view(name, screen_size):
    """On a 1280x720, 1440x900 or 1920x1080 screen every name whose point shows is wholly on the map, and no
    name shows without its point."""
    view = VIEWS[name]
    frame = screen(view.lat, view.lon, view.zoom, MAP_SIZES_PX[screen_size])
    layer = label_layer(DATA["crossings"], DATA["towns"], view)
    shown = [(text, box) for (text, box), row in zip(drawn(name), layer.data, strict=True) if box.overlaps(frame)]
    assert len(shown) >= 5, "the view names almost nothing"
    cut = [text for text, box in shown if not inside(box, frame)]
    assert cut == []
    points = {row["text"]: Box(*pixels(row["lon"], row["lat"], view.zoom) * 2) for row in layer.data}
    assert [text for text, _ in shown if not inside(points[text], frame)] == [], "a name shows without its point"


def test_mingora_and_nawa_pass_are_named_whole_on_the_smallest_screen():
    """Both were cut at the map's right edge at 1280 x 720 (session 7)."""
    view = VIEWS["kurram_khyber"]
    frame = screen(view.lat, view.lon, view.zoom, MAP_SIZES_PX["1280x720"])
    labels = dict(drawn("kurram_khyber"))
    assert "Nawa Pass" in labels
    shown = [text for text in ("Mingora", "Nawa Pass") if text in labels and labels[text].overlaps(frame)]
    cut = [text for text in shown if not inside(labels[text], frame)]
    assert cut == []


def test_jalalabad_is_named_whole_on_the_kabul_jalalabad_view():
    view = VIEWS["kabul_jalalabad"]
    labels = dict(drawn("kabul_jalalabad"))
    assert {"Kabul", "Jalalabad", "Torkham"} <= set(labels)
    assert inside(labels["Jalalabad"], screen(view.lat, view.lon, view.zoom, MAP_SIZES_PX["1440x900"]))


def test_crossings_are_named_first_and_small_towns_only_closer_in():
    wide, close = dict(drawn("durand_line")), dict(drawn("kurram_khyber"))
    assert "Landi Kotal" not in wide  # 2,223 people: not named at the whole-region zoom
    located = DATA["crossings"].dropna(subset=["lat", "lon"])
    assert {short_name(n) for n in located["name"]} <= set(close)
    assert len(wide) < len(close)


def test_a_crossing_label_drops_its_alternative_names_and_non_ascii_dashes():
    assert short_name("Chaman–Spin Boldak (Wesh–Chaman, Friendship Gate)") == "Chaman-Spin Boldak"


def test_a_crossing_too_long_to_fit_is_named_by_its_first_town():
    """At the whole-region zoom "Chaman-Spin Boldak" fits beside its gate nowhere; "Chaman" does."""
    labels = label_layer(DATA["crossings"], DATA["towns"], VIEWS["durand_line"]).data
    crossing = [row["text"] for row in labels if row["kind"] == "crossing" and row["lat"] == 30.92222]
    assert crossing == ["Chaman"]


@pytest.mark.parametrize("map_size", SMALL_MAP_SIZES)
def test_no_name_is_cut_on_the_overview_map(map_size):
    """The Overview's map is narrower than the Map page's ("Islamab", "Lahor" at its right edge, session 8):
    its labels are placed for its own column widths and read whole at each."""
    view = VIEWS[DEFAULT_VIEW]
    layer = label_layer(DATA["crossings"], DATA["towns"], view, LABEL_PX, SMALL_MAP_SIZES)
    frame = screen(view.lat, view.lon, view.zoom, map_size)
    boxes = {
        row["text"]: text_box(*pixels(row["lon"], row["lat"], view.zoom), row["text"], row["anchor"], row["offset"])
        for row in layer.data
    }
    shown = [text for text, box in boxes.items() if box.overlaps(frame)]
    assert {"Kabul", "Quetta"} <= set(shown)
    assert [text for text in shown if not inside(boxes[text], frame)] == []
