"""Concurrent users: eight sessions rerun every page at once over the app's websocket, loopback only.

Each rerun must finish without an exception, an error box or "page not found", and must draw the page
asked for. Latency figures for the README come from `python -m bench.bench_load`.
"""

from __future__ import annotations

from tests import st_client

SESSIONS = 8
RERUNS_PER_SESSION = 6


def test_eight_concurrent_sessions_rerun_every_page_without_error(app_url):
    results = st_client.drive(app_url, sessions=SESSIONS, reruns_per_session=RERUNS_PER_SESSION, timeout=240)
    assert len(results) == SESSIONS * RERUNS_PER_SESSION
    failed = [result for result in results if not result.ok]
    assert not failed, failed
    assert {result.page for result in results} == {page for page, _, _ in st_client.RERUNS}
    print("latency over the websocket:", st_client.latency_summary(results))


def test_the_client_reports_a_page_that_is_not_there(app_url):
    (result,) = st_client.drive(app_url, sessions=1, reruns_per_session=1, timeout=60, plan=[("nowhere", "", "X")])
    assert not result.ok
    assert [error.split(":")[0] for error in result.errors] == ["page not found"]
