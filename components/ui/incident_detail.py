"""The incident detail panel: every account of one incident, each with its source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.incidents import figure_range
from components.schemas import split_list
from components.sources import source_label
from components.textsafe import escape_markdown
from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES, TOLL_SCOPES

ACCOUNT_COLUMNS = {
    "account": "Account",
    "date": "From",
    "date_end": "To",  # for a running count, the day it was counted to
    "killed_total": "Killed",
    "killed_security_forces": "Security forces",
    "killed_civilians": "Civilians",
    "killed_militants": "Militants",
    "injured_total": "Injured",
    "perpetrator": "Attribution (as reported)",
    "toll_scope": "Toll covers",
    "claimed_by": "Claimed by",
    "source_name": "Source",
    "source_kind": "Source kind",
    "source_published": "Published",
    "source_url": "Link",
}


def attribution_line(event: pd.Series) -> str:
    """The declared groups behind the raw wording: 'Actor group: Unknown / not attributed · suspected: TTP…'."""
    line = f"Actor group: {ACTOR_GROUPS.label(event['actor_group'])}"
    if pd.notna(event["suspected_group"]):
        line += f" · suspected: {ACTOR_GROUPS.label(event['suspected_group'])}"
    if event["multi_province"]:
        line += f" · provinces: {', '.join(split_list(event['provinces']))}"
    return line


def incident_detail(event: pd.Series, accounts: pd.DataFrame) -> None:
    where = ", ".join(
        str(v) for v in (event["place"], event["district"], event["province"], event["country"]) if pd.notna(v) and v
    )
    st.subheader(escape_markdown(f"{event['date']:%d %b %Y} · {EVENT_TYPES.label(event['event_type'])}"))
    st.markdown(escape_markdown(where))
    cols = st.columns(4)
    cols[0].metric("Killed", figure_range(event["killed_low"], event["killed_high"]))
    cols[1].metric("Injured", figure_range(event["injured_low"], event["injured_high"]))
    cols[2].metric("Perpetrator", escape_markdown(event["perpetrator"]))  # as reported; a metric's value is Markdown
    cols[3].metric("From the Durand Line", f"{event['distance_km']:.0f} km")
    stages = accounts["toll_scope"].dropna().unique() if "toll_scope" in accounts else []
    if len(stages) > 1:
        st.info("Accounts give the toll at different stages of the event (see 'Toll covers'); each is listed below.")
    elif event["disputed"]:
        st.info("Accounts disagree on the toll; each is listed below with its source.")
    st.markdown(escape_markdown(event["summary"]))
    st.caption(escape_markdown(attribution_line(event)))
    st.caption(
        escape_markdown(
            f"Location precision: {event['location_precision']} · coordinates: {event['coord_source']}"
            + (" · cross-border event" if event["cross_border"] else "")
        )
    )
    shown = {column: label for column, label in ACCOUNT_COLUMNS.items() if column in accounts}  # imports have fewer
    table = accounts[list(shown)].replace({"toll_scope": TOLL_SCOPES.labels}).rename(columns=shown)
    if "Source kind" in table:
        table["Source kind"] = table["Source kind"].map(source_label)
    days = {label: st.column_config.DateColumn(label, format="D MMM YYYY") for label in ("From", "To")}
    st.dataframe(table, hide_index=True, column_config={"Link": st.column_config.LinkColumn("Link"), **days})
