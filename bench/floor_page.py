"""The empty page plus what a dashboard page draws, chosen by ?show=: one table, one Vega-Lite chart, one
deck.gl map, all three, or all three among 40 text elements (a dashboard page holds 24-51 elements). What
a page pays for drawing these, whatever it shows. The data are generated here, for the benchmark only."""

import altair as alt
import numpy as np
import pandas as pd
import pydeck as pdk
import streamlit as st

SHOWN = st.query_params.get("show", "none")
TEXTS = 40
rows = np.random.default_rng(7)
frame = pd.DataFrame(
    {
        "month": pd.date_range("2024-01-01", periods=24, freq="MS"),
        "events": rows.integers(10, 90, 24),
        "lat": rows.uniform(25, 36, 24),
        "lon": rows.uniform(62, 75, 24),
    }
)

chosen = st.multiselect("Province", ["Balochistan", "Khyber Pakhtunkhwa", "Sindh"], placeholder="All provinces")
st.markdown(f"Selected: {', '.join(chosen) or 'all provinces'}")
if SHOWN in ("table", "all", "busy"):
    st.dataframe(frame, hide_index=True)
if SHOWN in ("chart", "all", "busy"):
    st.altair_chart(alt.Chart(frame).mark_line().encode(x="month:T", y="events:Q"))
if SHOWN in ("map", "all", "busy"):
    dots = pdk.Layer("ScatterplotLayer", frame, get_position=["lon", "lat"], get_radius=8000, get_fill_color=[0, 90, 9])
    view = pdk.ViewState(latitude=30, longitude=69, zoom=4.5)
    st.pydeck_chart(pdk.Deck(layers=[dots], initial_view_state=view, map_provider=None))
if SHOWN == "busy":
    for number in range(TEXTS):
        (st.caption if number % 2 else st.markdown)(f"Paragraph {number}: **{number * 7}** events in the month.")
