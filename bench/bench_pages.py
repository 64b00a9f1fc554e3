"""How fast every page draws next to an almost empty Streamlit page, measured side by side in one run.

    python -m bench.bench_pages [--runs 3] [--pages overview map ...]

Headless Chromium at 1440x900 on the bundled data; each figure is the median of `runs` visits after one
warm-up visit (which fills the server's caches, as on a server that has been up a while). Printed:

- first paint: navigation start to the last change of the page (DOM) once the script has finished, no
  skeleton is left and nothing has changed for 0.5 s (the quiet half second is not counted);
- ready: the same, or the end of the page's last long task (a main-thread task over 50 ms) when later: a
  page can be drawn and still not answer a click for seconds while its map's first frames render;
- rerun: the same after pressing "r" (Streamlit's rerun shortcut) on a loaded page, and the bytes the
  browser received over the websocket for it;
- map click: a click on an incident dot to its details on screen;
- briefing switch: "Next" from the trend panel to the map panel until the map's canvas is drawn in, and
  how many animation frames showed the panel with neither its title nor, on the map panel, its map.

The empty page (bench/empty_page.py) is measured before and after the dashboard; its figures are the
mean of the two, so a machine that slows down during the run does not flatter the ratios. In the same run,
the plainest pages holding what the dashboard's pages hold (bench/floor_page.py: one table, one Vega-Lite
chart, one deck.gl map, all three, all three among 40 text elements) show what drawing those elements costs
whatever a page shows: a ratio there above a goal is a floor no change to the dashboard removes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import statistics
from dataclasses import dataclass

import pandas as pd
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from components.dataset import load_dataset
from components.map_views import VIEWS, resolve_view
from components.paths import data_dir
from components.ui.filters import DEFAULT_START
from components.vocabulary import EVENT_TYPES
from tests.conftest import serve

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--enable-unsafe-swiftshader"]
VIEWPORT = {"width": 1440, "height": 900}
QUIET_MS = 500
TIMEOUT_MS = 120_000
PAGES = {  # label: url path
    "Overview": "",
    "Map": "map",
    "Trends": "trends",
    "Diplomacy": "diplomacy",
    "Briefing": "briefing",
    "Data & sources": "data",
}
FLOOR_SHOWN = {  # ?show= of bench/floor_page.py: what the row says
    "table": "a table",
    "chart": "a chart",
    "map": "a map",
    "all": "all three",
    "busy": "3 + 40 texts",
}
MAP_HEIGHT_PX = 640  # views/map/map.py
# Every DOM change stamps the time, so "last change" is known to the millisecond inside the page.
WATCH_DOM = """
window.__last = performance.now();
new MutationObserver(() => { window.__last = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
window.__busy = 0;
new PerformanceObserver(list => list.getEntries().forEach(task => {
  window.__busy = Math.max(window.__busy, task.startTime + task.duration); })).observe({type: 'longtask'});
"""
SETTLED = """([quiet, after]) => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector("[data-testid='stSkeleton']")) return false;
    return window.__last > after && performance.now() - window.__last > quiet;
}"""


@dataclass
class Visit:
    first_s: float
    ready_s: float
    rerun_s: float
    rerun_kb: float


FIELDS = ("first_s", "ready_s", "rerun_s", "rerun_kb")


def settled_at(page, after_ms: float = 0) -> float:
    """Wait until the script has finished and the page has not changed for QUIET_MS; the last change, in ms."""
    page.wait_for_function(SETTLED, arg=[QUIET_MS, after_ms], timeout=TIMEOUT_MS, polling=50)
    return page.evaluate("window.__last")


def open_page(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.add_init_script(WATCH_DOM)
    received = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: received.append(len(frame))))
    page.goto(url, wait_until="commit")
    return context, page, received


def visit(browser, url: str) -> Visit:
    """First paint of `url` in a new browser context, then one rerun."""
    context, page, received = open_page(browser, url)
    try:
        first = settled_at(page)
        ready = max(first, page.evaluate("window.__busy"))
        page.wait_for_timeout(300)
        pressed, before = page.evaluate("performance.now()"), len(received)
        page.keyboard.press("r")
        rerun = settled_at(page, pressed) - pressed
        return Visit(first / 1000, ready / 1000, rerun / 1000, sum(received[before:]) / 1024)
    finally:
        context.close()


def median_visit(browser, url: str, runs: int) -> Visit:
    visit(browser, url)  # warm-up: server caches filled, not counted
    visits = [visit(browser, url) for _ in range(runs)]
    return Visit(*(statistics.median(getattr(visit, field) for visit in visits) for field in FIELDS))


def lone_incident():
    """An exactly located incident on the default map far from every other dot (incident or crossing), so a
    click there hits it."""
    data = load_dataset(data_dir())
    events = data.events[data.events["date"].dt.date >= DEFAULT_START]
    view = resolve_view(None)
    exact = events[events["location_precision"] == "exact"]
    exact = exact[(exact["lat"] - view.lat).abs().lt(2.5) & (exact["lon"] - view.lon).abs().lt(4.5)]
    dots = pd.concat([events[["incident_id", "lat", "lon"]], data["crossings"][["lat", "lon"]]])

    def nearest(row) -> float:
        others = dots[dots["incident_id"] != row.incident_id]
        return float(((others["lat"] - row.lat) ** 2 + (others["lon"] - row.lon) ** 2).min())

    return max(exact.itertuples(index=False), key=nearest)


def pixel_offset(lat: float, lon: float) -> tuple[float, float]:
    """CSS pixels from the map's centre to a point, in deck.gl's Web Mercator view of the default map."""
    view = VIEWS[next(iter(VIEWS))]
    world = 512 * 2**view.zoom

    def y(value: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(value) / 2)) * world / (2 * math.pi)

    return (lon - view.lon) / 360 * world, y(view.lat) - y(lat)


def map_click(browser, url: str, incident) -> float:
    """Seconds from a click on the incident's dot to its details (date and type heading) on screen."""
    heading = f"{incident.date:%d %b %Y} · {EVENT_TYPES.label(incident.event_type)}"
    context, page, _ = open_page(browser, f"{url}/map")
    try:
        settled_at(page)
        canvas = page.locator("[data-testid=stDeckGlJsonChart] canvas").first
        canvas.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        box = canvas.bounding_box()
        dx, dy = pixel_offset(incident.lat, incident.lon)
        page.mouse.move(box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy, steps=3)
        page.wait_for_timeout(300)  # a pointer comes to rest on a dot before it clicks
        clicked = page.evaluate("performance.now()")
        page.mouse.down()
        page.mouse.up()
        shown = page.wait_for_function(
            """(heading) => [...document.querySelectorAll("[data-testid=stMain] h3")]
                .some(h => h.innerText.includes(heading)) && performance.now()""",
            arg=heading,
            timeout=TIMEOUT_MS,
            polling="raf",
        ).json_value()
        return (shown - clicked) / 1000
    finally:
        context.close()


# The map slide's title states the incidents it shows ("145 incidents, 778 killed ..."); the map is drawn off
# screen on the other slides, so it counts as shown only once on screen.
MAP_TITLE = re.compile(r"^[\d,]+ incidents")
MAP_TITLE_JS = "/^[\\d,]+ incidents/"
# Each animation frame notes the panel's title and whether a map canvas is in the page.
WATCH_FRAMES = """() => {
    window.__frames = [];
    const note = () => {
        const title = document.querySelector("[data-testid=stMain] h1");
        const canvas = document.querySelector("[data-testid=stDeckGlJsonChart] canvas");
        window.__frames.push({t: performance.now(), title: title ? title.innerText.trim() : "",
                              canvas: !!canvas && canvas.getBoundingClientRect().left >= 0});
        window.__watching = requestAnimationFrame(note);
    };
    note();
}"""


def briefing_switch(browser, url: str) -> tuple[float, int]:
    """Seconds from "Next" on the trend panel to the map panel with its map, and the blank frames between:
    frames with no panel title, or with the map panel's title but no map yet."""
    context, page, _ = open_page(browser, f"{url}/briefing?panel=trend")
    try:
        settled_at(page)
        page.evaluate(WATCH_FRAMES)
        clicked = page.evaluate("performance.now()")
        page.get_by_role("button", name="Next ▶").click()
        shown = page.wait_for_function(
            """() => { const t = document.querySelector("[data-testid=stMain] h1");
                const canvas = document.querySelector("[data-testid=stDeckGlJsonChart] canvas");
                return t && MAP_TITLE.test(t.innerText.trim())
                    && canvas && canvas.getBoundingClientRect().left >= 0 && performance.now(); }""".replace(
                "MAP_TITLE", MAP_TITLE_JS
            ),
            timeout=TIMEOUT_MS,
            polling="raf",
        ).json_value()
        frames = page.evaluate("cancelAnimationFrame(window.__watching) || window.__frames")
        between = [f for f in frames if clicked <= f["t"] <= shown]
        blank = sum(1 for f in between if not f["title"] or (MAP_TITLE.match(f["title"]) and not f["canvas"]))
        return (shown - clicked) / 1000, blank
    finally:
        context.close()


def table_row(label: str, visit: Visit, empty: Visit) -> str:
    """One line of the printed table: seconds, and each as a multiple of the empty page's."""
    return (
        f"{label:16} {visit.first_s:8.2f} {visit.first_s / empty.first_s:8.2f} {visit.ready_s:8.2f}"
        f" {visit.ready_s / empty.ready_s:8.2f} {visit.rerun_s:8.2f} {visit.rerun_s / empty.rerun_s:8.2f}"
        f" {visit.rerun_kb:9.0f}"
    )


def progress(label: str, visit: Visit) -> Visit:
    """Print a page's seconds as soon as they are measured: a long run on a busy machine shows its way."""
    print(
        f"  {label}: first paint {visit.first_s:.2f} s, ready {visit.ready_s:.2f} s, rerun {visit.rerun_s:.2f} s",
        flush=True,
    )
    return visit


def timed_out_or(measure) -> list:
    """measure()'s figures (the first visit a warm-up, dropped), or none when a page never settled in time: on a
    machine loaded by other jobs the map can take minutes, and the pages' table is still worth printing."""
    try:
        return measure()
    except PlaywrightTimeout:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="+", choices=[p or "overview" for p in PAGES.values()])
    args = parser.parse_args()
    chosen = {label: path for label, path in PAGES.items() if not args.pages or (path or "overview") in args.pages}
    app, empty, floor = serve(), serve(script="bench/empty_page.py"), serve(script="bench/floor_page.py")
    app_url, empty_url, floor_url = next(app), next(empty), next(floor)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            before = median_visit(browser, empty_url, args.runs)
            progress("empty page", before)
            floors = {
                shown: progress(f"empty page + {shown}", median_visit(browser, f"{floor_url}/?show={shown}", args.runs))
                for shown in FLOOR_SHOWN
            }
            rows = {}
            for label, path in chosen.items():
                rows[label] = progress(label, median_visit(browser, f"{app_url}/{path}", args.runs))
            incident = lone_incident()
            clicks = timed_out_or(lambda: [map_click(browser, app_url, incident) for _ in range(args.runs + 1)][1:])
            switches = timed_out_or(lambda: [briefing_switch(browser, app_url) for _ in range(args.runs + 1)][1:])
            after = median_visit(browser, empty_url, args.runs)
            browser.close()
    finally:
        app.close()
        empty.close()
        floor.close()
    empty = Visit(*((getattr(before, field) + getattr(after, field)) / 2 for field in FIELDS))
    print(f"bench_pages, {dt.datetime.now(dt.UTC):%d %b %Y %H:%M} UTC, median of {args.runs} after a warm-up")
    headings = ("first s", "x empty", "ready s", "x empty", "rerun s", "x empty")
    print(f"{'page':16} " + " ".join(f"{heading:>8}" for heading in headings) + f" {'rerun kB':>9}")
    print(table_row("empty page", empty, empty))
    for label, row in rows.items():
        print(table_row(label, row, empty))
    print("the plainest page holding (bench/floor_page.py; ratios to the same empty page)")
    for shown, row in floors.items():
        print(table_row(f"+ {FLOOR_SHOWN[shown]}", row, empty))
    worst_first = max(row.first_s / empty.first_s for row in rows.values())
    worst_ready = max(row.ready_s / empty.ready_s for row in rows.values())
    worst_rerun = max(row.rerun_s / empty.rerun_s for row in rows.values())
    print(
        f"worst: first paint {worst_first:.2f}x the empty page (goal 1.3x), ready {worst_ready:.2f}x,"
        f" rerun {worst_rerun:.2f}x (goal 1.5x)"
    )
    if clicks:
        print(f"map click to details: {statistics.median(clicks):.2f} s (goal 1 s; incident {incident.incident_id})")
    else:
        print(f"map click to details: over {TIMEOUT_MS / 1000:.0f} s (timed out; goal 1 s)")
    if switches:
        seconds, blank = statistics.median(s for s, _ in switches), max(b for _, b in switches)
        print(f"briefing 'Next' to the map panel: {seconds:.2f} s, {blank} blank frame(s) at worst (goal 1 s, none)")
    else:
        print(f"briefing 'Next' to the map panel: over {TIMEOUT_MS / 1000:.0f} s (timed out; goal 1 s)")


if __name__ == "__main__":
    main()
