"""The district view (issue #19): incidents and deaths per district with its distance band to the line,
counting only incidents located in one district and saying how many were left out."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from components.dataset import load_dataset
from components.districts import district_table, left_out_sentence
from components.paths import BUNDLED_DATA_DIR
from components.ui.incident_detail import account_lines, claims_line


def events() -> pd.DataFrame:
    rows = [
        ("a", "Bannu", "exact", 3, 40.0),
        ("b", "Bannu", "district", 4, 60.0),
        ("c", "Khyber", "district", None, 8.0),
        ("d", "Bannu; Khyber", "district", 9, 20.0),  # spans two districts
        ("e", None, "province", 5, 100.0),  # known only to the province
    ]
    frame = pd.DataFrame(rows, columns=["incident_id", "district", "location_precision", "killed", "distance_km"])
    return frame.assign(
        province="Khyber Pakhtunkhwa",
        country="Pakistan",
        date=pd.to_datetime(["2025-01-05", "2025-03-01", "2025-02-01", "2025-04-01", "2025-05-01"]),
        killed=frame["killed"].astype("Int64"),
    )


def test_each_district_counts_its_own_incidents_and_deaths_with_a_distance_band():
    result = district_table(events())
    table = result.table.set_index("District")
    assert list(table.index) == ["Bannu", "Khyber"]  # most incidents first
    assert table.loc["Bannu", "Incidents"] == 2
    assert table.loc["Bannu", "Killed (lowest stated)"] == 7
    assert table.loc["Bannu", "Median km"] == 50
    assert table.loc["Bannu", "Distance band"] == "≤ 50 km"
    assert table.loc["Khyber", "Distance band"] == "≤ 10 km"
    assert pd.isna(table.loc["Khyber", "Killed (lowest stated)"])  # its one incident states no total: missing,
    assert table.loc["Khyber", "No stated toll"] == 1  # and is counted apart, not as 0 killed
    assert table.loc["Bannu", "No stated toll"] == 0
    assert table.loc["Bannu", "First"] == pd.Timestamp("2025-01-05")
    assert not [column for column in result.table.columns if "_" in column]


def test_incidents_in_several_districts_or_only_a_province_are_left_out_and_counted():
    result = district_table(events())
    assert result.left_out == 2
    assert left_out_sentence(result).startswith("2 incidents are not in this table")


def test_an_empty_selection_is_not_said_to_be_located_in_one_district():
    """It read 'Every incident in the selection is located in one district.' over an empty table."""
    assert left_out_sentence(district_table(events().iloc[:0])) == "No incident in the selection."
    placed = district_table(events().iloc[:1])
    assert left_out_sentence(placed) == "Every incident in the selection is located in one district."


def test_an_account_shows_its_claims_and_leaves_blank_fields_out():
    account = pd.Series(
        {
            "account": "press report",
            "source_name": "Dawn",
            "source_kind": "major_outlet",
            "source_published": "2024-01-10",
            "killed_total": 4,
            "killed_security_forces": 3,
            "killed_civilians": pd.NA,
            "killed_militants": None,
            "injured_total": float("nan"),
            "toll_scope": None,
            "date": pd.Timestamp("2024-01-09"),
            "date_end": pd.NaT,
            "perpetrator": "unknown (suspected TTP)",
            "claimed_by": None,
        }
    )
    lines = account_lines(account)
    assert lines[0] == "press report: Dawn (major outlet, published 10 Jan 2024)"
    assert claims_line(account) == "Killed 4 (security forces 3)"
    assert "Dates: 9 Jan 2024" in lines
    assert "Attribution (as reported): unknown (suspected TTP)" in lines
    assert not [line for line in lines if "None" in line or "nan" in line or "NaT" in line]


def test_militants_killed_read_outside_the_total_they_may_not_belong_to():
    """ISPR's Noshki account (data/incidents.csv): 5 killed = 3 security forces + 2 civilians; the 3 attackers
    killed are not in the 5, and inside the bracket they read as a sum that did not add up."""
    from components.dataset import load_dataset
    from components.paths import BUNDLED_DATA_DIR

    accounts = load_dataset(BUNDLED_DATA_DIR)["incidents"]
    ispr = accounts[
        (accounts["incident_id"] == "20250316-noshki-fc-convoy-attack")
        & (accounts["account"] == "Pakistan military (ISPR)")
    ].iloc[0]
    assert claims_line(ispr) == "Killed 5 (security forces 3, civilians 2) · militants killed 3"


def accounts_by_incident() -> dict[str, list[dict]]:
    """incidents.csv's rows as the file holds them, by incident."""
    accounts: dict[str, list[dict]] = {}
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            accounts.setdefault(row["incident_id"], []).append(row)
    return accounts


def stated_totals(rows: list[dict]) -> list[int]:
    """An incident's killed totals as its accounts in incidents.csv state them; a final official total's
    incident leaves out the first-day and running counts it replaces."""
    final = any(row["toll_scope"] == "final_official" for row in rows)
    return [
        int(row["killed_total"])
        for row in rows
        if row["killed_total"] and not (final and row["toll_scope"] in ("first_day", "running"))
    ]


def test_the_map_pages_district_row_reads_as_the_file_states_its_tolls():
    """North Waziristan read "Killed (lowest stated) 8" for 10 incidents, 9 of which state no total (the Mir
    Ali convoy's 16 soldiers killed are given by category only): they are now counted apart, not as 0."""
    from tests.test_pages import run_page

    accounts = accounts_by_incident()
    in_district = [
        stated_totals(rows)
        for rows in accounts.values()
        if rows[0]["district"] == "North Waziristan" and rows[0]["location_precision"] in ("exact", "district")
    ]
    app = run_page("views/map/map.py")
    table = next(frame.value for frame in app.dataframe if "District" in frame.value.columns).set_index("District")
    row = table.loc["North Waziristan"]
    assert row["Incidents"] == len(in_district)
    assert row["Killed (lowest stated)"] == sum(min(stated) for stated in in_district if stated)
    unstated_here = sum(1 for stated in in_district if not stated)
    assert row["No stated toll"] == unstated_here
    assert unstated_here > 0


@pytest.mark.parametrize("start", [None, "2025-10-01"])
def test_the_district_tables_killed_note_counts_the_incidents_the_table_holds(start):
    """At /map?from=2025-10-01 the note under a table of 28 incidents read "28 of these 48 incidents state no
    total", the whole selection's, and over the full period "78 of these 146" under 117 (review, 2 Dec 2026)."""
    from tests.test_reading_pages import open_page

    accounts = [rows for rows in accounts_by_incident().values() if not start or rows[0]["date"] >= start]
    in_table = [
        stated_totals(rows)
        for rows in accounts
        if rows[0]["location_precision"] in ("exact", "district")
        and rows[0]["district"]
        and ";" not in rows[0]["district"]
    ]
    unstated = sum(not stated for stated in in_table)
    assert 0 < unstated < len(in_table) < len(accounts)
    app = open_page("views/map/map.py", **({"from": start} if start else {}))
    table = next(frame.value for frame in app.dataframe if "District" in frame.value.columns)
    assert (table["Incidents"].sum(), table["No stated toll"].sum()) == (len(in_table), unstated)
    said = " ".join(caption.value for caption in app.caption).replace("\\", "")
    assert f"{len(accounts) - len(in_table)} incidents are not in this table" in said
    assert f"{unstated} of the table's {len(in_table)} incidents state no total and add nothing" in said


def test_one_district_reads_as_one_row_and_a_shared_one_is_never_a_district():
    """'Bolan/Kachhi' and 'Kachhi (Bolan)' were two rows for one district, and 'Zhob / Loralai' read as a district
    of its own: incidents.csv names a district one way, and several only with DISTRICT_SEPARATOR."""
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert not [row["district"] for row in rows if "/" in row["district"]]
    table = district_table(load_dataset(BUNDLED_DATA_DIR).events).table.set_index("District")
    kachhi = {row["incident_id"] for row in rows if row["district"] == "Kachhi (Bolan)"}
    assert table.loc["Kachhi (Bolan)", "Incidents"] == len(kachhi) == 3
    assert not [name for name in table.index if "Bolan" in name and name != "Kachhi (Bolan)"]


def test_a_median_just_past_a_band_edge_is_not_shown_inside_it():
    """Noshki's median of 25.5 km read "25" beside the colour of "≤ 50 km": the table keeps one decimal."""
    frame = events().assign(distance_km=[25.5, 25.5, 8.0, 20.0, 100.0])
    table = district_table(frame).table.set_index("District")
    assert (table.loc["Bannu", "Median km"], table.loc["Bannu", "Distance band"]) == (25.5, "≤ 50 km")
