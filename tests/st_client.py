"""A minimal Streamlit client over the app's own websocket protocol, for load tests and benchmarks.

It speaks what the browser speaks (BackMsg/ForwardMsg protobufs on /_stcore/stream), so a rerun goes
through the real server, session and script runner, but without a browser's cost per session. Widget
values are set the way a shared link sets them: through the query string (every widget is bound to it).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# (url path of the page, query string, its title): every page, with filters and choices a user would make.
# The home page's path is "" (its url_path only names it in links).
RERUNS = (
    ("", "", "Overview"),
    ("map", "province=Balochistan&from=2025-01-01&to=2025-12-31", "Map of the Durand Line region"),
    ("trends", "", "Year-over-year trends"),
    ("diplomacy", "days=30&track=talks", "Diplomacy timeline"),
    ("map", "mode=hexagons&actor=TTP+and+factions", "Map of the Durand Line region"),
    (
        "briefing",
        "panel=trend",
        "Attacks up 15% in Jan–Nov 2025 against Jan–Nov 2024; by Nov 2025 they passed 2024's published annual "
        "total, restated by the tracker",
    ),
    ("data", "table=diplomacy", "Data and sources"),
    ("about", "", "About the data"),
    ("", "type=suicide_bombing&from=2024-06-01", "Overview"),
)


@dataclass
class Rerun:
    """One rerun as the client saw it: how long it took and what went wrong, if anything."""

    session: int
    page: str
    query: str
    title: str
    seconds: float = 0.0
    status: str | None = None
    errors: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Finished, with no error shown, and the page the user asked for was drawn."""
        shown = [heading.replace("\\", "") for heading in self.headings]  # as read: Markdown escapes removed
        return self.status == "FINISHED_SUCCESSFULLY" and not self.errors and self.title in shown


def _rerun_message(page: str, query: str) -> bytes:
    message = BackMsg()
    message.rerun_script.page_name = page
    message.rerun_script.query_string = query
    return message.SerializeToString()


def _heading_in(message: ForwardMsg) -> list[str]:
    if message.WhichOneof("type") != "delta" or message.delta.WhichOneof("type") != "new_element":
        return []
    element = message.delta.new_element
    return [element.heading.body] if element.WhichOneof("type") == "heading" else []


def _errors_in(message: ForwardMsg) -> list[str]:
    """Exceptions, error boxes and "page not found" a user would see."""
    kind = message.WhichOneof("type")
    if kind == "page_not_found":
        return [f"page not found: {message.page_not_found.page_name}"]
    if kind != "delta" or message.delta.WhichOneof("type") != "new_element":
        return []
    element = message.delta.new_element
    if element.WhichOneof("type") == "exception":
        return [f"exception: {element.exception.type}: {element.exception.message}"]
    if element.WhichOneof("type") == "alert" and element.alert.format == element.alert.ERROR:
        return [f"error box: {element.alert.body}"]
    return []


async def run_session(url: str, session: int, reruns: list[tuple[str, str, str]], timeout: float) -> list[Rerun]:
    """Connect one session and rerun it through `reruns` in turn, each waiting for script_finished."""
    results = []
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    # No client pings: a browser sends none either, and a busy server (32 sessions on 2 cores) answers them late.
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None, ping_interval=None) as socket:
        for page, query, title in reruns:
            result = Rerun(session, page, query, title)
            start = time.perf_counter()
            await socket.send(_rerun_message(page, query))
            async with asyncio.timeout(timeout):
                while True:
                    message = ForwardMsg()
                    message.ParseFromString(await socket.recv())
                    result.errors += _errors_in(message)
                    result.headings += _heading_in(message)
                    if message.WhichOneof("type") == "script_finished":
                        result.status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
                        break
            result.seconds = time.perf_counter() - start
            results.append(result)
    return results


async def _load(url: str, sessions: int, reruns_per_session: int, timeout: float, plan) -> list[Rerun]:
    plan = plan or RERUNS
    plans = [[plan[(s + r) % len(plan)] for r in range(reruns_per_session)] for s in range(sessions)]
    per_session = await asyncio.gather(*(run_session(url, s, plan, timeout) for s, plan in enumerate(plans)))
    return [rerun for results in per_session for rerun in results]


def drive(url: str, sessions: int = 8, reruns_per_session: int = 6, timeout: float = 120, plan=None) -> list[Rerun]:
    """`sessions` concurrent sessions, each starting at a different step of `plan` (default: RERUNS, every
    page), so every page runs at once. Runs in its own thread: Playwright's sync API may already hold an
    event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, _load(url, sessions, reruns_per_session, timeout, plan)).result()


def latency_summary(results: list[Rerun]) -> dict[str, float]:
    seconds = sorted(r.seconds for r in results)
    return {
        "reruns": len(seconds),
        "p50": statistics.median(seconds),
        "p95": seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))],
        "max": seconds[-1],
    }
