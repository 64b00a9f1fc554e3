"""ACLED and UCDP files, written here in their real layouts (synthetic rows), import cleanly; malformed
ones are reported by row, column and reason; and every page runs on an imported file."""

from __future__ import annotations

import gzip
import io
import json
import time
import zipfile

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.synthetic_events import ACLED_COLUMNS, UCDP_COLUMNS, acled_frame, ucdp_frame, write_csv
from components.dates import format_day
from components.geo import load_layers
from components.imports import import_events
from components.imports.acled import IN_SCOPE
from components.map_layers import AGGREGATE_ABOVE, incident_cells, incident_layers, located_to_district
from components.paths import GEO_DIR, ROOT
from components.validation import YEAR_OUT_OF_RANGE
from tests.test_pages import PAGES

DURAND_LINE = load_layers(GEO_DIR)["durand_line"]


def imported(frame: pd.DataFrame, tmp_path, name: str = "export.csv"):
    path = write_csv(frame, tmp_path / name)
    return import_events(path.read_bytes(), name, DURAND_LINE)


def reasons(result) -> set[tuple]:
    return {(int(r.row), r.column, r.reason) for r in result.problems.itertuples() if pd.notna(r.row)}


@pytest.mark.parametrize(("date_style", "inter_style"), [("export", "text"), ("api", "numeric")])
def test_acled_export_imports_every_political_violence_row(tmp_path, date_style, inter_style):
    frame = acled_frame(600, date_style=date_style, inter_style=inter_style)
    result = imported(frame, tmp_path)
    in_scope = frame["event_type"].isin(IN_SCOPE)
    assert result.format == "ACLED"
    assert result.rows_read == 600
    assert len(result.events) == in_scope.sum()
    assert set(result.events["incident_id"]) == set(frame.loc[in_scope, "event_id_cnty"])
    # Out-of-scope rows are each listed (file row = frame position + 1) and summed by type, never silent.
    assert set(result.problems["row"]) == set(frame.index[~in_scope] + 1)
    assert result.out_of_scope["count"].sum() == (~in_scope).sum()
    # Figures and dates arrive exactly as the file gives them.
    first = frame[in_scope].iloc[0]
    event = result.events.set_index("incident_id").loc[first["event_id_cnty"]]
    assert event["killed"] == first["fatalities"] == event["killed_low"] == event["killed_high"]
    assert event["date"] == pd.Timestamp("2018-01-01") + (
        pd.to_datetime(first["event_date"], format="%d %B %Y" if date_style == "export" else "%Y-%m-%d")
        - pd.Timestamp("2018-01-01")
    )
    assert set(result.events["actor_type"].dropna()) <= {"State forces", "Rebel group", "Political militia"}
    assert "acleddata.com" in result.attribution


def test_acled_cross_border_when_the_other_state_is_an_actor(tmp_path):
    frame = acled_frame(300)
    frame["event_type"], frame["sub_event_type"] = "Battles", "Armed clash"
    frame["country"], frame["actor1"] = "Pakistan", "TTP: Tehrik-i-Taliban Pakistan (synthetic)"
    frame["latitude"], frame["longitude"] = 33.0, 70.1
    frame.loc[:9, "actor2"] = "Military Forces of Afghanistan (2021-)"
    result = imported(frame, tmp_path)
    assert result.events["cross_border"].sum() == 10


def test_ucdp_ged_and_candidate_dates_import_with_low_best_high(tmp_path):
    frame = ucdp_frame(300)
    candidate = frame.assign(date_start=frame["date_start"].str.slice(0, 10), date_end=frame["date_end"].str[:10])
    for name, version in (("ged.csv", frame), ("candidate.csv", candidate)):
        result = imported(version, tmp_path, name)
        assert result.format == "UCDP"
        assert len(result.events) == 300
        assert result.problems.empty
        row = version.iloc[5]
        event = result.events.set_index("incident_id").loc[f"UCDP-{row['id']}"]
        assert (event["killed_low"], event["killed"], event["killed_high"]) == (row["low"], row["best"], row["high"])
        assert event["province"] == row["adm_1"].removesuffix(" province")


def test_ucdp_events_placed_only_to_a_country_are_reported(tmp_path):
    frame = ucdp_frame(50)
    frame.loc[[3, 7], "where_prec"] = [6, 7]
    result = imported(frame, tmp_path)
    assert len(result.events) == 48
    assert {(row, "where_prec") for row, column, _ in reasons(result)} == {(4, "where_prec"), (8, "where_prec")}


def test_malformed_acled_rows_are_named_precisely_and_the_rest_imports(tmp_path):
    frame = acled_frame(40).astype(str)
    frame["event_type"], frame["sub_event_type"] = "Explosions/Remote violence", "Suicide bomb"
    frame.loc[0, "event_date"] = "31 February 2025"  # impossible date
    frame.loc[1, "event_date"] = "12/03/2025"  # ambiguous style: never guessed
    frame.loc[2, "latitude"] = "thirty"
    frame.loc[3, ["latitude", "longitude"]] = ["70.6", "33.0"]  # swapped
    frame.loc[4, "fatalities"] = "-3"
    frame.loc[5, "country"] = "India"
    frame.loc[6, "event_id_cnty"] = frame.loc[7, "event_id_cnty"]  # duplicate id
    frame.loc[8, "event_date"] = "01 January 2099"
    frame.loc[9, "geo_precision"] = "7"
    result = imported(frame, tmp_path)
    found = reasons(result)
    assert (1, "event_date", "not a valid date (YYYY-MM-DD or 16 May 2025)") in found
    assert (2, "event_date", "not a valid date (YYYY-MM-DD or 16 May 2025)") in found
    assert (3, "latitude", "not a number") in found
    assert (4, "latitude", "latitude outside 23.0–39.0") in found
    assert (5, "fatalities", "must be zero or more") in found
    assert (6, "country", "not one of: Pakistan, Afghanistan") in found
    assert (8, "event_id_cnty", "duplicate of an earlier row") in found
    assert (9, "event_date", "date in the future") in found
    assert any(row == 10 and column == "geo_precision" for row, column, _ in found)
    assert len(result.events) == 40 - 9
    assert result.rows_left_out == 9


def test_imported_numbers_are_finite_and_counts_whole(tmp_path):
    """Numbers are read as the curated tables read them: pandas alone would take "inf" and "1e999" as numbers."""
    frame = acled_frame(20).astype(str)
    frame["event_type"], frame["sub_event_type"] = "Explosions/Remote violence", "Suicide bomb"
    frame.loc[0, "fatalities"] = "inf"
    frame.loc[1, "fatalities"] = "1e999"
    frame.loc[2, "fatalities"] = "2.5"
    frame.loc[3, "fatalities"] = "nan"
    frame.loc[4, "latitude"] = "inf"
    result = imported(frame, tmp_path)
    assert reasons(result) == {
        (1, "fatalities", "not a finite number"),
        (2, "fatalities", "not a finite number"),
        (3, "fatalities", "not a whole number"),
        (4, "fatalities", "not a whole number"),
        (5, "latitude", "not a finite number"),
    }
    assert len(result.events) == 15


def test_truncated_or_short_rows_are_reported_by_row(tmp_path):
    path = write_csv(acled_frame(20), tmp_path / "export.csv")
    lines = path.read_bytes().splitlines(keepends=True)
    lines[3] = b'"PAK999","16 May 2025","2025"\n'  # a row cut short (data row 3)
    data = b"".join(lines)[:-40]  # and a last row cut off mid-way
    result = import_events(data, "export.csv", DURAND_LINE)
    rows = {int(row) for row in result.problems["row"].dropna()}
    assert {3, 20} <= rows
    assert any("fields, the header has 31" in reason for reason in result.problems["reason"])


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file not used: it is empty"),
        (b"date,place,killed\n2025-01-01,Bannu,3\n", "not recognised as an ACLED export"),
        (",".join(c for c in ACLED_COLUMNS if c != "latitude").encode() + b"\n", "missing column(s) latitude"),
        (",".join(c for c in UCDP_COLUMNS if c != "best").encode() + b"\n", "not recognised"),
    ],
)
def test_files_that_cannot_be_used_say_why(content, reason):
    result = import_events(content, "upload.csv", DURAND_LINE)
    assert result.events.empty
    assert any(reason in text for text in result.problems["reason"]), result.problems["reason"].tolist()


def test_latin1_bytes_are_reported_not_guessed(tmp_path):
    frame = acled_frame(10)
    frame["event_type"], frame["sub_event_type"] = "Battles", "Armed clash"
    data = write_csv(frame, tmp_path / "export.csv").read_bytes().replace(b"Synthetic Source", b"Dawn \xe9dition", 1)
    result = import_events(data, "export.csv", DURAND_LINE)
    assert len(result.events) == 9
    assert (1, None, "not valid UTF-8") in reasons(result)


def test_above_the_threshold_the_map_gets_grid_cells_not_events(tmp_path):
    result = imported(acled_frame(int(AGGREGATE_ABOVE * 1.6)), tmp_path)
    events = result.events
    assert len(events) > AGGREGATE_ABOVE
    cells = incident_cells(events)
    assert cells["events"].sum() == len(events)
    assert cells["killed"].sum() == events["killed"].sum()
    (layer,) = incident_layers(events)
    assert layer.type == "PolygonLayer"
    assert len(layer.data) == len(incident_cells(located_to_district(events)))  # province-level places are not binned
    assert len(json.dumps(layer.data)) < 200_000


@pytest.fixture
def acled_file(tmp_path, monkeypatch):
    path = write_csv(acled_frame(3_000, date_style="api", inter_style="numeric"), tmp_path / "acled.csv")
    monkeypatch.setenv("DLM_EVENTS_FILE", str(path))
    return path


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_on_a_configured_acled_file(page, acled_file):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    captions = " ".join(c.value for c in app.caption)
    # Trends use tracker totals only; About the data describes the bundled data.
    if page not in ("views/briefing/briefing.py", "views/trends/trends.py", "views/data/about.py"):
        assert "acleddata.com" in captions.replace("\\", "")
        assert "curated, not exhaustive" not in captions


# Hostile files (issue #21): each is answered with a report naming file, row, column and reason, in moments.

QUICK_S = 5


def timed_import(data: bytes, name: str = "export.csv"):
    start = time.perf_counter()
    result = import_events(data, name, DURAND_LINE)
    assert time.perf_counter() - start < QUICK_S
    assert result.rows_read == len(result.events) + result.rows_left_out  # what the report's three cards say
    return result


def whole_file_reasons(result) -> list[tuple]:
    return [(r.file, r.reason) for r in result.problems.itertuples() if pd.isna(r.row)]


def violent_acled(rows: int) -> pd.DataFrame:
    frame = acled_frame(rows).astype(str)
    frame["event_type"], frame["sub_event_type"] = "Battles", "Armed clash"
    return frame


def test_a_small_very_wide_file_is_refused_from_its_header():
    """40,000 columns in 350 kB took 87 s, cleaned one column at a time; now the header alone decides."""
    data = ",".join(f"c{i}" for i in range(40_000)).encode() + b"\n" + b",".join([b"1"] * 40_000) + b"\n"
    result = timed_import(data, "wide.csv")
    assert whole_file_reasons(result) == [
        (
            "wide.csv",
            "file not used: it has 40,000 columns, more than the 500 this app reads "
            "(the widest file it expects, a UCDP events file, has about 49)",
        )
    ]


def _zipped(name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("packed", "reason"),
    [
        (gzip.compress, "file not used: it is a gzip file, not CSV text; decompress it and load the CSV inside"),
        (
            lambda data: _zipped("export.csv", data),
            "file not used: it is a zip file, not CSV text; extract the CSV from it and load that",
        ),
        (
            lambda data: _zipped("[Content_Types].xml", b"<Types/>"),
            "file not used: it is an Excel (.xlsx) file, not CSV text; save it from Excel as CSV UTF-8",
        ),
    ],
    ids=["gzip", "zip", "xlsx"],
)
def test_a_compressed_or_excel_file_renamed_csv_is_named_for_what_it_is(packed, reason, tmp_path):
    data = write_csv(violent_acled(20), tmp_path / "export.csv").read_bytes()
    result = timed_import(packed(data))
    assert whole_file_reasons(result) == [("export.csv", reason)]
    assert result.events.empty


def test_a_date_past_2262_is_reported_not_a_crash(tmp_path):
    frame = violent_acled(20)
    frame.loc[0, "event_date"], frame.loc[1, "event_date"] = "2999-05-16", "16 May 2999"
    result = timed_import(write_csv(frame, tmp_path / "export.csv").read_bytes())
    assert reasons(result) == {(1, "event_date", YEAR_OUT_OF_RANGE), (2, "event_date", YEAR_OUT_OF_RANGE)}
    assert len(result.events) == 18


def test_mac_line_endings_read_like_any_other(tmp_path):
    """Excel for Mac's "CSV (Macintosh)" ends lines with a lone carriage return."""
    data = write_csv(violent_acled(20), tmp_path / "export.csv").read_bytes().replace(b"\n", b"\r")
    result = timed_import(data)
    assert result.problems.empty
    assert len(result.events) == 20


def test_a_value_over_128_kib_is_a_row_problem_not_a_crash(tmp_path):
    frame = violent_acled(20)
    frame.loc[0, "notes"] = "x" * 140_000
    data = write_csv(frame, tmp_path / "export.csv").read_bytes() + b"PAK-short,row\n"  # read row by row
    result = timed_import(data)
    too_long = "a value is longer than 131,072 characters (128 KiB), more than any cell of this table holds"
    assert reasons(result) == {
        (1, None, too_long),
        (21, None, "has 2 fields, the header has 31 (truncated or stray comma?)"),
    }
    assert len(result.events) == 19
    header_only_huge = timed_import(b"x" * 140_000 + b"," + data)
    assert whole_file_reasons(header_only_huge) == [
        ("export.csv", f"file not used: its header row is unreadable ({too_long})")
    ]


def test_blank_lines_are_not_rows(tmp_path):
    data = write_csv(violent_acled(20), tmp_path / "export.csv").read_bytes()
    result = timed_import(data.replace(b"\n", b"\n\n", 3) + b"\n\n")
    assert result.rows_read == 20
    assert result.problems.empty
    assert result.out_of_scope.empty


def test_an_impossible_death_toll_is_rejected_with_a_reason(tmp_path):
    frame = violent_acled(20)
    frame.loc[0, "fatalities"] = "9223372036854775807"
    frame.loc[1, "fatalities"] = "5000000"
    result = timed_import(write_csv(frame, tmp_path / "export.csv").read_bytes())
    assert reasons(result) == {
        (1, "fatalities", "number too large"),
        (2, "fatalities", "more than 1,000,000 killed in one event; not a plausible count"),
    }
    assert result.events["killed"].sum() < 18 * 1_000_000


def test_a_stray_quote_that_swallows_the_rows_below_is_reported():
    lines = violent_acled(20).to_csv(index=False).encode().split(b"\n")  # quoted only where needed
    lines.insert(3, b'"')  # a lone quote mark after data row 2
    result = timed_import(b"\n".join(lines))
    (problem,) = result.problems.itertuples()
    assert (problem.file, problem.row, problem.column) == ("export.csv", 3, "event_id_cnty")
    assert problem.reason.startswith('a value runs over 19 lines of the file, as if a stray quote mark (") merged')
    assert (result.rows_read, len(result.events)) == (3, 2)


def test_a_header_only_file_says_so_once(tmp_path):
    data = write_csv(violent_acled(5), tmp_path / "export.csv").read_bytes().split(b"\n")[0] + b"\n"
    result = timed_import(data)
    assert whole_file_reasons(result) == [("export.csv", "file not used: it has a header but no data rows")]
    assert (result.rows_read, len(result.events), result.rows_left_out) == (0, 0, 0)


def test_the_import_report_never_says_every_row_is_shown_for_an_empty_file(tmp_path, monkeypatch):
    path = tmp_path / "empty.csv"
    path.write_bytes(",".join(ACLED_COLUMNS).encode() + b"\n")
    app = page_on_events_file(path, "views/data/sources.py", monkeypatch)
    assert "Every row of the file is shown." not in [s.value for s in app.success]
    cards = {m.label: m.value for m in app.metric}
    assert [cards["Rows read"], cards["Events shown"], cards["Rows not shown"]] == ["0", "0", "0"]
    reasons_listed = {reason for frame in app.dataframe if "reason" in frame.value for reason in frame.value["reason"]}
    assert "file not used: it has a header but no data rows" in reasons_listed


def test_the_import_report_does_not_call_out_of_scope_rows_problems(tmp_path, monkeypatch):
    """ACLED protests and strategic developments were listed under "Every problem found" in a file with no
    problem; the report now counts them apart and says every row within scope is shown."""
    frame = violent_acled(30)
    frame.loc[frame.index[:4], "event_type"] = "Protests"
    app = page_on_events_file(write_csv(frame, tmp_path / "export.csv"), "views/data/sources.py", monkeypatch)
    successes = [s.value for s in app.success]
    assert "Every row within this dashboard's scope is shown." in successes
    assert "Every row of the file is shown." not in successes
    said = [m.value.replace("\\", "") for m in app.markdown]
    assert not [line for line in said if "Every problem found" in line]
    assert [
        line for line in said if line.startswith("Every row not shown") and "0 problems found, 4 rows outside" in line
    ]
    cards = {m.label: m.value for m in app.metric}
    assert [cards["Rows read"], cards["Events shown"], cards["Rows not shown"]] == ["30", "26", "4"]


def test_a_file_past_the_time_limit_is_not_used_and_the_report_says_why(tmp_path):
    """Size, column cap and vectorised cleaning bound the work; the time limit is the backstop past them."""
    data = write_csv(acled_frame(200), tmp_path / "export.csv").read_bytes()
    assert len(import_events(data, "export.csv", DURAND_LINE).events) > 0
    late = import_events(data, "export.csv", DURAND_LINE, time_limit_s=0.0)
    assert late.events.empty
    assert whole_file_reasons(late) == [
        (
            "export.csv",
            "file not used: reading it took more than 0 s, this server's limit for one file; split it into "
            "smaller files (by year, for instance) and import each",
        )
    ]


def test_a_file_older_than_the_curated_data_opens_on_its_own_span(tmp_path, monkeypatch):
    """An export of 2018-20 opened on the curated data's 2024 window and read "0 incidents" everywhere."""
    frame = acled_frame(400, date_style="api")
    frame = frame[frame["event_date"] < "2021-01-01"]
    app = page_on_events_file(write_csv(frame, tmp_path / "acled_2018_2020.csv"), "views/map/map.py", monkeypatch)
    shown = import_events((tmp_path / "acled_2018_2020.csv").read_bytes(), "acled_2018_2020.csv", DURAND_LINE)
    first, last = shown.events["date"].min().date(), shown.events["date"].max().date()
    assert app.date_input(key="from").value == first
    assert app.date_input(key="to").value == last
    assert app.markdown[0].value.startswith(f"{len(shown.events):,} incidents, {format_day(first)}")


def page_on_events_file(path, page: str, monkeypatch) -> AppTest:
    """`page` of the app started with DLM_EVENTS_FILE=`path` (the configured-file route), run without error."""
    monkeypatch.setenv("DLM_EVENTS_FILE", str(path))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app
