"""Code lists are declared once (components/vocabulary.py) and every other place uses them (issue #20).

The scans read the source as Python syntax. A module that writes most of a list's codes (half of them,
three at the least) in one tuple, list, set or dict (its keys) spells that list again; a comparison of a
coded column with a literal the list lacks would silently match nothing.
"""

from __future__ import annotations

import ast
import csv
import json
from pathlib import Path

import pytest

from components import vocabulary
from components.imports import acled, ucdp
from components.paths import BUNDLED_DATA_DIR, GEO_DIR, ROOT
from components.schemas import IMPORTED_EVENTS, TABLES
from components.vocabulary import (
    ACTOR_GROUPS,
    ALL_LISTS,
    COUNTRIES,
    CROSSING_STATUSES,
    DIPLOMACY_TRACKS,
    EVENT_TYPES,
    FIGURE_STATUSES,
    IMPORTED_ACTOR_ALIASES,
    LOCATION_PRECISIONS,
    METRICS,
    NO_CROSSING_STATUS,
    PERIOD_TYPES,
    PROVINCES,
    SERIES,
    TRACKER_REGIONS,
    TRACKERS,
)

REGISTRY = Path(vocabulary.__file__)
SOURCES = sorted(
    path
    for path in [
        ROOT / "app.py",
        *ROOT.glob("components/**/*.py"),
        *ROOT.glob("views/**/*.py"),
        *ROOT.glob("scripts/*.py"),
    ]
    if path != REGISTRY
)
# Columns that hold codes, and the codes each may hold.
CODED_COLUMNS = {
    "event_type": set(EVENT_TYPES),
    "actor_group": set(ACTOR_GROUPS),
    "suspected_group": set(ACTOR_GROUPS),
    "track": set(DIPLOMACY_TRACKS),
    "tracker": set(TRACKERS),
    "series": set(SERIES),
    "metric": set(METRICS),
    "period_type": set(PERIOD_TYPES),
    "cadence": set(PERIOD_TYPES),
    "region": set(TRACKER_REGIONS),
    "province": set(PROVINCES),
    "country": set(COUNTRIES),
    "location_precision": set(LOCATION_PRECISIONS),
    "status": {*FIGURE_STATUSES, *CROSSING_STATUSES, NO_CROSSING_STATUS.code},
}


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _strings(nodes) -> set[str]:
    return {node.value for node in nodes if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def _spelled_lists(path: Path) -> list[str]:
    """Each collection literal in `path` holding three or more codes of one registry list."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            literals = _strings(node.elts)
        elif isinstance(node, ast.Dict):
            literals = _strings(node.keys)
        else:
            continue
        for code_list in ALL_LISTS:
            shared = literals & set(code_list)
            if len(shared) >= max(3, len(code_list) / 2):
                found.append(f"{_where(path)}:{node.lineno} spells {code_list.name}: {sorted(shared)}")
    return found


def _column(node) -> str | None:
    """The coded column an expression reads: frame["event_type"] or row.event_type."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value in CODED_COLUMNS:
        return node.slice.value
    if isinstance(node, ast.Attribute) and node.attr in CODED_COLUMNS and isinstance(node.value, ast.Name):
        return node.attr
    return None


def _undeclared_codes(path: Path) -> list[str]:
    """Literals compared with a coded column (==, !=, in, .eq, .ne, .isin) that its list lacks."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        pairs = []
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            for column_side in sides:
                column = _column(column_side)
                if column:
                    for other in sides:
                        elements = other.elts if isinstance(other, ast.Tuple | ast.List | ast.Set) else [other]
                        pairs += [(column, value) for value in _strings(elements)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            column = _column(node.func.value)
            if column and node.func.attr in ("eq", "ne", "isin") and node.args:
                argument = node.args[0]
                elements = argument.elts if isinstance(argument, ast.Tuple | ast.List | ast.Set) else [argument]
                pairs += [(column, value) for value in _strings(elements)]
        for column, value in pairs:
            if value not in CODED_COLUMNS[column]:
                found.append(f"{_where(path)}:{node.lineno} compares {column} with undeclared {value!r}")
    return found


def test_no_module_but_the_registry_spells_a_code_list():
    spelled = [line for path in SOURCES for line in _spelled_lists(path)]
    assert spelled == []


def test_the_scan_finds_a_list_spelled_again(tmp_path):
    """The check itself: a module declaring the crossing statuses' colours again is caught."""
    module = tmp_path / "again.py"
    module.write_text('STATUS_COLOURS = {"open": "#0", "restricted": "#1", "closed": "#2"}\n', encoding="utf-8")
    assert _spelled_lists(module) == ["again.py:1 spells crossing_status: ['closed', 'open', 'restricted']"]


def test_every_code_compared_with_a_coded_column_is_declared():
    assert [line for path in SOURCES for line in _undeclared_codes(path)] == []


def test_the_comparison_scan_catches_an_undeclared_code(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text('keep = events["event_type"].isin(["airstrike", "car_bomb"]) | (row.track == "summit")\n')
    assert _undeclared_codes(module) == [
        "probe.py:1 compares event_type with undeclared 'car_bomb'",
        "probe.py:1 compares track with undeclared 'summit'",
    ]


def _allowed_values(schema) -> dict[str, tuple[str, ...]]:
    return {
        name: tuple(check.statistics["allowed_values"])
        for name, column in schema.columns.items()
        for check in column.checks
        if "allowed_values" in check.statistics
    }


@pytest.mark.parametrize("schema", [*(spec.schema for spec in TABLES.values()), IMPORTED_EVENTS], ids=lambda s: s.name)
def test_every_code_a_schema_allows_has_a_label_in_the_registry(schema):
    """A type added to a schema only would have raised KeyError in the labels; now it cannot be added there."""
    labelled = {code: code_list for code_list in ALL_LISTS for code in code_list}
    for column, allowed in _allowed_values(schema).items():
        assert allowed, column
        for code in allowed:
            assert code in labelled, f"{schema.name}.{column} allows {code!r}, which no list declares"
            assert labelled[code].label(code), f"{code!r} has no label"


def test_the_incident_schema_checks_each_coded_column_against_its_list():
    allowed = _allowed_values(TABLES["incidents"].schema)
    assert set(allowed["event_type"]) == set(EVENT_TYPES.where(curated=True))
    assert allowed["actor_group"] == ACTOR_GROUPS.codes
    assert allowed["suspected_group"] == ACTOR_GROUPS.codes
    assert allowed["province"] == PROVINCES.codes
    assert set(_allowed_values(IMPORTED_EVENTS)["event_type"]) == set(EVENT_TYPES.where(imported=True))


@pytest.mark.parametrize("code_list", ALL_LISTS, ids=lambda c: c.name)
def test_every_code_has_a_label_and_no_two_codes_of_a_list_share_a_colour(code_list):
    assert all(item.label for item in code_list.items)
    colours = list(code_list.colours.values())
    assert len(colours) == len(set(colours)), code_list.name


def test_every_figure_status_says_what_the_dashboard_does_with_its_rows():
    """components/figures.py reads three groups: charted, listed beside the charted value, kept for the record."""
    groups = {item.code: item.group for item in FIGURE_STATUSES.items}
    assert set(groups.values()) == {"displayed", "never_displayed", "record_only"}
    assert groups["outlet_error"] == "record_only"
    assert FIGURE_STATUSES.label("outlet_error") == "outlet's error, not the tracker's figure"
    assert "outlet_error" in _allowed_values(TABLES["tracker_stats"].schema)["status"]


def test_coloured_lists_colour_every_code():
    for code_list in (vocabulary.EVENT_FAMILIES, CROSSING_STATUSES):
        assert set(code_list.colours) == set(code_list), code_list.name
    # One ink each: every track has its own row, every tracker's bar its name (components/palette.py).
    assert DIPLOMACY_TRACKS.colours == TRACKERS.colours == {}
    assert {item.group for item in EVENT_TYPES.items} <= set(vocabulary.EVENT_FAMILIES)


def test_provinces_are_the_boundary_files_provinces():
    features = json.loads((GEO_DIR / "provinces.geojson").read_text(encoding="utf-8"))["features"]
    on_the_map = {(f["properties"]["country"], f["properties"]["name"]) for f in features}
    assert {(item.group, item.code) for item in PROVINCES.items} == on_the_map


def test_import_mappings_name_only_declared_codes():
    assert set(acled.SUB_EVENT_TYPES.values()) <= set(EVENT_TYPES.where(imported=True))
    assert set(ucdp.TYPES_OF_VIOLENCE.values()) <= set(EVENT_TYPES.where(imported=True))
    assert set(acled.GEO_PRECISION.values()) <= set(LOCATION_PRECISIONS)
    assert set(ucdp.WHERE_PRECISION.values()) <= set(LOCATION_PRECISIONS)
    assert set(IMPORTED_ACTOR_ALIASES.values()) <= set(ACTOR_GROUPS)
    assert all(alias == vocabulary.actor_key(alias) for alias in IMPORTED_ACTOR_ALIASES)


def test_data_readme_describes_every_actor_group():
    readme = (BUNDLED_DATA_DIR / "README.md").read_text(encoding="utf-8")
    for item in ACTOR_GROUPS.items:
        assert f"| `{item.code}` | {item.label} |" in readme


def test_every_actor_group_in_the_file_is_declared_and_perpetrator_is_kept_verbatim():
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["actor_group"] for row in rows} <= set(ACTOR_GROUPS)
    suspected = [row for row in rows if row["suspected_group"]]
    assert suspected
    assert all(row["actor_group"] == "unknown" for row in suspected)
    # "unknown (TTP suspected)" stays unknown: suspicion is declared, not counted as the TTP's
    ttp_suspected = [row for row in rows if row["perpetrator"] == "unknown (TTP suspected)"]
    assert ttp_suspected
    assert {(r["actor_group"], r["suspected_group"]) for r in ttp_suspected} == {("unknown", "ttp")}


def test_counting_layer_labels_carry_no_brackets():
    """Pages write 'PICSS (layer)': a bracketed label read 'PICSS (attacks + security operations (combined))'."""
    assert not [label for label in SERIES.labels.values() if "(" in label or ")" in label]
