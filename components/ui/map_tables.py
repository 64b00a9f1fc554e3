"""The Map page's distance and district tables: which columns each shows, and short headers that fit the page
at 1280 px (a table 789 px wide), each with its full name and meaning in a tooltip. The downloads keep the full
headers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.incidents import KILLED_HEADER, UNSTATED_HEADER, IncidentFilter
from components.ui.widgets import NO_VALUE, events_csv_name, table_with_download
from components.vocabulary import PROVINCES, SHORT_NAMES

# The year's totals are "that year" where every row covers its whole year, "in the period" where the filter's
# window or the data's date cuts one: 14 October incidents read "Incidents that year 14" of a year holding 59.
_THAT = {True: ("that year", "year's"), False: ("in the period", "period's")}


def share_headers(whole_years: bool) -> dict[str, str]:
    """The distance table's full headers, as the download keeps them."""
    that, _ = _THAT[whole_years]
    return {
        "year": "Year",
        "period": "Year (span covered)",
        "within_km": "Within (km)",
        "incidents": "Incidents",
        "incidents_total": f"Incidents counted {that} (a distance of their own)",
        "incidents_left_out": f"Incidents left out {that} (no distance of their own)",
        "incident_share": "Incident share (%)",
        "killed": KILLED_HEADER,
        "killed_unstated": UNSTATED_HEADER,
        "killed_total": f"Killed {that}",
        "killed_total_unstated": f"{UNSTATED_HEADER} {that}",
        "killed_share": "Killed share (%)",
    }


# The columns shown with each share: the band's, then the year's, then the share. Both keep the year's
# incidents counted, the count every band's incidents (stated toll or not) are part of, and those left out.
SHARE_SHOWN = {
    "incident_share": ["period", "within_km", "incidents", "incidents_total", "incidents_left_out", "incident_share"],
    "killed_share": [
        "period",
        "within_km",
        "killed",
        "killed_unstated",
        "incidents_total",
        "incidents_left_out",
        "killed_total",
        "killed_total_unstated",
        "killed_share",
    ],
}


def _share_short(whole_years: bool) -> dict[str, tuple[str, str]]:
    """(short header, what the column holds): eight full headers ran 912 px wide in a table 789 px wide at 1280."""
    owner = _THAT[whole_years][1].capitalize()  # "Year's", "Period's"
    span = owner.removesuffix("'s").lower()
    return {
        "period": ("Year", "the year, and the span of it counted where the filter or the data's date cuts it"),
        "within_km": ("Within km", "incidents within this many km of the Durand Line; bands are cumulative"),
        "incidents": ("Incidents", "the band's incidents"),
        "incidents_total": (
            "Counted",
            f"the {span}'s incidents with a distance of their own: in one place, known to the district or better; "
            "what the share divides by",
        ),
        "incidents_left_out": (
            "Left out",
            f"the {span}'s incidents with no distance of their own (placed in several places, or known only to "
            "their province): in no band and not in the share",
        ),
        "incident_share": ("Incident share", f"the band's incidents as a share of the {span}'s counted"),
        "killed": ("Killed", "the band's incidents' lowest stated totals added up; — where none states one"),
        "killed_unstated": ("No toll", "the band's incidents stating no killed total: they add nothing to its killed"),
        "killed_total": (
            f"{owner} killed",
            f"the {span}'s counted incidents' lowest stated totals added up: what the share divides by",
        ),
        "killed_total_unstated": (f"{owner} no toll", f"the {span}'s counted incidents stating no killed total"),
        "killed_share": (
            "Killed share",
            f"the band's killed as a share of the {span}'s killed; — without a stated total",
        ),
    }


_PERCENT = ("incident_share", "killed_share")


def show_distance_table(shares: pd.DataFrame, measure: str, whole_years: bool, selection: IncidentFilter) -> None:
    """The distance bands' table (geo.border_shares) with the columns of one share shown, the download holding
    both shares' columns (named for `selection`), and what its killed columns mean."""
    headers = share_headers(whole_years)
    table_with_download(
        shares.assign(
            incident_share=(shares["incident_share"] * 100).round(1),
            killed_share=(shares["killed_share"] * 100).round(1),
        ).rename(columns=headers),
        events_csv_name("border_shares", selection),
        column_config=_share_columns(whole_years),
        column_order=[headers[column] for column in SHARE_SHOWN[measure]],
    )
    short = _share_short(whole_years)
    killed, unstated = short["killed"][0], short["killed_unstated"][0]  # as the headers read
    span = _THAT[whole_years][1].removesuffix("'s")
    st.caption(
        f"{killed} (lowest stated totals): {NO_VALUE} where no incident in the band states a total, or the band "
        f"has none (no share either). {unstated}: incidents stating no killed total, which add nothing to the "
        f"band's killed or to the {span}'s, which the share divides by. A header's tooltip gives its full name; the "
        "download holds both shares' columns under their full names."
    )


def _share_columns(whole_years: bool) -> dict:
    """The distance table's column_config: short headers, the full header and its meaning as the tooltip,
    shares read as percent, the year wide enough for its span ("2025 (3 Feb–9 Sep)")."""
    headers, short = share_headers(whole_years), _share_short(whole_years)
    columns = {
        headers[column]: st.column_config.NumberColumn(
            label, help=f"{headers[column]}: {meaning}.", format="%.1f%%" if column in _PERCENT else None
        )
        for column, (label, meaning) in short.items()
        if column != "period"
    }
    label, meaning = short["period"]
    columns[headers["period"]] = st.column_config.TextColumn(label, help=f"{headers['period']}: {meaning}.", width=135)
    return columns


# The district table's (components.districts.district_table) short headers: its full ones ran 942 px wide.
_DISTRICT_SHORT = {
    KILLED_HEADER: ("Killed", "the district's incidents' lowest stated totals added up; — where none states one"),
    UNSTATED_HEADER: ("No toll", "the district's incidents stating no killed total: they add nothing to its killed"),
    "Median km": ("km", "the median distance of the district's incidents to the Durand Line"),
}
# The province as shown: its short name (vocabulary.PROVINCES, 'KP'); the download keeps "Province" in full too.
PROVINCE_SHOWN = "Province (short name)"
# Text columns sized to their longest value in pixels ("Dera Ismail Khan", "Afghanistan"): left to size
# themselves, they fit the rows drawn first and cut a later "Afghanistan" or "Islamabad Capital Territory".
_DISTRICT_WIDTHS = {"District": 130, PROVINCE_SHOWN: 105, "Country": 95}


def show_district_table(table: pd.DataFrame, selection: IncidentFilter) -> None:
    """Incidents and deaths by district, its download (named for `selection`) holding every column (the distance
    band as well)."""
    shown = table.assign(**{PROVINCE_SHOWN: table["Province"].map(PROVINCES.short)})
    order = [PROVINCE_SHOWN if column == "Province" else column for column in table.columns]
    shortened = ", ".join(f"{short} is {name}" for name, short in SHORT_NAMES.items())
    table_with_download(
        shown,
        events_csv_name("incidents_by_district", selection),
        column_config={
            **{
                header: st.column_config.NumberColumn(short, help=f"{header}: {meaning}.")
                for header, (short, meaning) in _DISTRICT_SHORT.items()
            },
            **{column: st.column_config.TextColumn(width=width) for column, width in _DISTRICT_WIDTHS.items()},
            PROVINCE_SHOWN: st.column_config.TextColumn(
                "Province",
                width=_DISTRICT_WIDTHS[PROVINCE_SHOWN],
                help=f"{shortened}; the download names each in full.",
            ),
        },
        column_order=[column for column in order if column != "Distance band"],
    )
    st.caption(
        f"{_DISTRICT_SHORT['Median km'][0]}: the median distance of the district's incidents to the line (its band, "
        "the chart's colour, is in the download). First, Latest: the dates of the district's first and latest "
        f"incident. {shortened}. A header's tooltip gives its full name."
    )
