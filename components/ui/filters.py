"""The shared sidebar filters. Each widget is bound to a URL query parameter, so a copied link
reproduces the view; the parameter names are documented in the README."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.incidents import EVENT_TYPE_LABELS, IncidentFilter

DEFAULT_START = dt.date(2024, 1, 1)


def sidebar_filters(events, data_as_of: dt.date | None = None) -> IncidentFilter:
    """Draw the filters in the sidebar and return the selection.

    The period runs to "data as of" when that is later than the last incident, so diplomacy and
    crossing periods recorded after the last incident still show on the default view.
    """
    ends = [day for day in (None if events.empty else events["date"].max().date(), data_as_of) if day]
    last_day = max(ends, default=dt.date.today())
    first_day = min(events["date"].min().date(), DEFAULT_START) if not events.empty else DEFAULT_START
    with st.sidebar:
        st.header("Filters")
        start = st.date_input(
            "From",
            value=DEFAULT_START,
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
            sorted(events["province"].dropna().unique()),
            key="province",
            bind="query-params",
            placeholder="All provinces",
        )
        actors = st.multiselect(
            "Perpetrator / actor",
            _by_frequency(events["perpetrator"]),
            key="actor",
            bind="query-params",
            placeholder="All actors",
        )
        types = st.multiselect(
            "Type",
            list(EVENT_TYPE_LABELS),
            format_func=EVENT_TYPE_LABELS.get,
            key="type",
            bind="query-params",
            placeholder="All types",
        )
    if start > end:
        st.sidebar.warning("'From' is after 'To': showing the single day 'From'.")
        end = start
    return IncidentFilter(start, end, tuple(provinces), tuple(actors), tuple(types))


def _by_frequency(values) -> list[str]:
    return values.dropna().value_counts().index.tolist()


def current_filter() -> IncidentFilter:
    """The selection made in the sidebar by app.py for this run."""
    return st.session_state["incident_filter"]
