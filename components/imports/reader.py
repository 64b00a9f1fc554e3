"""Read a large CSV quickly as text, keeping each row's number so problems can name it.

pyarrow parses well-formed files in parallel; a file it cannot read cleanly (stray quotes, short rows,
bad bytes) goes through the row-by-row reader in components.validation, which says which row is wrong.
Either way the work is bounded by the file's size: the header's column count is checked first, and
cells are cleaned a column at a time in Arrow, never one by one in Python.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from components.validation import (
    MERGED_REASON,
    Problem,
    not_csv_text,
    problems_frame,
    read_header,
    read_text_rows,
    row_like_pattern,
)


def read_rows(data: bytes, file: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All cells as text (missing = NA), indexed by data-row number (1 = first row below the header).

    Blank lines are skipped, not counted as rows.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    unusable = not_csv_text(data)
    if unusable:
        return pd.DataFrame(), problems_frame([Problem(file, None, None, f"file not used: {unusable}")])
    header, unusable = read_header(csv.reader(_text_lines(data)), file)
    if unusable:
        return pd.DataFrame(), problems_frame([unusable])
    frame = _read_with_pyarrow(data, header)
    if frame is None:
        frame, problems = read_text_rows(data, file)
    elif frame.empty:
        problems = [Problem(file, None, None, "file not used: it has a header but no data rows")]
    else:
        problems = []
    frame, merged = _without_merged_rows(frame, data, file)
    return frame, problems_frame(problems + merged)


def _text_lines(data: bytes) -> io.TextIOWrapper:
    """The file as lines of text ending in \\n, \\r\\n or a lone \\r, read only as far as asked."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace", newline="")


def _read_with_pyarrow(data: bytes, header: list[str]) -> pd.DataFrame | None:
    """None when the file needs the careful reader: a malformed row or bytes that are not UTF-8."""
    if not header or "\ufffd" in "".join(header):
        return None
    malformed = []

    def note_malformed(row) -> str:
        malformed.append(row)
        return "skip"

    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(use_threads=True, column_names=header, skip_rows=1),
            parse_options=pa_csv.ParseOptions(
                newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=note_malformed
            ),
            # Only a blank cell is missing, as in the careful reader: pyarrow would also take "NA", "null" or
            # "nan" (a place name, a typo) for a blank and so turn a bad count into "not stated".
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in header}, null_values=[""], strings_can_be_null=True
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    if malformed:
        return None
    cleaned = [_blank_to_null(pc.utf8_trim_whitespace(column)) for column in table.columns]
    frame = pa.table(cleaned, names=header).to_pandas(types_mapper=lambda _: pd.StringDtype("pyarrow"))
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame[frame.notna().any(axis=1)]


def _blank_to_null(column: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)


def _without_merged_rows(frame: pd.DataFrame, data: bytes, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Leave out, with the reason, each row one of whose values holds lines that look like rows of the file:
    rows swallowed by a stray quote mark, which would otherwise vanish without a word."""
    records = int(frame.index.max()) + 1 if len(frame) else 0  # the header and every row, blank ones too
    line_breaks = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    if line_breaks <= records:
        return frame, []  # no more lines than rows: no value spans lines
    row_like = row_like_pattern(frame.shape[1])
    found = []
    for name in frame.columns:
        merged = frame[name].str.contains(row_like, regex=True, na=False)
        for row in frame.index[merged]:
            value = frame.at[row, name]
            lines = len(value.splitlines())
            found.append(Problem(file, int(row), name, MERGED_REASON.format(lines=lines), value[:80]))
    return frame.drop(index=sorted({p.row for p in found})), found
