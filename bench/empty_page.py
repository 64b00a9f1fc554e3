"""The baseline for bench_scale: an almost empty Streamlit page with the same kind of filter widget."""

import streamlit as st

chosen = st.multiselect("Province", ["Balochistan", "Khyber Pakhtunkhwa", "Sindh"], placeholder="All provinces")
st.markdown(f"Selected: {', '.join(chosen) or 'all provinces'}")
