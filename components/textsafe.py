"""Show text from data files as text: Streamlit renders Markdown in most elements, so escape it."""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def escape_markdown(text: object) -> str:
    """Backslash-escape every Markdown/HTML-significant character so it displays literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
