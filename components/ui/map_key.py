"""The map's key (components.map_legend) as charts, shared by the Map page and the Overview's small map, so
colours, rings and gates read the same on both."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.charts import symbol_legend_chart
from components.dataset import Dataset
from components.incidents import IncidentFilter
from components.map_legend import crossing_legend, incident_legends
from components.textsafe import escape_markdown
from components.ui.store import derived
from components.ui.widgets import ChartSpec, chart_spec, show_chart


def map_key(data: Dataset, events: pd.DataFrame, selection: IncidentFilter, mode: str, day: dt.date):
    """Each legend the map drawn in `mode` needs, as (chart, note): incident types, location styles (or
    counts), and the crossings' gates with their status on `day`, the day the map draws them on."""
    return derived(
        "map-legends",
        (selection, mode, day),
        lambda: [
            (chart_spec(symbol_legend_chart(legend.entries, legend.title)), legend.note)
            for legend in (
                *incident_legends(events, mode),
                crossing_legend(data["crossings"], data["crossing_status"], day, selection.provinces),
            )
        ],
    )


def show_map_key(legends: list[tuple[ChartSpec, str]], boxes) -> None:
    """One legend and its note in each box (st.columns), in order."""
    for box, (legend, note) in zip(boxes, legends, strict=True):
        show_chart(legend, container=box)
        if note:
            box.caption(escape_markdown(note))
