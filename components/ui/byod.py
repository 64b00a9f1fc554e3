"""Bring your own data: upload an ACLED or UCDP file (or name one in DLM_EVENTS_FILE) and choose which
events every page shows. The report lists every row that is not shown, with file, row, column and reason."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from components.imports import ImportedEvents
from components.ui.store import (
    CURATED,
    EVENTS_FILE_ENV,
    active_import,
    events_key,
    import_upload,
    show_events_from,
)
from components.ui.widgets import table_with_download

UPLOADED = "_uploaded_sources"  # session state: {key: file name} of this session's uploads


def import_panel() -> None:
    st.header("Bring your own data: ACLED or UCDP")
    st.markdown(
        "Load an **ACLED export** (export tool or API; both date styles) or a **UCDP GED / Candidate** events "
        "CSV exactly as downloaded. Every page then shows its events instead of the curated incidents. The "
        "file is read in this app's memory only: it is not saved, committed or sent anywhere. Uploads may be "
        f"up to {st.get_option('server.maxUploadSize')} MB; to load a larger file, or one at start-up, set "
        f"`{EVENTS_FILE_ENV}=/path/to/file.csv` (keep such files in the git-ignored `imports/` folder)."
    )
    upload = st.file_uploader("ACLED or UCDP CSV", type=["csv"], key="events_upload")
    uploaded = st.session_state.setdefault(UPLOADED, {})
    if upload is not None:
        with st.spinner("Reading and checking the file…"):
            key, imported = import_upload(upload.getvalue(), upload.name)
        if imported.events.empty:
            st.error(f"Nothing in {upload.name} can be shown; the report below says why.")
            import_report(imported)
        elif key not in uploaded:
            uploaded[key] = upload.name
            show_events_from(key)
            st.rerun()  # draw the whole page, filters and captions included, from the new file
    _source_choice(uploaded)
    imported = active_import()
    if imported is not None:
        import_report(imported)


def _source_choice(uploaded: dict[str, str]) -> None:
    options = {CURATED: "Curated notable incidents (bundled)"}
    configured = os.environ.get(EVENTS_FILE_ENV)
    if configured:
        options[f"file:{configured}"] = f"Configured file: {Path(configured).name}"
    options.update({key: f"Your upload: {name}" for key, name in uploaded.items()})
    current = events_key()
    st.radio(
        "Events shown on every page",
        list(options),
        index=list(options).index(current) if current in options else 0,
        format_func=options.get,
        key="events_source_choice",
        on_change=lambda: show_events_from(st.session_state["events_source_choice"]),
    )


def import_report(imported: ImportedEvents) -> None:
    """What was read, what is shown, and every row that is not, with the reason."""
    st.subheader(f"{imported.format} file: {imported.file}")
    st.caption(imported.attribution)
    read, shown, left = st.columns(3)
    read.metric("Rows read", f"{imported.rows_read:,}")
    shown.metric("Events shown", f"{len(imported.events):,}")
    left.metric("Rows not shown", f"{imported.rows_left_out:,}")
    if not imported.out_of_scope.empty:
        st.markdown("Rows outside this dashboard's scope (demonstrations and strategic developments), by type:")
        st.dataframe(imported.out_of_scope, hide_index=True)
    if imported.problems.empty:
        st.success("Every row of the file is shown.")
    else:
        st.markdown("Every row not shown, with the reason (the CSV lists them all):")
        table_with_download(imported.problems, "import_problems.csv", "Download the list (CSV)")
