"""Where a rerun's time goes in the browser: every change of the page after "r", by element and by 50 ms.

    python -m bench.bench_rerun [--pages overview map ...]

Headless Chromium as in bench/bench_pages.py. After the page has settled, each DOM change is logged with the
data-testid of the nearest Streamlit element and what changed (an attribute's name, or children added or
removed), then "r" is pressed. A chart, table or map drawn again shows up as children changed under its
element (stVegaLiteChart, stDataFrame, stDeckGlJsonChart); an element only marked stale and unmarked again
shows up as its class and data-stale attributes, and the script's start and end as stApp's
data-test-script-state.
"""

from __future__ import annotations

import argparse
import collections

from playwright.sync_api import sync_playwright

from bench.bench_pages import CHROMIUM_ARGS, PAGES, VIEWPORT, WATCH_DOM, settled_at
from tests.conftest import serve

BUCKET_MS = 50
LOG_CHANGES = """
window.__changes = [];
new MutationObserver((records) => {
    const t = performance.now();
    for (const record of records) {
        let node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
        let element = "";
        while (node && !element) {
            element = (node.getAttribute && node.getAttribute("data-testid")) || "";
            node = node.parentElement;
        }
        window.__changes.push([t, element, record.attributeName || record.type]);
    }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def profile(browser, url: str) -> None:
    """Print one rerun of `url`, after a first paint, as counts of changes per element and per 50 ms."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.add_init_script(WATCH_DOM)
    received = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: received.append(len(frame))))
    try:
        page.goto(url, wait_until="commit")
        first = settled_at(page)
        page.wait_for_timeout(500)
        page.evaluate(LOG_CHANGES)
        before = len(received)
        pressed = page.evaluate("performance.now()")
        page.keyboard.press("r")
        rerun = settled_at(page, pressed) - pressed
        changes = page.evaluate("window.__changes")
    finally:
        context.close()
    kilobytes = sum(received[before:]) / 1024
    print(f"{url}: first paint {first / 1000:.2f} s, rerun {rerun / 1000:.2f} s, {kilobytes:.0f} kB received")
    buckets = collections.defaultdict(collections.Counter)
    for at, element, what in changes:
        buckets[int((at - pressed) // BUCKET_MS) * BUCKET_MS][f"{element or 'page'} {what}"] += 1
    for start, counts in sorted(buckets.items()):
        print(f"  +{start:5d} ms  " + ", ".join(f"{name} x{n}" for name, n in counts.most_common(6)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", choices=[p or "overview" for p in PAGES.values()])
    args = parser.parse_args()
    paths = [path for path in PAGES.values() if not args.pages or (path or "overview") in args.pages]
    app = serve()
    url = next(app)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            for path in paths:
                profile(browser, f"{url}/{path}")  # warm-up: server caches filled
                profile(browser, f"{url}/{path}")
            browser.close()
    finally:
        app.close()


if __name__ == "__main__":
    main()
