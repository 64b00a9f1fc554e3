"""Bring your own data: upload an ACLED or UCDP file (or name one in DLM_EVENTS_FILE) and choose which
events every page shows. The report lists every row that is not shown, with file, row, column and reason."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from components.export import events_file_name
from components.imports import ImportedEvents
from components.imports.acled import OUT_OF_SCOPE
from components.textsafe import escape_markdown
from components.ui.store import (
    CURATED,
    EVENTS_FILE_ENV,
    active_import,
    dataset,
    events_key,
    show_events_from,
)
from components.ui.uploads import (
    MAX_UPLOADS_PER_SESSION,
    SESSION_BUDGET_MB,
    add_upload,
    remove_upload,
    session_uploads,
)
from components.ui.widgets import show_table, table_with_download

LAST_KEY = "_upload_last"  # session state: (file_id, Outcome) of the last file read, so it is read once
CHOICE_KEY = "events_source_choice"  # the radio's widget key


def upload_link_notice() -> None:
    """Keep `events=upload` in the link while this session shows an upload; where a link or a reload carries
    it and no upload is shown, say why the curated incidents are shown instead of silently falling back."""
    if events_key().startswith("upload:"):
        st.query_params["events"] = "upload"
    elif st.query_params.get("events") == "upload":
        if session_uploads():  # this session chose the curated incidents again
            del st.query_params["events"]
            return
        st.warning(
            "This link was made while an uploaded file was shown. Uploads stay in the browser session that "
            "made them, so this page shows the curated incidents: upload the file again on Data & sources "
            "to see it."
        )


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
    last = st.session_state.get(LAST_KEY)
    if upload is not None and (last is None or last[0] != upload.file_id):
        with st.spinner("Reading and checking the file…"):
            outcome = add_upload(upload.getvalue(), upload.name, dataset().geo["durand_line"])
        st.session_state[LAST_KEY] = last = (upload.file_id, outcome)  # read once, not on every rerun
        if outcome.key:
            show_events_from(outcome.key)
            st.rerun()  # draw the whole page, filters and captions included, from the new file
    if upload is not None and last[1].refused:
        st.error(escape_markdown(last[1].refused))
        if last[1].report is not None:
            import_report(last[1].report)
    _source_choice()
    imported = active_import()
    if imported is not None:
        import_report(imported)


def _source_choice() -> None:
    """Which events every page shows; the radio always shows the choice in force, and uploads can be removed."""
    options = {CURATED: "Curated notable incidents (bundled)"}
    configured = os.environ.get(EVENTS_FILE_ENV)
    if configured:
        options[f"file:{configured}"] = f"Configured file: {Path(configured).name}"
    uploads = session_uploads()
    options.update({key: f"Your upload: {upload.name}" for key, upload in uploads.items()})
    st.session_state[CHOICE_KEY] = events_key()
    st.radio(
        "Events shown on every page",
        list(options),
        format_func=lambda key: escape_markdown(options[key]),
        key=CHOICE_KEY,
        on_change=_chosen,
    )
    if uploads:
        st.caption(
            f"Uploads stay in this browser session only (at most {MAX_UPLOADS_PER_SESSION}, "
            f"{sum(u.megabytes for u in uploads.values()):,.1f} of {SESSION_BUDGET_MB} MB in use); "
            "a reload or a shared link starts from the curated data."
        )
        for key, upload in list(uploads.items()):
            st.button(
                f"Remove upload: {escape_markdown(upload.name)}",
                key=f"remove-{key}",
                on_click=remove_upload,  # the events shown fall back to the configured file or the curated
                args=(key,),
            )


def _chosen() -> None:
    """The radio's choice becomes the events every page shows (the sidebar period follows: filters.py)."""
    show_events_from(st.session_state[CHOICE_KEY])


def import_report(imported: ImportedEvents) -> None:
    """What was read, what is shown, and every row that is not, with the reason."""
    st.subheader(escape_markdown(f"{imported.format} file: {imported.file}"))
    st.caption(escape_markdown(imported.attribution))
    read, shown, left = st.columns(3)
    read.metric("Rows read", f"{imported.rows_read:,}")
    shown.metric("Events shown", f"{len(imported.events):,}")
    left.metric("Rows not shown", f"{imported.rows_left_out:,}")
    if not imported.out_of_scope.empty:
        st.markdown("Rows outside this dashboard's scope (demonstrations and strategic developments), by type:")
        show_table(imported.out_of_scope, hide_index=True)
    outside = int((imported.problems["reason"] == OUT_OF_SCOPE).sum()) if not imported.problems.empty else 0
    if imported.problems.empty and imported.rows_read:
        st.success("Every row of the file is shown.")
    elif not imported.problems.empty:
        if outside == len(imported.problems):  # ACLED protests and strategic developments are no error
            st.success("Every row within this dashboard's scope is shown.")
        # Rows read = events shown + rows not shown; whole-file problems (no row) explain a file with no rows.
        st.markdown(
            f"Every row not shown, with the file, row, column and reason (the CSV lists them all): "
            f"{_count(len(imported.problems) - outside, 'problem')} found, {_count(outside, 'row')} outside this "
            "dashboard's scope. "
            "Row 1 is the first data row below the header: a spreadsheet's row 2."
        )
        table_with_download(imported.problems, events_file_name("import_problems", imported), "Download the list (CSV)")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
