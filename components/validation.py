"""Read a CSV as text and keep only the rows its schema accepts, saying why each other row went.

Problems name file, row, column and reason so a curator can fix the file; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

MAX_ROUNDS = 4
# Columns a file may have: ACLED exports have about 31, UCDP GED about 49. Each column costs work, so a small
# file with tens of thousands of columns would tie the server up for minutes; it is refused from its header.
MAX_COLUMNS = 500
FIELD_LIMIT = csv.field_size_limit()  # Python's csv refuses longer fields (128 KiB)
# Formats a CSV is often confused with, by their first bytes.
NOT_CSV = (
    (b"\x1f\x8b", "it is a gzip file, not CSV text; decompress it and load the CSV inside"),
    (b"\xd0\xcf\x11\xe0", "it is an Excel (.xls) file, not CSV text; save it from Excel as CSV UTF-8"),
)
ZIP = b"PK\x03\x04"

_PLAIN_REASONS = (
    (re.compile(r"^not_nullable$"), "required value is missing"),
    (re.compile(r"^field_uniqueness$"), "duplicate of an earlier row"),
    (re.compile(r"^column_in_dataframe$"), "required column is missing"),
)


@dataclass(frozen=True)
class Problem:
    """One reason a row (or a whole file) was not used."""

    file: str
    row: int | None  # 1 = first data row below the header; None for the whole file
    column: str | None
    reason: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file} row {self.row}"
        col = f", column {self.column}" if self.column else ""
        val = f" (value: {self.value!r})" if self.value not in (None, "") else ""
        return f"{where}{col}: {self.reason}{val}"


@dataclass
class LoadResult:
    """The valid rows of one table and the problems found while reading it."""

    name: str
    file: str
    frame: pd.DataFrame
    rows_read: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def rows_rejected(self) -> int:
        return len({p.row for p in self.problems if p.row is not None})

    @property
    def file_rejected(self) -> bool:
        return any(p.row is None and p.reason.startswith("file not used") for p in self.problems)


PROBLEM_COLUMNS = ["file", "row", "column", "reason", "value"]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table, for the Data page and for downloads."""
    return pd.DataFrame([vars(p) for p in problems], columns=PROBLEM_COLUMNS)


def plain_reason(check: str) -> str:
    """pandera's check name in words a curator understands."""
    for pattern, text in _PLAIN_REASONS:
        if pattern.search(check):
            return text
    return check


def read_text_rows(data: bytes, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse CSV bytes into a frame of strings indexed by data-row number (1 = first row)."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    unusable = not_csv_text(data)
    if unusable:
        return pd.DataFrame(), [Problem(file, None, None, f"file not used: {unusable}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(Problem(file, None, None, f"not valid UTF-8 from line {line}; those rows are left out"))
        text = data.decode("utf-8", errors="replace")
    # newline="": a line may end in \n, \r\n or a lone \r (Excel for Mac's "CSV (Macintosh)").
    reader = csv.reader(io.StringIO(text, newline=""))
    header, unusable = read_header(reader, file)
    if unusable:
        return pd.DataFrame(), [unusable]
    rows: dict[int, list[str]] = {}
    row_number, last_line = 0, reader.line_num
    row_like = re.compile(row_like_pattern(len(header)))
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            row_number += 1
            problems.append(Problem(file, row_number, None, _csv_error(err)))
            continue
        row_number += 1
        lines, last_line = reader.line_num - last_line, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        merged = next((i for i, cell in enumerate(record) if row_like.search(cell)), None) if lines > 1 else None
        if merged is not None:
            column = header[merged] if merged < len(header) else None
            problems.append(Problem(file, row_number, column, MERGED_REASON.format(lines=lines), record[merged][:80]))
        elif any("\ufffd" in cell for cell in record):
            problems.append(Problem(file, row_number, None, "not valid UTF-8"))
        elif len(record) != len(header):
            problems.append(
                Problem(
                    file,
                    row_number,
                    None,
                    f"has {len(record)} fields, the header has {len(header)} (truncated or stray comma?)",
                )
            )
        else:
            rows[row_number] = [cell.strip() for cell in record]
    if not rows and not problems:
        return pd.DataFrame(), [Problem(file, None, None, "file not used: it has a header but no data rows")]
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=header, dtype=object)
    frame = frame.replace("", None)
    return frame, problems


# A value holding whole lines that look like rows: a lone quote mark opened a field that ran on into the rows below.
MERGED_REASON = (
    'a value runs over {lines} lines of the file, as if a stray quote mark (") merged the rows below into this '
    "one; row left out (check the quote marks near it)"
)


def row_like_pattern(columns: int) -> str:
    """A line break followed by a line with a comma for every column boundary: a row of the file inside a value.

    A real value may run over lines (a note with a line break), but not with a row's worth of commas.
    """
    return rf"[\r\n](?:[^\r\n,]*,){{{max(columns - 1, 1)}}}"


def read_header(reader, file: str) -> tuple[list[str], Problem | None]:
    """The header's column names, or the whole-file problem that stops the file being read.

    The column count is checked before any work per column, so a file's cost stays bounded by its size.
    """
    try:
        header = next(reader)
    except StopIteration:
        return [], Problem(file, None, None, "file not used: it is empty")
    except csv.Error as err:
        return [], Problem(file, None, None, f"file not used: its header row is unreadable ({_csv_error(err)})")
    if len(header) > MAX_COLUMNS:
        reason = (
            f"file not used: it has {len(header):,} columns, more than the {MAX_COLUMNS} this app reads "
            "(the widest file it expects, a UCDP events file, has about 49)"
        )
        return [], Problem(file, None, None, reason)
    header = [h.strip() for h in header]
    if any("\ufffd" in h for h in header):
        return [], Problem(file, None, None, "file not used: its header row is not valid UTF-8")
    repeated = sorted(pd.Series(header)[pd.Series(header).duplicated()].unique())
    if repeated:
        return [], Problem(file, None, repeated[0], "file not used: column appears more than once")
    return header, None


def _csv_error(err: csv.Error) -> str:
    """Python's csv message in words a curator can act on."""
    if "field larger than field limit" in str(err):
        return f"a value is longer than {FIELD_LIMIT:,} characters (128 KiB), more than any cell of this table holds"
    return f"unreadable CSV: {err}"


def not_csv_text(data: bytes) -> str | None:
    """Name a whole-file problem; reading a compressed, Excel, UTF-16 or binary file as CSV gives one confusing
    row error each, or none at all.

    NUL bytes never occur in UTF-8 CSV text but fill UTF-16 text and most binary formats.
    """
    for magic, reason in NOT_CSV:
        if data.startswith(magic):
            return reason
    if data.startswith(ZIP):
        if b"[Content_Types].xml" in data[:4096] or b"xl/" in data[:4096]:
            return "it is an Excel (.xlsx) file, not CSV text; save it from Excel as CSV UTF-8"
        return "it is a zip file, not CSV text; extract the CSV from it and load that"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it is UTF-16 text; save it as UTF-8 CSV"
    if b"\x00" in data:
        return "it contains NUL bytes, so it is binary (or UTF-16 without a byte-order mark), not UTF-8 CSV text"
    return None


def failure_problems(failures: pd.DataFrame, file: str) -> list[Problem]:
    """Turn pandera's failure cases into problems, one per row and reason.

    A check across columns reports every cell of a failing row; by convention (see schemas.py) its
    message starts with the column it blames, so the row is reported once, under that column.
    """
    out: list[Problem] = []
    for case in failures.itertuples(index=False):
        check = str(case.check)
        value = None if pd.isna(case.failure_case) else str(case.failure_case)
        column = None if pd.isna(case.column) else str(case.column)
        row = None if case.index is None or pd.isna(case.index) else int(case.index)
        if check == "column_in_dataframe":
            column, value = value, None
        elif case.schema_context == "DataFrameSchema" and row is not None:
            column, value = check.split(" ", 1)[0], None
        problem = Problem(file, row, column, plain_reason(check), value)
        if problem not in out:
            out.append(problem)
    return out


def validate_frame(frame: pd.DataFrame, schema: pa.DataFrameSchema, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Return the rows that pass `schema` (typed) and a problem for every one that does not."""
    problems: list[Problem] = []
    extra = [c for c in frame.columns if c not in schema.columns]
    for column in extra:
        problems.append(Problem(file, None, column, "unknown column, ignored"))
    # Checked here, not by pandera: a check across columns that needs a missing one would add a
    # misleading second reason ("... repeats an earlier row") to the one that matters.
    missing = [name for name, column in schema.columns.items() if column.required and name not in frame.columns]
    if missing:
        problems.extend(
            Problem(file, None, name, f"file not used: {plain_reason('column_in_dataframe')}") for name in missing
        )
        return _empty(schema), problems
    frame, typing_problems = parse_typed_columns(frame, schema, file)
    problems.extend(typing_problems)
    for _ in range(MAX_ROUNDS):
        try:
            return schema.validate(frame, lazy=True), problems
        except pa.errors.SchemaErrors as err:
            failures = err.failure_cases
            row_level = failures[failures["index"].notna()]
            if row_level.empty:
                file_level = failure_problems(failures, file)
                problems.extend(
                    Problem(file, None, p.column, f"file not used: {p.reason}", p.value) for p in file_level
                )
                return _empty(schema), problems
            for problem in failure_problems(row_level, file):
                if problem not in problems:
                    problems.append(problem)
            frame = frame.drop(index=row_level["index"].astype(int).unique())
    problems.append(Problem(file, None, None, "file not used: validation did not settle"))
    return _empty(schema), problems


def parse_booleans(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """`true` or `false` exactly as the data files write them.

    Left to pandera's coercion, any non-empty text (`false`, `no`, `0`) would become True; here `yes`, `1` or
    `TRUE` is refused, never guessed.
    """
    is_true, is_false = _equals(text, "true"), _equals(text, "false")
    values = pd.Series(is_true, index=text.index, dtype="boolean").where(is_true | is_false)
    return values, _reasons(text.index, (text.notna() & ~is_true & ~is_false, "not true or false"))


def parse_numbers(text: pd.Series, whole: bool = False) -> tuple[pd.Series, pd.Series]:
    """Finite numbers (float64), or whole ones (Int64) for counts.

    pandas reads `inf` and `1e999` as infinity and `nan` as a blank; all three are refused, and so is `2.5` as
    a count. Counts stop at 2**53, beyond which a float no longer holds every whole number.
    """
    values = pd.to_numeric(text, errors="coerce").astype("float64")
    given = text.notna()
    rules = [
        (given & values.isna(), "not a whole number" if whole else "not a number"),
        (np.isinf(values), "not a finite number"),
    ]
    if whole:
        rules += [(values % 1 > 0, "not a whole number"), (values.abs() > 2**53, "number too large")]
    reasons = _reasons(text.index, *rules)
    values = values.where(reasons.isna())
    return (values.astype("Int64") if whole else values), reasons


def parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Real calendar days written YYYY-MM-DD: 2025-02-30 is refused, 12/03/2025 never guessed as March or December."""
    shaped = text.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fillna(False).astype(bool)
    values = pd.to_datetime(text.where(shaped), format="%Y-%m-%d", errors="coerce")
    values, out_of_range = within_timestamp_range(values)
    return values, _reasons(
        text.index,
        (text.notna() & values.isna() & ~out_of_range, "not a valid date (YYYY-MM-DD)"),
        (out_of_range, YEAR_OUT_OF_RANGE),
    )


YEAR_OUT_OF_RANGE = "year outside 1677–2262, not a usable date (a typing slip such as 2999?)"


def within_timestamp_range(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates as datetime64[ns], and which were real days outside its years (1677–2262), now missing.

    pandas parses 2999-01-01 at a coarser resolution; turned into nanoseconds like every other date, it would
    raise instead of being reported.
    """
    out_of_range = values.notna() & ((values < pd.Timestamp.min) | (values > pd.Timestamp.max))
    return values.mask(out_of_range).astype("datetime64[ns]"), out_of_range


# How a typed column is read from text, by the dtype its schema declares; text columns are kept as written.
PARSERS = {
    "boolean": parse_booleans,
    "Int64": partial(parse_numbers, whole=True),
    "float64": parse_numbers,
    "datetime64[ns]": parse_dates,
}


def parse_typed_columns(
    frame: pd.DataFrame, schema: pa.DataFrameSchema, file: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse every typed column exactly as written, before pandera sees it, and drop the rows that fail.

    A cell that is not what its column's type allows costs only its own row (one odd date no longer fails the
    whole column's coercion) and is reported with its value.
    """
    problems = []
    failed_rows = pd.Series(False, index=frame.index)
    parsed = {}
    for name, column in schema.columns.items():
        dtype = str(column.dtype)
        if name not in frame.columns or dtype.startswith("str"):
            continue
        values, reasons = PARSERS[dtype](frame[name])
        parsed[name] = values.astype(dtype)
        failed = reasons.notna()
        problems += [
            Problem(file, int(row), name, reason, str(frame.at[row, name])) for row, reason in reasons[failed].items()
        ]
        failed_rows |= failed
    return frame.assign(**parsed)[~failed_rows], problems


def _equals(text: pd.Series, word: str) -> pd.Series:
    return text.eq(word).fillna(False).astype(bool)


def _reasons(index: pd.Index, *rules: tuple[pd.Series, str]) -> pd.Series:
    """Each cell's reason from the first rule it fails; missing where it fails none."""
    reasons = pd.Series(None, index=index, dtype=object)
    for failed, reason in reversed(rules):
        reasons = reasons.mask(failed.fillna(False).astype(bool), reason)
    return reasons


def _empty(schema: pa.DataFrameSchema) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=col.dtype.type) for name, col in schema.columns.items()})


def load_table(path: Path, schema: pa.DataFrameSchema, file_label: str | None = None) -> LoadResult:
    """Read and validate one CSV file; a missing or unreadable file yields an empty table and a problem."""
    label = file_label or path.name
    try:
        data = path.read_bytes()
    except OSError as err:
        problem = Problem(label, None, None, f"file not used: cannot read it ({err.strerror})")
        return LoadResult(schema.name, label, _empty(schema).rename_axis("source_row").reset_index(), 0, [problem])
    return load_bytes(data, schema, label)


def load_bytes(data: bytes, schema: pa.DataFrameSchema, file_label: str) -> LoadResult:
    """Validate CSV content already in memory (a bundled file or an upload)."""
    raw, problems = read_text_rows(data, file_label)
    rows_read = len(raw) + len({p.row for p in problems if p.row is not None})
    if raw.empty and problems:
        valid, schema_problems = _empty(schema), []
    else:
        valid, schema_problems = validate_frame(raw, schema, file_label)
    valid = valid.rename_axis("source_row").reset_index()
    return LoadResult(schema.name, file_label, valid, rows_read, problems + schema_problems)
