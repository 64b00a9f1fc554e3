"""Map of the Durand Line region: incidents, crossings and distance to the line."""

import streamlit as st

from components.charts import border_share_chart, legend_chart
from components.geo import border_shares
from components.incidents import incident_labels
from components.map_layers import AGGREGATE_ABOVE, CELL_DEGREES, INCIDENT_LAYER_ID
from components.textsafe import escape_markdown
from components.ui.filters import current_filter
from components.ui.incident_detail import incident_detail
from components.ui.map_view import map_view_controls
from components.ui.store import accounts_of, dataset, derived, filtered_events, map_deck
from components.ui.url_state import linked, select_on_click
from components.ui.widgets import (
    ChartSpec,
    chart_spec,
    coverage_caption,
    events_csv_name,
    missing_layers_note,
    rejected_rows_notice,
    show_chart,
    table_with_download,
)
from components.vocabulary import BORDER_SHARES, CROSSING_LEGEND, FAMILY_COLOURS, MAP_MODES, family_label

PICKER_LIMIT = 2_000

data = dataset()
selection = current_filter()
events = filtered_events(selection)

st.title("Map of the Durand Line region")
st.markdown(escape_markdown(selection.sentence(len(events))))
coverage_caption(data)
st.caption(
    "Every event, count and chart on this page follows the sidebar filters (period, province, actor group, type)."
)
rejected_rows_notice(data)

mode = linked(
    st.segmented_control,
    "Show incidents as",
    MAP_MODES.codes,
    default=MAP_MODES.codes[0],
    key="mode",
    format_func=MAP_MODES.label,
    required=True,
)
online = linked(st.toggle, "Online basemap (needs internet; off by default, the map works offline)", key="basemap")
view = map_view_controls()
aggregated = len(events) > AGGREGATE_ABOVE
deck = map_deck(selection, mode, selection.end, view, online)
missing_layers_note(data)
if aggregated:
    st.info(
        f"{len(events):,} events are drawn as {CELL_DEGREES}° grid cells coloured by how many events each "
        f"holds (light: few, dark: many); narrow the filters to {AGGREGATE_ABOVE:,} events or fewer to see "
        "single events."
    )


def legends(families: tuple[str, ...], crossings_on) -> tuple[ChartSpec, ChartSpec]:
    """The incident-type legend (the families shown) and the crossing-status legend (on `crossings_on`)."""
    shown = {family: colour for family, colour in FAMILY_COLOURS.items() if family in families} or FAMILY_COLOURS
    return (
        chart_spec(legend_chart(shown, "Incident type")),
        chart_spec(legend_chart(CROSSING_LEGEND, f"Crossing on {crossings_on:%d %b %Y}")),
    )


@st.fragment
def map_and_details() -> None:
    """The map, its legend and the incident details: a click on a dot reruns only this part of the page."""
    picked = st.pydeck_chart(
        deck,
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


map_and_details()

st.header("Distance to the Durand Line")
st.caption(
    "Measured in UTM zone 42N from each incident's coordinates to the boundary line; bands are "
    "cumulative (≤ 25 km includes ≤ 10 km). Imprecise locations carry their district or province error."
)
shares = derived("border-shares", (selection,), lambda: border_shares(events))
if shares.empty:
    st.info("No incidents in the current selection.")
else:
    measure = linked(
        st.radio,
        "Share of",
        BORDER_SHARES.codes,
        horizontal=True,
        key="share_of",
        format_func=BORDER_SHARES.label,
    )
    show_chart(
        derived("border-share-chart", (selection, measure), lambda: chart_spec(border_share_chart(shares, measure)))
    )
    table_with_download(shares, events_csv_name("border_shares"))
    cross = events[events["cross_border"]]
    st.markdown(
        f"**{len(cross)} cross-border events** in the selection (strikes across the line, border "
        "clashes and cross-border fire)."
    )

st.header("Incidents shown")
table_with_download(
    events[
        [
            "date",
            "place",
            "district",
            "province",
            "country",
            "event_type",
            "perpetrator",
            "actor_group",
            "killed_low",
            "killed_high",
            "injured_low",
            "injured_high",
            "distance_km",
            "cross_border",
            "location_precision",
            "source_name",
            "source_url",
        ]
    ],
    events_csv_name("incidents_shown"),
    column_config={"source_url": st.column_config.LinkColumn("source")},
)
