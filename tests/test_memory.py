"""Freed memory goes back to the system after a script run (components/memory.py).

Without it the served app's resident size ratcheted up with every filter change (473 -> 787 MB over 40
changes on a 100k import). Measured in a fresh interpreter so this test's own heap does not interfere.
"""

import datetime as dt
import subprocess
import sys

import pytest

from components.memory import can_return_memory

FRAGMENTED_HEAP = """
import sys
from components.memory import return_freed_memory

def rss_mb():
    with open("/proc/self/status") as status:
        return int(next(l for l in status if l.startswith("VmRSS")).split()[1]) / 1024

blocks = [bytes(2_000) for _ in range(100_000)]  # 200 MB of malloc'd (not pymalloc) blocks
keep = blocks[::50]  # one block in fifty stays, so the heap cannot shrink from its top
del blocks
held = rss_mb()
return_freed_memory()
print(held, rss_mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="resident size read from /proc")
def test_freed_heap_pages_leave_the_process():
    assert can_return_memory(), "glibc's malloc_trim not found: the server's memory would only grow"
    run = subprocess.run([sys.executable, "-c", FRAGMENTED_HEAP], capture_output=True, text=True, check=True)
    held, after = map(float, run.stdout.split())
    assert held > 150, f"the fragmented heap should hold the freed 200 MB first (held {held:.0f} MB)"
    assert after < held - 100, f"only {held - after:.0f} MB of ~196 MB freed went back ({held:.0f} -> {after:.0f})"


ENDED_SESSIONS = 8
MAP_TITLE = "Map of the Durand Line region"


AFTER_A_RUN = """
import gc
from streamlit.testing.v1 import AppTest

AppTest.from_file("app.py", default_timeout=120).run()
print(gc.get_freeze_count(), len(gc.get_objects()))
"""


def test_the_collection_after_each_run_walks_only_what_runs_made():
    """Streamlit's full collection after every run walked all ~230,000 objects of the loaded app (0.17-0.2 s
    of every rerun); after the first run those are frozen and a collection walks what later runs made."""
    from components.paths import ROOT

    run = subprocess.run([sys.executable, "-c", AFTER_A_RUN], capture_output=True, text=True, check=True, cwd=ROOT)
    frozen, walked = map(int, run.stdout.split())
    assert frozen > 100_000
    assert walked < frozen / 10, f"a collection after the first run still walks {walked:,} objects"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="resident size read from /proc")
def test_ended_sessions_leave_no_events_behind(tmp_path):
    """Streamlit keeps a closed session about two minutes, with its fragments and download buttons. Those
    held each session's filtered events (43 MB a session on a 100k import, 417 -> 2,128 MB over 40 shared
    links); now they hold small values. Each session here opens the map of a 40k-row import on its own
    period, as shared links do, and ends; the server must not grow by its events."""
    from bench.bench_memory import server_rss_mb
    from bench.synthetic_events import acled_frame, write_csv
    from tests import st_client
    from tests.conftest import serve

    path = write_csv(acled_frame(40_000), tmp_path / "acled_40k.csv")
    server = serve(extra_env={"DLM_EVENTS_FILE": str(path)})
    url = next(server)
    try:

        def open_map(to: str) -> None:
            results = st_client.drive(url, 1, 1, 600, [("map", f"to={to}", MAP_TITLE)])
            assert all(result.ok for result in results), results

        for to in ("2025-12-31", "2025-11-30", "2025-10-31", "2025-09-30"):  # fill the bounded map caches
            open_map(to)
        before = server_rss_mb(url)
        for month in range(1, ENDED_SESSIONS + 1):
            open_map(f"2025-{month:02d}-28")
        grown = server_rss_mb(url) - before
    finally:
        server.close()
    # One 40k-import session's selection is ~15 MB (frame and download): kept, 8 sessions would add ~100 MB.
    assert grown < 40, f"{ENDED_SESSIONS} ended sessions grew the server by {grown:.0f} MB"


def _page_scripts():
    from components.paths import ROOT

    return sorted((ROOT / "views").glob("*/*.py"))


@pytest.mark.parametrize("script", _page_scripts(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_page_scripts_keep_nothing_past_their_run(script):
    """A fragment or a download callable defined in a page script keeps the page's globals (its filtered events)
    for as long as Streamlit keeps the session, ~2 minutes after its tab closes: define them in components/ui."""
    import ast

    tree = ast.parse(script.read_text(encoding="utf-8"))
    fragments = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and any("fragment" in ast.unparse(d) for d in node.decorator_list)
    ]
    assert not fragments, f"fragments defined in the page: {fragments}"
    downloads = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and ast.unparse(node.func).endswith("download_button")
        and any(isinstance(arg, ast.Lambda) for arg in [*node.args, *(k.value for k in node.keywords)])
    ]
    assert not downloads, f"download buttons given a lambda at lines {downloads}"


EVERY_PAGE_THEN_A_FILE = """
import json, sys
import altair as alt
from streamlit.testing.v1 import AppTest

EXPORT_LIBRARIES = {"matplotlib", "pptx", "fontTools", "vl_convert", "PIL"}
loaded = lambda: sorted({name.split(".")[0] for name in sys.modules} & EXPORT_LIBRARIES)
app = AppTest.from_file("app.py", default_timeout=120).run()
for page in ("views/map/map.py", "views/trends/trends.py", "views/diplomacy/timeline.py",
             "views/briefing/briefing.py", "views/data/sources.py", "views/data/about.py"):
    app.switch_page(page).run()
    assert not app.exception, (page, [e.value for e in app.exception])
drawn = loaded()
from components.export import chart_png
png = chart_png(alt.Chart(alt.Data(values=[{"x": 1}])).mark_point().encode(x="x:Q"))
print(json.dumps({"drawn": drawn, "made": loaded(), "png": png[:4] == b"\\x89PNG"}))
"""


def test_pages_load_the_export_libraries_only_when_a_file_is_made():
    """matplotlib, fontTools, python-pptx, PIL and vl-convert are about 380 modules and 44 MB of the server:
    every page is drawn without them, and the first file made loads what it needs."""
    import json

    from components.paths import ROOT

    run = subprocess.run(
        [sys.executable, "-c", EVERY_PAGE_THEN_A_FILE], capture_output=True, text=True, check=True, cwd=ROOT
    )
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["drawn"] == [], f"a page loaded {seen['drawn']}"
    assert seen["png"], seen
    assert "vl_convert" in seen["made"], seen


def test_maps_for_many_filters_in_use_at_once_are_not_rebuilt():
    """Sixteen maps (eight filters, two modes) stay cached together: with room for four, the Overview's and the
    Map's decks for a few sessions' filters evicted each other, and every rerun rebuilt its deck (a fifth of
    the server's time with 16 sessions, README "Several users at once")."""
    from components.incidents import IncidentFilter
    from components.map_views import resolve_view
    from components.ui import store
    from components.vocabulary import EVENT_TYPES, MAP_MODES

    view, day = resolve_view(None), dt.date(2025, 12, 31)
    filters = [IncidentFilter(dt.date(2024, 1, 1), day, types=(code,)) for code in EVENT_TYPES.codes[:8]]
    asked = [(selection, mode) for selection in filters for mode in MAP_MODES.codes[:2]]
    first = [store.map_deck(selection, mode, day, view) for selection, mode in asked]
    again = [store.map_deck(selection, mode, day, view) for selection, mode in asked]
    assert [deck is made for deck, made in zip(again, first, strict=True)] == [True] * len(asked)
