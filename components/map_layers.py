"""Build the pydeck map from bundled layers only, so it draws with no tile server.

Tooltip text comes from data files. Streamlit (1.67) HTML-escapes every value it substitutes into the
tooltip template, so values go in as plain text: escaping them here as well showed "&lt;" to users.
tests/test_untrusted_text.py hovers a point in Chromium to keep both halves of that true.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from components.incidents import figure_range
from components.map_views import DEFAULT_VIEW, resolve_view, view_state
from components.palette import rgba
from components.vocabulary import CROSSING_COLOURS, EVENT_TYPES, FAMILY_COLOURS, NO_CROSSING_STATUS, family_label

INITIAL_VIEW = view_state(resolve_view(DEFAULT_VIEW))
IMPRECISE_RADIUS_M = {"district": 20_000, "province": 80_000}
TOOLTIP = {
    "html": "<b>{title}</b><br/>{line1}<br/>{line2}<br/>{line3}",
    "style": {"fontSize": "15px", "maxWidth": "360px", "whiteSpace": "normal"},
}
INCIDENT_LAYER_ID = "incidents"
DOT_FIELDS = ("incident_id", "lon", "lat", "radius", "color", "title", "line1", "line2", "line3")
# Above this many events (an imported ACLED or UCDP file) the browser gets grid cells counted here instead
# of one record per event, so the page stays light: a few thousand cells whatever the file's size. A dot
# with its tooltip text is about 330 bytes of JSON (synthetic ACLED), so 8,000 keep the map under 3 MB
# with its boundaries (0.36 MB); at the former 20,000 it was 6.5 MB, sent again on every rerun.
AGGREGATE_ABOVE = 8_000
CELL_DEGREES = 0.25  # about 25 km at these latitudes
CELL_COLOURS = ("#FDE725", "#7AD151", "#22A884", "#2A788E", "#414487", "#440154")  # viridis, light = few
OPAQUE_BASE_IDS = {"context", "countries"}  # hidden when an online basemap draws land underneath
# Streamlit 1.67's bundled deck.gl draws TextLayer glyphs at 1/8 of getSize with the default size
# units (measured in Chromium screenshots), so labels are scaled back to their nominal pixel size.
TEXT_SIZE_SCALE = 8
LABEL_MIN_POPULATION = 150_000  # smaller towns keep their dot but no label, so labels don't pile up
LARGE_LABEL_MIN_POPULATION = 500_000  # the same with labels above LABEL_SIZE (the briefing's wall-screen map)
LABEL_FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"
LABEL_SIZE = 13  # px; the briefing's wall-screen map asks for larger labels


def label_text(name: object) -> str:
    """A label deck.gl can draw: its default glyph atlas is ASCII only (and pydeck reads a character_set
    string as an expression), so "Chaman–Spin Boldak" would break apart across the map. Tooltips keep the
    original spelling."""
    plain = unicodedata.normalize("NFKD", str(name).replace("–", "-").replace("—", "-").replace("’", "'"))
    return plain.encode("ascii", "ignore").decode()


def _geojson(frame: gpd.GeoDataFrame) -> dict:
    return json.loads(frame.to_json(drop_id=True))


def incident_records(events: pd.DataFrame) -> list[dict]:
    """Plain dicts for deck.gl: position, size, colour and tooltip lines."""
    records = []
    for row in events.itertuples(index=False):
        family = family_label(row.event_type)
        exact = row.location_precision == "exact"
        killed = 0 if pd.isna(row.killed) else float(row.killed)
        where = ", ".join(str(v) for v in (row.place, row.district, row.province) if pd.notna(v) and v)
        records.append(
            {
                "incident_id": row.incident_id,
                "lon": float(row.lon),
                "lat": float(row.lat),
                "radius": round(2_500 + 2_500 * math.sqrt(killed))
                if exact
                else IMPRECISE_RADIUS_M[row.location_precision],
                "color": rgba(FAMILY_COLOURS[family], 210 if exact else 50),
                "exact": exact,
                "killed": killed,
                "title": f"{row.date:%d %b %Y} · {EVENT_TYPES.label(row.event_type)}",
                "line1": where + ("" if exact else f" (location: {row.location_precision} level)"),
                "line2": (
                    f"Killed {figure_range(row.killed_low, row.killed_high)}"
                    f" · injured {figure_range(row.injured_low, row.injured_high)}"
                    + (" · figures disputed" if row.disputed else "")
                ),
                "line3": f"{row.perpetrator} · {row.distance_km:.0f} km from the Durand Line",
            }
        )
    return records


def crossing_records(crossings: pd.DataFrame, short_names: bool = False) -> list[dict]:
    """`short_names` labels a crossing by its name before any bracket ("Chaman–Spin Boldak"), for large type."""
    return [
        {
            "lon": float(row.lon),
            "lat": float(row.lat),
            "name": label_text(row.name.split(" (")[0] if short_names else row.name),
            "color": rgba(CROSSING_COLOURS.get(row.status, NO_CROSSING_STATUS.colour)),
            "title": f"{row.name} crossing",
            "line1": (
                f"Status: {row.status}" + (f" since {row.start_date:%d %b %Y}" if pd.notna(row.start_date) else "")
            ),
            "line2": str(row.reason) if pd.notna(row.reason) else "",
            "line3": f"Location {row.coord_precision}",
        }
        for row in crossings.dropna(subset=["lat", "lon"]).itertuples(index=False)
    ]


def base_layers(
    countries, provinces, former_fata, durand_line, towns: pd.DataFrame, label_size: int = LABEL_SIZE
) -> list[pdk.Layer]:
    """Countries, provinces, the former FATA outline, the Durand Line and town labels."""
    focus = countries[countries["role"] == "focus"]
    context = countries[countries["role"] != "focus"]
    return [
        pdk.Layer(
            "GeoJsonLayer",
            _geojson(context),
            id="context",
            get_fill_color=[232, 232, 232, 255],
            get_line_color=[190, 190, 190, 255],
            line_width_min_pixels=1,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _geojson(focus),
            id="countries",
            get_fill_color=[250, 248, 242, 255],
            get_line_color=[120, 120, 120, 255],
            line_width_min_pixels=1,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _geojson(provinces),
            id="provinces",
            filled=False,
            get_line_color=[150, 150, 150, 255],
            line_width_min_pixels=1,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _geojson(former_fata),
            id="former-fata",
            filled=True,
            get_fill_color=[120, 120, 120, 25],
            get_line_color=[110, 110, 110, 180],
            line_width_min_pixels=1,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _geojson(durand_line),
            id="durand-halo",
            get_line_color=[255, 255, 255, 255],
            line_width_min_pixels=7,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _geojson(durand_line),
            id="durand-line",
            get_line_color=[20, 20, 20, 255],
            line_width_min_pixels=3,
            pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            towns.to_dict("records"),
            id="town-dots",
            get_position=["lon", "lat"],
            get_radius=1,
            radius_min_pixels=2,
            get_fill_color=[60, 60, 60, 255],
        ),
        pdk.Layer(
            "TextLayer",
            towns[
                towns["population"]
                >= (LABEL_MIN_POPULATION if label_size <= LABEL_SIZE else LARGE_LABEL_MIN_POPULATION)
            ]
            .assign(name=lambda f: f["name"].map(label_text))
            .to_dict("records"),
            id="town-labels",
            get_position=["lon", "lat"],
            get_text="name",
            get_size=label_size,
            size_scale=TEXT_SIZE_SCALE,
            get_color=[40, 40, 40, 255],
            get_pixel_offset=[0, -label_size],
            font_family=LABEL_FONT,
            font_weight=600,
            get_alignment_baseline="'bottom'",
        ),
    ]


def incident_cells(events: pd.DataFrame, size: float = CELL_DEGREES) -> pd.DataFrame:
    """Events and fatalities per grid cell, with the cell's corners for drawing."""
    west = (events["lon"] // size) * size
    south = (events["lat"] // size) * size
    cells = (
        events.assign(west=west, south=south, killed_sum=events["killed"].fillna(0))
        .groupby(["west", "south"], sort=False)
        .agg(events=("incident_id", "size"), killed=("killed_sum", "sum"))
        .reset_index()
    )
    cells["lon"] = cells["west"] + size / 2
    cells["lat"] = cells["south"] + size / 2
    return cells


def cell_records(cells: pd.DataFrame, size: float = CELL_DEGREES) -> list[dict]:
    """Square polygons coloured by event count in six steps (viridis), with plain tooltip lines."""
    steps = pd.qcut(cells["events"].rank(method="first"), len(CELL_COLOURS), labels=False) if len(cells) > 1 else [0]
    return [
        {
            "polygon": [[w, s], [w + size, s], [w + size, s + size], [w, s + size]],
            "lon": lon,
            "lat": lat,
            "events": int(n),
            "color": rgba(CELL_COLOURS[int(step)], 200),
            "title": f"{int(n):,} events in this {size}° cell",
            "line1": f"{int(killed):,} killed (sum of the figures given)",
            "line2": f"cell centre {lat:.2f}° N, {lon:.2f}° E",
            "line3": "",
        }
        for (w, s, lon, lat, n, killed), step in zip(
            cells[["west", "south", "lon", "lat", "events", "killed"]].itertuples(index=False), steps, strict=True
        )
    ]


def _heatmap(records: list[dict], weight: str) -> pdk.Layer:
    return pdk.Layer(
        "HeatmapLayer",
        records,
        id="incident-heat",
        get_position=["lon", "lat"],
        get_weight=weight,
        radius_pixels=40,
        opacity=0.7,
    )


def aggregated_layers(events: pd.DataFrame, mode: str) -> list[pdk.Layer]:
    records = cell_records(incident_cells(events))
    if mode == "heatmap":
        return [_heatmap(records, "events")]
    return [
        pdk.Layer(
            "PolygonLayer",
            records,
            id="incident-cells",
            get_polygon="polygon",
            get_fill_color="color",
            stroked=False,
            pickable=True,
            auto_highlight=True,
        )
    ]


def incident_positions(events: pd.DataFrame) -> list[dict]:
    """Position and toll only: all the hexagon and heat layers read (they show no tooltip), a seventh of
    the bytes of incident_records."""
    killed = events["killed"].astype(float).fillna(0)
    return [
        {"lon": float(lon), "lat": float(lat), "killed": float(k)}
        for lon, lat, k in zip(events["lon"], events["lat"], killed, strict=True)
    ]


def _drawn(record: dict) -> dict:
    """What a dot and its tooltip read: the browser gets nothing else (every byte is sent on each rerun)."""
    return {key: value for key, value in record.items() if key in DOT_FIELDS}


def incident_layers(events: pd.DataFrame, mode: str = "points") -> list[pdk.Layer]:
    if len(events) > AGGREGATE_ABOVE:
        return aggregated_layers(events, mode)
    if mode == "hexagons":
        return [
            pdk.Layer(
                "HexagonLayer",
                incident_positions(events),
                id="incident-hexagons",
                get_position=["lon", "lat"],
                radius=25_000,
                extruded=False,
                coverage=0.9,
                opacity=0.55,
                pickable=False,
                color_range=[rgba(c)[:3] for c in ("#FEE391", "#FEC44F", "#FE9929", "#EC7014", "#CC4C02", "#8C2D04")],
            )
        ]
    if mode == "heatmap":
        return [_heatmap(incident_positions(events), "killed + 1")]
    records = incident_records(events)
    imprecise = [_drawn(r) for r in records if not r["exact"]]
    exact = [_drawn(r) for r in sorted((r for r in records if r["exact"]), key=lambda r: -r["radius"])]
    return [
        pdk.Layer(
            "ScatterplotLayer",
            imprecise,
            id="incidents-imprecise",
            get_position=["lon", "lat"],
            get_radius="radius",
            get_fill_color="color",
            stroked=False,
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            exact,
            id=INCIDENT_LAYER_ID,
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_min_pixels=4,
            get_fill_color="color",
            stroked=True,
            get_line_color=[255, 255, 255, 230],
            line_width_min_pixels=1,
            pickable=True,
            auto_highlight=True,
        ),
    ]


def crossing_layers(crossings: pd.DataFrame, label_size: int = LABEL_SIZE) -> list[pdk.Layer]:
    records = crossing_records(crossings, short_names=label_size > LABEL_SIZE)
    return [
        pdk.Layer(
            "ScatterplotLayer",
            records,
            id="crossings",
            get_position=["lon", "lat"],
            get_radius=1,
            radius_min_pixels=7,
            get_fill_color="color",
            stroked=True,
            get_line_color=[0, 0, 0, 255],
            line_width_min_pixels=2,
            pickable=True,
        ),
        pdk.Layer(
            "TextLayer",
            records,
            id="crossing-labels",
            get_position=["lon", "lat"],
            get_text="name",
            get_size=label_size,
            size_scale=TEXT_SIZE_SCALE,
            get_color=[0, 0, 0, 255],
            get_pixel_offset=[10, 0],
            get_text_anchor="'start'",
            font_family=LABEL_FONT,
            font_weight=700,
        ),
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
    """The same deck as build_deck, assembled from layers already serialised by layer_json."""
    deck = build_deck([], [], [], view, online_basemap)
    layers = {**base, **incidents, **crossings}
    shown = [text for layer_id, text in layers.items() if not (online_basemap and layer_id in OPAQUE_BASE_IDS)]
    frame = json.dumps(deck, default=default_serialize, separators=(",", ":"), ensure_ascii=False)
    return DeckJson(frame.replace('"layers":[]', f'"layers":[{",".join(shown)}]', 1), TOOLTIP)
