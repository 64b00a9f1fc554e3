"""Briefing mode for a meeting-room screen."""

import streamlit as st

from components.ui.briefing import BRIEFING_CSS, PANELS, step
from components.ui.filters import current_filter
from components.ui.panels import briefing_download, kpi_panel, latest_panel, map_panel, trend_panel
from components.ui.store import dataset, derived, events_coverage, filtered_events
from components.ui.timeline import timeline_figure
from components.ui.url_state import linked
from components.ui.widgets import chart_spec, coverage_caption, show_chart
from components.vocabulary import BRIEFING_ADVANCE

st.html(BRIEFING_CSS)
data = dataset()
selection = current_filter()
events = filtered_events(selection)

controls = st.columns([0.8, 0.8, 5.2, 1.2], vertical_alignment="center")
controls[0].button("◀ Previous", on_click=step, args=(-1,), width="stretch")
controls[1].button("Next ▶", on_click=step, args=(1,), width="stretch")
with controls[2]:
    linked(
        st.segmented_control,
        "Panel",
        list(PANELS),
        format_func=PANELS.get,
        key="panel",
        default="kpis",
        label_visibility="collapsed",
        width="stretch",
    )
seconds = linked(
    controls[3].selectbox,
    "Advance",
    list(BRIEFING_ADVANCE),
    format_func=BRIEFING_ADVANCE.get,
    key="every",
    label_visibility="collapsed",
)


@st.fragment(run_every=seconds or None)
def panel() -> None:
    """Redrawn alone on the timer so the rest of the page stays still."""
    if seconds and st.session_state.get("_ticked"):
        step(1)
        st.rerun(scope="app")  # so the panel picker shows the new panel too
    st.session_state["_ticked"] = True
    name = st.session_state.get("panel") or "kpis"
    st.title(PANELS[name])
    coverage_caption(data)
    if name == "kpis":
        kpi_panel(data, per_row=3)
    elif name == "trend":
        trend_panel(data)
    elif name == "map":
        map_panel(data, events, height=760, key="briefing-map")
    elif name == "timeline":
        chart = derived(
            "timeline",
            (selection, "every track", "any mediator"),
            lambda: chart_spec(
                timeline_figure(data, data.diplomacy_events, events, selection.start, selection.end, events_coverage())
            ),
        )
        show_chart(chart)
    else:
        latest_panel(data, events, count=6)


st.session_state["_ticked"] = False
panel()
briefing_download(data, events)
