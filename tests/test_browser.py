"""Every page opened in headless Chromium by its shared URL, as a user would: no exception, no
"page not found", the main chart or map drawn, nothing fetched from outside this machine.
Screenshots land in artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import io
import re
import time
from urllib.parse import quote_plus

import pytest
from PIL import Image, ImageChops, ImageStat

from components.data_age import CURATED_START, Coverage
from components.dataset import load_dataset
from components.diplomacy import window_counts
from components.paths import BUNDLED_DATA_DIR
from tests.conftest import ARTIFACTS

SCREENSHOTS = ARTIFACTS / "screenshots"
# Map first: the first session after the server starts is the one a cold-start deep link breaks.
# The default page lives at "/" (Streamlit serves it there, not at its url_path).
MAP_CANVAS = "[data-testid=stDeckGlJsonChart] canvas"
PAGES = {  # url path: (title, selector of the main chart or map)
    "map": ("Map of the Durand Line region", MAP_CANVAS),
    "": ("Overview", MAP_CANVAS),
    "trends": ("Year-over-year trends", "[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg"),
    "diplomacy": ("Diplomacy timeline", "[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg"),
    "briefing": ("Attacks", ".st-key-numbers"),
    "data": ("Data and sources", "[data-testid=stDataFrame]"),
}


def settle(page, timeout: float = 60, quiet: float = 1.5) -> None:
    """Wait until the app has stopped running and drawing (nothing busy for `quiet` seconds)."""
    page.wait_for_selector("[data-testid=stApp]", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        busy = page.locator("[data-testid=stStatusWidget], [data-testid=stSkeleton], [data-testid=stSpinner]").count()
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > quiet:
            return
        time.sleep(0.05)
    raise AssertionError("page did not settle")


def pick(page, label: str, typed: str) -> None:
    """Choose in the select box labelled `label` the first option matching `typed`, as a user types it."""
    page.locator("[data-testid=stSelectbox]").filter(has_text=label).locator("input").click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    settle(page)


def upload(page, file) -> None:
    """Give the page's file uploader `file` (a path, or a dict with name, mimeType and buffer)."""
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(file)
    settle(page)


def distinct_colours(png: bytes) -> int:
    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or [])


def open_page(browser, url: str, width: int = 1400, height: int = 1000):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None,
    )
    page.goto(url)
    settle(page)
    return context, page, outside


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_opens_from_its_link_and_draws(browser, app_url, path):
    title, main = PAGES[path]
    context, page, outside = open_page(browser, f"{app_url}/{path}")
    try:
        page.wait_for_selector(main, timeout=30_000)
        time.sleep(2)  # let canvases paint
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{path or 'overview'}.png", full_page=True)
        assert page.locator("[data-testid=stException]").count() == 0
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_role("heading", name=title).count() >= 1
        assert page.get_by_text(re.compile(r"^Curated data as of 8 Apr 2026 \(\d+ days old\): later")).count() == 1
        drawn = page.locator(main).first
        assert drawn.is_visible()
        assert distinct_colours(drawn.screenshot()) > 8, "main chart or map looks blank"
        assert outside == [], f"requests left the machine: {outside[:5]}"
    finally:
        context.close()


def map_image(page) -> Image.Image:
    time.sleep(2)  # let deck.gl finish drawing at the new view
    return Image.open(io.BytesIO(page.locator(MAP_CANVAS).first.screenshot())).convert("RGB")


def image_difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel, 0 (same) to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


@pytest.mark.browser
def test_a_copied_link_reproduces_the_filters_and_the_map_view(browser, app_url):
    start = f"{app_url}/map?province=Balochistan&from=2025-01-01&to=2025-12-31&zoom=6.0"
    context, page, _ = open_page(browser, start)
    try:
        sentence = page.get_by_text("2025–31 Dec 2025, Balochistan")
        assert sentence.count() == 1
        assert page.get_by_text("Centre 32.30° N, 67.90° E, zoom 6.0.").count() == 1  # zoom from the link
        before = map_image(page)
        view_picker = page.locator("[data-testid=stSelectbox]").filter(has_text="Map view")
        view_picker.locator("input").click()
        page.keyboard.type("Chaman")
        page.keyboard.press("Enter")
        settle(page)
        caption = "Centre 30.40° N, 66.60° E, zoom 6.6."  # the preset, its zoom no longer overridden
        assert page.get_by_text(caption).count() == 1
        chosen = map_image(page)
        assert image_difference(before, chosen) > 3, "the map did not move to the chosen view"
        page.locator("[data-testid=stSidebar] [data-testid=stPopoverButton]", has_text="Link to this view").click()
        link = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").inner_text().replace("\n", "").strip()
        assert "province=Balochistan" in link
        assert "from=2025-01-01" in link
        assert "view=balochistan_border" in link  # the preset's code, not its label
        assert "zoom=" not in link
        copy, again, _ = open_page(browser, link)
        try:
            assert again.get_by_text("2025–31 Dec 2025, Balochistan").count() == 1
            province = again.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first.inner_text()
            assert "Balochistan" in province
            restored = again.locator("[data-testid=stSelectbox]").filter(has_text="Map view").locator("input")
            assert restored.input_value() == "Balochistan border, Chaman"
            assert again.get_by_text(caption).count() == 1
            assert image_difference(chosen, map_image(again)) < 1, "the copied link opened another map view"
        finally:
            copy.close()
    finally:
        context.close()


@pytest.mark.browser
def test_a_copied_link_keeps_the_period_after_a_data_update(browser, app_url):
    """The address bar leaves out the default period (it follows new data); the link to copy or cite read
    `map?province=Balochistan` and would have opened a longer period after the next update."""
    context, page, _ = open_page(browser, f"{app_url}/map?province=Balochistan")
    try:
        assert "from=" not in page.url
        page.locator("[data-testid=stSidebar] [data-testid=stPopoverButton]", has_text="Link to this view").click()
        link = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").inner_text().replace("\n", "").strip()
        data_date = load_dataset(BUNDLED_DATA_DIR).data_as_of
        assert f"from={CURATED_START.isoformat()}" in link
        assert f"to={data_date.isoformat()}" in link
        assert "province=Balochistan" in link
    finally:
        context.close()


@pytest.mark.browser
def test_choosing_a_diplomatic_event_shows_its_details_and_window(browser, app_url):
    context, page, _ = open_page(browser, f"{app_url}/diplomacy")
    try:
        pick(page, "Diplomatic event", "Doha")
        assert page.get_by_text("Incidents, 14 days before").count() == 1
        assert page.get_by_text("Sources (").count() == 1
        assert "event=" in page.url
        page.screenshot(path=SCREENSHOTS / "diplomacy-selected.png")
    finally:
        context.close()


@pytest.mark.browser
def test_each_of_four_same_day_events_is_reached_by_a_click(browser, app_url):
    """27 Feb 2026 holds two Breakdown and two Statement events: drawn at one spot, a click reached only the
    top one of each row; stacked, each diamond is clicked in its middle and opens its own event."""
    data = load_dataset(BUNDLED_DATA_DIR)
    day = data.diplomacy_events[data.diplomacy_events["date_start"] == "2026-02-27"]
    assert len(day) == 4
    context, page, _ = open_page(browser, f"{app_url}/diplomacy?from=2026-02-20&to=2026-03-05")
    try:
        chart = page.locator("[data-testid=stVegaLiteChart]").first
        for event_id, title in zip(day["event_id"], day["title"], strict=True):
            named = title.replace('"', '\\"')  # 'Pakistan declares "open war"' in a CSS string
            diamond = chart.locator(f'path[aria-roledescription="point"][aria-label*="Event: {named};"]')
            assert diamond.count() == 1
            diamond.click()  # fails if another diamond covers this one's middle
            settle(page)
            assert f"event={event_id}" in page.url
    finally:
        context.close()


def test_clicking_a_diamond_in_the_timeline_selects_that_event(browser, app_url):
    """A click on the Doha diamond inside the Vega chart (not the picker) opens its details and window."""
    data = load_dataset(BUNDLED_DATA_DIR)
    doha = data.diplomacy_events.set_index("event_id").loc["20251019-doha-ceasefire"]
    covered = Coverage(CURATED_START, data.data_as_of)
    expected = window_counts(data.events, doha["date_start"].date(), doha["date_end"].date(), 14, covered)
    # Two months wide, so neighbouring talks (Istanbul, 25 Oct) sit ~70 px away instead of overlapping.
    context, page, _ = open_page(browser, f"{app_url}/diplomacy?from=2025-10-01&to=2025-11-30")
    try:
        assert page.get_by_text("Incidents, 14 days before").count() == 0
        chart = page.locator("[data-testid=stVegaLiteChart]").first
        diamond = chart.locator(f'path[aria-roledescription="point"][aria-label*="Event: {doha["title"]};"]')
        assert diamond.count() == 1
        diamond.click()  # Playwright clicks the middle of the mark and fails if another element covers it
        settle(page)
        assert "event=20251019-doha-ceasefire" in page.url  # the event's id
        assert page.get_by_role("heading", name=doha["title"]).count() == 1
        metrics = {
            m.locator("[data-testid=stMetricLabel]").inner_text(): m.locator("[data-testid=stMetricValue]").inner_text()
            for m in page.locator("[data-testid=stMetric]").all()
        }
        assert metrics["Incidents, 14 days before"] == str(expected.before_incidents)
        assert metrics["Incidents, 14 days after"] == str(expected.after_incidents)
        assert metrics["Killed before (lowest stated)"] == str(expected.before_killed.killed)
        page.screenshot(path=SCREENSHOTS / "diplomacy-clicked.png", full_page=True)
    finally:
        context.close()


@pytest.mark.browser
def test_a_link_to_an_event_near_the_data_end_marks_the_window_partial(browser, app_url):
    """The Eid pause, 19-24 Mar 2026: the 14 days before run 5-18 Mar, the incidents are kept up to 16 Mar
    (datapackage.json incidents_to). The link holds the shown label, as links made before links carried ids
    did: it is still read."""
    label = "19 Mar 2026 · Eid ul-Fitr pause in Operation Ghazab lil-Haq"
    context, page, _ = open_page(browser, f"{app_url}/diplomacy?event={quote_plus(label)}")
    try:
        note = "Before: only 12 of 14 days are covered by the data (data end 16 Mar 2026); no change is shown."
        assert page.get_by_text(note, exact=False).count() == 1
        assert page.get_by_text("Partial: 12 of 14 days covered").count() == 2
        assert page.locator("[data-testid=stMetric]").count() == 4
        deltas = page.locator("[data-testid=stMetricDelta]").all_inner_texts()  # "2 state no total" may stand
        assert not [d for d in deltas if re.fullmatch(r"[+\-−]?[\d,]+", d.strip())], deltas  # but no change
        page.get_by_text(note).scroll_into_view_if_needed()
        page.screenshot(path=SCREENSHOTS / "diplomacy-partial-window.png")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1440, 900), (1920, 1080)])
def test_the_timeline_toolbar_leaves_the_sentence_above_the_chart_readable(browser, app_url, width, height):
    """Streamlit's chart toolbar floats above the chart on hover and covered '(period set in the sidebar).'"""
    context, page, _ = open_page(browser, f"{app_url}/diplomacy", width, height)
    try:
        chart = page.locator("[data-testid=stVegaLiteChart]").first
        chart.scroll_into_view_if_needed()
        chart.hover(position={"x": 300, "y": 100})
        toolbar = page.locator("[data-testid=stElementToolbar]").first
        toolbar.wait_for(state="visible")
        time.sleep(1)  # it slides into place
        tools = toolbar.bounding_box()
        left, top, right, bottom = page.evaluate(
            """() => {
                const p = [...document.querySelectorAll("p")].find(e => e.textContent.includes("(period set in"));
                const range = document.createRange();
                range.selectNodeContents(p);
                const box = range.getBoundingClientRect();
                return [box.left, box.top, box.right, box.bottom];
            }"""
        )
        apart = tools["y"] >= bottom or tools["x"] >= right or tools["x"] + tools["width"] <= left
        assert apart, f"toolbar {tools} over the sentence's text {left, top, right, bottom} at {width} px"
    finally:
        context.close()


def cut_card_labels(page) -> list[str]:
    """The card labels the page shows cut (a label, or a part of it, wider than its box: an ellipsis)."""
    labels = page.locator("[data-testid=stMetricLabel]")
    labels.first.wait_for()
    assert labels.count() >= 4
    return [
        label.inner_text()
        for label in labels.all()
        if label.evaluate("e => [e, ...e.querySelectorAll('*')].some(n => n.scrollWidth > n.clientWidth + 1)")
    ]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "trends"])
def test_every_card_label_reads_whole_on_a_laptop_screen(browser, app_url, path):
    """At 1280 x 720 with the sidebar open, three cards across cut "Security forces killed, 6 months of 2025"
    to "... 6 months of …"; a card quoted alone must say what it counts (widgets.WRAPPED_LABELS_CSS)."""
    context, page, _ = open_page(browser, f"{app_url}/{path}", 1280, 720)
    try:
        assert cut_card_labels(page) == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "trends"])
def test_six_cards_sit_three_across_on_a_wide_screen_with_every_label_whole(browser, app_url, path):
    """Cards went two across whenever a label ran past 34 characters ("..., 6 months of 2025"), at every width:
    at 1920 x 1080 six cards took three rows and pushed the trend and the map below the fold."""
    context, page, _ = open_page(browser, f"{app_url}/{path}", 1920, 1080)
    try:
        assert cut_card_labels(page) == []
        boxes = [card.bounding_box() for card in page.locator("[data-testid=stMetric]").all()]
        bottoms = [round(box["y"] + box["height"]) for box in boxes]
        assert len(boxes) == 6, boxes
        assert len(set(bottoms[:3])) == 1, f"the first three cards are not on one row: {boxes[:3]}"
        assert len(set(bottoms)) == 2, f"six cards take {len(set(bottoms))} rows: {boxes}"
    finally:
        context.close()


@pytest.mark.browser
def test_the_timeline_fills_the_column_at_1920_and_stays_inside_it(browser, app_url):
    """At 1920 px the chart was 560 px wide in a column of 1,431, and a stretched one ran 183 px past the
    column; over five days its axis read "06 AM". It now takes the column, and every label stays inside."""
    context, page, _ = open_page(browser, f"{app_url}/diplomacy?from=2025-10-14&to=2025-10-18", 1920, 1080)
    try:
        column, chart, text_right, dates = page.evaluate(
            """() => {
                const main = document.querySelector("[data-testid=stMainBlockContainer]");
                const style = getComputedStyle(main), box = main.getBoundingClientRect();
                const svg = document.querySelector("[data-testid=stVegaLiteChart] svg");
                const texts = [...svg.querySelectorAll("text")].filter(t => t.getBoundingClientRect().width > 0);
                return [
                    [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)],
                    [svg.getBoundingClientRect().left, svg.getBoundingClientRect().right],
                    Math.max(...texts.map(t => t.getBoundingClientRect().right)),
                    [...svg.querySelectorAll(".role-axis-label text")].map(t => t.textContent)
                        .filter(t => /Oct/.test(t)),
                ];
            }"""
        )
        assert column[1] - column[0] > 1400, column
        assert chart[0] >= column[0] - 1, (chart, column)
        assert chart[1] <= column[1] + 1, (chart, column)
        assert chart[1] - chart[0] >= column[1] - column[0] - 2, (chart, column)
        assert text_right <= column[1] + 1, (text_right, column)
        assert set(dates) == {"14 Oct", "15 Oct", "16 Oct", "17 Oct", "18 Oct"}, dates
    finally:
        context.close()
