"""Build the pydeck map from bundled layers only, so it draws with no tile server.

Tooltip text comes from data files. Streamlit (1.67) HTML-escapes every value it substitutes into the
tooltip template, so values go in as plain text: escaping them here as well showed "&lt;" to users.
tests/test_untrusted_text.py hovers a point in Chromium to keep both halves of that true.

One visual language (components/palette.py, components/map_symbols.py): incidents are dots in their type's
colour, filled where the place is known and rings where only the district or province is; crossings are
square gates in status colours no incident uses; counts (hexagons, heat, grid cells) are an indigo ramp.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import pydeck as pdk
import shapely
from pydeck.bindings.json_tools import default_serialize

from components.crossings import reported_text, since_text
from components.dates import format_day
from components.incidents import (
    distance_words,
    figure_range,
    listed_places,
    one_of_places,
    own_distance,
    place_names,
)
from components.map_labels import LABEL_PX, MAP_SIZES, place_labels
from components.map_symbols import CROSSING_ICON_PX, crossing_icon
from components.map_views import DEFAULT_VIEW, MapView, resolve_view, view_state
from components.palette import BASE_MAP, COUNT_RAMP, NEUTRAL, rgba
from components.vocabulary import EVENT_TYPES, FAMILY_COLOURS, family_label

INITIAL_VIEW = view_state(resolve_view(DEFAULT_VIEW))
# The tooltip sits above and right of the pointer (its own height up): the map runs past the bottom of a
# 1440 x 900 or 1280 x 720 screen, so one below the pointer was often cut by the screen's edge.
TOOLTIP = {
    "html": "<b>{title}</b><br/>{line1}<br/>{line2}<br/>{line3}",
    "style": {"fontSize": "15px", "maxWidth": "360px", "whiteSpace": "normal", "translate": "12px calc(-100% - 12px)"},
}
INCIDENT_LAYER_ID = "incidents"
IMPRECISE_LAYER_ID = "incidents-imprecise"
PICKABLE_INCIDENT_LAYERS = (INCIDENT_LAYER_ID, IMPRECISE_LAYER_ID)
DOT_FIELDS = ("incident_id", "lon", "lat", "radius", "color", "title", "line1", "line2", "line3", "line_width")
# Above this many events (an imported ACLED or UCDP file) the browser gets grid cells counted here instead
# of one record per event, so the page stays light: a few thousand cells whatever the file's size. A dot
# with its tooltip text is about 330 bytes of JSON (synthetic ACLED), so 8,000 keep the map under 3 MB
# with its boundaries (0.36 MB); at the former 20,000 it was 6.5 MB, sent again on every rerun.
AGGREGATE_ABOVE = 8_000
CELL_DEGREES = 0.25  # about 25 km at these latitudes
HEX_KM = 25  # hexagon size, centre to corner
IMPRECISE_RING = {"district": (2.5, 230), "province": (1.5, 140)}  # ring width (px) and opacity
# An incident its sources place in several places (incidents.listed_places) is drawn as a ring at its
# coordinates, one of those places, never as an exact dot there: as faint as a province-level one.
RING_RADIUS_PX = 7
DOT_MIN_PX, DOT_MAX_PX = 5, 20
OPAQUE_BASE_IDS = {"context", "countries", "context-borders"}  # hidden when an online basemap draws land underneath
# Streamlit 1.67's bundled deck.gl draws TextLayer glyphs at 1/8 of getSize with the default size
# units (measured in Chromium screenshots), so labels are scaled back to their nominal pixel size.
TEXT_SIZE_SCALE = 8
LABEL_FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"
# Glyphs as distance fields (for the white halo) with a narrow edge: deck.gl's default smoothing (0.1) blurred
# every label's edge, worst on the briefing's large type on a projector (screenshots at 1920x1080).
LABEL_GLYPHS = {"sdf": True, "buffer": 10, "smoothing": 0.03}
KM_PER_DEGREE_LAT = 110.57
DRAW_TOLERANCE = 0.01  # degrees (about 1 km): boundaries as drawn, never as measured (components.geo)
COORDINATE_DIGITS = re.compile(r"(\d\.\d{3})\d+")
REGION_LAT = 31.5  # the hexagon grid's reference latitude (middle of the Durand Line)


def _geojson(frame: gpd.GeoDataFrame, tolerance: float = DRAW_TOLERANCE) -> dict:
    """The layer as GeoJSON for drawing: simplified by `tolerance` degrees and coordinates cut to 3 decimals
    (about 100 m, under a pixel at the preset zooms). deck.gl rebuilds every layer on each rerun (a click on
    the map reruns it), and the full-detail boundaries made a click take 21 s instead of 4 s in Chromium."""
    drawn = frame[["name", *[c for c in frame.columns if c == "role"], "geometry"]].copy()
    if tolerance:
        drawn["geometry"] = drawn.geometry.simplify(tolerance, preserve_topology=True)
    return json.loads(COORDINATE_DIGITS.sub(r"\1", drawn.to_json(drop_id=True)))


def dot_radius(killed: float) -> float:
    """Screen pixels: the dot's area grows with the killed, capped so a massacre does not hide its region;
    the same size at every zoom (a radius in metres filled the Kabul view with one dot)."""
    return round(min(DOT_MAX_PX, DOT_MIN_PX + 1.6 * math.sqrt(killed)), 1)


def point_key(lat: float, lon: float) -> str:
    """Events drawn at one point share this key (coordinates to about 1 m), so a click can list them all."""
    return f"{lat:.5f},{lon:.5f}"


def incident_records(events: pd.DataFrame) -> list[dict]:
    """Plain dicts for deck.gl: position, size, colour and tooltip lines."""
    together = events.groupby([events["lat"].round(5), events["lon"].round(5)])["incident_id"].transform("size")
    records = []
    several = listed_places(events)
    for row, stacked, listed in zip(events.itertuples(index=False), together, several, strict=True):
        family = family_label(row.event_type)
        one_place = pd.isna(listed)
        exact = row.location_precision == "exact" and one_place
        killed = 0 if pd.isna(row.killed) else float(row.killed)
        where = place_names(row.place, row.district, row.province)
        width, alpha = IMPRECISE_RING.get(row.location_precision, (1, 255)) if one_place else IMPRECISE_RING["province"]
        more = f" · {stacked - 1} more at this point: click to list all" if stacked > 1 else ""
        if not one_place:  # the place as the source names it, and the places its fields list
            where = " · ".join(filter(None, (place_names(row.place), f"drawn at {one_of_places(listed)}")))
        known = "" if exact or not one_place else f" (location known to the {row.location_precision} only)"
        records.append(
            {
                "incident_id": row.incident_id,
                "lon": float(row.lon),
                "lat": float(row.lat),
                "radius": dot_radius(killed) if exact else RING_RADIUS_PX,
                "color": rgba(FAMILY_COLOURS[family], 215 if exact else alpha),
                "line_width": width,
                "exact": exact,
                "stacked": int(stacked),
                "killed": killed,
                "title": f"{format_day(row.date)} · {EVENT_TYPES.label(row.event_type)}{more}",
                "line1": where + known,
                "line2": (
                    f"Killed {figure_range(row.killed_low, row.killed_high)}"
                    f" · injured {figure_range(row.injured_low, row.injured_high)}"
                    + (" · figures disputed" if row.disputed else "")
                ),
                "line3": f"{row.perpetrator} · " + distance_words(row.distance_km, row.location_precision, one_place),
            }
        )
    return records


def crossing_records(crossings: pd.DataFrame) -> list[dict]:
    """A gate per located crossing, its tooltip saying its status since when (components.crossings.since_text),
    when a source last reported it, and where its position comes from."""
    return [
        {
            "lon": float(row.lon),
            "lat": float(row.lat),
            "icon": crossing_icon(row.status),
            "title": f"{row.name} crossing",
            "line1": f"Status: {row.status}" + _since_and_reported(row),
            "line2": str(row.reason) if pd.notna(row.reason) else "",
            "line3": f"Location {row.coord_precision}" + _coordinates_from(row),
        }
        for row in crossings.dropna(subset=["lat", "lon"]).itertuples(index=False)
    ]


def _coordinates_from(row) -> str:
    """' · coordinates: GeoNames 1170367 (Miran Shah)': the source the file cites for the position (an approximate
    crossing is drawn at a town's GeoNames point, not at the gate), as incident details name theirs; '' if none."""
    source = getattr(row, "coord_source_name", None)  # an optional column a user's file may leave out
    return f" · coordinates: {source}" if pd.notna(source) else ""


def _since_and_reported(row) -> str:
    """' since 10, 11 or 12 Oct 2025; last reported 18 Feb 2026', or '' for a crossing with no status."""
    if pd.isna(row.start_date):
        return ""
    return f" since {since_text(row.start_dates)}; {reported_text(row.last_reported, 'last reported')}"


def _shape_layer(
    geojson: dict, layer_id: str, line: list[int] | None, line_px: int = 1, fill: list[int] | None = None
) -> pdk.Layer:
    """Boundaries drawn as given: outlines (none when `line` is None), filled when `fill` is given; never picked."""
    return pdk.Layer(
        "GeoJsonLayer",
        geojson,
        id=layer_id,
        filled=fill is not None,
        stroked=line is not None,
        get_fill_color=fill or rgba(NEUTRAL["white"], 0),
        get_line_color=line or rgba(NEUTRAL["white"], 0),
        line_width_min_pixels=line_px,
        pickable=False,
    )


def _borders(shapes) -> shapely.Geometry:
    """Every border of `shapes` (polygons that meet exactly, from shapely.coverage_clean) once, as lines: a
    border two provinces share was drawn twice, once per province. Cut into runs between the points where
    three shapes meet, which simplifying keeps, so neighbours still meet once simplified."""
    return shapely.line_merge(shapely.union_all(shapely.boundary(shapes)))


def _lines(lines: shapely.Geometry, layer_id: str, colour: list[int]) -> pdk.Layer:
    frame = gpd.GeoDataFrame({"name": [layer_id]}, geometry=[lines], crs=4326)
    return _shape_layer(_geojson(frame[~frame.is_empty]), layer_id, colour)


def _clean(frame: gpd.GeoDataFrame):
    """The layer's shapes made to meet exactly (the bundled provinces overlap and part by metres along their
    borders), gaps under DRAW_TOLERANCE closed: for drawing borders once, never for measuring."""
    return shapely.coverage_clean(frame.geometry.to_numpy(), gap_width=DRAW_TOLERANCE)


def base_layers(countries, provinces, former_fata, durand_line, towns: pd.DataFrame) -> list[pdk.Layer]:
    """Countries, provinces, the former FATA outline, the Durand Line and town dots (labels: label_layer).

    Each border is drawn once (session 17): the land as fills without outlines, then the borders beyond
    Pakistan and Afghanistan, then every province border (Pakistan's and Afghanistan's own borders among
    them; the countries' outlines when no province is drawn). In software WebGL each drawn segment costs."""
    focus = (countries["role"] == "focus").to_numpy()
    shapes = _clean(countries)
    focus_edges = shapely.union_all(shapely.boundary(shapes[focus]))
    beyond = _borders(shapes[~focus]).difference(focus_edges)
    inner = _borders(_clean(provinces)) if not provinces.empty else shapely.line_merge(focus_edges)
    line = _geojson(durand_line, tolerance=0)
    return [
        _shape_layer(_geojson(countries[~focus]), "context", None, fill=rgba(BASE_MAP["land_beyond"])),
        _shape_layer(_geojson(countries[focus]), "countries", None, fill=rgba(BASE_MAP["land"])),
        _lines(beyond, "context-borders", rgba(BASE_MAP["border_beyond"])),
        _lines(inner, "provinces", rgba(BASE_MAP["province_border" if not provinces.empty else "border"])),
        _shape_layer(
            _geojson(former_fata), "former-fata", rgba(BASE_MAP["former_fata"], 180), fill=rgba(BASE_MAP["border"], 25)
        ),
        _shape_layer(line, "durand-halo", rgba(NEUTRAL["white"]), line_px=7),
        _shape_layer(line, "durand-line", rgba(BASE_MAP["durand_line"]), line_px=3),
        pdk.Layer(
            "ScatterplotLayer",
            towns[["lon", "lat"]].to_dict("records"),
            id="town-dots",
            get_position=["lon", "lat"],
            get_radius=1,
            radius_min_pixels=2,
            get_fill_color=rgba(BASE_MAP["town"]),
        ),
    ]


def label_layer(
    crossings: pd.DataFrame,
    towns: pd.DataFrame,
    view: MapView,
    size: int = LABEL_PX,
    map_sizes: tuple[tuple[int, int], ...] = MAP_SIZES,
) -> pdk.Layer:
    """Crossing and town names in `size` px type that do not overlap in maps of `map_sizes` showing `view`
    (components.map_labels), drawn on top with a white halo so they read over dots and lines."""
    return pdk.Layer(
        "TextLayer",
        place_labels(crossings, towns, view.lat, view.lon, view.zoom, size, map_sizes),
        id="labels",
        get_position=["lon", "lat"],
        get_text="text",
        get_size=size,
        size_scale=TEXT_SIZE_SCALE,
        get_color=rgba(BASE_MAP["label"]),
        get_pixel_offset="offset",
        get_text_anchor="anchor",
        get_alignment_baseline="'center'",
        font_family=LABEL_FONT,
        font_weight=700,
        font_settings=LABEL_GLYPHS,
        outline_width=4,
        outline_color=rgba(NEUTRAL["white"], 235),
        pickable=False,
    )


def located_to_district(events: pd.DataFrame) -> pd.DataFrame:
    """The events aggregated modes and the distance bands count: located to the district or better, in one
    place (incidents.own_distance); a province-level event at the province's centre would pile up in one bin
    that means nothing, and measure the capital's distance to the line."""
    return events[own_distance(events)]


def count_steps(largest: int) -> list[tuple[int, int | None]]:
    """Up to six count bands (low, high; high None for "or more") covering 1..largest, one per value while
    they fit, so the legend reads in counts: 1, 2, 3-4, 5-9, 10-19, 20 or more."""
    if largest <= len(COUNT_RAMP):
        return [(n, n) for n in range(1, max(largest, 1) + 1)]
    bounds = [1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000]
    fitting = [b for b in bounds if b <= largest]
    starts = fitting[:: max(1, math.ceil(len(fitting) / len(COUNT_RAMP)))][: len(COUNT_RAMP)]
    return [(low, high - 1) for low, high in itertools.pairwise(starts)] + [(starts[-1], None)]


def step_label(low: int, high: int | None) -> str:
    return f"{low:,} or more" if high is None else f"{low:,}" if low == high else f"{low:,}–{high:,}"


def step_of(count: int, steps: list[tuple[int, int | None]]) -> int:
    return max(i for i, (low, _) in enumerate(steps) if count >= low)


def step_colours(steps: list) -> list[str]:
    """Ramp colours for `steps`, spread over the whole ramp so few steps still run light to dark."""
    if len(steps) == 1:
        return [COUNT_RAMP[-2]]
    return [COUNT_RAMP[round(i * (len(COUNT_RAMP) - 1) / (len(steps) - 1))] for i in range(len(steps))]


def count_legend(counts: pd.Series) -> dict[str, str]:
    """Legend of an aggregated layer: count band label to its colour."""
    steps = count_steps(int(counts.max()) if len(counts) else 1)
    return dict(zip((step_label(*s) for s in steps), step_colours(steps), strict=True))


def incident_cells(events: pd.DataFrame, size: float = CELL_DEGREES) -> pd.DataFrame:
    """Events and fatalities (stated totals; `unstated`: events stating none) per grid cell, with its corners."""
    west = (events["lon"] // size) * size
    south = (events["lat"] // size) * size
    cells = (
        events.assign(west=west, south=south, unstated=events["killed"].isna())
        .groupby(["west", "south"], sort=False)
        .agg(events=("incident_id", "size"), killed=("killed", "sum"), unstated=("unstated", "sum"))
        .reset_index()
    )
    cells["lon"] = cells["west"] + size / 2
    cells["lat"] = cells["south"] + size / 2
    return cells


def _hex_xy(lon: pd.Series, lat: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Kilometres on a plane true to scale near REGION_LAT: accurate enough to bin, never to measure."""
    return lon * KM_PER_DEGREE_LAT * math.cos(math.radians(REGION_LAT)), lat * KM_PER_DEGREE_LAT


def incident_hexagons(events: pd.DataFrame, size_km: float = HEX_KM) -> pd.DataFrame:
    """Events and fatalities (as incident_cells) per pointy-top hexagon (axial q, r), with its corners."""
    x, y = _hex_xy(events["lon"], events["lat"])
    q = (math.sqrt(3) / 3 * x - y / 3) / size_km
    r = (2 / 3 * y) / size_km
    s = -q - r
    rq, rr, rs = q.round(), r.round(), s.round()
    dq, dr, ds = (rq - q).abs(), (rr - r).abs(), (rs - s).abs()
    fix_q = (dq > dr) & (dq > ds)
    fix_r = ~fix_q & (dr > ds)
    rq = rq.where(~fix_q, -rr - rs)
    rr = rr.where(~fix_r, -rq - rs)
    hexes = (
        events.assign(q=rq.astype(int), r=rr.astype(int), unstated=events["killed"].isna())
        .groupby(["q", "r"], sort=False)
        .agg(events=("incident_id", "size"), killed=("killed", "sum"), unstated=("unstated", "sum"))
        .reset_index()
    )
    scale = KM_PER_DEGREE_LAT * math.cos(math.radians(REGION_LAT))
    centre_x = size_km * math.sqrt(3) * (hexes["q"] + hexes["r"] / 2)
    centre_y = size_km * 1.5 * hexes["r"]
    hexes["lon"], hexes["lat"] = centre_x / scale, centre_y / KM_PER_DEGREE_LAT
    hexes["polygon"] = [
        [
            [
                round((cx + size_km * math.cos(math.radians(60 * k + 30))) / scale, 5),
                round((cy + size_km * math.sin(math.radians(60 * k + 30))) / KM_PER_DEGREE_LAT, 5),
            ]
            for k in range(6)
        ]
        for cx, cy in zip(centre_x, centre_y, strict=True)
    ]
    return hexes


def bin_records(bins: pd.DataFrame, what: str) -> list[dict]:
    """Bins (from incident_cells or incident_hexagons, with a `polygon` column) coloured by event count in
    the legend's bands, with plain tooltip lines."""
    steps = count_steps(int(bins["events"].max()) if len(bins) else 1)
    colours = step_colours(steps)
    return [
        {
            "polygon": polygon,
            "color": rgba(colours[step_of(int(n), steps)], 225),
            "title": f"{int(n):,} incident{'s' if n != 1 else ''} in this {what}",
            "line1": f"{int(killed):,} killed (sum of the lowest totals given)",
            "line2": f"{int(unstated):,} of them state no total (not counted as 0)" if unstated else "",
            "line3": f"centre {lat:.2f}° N, {lon:.2f}° E",
        }
        for polygon, lon, lat, n, killed, unstated in bins[
            ["polygon", "lon", "lat", "events", "killed", "unstated"]
        ].itertuples(index=False)
    ]


def cell_polygons(cells: pd.DataFrame, size: float = CELL_DEGREES) -> pd.DataFrame:
    return cells.assign(
        polygon=[
            [[w, s], [w + size, s], [w + size, s + size], [w, s + size]]
            for w, s in zip(cells["west"], cells["south"], strict=True)
        ]
    )


def _bins_layer(records: list[dict], layer_id: str) -> pdk.Layer:
    return pdk.Layer(
        "PolygonLayer",
        records,
        id=layer_id,
        get_polygon="polygon",
        get_fill_color="color",
        stroked=True,
        get_line_color=rgba(NEUTRAL["white"], 200),
        line_width_min_pixels=1,
        pickable=True,
        auto_highlight=True,
    )


def incident_positions(events: pd.DataFrame) -> list[dict]:
    """Position only: all the heat layer reads (it shows no tooltip)."""
    return [{"lon": float(lon), "lat": float(lat)} for lon, lat in zip(events["lon"], events["lat"], strict=True)]


# The heat's colours: the count ramp without its palest step, which vanished into the basemap; the edge of each
# patch still fades out (threshold), so a lone incident reads as a small patch, not a tint.
HEAT_RAMP = COUNT_RAMP[1:]
HEAT_INTENSITY = 5  # a place with 1/5 of the densest place's weight already takes the darkest shade


def heat_layer(events: pd.DataFrame) -> pdk.Layer:
    """Incidents per area, each counting one: the ramp runs from few (light) to many (dark)."""
    return pdk.Layer(
        "HeatmapLayer",
        incident_positions(events),
        id="incident-heat",
        get_position=["lon", "lat"],
        get_weight=1,
        radius_pixels=50,
        intensity=HEAT_INTENSITY,
        threshold=0.05,
        opacity=0.95,
        color_range=[rgba(colour)[:3] for colour in HEAT_RAMP],
    )


def _drawn(record: dict) -> dict:
    """What a dot and its tooltip read: the browser gets nothing else (every byte is sent on each rerun)."""
    return {key: value for key, value in record.items() if key in DOT_FIELDS}


def incident_layers(events: pd.DataFrame, mode: str = "points") -> list[pdk.Layer]:
    """Points (one dot per event), or counts of the events located to the district or better: hexagons,
    heat, or grid cells when there are more than AGGREGATE_ABOVE events."""
    if mode == "hexagons":
        return [
            _bins_layer(bin_records(incident_hexagons(located_to_district(events)), "hexagon"), "incident-hexagons")
        ]
    if mode == "heatmap":
        return [heat_layer(located_to_district(events))]
    if len(events) > AGGREGATE_ABOVE:
        cells = cell_polygons(incident_cells(located_to_district(events)))
        return [_bins_layer(bin_records(cells, f"{CELL_DEGREES}° cell"), "incident-cells")]
    records = incident_records(events)
    imprecise = [_drawn(r) for r in records if not r["exact"]]
    exact = [_drawn(r) for r in sorted((r for r in records if r["exact"]), key=lambda r: -r["radius"])]
    stacks: dict[str, dict] = {}  # a ring around every point holding several incidents
    for r in records:
        if r["stacked"] > 1:
            ring = stacks.setdefault(point_key(r["lat"], r["lon"]), {"lon": r["lon"], "lat": r["lat"], "radius": 0})
            ring["radius"] = max(ring["radius"], r["radius"] + 5)
    return [
        pdk.Layer(
            "ScatterplotLayer",
            imprecise,
            id=IMPRECISE_LAYER_ID,
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_units="'pixels'",
            get_fill_color=rgba(NEUTRAL["white"], 40),
            stroked=True,
            get_line_color="color",
            get_line_width="line_width",
            line_width_units="'pixels'",
            pickable=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            list(stacks.values()),
            id="incident-stacks",
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_units="'pixels'",
            filled=False,
            stroked=True,
            get_line_color=rgba(BASE_MAP["stack"]),
            line_width_min_pixels=2,
            pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            exact,
            id=INCIDENT_LAYER_ID,
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_units="'pixels'",
            get_fill_color="color",
            stroked=True,
            get_line_color=rgba(NEUTRAL["white"], 230),
            line_width_min_pixels=1,
            pickable=True,
            auto_highlight=True,
        ),
    ]


def crossing_layers(crossings: pd.DataFrame) -> list[pdk.Layer]:
    """Crossings as square gates (components.map_symbols) at a fixed screen size; names: label_layer."""
    return [
        pdk.Layer(
            "IconLayer",
            crossing_records(crossings),
            id="crossings",
            get_position=["lon", "lat"],
            get_icon="icon",
            get_size=CROSSING_ICON_PX,
            size_units="'pixels'",
            pickable=True,
        )
    ]


def build_deck(
    base: list[pdk.Layer],
    incidents: list[pdk.Layer],
    crossings: list[pdk.Layer],
    view: pdk.ViewState = INITIAL_VIEW,
    online_basemap: bool = False,
) -> pdk.Deck:
    """Assemble the deck; by default every pixel comes from our own layers.

    `map_style` is deliberately not passed when offline: pydeck then keeps its "__MAP_STYLE__" sentinel,
    which Streamlit reads as "no basemap". An explicit map_style=None makes Streamlit fetch CARTO tiles.
    """
    layers = [*base, *incidents, *crossings]
    if online_basemap:
        return pdk.Deck(
            layers=[layer for layer in layers if layer.id not in OPAQUE_BASE_IDS],
            initial_view_state=view,
            map_provider="carto",
            map_style="light",
            tooltip=TOOLTIP,
        )
    return pdk.Deck(layers=layers, initial_view_state=view, map_provider=None, tooltip=TOOLTIP)


@dataclass(frozen=True)
class DeckJson:
    """A deck as deck.gl JSON, made once and handed to st.pydeck_chart, which reads only `to_json()` and
    `_tooltip` from a deck: serialising the same deck again on every rerun cost 0.4-0.65 s."""

    text: str
    _tooltip: dict

    def to_json(self) -> str:
        return self.text


def layer_json(layers: list[pdk.Layer]) -> dict[str, str]:
    """Each layer as compact deck.gl JSON by id: pydeck's own to_json indents, four times the bytes
    (1.86 MB instead of 0.45 MB for the bundled map, sent to the browser on every rerun)."""
    return {
        layer.id: json.dumps(layer, default=default_serialize, separators=(",", ":"), ensure_ascii=False)
        for layer in layers
    }


def deck_json(
    base: dict[str, str],
    incidents: dict[str, str],
    crossings: dict[str, str],
    view: pdk.ViewState = INITIAL_VIEW,
    online_basemap: bool = False,
) -> DeckJson:
    """The same deck as build_deck, assembled from layers already serialised by layer_json.

    Every layer goes in a nested list (deck.gl flattens them): Streamlit (1.67) restyles every top-level
    layer when a dot is clicked, fading all but the clicked object to 40 %, and it leaves a nested list
    alone. Nothing fades (the details beside the map show the choice) and the click has less to redraw:
    the second long task before the selection is sent fell from 1.9-3.2 s to 0.5-1.4 s in Chromium's
    software renderer (bench/profile_map_click.py, README "Not yet reached")."""
    deck = build_deck([], [], [], view, online_basemap)
    shown = [text for layer_id, text in base.items() if not (online_basemap and layer_id in OPAQUE_BASE_IDS)]
    layers = [f"[{','.join(shown)}]", f"[{','.join(incidents.values())}]", f"[{','.join(crossings.values())}]"]
    frame = json.dumps(deck, default=default_serialize, separators=(",", ":"), ensure_ascii=False)
    return DeckJson(frame.replace('"layers":[]', f'"layers":[{",".join(layers)}]', 1), TOOLTIP)
