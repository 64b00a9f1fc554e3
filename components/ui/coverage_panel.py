"""The coverage matrix on Data & sources: which periods of each tracker series the data set holds."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from components.coverage import (
    ANY,
    NOTE_STATES,
    NOTES_FILE,
    STATE_LABELS,
    STATE_MEANINGS,
    STATE_SYMBOLS,
    STATES,
    SUBNATIONAL,
    coverage,
    load_notes,
    matrix,
    notes_in_use,
)
from components.dataset import Dataset
from components.palette import GAP_MARK, MUTED_INK, NEUTRAL
from components.paths import data_dir
from components.textsafe import csv_bytes
from components.trends import CADENCE_LABELS, CADENCES, ordered_choices
from components.ui.store import derived, drawn_once
from components.ui.widgets import choice, show_table
from components.validation import LoadResult, problems_frame
from components.vocabulary import METRICS, SERIES, TRACKER_REGIONS, TRACKERS

# Only a gap takes a colour (a highlighter yellow no other meaning uses, components/palette.py); the other
# states are told by their symbols on paper, the not-yet-due ones in muted type.
STATE_FILLS = {
    "present": NEUTRAL["white"],
    "missing": GAP_MARK,
    "not_published": NEUTRAL["white"],
    "not_due": NEUTRAL["white"],
}
STATE_STYLES = {
    state: f"background-color: {fill}; color: {MUTED_INK if state == 'not_due' else NEUTRAL['black']}"
    for state, fill in STATE_FILLS.items()
}
SYMBOL_STYLES = {STATE_SYMBOLS[state]: f"{style}; text-align: center" for state, style in STATE_STYLES.items()}
# Pixels, so every label shows whole ("KP (tribal districts)", "Peace-committee members killed"); the layer is
# in each matrix's heading, not a column, so a year of months still fits beside the labels at 1280 px.
LABEL_WIDTHS = {"region": 170, "metric": 235}
MATRIX_HEIGHT, ROW_PX = 470, 35
PERIOD_WIDTH = 64  # pixels: room for "2024-01" and a symbol, so a year of months fits beside the labels
INTRO = (
    "For each tracker, counting layer, region and measure that has at least one figure here, which periods from "
    "January 2024 to the data date the data set holds, at the tracker's own cadence. **Missing means no figure "
    "in this data set, not zero**: the tracker may have published one that was not found. Gaps the researchers "
    f"searched for, and figures a tracker did not publish, are declared in `data/{NOTES_FILE}`."
)


@st.cache_resource(show_spinner=False)
def _coverage_in(folder: str, _data: Dataset) -> tuple[pd.DataFrame, LoadResult]:
    """The tidy coverage frame and the loaded notes of one data folder, computed once per process."""
    notes = load_notes(Path(folder))
    return coverage(_data.figures, notes.frame, _data.data_as_of), notes


def coverage_panel(data: Dataset) -> None:
    """Tracker picker, legend, counts per state, the matrix per cadence, the notes behind gaps, a CSV."""
    st.header("Coverage of the tracker figures")
    st.markdown(INTRO)
    if data.data_as_of is None:
        st.info("No data date (datapackage.json `data_as_of`), so periods cannot be told due or not yet due.")
        return
    tidy, notes = _coverage_in(str(data_dir()), data)
    if notes.problems:
        st.warning(f"{len(notes.problems)} problem(s) reading {NOTES_FILE}; the notes named below are left out.")
        show_table(problems_frame(notes.problems), hide_index=True)
    if tidy.empty:
        st.info("No tracker figures from January 2024 on are loaded, so there is no coverage to show.")
        return
    tracker = choice(st, "Tracker", ordered_choices(tidy["tracker"], TRACKERS), key="coverage_tracker")
    cells = tidy[tidy["tracker"] == tracker]
    drawn_once("coverage-matrices", (tracker,), partial(_matrices_with_legend, tracker, cells))
    _notes(tidy, notes.frame, tracker)
    st.download_button(
        f"Download {tracker} coverage (CSV, one row per period)",
        lambda: csv_bytes(_dated(cells)),
        file_name=f"coverage_{tracker}_{data.data_as_of:%Y-%m-%d}.csv",
        mime="text/csv",
        key="download-coverage",
        on_click="ignore",
    )


def _matrices_with_legend(tracker: str, cells: pd.DataFrame) -> None:
    """Legend, counts per state and one styled matrix per cadence: drawn once per tracker, then replayed."""
    _legend()
    _counts(cells)
    st.caption("KP is Khyber Pakhtunkhwa. Each table scrolls sideways and down; the labels on the left stay put.")
    for cadence, series, wide, periods in _matrices(cells):
        st.markdown(f"**{tracker}, {CADENCE_LABELS[cadence].lower()}: {SERIES.label(series)}**")
        show_table(
            wide.style.map(lambda symbol: SYMBOL_STYLES.get(symbol, ""), subset=periods),
            hide_index=True,
            height=min(MATRIX_HEIGHT, ROW_PX * (len(wide) + 1) + 3),
            column_config={
                **{
                    field: st.column_config.TextColumn(field, pinned=True, width=width)
                    for field, width in LABEL_WIDTHS.items()
                },
                **{period: st.column_config.TextColumn(period, width=PERIOD_WIDTH) for period in periods},
            },
        )


def _matrices(cells: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame, list[str]]]:
    """One tracker's matrix per cadence and counting layer, with its period columns; labels in words (the
    CSV keeps the codes)."""
    matrices = []
    for cadence in ordered_choices(cells["cadence"], CADENCES):
        of_cadence = cells[cells["cadence"] == cadence]
        for series in ordered_choices(of_cadence["series"], SERIES):
            wide = matrix(of_cadence[of_cadence["series"] == series]).drop(columns=["tracker", "cadence", "series"])
            wide["region"] = wide["region"].map(TRACKER_REGIONS.short)
            wide["metric"] = wide["metric"].map(METRICS.label)
            matrices.append((cadence, series, wide, list(wide.columns[len(LABEL_WIDTHS) :])))
    return matrices


def _legend() -> None:
    """Symbol, colour and meaning of each state, drawn like the matrix cells."""
    legend = pd.DataFrame(
        {
            "symbol": [STATE_SYMBOLS[s] for s in STATES],
            "state": [STATE_LABELS[s] for s in STATES],
            "meaning": [STATE_MEANINGS[s] for s in STATES],
        }
    )
    show_table(
        legend.style.map(lambda symbol: SYMBOL_STYLES[symbol], subset=["symbol"]), hide_index=True, width="content"
    )


def _counts(cells: pd.DataFrame) -> None:
    """Cells per state for the chosen tracker, one card each."""
    counts = cells["state"].value_counts()
    noted = int(((cells["state"] == "missing") & (cells["note"] != "")).sum())
    for column, state in zip(st.columns(len(STATES)), STATES, strict=True):
        help_text = f"{noted:,} of them with a note of what was searched" if state == "missing" else None
        column.metric(f"{STATE_SYMBOLS[state]} {STATE_LABELS[state]}", f"{int(counts.get(state, 0)):,}", help=help_text)


NOTE_REGION_PX = 180  # "KP (tribal districts)" whole, at about 7 px a character plus the cell's padding


def _notes(tidy: pd.DataFrame, notes: pd.DataFrame, tracker: str) -> None:
    """The researchers' notes on this tracker's gaps, with how many cells of the matrix each explains."""
    st.markdown(f"**What the researchers noted about {tracker}'s gaps** (`{NOTES_FILE}`)")
    mine = notes[notes["tracker"] == tracker]
    if mine.empty:
        st.caption("No notes for this tracker: its missing cells were not searched for specifically.")
        return
    table = derived("coverage-notes", (tracker,), lambda: _notes_table(tidy, mine))
    st.caption(
        "`*` stands for every layer, cadence, region or measure, `subnational` for every region but the country. "
        "`cells` counts the missing or not-published cells of the matrix a note explains: 0 when every period it "
        "covers has a figure, or when its series has no figure in this data set and so no row."
    )
    show_table(
        table,
        hide_index=True,
        column_config={
            "region": st.column_config.TextColumn("region", width=NOTE_REGION_PX),
            "searched": st.column_config.TextColumn("searched", width="large"),
            "source_url": st.column_config.LinkColumn("source_url"),
        },
    )


def _notes_table(tidy: pd.DataFrame, notes: pd.DataFrame) -> pd.DataFrame:
    """The notes with the cells each explains beside their wording: codes in the matrix's words (the two KP
    regions read alike when cut to the column's width), `*` and `subnational` as written, dates as YYYY-MM-DD."""
    table = notes_in_use(tidy, notes).drop(columns=["tracker"])
    table = table[[*table.columns[:7], "cells", *[c for c in table.columns[7:] if c != "cells"]]]
    words = {
        "series": SERIES.label,
        "period_type": lambda code: CADENCE_LABELS[code].lower(),
        "region": TRACKER_REGIONS.short,
        "metric": METRICS.label,
        "state": NOTE_STATES.get,
    }
    for column, word in words.items():
        table[column] = [code if code in (ANY, SUBNATIONAL) else word(code) for code in table[column]]
    for column in ("period_start", "period_end", "noted_on"):
        table[column] = table[column].dt.strftime("%Y-%m-%d")
    return table


def _dated(cells: pd.DataFrame) -> pd.DataFrame:
    """The tidy frame with dates as YYYY-MM-DD, for the download."""
    return cells.assign(
        period_start=cells["period_start"].dt.strftime("%Y-%m-%d"),
        period_end=cells["period_end"].dt.strftime("%Y-%m-%d"),
    )
