"""The Map page's distance table: which columns each share shows, and short headers that fit the page at
1280 px, each with its full name and meaning in a tooltip. The download keeps the full headers (SHARE_HEADERS)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.incidents import KILLED_HEADER, UNSTATED_HEADER
from components.ui.widgets import NO_VALUE, events_csv_name, table_with_download

SHARE_HEADERS = {
    "year": "Year",
    "within_km": "Within (km)",
    "incidents": "Incidents",
    "incidents_total": "Incidents that year",
    "incident_share": "Incident share (%)",
    "killed": KILLED_HEADER,
    "killed_unstated": UNSTATED_HEADER,
    "killed_total": "Killed that year",
    "killed_total_unstated": f"{UNSTATED_HEADER} that year",
    "killed_share": "Killed share (%)",
}
# The columns shown with each share: the band's, then the year's, then the share. Both keep the year's
# incidents, the count every band's incidents (stated toll or not) are part of.
SHARE_SHOWN = {
    "incident_share": ["year", "within_km", "incidents", "incidents_total", "incident_share"],
    "killed_share": [
        "year",
        "within_km",
        "killed",
        "killed_unstated",
        "incidents_total",
        "killed_total",
        "killed_total_unstated",
        "killed_share",
    ],
}
# (short header, what the column holds): eight full headers ran 912 px wide in a table 789 px wide at 1280.
_SHARE_SHORT = {
    "within_km": ("Within km", "incidents within this many km of the Durand Line; bands are cumulative"),
    "incidents": ("Incidents", "the band's incidents"),
    "incidents_total": ("Year's incidents", "all the year's incidents in the selection, at any distance"),
    "incident_share": ("Incident share", "the band's incidents as a share of the year's"),
    "killed": ("Killed", "the band's incidents' lowest stated totals added up; — where none states one"),
    "killed_unstated": ("No toll", "the band's incidents stating no killed total: they add nothing to its killed"),
    "killed_total": ("Year's killed", "the year's lowest stated totals added up: what the share divides by"),
    "killed_total_unstated": ("Year's no toll", "the year's incidents stating no killed total"),
    "killed_share": ("Killed share", "the band's killed as a share of the year's killed; — without a stated total"),
}
_PERCENT = ("incident_share", "killed_share")


def distance_table(shares: pd.DataFrame, measure: str) -> None:
    """The distance bands' table (geo.border_shares) with the columns of one share shown, the download holding
    both shares' columns, and what its killed columns mean."""
    table_with_download(
        shares.assign(
            incident_share=(shares["incident_share"] * 100).round(1),
            killed_share=(shares["killed_share"] * 100).round(1),
        ).rename(columns=SHARE_HEADERS),
        events_csv_name("border_shares"),
        column_config=_share_columns(),
        column_order=[SHARE_HEADERS[column] for column in SHARE_SHOWN[measure]],
    )
    killed, unstated = _SHARE_SHORT["killed"][0], _SHARE_SHORT["killed_unstated"][0]
    st.caption(
        f"{killed} (lowest stated totals): {NO_VALUE} where no incident in the band states a total, or the band "
        f"has none (no share either). {unstated}: incidents stating no killed total, which add nothing to the "
        "band's killed or to the year's, which the share divides by. A header's tooltip gives its full name; the "
        "download holds both shares' columns under their full names."
    )


def _share_columns() -> dict:
    """The distance table's column_config: short headers, the full header and its meaning as the tooltip,
    shares read as percent."""
    return {
        SHARE_HEADERS[column]: st.column_config.NumberColumn(
            short,
            help=f"{SHARE_HEADERS[column]}: {meaning}.",
            format="%.1f%%" if column in _PERCENT else None,
        )
        for column, (short, meaning) in _SHARE_SHORT.items()
    }
