"""Where the seconds between a click on the map and its details go (issue #19), in Chromium at 1440 x 900:
when the selection leaves the browser, when the server's reply arrives, when the details show, and the
main thread's long tasks in between. Run against a served app:
`python -m bench.profile_map_click http://127.0.0.1:8501 3`."""

from __future__ import annotations

import re
import sys
import time

from playwright.sync_api import sync_playwright

from tests.test_map_browser import MAP, hover_quetta

WATCH = """() => { window.__long = []; window.__click = 0;
    new PerformanceObserver(l => l.getEntries().forEach(e => window.__long.push([e.startTime, e.duration])))
        .observe({type: 'longtask'});
    document.addEventListener('pointerup', () => { window.__click = performance.now(); }, true); }"""
LONG_TASKS = """() => window.__long.filter(e => e[0] >= window.__click - 50)
    .map(e => [Math.round(e[0] - window.__click), Math.round(e[1])])"""


def one_click(browser, url: str) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    frames: list[tuple[float, str]] = []
    page.on(
        "websocket",
        lambda ws: (
            ws.on("framesent", lambda _: frames.append((time.monotonic(), "sent"))),
            ws.on("framereceived", lambda _: frames.append((time.monotonic(), "received"))),
        ),
    )
    page.goto(f"{url}/map")
    page.wait_for_selector(f"{MAP} canvas", timeout=60_000)
    time.sleep(4)
    _, (x, y) = hover_quetta(page)
    time.sleep(1)
    page.evaluate(WATCH)
    frames.clear()
    start = time.monotonic()
    page.mouse.click(x, y)
    page.get_by_text(re.compile(r"^5 incidents at this point")).wait_for(timeout=120_000)
    shown = time.monotonic() - start
    sent = next((t - start for t, kind in frames if kind == "sent"), float("nan"))
    reply = next((t - start for t, kind in frames if kind == "received"), float("nan"))
    print(f"details {shown:.2f} s; selection sent {sent:.2f} s; first reply {reply:.2f} s; long tasks (ms after")
    print(f"  the click, ms long): {page.evaluate(LONG_TASKS)}", flush=True)
    context.close()


def main(url: str, runs: int) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--enable-unsafe-swiftshader"],
        )
        for _ in range(runs):
            one_click(browser, url)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
