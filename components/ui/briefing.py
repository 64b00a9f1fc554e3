"""Briefing mode: one panel at a time, large type, advancing by button or on a timer."""

from __future__ import annotations

import streamlit as st

from components.vocabulary import BRIEFING_PANELS

PANELS = BRIEFING_PANELS.labels  # code: title
# Static styling only (no data in it): hide the sidebar and toolbar, enlarge type for a meeting room.
BRIEFING_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
.block-container {padding-top: 1.5rem; max-width: 100%;}
.stApp p, .stApp li {font-size: 1.6rem; line-height: 1.4;}
.stApp h1 {font-size: 3rem;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {font-size: 4rem !important; font-weight: 700;}
[data-testid="stMetricLabel"] p {font-size: 1.4rem !important;}
[data-testid="stMetricDelta"] * {font-size: 1.5rem !important;}
[data-testid="stSelectbox"] [data-baseweb="select"] * {font-size: 1.4rem !important;}
</style>
"""


def step(offset: int) -> None:
    """Move the current panel forward or back, wrapping round."""
    names = list(PANELS)
    current = st.session_state.get("panel") or names[0]
    st.session_state["panel"] = names[(names.index(current) + offset) % len(names)]
