"""A battery of bad input for every file the app reads.

Each case copies the bundled data folder, breaks one file in one way and checks three things: the exact
problem (file, row, column, reason) is reported, the valid rows of that file are still loaded, and every
other file loads in full. A few representative cases also run the pages, which must still draw with the
"data left out" notice. Uploads: the app accepts none yet; `server.maxUploadSize` caps them (test_config.py).
"""

from __future__ import annotations

import csv
import io
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from components.dataset import Dataset, load_dataset
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.schemas import TABLES, TOWNS
from components.validation import YEAR_OUT_OF_RANGE
from tests.test_pages import PAGES, run_page

ROW = 2  # the data row most cases break (1 = first row below the header)
FUTURE, BEFORE_2000, IMPOSSIBLE = "2099-01-01", "1999-12-31", "2025-02-30"
NOT_A_DATE = "not a valid date (YYYY-MM-DD)"
LAT_OUTSIDE, LON_OUTSIDE = "latitude outside 23.0–39.0", "longitude outside 60.0–78.0"
MISSING_COLUMN = "file not used: required column is missing"
BINARY = (
    "file not used: it contains NUL bytes, so it is binary (or UTF-16 without a byte-order mark), not UTF-8 CSV text"
)


@dataclass(frozen=True)
class Facts:
    """What each table offers to break: a required column, a text column, a typed column, dates, an id."""

    file: str
    required: str
    text: str
    wrong_type: tuple[str, str, str]  # column, bad value, reason
    dates: tuple[str, str] | None  # start column, end column
    coordinates: bool
    duplicate: tuple[str, str]  # column blamed, reason


FACTS = {
    "incidents": Facts(
        "incidents.csv",
        "lat",
        "summary",
        ("killed_total", "many", "not a whole number"),
        ("date", "date_end"),
        True,
        ("incident_id", "incident_id repeats an earlier row with the same account and source"),
    ),
    "tracker_stats": Facts(
        "tracker_stats.csv",
        "value",
        "notes",
        ("value", "lots", "not a number"),
        ("period_start", "period_end"),
        False,
        ("value", "value repeats a figure an earlier row gives from the same source"),
    ),
    "crossings": Facts(
        "crossings.csv",
        "name",
        "notes",
        ("lat", "north", "not a number"),
        None,
        True,
        ("crossing_id", "duplicate of an earlier row"),
    ),
    "crossing_status": Facts(
        "crossing_status.csv",
        "status",
        "reason",
        ("end_date", "soon", NOT_A_DATE),
        ("start_date", "end_date"),
        False,
        ("crossing_id", "crossing_id repeats an earlier period from the same source"),
    ),
    "diplomacy": Facts(
        "diplomacy.csv",
        "title",
        "summary",
        ("date_end", "next week", NOT_A_DATE),
        ("date_start", "date_end"),
        False,
        ("event_id", "event_id repeats an earlier row from the same source"),
    ),
    "towns": Facts(
        "geo/towns.csv",
        "name",
        "name",
        ("population", "large", "not a whole number"),
        None,
        True,
        ("geonameid", "duplicate of an earlier row"),
    ),
}
assert set(FACTS) == {*TABLES, "towns"}, "every table the app reads needs its bad-input cases"
SCHEMAS = {**{name: spec.schema for name, spec in TABLES.items()}, "towns": TOWNS}

Expected = tuple[int | None, str | None, str]  # row, column, reason
Corrupt = Callable[[Path], None]


# Helpers that break a file in place.


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")


def _set(path: Path, row: int, **values: str) -> None:
    header, rows = _read(path)
    for column, value in values.items():
        rows[row - 1][header.index(column)] = value
    _write(path, header, rows)


def _edit(change: Callable[[list[str], list[list[str]]], tuple[list[str], list[list[str]]]]) -> Corrupt:
    return lambda path: _write(path, *change(*_read(path)))


def _truncate_last_line(path: Path) -> None:
    """The last record cut off after its third field, as an interrupted download leaves it."""
    header, rows = _read(path)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows[:-1]])
    csv.writer(out, lineterminator="").writerow(rows[-1][:3])
    path.write_text(out.getvalue(), encoding="utf-8")


def _latin1_cell(column: str) -> Corrupt:
    def corrupt(path: Path) -> None:
        _set(path, ROW, **{column: "Mardän"})
        path.write_bytes(path.read_bytes().replace("Mardän".encode(), "Mardän".encode("latin-1")))

    return corrupt


def _drop_column(column: str) -> Corrupt:
    def change(header, rows):
        keep = [i for i, name in enumerate(header) if name != column]
        return [header[i] for i in keep], [[row[i] for i in keep] for row in rows]

    return _edit(change)


def _swap(path: Path) -> None:
    header, rows = _read(path)
    lat, lon = header.index("lat"), header.index("lon")
    rows[ROW - 1][lat], rows[ROW - 1][lon] = rows[ROW - 1][lon], rows[ROW - 1][lat]
    _write(path, header, rows)


def _date(table: str, value: str) -> Corrupt:
    """Put `value` in the start date of ROW; clear its end date (or push it past the start) so only one rule fails."""
    start, end = FACTS[table].dates
    end_value = "" if SCHEMAS[table].columns[end].nullable else "2099-12-31"
    return lambda path: _set(path, ROW, **{start: value, end: end_value})


@dataclass(frozen=True)
class Case:
    table: str
    name: str
    corrupt: Corrupt
    expected: Callable[[int], list[Expected]]  # given the file's row count before the damage
    rows_lost: Callable[[int], int]

    @property
    def id(self) -> str:
        return f"{self.table}-{self.name}"


def _row_case(table: str, name: str, corrupt: Corrupt, *expected: tuple[str | None, str]) -> Case:
    return Case(table, name, corrupt, lambda _: [(ROW, column, reason) for column, reason in expected], lambda _: 1)


def _file_case(table: str, name: str, corrupt: Corrupt, reason: str, column: str | None = None) -> Case:
    return Case(table, name, corrupt, lambda _: [(None, column, reason)], lambda n: n)


def cases_for(table: str) -> list[Case]:
    facts = FACTS[table]
    with (BUNDLED_DATA_DIR / facts.file).open(encoding="utf-8") as handle:
        width = len(next(csv.reader(handle)))  # the file's header: optional columns may be absent
    column, value, reason = facts.wrong_type
    cases = [
        Case(
            table,
            "truncated-last-line",
            _truncate_last_line,
            lambda n: [(n, None, f"has 3 fields, the header has {width} (truncated or stray comma?)")],
            lambda _: 1,
        ),
        Case(
            table,
            "latin-1-bytes",
            _latin1_cell(facts.text),
            lambda _: [
                (None, None, "not valid UTF-8 from line 3; those rows are left out"),
                (ROW, None, "not valid UTF-8"),
            ],
            lambda _: 1,
        ),
        _file_case(
            table,
            "utf-16",
            lambda p: p.write_bytes(p.read_text(encoding="utf-8").encode("utf-16")),
            "file not used: it is UTF-16 text; save it as UTF-8 CSV",
        ),
        _file_case(table, "binary", lambda p: p.write_bytes((ROOT / "docs/screenshot-map.png").read_bytes()), BINARY),
        _file_case(
            table,
            "latin-1-header",
            lambda p: p.write_bytes(p.read_bytes().replace(b",", b",Mard\xe4n_", 1)),
            "file not used: its header row is not valid UTF-8",
        ),
        _file_case(table, "missing-column", _drop_column(facts.required), MISSING_COLUMN, facts.required),
        _file_case(
            table,
            "repeated-column",
            _edit(lambda header, rows: ([*header, facts.required], [[*row, "x"] for row in rows])),
            "file not used: column appears more than once",
            facts.required,
        ),
        Case(
            table,
            "extra-column",
            _edit(lambda header, rows: ([*header, "comment"], [[*row, "x"] for row in rows])),
            lambda _: [(None, "comment", "unknown column, ignored")],
            lambda _: 0,
        ),
        _row_case(table, "wrong-type", lambda p: _set(p, ROW, **{column: value}), (column, reason)),
        Case(
            table,
            "duplicate-row",
            _edit(lambda header, rows: (header, [*rows, rows[ROW - 1]])),
            lambda n: [(n + 1, *facts.duplicate)],
            lambda _: 0,
        ),
        _file_case(table, "empty-file", lambda p: p.write_bytes(b""), "file not used: it is empty"),
        _file_case(
            table,
            "header-only",
            _edit(lambda header, rows: (header, [])),
            "file not used: it has a header but no data rows",
        ),
        _file_case(table, "missing-file", Path.unlink, "file not used: cannot read it (No such file or directory)"),
    ]
    if facts.dates:
        start = facts.dates[0]
        cases += [
            _row_case(table, "future-date", _date(table, FUTURE), (start, "date in the future")),
            _row_case(table, "date-before-2000", _date(table, BEFORE_2000), (start, "date before 2000")),
            _row_case(table, "impossible-date", _date(table, IMPOSSIBLE), (start, NOT_A_DATE)),
        ]
    if facts.coordinates:
        cases += [
            _row_case(table, "outside-region", lambda p: _set(p, ROW, lat="51.5", lon="-0.12"), *_both_outside()),
            _row_case(table, "swapped-lat-lon", _swap, *_both_outside()),
        ]
    return cases


def _both_outside() -> list[tuple[str, str]]:
    return [("lat", LAT_OUTSIDE), ("lon", LON_OUTSIDE)]


def _cell_case(table: str, column: str, value: str, reason: str) -> Case:
    """A typed cell written in a way the file format does not allow: read as written or its row is rejected."""
    return _row_case(table, f"{column}-{value or 'blank'}", lambda p: _set(p, ROW, **{column: value}), (column, reason))


STRICT_CELLS = [
    _cell_case("incidents", "cross_border", "yes", "not true or false"),
    _cell_case("incidents", "cross_border", "1", "not true or false"),
    _cell_case("incidents", "cross_border", "TRUE", "not true or false"),
    _cell_case("incidents", "cross_border", "", "required value is missing"),
    _cell_case("incidents", "killed_total", "inf", "not a finite number"),
    _cell_case("incidents", "killed_total", "nan", "not a whole number"),
    _cell_case("incidents", "killed_total", "1e999", "not a finite number"),
    _cell_case("incidents", "killed_total", "2.5", "not a whole number"),
    _cell_case("incidents", "date", IMPOSSIBLE, NOT_A_DATE),
    _cell_case("incidents", "date", "2999-01-01", YEAR_OUT_OF_RANGE),  # past pandas' last day: was a crash
    _cell_case("tracker_stats", "value", "nan", "not a number"),
    _cell_case("tracker_stats", "value", "inf", "not a finite number"),
    _cell_case("towns", "population", "2.5", "not a whole number"),
]
CASES = [case for table in FACTS for case in cases_for(table)] + STRICT_CELLS


def copy_data(target: Path) -> Path:
    """The bundled tables, geo layers and metadata (not the notes) in a folder of the test's own."""
    shutil.copytree(BUNDLED_DATA_DIR, target, ignore=shutil.ignore_patterns("research-notes", "*.md"))
    return target


def load(folder: Path) -> Dataset:
    return load_dataset(folder, folder / "geo")


@pytest.fixture(scope="module")
def bundled_counts() -> dict[str, int]:
    data = load(BUNDLED_DATA_DIR)
    assert data.problems == [], "the bundled data must be clean for the battery to mean anything"
    return {name: len(result.frame) for name, result in data.tables.items()}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_reported_and_valid_rows_stay(case, tmp_path, bundled_counts):
    folder = copy_data(tmp_path / "data")
    path = folder / FACTS[case.table].file
    case.corrupt(path)

    data = load(folder)

    count = bundled_counts[case.table]
    assert [(p.row, p.column, p.reason) for p in data.problems] == case.expected(count)
    assert {p.file for p in data.problems} == {FACTS[case.table].file}
    assert len(data[case.table]) == count - case.rows_lost(count)
    others = {name: len(data[name]) for name in bundled_counts if name != case.table}
    assert others == {name: count for name, count in bundled_counts.items() if name != case.table}


# The pages still draw, with the notice, on a few representative breakages.

NOTICE_PAGES = [
    ("incidents", "missing-column", "views/map/map.py", "1 file(s) not used (incidents.csv)"),
    ("incidents", "swapped-lat-lon", "views/map/map.py", "1 row(s) rejected"),
    ("diplomacy", "utf-16", "views/diplomacy/timeline.py", "1 file(s) not used (diplomacy.csv)"),
    ("tracker_stats", "binary", "views/trends/trends.py", "1 file(s) not used (tracker_stats.csv)"),
    ("crossing_status", "truncated-last-line", "views/overview/home.py", "1 row(s) rejected"),
]
BY_ID = {case.id: case for case in CASES}


@pytest.mark.parametrize(("table", "name", "page", "notice"), NOTICE_PAGES)
def test_pages_still_draw_and_say_what_was_left_out(table, name, page, notice, tmp_path, use_data_dir):
    folder = copy_data(tmp_path / "data")
    BY_ID[f"{table}-{name}"].corrupt(folder / FACTS[table].file)
    use_data_dir(folder)
    app = run_page(page)
    assert not app.exception, [e.value for e in app.exception]
    labels = [e.label for e in app.expander]
    assert any(label.startswith("⚠ Data left out") and notice in label for label in labels), labels


def test_data_page_lists_each_problem_with_file_row_column_and_reason(tmp_path, use_data_dir):
    folder = copy_data(tmp_path / "data")
    _swap(folder / "incidents.csv")
    use_data_dir(folder)
    app = run_page("views/data/sources.py")
    assert not app.exception, [e.value for e in app.exception]
    assert "2 problem(s) found; the rows named below are left out of every page." in [w.value for w in app.warning]
    problems = app.dataframe[1].value
    assert problems[["file", "row", "column", "reason"]].values.tolist() == [
        ["incidents.csv", ROW, "lat", LAT_OUTSIDE],
        ["incidents.csv", ROW, "lon", LON_OUTSIDE],
    ]


# The metadata and the boundary layers are checked like the tables: a broken one is named, never fatal.

META_CASES = {
    "malformed-json": (
        b'{"data_as_of": ',
        None,
        "file not used: not readable JSON (Expecting value: line 1 column 16 (char 15))",
        None,
    ),
    "json-list": (b'["2026-04-08"]', None, "file not used: not a JSON object ({...})", None),
    "impossible-date": (
        b'{"data_as_of": "2025-13-40"}',
        "data_as_of",
        "not a valid date (YYYY-MM-DD); the data date is unknown",
        "2025-13-40",
    ),
    "not-a-date": (
        b'{"data_as_of": "last week"}',
        "data_as_of",
        "not a valid date (YYYY-MM-DD); the data date is unknown",
        "last week",
    ),
    "last-day": (
        b'{"data_as_of": "9999-12-31"}',
        "data_as_of",
        "date in the future; the data date is unknown",
        "9999-12-31",
    ),
    "before-2000": (
        b'{"data_as_of": "1999-12-31"}',
        "data_as_of",
        "date before 2000; the data date is unknown",
        "1999-12-31",
    ),
}


@pytest.mark.parametrize("case", META_CASES, ids=list(META_CASES))
def test_a_broken_datapackage_is_named_and_the_data_date_left_unknown(case, tmp_path, bundled_counts):
    content, column, reason, value = META_CASES[case]
    folder = copy_data(tmp_path / "data")
    (folder / "datapackage.json").write_bytes(content)
    data = load(folder)
    assert [(p.file, p.row, p.column, p.reason, p.value) for p in data.problems] == [
        ("datapackage.json", None, column, reason, value)
    ]
    assert data.data_as_of is None
    assert {name: len(result.frame) for name, result in data.tables.items()} == bundled_counts


INVALID_POLYGON = (
    b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Bowtie", "role": "focus"},'
    b' "geometry": {"type": "Polygon", "coordinates": [[[65, 30], [66, 31], [65, 31], [66, 30], [65, 30]]]}}]}'
)
GEO_CASES = {
    "not-geojson": (
        b"not json at all",
        [
            (
                None,
                None,
                "file not used: cannot read it as GeoJSON "
                "('geo/countries.geojson' not recognized as being in a supported file format.)",
            )
        ],
    ),
    "missing": (None, [(None, None, "file not used: cannot read it as GeoJSON (the file is missing)")]),
    "no-role": (
        INVALID_POLYGON.replace(b', "role": "focus"', b""),
        [(None, "role", "file not used: required column is missing")],
    ),
    "invalid-geometry": (INVALID_POLYGON, [(1, "geometry", "geometry missing, empty or invalid")]),
}


@pytest.mark.parametrize("case", GEO_CASES, ids=list(GEO_CASES))
def test_a_broken_boundary_layer_is_named_and_left_out(case, tmp_path):
    content, expected = GEO_CASES[case]
    folder = copy_data(tmp_path / "data")
    path = folder / "geo" / "countries.geojson"
    path.unlink() if content is None else path.write_bytes(content)
    data = load(folder)
    assert [(p.file, p.row, p.column, p.reason) for p in data.problems] == [
        ("geo/countries.geojson", *problem) for problem in expected
    ]
    assert data.geo["countries"].empty
    assert data.geo.missing() == ["geo/countries.geojson"]
    assert not data.geo["durand_line"].empty


NOTICE_ON = ("views/overview/home.py", "views/map/map.py", "views/trends/trends.py", "views/diplomacy/timeline.py")
BROKEN_FILES = [  # file, content, the pages it crashed
    ("datapackage.json", b'{"data_as_of": ', list(PAGES)),
    ("geo/countries.geojson", b"not json at all", ["views/overview/home.py", "views/map/map.py"]),
]
BROKEN_PAGES = [(file, content, page) for file, content, pages in BROKEN_FILES for page in pages]


@pytest.mark.parametrize(("file", "content", "page"), BROKEN_PAGES, ids=[f"{f}-{p}" for f, _, p in BROKEN_PAGES])
def test_pages_draw_with_a_broken_datapackage_or_layer_and_say_so(file, content, page, tmp_path, use_data_dir):
    folder = copy_data(tmp_path / "data")
    (folder / file).write_bytes(content)
    use_data_dir(folder)
    app = run_page(page)
    assert not app.exception, [e.value for e in app.exception]
    labels = [e.label for e in app.expander]
    if page in NOTICE_ON:
        assert any(label.startswith("⚠ Data left out") and f"1 file(s) not used ({file})" in label for label in labels)
    captions = " ".join(c.value for c in [*app.caption, *app.markdown])
    if page in NOTICE_ON[:2]:
        said = (
            "Data date unknown." if file == "datapackage.json" else "The map is drawn without geo/countries\\.geojson"
        )
        assert said in captions


def test_the_diplomacy_page_draws_with_the_last_possible_data_date(tmp_path, use_data_dir):
    folder = copy_data(tmp_path / "data")
    (folder / "datapackage.json").write_bytes(b'{"data_as_of": "9999-12-31"}')
    use_data_dir(folder)
    app = run_page("views/diplomacy/timeline.py")
    assert not app.exception, [e.value for e in app.exception]
    assert any("Data date unknown." in c.value for c in [*app.caption, *app.markdown])


def test_a_very_wide_table_is_refused_from_its_header_in_moments(tmp_path):
    folder = copy_data(tmp_path / "data")
    (folder / "diplomacy.csv").write_bytes(
        b",".join(b"c%d" % i for i in range(40_000)) + b"\n" + b"1," * 39_999 + b"1\n"
    )
    start = time.perf_counter()
    data = load(folder)
    assert time.perf_counter() - start < 5
    assert [str(p) for p in data.problems] == [
        "diplomacy.csv: file not used: it has 40,000 columns, more than the 500 this app reads "
        "(the widest file it expects, a UCDP events file, has about 49)"
    ]
