"""Briefing mode in headless Chromium: every slide fits a projector, a wall screen and a 4K screen in type a
meeting room reads, and the keys a presentation clicker sends move through the slides.

One served app and one browser for the whole file; each screen size walks the slides in one page, so the
file costs three page loads and a rerun per slide."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from components.briefing_slides import BRIEFING_FONT, MAP_DESIGN_PX, briefing_map_view
from components.dataset import load_dataset
from components.map_labels import pixels, text_box
from components.map_layers import LABEL_FONT, place_labels
from components.paths import BUNDLED_DATA_DIR
from tests.test_browser import SCREENSHOTS, settle

SIZES = ((1280, 720), (1920, 1080), (3840, 2160))
FLOOR_AT_1920 = 24  # px: the smallest type on a 1920 x 1080 screen, in proportion at other sizes

# Every visible text node: its rendered size in px (SVG text scaled as the SVG is drawn), whether it is cut
# (past the screen's edge or out of a box that hides what overflows, or ending in an ellipsis).
TEXTS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (!text || !element || element.closest("script, style, [data-testid=stPopoverBody]")) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden" || box.right <= 0
        || box.left >= innerWidth || box.bottom <= 0 || box.top >= innerHeight) continue;
    let size = parseFloat(style.fontSize);
    const svg = element.closest("svg");
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    // The text's own box against every box round it that hides what overflows, and the screen.
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    const drawn = svg ? box : range.getBoundingClientRect();  // SVG text: its box as turned (axis titles)
    const slack = Math.max(1, 0.1 * size);  // a line's box is taller than its letters
    let cut = drawn.bottom > innerHeight + slack || drawn.right > innerWidth + slack || text.endsWith("…");
    for (let e = element; e && e !== document.body && !cut; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (["hidden", "clip"].includes(s.overflowX) || ["hidden", "clip"].includes(s.overflowY)) {
        const room = e.getBoundingClientRect();
        cut = drawn.right > room.right + slack || drawn.bottom > room.bottom + slack || drawn.left < room.left - slack;
      }
    }
    out.push({size, text: text.slice(0, 60), cut});
  }
  return out;
}"""

# The map's labels are deck.gl text drawn in its canvas, so their size is measured in a screenshot of it:
# names in open country (no dot, line or gate crosses their letters) are found where the slide's view puts
# them, their letters are the dark pixels round that spot (the labels' ink is [25, 25, 25] on a white halo),
# and the height of those letters, from the tallest letter's top to the lowest one's foot, is turned into a
# font size by the same name's ink height per px of type, measured by the browser in the font deck.gl asks
# for (canvas measureText: 0.77 em for "Lahore", its ascender height, in the sans-serif bold Chromium picks).
MEASURED_LABELS = ("Lahore", "Herat")
DARK = 110  # a label's letter pixel is darker than this (grey level); halo, land and borders are lighter
INK_PER_PX = """texts => { const c = document.createElement("canvas").getContext("2d");
  c.font = "700 100px %s";
  return texts.map(t => { const m = c.measureText(t);
    return (m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) / 100; }); }"""
CANVAS = ".st-key-briefing-map canvas"


def map_label_sizes(page) -> dict[str, float]:
    """Each of MEASURED_LABELS' font size in screen px, as measured in a screenshot of the map slide."""
    data = load_dataset(BUNDLED_DATA_DIR)
    view = briefing_map_view(tuple(data.geo["countries"].query("role == 'focus'").total_bounds))
    labels = {
        label["text"]: label
        for label in place_labels(
            data["crossings"], data["towns"], view.lat, view.lon, view.zoom, BRIEFING_FONT, (MAP_DESIGN_PX,)
        )
    }
    canvas = page.locator(CANVAS)
    scale = canvas.evaluate("c => c.getBoundingClientRect().width / c.offsetWidth")
    shot = Image.open(io.BytesIO(canvas.screenshot())).convert("L")
    ink = dict(zip(MEASURED_LABELS, page.evaluate(INK_PER_PX % LABEL_FONT, list(MEASURED_LABELS)), strict=True))
    centre_x, centre_y = pixels(view.lon, view.lat, view.zoom)
    sizes = {}
    for text in MEASURED_LABELS:
        label = labels[text]
        x, y = pixels(label["lon"], label["lat"], view.zoom)
        box = text_box(x - centre_x, y - centre_y, text, label["anchor"], label["offset"], BRIEFING_FONT)
        left, right = (shot.width / 2 + edge * scale for edge in (box.left, box.right))
        top, bottom = (shot.height / 2 + edge * scale for edge in (box.top, box.bottom))
        letters = shot.crop((round(left), round(top), round(right), round(bottom))).point(lambda v: 255 * (v < DARK))
        found = letters.getbbox()
        sizes[text] = (found[3] - found[1]) / ink[text] if found else 0.0
    return sizes


def measured_map_labels(page, tries: int = 10) -> dict[str, float]:
    """map_label_sizes once every name is drawn: deck.gl draws its text a moment after the map."""
    for _ in range(tries):
        sizes = map_label_sizes(page)
        if all(sizes.values()):
            break
        page.wait_for_timeout(1_000)
    return sizes


def slide_code(page) -> str:
    """The slide the link names; the first slide's link names none."""
    return page.url.split("panel=")[1].split("&")[0] if "panel=" in page.url else "kpis"


def open_briefing(browser, url: str, width: int, height: int):
    """The page at `url` once the app has run: the first run after the server starts loads the data."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    page.goto(url)
    settle(page, timeout=180)
    return context, page, outside


@pytest.mark.browser
def test_every_slide_fits_each_screen_in_large_type_and_the_clicker_keys_move_through_them(browser, app_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        floor = FLOOR_AT_1920 * width / 1920
        context, page, outside = open_briefing(browser, f"{app_url}/briefing?panel=kpis", width, height)
        try:
            seen = []
            forward = ("ArrowRight", "PageDown")
            while slide_code(page) not in seen:
                code = slide_code(page)
                seen.append(code)
                if code == "map":
                    page.wait_for_selector(CANVAS, state="visible", timeout=30_000)
                page.screenshot(path=SCREENSHOTS / f"briefing-{code}-{width}.png")
                where = f"{code} at {width} x {height}"
                for scroller in ("[data-testid=stMain]", "html"):
                    overflow = page.locator(scroller).evaluate("e => e.scrollHeight - e.clientHeight")
                    assert overflow <= 1, f"{where}: {scroller} scrolls by {overflow} px"
                texts = page.evaluate(TEXTS)
                small = [(round(t["size"], 1), t["text"]) for t in texts if t["size"] < floor - 0.5]
                assert not small, f"{where}: text under {floor:.0f} px: {small[:5]}"
                cut = [t["text"] for t in texts if t["cut"]]
                assert not cut, f"{where}: text cut off: {cut[:5]}"
                assert any(t["text"].startswith("Source: ") for t in texts), f"{where}: no source line"
                if code == "map":
                    labels = measured_map_labels(page)
                    assert min(labels.values()) >= floor - 0.5, f"{where}: map labels measured at {labels} px"
                    legend = page.locator(".dlm-legend").inner_text()
                    assert "Incidents:" in legend
                    assert "Crossings:" in legend
                page.locator("body").press(forward[len(seen) % 2])
                settle(page)
            assert slide_code(page) == "kpis"  # after the last slide, round to the first
            assert {"trend", "map", "timeline", "latest", "crossings", "signals"} <= set(seen), seen
            for key, expected in (("ArrowLeft", seen[-1]), ("PageUp", seen[-2])):
                page.locator("body").press(key)
                settle(page)
                assert slide_code(page) == expected, key
            assert outside == [], f"requests left the machine: {outside[:5]}"
        finally:
            context.close()
