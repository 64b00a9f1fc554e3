"""Durand Line Monitor: router and frame (page config, shared filters, navigation)."""

import streamlit as st

from components.memory import freeze_long_lived_objects, return_freed_memory
from components.ui.byod import upload_link_notice
from components.ui.filters import sidebar_filters
from components.ui.store import active_import, dataset, filter_options
from components.ui.url_state import begin_run, end_run
from components.ui.widgets import share_box

st.set_page_config(page_title="Durand Line Monitor", layout="wide")

# Page scripts live in views/<section>/, not pages/: with a top-level pages/ folder, Streamlit runs the
# first session after a (re)start in its old multipage mode, and a shared deep link such as /map opens
# "Page not found" and the home page instead (measured on Streamlit 1.67; see tests/test_browser.py).
PAGES = {
    "Monitor": [
        st.Page("views/overview/home.py", title="Overview", default=True),
        st.Page("views/map/map.py", title="Map", url_path="map"),
        st.Page("views/trends/trends.py", title="Trends", url_path="trends"),
        st.Page("views/diplomacy/timeline.py", title="Diplomacy timeline", url_path="diplomacy"),
    ],
    "Present & check": [
        st.Page("views/briefing/briefing.py", title="Briefing mode", url_path="briefing"),
        st.Page("views/data/sources.py", title="Data & sources", url_path="data"),
        st.Page("views/data/about.py", title="About the data", url_path="about"),
    ],
}

page = st.navigation(PAGES)
begin_run()
# Briefing mode hides the sidebar but keeps the filters, so a briefing link can carry them.
options = filter_options()
if active_import() is None:
    sidebar_filters(options, dataset().data_as_of)  # pages read the selection with filters.current_filter()
else:  # an imported file opens on its whole span, and the curated data's date does not stretch it
    sidebar_filters(options, default_start=options.first_day)
upload_link_notice()
try:
    page.run()
    end_run()
    share_box(page.url_path)
finally:
    freeze_long_lived_objects()
    return_freed_memory()  # freed memory would otherwise stay with the process (components/memory.py)
