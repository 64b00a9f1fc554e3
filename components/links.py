"""Shareable links: the page address plus every query parameter the widgets keep there."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

RELATIVE_LINKS_NOTE = (
    "The links to the monitor's pages are relative: the address the briefing was opened at was not known "
    "when this file was made, so open them from that address."
)


def share_link(page_url: str, params: dict[str, list[str]]) -> str:
    """`page_url` with `params` (each possibly repeated) as its query string, in a stable order."""
    pairs = [(key, value) for key in sorted(params) for value in params[key]]
    return f"{page_url}?{urlencode(pairs)}" if pairs else page_url


def with_period(params: dict[str, list[str]], start, end) -> dict[str, list[str]]:
    """`params` with the period written out: the address bar leaves out a default period so it follows new
    data, but a link shared or cited must open the days it was made for after the next data update too (a link
    for 1 Jan 2024-8 Apr 2026 read just `map?province=Balochistan`)."""
    return {**params, "from": [start.isoformat()], "to": [end.isoformat()]}


def page_url(address: str, base_path: str, page_path: str) -> str:
    """The page's own address on the server `address` was read from: the home page is the root.

    The browser's address is not used as is: a path the app does not serve (a typed `/overview`) opens
    the home page with "Page not found", and a link copied from it would open that notice again."""
    parts = urlsplit(address)
    path = "/".join(part for part in (base_path.strip("/"), page_path.strip("/")) if part)
    return f"{parts.scheme}://{parts.netloc}/{path}"


def app_link(link: str, app_url: str) -> str:
    """`link` as an address that opens from anywhere: a link to one of the app's pages ("trends?cadence=...",
    relative so the screen keeps its server) joined to the app's address `app_url`; a link with its own
    scheme, or any link when `app_url` is unknown (""), as it is. A forwarded deck's relative links were dead."""
    if not app_url or urlsplit(link).scheme:
        return link
    return f"{app_url.rstrip('/')}/{link.lstrip('/')}"
