"""The actor and province filters work on declared codes (issue #16): a filter on BLA selects exactly the
BLA-group incidents of the file, never "Afghan Taliban forces; Pakistan military", and the raw wording
stays in the details."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest

from bench.synthetic_events import acled_frame, ucdp_frame, write_csv
from components.dataset import load_dataset
from components.geo import load_layers
from components.imports import import_events
from components.incidents import IncidentFilter
from components.paths import BUNDLED_DATA_DIR, GEO_DIR
from components.textsafe import escape_markdown
from components.vocabulary import ACTOR_GROUPS
from tests.test_reading_pages import open_page

EVERYTHING = IncidentFilter(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
DATA = load_dataset(BUNDLED_DATA_DIR)


def file_rows() -> list[dict]:
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def incidents_of_group(group: str) -> set[str]:
    """From the file's text: incidents whose first account (in file order) naming a group names `group`."""
    first_named = {}
    for row in file_rows():
        if row["actor_group"] != "unknown":
            first_named.setdefault(row["incident_id"], row["actor_group"])
    return {incident for incident, named in first_named.items() if named == group}


def test_a_filter_on_bla_selects_exactly_the_bla_incidents_of_the_file():
    events = DATA.events
    chosen = IncidentFilter(EVERYTHING.start, EVERYTHING.end, actors=("bla",)).apply(events)
    expected = incidents_of_group("bla")
    assert len(expected) == 15  # the 30 BLA rows of the file are 15 incidents
    assert set(chosen["incident_id"]) == expected
    assert len(chosen) == 15
    assert not chosen["perpetrator"].str.contains("Afghan Taliban").any()
    # The raw wording stays as each source gave it, e.g. "BLA (Majeed Brigade)".
    assert set(chosen["perpetrator"]) <= {row["perpetrator"] for row in file_rows() if row["actor_group"] == "bla"}


def test_an_incident_left_unknown_by_one_account_counts_under_the_group_another_names():
    """Kalat, 15 Nov 2024: ISPR named no group, the press named the BLA."""
    events = DATA.events.set_index("incident_id")
    kalat = events.loc["20241115-kalat-shah-e-mardan-post-attack"]
    assert (kalat["actor_group"], kalat["perpetrator"]) == ("bla", "BLA")


def test_suspicion_is_kept_beside_unknown_not_counted_as_the_group():
    events = DATA.events
    ttp = set(IncidentFilter(EVERYTHING.start, EVERYTHING.end, actors=("ttp",)).apply(events)["incident_id"])
    suspected = events[events["suspected_group"].eq("ttp")]
    assert len(suspected) > 0
    assert set(suspected["actor_group"]) == {"unknown"}
    assert ttp.isdisjoint(suspected["incident_id"])


def test_a_province_filter_matches_every_province_of_a_multi_province_event():
    events = DATA.events
    paktika = IncidentFilter(EVERYTHING.start, EVERYTHING.end, provinces=("Paktika",)).apply(events)
    # Pakistani strikes of 22 Feb 2026 in Nangarhar and Paktika: province Nangarhar, Paktika listed.
    strikes = paktika.set_index("incident_id").loc["20260222-pakistani-strikes-nangarhar-paktika"]
    assert strikes["province"] == "Nangarhar"
    assert bool(strikes["multi_province"])
    expected = {
        row["incident_id"]
        for row in file_rows()
        if row["province"] == "Paktika" or "Paktika" in row["provinces"].split("; ")
    }
    assert set(paktika["incident_id"]) == expected


def test_the_map_sidebar_offers_canonical_groups_and_the_page_counts_the_bla_incidents():
    app = open_page("views/map/map.py", actor="BLA (Balochistan Liberation Army)")  # links carry labels
    actor = app.multiselect(key="actor")
    assert actor.label == "Actor group"
    assert set(actor.options) <= set(ACTOR_GROUPS.labels.values())  # labels, never raw wording
    assert "Afghan Taliban forces; Pakistan military" not in actor.options
    assert actor.value == ["bla"]
    sentence = next(m.value for m in app.markdown if "incidents," in m.value)
    expected = incidents_of_group("bla")
    shown = DATA.events.set_index("incident_id").loc[sorted(expected), "date"]
    start = max(pd.Timestamp("2024-01-01"), shown.min())
    in_window = (shown >= start).sum()
    assert sentence.startswith(f"{in_window} incidents")
    assert escape_markdown("BLA (Balochistan Liberation Army)") in sentence  # the page escapes Markdown


@pytest.mark.parametrize(
    ("actor", "group"),
    [
        ("TTP: Tehreek-i-Taliban Pakistan", "ttp"),
        ("BLA: Balochistan Liberation Army", "bla"),
        ("Military Forces of Pakistan (2018-)", "pakistan_state"),
        ("Unidentified Armed Group (Pakistan)", "unknown"),
        ("Lashkar-e-Jhangvi", "other"),  # named, but no declared alias: never guessed
        ("Military Forces of Afghanistan (2021-)", "other"),
    ],
)
def test_imported_acled_actors_map_through_declared_aliases_and_keep_their_words(tmp_path, actor, group):
    frame = acled_frame(20)
    frame["actor1"] = actor
    frame["event_type"] = "Battles"
    frame["sub_event_type"] = "Armed clash"
    path = write_csv(frame, tmp_path / "export.csv")
    events = import_events(path.read_bytes(), "export.csv", load_layers(GEO_DIR)["durand_line"]).events
    assert len(events) == 20
    assert set(events["actor_group"]) == {group}
    assert set(events["perpetrator"]) == {actor}


def test_imported_ucdp_sides_map_through_declared_aliases(tmp_path):
    frame = ucdp_frame(30)
    path = write_csv(frame, tmp_path / "ged.csv")
    events = import_events(path.read_bytes(), "ged.csv", load_layers(GEO_DIR)["durand_line"]).events
    groups = dict(zip(events["perpetrator"], events["actor_group"], strict=True))
    assert groups["Government of Pakistan"] == "pakistan_state"
    assert groups["TTP (synthetic)"] == "other"  # the synthetic tag is no declared alias
    assert set(events["actor_group"]) <= set(ACTOR_GROUPS)
