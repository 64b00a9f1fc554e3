"""Every URL query parameter of the app, declared once: how a link's text becomes a value and back.

Links carry stable codes (incident ids, event-type codes, track codes, panel codes, numbers as numbers), so
renaming a label never breaks a link already shared. A label is still accepted when a link is read (links
made before codes were written carry labels), and a value that is neither is named in a notice instead of
being dropped silently. README's "Shareable links" table lists the same parameters (tests/test_links.py).

Pick lists whose values are known only when the page runs (incident ids, tables, trackers' years) are
declared without values; the page's options are passed in as `choices` when the link is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from components.map_views import MAX_ZOOM, MIN_ZOOM
from components.vocabulary import (
    ACTOR_GROUPS,
    BORDER_SHARES,
    BRIEFING_ADVANCE,
    BRIEFING_PANELS,
    BRIEFING_THEMES,
    DIPLOMACY_TRACKS,
    DISTRICT_MEASURES,
    EVENT_TYPES,
    MAP_MODES,
    MAP_VIEWS,
    METRICS,
    PERIOD_TYPES,
    PROVINCES,
    TRACKER_REGIONS,
    TRACKERS,
)

SHOWN_TEXT = 60  # characters of a link's value a notice repeats; the rest is cut
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")
DAYS_AROUND = (3, 60)  # the diplomacy page's window, days before and after an event


@dataclass(frozen=True)
class Param:
    """One query parameter.

    kind: "pick" (one of a list's values), "date" (YYYY-MM-DD), "integer", "number" or "flag" (true/false).
    values: a pick list's values and their labels when declared before run time (a code list), else None.
    of: the type of a pick list's values when they are not declared (a year is an int).
    """

    key: str
    noun: str  # how a notice names the parameter: "Unknown type 'xyz' in the link, ignored."
    kind: str = "pick"
    values: Mapping[Any, str] | None = None
    default: Any = None
    multi: bool = False
    bounds: tuple[float, float] | None = None
    of: Callable[[str], Any] = str
    widget: bool = True  # set by a widget; False for a parameter the app sets itself (`events`)

    def read(self, texts: Iterable[str], choices: Mapping[Any, str] | None = None) -> tuple[Any, list[str]]:
        """The value a link's texts stand for (a tuple for a multi parameter; None when none is usable),
        and a notice for each text that names nothing `choices` (or the declared values) hold."""
        values, notices = [], []
        for text in texts:
            try:
                values.append(self._one(text, choices))
            except ValueError as problem:
                notices.append(str(problem))
        if self.multi:
            return tuple(dict.fromkeys(values)), notices
        return (values[-1] if values else None), notices

    def write(self, value: Any, default: Any = None) -> list[str]:
        """The link's texts for `value`: none at the default, so a link stays short and follows new data."""
        default = self.default if default is None else default
        if self.multi:
            value, default = tuple(value or ()), tuple(default or ())
        if value is None or value == default or (self.multi and not value):
            return []
        return [self._text(one) for one in value] if self.multi else [self._text(value)]

    def _text(self, value: Any) -> str:
        if self.kind == "date":
            return value.isoformat()
        if self.kind == "flag":
            return "true" if value else "false"
        if self.kind == "number":
            return f"{value:g}"
        return str(value)

    def _one(self, text: str, choices: Mapping[Any, str] | None) -> Any:
        folded = text.strip().casefold()
        if self.kind == "pick":
            return self._pick(text, folded, choices)
        try:
            if self.kind == "date":
                return dt.date.fromisoformat(text.strip())
            if self.kind == "flag":
                if folded in TRUE or folded in FALSE:
                    return folded in TRUE
                raise ValueError
            value = int(text) if self.kind == "integer" else float(text)
        except ValueError:
            raise ValueError(self.unknown(text)) from None
        if self.bounds and not self.bounds[0] <= value <= self.bounds[1]:
            low, high = self.bounds
            raise ValueError(f"The link's {self.noun} {_shown(text)} is outside {low:g} to {high:g}, ignored.")
        return value

    def _pick(self, text: str, folded: str, choices: Mapping[Any, str] | None) -> Any:
        """A code as written, else a label in any case; codes are tried first so a code is never misread."""
        offered = self.values if choices is None else choices
        if offered is None:
            try:
                return self.of(text)
            except ValueError:
                raise ValueError(self.unknown(text)) from None
        for matches in (lambda code, _: str(code) == text, lambda code, label: folded in _folded(code, label)):
            for code, label in offered.items():
                if matches(code, label):
                    return code
        declared = self.values or {}
        if choices is not None and any(folded in _folded(code, label) for code, label in declared.items()):
            raise ValueError(f"The link's {self.noun} {_shown(text)} is not in the data shown, ignored.")
        if choices is not None and not declared:
            raise ValueError(f"The link's {self.noun} {_shown(text)} is not on this page, ignored.")
        raise ValueError(self.unknown(text))

    def unknown(self, text: str) -> str:
        return f"Unknown {self.noun} {_shown(text)} in the link, ignored."


def _folded(code: Any, label: str) -> tuple[str, str]:
    return str(code).strip().casefold(), str(label).strip().casefold()


def _shown(text: str) -> str:
    return repr(text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT] + "…")


PARAMS = {
    param.key: param
    for param in (
        Param("from", "start date", "date"),
        Param("to", "end date", "date"),
        Param("province", "province", values=PROVINCES.labels, multi=True),
        Param("actor", "actor group", values=ACTOR_GROUPS.labels, multi=True),
        Param("type", "type", values=EVENT_TYPES.labels, multi=True),
        Param("mode", "map mode", values=MAP_MODES.labels, default=MAP_MODES.codes[0]),
        Param("basemap", "basemap setting", "flag", default=False),
        Param("incident", "incident"),
        Param("share_of", "measure", values=BORDER_SHARES.labels, default=BORDER_SHARES.codes[0]),
        Param("district_measure", "measure", values=DISTRICT_MEASURES.labels, default=DISTRICT_MEASURES.codes[0]),
        Param("view", "map view", values=MAP_VIEWS.labels, default=MAP_VIEWS.codes[0]),
        Param("lat", "latitude", "number", bounds=(-85.0, 85.0)),
        Param("lon", "longitude", "number", bounds=(-180.0, 180.0)),
        Param("zoom", "zoom", "number", bounds=(MIN_ZOOM, MAX_ZOOM)),
        Param("source", "tracker and counting layer"),
        Param("cadence", "period type", values=PERIOD_TYPES.labels),
        Param("year", "year", of=int),
        Param("vs", "year compared with", of=int),
        Param("region", "region", values=TRACKER_REGIONS.labels),
        Param("metric", "measure", values=METRICS.labels),
        Param("sources_year", "year of the annual figures", of=int),
        Param("track", "track", values=DIPLOMACY_TRACKS.labels, multi=True),
        Param("mediator", "mediator", multi=True),
        Param("event", "diplomatic event"),
        Param("days", "window in days", "integer", default=14, bounds=DAYS_AROUND),
        Param("panel", "panel", values=BRIEFING_PANELS.labels, default=BRIEFING_PANELS.codes[0]),
        Param("every", "advance setting", values=BRIEFING_ADVANCE, default=0),
        Param("theme", "colour scheme", values=BRIEFING_THEMES.labels, default="light", widget=False),
        Param("table", "table"),
        Param("coverage_tracker", "tracker", values=TRACKERS.labels),
        Param("events", "events setting", values={"upload": "upload"}, widget=False),
    )
}


def decode(
    query: Mapping[str, str | list[str]], choices: Mapping[str, Mapping[Any, str]] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The values a link's query stands for, by parameter, and the notices for what it named but could not
    be used. `choices` gives the page's options of pick lists known only at run time, keyed by parameter.
    Parameters the app does not declare are left alone."""
    choices = choices or {}
    values, notices = {}, []
    for key, texts in query.items():
        param = PARAMS.get(key)
        if param is None:
            continue
        value, said = param.read([texts] if isinstance(texts, str) else texts, choices.get(key))
        notices += said
        if value is not None and value != ():
            values[key] = value
    return values, notices


def encode(values: Mapping[str, Any], defaults: Mapping[str, Any] | None = None) -> dict[str, list[str]]:
    """The query a link carries for `values`: codes, repeated for several values, none at a default
    (`defaults` gives those known only at run time, such as the date window's)."""
    defaults = defaults or {}
    query = {key: PARAMS[key].write(value, defaults.get(key)) for key, value in values.items()}
    return {key: texts for key, texts in query.items() if texts}
