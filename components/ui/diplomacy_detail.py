"""The detail panel of one diplomatic event and the incidents around it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.diplomacy import TRACK_LABELS, WindowCounts, split_list
from components.incidents import EVENT_TYPE_LABELS
from components.textsafe import escape_markdown


def diplomacy_detail(event: pd.Series, sources: pd.DataFrame) -> None:
    when = f"{event['date_start']:%d %b %Y}"
    if pd.notna(event["date_end"]) and event["date_end"] != event["date_start"]:
        when += f" – {event['date_end']:%d %b %Y}"
    st.subheader(escape_markdown(f"{when} · {event['title']}"))
    facts = {
        "Track": TRACK_LABELS.get(event["track"], event["track"]),
        "Venue": event["venue"],
        "Parties": ", ".join(split_list(event["parties"])),
        "Mediators": ", ".join(split_list(event["mediators"])) or "none stated",
        "Outcome": event["outcome"],
    }
    for name, value in facts.items():
        if pd.notna(value) and value:
            st.markdown(f"**{name}:** {escape_markdown(value)}")
    if pd.notna(event["summary"]):
        st.markdown(escape_markdown(event["summary"]))
    st.markdown(f"**Sources ({len(sources)})**, each with its own wording of the event:")
    st.dataframe(
        sources[["source_name", "source_published", "title", "outcome", "source_url"]],
        hide_index=True,
        column_config={"source_url": st.column_config.LinkColumn("Source:", display_text="open")},
    )


def window_comparison(counts: WindowCounts) -> None:
    """Incidents and killed in the window before against the window after."""
    cols = st.columns(4)
    cols[0].metric(f"Incidents, {counts.days} days before", counts.before_incidents)
    cols[1].metric(
        f"Incidents, {counts.days} days after",
        counts.after_incidents,
        counts.after_incidents - counts.before_incidents,
        delta_color="inverse",
    )
    cols[2].metric("Killed before (lowest stated)", counts.before_killed)
    cols[3].metric(
        "Killed after (lowest stated)",
        counts.after_killed,
        counts.after_killed - counts.before_killed,
        delta_color="inverse",
    )
    st.caption("Notable incidents only (curated, not exhaustive); event days themselves are left out.")
    listing = pd.concat([counts.before.assign(when="before"), counts.after.assign(when="after")])
    if listing.empty:
        return
    listing = listing.assign(type=listing["event_type"].map(EVENT_TYPE_LABELS))
    st.dataframe(
        listing[
            ["when", "date", "place", "province", "type", "perpetrator", "killed_low", "killed_high", "source_url"]
        ],
        hide_index=True,
        column_config={"source_url": st.column_config.LinkColumn("source")},
    )
