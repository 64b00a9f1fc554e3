"""The map page's map with the selected incident's details beside it, redrawn alone when a dot is clicked.

A fragment is kept with its session (and ~2 minutes after its tab closes), together with its arguments and
the module it was defined in. Defined in a page script, it kept that page's globals, the filtered events
among them, alive for every ended session (bench/bench_memory.py): so it lives here and takes small values.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.dates import format_day
from components.incidents import IncidentFilter, incident_labels
from components.map_layers import PICKABLE_INCIDENT_LAYERS, point_key
from components.map_views import MapView
from components.ui.incident_detail import incident_detail
from components.ui.store import accounts_of, derived, filtered_events, map_deck
from components.ui.url_state import linked, select_on_click
from components.vocabulary import EVENT_TYPES

PICKER_LIMIT = 2_000
MAP_HEIGHT = 560
AT_POINT_KEY = "at-point"
# Static styling (no data in it): the map's box and deck.gl's tooltip holder clip their content, so a tooltip
# near the map's edge was cut; let it spill over the page, above the columns beside and below the map. The
# tooltip's z-index counts only inside deck.gl's own layer (z-index 0), so the map's element is raised too:
# without it the incident picker beside the map covered a crossing's "last reported" date.
TOOLTIP_UNCLIPPED_CSS = """<style>
[data-testid="stDeckGlJsonChart"] > div:has(canvas),
[data-testid="stDeckGlJsonChart"] .deck-widgets-root > div {overflow: visible !important;}
[data-testid="stDeckGlJsonChart"] .deck-tooltip {z-index: 100 !important;}
[data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]) {z-index: 1;}
</style>"""


def _choose_at_point() -> None:
    st.session_state["incident"] = st.session_state[AT_POINT_KEY]


def at_point(events: pd.DataFrame, chosen: str) -> None:
    """Every incident drawn at the chosen incident's point, to pick from: five can share one town's centre."""
    event = events[events["incident_id"] == chosen].iloc[0]
    here = events[
        (events["lat"].round(5) == round(event["lat"], 5)) & (events["lon"].round(5) == round(event["lon"], 5))
    ]
    if len(here) < 2:
        return
    names = {
        row.incident_id: f"{format_day(row.date)} · {EVENT_TYPES.label(row.event_type)}"
        for row in here.itertuples(index=False)
    }
    st.session_state[AT_POINT_KEY] = chosen
    st.radio(
        f"{len(here)} incidents at this point ({point_key(event['lat'], event['lon'])}); choose one",
        list(names),
        format_func=names.get,
        key=AT_POINT_KEY,
        on_change=_choose_at_point,
    )


@st.fragment
def map_and_details(selection: IncidentFilter, mode: str, view: MapView, online: bool, aggregated: bool) -> None:
    """The map with the selected incident's details beside it: a click reruns only this part of the page."""
    events = filtered_events(selection)
    st.html(TOOLTIP_UNCLIPPED_CSS)
    map_box, side = st.columns([3, 2], gap="medium")
    picked = map_box.pydeck_chart(
        map_deck(selection, mode, selection.end, view, online),
        height=MAP_HEIGHT,
        on_select="rerun",
        selection_mode="single-object",
        key="deck",
        alt="Map of incidents, crossings and the Durand Line",
    )
    picks = [pick for layer in PICKABLE_INCIDENT_LAYERS for pick in (picked.selection.objects.get(layer) or [])]
    select_on_click("incident", picks[0]["incident_id"] if picks else None)

    labels = derived("incident-labels", (selection,), lambda: incident_labels(events.head(PICKER_LIMIT)))
    with side:
        chosen = linked(
            st.selectbox,
            "Incident details (or click a dot on the map)"
            + (f"; the {PICKER_LIMIT:,} latest are listed" if len(events) > PICKER_LIMIT else ""),
            list(labels),
            index=None,
            format_func=labels.get,
            key="incident",
            placeholder="Choose an incident",
        )
        if chosen:
            at_point(events, chosen)
            event = events[events["incident_id"] == chosen].iloc[0]
            incident_detail(event, accounts_of(chosen))
        elif aggregated:
            st.caption("Counts are drawn: switch to Points to click single incidents, or choose one above.")
        else:
            st.caption("Click a dot on the map, or choose an incident above. A ringed dot holds several incidents.")
