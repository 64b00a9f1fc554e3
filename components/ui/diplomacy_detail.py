"""The detail panel of one diplomatic event and the incidents around it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.dates import format_day, format_published
from components.diplomacy import WindowCounts, split_list, window_scope
from components.incidents import INCIDENT_HEADERS, IncidentFilter, KilledSum
from components.sources import SOURCE_KIND_HEADER, source_label
from components.textsafe import escape_markdown
from components.ui.widgets import NO_VALUE, change_colour, day_columns, show_table
from components.vocabulary import DIPLOMACY_TRACKS, EVENT_TYPES, PUBLISHED_NOTES


def diplomacy_detail(event: pd.Series, sources: pd.DataFrame) -> None:
    when = f"{format_day(event['date_start'])}"
    if pd.notna(event["date_end"]) and event["date_end"] != event["date_start"]:
        when += f" – {format_day(event['date_end'])}"
    st.subheader(escape_markdown(f"{when} · {event['title']}"))
    facts = {
        "Track": DIPLOMACY_TRACKS.label(event["track"]),
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
    shown = sources.assign(source_kind=sources["source_kind"].map(source_label), published=published_on(sources))
    show_table(
        shown[list(SOURCE_HEADERS)].rename(columns=SOURCE_HEADERS),
        hide_index=True,
        column_config={"Link": st.column_config.LinkColumn("Link", display_text="open")},
    )


SOURCE_HEADERS = {  # column: header, as an analyst reads them (the table showed "source_kind", "source_published")
    "source_name": "Source",
    "source_kind": SOURCE_KIND_HEADER,
    "published": "Published",
    "title": "Title (the source's wording)",
    "outcome": "Outcome (as the source states it)",
    "source_url": "Link",
}


def published_on(sources: pd.DataFrame) -> pd.Series:
    """Each source's publication day, or the declared reason it has none (a dash said nothing)."""
    return pd.Series(
        [
            format_published(day) if pd.notna(day) else PUBLISHED_NOTES.label(note)
            for day, note in zip(sources["source_published"], sources["published_note"], strict=True)
        ],
        index=sources.index,
    )


def window_comparison(counts: WindowCounts, selection: IncidentFilter) -> None:
    """Incidents and killed in the window before against the window after; no change for a partial window."""
    notes = counts.notes()
    if notes:
        st.warning(" ".join(notes))
    cols = st.columns(4)
    incidents = counts.after_incidents - counts.before_incidents
    killed = counts.after_killed.killed - counts.before_killed.killed
    cols[0].metric(f"Incidents, {counts.days} days before", _count(counts.before_incidents, counts.before_covered))
    cols[1].metric(
        f"Incidents, {counts.days} days after",
        _count(counts.after_incidents, counts.after_covered),
        incidents if counts.comparable else None,
        delta_color=change_colour(incidents),
    )
    cols[2].metric(
        "Killed before (lowest stated)",
        _killed(counts.before_killed, counts.before_covered),
        _unstated(counts.before_killed),
        delta_color="off",
        delta_arrow="off",
    )
    change = counts.killed_comparable  # else the card says how many incidents add nothing
    cols[3].metric(
        "Killed after (lowest stated)",
        _killed(counts.after_killed, counts.after_covered),
        killed if change else _unstated(counts.after_killed),
        delta_color=change_colour(killed) if change else "off",
        delta_arrow="auto" if change else "off",
    )
    sides = (counts.before_covered, counts.after_covered) * 2  # the cards go before, after, before, after
    for column, covered in zip(cols, sides, strict=True):
        _mark_partial(column, covered, counts.days)
    st.caption(escape_markdown(window_scope(selection)))
    listing = pd.concat([counts.before.assign(when="before"), counts.after.assign(when="after")])
    if listing.empty:
        return
    columns = ["date", "place", "province", "event_type", "perpetrator", "killed_low", "killed_high", "source_url"]
    shown = (
        listing[["when", *columns]]
        .assign(event_type=listing["event_type"].map(EVENT_TYPES.label))
        .rename(columns={"when": "Window", **INCIDENT_HEADERS})
    )  # headers in words and days as days, like the Map page's table (it showed "killed_low", "... 00:00:00")
    link = {INCIDENT_HEADERS["source_url"]: st.column_config.LinkColumn(INCIDENT_HEADERS["source_url"])}
    show_table(shown, hide_index=True, column_config={**day_columns(shown), **link})


def _mark_partial(column, covered: int, days: int) -> None:
    """Under a card whose window the data cover only in part: how much (a card label is too short to say it)."""
    if covered < days:
        column.caption(f"Partial: {covered} of {days} days covered")


def _unstated(total: KilledSum) -> str | None:
    """Under a killed card: how many of its incidents add nothing, so "0" over two clashes giving killed by
    category only does not read as no one killed."""
    if not total.unstated:
        return None
    if not total.stated:
        return "no incident states a total"
    return f"{total.unstated} of {total.incidents} state no total"


def _killed(total: KilledSum, covered: int) -> int | str:
    """The stated totals added up; a dash where incidents are listed but none states a total (the Doha
    ceasefire's 14 days after read "0" over two clashes that give killed by category only)."""
    if covered and total.incidents and not total.stated:
        return NO_VALUE
    return _count(total.killed, covered)


def _count(value: int, covered: int) -> int | str:
    """A window the data do not reach at all has no count, not a count of zero."""
    return value if covered else "no data"
