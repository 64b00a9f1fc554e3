"""Overview: headline figures, the trend, a small map and the latest developments."""

import streamlit as st

from components.event_words import events_noun
from components.ui.filters import current_filter
from components.ui.panels import briefing_download, kpi_panel, latest_panel, map_key_panel, map_panel, trend_panel
from components.ui.store import active_import, dataset, filtered_events
from components.ui.widgets import (
    coverage_caption,
    missing_layers_note,
    rejected_rows_notice,
)

data = dataset()
selection = current_filter()
events = filtered_events(selection)

st.title("Overview")
coverage_caption(data, selection=selection)
rejected_rows_notice(data)
kpi_panel(data)
left, right = st.columns([3, 2])
with left:
    st.subheader("Headline trend")
    trend_panel(data)
with right:
    st.subheader(f"{events_noun(active_import() is not None).capitalize()} in the selection")
    map_panel(events)
    missing_layers_note(data)
map_key_panel(data, events)  # below both columns: three legends side by side read at 1280 px
st.subheader("Latest developments")
latest_panel(data, events)
briefing_download(data, events)
