"""One briefing slide as plain values, so the screen, the PowerPoint deck and the PDF show the same thing.

A slide states one finding: its title is the finding as a sentence, its evidence is big numbers, one chart
or one table, and its source line names tracker, layer, region, periods and data date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt
import pandas as pd


@dataclass(frozen=True)
class BigNumber:
    """A headline figure as a card reads it: 'Attacks, Jan–Nov 2025', '1,234', '+15% vs 1,073 in Jan–Nov 2024'."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class Slide:
    """One panel of the briefing; `code` is its stable name in links (?panel=trend)."""

    code: str
    title: str  # the finding, e.g. "Attacks up 15% in Jan–Nov 2025"
    source_line: str  # tracker, counting layer, region, periods, data date
    numbers: tuple[BigNumber, ...] = ()
    chart: alt.TopLevelMixin | None = None
    table: pd.DataFrame | None = None  # the chart's numbers, or the slide's evidence when there is no chart
    statements: tuple[str, ...] = ()  # short lines: latest developments, signals
    links: tuple[str, ...] = field(default=())  # URLs of the sources, for speaker notes
    row_links: tuple[str, ...] = ()  # per table row, the page that shows its chart (a signal's Trends chart)
    families: tuple[str, ...] = ()  # incident families the map slide draws: its legend lists these alone
    # What its legend says when it draws none: past the incidents' last day, "none in the period" read as calm.
    no_families: str = "none in the period"
