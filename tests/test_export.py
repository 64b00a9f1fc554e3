"""Exported files open and carry their sources."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from components.charts import monthly_comparison_chart
from components.dataset import load_dataset
from components.export import briefing_file, chart_png, chart_svg
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


SOURCES = ["Synthetic test source: https://example.org/1", "Second synthetic source: https://example.org/2"]


def briefing(file_format: str, folder) -> bytes:
    data = load_dataset(folder)
    figures = data.figures
    comparison = compare_years(monthly(figures, "PICSS", "militant_attacks", "Pakistan", "attacks"), 2025)
    return briefing_file(
        file_format,
        kpis(figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024),
        comparison,
        "A sentence.",
        data.events,
        data.geo,
        SOURCES,
        data.data_as_of,
    )


def test_briefing_png_opens_at_print_size(synthetic_dir):
    image = Image.open(io.BytesIO(briefing("png", synthetic_dir)))
    assert image.width > 1500
    assert image.height > 1000
    assert image.text["Source"] == "\n".join(SOURCES)
    assert image.text["Title"] == "Durand Line Monitor briefing, Data as of 15 Jan 2026"


def test_briefing_pdf_is_one_page_with_its_sources_and_data_date_printed_and_in_its_metadata(synthetic_dir):
    pdf = PdfReader(io.BytesIO(briefing("pdf", synthetic_dir)))
    assert len(pdf.pages) == 1
    page = pdf.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height), "landscape"
    text = " ".join(page.extract_text().split())
    assert "Data as of 15 Jan 2026" in text
    assert "Sources:" in text
    for source in SOURCES:
        assert source in text
    assert pdf.metadata.title == "Durand Line Monitor briefing, Data as of 15 Jan 2026"
    assert pdf.metadata.subject == "Sources: " + "; ".join(SOURCES)
    assert pdf.metadata["/Keywords"] == "data as of 2026-01-15"
