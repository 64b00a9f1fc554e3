"""The Overview's small map has the Map page's key (analyst review, session 15): its colours, ring sizes and
crossing gates could not be read on that page."""

from __future__ import annotations

import csv

from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from components.paths import BUNDLED_DATA_DIR
from components.vocabulary import CROSSING_STATUSES, family_label
from tests.test_reading_pages import open_page

LEGENDS = ("Incident type", "Location", "Crossing status as last reported")


def legend_labels(app) -> dict[str, list[str]]:
    """Each legend chart's title and the labels it lists, as the page draws them."""
    found = {}
    for chart in app.get("vega_lite_chart"):
        title = next((name for name in LEGENDS if f'"{name}"' in chart.proto.spec), None)
        if title:
            frames = [convert_arrow_bytes_to_pandas_df(dataset.data.data) for dataset in chart.proto.datasets]
            found[title] = [label for frame in frames if "label" in frame for label in frame["label"]]
    return found


def test_the_overview_map_has_the_map_page_s_key():
    overview, map_page = open_page("views/overview/home.py"), open_page("views/map/map.py")
    key = legend_labels(overview)
    assert set(key) == set(LEGENDS)
    assert key == legend_labels(map_page)
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        families = {family_label(row["event_type"]) for row in csv.DictReader(handle)}
    assert families <= set(key["Incident type"])  # every colour the map draws is named
    assert "Province, or one of several places" in key["Location"]
    assert {status.label for status in CROSSING_STATUSES.items} <= set(key["Crossing status as last reported"])
    said = [caption.value for caption in overview.caption]
    assert "Key to the map of notable incidents" in said
    assert "Click a point to list every incident there." not in said  # the small map lists nothing on a click
