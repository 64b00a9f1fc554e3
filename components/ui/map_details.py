"""The map page's map, legends and incident details, redrawn alone when a dot is clicked.

A fragment is kept with its session (and ~2 minutes after its tab closes), together with its arguments and
the module it was defined in. Defined in a page script, it kept that page's globals, the filtered events
among them, alive for every ended session (bench/bench_memory.py): so it lives here and takes small values.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.charts import legend_chart
from components.incidents import IncidentFilter, incident_labels
from components.map_layers import INCIDENT_LAYER_ID
from components.map_views import MapView
from components.ui.incident_detail import incident_detail
from components.ui.store import accounts_of, derived, filtered_events, map_deck
from components.ui.url_state import linked, select_on_click
from components.ui.widgets import ChartSpec, chart_spec, show_chart
from components.vocabulary import CROSSING_LEGEND, FAMILY_COLOURS, family_label

PICKER_LIMIT = 2_000


def legends(families: tuple[str, ...], crossings_on: dt.date) -> tuple[ChartSpec, ChartSpec]:
    """The incident-type legend (the families shown) and the crossing-status legend (on `crossings_on`)."""
    shown = {family: colour for family, colour in FAMILY_COLOURS.items() if family in families} or FAMILY_COLOURS
    return (
        chart_spec(legend_chart(shown, "Incident type")),
        chart_spec(legend_chart(CROSSING_LEGEND, f"Crossing on {crossings_on:%d %b %Y}")),
    )


@st.fragment
def map_and_details(selection: IncidentFilter, mode: str, view: MapView, online: bool) -> None:
    """The map, its legend and the incident details: a click on a dot reruns only this part of the page."""
    events = filtered_events(selection)
    picked = st.pydeck_chart(
        map_deck(selection, mode, selection.end, view, online),
        height=640,
        on_select="rerun",
        selection_mode="single-object",
        key="deck",
        alt="Map of incidents, crossings and the Durand Line",
    )
    types_legend, crossings_legend, notes = st.columns([1.3, 1, 1.5])
    families = tuple(sorted({family_label(kind) for kind in events["event_type"].unique()}))
    types, crossings = derived("map-legends", (families, selection.end), lambda: legends(families, selection.end))
    show_chart(types, width="content", container=types_legend)
    show_chart(crossings, width="content", container=crossings_legend)
    notes.caption(
        "Dot size: killed (lowest stated figure). Faint large circles: location known only to district or "
        "province. Black line: the Durand Line. Shaded: former FATA. Click a dot for its details."
    )

    picks = (
        (picked.selection.objects.get(INCIDENT_LAYER_ID) or picked.selection.objects.get("incidents-imprecise") or [])
        if picked
        else []
    )
    select_on_click("incident", picks[0]["incident_id"] if picks else None)

    labels = derived("incident-labels", (selection,), lambda: incident_labels(events.head(PICKER_LIMIT)))
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
        event = events[events["incident_id"] == chosen].iloc[0]
        with st.container(border=True):
            incident_detail(event, accounts_of(chosen))
