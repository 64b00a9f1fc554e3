"""Widgets kept in the URL through the one codec (components/url_codec.py), in place of Streamlit's
bind="query-params", which writes a pick list's label (or format_func's text) and drops codes.

A run starts with `begin_run()` (app.py): when the URL is new to the session (its first run, a link
opened, an address edited), its values wait, each until the widget it names is drawn (on this page or,
for a link opened on another page, on the next). Each widget drawn through `linked()` writes its value
back as a code at once (so a fragment's rerun updates the link too), and `end_run()` drops the
parameters of widgets the page no longer draws.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from components.dates import format_day
from components.textsafe import escape_markdown
from components.url_codec import PARAMS

PENDING = "_url_pending"  # session state: a new URL's texts, by parameter, not yet given to their widgets
WRITTEN = "_url_written"  # the query as this session last left it, to tell a new URL from its own
DRAWN = "_url_drawn"  # parameters whose widgets this run drew
NOTICES = "_url_notices"  # {parameter: (notices, the value the link left)}: what a link could not give
PICKERS = ("selectbox", "multiselect", "radio", "segmented_control", "pills", "select_slider")
FIRST_BY_DEFAULT = ("selectbox", "radio")  # pickers that open on their first option unless told otherwise
CLICKED = "_clicked"  # suffix of the session state keeping a picker's last click (select_on_click)


def _query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def begin_run() -> None:
    """Take in the URL when it is new to the session; called first thing in every full run."""
    query = _query()
    if st.session_state.get(WRITTEN) != query:
        st.session_state[PENDING] = query
    st.session_state[DRAWN] = set()


def linked(widget, *args, key: str, link_default: Any = None, **kwargs):
    """Draw `widget` (e.g. st.selectbox or a column's) keyed and kept in the URL as `key`, a parameter of
    url_codec.PARAMS; returns its value. `link_default` is the value a link leaves out, when only the page
    knows it (the date window's)."""
    param = PARAMS[key]
    choices = _choices(widget, args, kwargs)
    pending = st.session_state.get(PENDING, {})
    read = None  # the notices of a link read this run
    if key in pending:
        value, notices = param.read(pending.pop(key), choices)
        read = [escape_markdown(notice) for notice in notices]  # they repeat the link's text
        if param.multi and value:
            st.session_state[key] = list(value)
        elif value is not None and not param.multi:
            kept = _within(value, kwargs)
            if kept != value:  # a period past the data must not pass for a lull: say the link was cut
                read.append(
                    f"The link's '{args[0]}' date, {format_day(value)}, is outside the data "
                    f"({format_day(kwargs['min_value'])} – {format_day(kwargs['max_value'])}): showing "
                    f"{format_day(kept)}."
                )
            st.session_state[key] = kept
    # The notices go above the widget, once its value is known; a place for them is made only when there may
    # be one (every page has 6-10 of these widgets, and each element costs the browser a re-render a rerun).
    above = widget.__self__.container() if read is not None or key in st.session_state.get(NOTICES, {}) else None
    value = widget(*args, key=key, **kwargs)
    link_notices(key, read, value, above)
    keep(key, value, _left_out(widget, param, choices, kwargs, link_default))
    return value


def link_notices(key: str, read: list[str] | None, value: Any, container=st) -> None:
    """Show what a link's `key` could not give (an unknown value, a date past the data) for as long as the
    value it left stands: read this run (`read`, Markdown), or earlier while `value` is still the link's.
    `container` may be None only when neither is so.

    A notice shown on the first run only vanished at the next click anywhere (a map mode, another page),
    while the view it explains stayed; changing the value, or a new link naming `key`, ends it."""
    given = st.session_state.setdefault(NOTICES, {})
    if read is not None:
        given[key] = (read, value)
    elif key in given and given[key][1] != value:
        del given[key]
    for notice in given.get(key, ((), None))[0]:
        container.warning(notice)


def standing_notices(*keys: str) -> list[str]:
    """The notices (Markdown) links left for `keys` that still stand (see link_notices): for the briefing
    screen, which hides the sidebar where the date boxes show theirs."""
    given = st.session_state.get(NOTICES, {})
    return [notice for key in keys for notice in given.get(key, ((), None))[0]]


def _left_out(widget, param, choices: dict | None, kwargs: dict, told: Any) -> Any:
    """The value a link leaves out: the page's, else the codec's, else a selectbox's or radio's opening option."""
    index = kwargs.get("index", 0)
    if told is None and param.default is None and widget.__name__ in FIRST_BY_DEFAULT and choices and index is not None:
        return list(choices)[index]
    return told


def _choices(widget, args: tuple, kwargs: dict) -> dict | None:
    """A pick list's options and the labels it shows them with, as a link may name either."""
    if widget.__name__ not in PICKERS:
        return None
    options = kwargs.get("options", args[1] if len(args) > 1 else ())
    label = kwargs.get("format_func") or str
    return {option: label(option) for option in options}


def _within(value, kwargs: dict):
    """A linked date inside the widget's own bounds (a link made on another data set may reach past them)."""
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if isinstance(value, dt.date) and isinstance(low, dt.date) and isinstance(high, dt.date):
        return min(max(value, low), high)
    return value


def keep(key: str, value: Any, default: Any = None) -> None:
    """Write `value` into the URL as its code (nothing at the default)."""
    st.session_state.setdefault(DRAWN, set()).add(key)
    texts = PARAMS[key].write(value, default)
    if texts != st.query_params.get_all(key):
        if texts:
            st.query_params[key] = texts
        else:
            del st.query_params[key]
    st.session_state[WRITTEN] = _query()


def end_run() -> None:
    """Drop the parameters of widgets this run did not draw (another page's), except a link's values still
    waiting for theirs; app.py calls it when the page has been drawn, before the share box copies the link."""
    drawn, pending = st.session_state.get(DRAWN, set()), st.session_state.get(PENDING, {})
    for key, param in PARAMS.items():
        if param.widget and key not in drawn and key not in pending and key in st.query_params:
            del st.query_params[key]
    st.session_state[WRITTEN] = _query()


def select_on_click(key: str, clicked: Any) -> None:
    """Make a chart's clicked item the picker `key`'s choice; called before the picker is drawn.

    A chart keeps reporting its last click on every rerun, so only a new click moves the picker: a choice
    made in the picker afterwards stays."""
    if clicked is not None and clicked != st.session_state.get(key + CLICKED):
        st.session_state[key + CLICKED] = clicked
        st.session_state[key] = clicked
