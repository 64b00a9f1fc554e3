"""Bring your own data: an ACLED export or a UCDP events file, read unchanged and mapped onto the app's events."""

from __future__ import annotations

from components.imports.acled import import_acled, is_acled
from components.imports.mapping import ImportedEvents, file_problem, result
from components.imports.reader import read_rows
from components.imports.ucdp import import_ucdp, is_ucdp


def import_events(data: bytes, file: str, durand_line) -> ImportedEvents:
    """Recognise the file by its columns and import it; any other file is reported as not recognised."""
    raw, read_problems = read_rows(data, file)
    if is_acled(raw.columns):
        return import_acled(raw, read_problems, file, durand_line)
    if is_ucdp(raw.columns):
        return import_ucdp(raw, read_problems, file, durand_line)
    reason = (
        "file not used: not recognised as an ACLED export (needs event_id_cnty) or a UCDP events file "
        "(needs type_of_violence, where_prec, best)"
    )
    return result("unknown", "", file, len(raw), None, [read_problems, file_problem(file, reason)])
