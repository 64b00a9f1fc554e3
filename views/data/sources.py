"""Every table as loaded, what was rejected and why, and how each source counts."""

from functools import partial

import streamlit as st

from components.figures import figures_csv
from components.schemas import TABLES
from components.sources import source_label
from components.trends import COUNTING_RULES, SERIES_LABELS
from components.ui.byod import import_panel
from components.ui.coverage_panel import coverage_panel
from components.ui.store import dataset
from components.ui.url_state import linked
from components.ui.widgets import coverage_caption, show_table, table_with_download
from components.vocabulary import FIGURE_STATUSES

data = dataset()

st.title("Data and sources")
coverage_caption(data)
st.caption("The tables here are the files as loaded, whole: the sidebar filters do not apply to them.")

st.header("Validation")
show_table(data.validation_summary(), hide_index=True)
problems = data.problems_frame()
if not problems.empty:
    st.warning(f"{len(problems)} problem(s) found; the rows named below are left out of every page.")
    table_with_download(problems, "validation_problems.csv")
else:
    st.success("Every row of every file passed validation.")

st.header("Tables")
name = linked(st.selectbox, "Table", list(data.tables), format_func=lambda n: f"{data.tables[n].file}", key="table")
spec = TABLES.get(name)
if spec:
    st.caption(spec.description)
frame = data[name].drop(columns=["source_row"], errors="ignore")
if "source_kind" in frame:  # in words, so a repost on an unrelated site says so
    frame = frame.assign(source_kind=frame["source_kind"].map(source_label))
if name == "tracker_stats":  # each figure's status in words, so an outlet's error says so
    frame = frame.assign(status=frame["status"].map(FIGURE_STATUSES.label))
table_with_download(
    frame,
    data.tables[name].file.replace("/", "_"),
    column_config={column: st.column_config.LinkColumn(column) for column in ("source_url", "coord_source_url")},
)

st.header("Figures the dashboard displays")
st.caption(
    "One row per tracker figure: the value every chart and card shows, its declared status and source, and "
    "every other value stated for it. The same table as `python -m components.figures` prints."
)
st.download_button(
    "Download displayed figures (CSV)",
    partial(figures_csv, data.figures),  # not a lambda: it would keep this page's globals after the run
    file_name="displayed_figures.csv",
    mime="text/csv",
    key="download-displayed-figures",
    on_click="ignore",
)

coverage_panel(data)

import_panel()

st.header("What each tracker counts")
show_table(
    [
        {"Tracker": tracker, "Counting layer": SERIES_LABELS[series], "What it counts": rule}
        for (tracker, series), rule in COUNTING_RULES.items()
    ],
    hide_index=True,
)
st.caption("Counting rules, statuses, sourcing, how to cite and licences, in plain words: About the data.")
