"""The only cached layer: the dataset is loaded once per process; filtered views are keyed by filter values."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.dataset import Dataset, load_dataset
from components.incidents import IncidentFilter
from components.map_layers import base_layers
from components.paths import DATA_DIR


@st.cache_resource(show_spinner="Loading and validating data…")
def dataset() -> Dataset:
    data = load_dataset(DATA_DIR)
    _ = data.events  # computed once here, not on a user's first click
    return data


@st.cache_data(max_entries=64, show_spinner=False)
def filtered_events(selection: IncidentFilter) -> pd.DataFrame:
    return selection.apply(dataset().events)


@st.cache_resource(show_spinner=False)
def base_map_layers() -> list:
    """Boundary and town layers converted to deck.gl JSON once per process."""
    data = dataset()
    geo = data.geo
    return base_layers(geo["countries"], geo["provinces"], geo["former_fata"], geo["durand_line"], data["towns"])
