"""How the dashboard scales with an imported ACLED file of 10k, 100k and 1M synthetic events.

    python -m bench.bench_scale [--sizes 10000 100000 1000000] [--no-browser]

Files are written by bench.synthetic_events in ACLED's exact layout (synthetic, never shown as real).
Prints, per size: import (read + validate + map onto events), one filter + aggregation (map layer and
border shares), the bytes of the map's incident layer, and in headless Chromium the map page's first
paint (cold: includes the import; warm: a second visitor) and a filter rerun from click to paint,
next to an almost empty Streamlit page measured the same way in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.synthetic_events import acled_frame, write_csv
from components.geo import border_shares, load_layers
from components.imports import import_events
from components.incidents import IncidentFilter
from components.map_layers import incident_layers
from components.paths import GEO_DIR
from tests.conftest import serve
from tests.test_browser import settle

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--enable-unsafe-swiftshader"]
QUIET_S = 0.5  # idle this long counts as painted; subtracted from the figures
TIMEOUT_MS = 300_000  # a cold first paint at 1M includes the import
FILTER = IncidentFilter(dt.date(2024, 1, 1), dt.date(2025, 12, 31), provinces=("Khyber Pakhtunkhwa",))


def _timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def pipeline(path: Path) -> dict:
    durand_line = load_layers(GEO_DIR)["durand_line"]
    imported, load_s = _timed(lambda: import_events(path.read_bytes(), path.name, durand_line))
    events = imported.events

    def filter_and_aggregate():
        shown = FILTER.apply(events)
        return incident_layers(shown), border_shares(shown)

    runs = [_timed(filter_and_aggregate)[1] for _ in range(3)]
    layers = incident_layers(IncidentFilter(dt.date(2024, 1, 1), dt.date(2025, 12, 31)).apply(events))
    return {
        "events": len(events),
        "load_s": load_s,
        "filter_aggregate_s": statistics.median(runs),
        "map_kB": sum(len(json.dumps(layer.data)) for layer in layers) / 1024,
    }


def _paint_and_rerun(browser, url: str, drawn: str) -> tuple[float, float]:
    """Seconds to first paint (until `drawn` shows and the app is idle) and from a filter click to repaint."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(drawn, timeout=TIMEOUT_MS)
    settle(page, timeout=TIMEOUT_MS / 1000, quiet=QUIET_S)
    first = time.perf_counter() - start - QUIET_S
    page.locator("[data-testid=stMultiSelect]").filter(has_text="Province").locator("input").click()
    page.keyboard.type("Balochistan")
    start = time.perf_counter()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMarkdownContainer]')]"
        ".some(e => e.innerText.includes('Balochistan'))",
        timeout=TIMEOUT_MS,
    )
    settle(page, timeout=TIMEOUT_MS / 1000, quiet=QUIET_S)
    rerun = time.perf_counter() - start - QUIET_S
    context.close()
    return first, rerun


def browser_figures(path: Path | None) -> dict:
    from playwright.sync_api import sync_playwright

    script, env, target, drawn = "app.py", {}, "/map", "[data-testid=stDeckGlJsonChart] canvas"
    if path is None:
        script, target, drawn = "bench/empty_page.py", "/", "[data-testid=stMultiSelect]"
    else:
        env["DLM_EVENTS_FILE"] = str(path)
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(contextlib.contextmanager(serve)(script=script, extra_env=env))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        cold, _ = _paint_and_rerun(browser, url + target, drawn)
        warm, rerun = _paint_and_rerun(browser, url + target, drawn)
        browser.close()
    return {"cold_paint_s": cold, "warm_paint_s": warm, "rerun_s": rerun}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    header = f"{'rows':>9} {'events':>8} {'import s':>9} {'filter+agg s':>13} {'map kB':>7}"
    if not args.no_browser:
        header += f" {'cold paint s':>13} {'warm paint s':>13} {'filter rerun s':>15}"
        empty = browser_figures(None)
        print(
            f"empty Streamlit page: first paint {empty['warm_paint_s']:.2f} s (cold {empty['cold_paint_s']:.2f} s), "
            f"filter rerun click-to-paint {empty['rerun_s']:.2f} s"
        )
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = write_csv(acled_frame(size), Path(folder) / f"acled_{size}.csv")
            row = pipeline(path)
            line = (
                f"{size:>9,} {row['events']:>8,} {row['load_s']:>9.2f} {row['filter_aggregate_s']:>13.3f} "
                f"{row['map_kB']:>7.0f}"
            )
            if not args.no_browser:
                seen = browser_figures(path)
                line += f" {seen['cold_paint_s']:>13.2f} {seen['warm_paint_s']:>13.2f} {seen['rerun_s']:>15.2f}"
            print(line, flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
