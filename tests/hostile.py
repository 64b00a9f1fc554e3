"""Synthetic data with HTML, script and Markdown payloads in every free-text field; for tests only.

A data file is untrusted input: a curator may paste a summary from a web page, or a file may be tampered
with. `write_hostile_dataset` starts from the valid synthetic folder and replaces every free-text cell
(any text column whose schema does not restrict it to a list or a pattern) with payloads that would run
a script, add an element or turn into a link if any page, tooltip or export rendered the text as HTML
or Markdown (or LaTeX, which Markdown and matplotlib both parse). The rows stay valid, so every page shows them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from components.schemas import TABLES
from tests.synthetic import write_dataset

PAYLOAD = (
    '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1"> '
    '<b id="injected">bold</b> [link](javascript:window.__xss=1) **x** $\\frac{x$'
)
# Lies inside every payload; a page that shows it literally shows the payload as text.
LITERAL = "<script>window.__xss=1</script>"


def free_text_columns(table: str) -> list[str]:
    """Text columns with no list or pattern check: the ones a curator types freely."""
    return [
        name
        for name, column in TABLES[table].schema.columns.items()
        if str(column.dtype).startswith("str") and not column.checks
    ]


def hostile(column: str, row: int) -> str:
    """The payload, prefixed with where it sits so a failure message says which field leaked."""
    return f"{column} {row} {PAYLOAD}"


def write_hostile_dataset(folder: Path) -> Path:
    """A valid synthetic folder whose every free-text cell carries the payloads."""
    write_dataset(folder, incidents=12)
    for table, spec in TABLES.items():
        path = folder / spec.file
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for number, row in enumerate(rows, start=1):
            for column in free_text_columns(table):
                row[column] = hostile(column, number)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(spec.schema.columns))
            writer.writeheader()
            writer.writerows(rows)
    return folder
