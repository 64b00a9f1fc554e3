"""What the app loads is what the files say (issue #15, "Truth on screen").

Every cell of every bundled table, loaded and written back as text, equals the file's literal cell, and the
map counts as cross-border exactly the incidents the file marks `true`. Before strict loading, pandera turned
every `false` into True and the map called all 131 incidents cross-border.
"""

from __future__ import annotations

import csv
import numbers
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from components.paths import BUNDLED_DATA_DIR, GEO_DIR
from components.schemas import TABLES, TOWNS
from components.validation import load_table
from tests.test_pages import run_page

FILES = {
    **{name: (BUNDLED_DATA_DIR / spec.file, spec.schema) for name, spec in TABLES.items()},
    "towns": (GEO_DIR / "towns.csv", TOWNS),
}
INCIDENTS = BUNDLED_DATA_DIR / TABLES["incidents"].file


def literal_rows(path: Path) -> dict[int, dict[str, str]]:
    """The file's cells as text, by data-row number as the loader counts them (1 = first row below the header)."""
    with path.open(newline="", encoding="utf-8") as handle:
        header, *records = list(csv.reader(handle))
    return {number: dict(zip(header, record, strict=True)) for number, record in enumerate(records, 1) if any(record)}


def as_written(value) -> str | float:
    """A loaded value as the file writes it: true/false, YYYY-MM-DD, '' for missing; numbers as floats."""
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, numbers.Number):
        return float(value)
    return str(value)


def literal(cell: str, loaded: str | float) -> str | float | None:
    """The file's cell in the same form: a number where the loaded value is one (None if it is not a number)."""
    cell = cell.strip()  # the loader trims cells
    if isinstance(loaded, float) and cell:
        try:
            return float(cell)
        except ValueError:
            return None
    return cell


@pytest.mark.parametrize("table", FILES)
def test_every_loaded_cell_equals_the_files_literal_cell(table):
    path, schema = FILES[table]
    rows = literal_rows(path)
    result = load_table(path, schema)
    assert result.problems == []
    loaded = result.frame.set_index("source_row")
    assert sorted(loaded.index) == sorted(rows)
    mismatches = []
    written = [column for column in schema.columns if column in loaded.columns]  # optional columns may be absent
    for number, row in rows.items():
        for column in written:
            shown = as_written(loaded.at[number, column])
            if shown != literal(row[column], shown):
                mismatches.append((number, column, row[column], shown))
    assert mismatches == [], f"{path.name}: (row, column, file says, loaded as) {mismatches[:10]}"


def test_cross_border_true_and_false_counts_match_the_file():
    written = Counter(row["cross_border"] for row in literal_rows(INCIDENTS).values())
    loaded = load_table(INCIDENTS, TABLES["incidents"].schema).frame["cross_border"]
    assert set(written) == {"true", "false"}
    assert (int(loaded.sum()), int((~loaded).sum())) == (written["true"], written["false"])


def _incident_values() -> dict[str, set[str]]:
    """Each incident id with the cross_border values its rows write."""
    values: dict[str, set[str]] = {}
    for row in literal_rows(INCIDENTS).values():
        values.setdefault(row["incident_id"], set()).add(row["cross_border"])
    return values


def _unescaped(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def test_map_counts_the_incidents_the_file_marks_cross_border():
    values = _incident_values()
    app = run_page("views/map/map.py")
    assert not app.exception, [e.value for e in app.exception]
    texts = [_unescaped(m.value) for m in app.markdown]
    # The default view covers every bundled incident, so the page's count is the file's count.
    assert any(text.startswith(f"{len(values)} incidents, ") for text in texts), texts
    counts = [int(m[1]) for text in texts if (m := re.search(r"\*\*(\d+) cross-border events\*\*", text))]
    assert counts == [sum("true" in written for written in values.values())]


@pytest.mark.parametrize("written", ["false", "true"])
def test_incident_detail_says_cross_border_only_when_its_rows_say_true(written):
    incident = next(i for i, values in _incident_values().items() if values == {written})
    app = run_page("views/map/map.py")
    app.selectbox(key="incident").set_value(incident).run()
    assert not app.exception, [e.value for e in app.exception]
    captions = [text for c in app.caption if (text := _unescaped(c.value)).startswith("Location known to:")]
    assert len(captions) == 1, captions
    assert ("cross-border event" in captions[0]) == (written == "true"), (incident, captions[0])
