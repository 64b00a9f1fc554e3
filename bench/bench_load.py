"""Rerun latency with several users at once, over the app's own websocket on loopback.

    python -m bench.bench_load [--sessions 1 4 8 16] [--reruns 6]

Each session reruns the pages in tests.st_client.RERUNS (every page, with filters set as a shared link
sets them) and waits for each rerun to finish; the figures are seconds from request to script_finished,
server-side work only (no browser paint). One warm-up session runs first so caches are filled, as on a
server that has been up for a while.
"""

from __future__ import annotations

import argparse
import time

from tests import st_client
from tests.conftest import serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 4, 8, 16])
    parser.add_argument("--reruns", type=int, default=6)
    args = parser.parse_args()
    server = serve()
    url = next(server)
    try:
        st_client.drive(url, sessions=1, reruns_per_session=len(st_client.RERUNS))
        print(f"{'sessions':>8} {'reruns':>6} {'failed':>6} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'reruns/s':>8}")
        for sessions in args.sessions:
            start = time.perf_counter()
            results = st_client.drive(url, sessions=sessions, reruns_per_session=args.reruns, timeout=600)
            wall = time.perf_counter() - start
            summary = st_client.latency_summary(results)
            failed = sum(not result.ok for result in results)
            print(
                f"{sessions:>8} {summary['reruns']:>6} {failed:>6} {summary['p50']:>6.2f} {summary['p95']:>6.2f}"
                f" {summary['max']:>6.2f} {summary['reruns'] / wall:>8.1f}"
            )
    finally:
        server.close()


if __name__ == "__main__":
    main()
