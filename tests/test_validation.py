"""Malformed files: every bad row is reported with file, row, column and reason, and the good rows stay."""

from __future__ import annotations

import csv
import io

import pytest

from components.dataset import load_dataset
from components.schemas import TABLES
from components.validate import main as validate_main
from components.validation import YEAR_OUT_OF_RANGE, Problem, load_bytes
from tests.synthetic import columns, incident_rows, tracker_rows, write_dataset


def _csv(rows: list[dict], header: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _incidents(**changes_by_row) -> bytes:
    rows = incident_rows(5)
    for index, changes in changes_by_row.items():
        rows[int(index.removeprefix("row"))].update(changes)
    return _csv(rows, columns("incidents"))


def _only_problem(result):
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


@pytest.mark.parametrize(
    ("changes", "column", "reason"),
    [
        ({"date": "2025-02-30"}, "date", "not a valid date (YYYY-MM-DD)"),
        ({"date": "12/03/2025"}, "date", "not a valid date (YYYY-MM-DD)"),
        ({"date": "2099-01-01"}, "date", "date in the future"),
        ({"date": "1999-12-31"}, "date", "date before 2000"),
        ({"lat": "51.5"}, "lat", "latitude outside 23.0–39.0"),
        ({"lon": "-0.12"}, "lon", "longitude outside 60.0–78.0"),
        ({"lat": "north"}, "lat", "not a number"),
        ({"killed_total": "-3"}, "killed_total", "must be zero or more"),
        ({"injured_total": "about 10"}, "injured_total", "not a whole number"),
        ({"source_url": ""}, "source_url", "required value is missing"),
        ({"source_url": "dawn.com/news"}, "source_url", "not an http(s) URL"),
        ({"event_type": "bombing"}, "event_type", "not one of"),
        ({"country": "Iran"}, "country", "not one of"),
        ({"source_published": "March 2025"}, "source_published", "not a YYYY-MM-DD or YYYY-MM date"),
        ({"source_published": "", "published_note": "no date"}, "published_note", "not one of"),
        # Vocabularies (components/vocabulary.py): the raw wording goes in perpetrator, the code here.
        ({"actor_group": "BLA"}, "actor_group", "not one of"),
        ({"actor_group": ""}, "actor_group", "required value is missing"),
        (
            {"suspected_group": "ttp"},
            "suspected_group",
            "suspected_group is only for rows whose actor_group is unknown",
        ),
        ({"province": "Punjab; Balochistan"}, "province", "not one of"),
        ({"province": "Kabul"}, "province", "province is not a province of the row's country"),
        ({"multi_province": "true"}, "provinces", "provinces must list two or more provinces"),
        ({"multi_province": "true", "provinces": "Balochistan; Narnia"}, "provinces", "names something not in"),
        ({"multi_province": ""}, "multi_province", "required value is missing"),
    ],
)
def test_a_bad_cell_rejects_its_row_only(changes, column, reason):
    result = load_bytes(_incidents(row2=changes), TABLES["incidents"].schema, "incidents.csv")
    problem = _only_problem(result)
    assert (problem.file, problem.row, problem.column) == ("incidents.csv", 3, column)
    assert problem.reason.startswith(reason)
    assert len(result.frame) == 4
    assert 3 not in set(result.frame["source_row"])


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        # Only true and false, as the data files write them: pandera's coercion made any text True.
        ("cross_border", "yes", "not true or false"),
        ("cross_border", "1", "not true or false"),
        ("cross_border", "TRUE", "not true or false"),
        ("cross_border", "True", "not true or false"),
        ("cross_border", "t", "not true or false"),
        ("cross_border", "", "required value is missing"),
        ("killed_total", "inf", "not a finite number"),
        ("killed_total", "-inf", "not a finite number"),
        ("killed_total", "1e999", "not a finite number"),
        ("killed_total", "nan", "not a whole number"),
        ("killed_total", "2.5", "not a whole number"),
        ("killed_total", "1,234", "not a whole number"),
        ("killed_total", "1e20", "number too large"),
        ("lat", "nan", "not a number"),
        ("lat", "inf", "not a finite number"),
        ("date", "2025-02-30", "not a valid date (YYYY-MM-DD)"),
        ("date", "2025-2-3", "not a valid date (YYYY-MM-DD)"),
        ("date", "2025-02-03T00:00", "not a valid date (YYYY-MM-DD)"),
    ],
)
def test_a_cell_is_read_as_written_or_its_row_is_rejected_with_the_value(column, value, reason):
    result = load_bytes(_incidents(row2={column: value}), TABLES["incidents"].schema, "incidents.csv")
    assert result.problems == [Problem("incidents.csv", 3, column, reason, value or None)]
    assert list(result.frame["source_row"]) == [1, 2, 4, 5]


def test_true_and_false_load_as_written():
    data = _incidents(row0={"cross_border": "false"}, row1={"cross_border": "true"})
    frame = load_bytes(data, TABLES["incidents"].schema, "incidents.csv").frame.set_index("source_row")
    assert frame.loc[[1, 2], "cross_border"].tolist() == [False, True]


def test_spaces_around_a_number_are_trimmed():
    frame = load_bytes(_incidents(row0={"killed_total": " 12 "}), TABLES["incidents"].schema, "incidents.csv").frame
    assert frame.set_index("source_row").at[1, "killed_total"] == 12


def test_several_bad_rows_are_all_reported_in_one_pass():
    data = _incidents(row0={"date": "nope"}, row1={"lat": "99"}, row3={"killed_total": "-1"})
    result = load_bytes(data, TABLES["incidents"].schema, "incidents.csv")
    assert sorted((p.row, p.column) for p in result.problems) == [(1, "date"), (2, "lat"), (4, "killed_total")]
    assert list(result.frame["source_row"]) == [3, 5]


def test_attackers_beyond_a_headline_toll_are_accepted():
    data = _incidents(row0={"killed_total": "1", "killed_civilians": "1", "killed_militants": "2"})
    assert load_bytes(data, TABLES["incidents"].schema, "incidents.csv").problems == []


def test_category_larger_than_total_is_rejected():
    data = _incidents(row0={"killed_total": "5", "killed_civilians": "9"})
    problem = _only_problem(load_bytes(data, TABLES["incidents"].schema, "incidents.csv"))
    assert (problem.row, problem.column) == (1, "killed_total")
    assert problem.reason == "killed_total is smaller than one of its categories"


def test_end_before_start_is_rejected():
    data = _incidents(row4={"date_end": "2000-01-01"})
    problem = _only_problem(load_bytes(data, TABLES["incidents"].schema, "incidents.csv"))
    assert (problem.row, problem.column) == (5, "date_end")
    assert problem.reason == "date_end is before date"


def test_missing_required_column_rejects_the_file_and_says_so():
    header = [c for c in columns("incidents") if c != "lat"]
    result = load_bytes(_csv(incident_rows(3), header), TABLES["incidents"].schema, "incidents.csv")
    assert result.frame.empty
    assert result.file_rejected
    assert any(p.column == "lat" and "required column is missing" in p.reason for p in result.problems)


def test_unknown_extra_column_is_reported_and_ignored():
    header = [*columns("incidents"), "comment"]
    result = load_bytes(_csv(incident_rows(3), header), TABLES["incidents"].schema, "incidents.csv")
    assert len(result.frame) == 3
    assert [(p.column, p.reason) for p in result.problems] == [("comment", "unknown column, ignored")]
    assert "comment" not in result.frame.columns


def test_truncated_row_is_reported_with_its_number():
    data = _incidents().decode("utf-8").splitlines()
    data[2] = data[2][: len(data[2]) // 2]
    result = load_bytes("\n".join(data).encode("utf-8"), TABLES["incidents"].schema, "incidents.csv")
    problem = _only_problem(result)
    assert problem.row == 2
    assert "fields, the header has" in problem.reason
    assert len(result.frame) == 4


def test_wrong_encoding_row_is_reported():
    data = _incidents(row1={"place": "Bannu"}).replace(b"Bannu", "Bann\u00fc".encode("latin-1"), 1)
    result = load_bytes(data, TABLES["incidents"].schema, "incidents.csv")
    assert any("UTF-8" in p.reason for p in result.problems)
    assert len(result.frame) == 4


def test_empty_file_is_reported():
    result = load_bytes(b"", TABLES["incidents"].schema, "incidents.csv")
    assert result.frame.empty
    assert [p.reason for p in result.problems] == ["file not used: it is empty"]


def test_tracker_negative_value_and_bad_metric():
    rows = tracker_rows()[:4]
    rows[0]["value"] = "-4"
    rows[1]["metric"] = "deaths"
    result = load_bytes(_csv(rows, columns("tracker_stats")), TABLES["tracker_stats"].schema, "tracker_stats.csv")
    assert sorted((p.row, p.column) for p in result.problems) == [(1, "value"), (2, "metric")]
    assert len(result.frame) == 2


def test_dataset_keeps_valid_rows_of_a_folder_with_a_broken_file(tmp_path):
    write_dataset(tmp_path)
    (tmp_path / "diplomacy.csv").write_text("event_id,title\nx,y\n", encoding="utf-8")
    data = load_dataset(tmp_path)
    assert data["diplomacy"].empty
    assert data.tables["diplomacy"].file_rejected
    assert len(data["incidents"]) == 40
    assert not data.events.empty


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    write_dataset(tmp_path)
    (tmp_path / "crossings.csv").unlink()
    data = load_dataset(tmp_path)
    assert data["crossings"].empty
    assert any(p.file == "crossings.csv" and "cannot read" in p.reason for p in data.problems)


def test_validate_cli_prints_file_row_column_reason(tmp_path, capsys):
    write_dataset(tmp_path)
    rows = incident_rows(3)
    rows[1]["lat"] = "300"
    (tmp_path / "incidents.csv").write_bytes(_csv(rows, columns("incidents")))
    assert validate_main([str(tmp_path)]) == 1
    printed = capsys.readouterr().out
    assert "incidents.csv row 2, column lat: latitude outside 23.0–39.0 (value: '300.0')" in printed


def test_validate_cli_passes_on_a_clean_folder(tmp_path):
    write_dataset(tmp_path)
    assert validate_main([str(tmp_path)]) == 0


@pytest.mark.parametrize("value", ["inf", "-inf", "+inf", "Infinity", "INF", "1e999"])
def test_a_tracker_value_of_infinity_is_rejected(value):
    rows = tracker_rows()
    rows[1]["value"] = value
    result = load_bytes(_csv(rows, columns("tracker_stats")), TABLES["tracker_stats"].schema, "tracker_stats.csv")
    assert result.problems == [Problem("tracker_stats.csv", 2, "value", "not a finite number", value)]
    assert len(result.frame) == len(rows) - 1


def test_a_date_past_pandas_last_day_is_reported_not_a_crash():
    result = load_bytes(_incidents(row2={"date": "2999-01-01"}), TABLES["incidents"].schema, "incidents.csv")
    assert result.problems == [Problem("incidents.csv", 3, "date", YEAR_OUT_OF_RANGE, "2999-01-01")]
    assert list(result.frame["source_row"]) == [1, 2, 4, 5]


def test_mac_line_endings_load_like_any_other():
    data = _incidents().replace(b"\r\n", b"\r")
    assert b"\n" not in data
    result = load_bytes(data, TABLES["incidents"].schema, "incidents.csv")
    assert result.problems == []
    assert len(result.frame) == 5


def test_a_value_over_128_kib_rejects_its_row_only():
    result = load_bytes(_incidents(row2={"summary": "x" * 140_000}), TABLES["incidents"].schema, "incidents.csv")
    reason = "a value is longer than 131,072 characters (128 KiB), more than any cell of this table holds"
    assert result.problems == [Problem("incidents.csv", 3, None, reason)]
    assert list(result.frame["source_row"]) == [1, 2, 4, 5]


@pytest.mark.parametrize(
    ("magic", "reason"),
    [
        (b"\x1f\x8b\x08\x00", "file not used: it is a gzip file, not CSV text; decompress it and load the CSV inside"),
        (b"PK\x03\x04\x14\x00", "file not used: it is a zip file, not CSV text; extract the CSV from it and load that"),
        (
            b"\xd0\xcf\x11\xe0",
            "file not used: it is an Excel (.xls) file, not CSV text; save it from Excel as CSV UTF-8",
        ),
    ],
)
def test_a_compressed_or_excel_table_is_named_for_what_it_is(magic, reason):
    result = load_bytes(magic + b"rest of the file", TABLES["incidents"].schema, "incidents.csv")
    assert result.problems == [Problem("incidents.csv", None, None, reason)]
