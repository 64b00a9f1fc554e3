"""Bring your own data: an ACLED export or a UCDP events file, read unchanged and mapped onto the app's events.

Each format module (acled, ucdp) declares its columns and maps rows; the steps every file goes through
(recognise, check required columns, validate, add derived columns, collect problems) are here, once.
"""

from __future__ import annotations

import time

from components.imports import acled, ucdp
from components.imports.mapping import ImportedEvents, file_problem, finish, missing_columns, result, validate_events
from components.imports.reader import read_rows

FORMATS = (acled, ucdp)
UNRECOGNISED = (
    "file not used: not recognised as an ACLED export (needs event_id_cnty) or a UCDP events file "
    "(needs type_of_violence, where_prec, best)"
)

# A file's work is bounded first by its size (50 MB uploads, 500 columns, vectorised cleaning: about 2 s per
# 100k rows on a free 2-core machine). This is the backstop for whatever that bound misses: checked after
# each step, so one step may run past it, never the next.
TIME_LIMIT_S = 60.0


def too_slow(limit_s: float) -> str:
    return (
        f"file not used: reading it took more than {limit_s:,.0f} s, this server's limit for one file; "
        "split it into smaller files (by year, for instance) and import each"
    )


def import_events(data: bytes, file: str, durand_line, time_limit_s: float = TIME_LIMIT_S) -> ImportedEvents:
    """Recognise the file by its columns and import it; any other file is reported as not recognised."""
    started = time.monotonic()

    def past_limit() -> ImportedEvents | None:
        """The file's answer once the time limit has passed (nothing of it is used), else None."""
        if time.monotonic() - started <= time_limit_s:
            return None
        return result(source.FORMAT, attribution, file, rows_read, None, [file_problem(file, too_slow(time_limit_s))])

    raw, read_problems = read_rows(data, file)
    rows_read = len(raw) + int(read_problems["row"].dropna().nunique())
    if raw.columns.empty and not read_problems.empty:  # not readable as CSV at all: that is the whole story
        return result("unknown", "", file, rows_read, None, [read_problems])
    source = next((module for module in FORMATS if module.recognises(raw.columns)), None)
    if source is None:
        return result("unknown", "", file, rows_read, None, [read_problems, file_problem(file, UNRECOGNISED)])
    attribution = source.attribution(file)
    missing = missing_columns(raw, source.REQUIRED, file, source.FORMAT)
    if missing is not None:
        return result(source.FORMAT, attribution, file, rows_read, None, [read_problems, missing])
    if (stopped := past_limit()) is not None:
        return stopped
    events, found, out_of_scope = source.to_events(raw, file)
    found.insert(0, read_problems)
    valid = validate_events(events, found, file, source.FILE_COLUMNS)
    if (stopped := past_limit()) is not None:
        return stopped
    return result(source.FORMAT, attribution, file, rows_read, finish(valid, durand_line), found, out_of_scope)
