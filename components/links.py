"""Shareable links: the page address plus every query parameter the widgets keep there."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit


def share_link(page_url: str, params: dict[str, list[str]]) -> str:
    """`page_url` with `params` (each possibly repeated) as its query string, in a stable order."""
    pairs = [(key, value) for key in sorted(params) for value in params[key]]
    return f"{page_url}?{urlencode(pairs)}" if pairs else page_url


def page_url(address: str, base_path: str, page_path: str) -> str:
    """The page's own address on the server `address` was read from: the home page is the root.

    The browser's address is not used as is: a path the app does not serve (a typed `/overview`) opens
    the home page with "Page not found", and a link copied from it would open that notice again."""
    parts = urlsplit(address)
    path = "/".join(part for part in (base_path.strip("/"), page_path.strip("/")) if part)
    return f"{parts.scheme}://{parts.netloc}/{path}"
