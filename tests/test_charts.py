"""Chart builders that pages rely on for reading, not only for drawing."""

from __future__ import annotations

import datetime as dt

from components.charts import symbol_legend_chart
from components.dataset import load_dataset
from components.map_legend import crossing_legend
from components.paths import BUNDLED_DATA_DIR


def test_legend_labels_are_text_marks_beside_the_maps_own_symbols():
    """As axis labels beside a 28 px plot, Streamlit clipped them to "Inci", "Bord"."""
    data, day = load_dataset(BUNDLED_DATA_DIR), dt.date(2025, 10, 20)
    legend = crossing_legend(data["crossings"], data["crossing_status"], day)
    spec = symbol_legend_chart(legend.entries, legend.title).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["image", "text"]
    assert spec["layer"][1]["encoding"]["text"]["field"] == "label"
    assert spec["width"] >= 200
    rows = spec["datasets"][spec["data"]["name"]]
    assert [row["label"] for row in rows] == ["Open", "Restricted", "Closed", "Unknown"]
    assert all(row["url"].startswith("data:image/svg+xml;base64,") for row in rows)
    # The status in force on 20 Oct 2025 rests on reports up to 18 Feb 2026 (crossing_status.csv), so the legend
    # says it is as last reported, not as seen on the day.
    assert legend.title == "Crossing status as last reported"
    assert legend.note.startswith("In force on 20 Oct 2025 (the period's end); latest report 18 Feb 2026.")
