"""Diplomacy timeline on the same time axis as the violence, with before/after windows."""

import datetime as dt
from dataclasses import replace

import pandas as pd
import streamlit as st

from components.dates import format_day
from components.diplomacy import (
    counted,
    empty_period_note,
    event_labels,
    filter_events,
    mediators_in,
    window_counts,
)
from components.event_words import events_noun
from components.textsafe import escape_markdown
from components.ui.diplomacy_detail import diplomacy_detail, window_comparison
from components.ui.filters import current_filter
from components.ui.panels import latest_panel
from components.ui.store import active_import, dataset, derived, events_coverage, filtered_events
from components.ui.timeline import timeline_figure
from components.ui.timeline_numbers import numbers_tabs
from components.ui.url_state import linked, select_on_click
from components.ui.widgets import chart_spec, coverage_caption, rejected_rows_notice, show_chart
from components.url_codec import DAYS_AROUND, PARAMS
from components.vocabulary import DIPLOMACY_TRACKS

data = dataset()
selection = current_filter()
events = filtered_events(selection)
diplomacy = data.diplomacy_events

st.title("Diplomacy timeline")
coverage_caption(data)
st.caption(
    "Diplomatic events follow the track and mediator choices below and the sidebar period; notable incidents "
    "follow every sidebar filter; the crossings follow the sidebar's provinces; the monthly deaths panel is "
    "PICSS's national total, which no filter changes."
)
rejected_rows_notice(data)

left, right = st.columns(2)
tracks = linked(
    left.multiselect,
    "Track",
    DIPLOMACY_TRACKS.codes,
    format_func=DIPLOMACY_TRACKS.label,
    key="track",
    placeholder="All tracks",
)
mediators = linked(right.multiselect, "Mediator", mediators_in(diplomacy), key="mediator", placeholder="Any or none")
shown = filter_events(diplomacy, selection.start, selection.end, tuple(tracks), tuple(mediators))
imported = active_import() is not None
st.markdown(
    escape_markdown(
        f"{counted(len(shown), 'diplomatic event')} and {counted(len(events), events_noun(imported, one=True))}, "
        f"{format_day(selection.start)}–{format_day(selection.end)} (period set in the sidebar)."
    )
)

if shown.empty and events.empty:
    st.info(
        empty_period_note(
            selection.start,
            selection.end,
            data.data_as_of or selection.end,
            events_coverage(),
            imported,
            filtered=bool(selection.provinces or selection.actors or selection.types or tracks or mediators),
        )
    )
    picked = None
else:
    chart = derived(
        "timeline",
        (selection, tuple(tracks), tuple(mediators)),
        lambda: chart_spec(
            timeline_figure(
                data, shown, events, selection.start, selection.end, events_coverage(), imported, selection.provinces
            )
        ),
    )
    st.space("small")  # room for the chart's toolbar, which floats above the chart and covered the sentence's end
    picked = show_chart(chart, width="stretch", on_select="rerun", key="timeline")
    with st.expander("Numbers in this chart, and downloads"):
        numbers_tabs(data, shown, events, selection, tuple(tracks), tuple(mediators))
select_on_click("event", (picked.selection.get("event") or [{}])[0].get("event_id") if picked else None)

st.header("Before and after an event")
titles = event_labels(shown)
chosen = linked(
    st.selectbox,
    "Diplomatic event (or click a diamond above)",
    list(titles),
    format_func=titles.get,
    index=None,
    key="event",
    placeholder="Choose an event",
)
days = linked(st.slider, "Window, days before and after", *DAYS_AROUND, PARAMS["days"].default, key="days")
if chosen:
    event = diplomacy.set_index("event_id").loc[chosen]
    with st.container(border=True):
        diplomacy_detail(event, data["diplomacy"][data["diplomacy"]["event_id"] == chosen])
    first = event["date_start"].date()
    last = first if pd.isna(event["date_end"]) else event["date_end"].date()
    around = filtered_events(replace(selection, start=first - dt.timedelta(days), end=last + dt.timedelta(days)))
    counts = window_counts(around, first, last, days, events_coverage())
    window_comparison(counts, selection)

st.header("Latest developments")
st.caption("Newest first: the diplomatic events and notable incidents selected above.")
latest_panel(data, events, diplomacy=shown)
