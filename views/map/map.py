"""Map of the Durand Line region: incidents, crossings and distance to the line; details beside the map."""

import streamlit as st

from components.charts import border_share_chart, district_chart, scale_bar_chart, symbol_legend_chart
from components.districts import district_table, left_out_sentence
from components.geo import border_shares
from components.incidents import incident_labels
from components.map_layers import AGGREGATE_ABOVE, CELL_DEGREES, PICKABLE_INCIDENT_LAYERS, point_key
from components.map_legend import crossing_legend, incident_legends, scale_bar
from components.map_views import describe
from components.textsafe import escape_markdown
from components.ui.filters import current_filter
from components.ui.incident_detail import incident_detail
from components.ui.map_view import map_view_controls
from components.ui.store import accounts_of, dataset, derived, filtered_events, map_deck
from components.ui.widgets import (
    chart_spec,
    coverage_caption,
    missing_layers_note,
    rejected_rows_notice,
    show_chart,
    table_with_download,
)
from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES, MAP_MODES

PICKER_LIMIT = 2_000
DISTRICT_MEASURES = {"incidents": "Incidents", "killed": "Killed (lowest stated)"}  # link code: table column
SHARE_HEADERS = {
    "year": "Year",
    "within_km": "Within (km)",
    "incidents": "Incidents",
    "incidents_total": "Incidents that year",
    "incident_share": "Share of incidents (%)",
    "killed": "Killed (lowest stated)",
    "killed_total": "Killed that year",
    "killed_share": "Share of killed (%)",
}
INCIDENT_HEADERS = {
    "date": "Date",
    "place": "Place",
    "district": "District",
    "province": "Province",
    "country": "Country",
    "event_type": "Type",
    "perpetrator": "Perpetrator (as reported)",
    "actor_group": "Actor group",
    "killed_low": "Killed (lowest)",
    "killed_high": "Killed (highest)",
    "injured_low": "Injured (lowest)",
    "injured_high": "Injured (highest)",
    "distance_km": "Distance to the line (km)",
    "cross_border": "Cross-border",
    "location_precision": "Location known to",
    "source_name": "Source",
    "source_url": "Source link",
}
MAP_HEIGHT = 560
AT_POINT_KEY = "at-point"

data = dataset()
selection = current_filter()
events = filtered_events(selection)

st.title("Map of the Durand Line region")
st.markdown(escape_markdown(selection.sentence(len(events))))
coverage_caption(data)
rejected_rows_notice(data)

mode_box, view_box, options_box = st.columns([1.3, 1.1, 1.2], vertical_alignment="bottom")  # 1280 px fits
mode = mode_box.segmented_control(
    "Show incidents as",
    MAP_MODES.codes,
    default=MAP_MODES.codes[0],
    key="mode",
    bind="query-params",
    format_func=MAP_MODES.label,
    required=True,
)
view, online = map_view_controls(view_box, options_box)
aggregated = mode != "points" or len(events) > AGGREGATE_ABOVE
deck = map_deck(selection, mode, selection.end, view, online)


def _choose_at_point() -> None:
    st.session_state["incident"] = st.session_state[AT_POINT_KEY]


def at_point(chosen: str) -> None:
    """Every incident drawn at the chosen incident's point, to pick from: five can share one town's centre."""
    event = events[events["incident_id"] == chosen].iloc[0]
    here = events[
        (events["lat"].round(5) == round(event["lat"], 5)) & (events["lon"].round(5) == round(event["lon"], 5))
    ]
    if len(here) < 2:
        return
    names = {
        row.incident_id: f"{row.date:%-d %b %Y} · {EVENT_TYPES.label(row.event_type)}"
        for row in here.itertuples(index=False)
    }
    st.session_state[AT_POINT_KEY] = chosen
    st.radio(
        f"{len(here)} incidents at this point ({point_key(event['lat'], event['lon'])}); choose one",
        list(names),
        format_func=names.get,
        key=AT_POINT_KEY,
        on_change=_choose_at_point,
    )


@st.fragment
def map_and_details() -> None:
    """The map with the selected incident's details beside it: a click reruns only this part of the page."""
    map_box, side = st.columns([3, 2], gap="medium")
    picked = map_box.pydeck_chart(
        deck,
        height=MAP_HEIGHT,
        on_select="rerun",
        selection_mode="single-object",
        key="deck",
        alt="Map of incidents, crossings and the Durand Line",
    )
    picks = [pick for layer in PICKABLE_INCIDENT_LAYERS for pick in (picked.selection.objects.get(layer) or [])]
    clicked = picks[0]["incident_id"] if picks else None
    if clicked and clicked != st.session_state.get("_map_click"):
        st.session_state["_map_click"] = clicked
        st.session_state["incident"] = clicked

    labels = derived("incident-labels", (selection,), lambda: incident_labels(events.head(PICKER_LIMIT)))
    with side:
        chosen = st.selectbox(
            "Incident details (or click a dot on the map)"
            + (f"; the {PICKER_LIMIT:,} latest are listed" if len(events) > PICKER_LIMIT else ""),
            list(labels),
            index=None,
            format_func=labels.get,
            key="incident",
            bind="query-params",
            placeholder="Choose an incident",
        )
        if chosen:
            at_point(chosen)
            event = events[events["incident_id"] == chosen].iloc[0]
            incident_detail(event, accounts_of(chosen))
        elif aggregated:
            st.caption("Counts are drawn: switch to Points to click single incidents, or choose one above.")
        else:
            st.caption("Click a dot on the map, or choose an incident above. A ringed dot holds several incidents.")


map_and_details()

missing_layers_note(data)
if len(events) > AGGREGATE_ABOVE and mode == "points":
    st.info(
        f"{len(events):,} events are drawn as {CELL_DEGREES}° grid cells coloured by how many events each holds; "
        f"narrow the filters to {AGGREGATE_ABOVE:,} events or fewer to see single events."
    )
legends = derived(
    "map-legends",
    (selection, mode),
    lambda: [
        (chart_spec(symbol_legend_chart(legend.entries, legend.title)), legend.note)
        for legend in (*incident_legends(events, mode), crossing_legend(selection.end))
    ],
)
km, pixels = scale_bar(view.lat, view.zoom)
*legend_boxes, notes = st.columns([1] * len(legends) + [1.1])
for column, (legend, note) in zip(legend_boxes, legends, strict=True):
    show_chart(legend, container=column)
    if note:
        column.caption(escape_markdown(note))
show_chart(chart_spec(scale_bar_chart(km, pixels)), container=notes)
notes.caption(
    f"{describe(view)}. Black line: the Durand Line. Shaded: former FATA. Every event, count and chart on this "
    "page follows the sidebar filters (period, province, actor group, type)."
)

st.header("Distance to the Durand Line")
st.caption(
    "Measured in UTM zone 42N from each incident's coordinates to the boundary line; bands are "
    "cumulative (within 25 km includes within 10 km). Imprecise locations carry their district or province error."
)
shares = derived("border-shares", (selection,), lambda: border_shares(events))
if shares.empty:
    st.info("No incidents in the current selection.")
else:
    measure = st.radio(
        "Share of",
        ["incident_share", "killed_share"],
        horizontal=True,
        key="share_of",
        bind="query-params",
        format_func={"incident_share": "incidents", "killed_share": "fatalities"}.get,
    )
    show_chart(
        derived("border-share-chart", (selection, measure), lambda: chart_spec(border_share_chart(shares, measure)))
    )
    percent = st.column_config.NumberColumn(format="%.1f%%")
    table_with_download(
        shares.assign(
            incident_share=(shares["incident_share"] * 100).round(1),
            killed_share=(shares["killed_share"] * 100).round(1),
        ).rename(columns=SHARE_HEADERS),
        "border_shares.csv",
        column_config={"Share of incidents (%)": percent, "Share of killed (%)": percent},
    )
    cross = events[events["cross_border"]]
    st.markdown(
        f"**{len(cross)} cross-border events** in the selection (strikes across the line, border "
        "clashes and cross-border fire)."
    )

st.header("Incidents and deaths by district")
districts = derived("districts", (selection,), lambda: district_table(events))
st.caption(escape_markdown(left_out_sentence(districts)) + " Click a column header to sort.")
if not districts.table.empty:
    by = st.radio(
        "Chart",
        list(DISTRICT_MEASURES),
        horizontal=True,
        key="district_measure",
        bind="query-params",
        format_func={"incidents": "incidents", "killed": "killed"}.get,
    )
    column = DISTRICT_MEASURES[by]
    show_chart(derived("district-chart", (selection, by), lambda: chart_spec(district_chart(districts.table, column))))
    table_with_download(districts.table, "incidents_by_district.csv")

st.header("Incidents shown")
table_with_download(
    events[list(INCIDENT_HEADERS)]
    .assign(
        event_type=events["event_type"].map(EVENT_TYPES.label),
        actor_group=events["actor_group"].map(ACTOR_GROUPS.label),
        distance_km=events["distance_km"].round(0),
    )
    .rename(columns=INCIDENT_HEADERS),
    "incidents_shown.csv",
    column_config={"Source link": st.column_config.LinkColumn("Source link")},
)
