"""Shareable links: the page address plus every query parameter the widgets keep there."""

from __future__ import annotations

from urllib.parse import urlencode


def share_link(page_url: str, params: dict[str, list[str]]) -> str:
    """`page_url` with `params` (each possibly repeated) as its query string, in a stable order."""
    pairs = [(key, value) for key in sorted(params) for value in params[key]]
    return f"{page_url}?{urlencode(pairs)}" if pairs else page_url
