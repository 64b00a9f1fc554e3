"""Small display pieces every page uses: notices about coverage and rejected rows, tables with downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.dataset import Dataset

CURATED_NOTE = "Notable incidents, curated, not exhaustive."


def coverage_caption(data: Dataset, curated: bool = True) -> None:
    as_of = data.data_as_of
    parts = [f"Data as of {as_of:%d %b %Y}." if as_of else "Data date unknown."]
    if curated:
        parts.append(CURATED_NOTE)
    st.caption(" ".join(parts))


def rejected_rows_notice(data: Dataset) -> None:
    """Say on screen how many rows were left out and why (details on the Data page)."""
    problems = [p for p in data.problems if p.reason != "unknown column, ignored"]
    if not problems:
        return
    rows = sum(result.rows_rejected for result in data.tables.values())
    files = sorted({p.file for p in problems})
    with st.expander(f"⚠ {rows} data row(s) rejected in {', '.join(files)}: see why"):
        st.dataframe(pd.DataFrame([vars(p) for p in problems]), hide_index=True)


def table_with_download(frame: pd.DataFrame, file_name: str, label: str = "Download CSV", **kwargs) -> None:
    """Show a table and offer exactly what is shown as CSV."""
    st.dataframe(frame, hide_index=True, **kwargs)
    st.download_button(
        label,
        frame.to_csv(index=False).encode("utf-8"),
        file_name=file_name,
        mime="text/csv",
        key=f"download-{file_name}",
    )
