"""The declared source registry (data/outlets.csv): every cited domain is registered, each row's kind comes
from it, a repost says so on screen, and every row shows its publication date or a declared reason."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from components.dataset import load_dataset
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.schemas import OUTLET_REGISTRY, TABLES
from components.sources import PRIMARY_KINDS, SOURCE_URL_COLUMNS, domain, source_shares
from components.validation import load_table
from components.vocabulary import PUBLISHED_NOTES
from tests.test_pages import run_page


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _host(url: str) -> str:
    """The host as the registry writes it, worked out here independently of components.sources."""
    return re.sub(r"^www\.", "", re.match(r"^https?://([^/:?#]+)", url).group(1).lower())


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(BUNDLED_DATA_DIR)


def test_every_curated_table_is_checked_against_the_registry():
    assert set(SOURCE_URL_COLUMNS) == set(TABLES)


def test_the_registry_file_is_valid_and_every_cited_domain_is_in_it():
    registry = load_table(BUNDLED_DATA_DIR / OUTLET_REGISTRY.file, OUTLET_REGISTRY.schema)
    assert registry.problems == []
    registered = {row["domain"] for row in _rows(BUNDLED_DATA_DIR / OUTLET_REGISTRY.file)}
    for name, column in SOURCE_URL_COLUMNS.items():
        cited = {_host(row[column]) for row in _rows(BUNDLED_DATA_DIR / TABLES[name].file) if row[column]}
        assert cited - registered == set(), name


def test_each_row_has_the_kind_the_registry_gives_its_domain(bundled):
    kinds = {row["domain"]: row["kind"] for row in _rows(BUNDLED_DATA_DIR / OUTLET_REGISTRY.file)}
    for name, column in SOURCE_URL_COLUMNS.items():
        frame = bundled[name].dropna(subset=[column])
        expected = [kinds[_host(url)] for url in frame[column]]
        assert frame["source_kind"].tolist() == expected, name


def test_domain_drops_www_and_case_but_keeps_other_subdomains():
    assert domain("https://www.Dawn.com/news/1") == "dawn.com"
    assert domain("https://epaper.dawn.com/x") == "epaper.dawn.com"
    assert domain("http://3.127.128.221/?p=1") == "3.127.128.221"


def _copy(target: Path) -> Path:
    shutil.copytree(BUNDLED_DATA_DIR, target, ignore=shutil.ignore_patterns("research-notes", "*.md"))
    return target


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    rows = _rows(path)
    rows[row - 1][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_row_citing_an_unregistered_domain_is_reported_and_left_out(tmp_path, bundled):
    folder = _copy(tmp_path / "data")
    _set_cell(folder / "tracker_stats.csv", 3, "source_url", "https://unlisted.example.net/story")
    data = load_dataset(folder)
    assert [(p.file, p.row, p.column, p.reason, p.value) for p in data.problems] == [
        (
            "tracker_stats.csv",
            3,
            "source_url",
            "its domain (unlisted.example.net) is not in outlets.csv",
            "https://unlisted.example.net/story",
        )
    ]
    assert len(data["tracker_stats"]) == len(bundled["tracker_stats"]) - 1
    assert 3 not in set(data["tracker_stats"]["source_row"])


def test_the_kind_follows_the_registry_not_the_row(tmp_path):
    folder = _copy(tmp_path / "data")
    registry = _rows(folder / OUTLET_REGISTRY.file)
    number = next(n for n, row in enumerate(registry, 1) if row["domain"] == "dawn.com")
    _set_cell(folder / OUTLET_REGISTRY.file, number, "kind", "repost")
    stats = load_dataset(folder)["tracker_stats"]
    dawn = stats[stats["source_url"].map(domain) == "dawn.com"]
    assert not dawn.empty
    assert set(dawn["source_kind"]) == {"repost"}


def test_an_unusable_registry_is_named_once_and_blames_no_row(tmp_path, bundled):
    folder = _copy(tmp_path / "data")
    (folder / OUTLET_REGISTRY.file).unlink()
    data = load_dataset(folder)
    assert [(p.file, p.row) for p in data.problems] == [("outlets.csv", None)]
    assert len(data["tracker_stats"]) == len(bundled["tracker_stats"])
    assert data["tracker_stats"]["source_kind"].isna().all()


@pytest.mark.parametrize(
    ("published", "note", "ok"),
    [
        ("2025-01-02", "", True),
        ("", "page_shows_no_date", True),
        ("", "", False),
        ("2025-01-02", "not_yet_checked", False),
    ],
)
def test_a_row_gives_a_publication_date_or_a_declared_reason_never_both(tmp_path, published, note, ok):
    folder = _copy(tmp_path / "data")
    path = folder / "diplomacy.csv"
    _set_cell(path, 2, "source_published", published)
    _set_cell(path, 2, "published_note", note)
    problems = [(p.row, p.column, p.reason) for p in load_dataset(folder).problems]
    reason = "published_note gives the reason a row has no source_published, and only then"
    assert problems == ([] if ok else [(2, "published_note", reason)])


def test_an_unknown_reason_code_is_rejected(tmp_path):
    folder = _copy(tmp_path / "data")
    _set_cell(folder / "diplomacy.csv", 2, "source_published", "")
    _set_cell(folder / "diplomacy.csv", 2, "published_note", "could not find it")
    problems = [(p.row, p.column, p.reason) for p in load_dataset(folder).problems]
    assert (2, "published_note", f"not one of: {', '.join(PUBLISHED_NOTES.codes)}") in problems


def test_shares_match_the_files(bundled):
    kinds = {row["domain"]: row["kind"] for row in _rows(BUNDLED_DATA_DIR / OUTLET_REGISTRY.file)}
    shares = source_shares({name: bundled[name] for name in bundled.tables}).set_index("table")
    for name, column in SOURCE_URL_COLUMNS.items():
        rows = _rows(BUNDLED_DATA_DIR / TABLES[name].file)
        primary = sum(kinds.get(_host(row[column]), "") in PRIMARY_KINDS for row in rows if row[column])
        undated = sum(not row.get("source_published", "x") for row in rows)
        assert (shares.at[name, "rows"], shares.at[name, "tracker_or_major"]) == (len(rows), primary), name
        assert shares.at[name, "no_publication_date"] == undated, name


def _tracker_stats_share() -> tuple[int, int]:
    """Rows of tracker_stats.csv citing a tracker's own site or a major outlet, and all its rows, counted
    from the data file and the registry without components.sources."""
    kinds = {row["domain"]: row["kind"] for row in _rows(BUNDLED_DATA_DIR / OUTLET_REGISTRY.file)}
    rows = _rows(BUNDLED_DATA_DIR / TABLES["tracker_stats"].file)
    return sum(kinds.get(_host(row["source_url"]), "") in PRIMARY_KINDS for row in rows), len(rows)


def test_data_readme_quotes_the_tracker_figures_share_the_file_has():
    primary, rows = _tracker_stats_share()
    readme = " ".join((BUNDLED_DATA_DIR / "README.md").read_text(encoding="utf-8").split())
    assert f"{primary} of {rows} tracker rows ({primary / rows * 100:.1f} %)" in readme


def test_cli_prints_each_tables_share_and_undated_rows(bundled):
    out = subprocess.run(
        [sys.executable, "-m", "components.sources"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    primary, rows = _tracker_stats_share()
    line = next(line.split() for line in out.splitlines() if line.strip().startswith("tracker_stats"))
    undated = int(bundled["tracker_stats"]["source_published"].isna().sum())
    assert line[1:4] == [str(rows), str(primary), f"{primary / rows:.1%}"]
    assert line[-1] == str(undated)


def test_data_page_says_when_a_source_is_a_repost():
    app = run_page("views/data/sources.py")
    app.selectbox(key="table").set_value("tracker_stats").run()
    assert not app.exception, [e.value for e in app.exception]
    shown = app.dataframe[1].value
    assert "repost on an unrelated site" in set(shown["source_kind"])
    assert set(shown["source_kind"]) <= {
        "tracker's own site",
        "major outlet",
        "other outlet",
        "repost on an unrelated site",
    }


def test_incident_detail_says_when_an_accounts_source_is_a_repost(bundled):
    incidents = bundled["incidents"]
    incident = incidents.loc[incidents["source_kind"] == "repost", "incident_id"].iloc[0]
    app = run_page("views/map/map.py")
    app.selectbox(key="incident").set_value(incident).run()
    assert not app.exception, [e.value for e in app.exception]
    headings = [m.value.replace("\\", "") for m in app.markdown if m.value.startswith("**")]
    assert any("(repost on an unrelated site" in heading for heading in headings), headings


def test_copies_of_other_outlets_stories_are_registered_as_reposts():
    """Subrang Safar carries The News's story on PIPS's 2024 report (the PIPS cards' 2024 base) and Teluguvaartha
    a machine-translated copy of a Pakistani story (PICSS Sep 2024 figures): both were "other outlet", so the
    figures they alone give were not flagged as reposts (review, 2 Dec 2026)."""
    kinds = {row["domain"]: row["kind"] for row in _rows(BUNDLED_DATA_DIR / OUTLET_REGISTRY.file)}
    assert kinds["subrangsafar.com"] == kinds["teluguvaartha.com"] == "repost"
