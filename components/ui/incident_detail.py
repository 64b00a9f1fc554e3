"""The incident detail panel beside the map: every account of one incident, each with its claims and source.

Written for a narrow column: text that wraps (never a metric or table cell that clips), and a field a source
leaves blank is left out rather than shown as "None".
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.dates import format_day
from components.incidents import distance_words, figure_range, listed_places, one_of_places, place_names
from components.schemas import split_list
from components.sources import source_label
from components.textsafe import escape_markdown
from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES, LOCATION_PRECISIONS, TOLL_SCOPES

TOLL_PARTS = {  # account column: how the claim reads
    "killed_security_forces": "security forces",
    "killed_civilians": "civilians",
}
# Outside the bracket: whether a total counts the attackers varies by account (its toll scope says), so
# "Killed 5 (security forces 3, civilians 2, militants 3)" read as a sum that did not add up.
MILITANTS = "killed_militants"


def attribution_line(event: pd.Series) -> str:
    """The declared groups behind the raw wording: 'Actor group: Unknown / not attributed · suspected: TTP…'."""
    line = f"Actor group: {ACTOR_GROUPS.label(event['actor_group'])}"
    if pd.notna(event["suspected_group"]):
        line += f" · suspected: {ACTOR_GROUPS.label(event['suspected_group'])}"
    if event["multi_province"]:
        line += f" · provinces: {', '.join(split_list(event['provinces']))}"
    return line


def _given(row: pd.Series, column: str) -> bool:
    return column in row and pd.notna(row[column]) and str(row[column]).strip() != ""


def _day(value) -> str:
    day = pd.to_datetime(value, errors="coerce")
    return f"{format_day(day)}" if pd.notna(day) else str(value)


def claims_line(account: pd.Series) -> str:
    """'Killed 4 (security forces 3, civilians 1) · militants killed 2 · injured 27', from the fields the
    account gives."""
    parts = []
    split = [f"{label} {int(account[column])}" for column, label in TOLL_PARTS.items() if _given(account, column)]
    if _given(account, "killed_total") or split:
        total = str(int(account["killed_total"])) if _given(account, "killed_total") else "total not stated"
        parts.append(f"Killed {total}" + (f" ({', '.join(split)})" if split else ""))
    if _given(account, MILITANTS):
        parts.append(f"militants killed {int(account[MILITANTS])}")
    if _given(account, "injured_total"):
        parts.append(f"injured {int(account['injured_total'])}")
    return " · ".join(parts) or "No toll given"


def account_lines(account: pd.Series) -> list[str]:
    """The account's claims and provenance as plain sentences (escaped later), blanks left out."""
    heading = str(account["source_name"]) if _given(account, "source_name") else "Source not named"
    if _given(account, "account"):
        heading = f"{account['account']}: {heading}"
    meta = []
    if _given(account, "source_kind"):
        meta.append(source_label(account["source_kind"]))
    if _given(account, "source_published"):
        meta.append(f"published {_day(account['source_published'])}")
    lines = [heading + (f" ({', '.join(meta)})" if meta else ""), claims_line(account)]
    if _given(account, "toll_scope"):
        lines.append(f"Toll covers: {TOLL_SCOPES.label(account['toll_scope'])}")
    if _given(account, "date"):
        span = _day(account["date"]) + (f" to {_day(account['date_end'])}" if _given(account, "date_end") else "")
        lines.append(f"Dates: {span}")
    if _given(account, "perpetrator"):
        lines.append(f"Attribution (as reported): {account['perpetrator']}")
    if _given(account, "claimed_by"):
        lines.append(f"Claimed by: {account['claimed_by']}")
    return lines


def incident_detail(event: pd.Series, accounts: pd.DataFrame) -> None:
    where = place_names(event["place"], event["district"], event["province"], event["country"])
    listed = listed_places(event.to_frame().T).iloc[0]  # several places: its coordinates are one of them
    one_place = pd.isna(listed)
    st.subheader(escape_markdown(f"{format_day(event['date'])} · {EVENT_TYPES.label(event['event_type'])}"))
    st.markdown(escape_markdown(where))
    st.markdown(
        escape_markdown(
            f"Killed {figure_range(event['killed_low'], event['killed_high'])} · injured "
            f"{figure_range(event['injured_low'], event['injured_high'])} · "
            + distance_words(event["distance_km"], event["location_precision"], one_place)
        )
    )
    st.markdown(f"**Perpetrator (as reported):** {escape_markdown(event['perpetrator'])}")
    stages = accounts["toll_scope"].dropna().unique() if "toll_scope" in accounts else []
    if len(stages) > 1:
        st.info("Accounts give the toll at different stages of the event (see 'Toll covers'); each is listed below.")
    elif event["disputed"]:
        st.info("Accounts disagree on the toll; each is listed below with its source.")
    if _given(event, "summary"):
        st.markdown(escape_markdown(event["summary"]))
    st.caption(escape_markdown(attribution_line(event)))
    st.caption(
        escape_markdown(
            (
                f"Location known to: {LOCATION_PRECISIONS.label(event['location_precision'])}"
                if one_place
                else f"Location: {one_of_places(listed)}"
            )
            + f" · coordinates: {event['coord_source']}"
            + (" · cross-border event" if event["cross_border"] else "")
        )
    )
    st.markdown(f"**{len(accounts)} account{'s' if len(accounts) != 1 else ''}**")
    for number, (_, account) in enumerate(accounts.iterrows(), start=1):
        with st.container(border=True):
            first, *rest = account_lines(account)
            st.markdown(f"**{escape_markdown(first)}**")
            st.markdown("  \n".join(escape_markdown(line) for line in rest))
            url = str(account["source_url"]) if _given(account, "source_url") else ""
            if url.startswith(("https://", "http://")):
                st.link_button("Open the source", url, key=f"source-{number}-{event['incident_id']}")
