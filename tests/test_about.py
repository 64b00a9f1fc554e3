"""About the data: an analyst-facing page in plain words, with numbers read from the files; the developer
README stays in the repository (Data & sources used to render all of it, test names and settings included)."""

import csv
import datetime as dt

from components.dates import format_day
from components.paths import BUNDLED_DATA_DIR
from components.trends import COUNTING_RULES
from components.vocabulary import ACTOR_GROUPS, FIGURE_STATUSES, SERIES, TRACKERS
from tests.test_pages import run_page, static_table

DEVELOPER_WORDS = ("DLM_", "tests/", "pytest", "python -m", ".py", "components/")


def rows_of(name: str) -> list[dict[str, str]]:
    with (BUNDLED_DATA_DIR / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def shown_text(app) -> str:
    return " ".join([e.value for e in app.markdown] + [e.value for e in app.header] + [e.value for e in app.caption])


def test_the_page_explains_counting_statuses_sources_citation_and_licences():
    app = run_page("views/data/about.py")
    assert not app.exception, [e.value for e in app.exception]
    headers = [h.value for h in app.header]
    for section in ("What each tracker counts", "Which figure is shown", "Sources", "How to cite", "Licences"):
        assert section in headers
    text = shown_text(app)
    assert "never as zero" in text
    assert "CC BY 4.0" in text
    assert "ACLED" in text
    assert "Durand Line Monitor (data as of 8 Apr 2026)" in app.code[0].value
    assert not [word for word in DEVELOPER_WORDS if word in text]


def test_its_tables_say_what_the_files_hold():
    app = run_page("views/data/about.py")
    counting, statuses, groups, sourcing = (static_table(app.table[i]) for i in (0, 1, 2, 3))
    held = {(row["tracker"], row["series"]) for row in rows_of("tracker_stats.csv")}
    listed = set(zip(counting["Tracker"], counting["Series"], strict=True))
    assert listed == {
        (TRACKERS.label(tracker), SERIES.label(name)) for tracker, name in COUNTING_RULES if (tracker, name) in held
    }
    assert ("PIPS", "overall_violence") in COUNTING_RULES  # a rule is declared, but the file holds no such figure
    assert list(statuses["Status"]) == [FIGURE_STATUSES.label(code) for code in FIGURE_STATUSES.codes]
    charted = dict(zip(statuses["Status"], statuses["Shown on charts and cards"], strict=True))
    assert charted["misattributed to this tracker"] == "never"
    assert charted["outlet's error, not the tracker's figure"] == "never"
    incidents = rows_of("incidents.csv")
    first_group = {}
    for row in incidents:  # an incident's group: the first account (in file order) naming one (data/README.md)
        if first_group.get(row["incident_id"], "unknown") == "unknown":
            first_group[row["incident_id"]] = row["actor_group"]
    bla = sum(group == "bla" for group in first_group.values())
    shown = dict(zip(groups["Actor group"], groups["Incidents"], strict=True))
    assert shown[ACTOR_GROUPS.label("bla")] == bla == 15
    assert sum(shown.values()) == len(first_group)
    rows = dict(zip(sourcing["Table"], sourcing["Rows"], strict=True))
    assert rows["Incident accounts"] == len(incidents)
    assert rows["Tracker figures"] == len(rows_of("tracker_stats.csv"))
    undated = dict(zip(sourcing["Table"], sourcing["Rows without a publication date"], strict=True))
    assert undated["Diplomatic contacts"] == sum(not row["source_published"] for row in rows_of("diplomacy.csv"))


def test_data_and_sources_no_longer_shows_the_developer_readme():
    app = run_page("views/data/sources.py")
    assert not app.exception, [e.value for e in app.exception]
    assert "Data README" not in [h.value for h in app.header]
    assert not [word for word in ("pytest", "tests/", "Vocabularies") if word in shown_text(app)]


def test_what_is_here_gives_each_kind_of_records_days_as_the_files_hold_them():
    """It said all four kinds run "from January 2024 to the data date": the GTI figures start in 2023, the
    crossings' periods in Nov 2023, and the incidents stop at incidents_to (16 Mar 2026), before the data date."""
    import json

    from streamlit.testing.v1 import AppTest

    from components.paths import ROOT

    def column(file: str, name: str) -> list[str]:
        with (BUNDLED_DATA_DIR / file).open(encoding="utf-8", newline="") as handle:
            return [row[name] for row in csv.DictReader(handle) if row[name]]

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page("views/data/about.py")
    app.run()
    text = next(m.value for m in app.markdown if "Four kinds of record" in m.value)
    incidents_to = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text())["incidents_to"]
    first_incident = min(column("incidents.csv", "date"))
    assert f"**Notable incidents** ({format_day(dt.date.fromisoformat(first_incident))} to " in text
    assert f"to {format_day(dt.date.fromisoformat(incidents_to))}):" in text
    first_figure = min(column("tracker_stats.csv", "period_start"))
    assert f"**Tracker figures** ({dt.date.fromisoformat(first_figure):%b %Y} to " in text
    first_crossing = min(column("crossing_status.csv", "start_date"))
    assert f"(periods starting {format_day(dt.date.fromisoformat(first_crossing))} to " in text
    assert "from January 2024 to the data date" not in text
