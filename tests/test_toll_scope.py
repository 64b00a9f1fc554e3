"""Multi-day events keep every stage of their toll (issue #16, point 4): the first-day toll and the final
official total each stay on their own row with their own source, declared in `toll_scope`, and the incident
panel says which stage each account gives."""

from __future__ import annotations

import csv
import io
import re

import pytest

from components.dataset import load_dataset
from components.incidents import figure_range
from components.paths import BUNDLED_DATA_DIR
from components.schemas import TABLES
from components.validation import load_bytes
from components.vocabulary import TOLL_SCOPES
from tests.synthetic import columns, incident_rows
from tests.test_pages import run_page

# A three-day operation whose first and final ISPR tolls are both bundled (54, then 71 militants killed).
STAGED_INCIDENT = "20250425-hassan-khel-infiltration"


@pytest.fixture(scope="module")
def incidents():
    return load_dataset(BUNDLED_DATA_DIR)["incidents"]


def _incidents_file(**changes) -> bytes:
    rows = incident_rows(2)
    rows[0].update(changes)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns("incidents"), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_every_final_official_total_keeps_the_first_day_account(incidents):
    scopes = incidents.groupby("incident_id")["toll_scope"].agg(set)
    finals = scopes[scopes.map(lambda s: "final_official" in s)]
    assert len(finals) >= 5, "the bundled data declares final totals for several multi-day events"
    without_first_day = [incident for incident, s in finals.items() if "first_day" not in s]
    assert without_first_day == []


def test_each_stage_of_a_toll_keeps_its_own_source(incidents):
    staged = incidents[incidents["toll_scope"].notna()]
    assert set(staged["toll_scope"]) == set(TOLL_SCOPES.codes)
    # Two stages of one incident never share a source: each toll is the one its page states.
    assert not staged.duplicated(["incident_id", "source_url"]).any()
    assert staged["source_name"].str.strip().ne("").all()


def test_a_stage_without_a_toll_is_rejected():
    data = _incidents_file(killed_total="", injured_total="", toll_scope="first_day")
    problems = load_bytes(data, TABLES["incidents"].schema, "incidents.csv").problems
    assert [(p.row, p.column, p.reason) for p in problems] == [
        (1, "toll_scope", "toll_scope is given but the row states no toll")
    ]


def test_an_undeclared_stage_is_rejected():
    problems = load_bytes(_incidents_file(toll_scope="final"), TABLES["incidents"].schema, "incidents.csv").problems
    assert [(p.row, p.column) for p in problems] == [(1, "toll_scope")]
    assert problems[0].reason.startswith("not one of: first_day")


def test_a_file_without_the_column_still_loads():
    header = [c for c in columns("incidents") if c != "toll_scope"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(incident_rows(3))
    result = load_bytes(out.getvalue().encode("utf-8"), TABLES["incidents"].schema, "incidents.csv")
    assert result.problems == []
    assert len(result.frame) == 3


def test_data_readme_counts_the_incidents_the_file_holds(incidents):
    readme = (BUNDLED_DATA_DIR / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"\*\*Incidents\*\*: ([\d,]+) notable events \(([\d,]+) account rows\)", readme)
    assert stated, "data/README.md states the incident count"
    assert int(stated[1].replace(",", "")) == incidents["incident_id"].nunique()
    assert int(stated[2].replace(",", "")) == len(incidents)


def test_the_incident_panel_names_the_stage_of_each_toll():
    app = run_page("views/map/map.py")
    app.selectbox(key="incident").set_value(STAGED_INCIDENT).run()
    assert not app.exception, [e.value for e in app.exception]
    texts = [m.value.replace("\\", "") for m in app.markdown]  # as read: Markdown escapes removed
    accounts = [text for text in texts if "Toll covers: " in text]
    stages = {
        int(re.search(r"militants killed (\d+)", text).group(1)): re.search(r"Toll covers: ([^\n]+)", text)
        .group(1)
        .strip()
        for text in accounts
    }
    assert stages == {54: "first day", 71: "final official total"}
    assert any("different stages of the event" in info.value for info in app.info)
    assert not any("disagree" in info.value for info in app.info)


def _file_rows(incident_id: str) -> list[dict]:
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["incident_id"] == incident_id]


@pytest.mark.parametrize(
    ("incident_id", "tolls_in_the_file", "shown"),
    [
        ("20241011-duki-coal-mine-attack", {("final_official", "21"), ("first_day", "20")}, "21"),
        ("20241101-mastung-school-area-bombing", {("final_official", "7"), ("first_day", "5"), ("", "7")}, "7"),
        # the final official account gives killed by category only (never added up): no total is stated
        ("20250304-bannu-cantonment-attack", {("final_official", ""), ("first_day", "11")}, "total not stated"),
        # no final official total: every account's toll counts, first-day ones included
        ("20241109-quetta-railway-station-bombing", {("first_day", "24"), ("", "26"), ("", "32")}, "24–32"),
    ],
)
def test_a_final_official_total_replaces_the_stage_counts_in_the_toll_shown(incident_id, tolls_in_the_file, shown):
    """About says a first-day figure is never read as the final one, yet Duki showed its first-day 20 against
    a final official 21: a final official total now sets the toll, and the stage counts stay in the details."""
    assert {(row["toll_scope"], row["killed_total"]) for row in _file_rows(incident_id)} == tolls_in_the_file
    event = load_dataset(BUNDLED_DATA_DIR).events.set_index("incident_id").loc[incident_id]
    assert figure_range(event["killed_low"], event["killed_high"]) == shown
