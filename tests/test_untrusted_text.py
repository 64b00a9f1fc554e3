"""Text from data files is shown as text everywhere: pages, detail panels, map tooltips and exports.

Every free-text field of the synthetic folder in tests/hostile.py carries script, HTML, Markdown and
LaTeX payloads. In Chromium no script may run and no injected element may appear, and the payload must
be visible literally (so the test fails if nothing was drawn at all). Exports must keep it as text too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from bench.synthetic_events import acled_frame, write_csv
from components.dataset import load_dataset
from components.export import ExportContext, briefing_file, chart_svg
from components.map_layers import INITIAL_VIEW
from components.paths import ROOT
from components.textsafe import csv_bytes, escape_markdown
from components.ui.timeline import timeline_figure
from tests.conftest import serve
from tests.hostile import LITERAL, PAYLOAD, write_hostile_dataset
from tests.test_browser import SCREENSHOTS, open_page, pick, settle, upload

# No script ran, and none of the payloads' elements or links exists, in the page or any frame of it.
INJECTED = '#injected, img[src="x"], a[href^="javascript:"]'


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    return write_hostile_dataset(tmp_path_factory.mktemp("hostile-data"))


@pytest.fixture(scope="module")
def hostile_url(hostile_dir):
    yield from serve(hostile_dir)


def assert_inert(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined", "a payload script ran"
    for frame in page.frames:
        assert frame.locator(INJECTED).count() == 0, f"injected element in {frame.url}"
        assert frame.evaluate("[...document.scripts].filter(s => s.text.includes('__xss')).length") == 0


def literal_count(page) -> int:
    return sum(frame.evaluate("document.body.innerText").count(LITERAL) for frame in page.frames)


# Pages whose every text is drawn in the DOM show the payload; the Data page draws its tables on a canvas.
PAGES = {
    "overview": ("", True),
    "trends": ("trends", False),
    "briefing-latest": ("briefing?panel=Latest+developments", True),
    "briefing-map": ("briefing?panel=Map", False),
    "briefing-timeline": ("briefing?panel=Diplomacy+and+violence", False),
    "briefing-crossings": ("briefing?panel=crossings", True),
    **{f"data-{table}": (f"data?table={table}", False) for table in ("incidents", "crossings", "diplomacy")},
}


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_pages_show_payloads_as_text(browser, hostile_url, name):
    path, shows_text = PAGES[name]
    context, page, _ = open_page(browser, f"{hostile_url}/{path}")
    try:
        time.sleep(1)  # let charts and the map draw
        assert page.locator("[data-testid=stException]").count() == 0
        assert_inert(page)
        if shows_text:
            assert literal_count(page) > 0, "payload not shown at all"
        else:
            assert page.locator("[data-testid=stMain] [data-testid=stElementContainer]").count() > 3
    finally:
        context.close()


def _pixel(lat: float, lon: float) -> tuple[float, float]:
    """Offset from the map's centre, in CSS pixels, of a point in deck.gl's Web Mercator view."""
    world = 512 * 2**INITIAL_VIEW.zoom

    def y(value: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(value) / 2)) * world / (2 * math.pi)

    return (lon - INITIAL_VIEW.longitude) / 360 * world, y(INITIAL_VIEW.latitude) - y(lat)


@pytest.mark.browser
def test_incident_panel_and_map_tooltip_show_payloads_as_text(browser, hostile_url, hostile_dir):
    crossing = next(csv.DictReader((hostile_dir / "crossings.csv").open(encoding="utf-8")))
    context, page, _ = open_page(browser, f"{hostile_url}/map")
    try:
        canvas = page.locator("[data-testid=stDeckGlJsonChart] canvas").first
        canvas.scroll_into_view_if_needed()
        time.sleep(1)
        box = canvas.bounding_box()
        dx, dy = _pixel(float(crossing["lat"]), float(crossing["lon"]))
        page.mouse.move(box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy, steps=5)
        tooltip = page.locator(".deck-tooltip")
        tooltip.wait_for(state="visible", timeout=10_000)
        assert f"{crossing['name']} crossing" in tooltip.inner_text()  # shown as typed, not as &lt;
        assert tooltip.locator("script, img, b#injected").count() == 0
        assert_inert(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "hostile-map-tooltip.png")

        pick(page, "Incident details", "place 1 ")
        main = page.locator("[data-testid=stMain]").inner_text()
        assert f"summary 1 {PAYLOAD}" in main, "incident detail panel not shown, or its summary altered"
        perpetrator = page.locator("[data-testid=stMarkdown]").filter(has_text="Perpetrator (as reported)").first
        assert f"perpetrator 1 {PAYLOAD}" in perpetrator.inner_text()
        assert_inert(page)

    finally:
        context.close()


@pytest.mark.browser
def test_diplomacy_panel_shows_payloads_as_text(browser, hostile_url):
    context, page, _ = open_page(browser, f"{hostile_url}/diplomacy")
    try:
        pick(page, "Diplomatic event", "title 1 ")
        shown = page.locator("[data-testid=stMain]").inner_text()
        assert "Sources (1)" in shown, "diplomacy detail panel not shown"
        for field in ("title", "venue", "parties", "mediators", "outcome", "summary"):
            assert f"{field} 1 {PAYLOAD}" in shown, field
        assert_inert(page)
        page.screenshot(path=SCREENSHOTS / "hostile-diplomacy.png", full_page=True)
    finally:
        context.close()


# Exports.


def test_chart_svg_keeps_data_text_as_text(hostile_dir):
    data = load_dataset(hostile_dir)
    chart = timeline_figure(data, data.diplomacy_events, data.events, dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    svg = chart_svg(chart)
    assert "&lt;script&gt;" in svg  # the crossing name on the axis, escaped
    assert "<script" not in svg
    tags = {element.tag.rsplit("}", 1)[-1] for element in ET.fromstring(svg).iter()}
    assert not tags & {"script", "img", "b", "a", "foreignObject"}


def test_briefing_files_draw_payloads_literally(hostile_dir):
    """Source names carry "$\\frac{x$", which matplotlib's mathtext cannot parse: it must not be parsed."""
    data = load_dataset(hostile_dir)
    sources = tuple(f"{name}: {url}" for name, url in data.events[["source_name", "source_url"]].to_numpy())
    context = ExportContext("PICSS", "militant attacks only", PAYLOAD, "no monthly figures", sources, data.data_as_of)
    png = briefing_file("png", None, None, PAYLOAD, data.events, data.geo, context)
    image = Image.open(io.BytesIO(png))
    assert image.width > 1500
    assert PAYLOAD in image.text["Source"]
    pdf = briefing_file("pdf", None, None, PAYLOAD, data.events, data.geo, context)
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "$\\frac{x$" in text


def test_csv_downloads_round_trip_text_and_cannot_run_formulas():
    frame = pd.DataFrame(
        {
            "summary": [PAYLOAD, '=HYPERLINK("http://example.org","x")', "+1", "@SUM(A1)", "-2 killed", None],
            "killed": [1, 2, 3, 4, -5, 6],
        }
    )
    back = pd.read_csv(io.BytesIO(csv_bytes(frame)))
    assert back["summary"].tolist()[:5] == [
        PAYLOAD,
        '\'=HYPERLINK("http://example.org","x")',
        "'+1",
        "'@SUM(A1)",
        "'-2 killed",
    ]
    assert back["killed"].tolist() == [1, 2, 3, 4, -5, 6]


@pytest.mark.browser
def test_an_uploaded_acled_file_with_payloads_stays_text(browser, app_url, tmp_path):
    """An analyst's own export is untrusted too: notes, actors, places and sources carry the payloads."""
    frame = acled_frame(300).astype(str)
    for column in ("notes", "actor1", "assoc_actor_1", "location", "admin2", "source"):
        frame[column] = f"{column} {PAYLOAD}"
    hostile_file = write_csv(frame, tmp_path / "hostile_acled.csv")
    context, page, _ = open_page(browser, f"{app_url}/data")
    try:
        upload(page, str(hostile_file))
        assert page.get_by_text("ACLED file: hostile_acled.csv").count() == 1, "upload not imported"
        assert_inert(page)
        for link in ("Overview", "Diplomacy timeline", "Trends", "Map"):
            page.get_by_role("link", name=link).click()
            settle(page)
            time.sleep(1)  # let charts and the map draw
            assert page.locator("[data-testid=stException]").count() == 0, link
            assert_inert(page)
        pick(page, "Incident details", "location ")
        main = page.locator("[data-testid=stMain]").inner_text()
        assert f"notes {PAYLOAD}" in main, "incident detail panel not shown, or its summary altered"
        assert_inert(page)
        page.screenshot(path=SCREENSHOTS / "hostile-upload.png", full_page=True)
    finally:
        context.close()


def test_static_tables_escape_data_text(hostile_dir, monkeypatch):
    """st.table reads each cell as Markdown: a crossing's source name drew "**x**" in bold on the briefing."""
    monkeypatch.setenv("DLM_DATA_DIR", str(hostile_dir))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["panel"] = "crossings"
    app.run()
    app.switch_page("views/briefing/briefing.py").run()
    assert not app.exception, [e.value for e in app.exception]
    cells = [
        str(cell)
        for table in app.table
        for frame in (table.value,)
        for cell in [*frame.index, *frame.to_numpy().ravel()]
    ]
    with_payload = [cell for cell in cells if "xss" in cell]
    assert with_payload, "no table showed a payload"
    assert all(escape_markdown("**x**") in cell for cell in with_payload)
    assert not [cell for cell in with_payload if "**x**" in cell.replace(escape_markdown("**x**"), "")]
