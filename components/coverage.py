"""Which periods of each tracker series the data set holds, from January 2024 to the data date.

A cell is one tracker, counting layer, cadence, region, measure and period. It is **present** when a
displayed figure exists (components/figures.py), **not due** when the period was not over on the data
date, **not published** when data/coverage_notes.csv declares that the tracker did not publish it, and
**missing** otherwise: no figure in this data set, which is not a zero. A missing cell may carry the note
of a search that found nothing. Only combinations with at least one displayed figure in the window at that
cadence get a row, so the matrix never invents a series.

`python -m components.coverage` prints the matrix per tracker and cadence with a summary per tracker;
`--csv` prints the tidy frame instead.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from components.dates import format_day
from components.figures import displayed_figures
from components.paths import data_dir
from components.schemas import (
    URL,
    _any_date,
    _choice,
    _ordered,
    _past_date,
    _text,
)
from components.sources import load_sourced
from components.trends import CADENCE_LABELS, CADENCE_MONTHS, CADENCES, ordered_choices
from components.validation import LoadResult, load_table
from components.vocabulary import COUNTRIES, METRICS, PERIOD_TYPES, SERIES, TRACKER_REGIONS, TRACKERS

COVERAGE_START = dt.date(2024, 1, 1)
NOTES_FILE = "coverage_notes.csv"
ANY = "*"
SUBNATIONAL = "subnational"  # every region but a whole country: provinces and PICSS's split of KP

STATES = ("present", "missing", "not_published", "not_due")
STATE_LABELS = {
    "present": "present",
    "missing": "missing",
    "not_published": "not published",
    "not_due": "not due",
}
STATE_MEANINGS = {
    "present": "a figure the dashboard displays exists for this period",
    "missing": "no figure in this data set (not a zero); where a note exists, it says what was searched",
    "not_published": "the tracker did not publish this figure (declared in coverage_notes.csv)",
    "not_due": "the period was not over on the data date",
}
STATE_SYMBOLS = {"present": "●", "missing": "○", "not_published": "×", "not_due": "·"}
# What a researcher's note declares of a gap (coverage_notes.csv `state`), in the words the page shows.
NOTE_STATES = {"not_published": "not published by the tracker", "not_found": "searched for, not found"}

KEY = ["tracker", "series", "cadence", "region", "metric"]
ROW_FIELDS = ["tracker", "cadence", "series", "region", "metric"]  # the matrix's rows
LABEL_FIELDS = ("series", "region", "metric")
TIDY_COLUMNS = [*KEY, "period_start", "period_end", "state", "note"]
NOTE_COLUMNS = [
    "tracker",
    "series",
    "period_type",
    "region",
    "metric",
    "period_start",
    "period_end",
    "state",
    "searched",
    "source_url",
    "noted_on",
]

# Declared here until the strict-parsing work on components/schemas.py is merged; it moves there then.
COVERAGE_NOTES = pa.DataFrameSchema(
    {
        "tracker": _choice(TRACKERS),
        "series": _choice((*SERIES, ANY)),
        "period_type": _choice((*PERIOD_TYPES, ANY)),
        "region": _choice((*TRACKER_REGIONS, SUBNATIONAL, ANY)),
        "metric": _choice((*METRICS, ANY)),
        "period_start": _any_date(),
        "period_end": _any_date(),
        "state": _choice(tuple(NOTE_STATES)),
        "searched": _text(),
        "source_url": _text(required=False, checks=pa.Check.str_matches(URL, error="not an http(s) URL")),
        "noted_on": _past_date(),
    },
    checks=[
        _ordered("period_start", "period_end"),
        pa.Check(
            lambda df: ~df.duplicated(NOTE_COLUMNS[:7]),
            error="period_start repeats the periods of an earlier note on the same series, region and measure",
        ),
    ],
    strict="filter",
    name="coverage_notes",
)


def load_notes(folder: Path) -> LoadResult:
    """The curated gap notes of a data folder, validated; problems name file, row, column and reason."""
    return load_table(folder / NOTES_FILE, COVERAGE_NOTES, NOTES_FILE)


def period_grid(cadence: str, data_as_of: dt.date, start: dt.date = COVERAGE_START) -> pd.DataFrame:
    """Every period of one cadence that began between `start` and the data date: period_start, period_end."""
    months = CADENCE_MONTHS[cadence]
    starts = pd.date_range(pd.Timestamp(start), pd.Timestamp(data_as_of), freq=pd.DateOffset(months=months))
    ends = starts + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    return pd.DataFrame({"period_start": starts, "period_end": ends})


def expected_series(figures: pd.DataFrame, data_as_of: dt.date, start: dt.date = COVERAGE_START) -> pd.DataFrame:
    """Tracker, series, cadence, region and measure of every displayed figure in the window: the rows."""
    window = figures[
        (figures["period_start"] >= pd.Timestamp(start)) & (figures["period_start"] <= pd.Timestamp(data_as_of))
    ]
    combos = window.rename(columns={"period_type": "cadence"})[KEY].drop_duplicates()
    return _sorted(combos).reset_index(drop=True)


def coverage(
    figures: pd.DataFrame, notes: pd.DataFrame, data_as_of: dt.date, start: dt.date = COVERAGE_START
) -> pd.DataFrame:
    """One row per expected cell and period with its state and note (the tidy frame, TIDY_COLUMNS)."""
    combos = expected_series(figures, data_as_of, start)
    grids = [period_grid(cadence, data_as_of, start).assign(cadence=cadence) for cadence in combos["cadence"].unique()]
    if combos.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in TIDY_COLUMNS}).astype(
            {"period_start": "datetime64[ns]", "period_end": "datetime64[ns]"}
        )
    cells = combos.merge(pd.concat(grids, ignore_index=True), on="cadence")
    shown = figures.rename(columns={"period_type": "cadence"})[[*KEY, "period_start", "period_end"]]
    cells = cells.merge(
        shown.drop_duplicates().assign(_present=True), on=[*KEY, "period_start", "period_end"], how="left"
    )
    cells = cells.merge(_matching_notes(cells, notes), on=[*KEY, "period_start"], how="left")
    present = cells["_present"].fillna(False).astype(bool)
    not_due = ~present & (cells["period_end"] > pd.Timestamp(data_as_of))
    declared = cells["_note_state"].fillna("")
    cells["state"] = "missing"
    cells.loc[~present & ~not_due & (declared == "not_published"), "state"] = "not_published"
    cells.loc[not_due, "state"] = "not_due"
    cells.loc[present, "state"] = "present"
    cells["note"] = cells["_note"].where(cells["state"].isin(["missing", "not_published"]), "").fillna("")
    return cells[TIDY_COLUMNS].reset_index(drop=True)


def _matching_notes(cells: pd.DataFrame, notes: pd.DataFrame) -> pd.DataFrame:
    """For each cell a note covers, the note's row number, state and text; not_published wins over not_found.

    A note covers a cell when each of its fields equals the cell's or is `*` (`subnational`: every region
    but a whole country) and the cell's period lies within the note's."""
    columns = [*KEY, "period_start", "_note_row", "_note_state", "_note"]
    if notes.empty or cells.empty:
        return pd.DataFrame(columns=columns).astype({"period_start": "datetime64[ns]"})
    pairs = cells[[*KEY, "period_start", "period_end"]].merge(
        notes.reset_index(names="_note_row").rename(columns={"period_start": "_from", "period_end": "_to"}),
        on="tracker",
        suffixes=("", "_n"),
    )

    def fits(field: str, note_field: str) -> pd.Series:
        return (pairs[note_field] == ANY) | (pairs[note_field] == pairs[field])

    region_fits = fits("region", "region_n") | ((pairs["region_n"] == SUBNATIONAL) & ~pairs["region"].isin(COUNTRIES))
    covered = (
        fits("series", "series_n")
        & fits("cadence", "period_type")
        & region_fits
        & fits("metric", "metric_n")
        & (pairs["period_start"] >= pairs["_from"])
        & (pairs["period_end"] <= pairs["_to"])
    )
    hits = pairs[covered]
    hits = hits.assign(
        _note_state=hits["state"],
        _note=[_note_text(note) for note in hits.to_dict("records")],
        _rank=(hits["state"] != "not_published").astype(int),
    )
    hits = hits.sort_values(["_rank", "_note_row"], kind="stable").drop_duplicates([*KEY, "period_start"])
    return hits[columns]


def _note_text(note: dict) -> str:
    """What was searched, when it was noted, and the page stating the tracker's absence if any."""
    text = f"{note['searched']} (noted {note['noted_on']:%Y-%m-%d})"
    source = note.get("source_url")
    return f"{text} Source: {source}" if isinstance(source, str) and source else text


def notes_in_use(tidy: pd.DataFrame, notes: pd.DataFrame) -> pd.DataFrame:
    """The notes with `cells`: how many missing or not-published cells of the matrix each one explains.

    A note on a series, region or measure with no displayed figure explains none: the matrix has no row for it."""
    shown = [column for column in NOTE_COLUMNS if column in notes]
    gaps = tidy[tidy["state"].isin(["missing", "not_published"])]
    used = _matching_notes(gaps, notes)["_note_row"].value_counts()
    return notes[shown].assign(cells=notes.index.map(used).fillna(0).astype(int))


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """Trackers, layers, cadences, regions and measures in their declared order (Pakistan first)."""
    orders = {
        "tracker": TRACKERS,
        "series": SERIES,
        "cadence": tuple(CADENCES),
        "region": TRACKER_REGIONS,
        "metric": METRICS,
    }
    keys = [column for column in KEY if column in frame]
    ranks = {
        f"_{column}": frame[column].map({v: i for i, v in enumerate(ordered_choices(frame[column], orders[column]))})
        for column in keys
    }
    by = [*ranks, *(["period_start"] if "period_start" in frame else [])]
    return frame.assign(**ranks).sort_values(by, kind="stable").drop(columns=list(ranks))


def period_label(start: pd.Timestamp, cadence: str) -> str:
    """'2024-01', '2024-Q1', '2024-H1' or '2024': the matrix's column names."""
    slot = (start.month - 1) // CADENCE_MONTHS[cadence] + 1
    if CADENCE_MONTHS[cadence] == 1:
        return f"{start:%Y-%m}"
    if len(CADENCES[cadence]) == 1:
        return f"{start.year}"
    return f"{start.year}-{CADENCES[cadence][slot - 1]}"  # Q1..Q4, H1, H2


def matrix(tidy: pd.DataFrame) -> pd.DataFrame:
    """Wide form: one row per tracker, cadence, series, region and measure, one column per period, each cell
    a state symbol (STATE_SYMBOLS); '' where a column belongs to another cadence."""
    if tidy.empty:
        return pd.DataFrame(columns=ROW_FIELDS)
    cells = _sorted(tidy).assign(
        period=lambda df: [period_label(s, c) for s, c in zip(df["period_start"], df["cadence"], strict=True)],
        symbol=lambda df: df["state"].map(STATE_SYMBOLS),
        _cadence=lambda df: df["cadence"].map(list(CADENCES).index),
    )
    columns = list(dict.fromkeys(cells.sort_values(["_cadence", "period_start"], kind="stable")["period"]))
    wide = cells.pivot_table(index=ROW_FIELDS, columns="period", values="symbol", aggfunc="first", sort=False)
    wide = wide.reindex(columns=columns).fillna("")
    wide.columns.name = None
    return wide.reset_index()


def summary(tidy: pd.DataFrame) -> pd.DataFrame:
    """Cells per tracker and state, and how many missing cells carry a search note."""
    counts = pd.crosstab(tidy["tracker"], tidy["state"]).reindex(columns=list(STATES), fill_value=0)
    noted = tidy[(tidy["state"] == "missing") & (tidy["note"] != "")].groupby("tracker").size()
    counts["missing_with_note"] = noted.reindex(counts.index, fill_value=0)
    order = ordered_choices(counts.index, TRACKERS)
    return counts.reindex(order).rename_axis("tracker").reset_index().rename_axis(None, axis=1)


def summary_line(row: dict) -> str:
    """'PICSS: 1,234 present, 56 missing (12 with a search note), 7 not published, 30 not due'."""
    return (
        f"{row['tracker']}: {row['present']:,} present, {row['missing']:,} missing "
        f"({row['missing_with_note']:,} with a search note), {row['not_published']:,} not published, "
        f"{row['not_due']:,} not due"
    )


MONTH_LETTERS = "JFMAMJJASOND"


def _sub_label(period: str, cadence: str) -> str:
    """The part of a column name under its year: a month's initial, 'Q1', 'H1', or '' for a year."""
    if cadence == "month":
        return MONTH_LETTERS[int(period[5:7]) - 1]
    return period[5:]


def matrix_text(tidy: pd.DataFrame, data_as_of: dt.date) -> str:
    """The matrix as terminal text: a legend, one block per tracker and cadence, a summary line per tracker."""
    legend = "  ".join(f"{STATE_SYMBOLS[s]} {STATE_LABELS[s]}" for s in STATES)
    lines = [
        f"Coverage of the tracker figures, {COVERAGE_START:%b %Y} to the data date {format_day(data_as_of)}",
        f"{legend}   (missing = no figure in this data set, not zero)",
    ]
    if tidy.empty:
        return "\n".join([*lines, "", "No tracker figures in this window."]) + "\n"
    sums = {row["tracker"]: row for row in summary(tidy).to_dict("records")}
    for tracker in ordered_choices(tidy["tracker"], TRACKERS):
        for cadence in ordered_choices(tidy.loc[tidy["tracker"] == tracker, "cadence"], CADENCES):
            part = tidy[(tidy["tracker"] == tracker) & (tidy["cadence"] == cadence)]
            lines += ["", *_block(tracker, cadence, matrix(part))]
        lines += ["", summary_line(sums[tracker])]
    return "\n".join(lines) + "\n"


def _block(tracker: str, cadence: str, wide: pd.DataFrame) -> list[str]:
    """One tracker and cadence: a year header, a period header and one line per series, region and measure."""
    periods = [column for column in wide.columns if column not in ROW_FIELDS]
    labels = wide.assign(region=wide["region"].map(TRACKER_REGIONS.short))
    widths = {field: max(len(field), *labels[field].str.len()) for field in LABEL_FIELDS}
    years = list(dict.fromkeys(period[:4] for period in periods))
    yearly = cadence == "year"
    width = 4 if yearly else max(len(_sub_label(period, cadence)) for period in periods)

    def line(label: dict, cell) -> str:
        head = "  ".join(str(label[field]).ljust(widths[field]) for field in LABEL_FIELDS)
        groups = (" ".join(cell(p).center(width) for p in periods if p.startswith(year)) for year in years)
        return f"{head}  {'  '.join(groups)}".rstrip()

    header = {field: field for field in LABEL_FIELDS}
    out = [f"{tracker}, {CADENCE_LABELS[cadence].lower()}"]
    if not yearly:
        spans = {year: sum(p.startswith(year) for p in periods) * (width + 1) - 1 for year in years}
        indent = sum(widths.values()) + 2 * len(widths)
        out.append(" " * indent + "  ".join(year.ljust(spans[year]) for year in years))
    out.append(line(header, lambda p: p if yearly else _sub_label(p, cadence)))
    out += [line(record, lambda p, r=record: r[p]) for record in labels.to_dict("records")]
    return [text.rstrip() for text in out]


def data_date(folder: Path) -> dt.date | None:
    """`data_as_of` of the folder's datapackage.json, or None when it does not say."""
    path = folder / "datapackage.json"
    if not path.exists():
        return None
    value = json.loads(path.read_text(encoding="utf-8")).get("data_as_of")
    return dt.date.fromisoformat(value) if value else None


def main(argv: list[str] | None = None) -> int:
    """Print the matrix (or with --csv the tidy frame) of the configured data folder; problems to stderr."""
    argv = sys.argv[1:] if argv is None else argv
    folder = data_dir()
    as_of = data_date(folder)
    if as_of is None:
        print(f"No data_as_of in {folder / 'datapackage.json'}: coverage runs to the data date.", file=sys.stderr)
        return 1
    stats = load_sourced(folder)["tracker_stats"]
    notes = load_notes(folder)
    for problem in [*stats.problems, *notes.problems]:
        print(problem, file=sys.stderr)
    tidy = coverage(displayed_figures(stats.frame), notes.frame, as_of)
    if "--csv" in argv:
        out = tidy.assign(
            period_start=tidy["period_start"].dt.strftime("%Y-%m-%d"),
            period_end=tidy["period_end"].dt.strftime("%Y-%m-%d"),
        )
        sys.stdout.write(out.to_csv(index=False, lineterminator="\n"))
    else:
        sys.stdout.write(matrix_text(tidy, as_of))
    return 0


if __name__ == "__main__":
    sys.exit(main())
