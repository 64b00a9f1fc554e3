"""Map of the Durand Line region: incidents, crossings and distance to the line."""

import streamlit as st

from components.charts import border_share_chart
from components.geo import border_shares
from components.map_layers import AGGREGATE_ABOVE, CELL_DEGREES
from components.textsafe import escape_markdown
from components.ui.filters import current_filter
from components.ui.map_details import map_and_details
from components.ui.map_view import map_view_controls
from components.ui.store import dataset, derived, events_again, filtered_events
from components.ui.url_state import linked
from components.ui.widgets import (
    chart_spec,
    coverage_caption,
    events_csv_name,
    missing_layers_note,
    rejected_rows_notice,
    show_chart,
    table_with_download,
)
from components.vocabulary import BORDER_SHARES, MAP_MODES

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
missing_layers_note(data)
if aggregated:
    st.info(
        f"{len(events):,} events are drawn as {CELL_DEGREES}° grid cells coloured by how many events each "
        f"holds (light: few, dark: many); narrow the filters to {AGGREGATE_ABOVE:,} events or fewer to see "
        "single events."
    )


map_and_details(selection, mode, view, online)

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
INCIDENT_COLUMNS = (
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
)
table_with_download(
    events[list(INCIDENT_COLUMNS)],
    events_csv_name("incidents_shown"),
    rows=events_again(selection, INCIDENT_COLUMNS),
    column_config={"source_url": st.column_config.LinkColumn("source")},
)
