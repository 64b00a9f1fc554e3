"""The shared sidebar filters, each kept in the URL (components/ui/url_state.py), so a copied link reproduces
the view; the parameters are declared in components/url_codec.py and listed in the README.

The selection is computed once a run (app.py) and every page reads it through `current_filter()`."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.incidents import IncidentFilter
from components.ui.store import FilterOptions, events_key
from components.ui.url_state import linked
from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES

DEFAULT_START = dt.date(2024, 1, 1)
SELECTION_KEY = "_incident_filter"  # session state: this run's selection, read by current_filter()
PERIOD_OF = "_period_of"  # session state: the events (store.events_key) the period was opened on


def _follow_events(opening: dt.date, last_day: dt.date) -> None:
    """Open the period on the span of the events shown when the session switches to other events.

    Set through session state, the one way to move a date box already drawn: Streamlit knows a keyed date
    box by its key alone and the browser keeps the box's own value, so new defaults never reach it (after
    an upload of 2018-2025 the box kept 2024-01-01 to 2026-04-08 while the page counted another window).
    A link's dates, read after this, still win."""
    shown = events_key()
    if st.session_state.get(PERIOD_OF, shown) != shown:
        st.session_state["from"], st.session_state["to"] = opening, last_day
    st.session_state[PERIOD_OF] = shown


def sidebar_filters(
    options: FilterOptions, data_as_of: dt.date | None = None, default_start: dt.date = DEFAULT_START
) -> IncidentFilter:
    """Draw the filters in the sidebar and return the selection.

    The period runs to "data as of" when that is later than the last incident, so diplomacy and
    crossing periods recorded after the last incident still show on the default view. It opens on
    `default_start`: the curated data's 2024, an imported file's first day (an ACLED export of 2018-20
    would otherwise open on an empty window).
    """
    last_day = max(options.last_day, data_as_of) if data_as_of else options.last_day
    first_day = min(options.first_day, default_start)
    opening = max(min(default_start, last_day), first_day)
    _follow_events(opening, last_day)
    with st.sidebar:
        st.header("Filters")
        start = linked(
            st.date_input,
            "From",
            value=opening,
            link_default=opening,
            min_value=first_day,
            max_value=last_day,
            key="from",
            format="YYYY-MM-DD",
        )
        end = linked(
            st.date_input,
            "To",
            value=last_day,
            link_default=last_day,
            min_value=first_day,
            max_value=last_day,
            key="to",
            format="YYYY-MM-DD",
        )
        # Streamlit 1.67's date box applies a typed date when it loses focus or on Esc, not on Enter
        # (its key handler takes Alt+Down and Tab only; measured in Chromium): say so where it is typed.
        st.caption("A typed date applies when you click outside the box or press Esc.")
        provinces = linked(
            st.multiselect,
            "Province",
            options.provinces,
            key="province",
            placeholder="All provinces",
        )
        actors = linked(
            st.multiselect,
            "Actor group",
            options.actors,
            format_func=ACTOR_GROUPS.label,
            key="actor",
            placeholder="All actors",
        )
        types = linked(
            st.multiselect,
            "Type",
            options.types,
            format_func=EVENT_TYPES.label,
            key="type",
            placeholder="All types",
        )
    if start > end:
        st.sidebar.warning("'From' is after 'To': showing the single day 'From'.")
        end = start
    selection = IncidentFilter(start, end, tuple(provinces), tuple(actors), tuple(types))
    st.session_state[SELECTION_KEY] = selection
    return selection


def current_filter() -> IncidentFilter:
    """The selection made in the sidebar by app.py for this run."""
    return st.session_state[SELECTION_KEY]
