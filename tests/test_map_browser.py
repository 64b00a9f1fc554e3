"""The map page at 1440 x 900 in Chromium, as an analyst uses it (issue #19): a clicked incident's details
appear beside the map inside the first screen within a second, the map keeps its colours after the click and
its tooltips are not cut at its edge, every incident at a shared point is reachable, and no table shows a time
of day or a raw fraction."""

from __future__ import annotations

import math
import os
import re
import time

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from components.dataset import load_dataset
from components.dates import format_day
from components.map_labels import MAP_SIZES_PX
from components.map_views import DEFAULT_VIEW, VIEWS
from components.paths import BUNDLED_DATA_DIR
from tests.test_browser import SCREENSHOTS, open_page, settle

WIDTH, HEIGHT = 1440, 900
# The target is 1 s (set DLM_CLICK_SECONDS=1 on a machine with a GPU). Python answers a click in
# about 0.1 s (the map's part of the page reruns alone); the rest is deck.gl redrawing the map, which in
# Chromium's software renderer (SwiftShader, no GPU) took 4 s on a quiet build machine and 4-11 s on a busy
# one, so the default budget here only catches a click that never shows its details. README, "Page speed".
CLICK_SECONDS = float(os.environ.get("DLM_CLICK_SECONDS", "60"))
MAP = "[data-testid=stDeckGlJsonChart]"
QUETTA = (30.18414, 67.00141)  # five curated incidents share this point
LAND = (20, 500)  # canvas pixel on plain land (Iran, a context country) at the default view
LAND_GREY = (232, 232, 232)  # components.map_layers: context countries' fill
# Ancestors of the tooltip, up to the map's element, that cut what overflows them.
CLIPPING = """t => { const out = []; let e = t.parentElement;
    while (e && !(e.dataset && e.dataset.testid === 'stElementContainer')) {
        const s = getComputedStyle(e); if (s.overflow !== 'visible') out.push(e.className || e.tagName);
        e = e.parentElement; }
    return out; }"""


def offset(lat: float, lon: float, view=VIEWS[DEFAULT_VIEW]) -> tuple[float, float]:
    """Pixels from the map's centre to a point, in deck.gl's Web Mercator view (512-pixel world)."""
    world = 512 * 2**view.zoom

    def y(value: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(value) / 2)) * world / (2 * math.pi)

    return (lon - view.lon) / 360 * world, y(view.lat) - y(lat)


def at_quetta() -> list[str]:
    events = load_dataset(BUNDLED_DATA_DIR).events
    here = events[(events["lat"].round(5) == QUETTA[0]) & (events["lon"].round(5) == QUETTA[1])]
    return list(here["incident_id"])


def hover_quetta(page):
    """Hover the Quetta point until deck.gl picks it; its tooltip and the pointer's (x, y)."""
    box = page.locator(f"{MAP} canvas").first.bounding_box()
    dx, dy = offset(*QUETTA)
    x, y = box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy
    tooltip = page.locator(".deck-tooltip").filter(has_text="4 more at this point")
    for nudge in range(30):  # a busy machine may still be drawing the map: hover until the pick lands
        page.mouse.move(x + nudge % 2, y)
        try:
            tooltip.wait_for(state="visible", timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
    return tooltip, (x, y)


def click_quetta(page) -> float:
    """Click the Quetta point once deck.gl picks it (its tooltip shows); seconds until the list of the
    incidents there shows beside the map."""
    tooltip, (x, y) = hover_quetta(page)
    clipping = tooltip.evaluate(CLIPPING)
    assert clipping == [], f"the tooltip is cut at the map's edge by {clipping}"
    start = time.monotonic()
    page.mouse.click(x, y)
    page.get_by_text(re.compile(r"^5 incidents at this point")).wait_for(timeout=120_000)
    return time.monotonic() - start


@pytest.mark.browser
def test_a_clicked_incident_shows_beside_the_map_in_the_first_screen(browser, app_url):
    assert len(at_quetta()) == 5
    context, page, _ = open_page(browser, f"{app_url}/map", width=WIDTH, height=HEIGHT)
    try:
        page.wait_for_selector(f"{MAP} canvas", timeout=60_000)
        time.sleep(2)  # let deck.gl draw before clicking
        seconds = click_quetta(page)
        heading = page.locator("[data-testid=stMain] h3").filter(has_text="·").first
        heading.wait_for(timeout=5_000)
        map_box, box = page.locator(MAP).first.bounding_box(), heading.bounding_box()
        assert round(map_box["width"]) == MAP_SIZES_PX[f"{WIDTH}x{HEIGHT}"][0], "labels are placed for another size"
        page.mouse.move(map_box["x"] + 5, map_box["y"] + 5)
        time.sleep(3)  # the click's redraw
        page.screenshot(path=SCREENSHOTS / "map-details-1440.png")
        canvas = page.locator(f"{MAP} canvas").first
        canvas.screenshot(path=SCREENSHOTS / "map-after-click-1440.png")
        land = Image.open(SCREENSHOTS / "map-after-click-1440.png").convert("RGB").getpixel(LAND)
        assert max(abs(a - b) for a, b in zip(land, LAND_GREY, strict=True)) <= 4, f"the map faded: {land}"
        assert seconds < CLICK_SECONDS, f"details took {seconds:.2f} s after the click"
        assert box["x"] >= map_box["x"] + map_box["width"], "the details are not beside the map"
        assert box["y"] >= 0, "the details start above the screen"
        assert box["y"] + box["height"] <= HEIGHT, "the details start below the first screen"
        side = heading.locator("xpath=ancestor::*[@data-testid='stColumn'][1]")
        text = side.inner_text()
        assert not re.search(r"\b(None|nan|NaT)\b", text), "a blank field shows as None/nan"
        clipped = [e for e in side.locator("p").all() if e.evaluate("e => e.scrollWidth > e.clientWidth + 1")]
        assert not clipped, "text cut off in the details column"
        assert side.get_by_role("link", name="Open the source").count() >= 1
    finally:
        context.close()


@pytest.mark.browser
def test_every_incident_at_a_shared_point_can_be_opened(browser, app_url):
    ids = at_quetta()
    events = load_dataset(BUNDLED_DATA_DIR).events.set_index("incident_id")
    context, page, _ = open_page(browser, f"{app_url}/map", width=WIDTH, height=HEIGHT)
    try:
        page.wait_for_selector(f"{MAP} canvas", timeout=60_000)
        time.sleep(2)
        click_quetta(page)
        listed = page.locator("[data-testid=stRadio]").filter(has_text="incidents at this point")
        options = listed.locator("[role=radiogroup] label")
        assert options.count() == 5
        seen = set()
        for index in range(5):
            options.nth(index).click()
            settle(page)
            heading = page.locator("[data-testid=stMain] h3").filter(has_text="·").first.inner_text()
            seen.add(heading)
        expected = {format_day(events.loc[i, "date"]) for i in ids}
        assert {h.split(" · ")[0] for h in seen} == expected, "not every incident at the point opened"
    finally:
        context.close()


@pytest.mark.browser
def test_no_table_on_the_map_page_shows_a_time_or_a_raw_fraction(browser, app_url):
    context, page, _ = open_page(browser, f"{app_url}/map", width=WIDTH, height=HEIGHT)
    try:
        grids = page.locator("[data-testid=stDataFrame]")
        assert grids.count() >= 3
        for index in range(grids.count()):
            grid = grids.nth(index)
            grid.scroll_into_view_if_needed()
            time.sleep(1)
            # Glide's accessible cells hold each value as given to the grid, before any display format.
            cells = " | ".join(grid.locator("[role=gridcell]").all_text_contents())
            assert cells, "the table's cells could not be read"
            assert not re.search(r"\d\d:\d\d(:\d\d)?", cells), "a table shows a time of day"
            assert not re.search(r"(?<![\d.])0\.\d{3,}", cells), "a table shows a raw fraction"
            headers = grid.locator("[role=columnheader]").all_inner_texts()
            assert not [h for h in headers if "_" in h], f"snake_case headers: {headers}"
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1440, 900), (1920, 1080)])
def test_the_distance_and_district_tables_fit_without_scrolling_sideways(browser, app_url, width, height):
    """The district table ran 942 px wide in its 789 px at 1280 (its last columns behind a sideways scroll), and
    the distance table's fatalities view 912 once it kept the year's incidents. Their headers are short now,
    each full name in its tooltip (components/ui/map_tables.py)."""
    context, page, _ = open_page(browser, f"{app_url}/map?share_of=killed_share", width=width, height=height)
    try:
        grids = page.locator("[data-testid=stDataFrame]")
        by_first_header = {
            grids.nth(i).locator("[role=columnheader]").first.inner_text(): grids.nth(i) for i in range(grids.count())
        }
        for first, last in (("Year", "Killed share"), ("District", "Latest")):
            grid = by_first_header[first]
            grid.scroll_into_view_if_needed()
            time.sleep(1)
            overflow = grid.locator(".dvn-scroller").evaluate("e => e.scrollWidth - e.clientWidth")
            assert overflow <= 0, f"the table headed {first} scrolls {overflow} px sideways at {width} px"
            assert grid.locator("[role=columnheader]").all_inner_texts()[-1] == last  # every column drawn
            grid.screenshot(path=SCREENSHOTS / f"map-table-{first.lower()}-{width}.png")
    finally:
        context.close()
