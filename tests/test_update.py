"""Bringing the data up to date (components/update.py), end to end: the CLI runs as a subprocess on a copy of
data/, and the copy is then read by the app's own loader. Added rows are synthetic, made here, and labelled so;
they only ever reach the temporary copy."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from components.coverage import COVERAGE_NOTES, NOTES_FILE, coverage, period_label
from components.cross_checks import added_row_problems
from components.dataset import load_dataset
from components.figures import displayed_figures
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.schemas import TABLES
from components.update import UPDATABLE, parser, template_text
from components.validation import load_table

SOURCE_NAME = "Synthetic test source"


def synthetic_page(folder: Path, table: str, tag: str) -> str:
    """A made-up page on the site the table's last row cites: its domain is one the data already use (so a
    loader that checks cited domains accepts it), its path says it is synthetic."""
    return f"https://{urlsplit(last_row(folder, table)['source_url']).hostname}/synthetic-test/{tag}"


def refusal(table: str, column: str) -> str:
    """The reason the schema gives for a code not in a column's list."""
    return next(check.error for check in TABLES[table].schema.columns[column].checks if check.name == "isin")


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the bundled data folder the CLI may change."""
    return Path(shutil.copytree(BUNDLED_DATA_DIR, tmp_path / "data", ignore=shutil.ignore_patterns("research-notes")))


def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.update", *args, "--data-dir", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def data_as_of(folder: Path) -> dt.date:
    return dt.date.fromisoformat(json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["data_as_of"])


def last_row(folder: Path, table: str, dated: bool = False) -> dict[str, str]:
    """The table's last row as written (with `dated`, the last whose source shows a publication date)."""
    with (folder / TABLES[table].file).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row for row in rows if row["source_published"] or not dated][-1]


def fill_template(folder: Path, table: str, rows: list[dict[str, str]], path: Path) -> Path:
    """The template the CLI prints for `table` with `rows` below it, as a curator would fill it in."""
    template = template_text(UPDATABLE[table], folder)
    header = next(csv.reader(io.StringIO(template)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[row.get(name, "") for name in header] for row in rows])
    path.write_text(template + out.getvalue(), encoding="utf-8")
    return path


def as_data_line(folder: Path, table: str, row: dict[str, str]) -> str:
    """The line the data file should hold for `row`: its columns in the file's order, quoted as csv writes."""
    with (folder / TABLES[table].file).open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([row.get(name, "") for name in header])
    return out.getvalue()


def a_missing_month(folder: Path) -> dict:
    """A monthly cell the coverage matrix of `folder` shows as missing (chosen from the data, so the test holds
    as the data grow)."""
    stats = load_dataset(folder)["tracker_stats"]  # as the app loads it
    notes = load_table(folder / NOTES_FILE, COVERAGE_NOTES).frame
    cells = coverage(displayed_figures(stats), notes, data_as_of(folder))
    missing = cells[(cells["state"] == "missing") & (cells["cadence"] == "month")]
    assert not missing.empty, "the bundled data have no missing month left to add"
    return missing.iloc[-1].to_dict()


def test_template_starts_with_the_data_files_header_and_adds_nothing_by_itself(copy, tmp_path):
    template = run(copy, "template", "tracker_stats")
    first_line = (copy / "tracker_stats.csv").read_text(encoding="utf-8").splitlines()[0]
    assert template.stdout.splitlines()[0] == first_line
    assert "# tracker: required; one of: PICSS, CRSS, PIPS, GTI" in template.stdout
    assert "# source_url: required; an http(s) URL" in template.stdout
    (tmp_path / "empty.csv").write_text(template.stdout, encoding="utf-8")
    before = snapshot(copy)
    added = run(copy, "add", "tracker_stats", str(tmp_path / "empty.csv"))
    assert added.returncode == 1
    assert "no data rows" in added.stderr
    assert snapshot(copy) == before


def test_adding_a_tracker_month_appends_it_moves_the_data_date_and_names_the_cell(copy, tmp_path):
    cell = a_missing_month(copy)
    as_of = data_as_of(copy)
    published = min(as_of + dt.timedelta(days=5), dt.date.today())
    start = cell["period_start"]
    row = {
        "tracker": cell["tracker"],
        "series": cell["series"],
        "period_type": "month",
        "period_start": f"{start:%Y-%m-%d}",
        "period_end": f"{cell['period_end']:%Y-%m-%d}",
        "region": cell["region"],
        "metric": cell["metric"],
        "value": "123",
        "status": "published",
        "source_name": SOURCE_NAME,
        "source_url": synthetic_page(copy, "tracker_stats", "month"),
        "source_published": f"{published:%Y-%m-%d}",
        "notes": "synthetic, added by tests/test_update.py",
    }
    new = fill_template(copy, "tracker_stats", [row], tmp_path / "month.csv")
    original = (copy / "tracker_stats.csv").read_bytes()

    dry = run(copy, "add", "tracker_stats", str(new), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Dry run: nothing written." in dry.stdout
    assert (copy / "tracker_stats.csv").read_bytes() == original
    assert data_as_of(copy) == as_of

    added = run(copy, "add", "tracker_stats", str(new))
    assert added.returncode == 0, added.stderr
    assert (copy / "tracker_stats.csv").read_bytes() == original + as_data_line(copy, "tracker_stats", row).encode()
    name = ", ".join([cell["tracker"], cell["series"], "month", cell["region"], cell["metric"]])
    assert f"{name}, {period_label(start, 'month')}: missing -> present" in added.stdout
    assert data_as_of(copy) == published
    assert f"data_as_of moved from {as_of} to {published}" in added.stdout
    dataset = load_dataset(copy)
    assert [str(p) for p in dataset.problems] == []
    shown = dataset.figures
    figure = shown[(shown["source_url"] == row["source_url"]) & (shown["period_start"] == start)]
    assert figure["value"].tolist() == [123.0]


def test_an_older_source_leaves_the_data_date_where_it_is(copy, tmp_path):
    row = last_row(copy, "diplomacy", dated=True)
    row.update(
        event_id="20250101-synthetic-test-event",
        date_start="2025-01-01",
        date_end="",
        title="Synthetic test event",
        source_name=SOURCE_NAME,
        source_url=synthetic_page(copy, "diplomacy", "older"),
        source_published="2025-01-02",
    )
    as_of = data_as_of(copy)
    meta_before = (copy / "datapackage.json").read_bytes()
    added = run(copy, "add", "diplomacy", str(fill_template(copy, "diplomacy", [row], tmp_path / "old.csv")))
    assert added.returncode == 0, added.stderr
    assert f"data_as_of stays {as_of}: no new row's source was published after it" in added.stdout
    assert (copy / "datapackage.json").read_bytes() == meta_before


def test_an_incident_account_and_a_diplomatic_event_load_in_the_app(copy, tmp_path):
    account = last_row(copy, "incidents")
    page = synthetic_page(copy, "incidents", "account")
    account.update(account="Synthetic test account", source_name=SOURCE_NAME, source_url=page)
    accounts_before = load_dataset(copy).events.set_index("incident_id").at[account["incident_id"], "accounts"]
    event = last_row(copy, "diplomacy")
    event.update(
        event_id="20260301-synthetic-test-talks",
        date_start="2026-03-01",
        date_end="2026-03-02",
        title="Synthetic test talks",
        source_name=SOURCE_NAME,
        source_url=synthetic_page(copy, "diplomacy", "talks"),
    )
    for table, row in (("incidents", account), ("diplomacy", event)):
        added = run(copy, "add", table, str(fill_template(copy, table, [row], tmp_path / f"{table}.csv")))
        assert added.returncode == 0, added.stderr
        assert as_data_line(copy, table, row).strip() in added.stdout

    dataset = load_dataset(copy)
    assert [str(p) for p in dataset.problems] == []
    events = dataset.events.set_index("incident_id")
    assert events.at[account["incident_id"], "accounts"] == accounts_before + 1
    assert "Synthetic test account" in dataset["incidents"]["account"].tolist()
    talks = dataset.diplomacy_events.set_index("event_id").loc["20260301-synthetic-test-talks"]
    assert talks["title"] == "Synthetic test talks"
    assert talks["date_start"] == pd.Timestamp("2026-03-01")


def good_month(folder: Path) -> dict[str, str]:
    """A valid monthly figure to add (a second source for a month the data hold)."""
    return {
        "tracker": "PICSS",
        "series": "militant_attacks",
        "period_type": "month",
        "period_start": "2025-01-01",
        "period_end": "2025-01-31",
        "region": "Pakistan",
        "metric": "attacks",
        "value": "7",
        "status": "published",
        "source_name": SOURCE_NAME,
        "source_url": synthetic_page(folder, "tracker_stats", "good"),
        "source_published": "2025-02-01",
    }


BAD_MONTHS = [  # (change to a good row, column blamed, reason)
    ({"period_start": "2025-02-30"}, "period_start", "not a valid date (YYYY-MM-DD)"),
    ({"tracker": "PICS"}, "tracker", refusal("tracker_stats", "tracker")),
    ({"source_url": ""}, "source_url", "required value is missing"),
    ({"source_name": ""}, "source_name", "required value is missing"),
    ({"status": "restated"}, "replaces", "replaces must name the release a restated figure replaces"),
    ({"value": "seven"}, "value", "not a number"),
    ({"period_end": "2025-01-30"}, "period_end", "a month starting 2025-01-01 ends 2025-01-31"),
    ({"source_published": "2025-13"}, "source_published", "not a real day or month"),
    ({"source_published": "2999-01-01"}, "source_published", "date in the future"),
    # Refused as a placeholder address, or before that by a loader that checks cited domains against a registry.
    ({"source_url": "https://example.org/x"}, "source_url", ""),
    # Without a date a row must say why: in `notes`, or in the declared `published_note` where the schema has one.
    (
        ({"source_published": ""}, "published_note", "published_note gives the reason")
        if "published_note" in TABLES["tracker_stats"].schema.columns
        else ({"source_published": ""}, "notes", "source_published is blank, so notes must say why")
    ),
]


def assert_refused(folder: Path, table: str, good: dict, bad: list[tuple[dict, str, str]], path: Path) -> None:
    """Add a good row and the bad ones: each bad row is named by file, row, column and reason, the good one is
    not, the exit code says it failed, and not one byte of the data folder changes."""
    pages = [synthetic_page(folder, table, f"bad-{i}") for i in range(len(bad))]
    rows = [good] + [{**good, "source_url": page, **change} for page, (change, _, _) in zip(pages, bad, strict=True)]
    new = fill_template(folder, table, rows, path)
    # Row numbers count the template's guide lines between the header and the rows, as lines of the file.
    first = len(new.read_text(encoding="utf-8").splitlines()) - len(rows)
    before = snapshot(folder)
    added = run(folder, "add", table, str(new))
    assert added.returncode == 1
    assert f"Nothing written: {len(bad)} problem(s)." in added.stderr
    for offset, (_, column, reason) in enumerate(bad, start=1):
        assert f"{new} row {first + offset}, column {column}: {reason}" in added.stderr, added.stderr
    assert f"row {first}," not in added.stderr
    assert snapshot(folder) == before


def test_invalid_tracker_rows_name_file_row_column_and_reason_and_write_nothing(copy, tmp_path):
    assert_refused(copy, "tracker_stats", good_month(copy), BAD_MONTHS, tmp_path / "bad.csv")


def test_a_status_period_of_an_unknown_crossing_is_refused(copy, tmp_path):
    good = {**last_row(copy, "crossing_status"), "source_url": synthetic_page(copy, "crossing_status", "good")}
    bad = [({"crossing_id": "no-such-crossing"}, "crossing_id", "not a crossing_id of crossings.csv")]
    assert_refused(copy, "crossing_status", good, bad, tmp_path / "bad.csv")


def test_an_incident_account_must_agree_with_its_incident(copy, tmp_path):
    good = {**last_row(copy, "incidents"), "source_url": synthetic_page(copy, "incidents", "good")}
    bad = [
        ({"incident_id": "20200101-wrong-day"}, "incident_id", "its date is outside the days its accounts give"),
        ({"cross_border": "yes"}, "cross_border", "not true or false"),
        ({"event_type": "bombing"}, "event_type", refusal("incidents", "event_type")),
    ]
    assert_refused(copy, "incidents", good, bad, tmp_path / "bad.csv")


def test_a_row_the_data_already_hold_is_refused(copy, tmp_path):
    existing = last_row(copy, "tracker_stats")
    new = fill_template(copy, "tracker_stats", [existing], tmp_path / "again.csv")
    before = snapshot(copy)
    added = run(copy, "add", "tracker_stats", str(new))
    assert added.returncode == 1
    assert "column value: value repeats a figure an earlier row gives from the same source" in added.stderr
    assert snapshot(copy) == before


def test_a_column_the_data_file_lacks_is_refused(copy, tmp_path):
    new = tmp_path / "extra.csv"
    new.write_text("tracker,confidence\nPICSS,high\n", encoding="utf-8")
    added = run(copy, "add", "tracker_stats", str(new))
    assert added.returncode == 1
    assert f"{new}, column confidence: not a column of tracker_stats.csv" in added.stderr


def test_the_data_readme_gives_commands_the_cli_accepts():
    readme = (BUNDLED_DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bringing the data up to date", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^python -m components\.update (.+?)(?:\s+>.*|\s+#.*)?$", section, flags=re.MULTILINE)
    assert len(commands) >= 3, section
    for command in commands:
        parser().parse_args(command.split())  # exits (SystemExit) on a table or option it does not know
    assert {"template", "add"} <= {command.split()[0] for command in commands}
    assert any("--dry-run" in command for command in commands)


def test_every_bundled_row_passes_the_checks_across_rows_and_files():
    dataset = load_dataset(BUNDLED_DATA_DIR)
    crossings = set(dataset["crossings"]["crossing_id"])
    for name, spec in TABLES.items():
        frame = dataset[name]
        assert added_row_problems(frame, set(frame["source_row"]), spec.file, crossings) == [], name
