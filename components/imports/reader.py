"""Read a large CSV quickly as text, keeping each row's number so problems can name it.

pyarrow parses well-formed files in parallel; a file it cannot read cleanly (stray quotes, short rows,
bad bytes) goes through the row-by-row reader in components.validation, which says which row is wrong.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from components.validation import problems_frame, read_text_rows


def read_rows(data: bytes, file: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All cells as text (missing = NA), indexed by data-row number (1 = first row below the header)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    fast = _read_with_pyarrow(data)
    if fast is not None:
        return fast, problems_frame([])
    frame, problems = read_text_rows(data, file)
    return frame, problems_frame(problems)


def _read_with_pyarrow(data: bytes) -> pd.DataFrame | None:
    """None when the file needs the careful reader: no header, a malformed row or bytes that are not UTF-8."""
    first_line = data.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    header = next(csv.reader([first_line]), [])
    if not header or len(set(header)) != len(header):
        return None
    malformed = []

    def note_malformed(row) -> str:
        malformed.append(row)
        return "skip"

    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(use_threads=True),
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
    frame = table.to_pandas(types_mapper=lambda _: pd.StringDtype("pyarrow"))
    frame.columns = [name.strip() for name in frame.columns]
    for name in frame.columns:
        frame[name] = frame[name].str.strip().replace("", pd.NA)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame
