"""The shared sidebar filters. Each widget is bound to a URL query parameter, so a copied link
reproduces the view; the parameter names are documented in the README."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.incidents import IncidentFilter
from components.ui.store import FilterOptions
from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES

DEFAULT_START = dt.date(2024, 1, 1)


PERIOD_KEYS = ("from", "to")


def forget_period() -> None:
    """Let the period start again from its defaults: called when the session switches to other events."""
    for key in PERIOD_KEYS:
        st.session_state.pop(key, None)


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
    with st.sidebar:
        st.header("Filters")
        start = st.date_input(
            "From",
            value=max(min(default_start, last_day), first_day),
            min_value=first_day,
            max_value=last_day,
            key="from",
            bind="query-params",
            format="YYYY-MM-DD",
        )
        end = st.date_input(
            "To",
            value=last_day,
            min_value=first_day,
            max_value=last_day,
            key="to",
            bind="query-params",
            format="YYYY-MM-DD",
        )
        provinces = st.multiselect(
            "Province",
            options.provinces,
            key="province",
            bind="query-params",
            placeholder="All provinces",
        )
        actors = st.multiselect(
            "Actor group",
            options.actors,
            format_func=ACTOR_GROUPS.label,
            key="actor",
            bind="query-params",
            placeholder="All actors",
        )
        types = st.multiselect(
            "Type",
            options.types,
            format_func=EVENT_TYPES.label,
            key="type",
            bind="query-params",
            placeholder="All types",
        )
    if start > end:
        st.sidebar.warning("'From' is after 'To': showing the single day 'From'.")
        end = start
    return IncidentFilter(start, end, tuple(provinces), tuple(actors), tuple(types))


def current_filter() -> IncidentFilter:
    """The selection made in the sidebar by app.py for this run."""
    return st.session_state["incident_filter"]
