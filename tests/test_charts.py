"""Chart builders that pages rely on for reading, not only for drawing."""

from __future__ import annotations

from components.charts import legend_chart
from components.vocabulary import CROSSING_LEGEND


def test_legend_labels_are_text_marks_inside_a_chart_wide_enough_for_them():
    """As axis labels beside a 28 px plot, Streamlit clipped them to "Inci", "Bord"."""
    spec = legend_chart(CROSSING_LEGEND, "Crossing").to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["circle", "text"]
    assert spec["layer"][1]["encoding"]["text"]["field"] == "label"
    assert spec["width"] >= 200
    labels = [row["label"] for row in spec["datasets"][spec["data"]["name"]]]
    assert labels == ["Open", "Restricted", "Closed", "Unknown"]
