"""Exported files open and carry their sources."""

from __future__ import annotations

import io

from PIL import Image

from components.charts import monthly_comparison_chart
from components.dataset import load_dataset
from components.export import briefing_png, chart_png, chart_svg
from components.trends import compare_years, kpis, monthly


def test_chart_exports_open(synthetic_dir):
    figures = load_dataset(synthetic_dir).figures
    comparison = compare_years(monthly(figures, "PICSS", "militant_attacks", "Pakistan", "attacks"), 2025)
    chart = monthly_comparison_chart(comparison.table, 2024, 2025, "Attacks")
    image = Image.open(io.BytesIO(chart_png(chart)))
    assert image.width > 400
    svg = chart_svg(chart)
    assert svg.startswith("<svg")
    assert "Attacks per month, 2025 vs 2024" in svg


def test_briefing_png_opens_at_print_size(synthetic_dir):
    data = load_dataset(synthetic_dir)
    figures = data.figures
    comparison = compare_years(monthly(figures, "PICSS", "militant_attacks", "Pakistan", "attacks"), 2025)
    png = briefing_png(
        kpis(figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024),
        comparison,
        "A sentence.",
        data.events,
        data.geo,
        ["Synthetic test source: https://example.org/1"],
        data.data_as_of,
    )
    image = Image.open(io.BytesIO(png))
    assert image.width > 1500
    assert image.height > 1000
    assert image.text["Source"] == "Synthetic test source: https://example.org/1"
    assert image.text["Title"] == "Durand Line Monitor briefing, Data as of 15 Jan 2026"
