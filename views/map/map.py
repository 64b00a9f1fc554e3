"""Map of the Durand Line region: incidents, crossings and distance to the line; details beside the map."""

import streamlit as st

from components.charts import border_share_chart, district_chart, scale_bar_chart
from components.districts import district_table, killed_note, left_out_sentence
from components.geo import border_shares, whole_years, years_left_out
from components.incidents import KILLED_HEADER, in_one_place, incidents_table, killed_sum, left_out_of_bands
from components.map_layers import AGGREGATE_ABOVE, CELL_DEGREES, located_to_district
from components.map_legend import scale_bar
from components.map_views import describe
from components.textsafe import escape_markdown
from components.ui.filters import current_filter
from components.ui.map_details import map_and_details
from components.ui.map_key import map_key, show_map_key
from components.ui.map_tables import show_distance_table, show_district_table
from components.ui.map_view import map_view_controls
from components.ui.store import dataset, derived, events_again, events_coverage, filtered_events
from components.ui.url_state import linked
from components.ui.widgets import (
    chart_spec,
    code_radio,
    coverage_caption,
    events_csv_name,
    missing_layers_note,
    rejected_rows_notice,
    show_chart,
    table_with_download,
)
from components.vocabulary import BORDER_SHARES, DISTRICT_MEASURES, MAP_MODES

DISTRICT_COLUMNS = {"incidents": "Incidents", "killed": KILLED_HEADER}  # measure code: table column

data = dataset()
selection = current_filter()
events = filtered_events(selection)

st.title("Map of the Durand Line region")
st.markdown(escape_markdown(selection.sentence(len(events))))
coverage_caption(data, selection=selection)
rejected_rows_notice(data)

mode_box, view_box, options_box = st.columns([1.3, 1.1, 1.2], vertical_alignment="bottom")  # 1280 px fits
mode = linked(
    mode_box.segmented_control,
    "Show incidents as",
    MAP_MODES.codes,
    default=MAP_MODES.codes[0],
    key="mode",
    format_func=MAP_MODES.label,
    required=True,
)
view, online = map_view_controls(view_box, options_box)
aggregated = mode != "points" or len(events) > AGGREGATE_ABOVE
map_and_details(selection, mode, view, online, aggregated)

missing_layers_note(data)
if len(events) > AGGREGATE_ABOVE and mode == "points":
    st.info(
        f"{len(events):,} events are drawn as {CELL_DEGREES}° grid cells coloured by how many events each holds; "
        f"narrow the filters to {AGGREGATE_ABOVE:,} events or fewer to see single events."
    )
legends = map_key(data, events, selection, mode, selection.end)
km, pixels = scale_bar(view.lat, view.zoom)
# Two to a row: four in a row cut their labels at 1280 px ("District known (at its centre" ...).
boxes = [box for _ in range(0, len(legends) + 1, 2) for box in st.columns(2)]
*legend_boxes, notes = boxes[: len(legends) + 1]
show_map_key(legends, legend_boxes)
show_chart(derived("scale-bar", (km, pixels), lambda: chart_spec(scale_bar_chart(km, pixels))), container=notes)
notes.caption(
    f"{describe(view)}. Black line: the Durand Line. Shaded: former FATA. Every event, crossing, count and chart on "
    "this page follows the sidebar filters (period, province, actor group, type)."
)

# The bands count incidents in one place known to the district or better; only counts and sentences are kept
# (a kept frame of a 40k-row import's selection was ~13 MB a shared link).
banded_note = derived(
    "killed-note-bands", (selection,), lambda: killed_sum(located_to_district(events)["killed"]).sentence()
)
st.header("Distance to the Durand Line")
placed, banded = derived(
    "banded-counts", (selection,), lambda: (len(in_one_place(events)), len(located_to_district(events)))
)
st.caption(
    "Measured in UTM zone 42N from each incident's coordinates to the boundary line; bands are "
    "cumulative (within 25 km includes within 10 km). An incident known to its district only is drawn at the "
    "district's headquarters and carries that error. " + banded_note
)
# Each year's span: the filter's window cut to the data's days, so 2026 reads "2026 (to 8 Apr)".
coverage = events_coverage()
window = (max(selection.start, coverage.first), min(selection.end, coverage.last))
left_out = left_out_of_bands(placed - banded, len(events) - placed)
if left_out:
    st.caption(escape_markdown(left_out))
for sentence in derived("years-left-out", (selection,), lambda: years_left_out(events, window)):
    st.caption(escape_markdown(sentence))
shares = derived("border-shares", (selection,), lambda: border_shares(events, window))
if shares.empty:
    st.info("No incidents in the current selection.")
else:
    measure = code_radio("Share of", BORDER_SHARES)
    show_chart(
        derived("border-share-chart", (selection, measure), lambda: chart_spec(border_share_chart(shares, measure)))
    )
    show_distance_table(shares, measure, whole_years(shares), selection)
    cross = events[events["cross_border"]]
    st.markdown(
        f"**{len(cross)} cross-border events** in the selection (strikes across the line, border "
        "clashes and cross-border fire)."
    )

st.header("Incidents and deaths by district")
districts = derived("districts", (selection,), lambda: district_table(events))
st.caption(escape_markdown(left_out_sentence(districts)) + " Click a column header to sort. " + killed_note(districts))
if not districts.table.empty:
    by = code_radio("Chart", DISTRICT_MEASURES)
    column = DISTRICT_COLUMNS[by]
    show_chart(derived("district-chart", (selection, by), lambda: chart_spec(district_chart(districts.table, column))))
    show_district_table(districts.table, selection)

st.header("Incidents shown")
table_with_download(
    events,
    events_csv_name("incidents_shown", selection),
    shape=incidents_table,
    rows=events_again(selection, incidents_table),
    column_config={"Source link": st.column_config.LinkColumn("Source link")},
)
