"""The only cached layer: the dataset is loaded once per process; filtered views are keyed by filter values."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from components.dataset import Dataset, load_dataset
from components.incidents import IncidentFilter
from components.map_layers import base_layers
from components.paths import data_dir


def dataset() -> Dataset:
    """The validated tables of the configured data folder, shared by every session."""
    return _dataset_in(str(data_dir()))


@st.cache_resource(show_spinner="Loading and validating data…")
def _dataset_in(folder: str) -> Dataset:
    data = load_dataset(Path(folder))
    _ = data.events, data.figures  # computed once here, not on a user's first click
    return data


def filtered_events(selection: IncidentFilter) -> pd.DataFrame:
    """Events matching the sidebar filters."""
    return _filtered_in(selection, str(data_dir()))


@st.cache_data(max_entries=64, show_spinner=False)
def _filtered_in(selection: IncidentFilter, folder: str) -> pd.DataFrame:
    """Keyed by the small filter values and the folder name, never by a frame."""
    return selection.apply(_dataset_in(folder).events)


@st.cache_resource(show_spinner=False)
def base_map_layers() -> list:
    """Boundary and town layers converted to deck.gl JSON once per process."""
    data = dataset()
    geo = data.geo
    return base_layers(geo["countries"], geo["provinces"], geo["former_fata"], geo["durand_line"], data["towns"])
