"""Small display pieces every page uses: notices about coverage and rejected rows, tables with downloads."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.coverage import as_of_sentence, stale_notice
from components.dataset import Dataset
from components.export import chart_png, chart_svg
from components.links import share_link
from components.textsafe import csv_bytes, escape_markdown
from components.ui.store import active_import, events_coverage

CURATED_NOTE = "Notable incidents, curated, not exhaustive."
SHOWN_ROWS = 2_000  # more rows than anyone reads on screen; the browser stays fast with a million in the file


def coverage_caption(data: Dataset, curated: bool = True) -> None:
    """Data as of and how old (a warning when old), and what the events are: curated or the user's own file."""
    today = dt.date.today()
    st.markdown(f"**{as_of_sentence(data.data_as_of, today)}**")
    notice = stale_notice(data.data_as_of, today)
    if notice:
        st.warning(notice)
    parts = []
    imported = active_import() if curated else None
    if imported is not None:
        parts.append(escape_markdown(f"{len(imported.events):,} events. {imported.attribution}"))
        if not imported.events.empty:
            covered = events_coverage()
            parts.append(f"Events in the file: {covered.first:%d %b %Y} to {covered.last:%d %b %Y}.")
        if imported.rows_left_out:
            parts.append(f"Rows of the file not shown: {imported.rows_left_out:,} (listed on Data & sources).")
    elif curated:
        parts.append(CURATED_NOTE)
    if parts:
        st.caption(" ".join(parts))


def rejected_rows_notice(data: Dataset) -> None:
    """Say on screen how many rows or files were left out and why (details on the Data page)."""
    problems = data.problems_frame()
    problems = problems[problems["reason"] != "unknown column, ignored"]
    if problems.empty:
        return
    whole_files = sorted(set(problems.loc[problems["row"].isna(), "file"]))
    rows = sum(result.rows_rejected for result in data.tables.values())
    parts = []
    if whole_files:
        parts.append(f"{len(whole_files)} file(s) not used ({', '.join(whole_files)})")
    if rows:
        parts.append(f"{rows} row(s) rejected")
    with st.expander(f"⚠ Data left out: {'; '.join(parts)}. See why"):
        st.dataframe(problems, hide_index=True)


def table_with_download(
    frame: pd.DataFrame, file_name: str, label: str = "Download CSV", max_rows: int = SHOWN_ROWS, **kwargs
) -> None:
    """Show a table and offer it as CSV; a long table shows its first rows and the CSV holds them all.

    The CSV is written only when the button is pressed, so a million-row selection costs nothing per rerun.
    """
    if len(frame) > max_rows:
        st.caption(f"Showing the first {max_rows:,} of {len(frame):,} rows; the download has all of them.")
    st.dataframe(frame.head(max_rows), hide_index=True, **kwargs)
    st.download_button(
        label,
        lambda: csv_bytes(frame),
        file_name=file_name,
        mime="text/csv",
        key=f"download-{file_name}",
        on_click="ignore",
    )


def chart_with_table(chart, frame: pd.DataFrame, file_name: str) -> None:
    """A chart with its numbers beneath it (table and CSV of exactly what is shown) and image exports."""
    st.altair_chart(chart)
    stem = file_name.removesuffix(".csv")
    with st.expander("Numbers in this chart, and downloads"):
        table_with_download(frame, file_name)
        png, svg = st.columns(2)
        png.download_button(
            "Chart as PNG",
            lambda: chart_png(chart),
            file_name=f"{stem}.png",
            mime="image/png",
            key=f"png-{stem}",
            on_click="ignore",
        )
        svg.download_button(
            "Chart as SVG",
            lambda: chart_svg(chart),
            file_name=f"{stem}.svg",
            mime="image/svg+xml",
            key=f"svg-{stem}",
            on_click="ignore",
        )


def kpi_row(headline: pd.DataFrame, later: int, earlier: int, per_row: int | None = None) -> None:
    """Metric cards: the later year's published months against the same months a year earlier.

    `per_row` wraps the cards into rows (briefing mode: wider cards keep long month lists readable)."""
    if headline.empty:
        return
    per_row = per_row or len(headline)
    columns = [column for _ in range(0, len(headline), per_row) for column in st.columns(per_row)]
    for column, row in zip(columns, headline.itertuples(index=False), strict=False):
        delta = None if pd.isna(row.change_pct) else f"{row.change_pct:+.0f}% vs {earlier}"
        value = "n/a" if pd.isna(row.later) else f"{row.later:,.0f}"
        column.metric(
            f"{row.label}, {row.months} {later}",
            value,
            delta,
            delta_color="inverse",
            help=f"Same months of {earlier}: "
            + ("not all published" if pd.isna(row.earlier) else f"{row.earlier:,.0f}"),
        )


def share_box() -> None:
    """The current view's link with a copy button; drawn last so every widget's parameter is in it."""
    base = st.context.url
    if not base:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    with st.sidebar:
        st.caption("Link to this view (copy button on the right)")
        st.code(share_link(base, params), language=None, wrap_lines=True)
