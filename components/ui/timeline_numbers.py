"""The timeline's panels as tables, each with a CSV named for the selection: the chart's only download held the
diplomatic events alone, one source each, as 'diplomacy_shown.csv' whatever the period or filters."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.diplomacy import diplomacy_subject, shown_table
from components.incidents import IncidentFilter
from components.ui.timeline import VIOLENCE_LABEL, crossings_table, deaths_table, incidents_by_month
from components.ui.widgets import day_columns, events_csv_name, table_with_download

LINK = {"Link": st.column_config.LinkColumn()}


def numbers_tabs(
    data,
    shown: pd.DataFrame,
    events: pd.DataFrame,
    selection: IncidentFilter,
    tracks: tuple[str, ...],
    mediators: tuple[str, ...],
) -> None:
    """One tab per panel of the chart: diplomatic events (every source), monthly deaths, incidents, crossings."""
    talks, deaths, incidents, crossings = st.tabs(
        ["Diplomatic events", "Deaths per month (PICSS)", "Incidents per month", "Border crossings"]
    )
    with talks:
        table = shown_table(shown, data["diplomacy"])
        st.caption(f"{len(shown):,} events from {len(table):,} sources: one row per source of each event.")
        table_with_download(
            table,
            events_csv_name(diplomacy_subject(tracks, mediators), selection),
            column_config={**day_columns(table), **LINK},
        )
    with deaths:
        st.caption(f"{VIOLENCE_LABEL}, national, as drawn: the whole month's total even where the period cuts it.")
        table_with_download(
            deaths_table(data, selection.start, selection.end), events_csv_name("deaths_per_month_picss", selection)
        )
    with incidents:
        st.caption("The incidents panel's dots counted by the month they fall in.")
        table_with_download(incidents_by_month(events), events_csv_name("incidents_per_month", selection))
    with crossings:
        bands = crossings_table(data, selection.start, selection.end, selection.provinces)
        table_with_download(bands, events_csv_name("crossing_status", selection), column_config=day_columns(bands))
