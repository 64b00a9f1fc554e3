"""Server memory as viewers use it: the bundled data, an imported 100k-row file under 40 filter changes,
and many sessions at once. Resident memory (RSS) of the served app, read from /proc.

    python -m bench.bench_memory [--rows 100000] [--changes 40] [--sessions 32]

Community Cloud gives an app roughly 690 MB; the goals (issue #21) are bundled data <= 400 MB, one 100k
import with 40 filter changes <= 690 MB and flat after the first few, and 32 sessions with no failure.
Synthetic events only (bench/synthetic_events.py), never shown as real.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import threading
from pathlib import Path

from bench.synthetic_events import acled_frame, write_csv
from tests import st_client
from tests.conftest import serve


def server_rss_mb(url: str) -> float:
    """RSS of the streamlit process serving `url` (found by its --server.port argument)."""
    port = url.rsplit(":", 1)[1].encode()
    for proc in Path("/proc").iterdir():
        try:
            arguments = (proc / "cmdline").read_bytes().split(b"\0") if proc.name.isdigit() else []
            if b"streamlit" in arguments and port in arguments:
                status = (proc / "status").read_text()
                return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) / 1024
        except OSError:
            continue
    raise RuntimeError(f"no streamlit process serves {url}")


class PeakRss:
    """Samples the server's RSS every 0.2 s while in use: a reading between reruns misses the peaks."""

    def __init__(self, url: str) -> None:
        self.url, self.peak, self._done = url, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(0.2):
            self.peak = max(self.peak, server_rss_mb(self.url))

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._done.set()
        self._thread.join()


def bundled(sessions: int) -> None:
    server = serve()
    url = next(server)
    try:
        st_client.drive(url, sessions=1, reruns_per_session=len(st_client.RERUNS))
        print(f"bundled data, every page once: {server_rss_mb(url):,.0f} MB")
        results = st_client.drive(url, sessions=sessions, reruns_per_session=4, timeout=600)
        failed = [r for r in results if not r.ok]
        print(
            f"{sessions} sessions x 4 reruns: {len(results)} reruns, {len(failed)} failed, "
            f"p95 {st_client.latency_summary(results)['p95']:.2f} s, {server_rss_mb(url):,.0f} MB after"
        )
        for rerun in failed[:5]:
            print("  failed:", rerun.page, rerun.query, rerun.status, rerun.errors[:1])
    finally:
        server.close()


def imported(rows: int, changes: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="dlm-bench-memory-"))
    path = write_csv(acled_frame(rows), folder / f"acled_{rows}.csv")
    server = serve(extra_env={"DLM_EVENTS_FILE": str(path)})
    url = next(server)
    try:
        plan = [("map", "", "Map of the Durand Line region")]
        st_client.drive(url, sessions=1, reruns_per_session=1, timeout=600, plan=plan)
        print(f"{rows:,}-row import, map drawn once: {server_rss_mb(url):,.0f} MB")
        readings = []
        last = dt.date(2025, 12, 31)
        with PeakRss(url) as peak:
            for change in range(changes):
                to = last - dt.timedelta(days=7 * change)
                plan = [("map", f"to={to:%Y-%m-%d}", "Map of the Durand Line region")]
                results = st_client.drive(url, sessions=1, reruns_per_session=1, timeout=600, plan=plan)
                assert all(r.ok for r in results), results
                readings.append(server_rss_mb(url))
        marks = [1, 5, 10, 20, changes]
        print(
            "after 'To' date changes (each from a new session, as a shared link opens): "
            + ", ".join(f"{n}: {readings[n - 1]:,.0f} MB" for n in marks if n <= len(readings))
            + f"; peak while rerunning {peak.peak:,.0f} MB"
        )
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--sessions", type=int, default=32)
    parser.add_argument("--only", choices=["bundled", "imported"], help="run one part")
    args = parser.parse_args()
    if args.only != "imported":
        bundled(args.sessions)
    if args.only != "bundled":
        imported(args.rows, args.changes)


if __name__ == "__main__":
    main()
