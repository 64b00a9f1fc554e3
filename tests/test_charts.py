"""Chart builders that pages rely on for reading, not only for drawing."""

from __future__ import annotations

import datetime as dt

from components.charts import symbol_legend_chart
from components.map_legend import crossing_legend


def test_legend_labels_are_text_marks_beside_the_maps_own_symbols():
    """As axis labels beside a 28 px plot, Streamlit clipped them to "Inci", "Bord"."""
    legend = crossing_legend(dt.date(2025, 10, 20))
    spec = symbol_legend_chart(legend.entries, legend.title).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["image", "text"]
    assert spec["layer"][1]["encoding"]["text"]["field"] == "label"
    assert spec["width"] >= 200
    rows = spec["datasets"][spec["data"]["name"]]
    assert [row["label"] for row in rows] == ["Open", "Restricted", "Closed", "Unknown"]
    assert all(row["url"].startswith("data:image/svg+xml;base64,") for row in rows)
    assert legend.title == "Crossing status on 20 Oct 2025"
