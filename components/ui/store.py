"""The only cached layer: tables and imported files are loaded once per process; views are keyed by
filter values and by which events a session shows (the curated incidents, a configured file or an upload).

A filter's result is cached as row positions (4 bytes an event), not as a frame, so memory stays flat as
viewers change filters; map layers, the one large derived object, are cached few and briefly. Every cache
is bounded (max_entries, ttl) and keyed by small values, never by a frame. The map is cached as the
deck.gl JSON the browser receives (see map_deck).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd
import streamlit as st

from components.crossings import in_provinces, status_on
from components.data_age import CURATED_START, Coverage
from components.dataset import Dataset, load_dataset
from components.imports import ImportedEvents, import_events
from components.incidents import IncidentFilter, provinces_in
from components.map_labels import LABEL_PX, MAP_SIZES
from components.map_layers import (
    DeckJson,
    base_layers,
    crossing_layers,
    deck_json,
    incident_layers,
    label_layer,
    layer_json,
)
from components.map_views import MapView, view_state
from components.paths import data_dir
from components.trends import ordered_choices
from components.ui.uploads import session_uploads
from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES, PROVINCES

T = TypeVar("T")
CURATED = "curated"
SOURCE_KEY = "events_source"  # session state: which events this session shows
EVENTS_FILE_ENV = "DLM_EVENTS_FILE"  # an ACLED or UCDP file on this machine, shown instead of the curated incidents


def dataset() -> Dataset:
    """The validated tables of the configured data folder, shared by every session."""
    return _dataset_in(str(data_dir()))


@st.cache_resource(show_spinner="Loading and validating data…")
def _dataset_in(folder: str) -> Dataset:
    data = load_dataset(Path(folder))
    _ = data.events, data.figure_pairs  # computed once here, not on a user's first click
    return data


def events_key() -> str:
    """'curated', 'file:<path>' (configured) or 'upload:<sha256>' (this session's upload)."""
    chosen = st.session_state.get(SOURCE_KEY)
    if chosen and (chosen == CURATED or chosen.startswith("file:") or chosen in session_uploads()):
        return chosen
    path = os.environ.get(EVENTS_FILE_ENV)
    return f"file:{path}" if path else CURATED


def active_import() -> ImportedEvents | None:
    """The imported file this session shows, or None for the curated incidents."""
    return _import_for(events_key())


def _import_for(key: str) -> ImportedEvents | None:
    if key.startswith("file:"):
        return _imported_file(key.removeprefix("file:"))
    if key.startswith("upload:"):
        upload = session_uploads().get(key)
        return upload.imported if upload else None
    return None


def accounts_of(incident_id: str) -> pd.DataFrame:
    """Every account of one incident: the curated rows, or the single row of an imported file."""
    imported = active_import()
    if imported is not None:
        return imported.accounts(incident_id)
    incidents = dataset()["incidents"]
    return incidents[incidents["incident_id"] == incident_id]


@st.cache_resource(show_spinner="Importing events file…")
def _imported_file(path: str) -> ImportedEvents:
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as err:
        data, name = b"", f"{file.name} (cannot read it: {err.strerror})"
    else:
        name = file.name
    return import_events(data, name, dataset().geo["durand_line"])


def show_events_from(key: str) -> None:
    st.session_state[SOURCE_KEY] = key


@dataclass(frozen=True)
class FilterOptions:
    first_day: dt.date
    last_day: dt.date
    provinces: list[str]
    actors: list[str]
    types: list[str]


def filter_options() -> FilterOptions:
    return _filter_options_for(str(data_dir()), events_key())


@st.cache_resource(show_spinner=False, max_entries=16)
def _filter_options_for(folder: str, key: str) -> FilterOptions:
    events = _events_for(folder, key)
    if events.empty:
        today = dt.date.today()
        return FilterOptions(today, today, [], [], [])
    return FilterOptions(
        events["date"].min().date(),
        events["date"].max().date(),
        ordered_choices(provinces_in(events), PROVINCES),
        ordered_choices(events["actor_group"].dropna().unique(), ACTOR_GROUPS),
        ordered_choices(events["event_type"].dropna().unique(), EVENT_TYPES),
    )


def events_coverage() -> Coverage:
    """The period the shown events cover: an imported file's first to last event; the curated incidents
    from CURATED_START to the day the curator declares they are kept up to (datapackage.json incidents_to),
    else "data as of", else their last incident."""
    options = filter_options()
    if active_import() is not None:
        return Coverage(options.first_day, options.last_day)
    data = dataset()
    last = min(filter(None, (data.incidents_to, data.data_as_of)), default=options.last_day)
    return Coverage(min(CURATED_START, options.first_day), last)


def _events_for(folder: str, key: str) -> pd.DataFrame:
    imported = _import_for(key)
    return imported.events if imported is not None else _dataset_in(folder).events


def filtered_events(selection: IncidentFilter) -> pd.DataFrame:
    """Events matching the sidebar filters."""
    return _selected(selection, str(data_dir()), events_key())


def _selected(selection: IncidentFilter, folder: str, key: str) -> pd.DataFrame:
    return _events_for(folder, key).iloc[_positions_in(selection, folder, key)]


def events_again(
    selection: IncidentFilter, shape: Callable[[pd.DataFrame], pd.DataFrame] | None = None
) -> Callable[[], pd.DataFrame]:
    """The filtered events (through `shape`, a module-level function), selected again when called: for a
    download made on click.

    It holds the shown events' shared frame and the filter, never a selection of its own. Streamlit keeps a
    closed session about two minutes with its download callables: one holding the selection kept each ended
    session's events alive (about 43 MB a session on a 100k import, bench/bench_memory.py).
    """
    return partial(_rows_again, _events_for(str(data_dir()), events_key()), selection, shape)


def _rows_again(events: pd.DataFrame, selection: IncidentFilter, shape) -> pd.DataFrame:
    rows = events[selection.mask(events).to_numpy()]
    return shape(rows) if shape else rows


@st.cache_resource(max_entries=64, ttl=3600, show_spinner=False)
def _positions_in(selection: IncidentFilter, folder: str, key: str) -> np.ndarray:
    """Row positions of the events a filter keeps: 4 bytes an event, so many filters fit in little memory
    (a cached copy of each filtered frame cost 27 MB a filter on a 100k import and was never returned)."""
    return np.flatnonzero(selection.mask(_events_for(folder, key)).to_numpy()).astype(np.int32)


def derived(name: str, args: tuple, build: Callable[[], T]) -> T:
    """build(), computed once per data folder, events shown and `args`, then shared by every rerun and session.

    `name` and `args` (small values: filter, choices, years) must name everything `build` reads besides the
    dataset and the events shown. Pages ask for the same few views again and again (the trends page
    called periods() 93 times a rerun), and a chart's Vega-Lite spec costs 0.1-0.3 s to make. The result
    is shared: never modify it.
    """
    return _derived(name, args, str(data_dir()), events_key(), build)


@st.cache_resource(max_entries=128, ttl=3600, show_spinner=False)
def _derived(name: str, args: tuple, folder: str, key: str, _build: Callable[[], T]) -> T:
    return _build()


def drawn_once(name: str, args: tuple, draw: Callable[[], None]) -> None:
    """draw()'s elements, made once per data folder, events shown and `args`, then replayed as made.

    Streamlit replays the elements a cached function drew without calling it again. A table with a pandas
    Styler is styled cell by cell every time it is drawn (the PICSS coverage matrices: 0.08-0.15 s a rerun);
    replayed, it costs nothing. `draw` may hold no widget, and `name` and `args` must name everything it
    reads besides the dataset and the events shown (as for `derived`, whose cache replays them).
    """
    derived(name, args, draw)


def map_deck(
    selection: IncidentFilter,
    mode: str,
    crossings_on: dt.date,
    view: MapView,
    online_basemap: bool = False,
    labels: tuple[int, tuple[tuple[int, int], ...]] = (LABEL_PX, MAP_SIZES),
) -> DeckJson:
    """The map as deck.gl JSON, built and serialised once per filter, mode, crossing day, view and labels
    (size in px, for maps of each (width, height) px: components.map_layers.label_layer): a
    rerun that changes none of them (a click, another widget) sends the same text with no Python work."""
    return _deck_for(selection, mode, crossings_on, view, online_basemap, labels, str(data_dir()), events_key())


@st.cache_resource(max_entries=16, ttl=600, show_spinner=False)
def _deck_for(
    selection: IncidentFilter,
    mode: str,
    crossings_on: dt.date,
    view: MapView,
    online_basemap: bool,
    labels: tuple[int, tuple[tuple[int, int], ...]],
    folder: str,
    key: str,
) -> DeckJson:
    data = _dataset_in(folder)
    kept = in_provinces(data["crossings"], selection.provinces)  # the gates follow the province filter
    status = status_on(kept, data["crossing_status"], crossings_on)
    crossings = layer_json([*crossing_layers(status), label_layer(kept, data["towns"], view, *labels)])
    incidents = _incident_layers_for(selection, mode, folder, key)
    return deck_json(_base_layers_in(folder), incidents, crossings, view_state(view), online_basemap)


# Below the aggregation threshold a layer carries every point with its tooltip text (at most about 2.6 MB).
@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def _incident_layers_for(selection: IncidentFilter, mode: str, folder: str, key: str) -> dict[str, str]:
    return layer_json(incident_layers(_selected(selection, folder, key), mode))


@st.cache_resource(show_spinner=False, max_entries=4)
def _base_layers_in(folder: str) -> dict[str, str]:
    """Boundary and town layers as deck.gl JSON, once per data folder."""
    data = _dataset_in(folder)
    geo = data.geo
    return layer_json(
        base_layers(geo["countries"], geo["provinces"], geo["former_fata"], geo["durand_line"], data["towns"])
    )
