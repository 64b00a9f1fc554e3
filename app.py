"""Durand Line Monitor: router and frame (page config, shared filters, navigation)."""

import streamlit as st

from components.ui.filters import sidebar_filters
from components.ui.store import dataset

st.set_page_config(page_title="Durand Line Monitor", page_icon=":material/radar:", layout="wide")

PAGES = {
    "Monitor": [
        st.Page("pages/overview/home.py", title="Overview", icon=":material/home:", url_path="overview", default=True),
        st.Page("pages/map/map.py", title="Map", icon=":material/map:", url_path="map"),
        st.Page("pages/trends/trends.py", title="Trends", icon=":material/trending_up:", url_path="trends"),
        st.Page(
            "pages/diplomacy/timeline.py", title="Diplomacy timeline", icon=":material/handshake:", url_path="diplomacy"
        ),
    ],
    "Present & check": [
        st.Page(
            "pages/briefing/briefing.py", title="Briefing mode", icon=":material/present_to_all:", url_path="briefing"
        ),
        st.Page("pages/data/sources.py", title="Data & sources", icon=":material/table_view:", url_path="data"),
    ],
}

page = st.navigation(PAGES)
data = dataset()
# Briefing mode hides the sidebar but keeps the filters, so a briefing link can carry them.
st.session_state["incident_filter"] = sidebar_filters(data.events)
page.run()
