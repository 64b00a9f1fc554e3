"""Bring the data up to date from a small CSV, checked by the app's own rules: `python -m components.update`.

    template TABLE                 print a CSV to fill in: the data file's header, a guide to each column and,
                                   commented out, the file's last row as an example
    add TABLE FILE [--dry-run]     check FILE's rows and append them to the table's data file, move data_as_of
                                   forward to the latest source publication day, print the coverage change
    --data-dir DIR                 the data folder (default: the app's, DLM_DATA_DIR or data/)

In FILE, lines starting with # are skipped and the header names the columns given (any order; a column left out
is blank). The rows are appended to a staged copy of the data folder and read by the app's own loader
(components.dataset: the same parsers, schemas, repeat checks and checks across files), then checked against the
other rows and files (components.cross_checks). One problem and nothing is written; each names the file, row
(row N is line N+1 of FILE, comment lines included), column and reason. The columns come from the data file and
the schemas, so a column added there needs no change here.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import io
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

from components.coverage import COVERAGE_NOTES, KEY, NOTES_FILE, STATE_LABELS, coverage, period_label
from components.cross_checks import added_row_problems
from components.dataset import META_FILE, load_dataset, load_meta
from components.dates import published_day
from components.figures import displayed_figures
from components.paths import data_dir
from components.schemas import TABLES, TableSpec
from components.validation import LoadResult, Problem, load_table, read_text_rows

UPDATABLE: dict[str, TableSpec] = {
    **TABLES,
    "coverage_notes": TableSpec("coverage_notes", NOTES_FILE, COVERAGE_NOTES, "What was searched for a gap"),
}
DTYPE_WORDS = {
    "boolean": "true or false",
    "Int64": "whole number",
    "float64": "number",
    "datetime64[ns]": "date YYYY-MM-DD",
}
COMMENT = "#"
NEW_CELL = "not in the matrix"  # a cell's state before its period or series entered the matrix


@dataclasses.dataclass
class Loaded:
    """A data folder as the app loads it: the table being added to, what coverage reads, every problem."""

    table: LoadResult
    stats: pd.DataFrame  # tracker_stats
    notes: pd.DataFrame  # coverage_notes
    crossings: pd.DataFrame
    problems: list[Problem]


@dataclasses.dataclass
class Addition:
    """What adding a file's rows changes: the data file's new bytes, the lines appended, the data date."""

    data_file: Path
    content: bytes
    lines: list[str]
    before: Loaded
    after: Loaded  # with the rows added
    data_date: tuple[dt.date | None, dt.date | None, str]  # data_as_of before and after, and why


# Reading the curator's file


def data_header(path: Path) -> list[str]:
    """The column names of a data file, as written."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def template_text(spec: TableSpec, folder: Path) -> str:
    """A CSV to fill in for one table: the header, a guide per column and the file's last row as an example."""
    path = folder / spec.file
    header = data_header(path) if path.exists() else list(spec.schema.columns)
    lines = [
        csv_line(header),
        f"{COMMENT} {spec.description}. One row per line below the header; lines starting with {COMMENT} are "
        "skipped. Blank cells are fine where optional.",
    ]
    lines += [f"{COMMENT} {name}: {column_guide(spec, name)}" for name in header]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))) if path.exists() else []
    if len(rows) > 1:
        example = csv_line(rows[-1]).replace("\r", " ").replace("\n", " ")
        lines += [f"{COMMENT} Example, the last row of {spec.file}:", f"{COMMENT} {example}"]
    return "\n".join(lines) + "\n"


def column_guide(spec: TableSpec, name: str) -> str:
    """'required; one of: PICSS, CRSS, PIPS, GTI', from the column's schema."""
    column = spec.schema.columns.get(name)
    if column is None:
        return "not in the schema; ignored by the app"
    words = ["optional" if column.nullable else "required", DTYPE_WORDS.get(str(column.dtype), "text")]
    for check in column.checks:
        if check.name == "isin":
            words[-1] = "one of: " + ", ".join(check.statistics["allowed_values"])
        elif check.name == "str_matches":
            words[-1] = re.sub(r"^not ", "", check.error)
    return "; ".join(words)


def csv_line(cells: list[str], newline: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerow(cells)
    return out.getvalue()[: -len(newline)]


def without_comments(text: str) -> str:
    """The text with each record starting with # blanked, line for line, so row numbers stay those of the file."""
    lines = io.StringIO(text, newline="").readlines()  # split where csv counts lines: \n, \r\n or \r
    reader = csv.reader(io.StringIO(text, newline=""))
    previous = 0
    try:
        for record in reader:
            if record and record[0].lstrip().startswith(COMMENT):
                for index in range(previous, reader.line_num):
                    lines[index] = "\n"
            previous = reader.line_num
    except csv.Error:
        pass  # read_text_rows reports it with its row
    return "".join(lines)


def read_new_rows(path: Path, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The curator's rows as text, indexed by row number, and the problems reading them."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return pd.DataFrame(), [Problem(label, None, None, f"cannot read it ({err.strerror})")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return read_text_rows(data, label)  # says where the bytes stop being UTF-8
    if text.lstrip().startswith(COMMENT):
        return pd.DataFrame(), [Problem(label, None, None, "the first line must be the header (the column names)")]
    return read_text_rows(without_comments(text).encode("utf-8"), label)


# Checking and appending


def record_count(text: str) -> int:
    """Rows below the header, counted as the loader numbers them."""
    return max(sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1, 0)


def plan_addition(spec: TableSpec, folder: Path, new_file: Path, label: str) -> tuple[Addition | None, list[Problem]]:
    """Check the new rows appended to the data file; the addition, or the problems that stop it."""
    data_file = folder / spec.file
    rows, problems = read_new_rows(new_file, label)
    if problems:
        return None, problems
    if not data_file.exists():
        return None, [Problem(spec.file, None, None, f"not found in {folder}")]
    original = data_file.read_bytes()
    header = data_header(data_file)
    unknown = [name for name in rows.columns if name not in header]
    if unknown:
        return None, [Problem(label, None, name, f"not a column of {spec.file}") for name in unknown]
    newline = "\r\n" if b"\r\n" in original else "\n"
    records = [[row.get(name) or "" for name in header] for row in rows.to_dict("records")]
    lines = [csv_line(record, newline) for record in records]
    body = original if original.endswith(b"\n") or not original else original + newline.encode()
    content = body + "".join(line + newline for line in lines).encode("utf-8")

    first_new = record_count(original.decode("utf-8-sig", errors="replace"))
    to_new = {first_new + i + 1: int(row) for i, row in enumerate(rows.index)}
    before = load_as_app(folder, spec)
    after = load_as_staged(folder, spec, content)
    found = after.problems + added_row_problems(
        after.table.frame, set(to_new), spec.file, set(after.crossings["crossing_id"])
    )
    problems = [
        dataclasses.replace(p, file=label, row=to_new[p.row]) if p.file == spec.file and p.row in to_new else p
        for p in found
        if (p.file == spec.file and p.row in to_new) or p not in before.problems
    ]
    if problems:
        return None, sorted(problems, key=lambda p: p.row or 0)
    data_date = moved_data_date(folder, after.table.frame[after.table.frame["source_row"].isin(to_new)])
    return Addition(data_file, content, lines, before, after, data_date), []


def load_as_app(folder: Path, spec: TableSpec) -> Loaded:
    """The folder as the app's loader reads it (components.dataset), so whatever it checks across files applies
    to new rows too, and the coverage is computed from the rows the app displays."""
    dataset = load_dataset(folder, geo_dir=folder / "geo" if (folder / "geo").is_dir() else None)
    notes = load_table(folder / NOTES_FILE, COVERAGE_NOTES, NOTES_FILE)
    table = dataset.tables.get(spec.name, notes)
    return Loaded(table, dataset["tracker_stats"], notes.frame, dataset["crossings"], dataset.problems + notes.problems)


def load_as_staged(folder: Path, spec: TableSpec, content: bytes) -> Loaded:
    """load_as_app on a copy of the folder's files with the table's file replaced by `content`."""
    with tempfile.TemporaryDirectory(prefix="dlm-update-") as staging:
        staged = Path(staging)
        for path in folder.iterdir():
            if path.is_file():
                shutil.copyfile(path, staged / path.name)
        if (folder / "geo").is_dir():
            (staged / "geo").symlink_to((folder / "geo").resolve(), target_is_directory=True)
        (staged / spec.file).write_bytes(content)
        return load_as_app(staged, spec)


def moved_data_date(folder: Path, added: pd.DataFrame) -> tuple[dt.date | None, dt.date | None, str]:
    """data_as_of before and after, and why: moved to the latest source publication day of the added rows,
    never back."""
    meta, _ = load_meta(folder / META_FILE)
    current = meta.get("data_as_of")
    if "source_published" not in added:
        return current, current, "this table gives no source publication day"
    latest = max((published_day(value) for value in added["source_published"].dropna()), default=None)
    if latest is None:
        return current, current, "the new rows give no source publication day"
    if current is not None and latest <= current:
        return current, current, f"no new row's source was published after it (latest {latest})"
    return current, latest, "the latest source publication day of the new rows"


def data_date_sentence(before: dt.date | None, after: dt.date | None, why: str, dry_run: bool) -> str:
    """'data_as_of moved from 2026-04-08 to 2026-04-20, the latest ...', or why it stays."""
    if before == after:
        return f"data_as_of {'would stay' if dry_run else 'stays'} {before}: {why}."
    moved = f"from {before} to {after}" if before else f"to {after}"
    return f"data_as_of {'would move' if dry_run else 'moved'} {moved}, {why}."


def write_data_date(path: Path, day: dt.date) -> bytes:
    """datapackage.json with data_as_of set to `day`, every other byte kept."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(r'("data_as_of"\s*:\s*)"[^"]*"')
    if pattern.search(text):
        return pattern.sub(rf'\g<1>"{day:%Y-%m-%d}"', text, count=1).encode("utf-8")
    meta = json.loads(text) if text.strip() else {}
    return (json.dumps({**meta, "data_as_of": f"{day:%Y-%m-%d}"}, indent=2, ensure_ascii=False) + "\n").encode()


def replace_file(path: Path, content: bytes) -> None:
    """Write the whole file or leave it as it was."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(content)
    os.replace(partial, path)


# The coverage change


def coverage_cells(loaded: Loaded, as_of: dt.date | None) -> pd.DataFrame:
    """The cells of the coverage matrix (components.coverage) on the data date `as_of`."""
    if as_of is None:
        return pd.DataFrame(columns=[*KEY, "period_start", "state"])
    return coverage(displayed_figures(loaded.stats), loaded.notes, as_of)


def coverage_change(before: pd.DataFrame, after: pd.DataFrame) -> list[str]:
    """Each cell that became present, by name; every other change counted by its before and after state."""
    key = [*KEY, "period_start"]
    cells = after[[*key, "state"]].merge(before[[*key, "state"]], on=key, how="left", suffixes=("", "_before"))
    cells["state_before"] = cells["state_before"].map(STATE_LABELS).fillna(NEW_CELL)
    cells["state"] = cells["state"].map(STATE_LABELS)
    changed = cells[cells["state"] != cells["state_before"]]
    if changed.empty:
        return ["Coverage change: none."]
    present = changed[changed["state"] == STATE_LABELS["present"]]
    lines = [f"Coverage change: {len(present)} cell(s) now present, {len(changed) - len(present)} other change(s)."]
    for cell in present.to_dict("records"):
        name = ", ".join([*(cell[field] for field in KEY), period_label(cell["period_start"], cell["cadence"])])
        lines.append(f"  {name}: {cell['state_before']} -> present")
    others = changed[changed["state"] != STATE_LABELS["present"]]
    for (was, now), group in others.groupby(["state_before", "state"], sort=False):
        first, last = (f"{day:%Y-%m}" for day in (group["period_start"].min(), group["period_start"].max()))
        span = first if first == last else f"{first} to {last}"
        lines.append(f"  {len(group)} cell(s) {was} -> {now} (periods starting {span})")
    return lines


# The command line


def add(spec: TableSpec, folder: Path, new_file: Path, dry_run: bool) -> int:
    addition, problems = plan_addition(spec, folder, new_file, str(new_file))
    if addition is None:
        print(f"Nothing written: {len(problems)} problem(s).", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    before_as_of, after_as_of, why = addition.data_date
    cells_before = coverage_cells(addition.before, before_as_of)
    cells_after = coverage_cells(addition.after, after_as_of)
    verb = "Would append" if dry_run else "Appended"
    print(f"{verb} {len(addition.lines)} row(s) to {addition.data_file}:")
    print("\n".join(f"  {line}" for line in addition.lines))
    print(data_date_sentence(before_as_of, after_as_of, why, dry_run))
    print("\n".join(coverage_change(cells_before, cells_after)))
    if dry_run:
        print("Dry run: nothing written.")
        return 0
    replace_file(addition.data_file, addition.content)
    if after_as_of != before_as_of:
        replace_file(folder / META_FILE, write_data_date(folder / META_FILE, after_as_of))
    print(f"Check every file with: python -m components.validate {folder}")
    return 0


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=None, help="data folder (default: the app's data/)")
    top = argparse.ArgumentParser(prog="python -m components.update", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)
    template = commands.add_parser("template", parents=[common], help="print a CSV to fill in for a table")
    template.add_argument("table", choices=list(UPDATABLE))
    adding = commands.add_parser("add", parents=[common], help="check a CSV's rows and append them")
    adding.add_argument("table", choices=list(UPDATABLE))
    adding.add_argument("file", type=Path, help="the filled-in template")
    adding.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    folder = args.data_dir or data_dir()
    spec = UPDATABLE[args.table]
    if args.command == "template":
        sys.stdout.write(template_text(spec, folder))
        return 0
    return add(spec, folder, args.file, args.dry_run)


if __name__ == "__main__":
    sys.exit(main())
