"""What ACLED and UCDP imports share: typing text cells, validating the mapped events, and the result.

Problems are kept as one frame (file, row, column, reason, value) rather than objects, because a
million-row file can have many; row numbers are those of the user's file (1 = first row below the header).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from components.geo import distance_to_line_km
from components.incidents import EVENT_COLUMNS
from components.schemas import IMPORTED_EVENTS
from components.validation import (
    PROBLEM_COLUMNS,
    YEAR_OUT_OF_RANGE,
    Problem,
    parse_numbers,
    plain_reason,
    problems_frame,
    within_timestamp_range,
)
from components.vocabulary import IMPORTED_ACTOR_ALIASES, OTHER_ACTOR, UNKNOWN_ACTOR, actor_key

DATE_FORMAT_NAMES = {"%Y-%m-%d": "YYYY-MM-DD", "%d %B %Y": "16 May 2025"}
ACCOUNT_COLUMNS = ["account", "killed_total", "killed_civilians", "source_name", "source_url"]


@dataclass
class ImportedEvents:
    """The events of one imported file that can be shown, and every row that cannot, with the reason."""

    format: str
    file: str
    events: pd.DataFrame
    problems: pd.DataFrame
    rows_read: int
    attribution: str
    out_of_scope: pd.DataFrame = field(default_factory=pd.DataFrame)  # event type -> rows, for the summary

    def memory_bytes(self) -> int:
        """What holding this import costs in memory: its frames, text included."""
        frames = (self.events, self.problems, self.out_of_scope)
        return int(sum(frame.memory_usage(index=True, deep=True).sum() for frame in frames))

    @property
    def rows_left_out(self) -> int:
        rows = self.problems["row"].dropna()
        return int(rows.nunique())

    def accounts(self, incident_id: str) -> pd.DataFrame:
        """The one account an imported row is: its own figures and source."""
        row = self.events[self.events["incident_id"] == incident_id]
        return pd.DataFrame(
            {
                "account": self.format,
                "killed_total": row["killed"],
                "killed_civilians": row.get("killed_civilians", pd.NA),
                "source_name": row["source_name"],
                "source_url": row["source_url"],
            }
        )[ACCOUNT_COLUMNS]


def problems(file: str, rows, column: str | None, reason: str, values=None) -> pd.DataFrame:
    """One problem per row number, all with the same column and reason."""
    rows = list(rows)
    return pd.DataFrame(
        {
            "file": file,
            "row": pd.array(rows, dtype="Int64"),
            "column": column,
            "reason": reason,
            "value": list(values) if values is not None else None,
        },
        columns=PROBLEM_COLUMNS,
    )


def file_problem(file: str, reason: str) -> pd.DataFrame:
    return problems_frame([Problem(file, None, None, reason)])


def missing_columns(raw: pd.DataFrame, required: list[str], file: str, format_name: str) -> pd.DataFrame | None:
    """A whole-file problem naming the columns a real export has and this file lacks."""
    missing = [name for name in required if name not in raw.columns]
    if not missing:
        return None
    reason = f"file not used: not a complete {format_name} file; missing column(s) {', '.join(missing)}"
    return file_problem(file, reason)


def to_numbers(raw: pd.DataFrame, columns: list[str], file: str, whole: bool = False) -> tuple[dict, list]:
    """Parse numeric text columns as the curated tables are parsed; a cell that is not one becomes a problem."""
    parsed, found = {}, []
    for name in columns:
        parsed[name], reasons = parse_numbers(raw[name], whole)
        for reason in reasons.dropna().unique():
            failed = reasons.eq(reason)
            found.append(problems(file, raw.index[failed], name, reason, raw[name][failed]))
    return parsed, found


def to_dates(text: pd.Series, formats: tuple[str, ...], file: str, column: str) -> tuple[pd.Series, pd.DataFrame]:
    """Parse dates in any of `formats` (tried in order, never guessed); anything else is a problem."""
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    out_of_range = pd.Series(False, index=text.index)
    for fmt in formats:
        todo = parsed.isna() & text.notna() & ~out_of_range
        if not todo.any():
            break
        values, beyond = within_timestamp_range(pd.to_datetime(text[todo], format=fmt, errors="coerce"))
        parsed[todo] = values
        out_of_range[todo] = beyond
    bad = parsed.isna() & ~out_of_range
    shown = " or ".join(DATE_FORMAT_NAMES.get(fmt, fmt) for fmt in formats)
    found = pd.concat(
        [
            problems(file, text.index[bad], column, f"not a valid date ({shown})", text[bad]),
            problems(file, text.index[out_of_range], column, YEAR_OUT_OF_RANGE, text[out_of_range]),
        ]
    )
    return parsed, found


def validate_events(events: pd.DataFrame, found: list[pd.DataFrame], file: str, file_columns: dict[str, str]):
    """Check mapped events with the IMPORTED_EVENTS schema; report failures under the file's own column names.

    Rows already reported in `found` (unreadable cells) are left out first; new problems are added to it.
    """
    reported = pd.concat(found)["row"].dropna().unique()
    events = events.drop(index=[row for row in reported if row in events.index])
    valid, schema_problems = _schema_check(events, file, file_columns)
    found.append(schema_problems)
    return valid


def _schema_check(events: pd.DataFrame, file: str, file_columns: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    try:
        return IMPORTED_EVENTS.validate(events, lazy=True), pd.DataFrame(columns=PROBLEM_COLUMNS)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    cases = cases[cases["index"].notna()].copy()
    check = cases["check"].astype(str)
    frame_level = cases["schema_context"].eq("DataFrameSchema")
    column = cases["column"].astype("object").where(~frame_level, check.str.split(" ", n=1).str[0])
    found = pd.DataFrame(
        {
            "file": file,
            "row": cases["index"].astype("Int64"),
            "column": column.map(lambda name: file_columns.get(name, name)),
            "reason": check.map(plain_reason),
            "value": cases["failure_case"].astype("object").where(~frame_level, None),
        }
    ).drop_duplicates(["row", "column", "reason"])
    valid = events.drop(index=found["row"].unique())
    return valid, found[PROBLEM_COLUMNS]


def finish(events: pd.DataFrame, durand_line) -> pd.DataFrame:
    """Add the columns every page reads, in the order curated events have them."""
    events = events.assign(
        accounts=1,
        disputed=False,  # one account per row: a low–high range (UCDP) is uncertainty, not a dispute
        year=events["date"].dt.year,
        injured_low=pd.array([pd.NA] * len(events), dtype="Int64"),
        injured_high=pd.array([pd.NA] * len(events), dtype="Int64"),
        actor_group=actor_groups(events["perpetrator"]),
        suspected_group=_blank_text(events.index),
        multi_province=False,  # a file's row names one first-level division
        provinces=_blank_text(events.index),
    )
    events["distance_km"] = distance_to_line_km(events, durand_line)
    extra = [name for name in events.columns if name not in EVENT_COLUMNS]
    return events[EVENT_COLUMNS + extra].sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def _blank_text(index: pd.Index) -> pd.Series:
    """A text column with no values, held as a validity mask (a column of pd.NA objects cost 8 bytes a row)."""
    return pd.Series(None, index=index, dtype="str")


def actor_groups(actors: pd.Series) -> pd.Series:
    """Each actor name's group through the declared aliases; any other name is 'other', a blank 'unknown'.
    Looked up once per distinct name, since a large file repeats a few hundred names."""
    names = actors.dropna().unique()
    groups = {name: IMPORTED_ACTOR_ALIASES.get(actor_key(name), OTHER_ACTOR) for name in names}
    return actors.map(groups).fillna(UNKNOWN_ACTOR)


def empty_events() -> pd.DataFrame:
    frame = pd.DataFrame(columns=EVENT_COLUMNS)
    return frame.astype({"date": "datetime64[ns]", "date_end": "datetime64[ns]", "lat": float, "lon": float})


def result(
    format_name: str,
    attribution: str,
    file: str,
    rows_read: int,
    events: pd.DataFrame | None,
    found: list[pd.DataFrame],
    out_of_scope: pd.DataFrame | None = None,
) -> ImportedEvents:
    found = [frame for frame in found if not frame.empty]
    all_problems = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=PROBLEM_COLUMNS)
    return ImportedEvents(
        format_name,
        file,
        empty_events() if events is None else events,
        all_problems.sort_values("row", kind="stable", na_position="first").reset_index(drop=True),
        rows_read,
        attribution,
        pd.DataFrame() if out_of_scope is None else out_of_scope,
    )
