"""Briefing mode for a meeting-room screen: the briefing's slides, one at a time (components/briefing_slides.py)."""

import streamlit as st

from components.briefing_slides import (
    BRIEFING_FONT,
    CURATED_EVENTS,
    MAP_DESIGN_PX,
    briefing_map_view,
    briefing_slides,
    filters_sentence,
)
from components.ui.briefing import (
    controls,
    current_panel,
    page_style,
    period_notices,
    slide_body,
    slide_chart,
    slide_foot,
    slide_head,
    slide_notices,
    theme_code,
)
from components.ui.filters import current_filter
from components.ui.panels import briefing_download
from components.ui.store import active_import, dataset, derived, events_coverage, filtered_events, map_deck

data = dataset()
selection = current_filter()
events = filtered_events(selection)
imported = active_import()
label = None if imported is None else imported.attribution
cut, past_data = period_notices(selection.start, data.data_as_of)
events_end = events_coverage().last
slides = derived(
    "briefing-slides",
    (selection, past_data),  # the events' label and end follow the events shown, already in the key
    lambda: briefing_slides(
        data, events, selection, label or CURATED_EVENTS, past_data, events_end, imported is not None
    ),
)
code = current_panel([slide.code for slide in slides])
slide = next(slide for slide in slides if slide.code == code)
theme = theme_code()

page_style(code, theme)
controls(slides, code, extra=lambda: briefing_download(data, events, slides))
slide_head(slide)
slide_notices(cut)
with st.container(key="briefing-map"):  # always drawn, off screen on the other slides (components/ui/briefing.py)
    view = derived(
        "briefing-view",
        (),
        lambda: briefing_map_view(tuple(data.geo["countries"].query("role == 'focus'").total_bounds)),
    )
    # Gates as on the period's end, as on the Map page, the Overview and the crossings slide.
    deck = map_deck(selection, "points", selection.end, view, labels=(BRIEFING_FONT, (MAP_DESIGN_PX,)))
    st.pydeck_chart(deck, height=MAP_DESIGN_PX[1])
slide_body(slide, derived("briefing-chart", (selection, label, code, theme), lambda: slide_chart(slide, theme)))
slide_foot(slide, filters_sentence(selection), data.data_as_of)
