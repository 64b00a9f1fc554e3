"""The one table of tracker figures the dashboard displays, chosen by each row's declared status.

A figure is one tracker, counting layer, period, region and metric. Its displayed value is the tracker's
latest own statement: a restatement in a later release beats the original, a final figure beats a
preliminary one, and a row declared misattributed or superseded is never displayed. Every other value
stated for the figure stays listed in `other_values`. A row declared an outlet's error (record_only) is no
statement of the figure at all: it is left out of both tables here. Nothing here reads the free-text `notes`.

`python -m components.figures` writes the table as CSV to stdout.
"""

from __future__ import annotations

import sys

import pandas as pd

from components.dates import format_published
from components.paths import data_dir
from components.sources import SOURCE_KIND_HEADER, load_sourced, source_label
from components.textsafe import blank_missing_text
from components.vocabulary import (
    FIGURE_STATUSES,
    METRICS,
    PERIOD_TYPES,
    SERIES,
    SOURCE_KINDS,
    TRACKER_REGIONS,
    TRACKERS,
)

FIGURE_KEY = ["tracker", "series", "period_type", "period_start", "period_end", "region", "metric"]
# Statuses in the order they win; the rest are kept as other values only.
DISPLAYED_STATUSES = FIGURE_STATUSES.of_group("displayed")
NEVER_DISPLAYED = FIGURE_STATUSES.of_group("never_displayed")
# Kept in the data file for the record only: never displayed, never offered as another value.
RECORD_ONLY = FIGURE_STATUSES.of_group("record_only")
COLUMNS = [
    *FIGURE_KEY,
    "value",
    "status",
    "source_name",
    "source_url",
    "source_published",
    "source_kind",
    "other_values",
]


def ranked(stats: pd.DataFrame) -> pd.DataFrame:
    """Rows of each figure best first, by declared fields only.

    Status first; then, among restatements, the latest release; then the kind of source, in SOURCE_KINDS'
    order (the tracker's own site, a major outlet, another outlet, a repost on an unrelated site: a repost of
    GTI 2024's score, rounded to 8.4, won a tie with an outlet's 8.374 by file order); then the value more
    sources state; then the latest published.
    """
    rank = {status: index for index, status in enumerate(DISPLAYED_STATUSES)}
    kinds = {kind: index for index, kind in enumerate(SOURCE_KINDS.codes)}
    published = stats["source_published"].fillna("")
    return stats.assign(
        _status=stats["status"].map(rank).fillna(len(rank)),
        _restated_on=published.where(stats["status"] == "restated", ""),
        _kind=stats["source_kind"].map(kinds).fillna(len(kinds)),
        _agreeing=stats.groupby([*FIGURE_KEY, "value"])["value"].transform("size"),
        _published=published,
    ).sort_values(
        ["_status", "_restated_on", "_kind", "_agreeing", "_published"],
        ascending=[True, False, True, False, False],
        kind="stable",
    )


def statements(stats: pd.DataFrame) -> pd.DataFrame:
    """The rows that state a figure: every row but those kept for the record only."""
    return stats[~stats["status"].isin(RECORD_ONLY)]


def displayed_figures(stats: pd.DataFrame) -> pd.DataFrame:
    """One row per figure that has a displayable statement, with every other stated value beside it."""
    stats = statements(stats)
    if stats.empty:
        return pd.DataFrame({column: pd.Series(dtype=stats[column].dtype) for column in COLUMNS[:-1]}).assign(
            other_values=pd.Series(dtype=str)
        )
    order = ranked(stats)
    chosen = order[order["status"].isin(DISPLAYED_STATUSES)].drop_duplicates(FIGURE_KEY, keep="first")
    others = _other_values(order, chosen)
    chosen = chosen.merge(others, on=FIGURE_KEY, how="left")
    chosen["other_values"] = chosen["other_values"].fillna("")
    return chosen[COLUMNS].sort_values(FIGURE_KEY, kind="stable").reset_index(drop=True)


def _other_values(order: pd.DataFrame, chosen: pd.DataFrame) -> pd.DataFrame:
    """'905 (misattributed to this tracker: US Headline News)' for each value other than the displayed one."""
    shown = chosen[[*FIGURE_KEY, "value"]].rename(columns={"value": "_shown"})
    rest = order.merge(shown, on=FIGURE_KEY, how="inner")
    rest = rest[(rest["value"] != rest["_shown"]) | rest["status"].isin(NEVER_DISPLAYED)]
    if rest.empty:
        return pd.DataFrame(columns=[*FIGURE_KEY, "other_values"])
    grouped = rest.groupby([*FIGURE_KEY, "value", "status"], sort=False)["source_name"].agg(
        lambda names: ", ".join(dict.fromkeys(names))
    )
    described = grouped.reset_index()
    described["text"] = (
        described["value"].map(lambda v: f"{v:,g}")
        + " ("
        + described["status"].map(FIGURE_STATUSES.labels)
        + ": "
        + described["source_name"]
        + ")"
    )
    return described.groupby(FIGURE_KEY, sort=False)["text"].agg("; ".join).rename("other_values").reset_index()


def disagreements(stats: pd.DataFrame) -> pd.DataFrame:
    """Every row of a figure stated with more than one value, or declared misattributed or superseded,
    with whether it is the displayed one: the view where analysts check what the charts leave out."""
    order = ranked(statements(stats))
    distinct = order.groupby(FIGURE_KEY)["value"].transform("nunique")
    flagged = order.groupby(FIGURE_KEY)["status"].transform(lambda s: s.isin(NEVER_DISPLAYED).any())
    rows = order[(distinct > 1) | flagged]
    shown = displayed_figures(stats)[[*FIGURE_KEY, "value", "source_url"]].assign(displayed=True)
    rows = rows.merge(shown, on=[*FIGURE_KEY, "value", "source_url"], how="left")
    rows["displayed"] = rows["displayed"].fillna(False).astype(bool)
    columns = [*FIGURE_KEY, "value", "status", "displayed", "replaces", "source_name", "source_kind", "source_url"]
    return rows[[*columns, "source_published", "notes"]].reset_index(drop=True)


# Headers of a figure's own columns, wherever a table shows them.
FIGURE_HEADERS = {
    "value": "Value",
    "status": "Status",
    "source_name": "Source",
    "source_published": "Published",
    "source_kind": SOURCE_KIND_HEADER,
    "source_url": "Link",
    "other_values": "Other values stated",
}
# In reading order: which figure, the value and whether it is charted, who stated it and when; then the rest.
DISAGREEMENT_HEADERS = {
    "tracker": "Tracker",
    "series": "Counting layer",
    "period": "Period",
    "region": "Region",
    "metric": "Measure",
    "value": FIGURE_HEADERS["value"],
    "status": FIGURE_HEADERS["status"],
    "displayed": "Charted",
    "source_name": FIGURE_HEADERS["source_name"],
    "source_published": FIGURE_HEADERS["source_published"],
    "source_kind": SOURCE_KIND_HEADER,
    "replaces": "Replaces",
    "notes": "Notes",
    "source_url": FIGURE_HEADERS["source_url"],
}
# The figure's key in each code list's declared order, so every value stated for one figure sits together.
FIGURE_ORDER = {
    "tracker": TRACKERS.codes,
    "series": SERIES.codes,
    "period_type": PERIOD_TYPES.codes,
    "period_start": None,
    "region": TRACKER_REGIONS.codes,
    "metric": METRICS.codes,
}


def period_name(start: pd.Timestamp, cadence: str) -> str:
    """A figure's period as a reader names it: 'Oct 2025', 'Q1 2025', 'H2 2024', '2024'."""
    kind = PERIOD_TYPES[cadence]
    if len(kind.slots) == 1:
        return f"{start.year}"
    if kind.months == 1:
        return f"{start:%b %Y}"
    return f"{kind.slots[(start.month - 1) // kind.months]} {start.year}"


def by_figure(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows sorted by tracker, layer, cadence, period, region and measure (declared orders); a figure's own
    rows keep their order (the displayed value first, from `ranked`)."""

    def key(column: pd.Series) -> pd.Series:
        order = FIGURE_ORDER[column.name]
        return column if order is None else column.map({code: i for i, code in enumerate(order)}).fillna(len(order))

    return rows.sort_values(list(FIGURE_ORDER), key=key, kind="stable")


def disagreements_table(rows: pd.DataFrame) -> pd.DataFrame:
    """disagreements() as a reader's table: one figure's values together, labels for codes (short ones, so the
    figure, its value, status and whether it is charted fit 1440 px), the period and the publication day as
    read ('Q1 2025', '1 Jan 2026'), headers in words; values stay numbers, so they sort as numbers."""
    rows = by_figure(rows)
    table = rows.assign(
        series=rows["series"].map(SERIES.short),
        period=[
            period_name(start, kind) for start, kind in zip(rows["period_start"], rows["period_type"], strict=True)
        ],
        metric=rows["metric"].map(METRICS.label),
        status=rows["status"].map(FIGURE_STATUSES.short),
        displayed=rows["displayed"].map({True: "yes", False: "no"}),
        source_kind=rows["source_kind"].map(source_label),
        source_published=rows["source_published"].map(
            lambda text: format_published(text) if isinstance(text, str) and text else ""
        ),
    )
    return (
        blank_missing_text(table[list(DISAGREEMENT_HEADERS)])
        .rename(columns=DISAGREEMENT_HEADERS)
        .reset_index(drop=True)
    )


def figures_csv(figures: pd.DataFrame) -> str:
    """The displayed-figures table as CSV text, dates as YYYY-MM-DD."""
    out = figures[COLUMNS].copy()
    for column in ("period_start", "period_end"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    out["value"] = out["value"].map(lambda v: f"{v:.15g}")
    return out.to_csv(index=False, lineterminator="\n")


def main() -> int:
    """Print the displayed figures of the configured data folder; rejected rows go to stderr."""
    result = load_sourced(data_dir())["tracker_stats"]
    for problem in result.problems:
        print(problem, file=sys.stderr)
    sys.stdout.write(figures_csv(displayed_figures(result.frame)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
