"""What each map legend lists, as label -> symbol image (components.map_symbols), for the layers a mode
draws; and the scale bar for a view. Pure: the page turns these into charts."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from components.crossings import (
    in_force_text,
    in_provinces,
    latest_report,
    none_in_text,
    provinces_text,
    reported_text,
    status_on,
)
from components.incidents import in_one_place
from components.map_layers import (
    AGGREGATE_ABOVE,
    CELL_DEGREES,
    HEAT_INTENSITY,
    HEAT_RAMP,
    count_legend,
    incident_cells,
    incident_hexagons,
    located_to_district,
)
from components.map_symbols import crossing_svg, data_uri, dot_svg, stack_svg, swatch_svg
from components.palette import NEUTRAL
from components.vocabulary import (
    CROSSING_STATUSES,
    NO_CROSSING_STATUS,
    drawn_family_colours,
    family_label,
)

EARTH_KM = 40_075.016686  # equatorial circumference (WGS84), which deck.gl's Web Mercator uses
SCALE_KM = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000)
SCALE_MAX_PX = 150
SMALLEST_DOT = "Smallest dot: 0 killed or no total stated"
CLICK_TO_LIST = "Click a point to list every incident there."  # the Map page's map only: the Overview's is not
NEUTRAL_DOT = NEUTRAL["black"]  # a dot of any type: ink, since grey is the "Other" type's colour


@dataclass(frozen=True)
class Legend:
    title: str
    entries: dict[str, str]  # label -> image data URI
    note: str = ""


def crossing_symbols() -> dict[str, str]:
    """Each crossing status's label and its gate symbol (an image data URI), as the map draws them."""
    return {
        status.label: data_uri(crossing_svg(status.code)) for status in (*CROSSING_STATUSES.items, NO_CROSSING_STATUS)
    }


def crossing_legend(crossings: pd.DataFrame, periods: pd.DataFrame, day, provinces: tuple[str, ...] = ()) -> Legend:
    """The gates, with the status on `day` (the period's end; components.crossings.status_on) of the crossings
    in `provinces` (components.crossings.in_provinces), the note saying which are drawn. A status holds until a
    source reports a change, so the title says it is as last reported, and the note which day it is in force on
    and the latest report it rests on."""
    kept = in_provinces(crossings, provinces)
    if kept.empty and provinces:
        return Legend("Crossing status as last reported", crossing_symbols(), none_in_text(crossings, provinces) + ".")
    reported = reported_text(latest_report(status_on(kept, periods, day)), "latest report")
    drawn = f"The {len(kept)} crossing{'s' * (len(kept) != 1)}{provinces_text(provinces)}. " * bool(provinces)
    return Legend(
        "Crossing status as last reported",
        crossing_symbols(),
        f"{drawn}{in_force_text(day, 'In force')}; {reported}. Square gates; 'Unknown': no recorded status covers "
        "the day.",
    )


def points_legends(events: pd.DataFrame) -> list[Legend]:
    """Incident types shown, and what the dot styles mean. With no incident in the selection there is no type
    to list (it listed every type, "Armed clash" of imports only among them, over an empty map)."""
    drawn = drawn_family_colours(events["event_type"].map(family_label))
    types = {family: data_uri(dot_svg(colour)) for family, colour in drawn.items()}
    styles = {
        "Named place (size: killed)": data_uri(dot_svg(NEUTRAL_DOT, radius=12)),
        # A dot's size is the lowest stated total, so an incident stating none is drawn as small as 0 killed.
        SMALLEST_DOT: data_uri(dot_svg(NEUTRAL_DOT, radius=6)),
        "District known (at its centre)": data_uri(dot_svg(NEUTRAL_DOT, ring=True)),
        "Province, or one of several places": data_uri(dot_svg(NEUTRAL_DOT, ring=True, faint=True)),
        "Several incidents at one point": data_uri(stack_svg(NEUTRAL_DOT)),
    }
    if not types:
        return [Legend("Location", styles, "No incident in the selection.")]
    return [Legend("Incident type", types), Legend("Location", styles, CLICK_TO_LIST)]


def left_out_note(events: pd.DataFrame) -> str:
    """How many events an aggregated mode counts and how many it leaves out: province-level places, and
    incidents placed in several places (incidents.listed_places), whose coordinates are one of them."""
    kept, one = len(located_to_district(events)), len(in_one_place(events))
    province, several = one - kept, len(events) - one
    note = f"{kept:,} incidents counted (located to the district or better, in one place)"
    left = [
        f"{province:,} known only to the province" * bool(province),
        f"{several:,} in several places" * bool(several),
    ]
    said = " and ".join(part for part in left if part)
    return note + (f"; left out: {said}." if said else ".")


def aggregated_legends(events: pd.DataFrame, mode: str) -> list[Legend]:
    """The count bands of hexagons or grid cells, or the heat ramp, with what was counted."""
    kept = located_to_district(events)
    note = left_out_note(events)
    if mode == "heatmap":
        middle = HEAT_RAMP[len(HEAT_RAMP) // 2]
        shades = {"Fewest incidents": HEAT_RAMP[0], "More": middle, "Most incidents": HEAT_RAMP[-1]}
        entries = {label: data_uri(swatch_svg(colour, "square")) for label, colour in shades.items()}
        relative = (
            "Shades are relative to the densest place in view: the darkest marks anywhere with at least "
            f"1/{HEAT_INTENSITY} of its density."
        )
        return [Legend("Incidents per area (relative)", entries, f"{note} {relative}")]
    if mode == "hexagons":
        bins, shape, what = incident_hexagons(kept), "hexagon", "Incidents per hexagon (25 km)"
    else:
        bins, shape, what = incident_cells(kept), "square", f"Incidents per {CELL_DEGREES}° cell"
    entries = {label: data_uri(swatch_svg(colour, shape)) for label, colour in count_legend(bins["events"]).items()}
    return [Legend(what, entries, note)]


def incident_legends(events: pd.DataFrame, mode: str) -> list[Legend]:
    if mode in ("hexagons", "heatmap") or len(events) > AGGREGATE_ABOVE:
        return aggregated_legends(events, mode)
    return points_legends(events)


def scale_bar(lat: float, zoom: float) -> tuple[int, float]:
    """(km, pixels): the longest round distance under SCALE_MAX_PX at this latitude and zoom (Web Mercator)."""
    km_per_px = EARTH_KM * math.cos(math.radians(lat)) / (512 * 2**zoom)
    fitting = [km for km in SCALE_KM if km / km_per_px <= SCALE_MAX_PX] or [SCALE_KM[0]]
    return fitting[-1], fitting[-1] / km_per_px
