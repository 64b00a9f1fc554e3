"""The take-away deck: the same slides as PowerPoint (read back with python-pptx) and as PDF (read with pypdf)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools

import numpy as np
import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader

from components.charts import comparison_chart
from components.dataset import load_dataset
from components.deck import MapInputs, deck_pdf, deck_pptx, slide_figure
from components.export import MARGIN, PAGE, ExportContext, deck_file_name
from components.paths import BUNDLED_DATA_DIR
from components.signals import signals, signals_slide
from components.slides import BigNumber, Slide
from components.trends import compare_years, comparison_table, periods
from components.vocabulary import SERIES
from tests.synthetic import many_events

A4_POINTS = (842, 595)
SOURCE = "PICSS, militant attacks only · Pakistan · Jan–Dec 2025 vs Jan–Dec 2024 · Data as of 15 Jan 2026"
CONTEXT = ExportContext(
    "PICSS",
    "militant attacks only",
    "Pakistan",
    "Jan–Dec 2025 vs Jan–Dec 2024",
    ("PICSS", "Dawn"),
    dt.date(2026, 1, 15),
    (2025, 2024),
)


def made_slides(folder) -> list[Slide]:
    """One slide of each kind the briefing shows, from the synthetic data set."""
    data = load_dataset(folder)
    comparison = compare_years(periods(data.figures, "PICSS", "militant_attacks", "Pakistan", "attacks", "month"), 2025)
    developments = pd.DataFrame(
        {
            "Date": [pd.Timestamp("2026-01-12"), pd.Timestamp("2026-01-09")],
            "Where": ["Quetta, Balochistan", "Bannu, Khyber Pakhtunkhwa"],
            "Killed": [12.0, np.nan],  # a toll not stated stays blank, never 'nan'
        }
    )
    return [
        Slide(
            "kpis",
            "Attacks up 15% in 2025",
            SOURCE,
            numbers=(BigNumber("Attacks, 2025", "1,068", "+15% vs 927 in 2024"), BigNumber("Deaths, 2025", "1,234")),
            links=("https://www.picss.net/report-2025",),
        ),
        Slide(
            "trend",
            "Attacks per month, 2025 against 2024",
            SOURCE,
            chart=comparison_chart(comparison, "Attacks"),
            table=comparison_table(comparison),
            statements=("The busiest month of 2025 is marked.",),
            links=("trends?cadence=month&metric=attacks&region=Pakistan&source=PICSS%3Amilitant_attacks",),
        ),
        Slide("map", "Incidents near the Durand Line", SOURCE),
        Slide("latest", "Latest developments", SOURCE, table=developments, links=("https://www.dawn.com/news/1",)),
    ]


@pytest.fixture(scope="module")
def made(synthetic_dir):
    data = load_dataset(synthetic_dir)
    slides = made_slides(synthetic_dir)
    files = {
        "pptx": deck_pptx(slides, CONTEXT, MapInputs(data.events, data.geo, data["towns"])),
        "pdf": deck_pdf(slides, CONTEXT, MapInputs(data.events, data.geo, data["towns"])),
    }
    return slides, files


def shape_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_pptx_reads_back_with_titles_source_lines_and_notes(made):
    slides, files = made
    deck = Presentation(io.BytesIO(files["pptx"]))
    assert len(deck.slides) == len(slides)
    assert (deck.slide_width.inches, deck.slide_height.inches) == pytest.approx(PAGE, abs=0.01)
    for made_slide, page in zip(slides, deck.slides, strict=True):
        assert page.shapes.title.text == made_slide.title
        assert made_slide.source_line in shape_texts(page)
        notes = page.notes_slide.notes_text_frame.text
        for link in made_slide.links:
            assert link in notes.splitlines()
    assert "1,068" in shape_texts(deck.slides[0])
    assert "+15% vs 927 in 2024" in shape_texts(deck.slides[0])
    assert deck.core_properties.subject == "Sources: PICSS; Dawn"
    assert deck.core_properties.keywords == "data as of 2026-01-15"


def test_pptx_charts_and_the_map_are_pictures_and_tables_are_native(made):
    slides, files = made
    deck = Presentation(io.BytesIO(files["pptx"]))
    trend, map_page, latest = deck.slides[1], deck.slides[2], deck.slides[3]
    for page in (trend, map_page):
        (picture,) = [shape for shape in page.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert picture.image.size[0] >= 2000  # high resolution: sharp on a projector
    (chart,) = [shape for shape in trend.shapes if shape.shape_type == 13]
    assert chart.width.inches >= 0.9 * (PAGE[0] - 2 * MARGIN)  # the chart fills the slide's width
    (table,) = [shape.table for shape in latest.shapes if shape.has_table]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["Date", "Where", "Killed"],
        ["12 Jan 2026", "Quetta, Balochistan", "12"],  # a toll as written, not "12.0"
        ["9 Jan 2026", "Bannu, Khyber Pakhtunkhwa", ""],
    ]
    for row in table.rows:  # an empty cell too is 10 pt: PowerPoint's default 18 pt would make its row taller
        for cell in row.cells:
            ends = cell.text_frame._txBody.xpath(".//a:endParaRPr/@sz")
            assert ends == ["1000"] * len(cell.text_frame.paragraphs), cell.text
    notes = trend.notes_slide.notes_text_frame.text  # the chart's numbers, which the slide shows as a picture
    assert "Rows not shown on the slide:" in notes
    assert slides[1].table.iloc[0]["period"] in notes


def test_pdf_has_one_a4_landscape_page_per_slide_searchable_text_and_metadata(made):
    slides, files = made
    pdf = PdfReader(io.BytesIO(files["pdf"]))
    assert len(pdf.pages) == len(slides)
    for made_slide, page in zip(slides, pdf.pages, strict=True):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_POINTS, abs=1)
        text = " ".join(page.extract_text().split())
        assert made_slide.title in text
        assert SOURCE in text
    assert "Bannu, Khyber Pakhtunkhwa" in pdf.pages[3].extract_text()
    assert pdf.metadata.subject == "Sources: PICSS; Dawn"
    assert pdf.metadata["/Keywords"] == "data as of 2026-01-15"
    assert "Data as of 15 Jan 2026" in pdf.metadata.title
    fonts = {font.get_object()["/Subtype"] for page in pdf.pages for font in page["/Resources"]["/Font"].values()}
    assert "/Type3" not in fonts


def test_map_page_has_a_legend_and_place_names(made):
    _, files = made
    text = " ".join(PdfReader(io.BytesIO(files["pdf"])).pages[2].extract_text().split())
    for words in ("Durand Line", "Dot size", "Quetta", "Peshawar", "Kabul"):
        assert words in text


def test_a_large_selection_is_counted_per_cell_on_the_map_page(synthetic_dir):
    data = load_dataset(synthetic_dir)
    events = many_events(50_000, seed=5)
    pdf = deck_pdf([Slide("map", "Every imported event", SOURCE)], CONTEXT, MapInputs(events, data.geo, data["towns"]))
    assert len(pdf) < 2_000_000
    assert "50,000 events in" in " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_a_table_too_long_for_the_page_leaves_the_rest_to_the_notes(synthetic_dir):
    rows = pd.DataFrame({"Month": [f"Month {i}" for i in range(60)], "Figure": [str(i) for i in range(60)]})
    slide = Slide("latest", "Sixty rows", SOURCE, table=rows)
    deck = Presentation(io.BytesIO(deck_pptx([slide], CONTEXT)))
    (table,) = [shape.table for shape in deck.slides[0].shapes if shape.has_table]
    shown = len(table.rows) - 1
    assert 5 < shown < 60
    assert f"{60 - shown} more rows not shown on this slide: the speaker notes list them." in shape_texts(
        deck.slides[0]
    )
    assert "Month 59 · 59" in deck.slides[0].notes_slide.notes_text_frame.text
    # A PDF has no notes: the rows left out follow on pages of their own, every one of them.
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(deck_pdf([slide], CONTEXT))).pages]
    assert f"{60 - shown} more rows not shown on this slide: continued on the next page." in pages[0]
    assert len(pages) > 1
    assert all(page.startswith("Sixty rows (continued)") for page in pages[1:])
    every = " ".join(pages)
    assert all(f"Month {i} " in every or f"Month {i}" in every for i in range(60))
    assert "Month 59" in pages[-1]


def test_blocks_stay_on_the_page_and_apart(synthetic_dir):
    data = load_dataset(synthetic_dir)
    long = Slide("kpis", "A finding " * 30, SOURCE * 3, numbers=(BigNumber("Label " * 12, "12,345", "note " * 15),) * 3)
    for slide in [*made_slides(synthetic_dir), long]:
        figure = slide_figure(slide, MapInputs(data.events, data.geo, data["towns"]))
        renderer = figure.canvas.get_renderer()
        boxes = [text.get_window_extent(renderer) for text in figure.texts]
        boxes += [axis.get_tightbbox(renderer) for axis in figure.axes]
        for box in boxes:
            assert figure.bbox.x0 <= box.x0
            assert box.x1 <= figure.bbox.x1
            assert figure.bbox.y0 <= box.y0
            assert box.y1 <= figure.bbox.y1
        for first, second in itertools.combinations(boxes, 2):
            assert not first.overlaps(second), (slide.code, first, second)


def test_file_names_say_what_whose_where_and_the_data_date():
    assert deck_file_name(CONTEXT, "pptx") == (
        "briefing_deck_picss-militant-attacks-only_pakistan_2025-vs-2024_data-2026-01-15.pptx"
    )


def test_a_deck_from_the_bundled_data_carries_the_signals(tmp_path):
    data = load_dataset(BUNDLED_DATA_DIR)
    found = signals(data.figures)
    slide = signals_slide(found, data.data_as_of)
    context = ExportContext("PICSS", "militant attacks only", "Pakistan", "", ("PICSS",), data.data_as_of)
    deck = Presentation(io.BytesIO(deck_pptx([slide], context)))
    page = deck.slides[0]
    assert page.shapes.title.text == slide.title
    assert slide.source_line in shape_texts(page)
    for statement in slide.statements:
        assert f"•  {statement}" in shape_texts(page)
    assert "Rules: " in slide.statements[-1]
    tables = [shape.table for shape in page.shapes if shape.has_table]
    notes = page.notes_slide.notes_text_frame.text
    shown = len(tables[0].rows) - 1 if tables else 0
    if tables:
        assert tables[0].cell(0, 0).text == "Signal"
        assert tables[0].cell(1, 0).text == found[0].headline
    for signal in found[shown:]:
        assert signal.headline in notes
    assert found[0].link in notes.splitlines()
    pdf = PdfReader(io.BytesIO(deck_pdf([slide], context)))
    assert found[0].headline in " ".join(pdf.pages[0].extract_text().split())
    every = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)  # continued pages: no notes
    assert all(" ".join(signal.headline.split()) in every for signal in found)


def test_statements_beyond_the_page_are_named_and_left_to_the_notes():
    statements = tuple(f"Development {i}: " + "a long line of what happened and where, " * 4 for i in range(30))
    slide = Slide("latest", "Thirty developments", SOURCE, statements=statements)
    page = Presentation(io.BytesIO(deck_pptx([slide], CONTEXT))).slides[0]
    shown = [text for text in shape_texts(page) if text.startswith("•  Development")]
    assert 3 < len(shown) < 30
    left = 30 - len(shown)
    assert f"{left} more statements not shown on this slide: the speaker notes list them." in shape_texts(page)
    assert statements[-1] in page.notes_slide.notes_text_frame.text
    text = " ".join(PdfReader(io.BytesIO(deck_pdf([slide], CONTEXT))).pages[0].extract_text().split())
    assert f"{left} more statements not shown on this slide." in text
    assert SOURCE in text


def test_a_bundled_deck_writes_each_figure_as_the_data_file_does():
    """The slides' tables and speaker notes wrote CRSS's 2025 deaths (3417 in tracker_stats.csv) as "3417.0" and
    PICSS's Aug 2025 attacks (143) as "143.0": a figure is recorded exactly as its source gives it."""
    import re

    from components.briefing_slides import briefing_slides
    from components.incidents import IncidentFilter

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    slides = briefing_slides(data, selection.apply(data.events), selection)
    deck = Presentation(io.BytesIO(deck_pptx(slides, CONTEXT)))
    texts = [
        text
        for page in deck.slides
        for text in (
            *shape_texts(page),
            *(cell.text for shape in page.shapes if shape.has_table for row in shape.table.rows for cell in row.cells),
            page.notes_slide.notes_text_frame.text,
        )
    ]
    written = "\n".join(texts)
    assert not re.findall(r"\b\d+\.0\b", written), "a whole figure written with '.0'"
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        (stated,) = {
            row["value"]
            for row in csv.DictReader(handle)
            if (row["tracker"], row["period_type"], row["metric"], row["region"], row["period_start"])
            == ("CRSS", "year", "deaths_total", "Pakistan", "2025-01-01")
            and row["status"] == "published"
        }
    assert f"CRSS · {SERIES.label('overall_violence')} · {stated} · as published · " in written  # disagree notes


def test_the_speaker_notes_list_chart_rows_in_words_not_as_the_code_holds_them():
    """The trend and disagree slides' notes listed their charts' rows as the code holds them: "False" for a
    final figure, the code "overall_violence", and change % with 15 decimals ("-20.430107526881720"). They
    read as the Trends tables do: PICSS's Jan 2024 and Jan 2025 attacks as tracker_stats.csv gives them, the
    change and the whole percent."""
    import re

    from components.briefing_slides import briefing_slides
    from components.incidents import IncidentFilter

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    slides = briefing_slides(data, selection.apply(data.events), selection)
    deck = Presentation(io.BytesIO(deck_pptx(slides, CONTEXT)))
    pages = zip(slides, deck.slides, strict=True)
    notes = {slide.code: page.notes_slide.notes_text_frame.text for slide, page in pages}
    written = notes["trend"] + notes["disagree"]
    assert not re.findall(r"\b(?:True|False|overall_violence|militant_attacks)\b", written)
    assert not re.findall(r"\d\.\d{3,}", written), "a percentage written with its float's decimals"
    january = picss_national_januaries()
    before, after = int(january["2024"]), int(january["2025"])
    change = after - before
    assert f"Jan · {before} · {after} · {change} · {round(100 * change / before)} · " in notes["trend"]


def test_the_notes_links_to_the_monitors_pages_open_from_a_forwarded_deck():
    """The signals slide's notes linked its Trends charts as "trends?cadence=month&...", dead once the deck
    was forwarded. Made with the app's address (as the browser saw it), every link in the notes opens from
    anywhere: the Trends chart of each signal the bundled tracker_stats.csv gives, under that address."""
    from components.links import RELATIVE_LINKS_NOTE, page_url

    data = load_dataset(BUNDLED_DATA_DIR)
    found = signals(data.figures)
    slide = signals_slide(found, data.data_as_of)
    app_url = page_url("https://monitor.example.org/dlm/briefing?panel=signals", "dlm", "")
    page = Presentation(io.BytesIO(deck_pptx([slide], CONTEXT, app_url=app_url))).slides[0]
    lines = page.notes_slide.notes_text_frame.text.splitlines()
    links = lines[lines.index("Links:") + 1 :][: len(slide.links)]
    assert all(link.startswith(("https://", "http://")) for link in links)
    for signal in found:
        assert f"https://monitor.example.org/dlm/trends?{signal.link.split('?', 1)[1]}" in links
    assert RELATIVE_LINKS_NOTE not in lines
    # With no address known (a deck made outside a browser), the links stay relative and the notes say so.
    unknown = Presentation(io.BytesIO(deck_pptx([slide], CONTEXT))).slides[0].notes_slide.notes_text_frame.text
    assert found[0].link in unknown.splitlines()
    assert RELATIVE_LINKS_NOTE in unknown.splitlines()


def test_the_trend_slides_notes_head_its_rows_with_the_tables_column_words():
    """Slide 2's notes listed the chart's rows ("Jan · 93 · 74 · -19 · -20 · ") under no header, so nobody
    could tell which year a figure was. The rows now sit under the words the slide's table uses, its years
    the years the bundled tracker_stats.csv compares, and January's figures under them as the file gives them."""
    from components.briefing_slides import briefing_slides
    from components.incidents import IncidentFilter

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    slides = briefing_slides(data, selection.apply(data.events), selection)
    trend = next(index for index, slide in enumerate(slides) if slide.code == "trend")
    assert trend == 1  # the second slide
    page = Presentation(io.BytesIO(deck_pptx(slides, CONTEXT))).slides[trend]
    lines = page.notes_slide.notes_text_frame.text.splitlines()
    head, january = lines[lines.index("Rows not shown on the slide:") + 1 :][:2]
    stated = picss_national_januaries()
    assert head == "period · 2024 · 2025 · change · change % · note"
    assert head.split(" · ") == [str(column) for column in slides[trend].table.columns]
    assert january.startswith(f"Jan · {stated['2024']} · {stated['2025']} · ")
    assert len(january.split(" · ")) == len(head.split(" · "))


def test_the_signals_slide_prints_each_signal_once():
    """The deck's signals slide printed its first three signals twice, as lines and again as its table's first
    rows. Each signal of the bundled tracker_stats.csv is now read once, on the slide or in the rows its notes
    list (the title still names the first: it is the finding)."""
    data = load_dataset(BUNDLED_DATA_DIR)
    found = signals(data.figures)
    assert len(found) > 3
    slide = signals_slide(found, data.data_as_of)
    page = Presentation(io.BytesIO(deck_pptx([slide], CONTEXT))).slides[0]
    body = [text for text in shape_texts(page) if text != page.shapes.title.text]
    body += [cell.text for shape in page.shapes if shape.has_table for row in shape.table.rows for cell in row.cells]
    body += page.notes_slide.notes_text_frame.text.splitlines()
    for signal in found:
        assert sum(signal.headline in text for text in body) == 1, signal.headline


def picss_national_januaries() -> dict[str, str]:
    """PICSS's national January attacks by year, as tracker_stats.csv writes them (published rows)."""
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["period_start"][:4]: row["value"]
            for row in csv.DictReader(handle)
            if (row["tracker"], row["series"], row["period_type"], row["metric"], row["region"])
            == ("PICSS", "militant_attacks", "month", "attacks", "Pakistan")
            and row["period_start"][5:] == "01-01"
            and row["status"] == "published"
        }
