"""What the map draws (issue #19): crossings as gates, imprecise places as small rings, a ring around every
point holding several incidents, and counts (hexagons, heat) of district-located incidents only."""

from __future__ import annotations

import base64
import collections
import csv
import datetime as dt
import itertools

import pandas as pd
import pytest
from shapely.geometry import Point, Polygon

from components.crossings import status_on
from components.dataset import load_dataset
from components.incidents import incidents_table, listed_places, place_names
from components.map_layers import (
    DOT_MAX_PX,
    HEAT_INTENSITY,
    RING_RADIUS_PX,
    base_layers,
    count_steps,
    crossing_layers,
    incident_hexagons,
    incident_layers,
    label_layer,
    located_to_district,
    point_key,
)
from components.map_legend import incident_legends, left_out_note, scale_bar
from components.map_symbols import BAR, CROSS, crossing_svg, data_uri, swatch_svg
from components.map_views import resolve_view
from components.palette import COUNT_RAMP
from components.paths import BUNDLED_DATA_DIR
from components.vocabulary import CROSSING_COLOURS, FAMILY_COLOURS, family_label
from tests.colour_science import contrast

DATA = load_dataset(BUNDLED_DATA_DIR)
EVENTS = DATA.events


def layers(mode: str = "points") -> dict:
    return {layer.id: layer for layer in incident_layers(EVENTS, mode)}


def test_crossings_are_square_gates_drawn_from_inline_images():
    (layer,) = crossing_layers(status_on(DATA["crossings"], DATA["crossing_status"], dt.date(2025, 10, 20)))
    assert layer.type == "IconLayer"
    for row in layer.data:
        url = row["icon"]["url"]
        assert url.startswith("data:image/svg+xml;base64,")  # nothing fetched
        svg = base64.b64decode(url.split(",", 1)[1]).decode()
        assert "<rect" in svg
        assert "<circle" not in svg
        fill = svg.split('fill="', 1)[1][:7]
        assert fill in CROSSING_COLOURS.values()
        assert fill not in FAMILY_COLOURS.values()


def test_a_gates_tooltip_dates_its_status_by_every_start_its_sources_give_and_its_last_report():
    """On the data date (8 Apr 2026) Torkham has been restricted since it reopened for returnees on 1 Nov
    2025 (Dawn's row), last reported by AP's UN-cargo row published 5 Dec; Ghulam Khan closed since 10 Oct
    (Khaama Press's Feb 2026 repost), 11 Oct (The Express Tribune, whose reason the tooltip gives, and others)
    or 12 Oct (Wesal), last reported 18 Feb 2026 (crossing_status.csv): not "closed since 10 Oct 2025"."""
    (layer,) = crossing_layers(status_on(DATA["crossings"], DATA["crossing_status"], DATA.data_as_of))
    tips = {row["title"]: (row["line1"], row["line2"]) for row in layer.data}
    assert tips["Torkham crossing"] == (
        "Status: restricted since 1 Nov 2025; last reported 5 Dec 2025",
        "Reopened only for return/deportation of Afghans after 20-day closure; trade and regular travel still "
        "suspended pending security improvement",
    )
    assert tips["Ghulam Khan crossing"][0] == "Status: closed since 10, 11 or 12 Oct 2025; last reported 18 Feb 2026"
    # The reason is The Express Tribune's account of the closure's start, not the repost's dated its first day.
    with (BUNDLED_DATA_DIR / "crossing_status.csv").open(encoding="utf-8", newline="") as handle:
        tribune = [
            row["reason"]
            for row in csv.DictReader(handle)
            if row["crossing_id"] == "all" and row["start_date"] == "2025-10-11"
            if row["source_name"] == "The Express Tribune"
        ]
    assert tips["Ghulam Khan crossing"][1] == tribune[0]


def test_a_gate_tells_its_status_by_a_mark_as_well_as_by_its_fill():
    assert CROSS in crossing_svg("closed")
    assert BAR in crossing_svg("restricted")
    assert CROSS not in crossing_svg("open")
    assert BAR not in crossing_svg("open")
    assert "stroke-dasharray" in crossing_svg("unknown")


def test_imprecise_places_are_small_rings_and_no_dot_is_sized_in_kilometres():
    drawn = layers()
    rings = drawn["incidents-imprecise"]
    assert rings.data, "the bundled data has district- and province-level incidents"
    assert {row["radius"] for row in rings.data} == {RING_RADIUS_PX}
    assert "pixels" in rings.radius_units
    assert rings.get_fill_color[3] <= 40  # outline, barely filled
    assert max(row["radius"] for row in drawn["incidents"].data) <= DOT_MAX_PX
    assert "pixels" in drawn["incidents"].radius_units


def test_every_point_with_several_incidents_gets_one_ring():
    sizes = EVENTS.groupby([EVENTS["lat"].round(5), EVENTS["lon"].round(5)]).size()
    rings = layers()["incident-stacks"].data
    assert len(rings) == (sizes > 1).sum()
    assert len({point_key(r["lat"], r["lon"]) for r in rings}) == len(rings)
    quetta = [r for r in rings if point_key(r["lat"], r["lon"]) == "30.18414,67.00141"]
    assert len(quetta) == 1


@pytest.mark.parametrize("mode", ["hexagons", "heatmap"])
def test_aggregated_modes_count_only_incidents_located_to_the_district(mode):
    """Counted where the place is known to the district or better and is one place: an incident its sources
    place in several (listed_places) sits at one of them, and would pile up there."""
    (layer,) = incident_layers(EVENTS, mode)
    several = listed_places(EVENTS).notna()
    province = (EVENTS["location_precision"].eq("province") & ~several).sum()
    assert province > 0
    assert several.sum() > 0
    counted = len(EVENTS) - province - several.sum()
    if mode == "hexagons":
        assert sum(int(row["title"].split()[0]) for row in layer.data) == counted
    else:
        assert len(layer.data) == counted
    (legend,) = incident_legends(EVENTS, mode)
    assert legend.note.startswith(left_out_note(EVENTS))
    assert f"left out: {province:,} known only to the province and {several.sum():,} in several places" in legend.note


def test_the_heat_legend_shows_the_shades_the_heat_draws():
    """No step too pale to see on the basemap (the review found the heat faint when zoomed in); the legend's
    ends are the layer's ends, and it says the shades are relative and where the darkest starts."""
    (layer,) = incident_layers(EVENTS, "heatmap")
    drawn = ["#{:02X}{:02X}{:02X}".format(*rgb) for rgb in layer.color_range]
    assert COUNT_RAMP[0] not in drawn
    assert all(contrast(colour, "#FFFFFF") >= 2 for colour in drawn)
    assert layer.intensity == HEAT_INTENSITY
    (legend,) = incident_legends(EVENTS, "heatmap")
    swatches = {data_uri(swatch_svg(colour, "square")): colour for colour in drawn}
    shown = [swatches[uri] for uri in legend.entries.values()]
    assert (shown[0], shown[-1]) == (drawn[0], drawn[-1])
    assert list(legend.entries)[-1] == "Most incidents"
    assert f"at least 1/{HEAT_INTENSITY} of its density" in legend.note


def test_each_hexagon_holds_its_own_incidents():
    kept = located_to_district(EVENTS)
    hexes = incident_hexagons(kept)
    assert hexes["events"].sum() == len(kept)
    shapes = [Polygon(p) for p in hexes["polygon"]]
    for lon, lat in zip(kept["lon"], kept["lat"], strict=True):
        assert sum(shape.covers(Point(lon, lat)) for shape in shapes) >= 1


def test_the_hexagon_legend_reads_in_counts():
    (legend,) = incident_legends(EVENTS, "hexagons")
    largest = incident_hexagons(located_to_district(EVENTS))["events"].max()
    labels = list(legend.entries)
    assert labels[0] == "1"
    assert labels[-1].endswith(str(largest)) or labels[-1].endswith("or more")


@pytest.mark.parametrize("largest", [1, 4, 6, 7, 35, 1_000, 77_808])
def test_count_bands_cover_every_count_without_gaps(largest):
    steps = count_steps(largest)
    assert steps[0][0] == 1
    assert len(steps) <= 6
    for (_, high), (low, _) in itertools.pairwise(steps):
        assert low == high + 1
    assert steps[-1][1] in (None, largest)


def test_the_scale_bar_is_true_to_web_mercator():
    km, pixels = scale_bar(60.0, 10.0)  # 0.0382 km a pixel at 60° N, zoom 10
    assert km == 5
    assert pixels == pytest.approx(5 / (40_075.016686 * 0.5 / (512 * 1024)))


def test_a_large_import_is_counted_in_cells_of_located_incidents_only():
    many = pd.concat([EVENTS] * 60, ignore_index=True)
    (layer,) = incident_layers(many, "points")
    assert layer.id == "incident-cells"
    assert sum(int(row["title"].split()[0]) for row in layer.data) == len(located_to_district(many))


def test_a_place_is_not_named_twice_in_a_tooltip():
    """The place "Hali Road, Quetta" in district Quetta read "Hali Road, Quetta, Quetta, Balochistan"."""
    lines = [r["line1"] for name in ("incidents", "incidents-imprecise") for r in layers()[name].data]
    quetta = [line for line in lines if "Hali Road" in line]
    assert quetta == ["Near Frontier Corps headquarters, Zarghoon Road / Hali Road, Quetta, Balochistan"]
    assert not [line for line in lines if "Quetta, Quetta" in line]


def test_place_names_leave_out_blanks_and_repeats():
    assert place_names("Quetta", "Quetta", "Balochistan") == "Quetta, Balochistan"
    assert place_names("Sariab Road, Quetta", "quetta", None, "") == "Sariab Road, Quetta"
    assert place_names("Quetta railway station", "Quetta", float("nan")) == "Quetta railway station, Quetta"


def test_the_incident_table_leaves_a_missing_district_blank():
    table = incidents_table(EVENTS)
    assert EVENTS["district"].isna().any()
    assert not table["District"].isna().any()
    assert (table["District"] == "").sum() == EVENTS["district"].isna().sum()


def test_place_labels_are_drawn_with_sharp_edges():
    """deck.gl's default glyph edge (smoothing 0.1) blurred every label: on the briefing map at 1920x1080 the
    "Karachi" label held 17 dark pixels against 1,779 grey ones; at 0.03, 769 dark against 599 grey."""
    layer = label_layer(DATA["crossings"], DATA["towns"], resolve_view(None))
    settings = layer.font_settings
    assert settings["sdf"]
    assert layer.outline_width > 0
    assert settings["smoothing"] <= 0.05


def test_an_empty_selection_lists_no_incident_type():
    """It listed every type, 'Armed clash' (of imported files only) among them, beside an empty map."""
    (location,) = incident_legends(EVENTS.iloc[:0], "points")
    assert location.title == "Location"
    assert location.note == "No incident in the selection."
    types, _ = incident_legends(EVENTS, "points")
    drawn = {family_label(kind) for kind in EVENTS["event_type"]}
    assert set(types.entries) == drawn


def _segments(layer) -> list[frozenset]:
    lines = []
    for feature in layer.data["features"]:
        geometry = feature["geometry"]
        lines += [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]
    return [frozenset(map(tuple, pair)) for line in lines for pair in itertools.pairwise(line)]


def test_every_border_is_drawn_once_and_neighbours_still_meet():
    """Each province outline drew the border it shares twice, and the countries' outlines ran under them:
    in software WebGL every drawn segment costs (a redraw of the map 0.67 s before, 0.53 s after; README)."""
    geo = DATA.geo
    layers = {
        layer.id: layer
        for layer in base_layers(
            geo["countries"], geo["provinces"], geo["former_fata"], geo["durand_line"], DATA["towns"]
        )
    }
    provinces, beyond = _segments(layers["provinces"]), _segments(layers["context-borders"])
    assert len(provinces) == len(set(provinces))
    assert not set(provinces) & set(beyond)
    assert not layers["countries"].stroked
    assert not layers["context"].stroked
    ends = collections.Counter(
        tuple(end)
        for f in layers["provinces"].data["features"]
        for line in f["geometry"]["coordinates"]
        for end in (line[0], line[-1])
    )
    assert all(n >= 2 for n in ends.values())  # every border run ends where others meet it: no loose end, no gap
