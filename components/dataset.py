"""Load every bundled table and layer once, validated, into one object the pages share."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from components.diplomacy import events_from_sources
from components.figures import disagreements, displayed_figures
from components.geo import GeoLayers, distance_to_line_km, load_layers
from components.incidents import events_from_accounts
from components.paths import GEO_DIR
from components.schemas import EARLIEST_DATE, TOWNS
from components.sources import load_sourced
from components.trends import options, with_pairs
from components.validation import LoadResult, Problem, load_table, problems_frame

META_FILE = "datapackage.json"


@dataclass
class Dataset:
    """Valid rows of every table, the map layers, and everything that was left out and why."""

    tables: dict[str, LoadResult]
    geo: GeoLayers
    meta: dict  # the valid fields of datapackage.json
    meta_problems: list[Problem] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name].frame

    @property
    def problems(self) -> list[Problem]:
        tables = [p for result in self.tables.values() for p in result.problems]
        return tables + self.meta_problems + self.geo.problems

    def problems_frame(self) -> pd.DataFrame:
        return problems_frame(self.problems)

    def validation_summary(self) -> pd.DataFrame:
        """Per file: rows read, used and rejected."""
        return pd.DataFrame(
            [
                {
                    "file": r.file,
                    "rows read": r.rows_read,
                    "rows used": len(r.frame),
                    "rows rejected": r.rows_rejected,
                    "whole file rejected": r.file_rejected,
                }
                for r in self.tables.values()
            ]
        )

    @property
    def data_as_of(self) -> dt.date | None:
        return self.meta.get("data_as_of")

    @property
    def incidents_to(self) -> dt.date | None:
        """The last day the curated incidents are kept up to, when the curator declares one before the data
        date: the sources searched held almost nothing later, so days after it are no data, not calm."""
        return self.meta.get("incidents_to")

    @cached_property
    def figures(self) -> pd.DataFrame:
        """The tracker figures the dashboard displays, one per period (components/figures.py)."""
        return displayed_figures(self["tracker_stats"])

    @cached_property
    def figure_options(self) -> pd.DataFrame:
        """Which tracker, layer, cadence, region, measure and year have figures (trends.options), once."""
        return options(self.figures)

    @cached_property
    def figure_pairs(self) -> pd.DataFrame:
        """The combinations that have two years to compare (trends.with_pairs), once."""
        return with_pairs(self.figure_options)

    @cached_property
    def figure_disagreements(self) -> pd.DataFrame:
        """Every value stated for a figure with more than one, or declared misattributed or superseded
        (an outlet's error is no statement of the figure: components/figures.py)."""
        return disagreements(self["tracker_stats"])

    @cached_property
    def diplomacy_events(self) -> pd.DataFrame:
        """One row per diplomatic event; every source row stays in self["diplomacy"]."""
        return events_from_sources(self["diplomacy"])

    @cached_property
    def events(self) -> pd.DataFrame:
        """One row per incident with its distance to the Durand Line."""
        events = events_from_accounts(self["incidents"])
        events["distance_km"] = distance_to_line_km(events, self.geo["durand_line"])
        return events


def load_dataset(data_dir: Path, geo_dir: Path | None = None) -> Dataset:
    """Every table, layer and the metadata; the layers come from `data_dir`/geo when it has one."""
    if geo_dir is None:
        geo_dir = data_dir / "geo" if (data_dir / "geo").is_dir() else GEO_DIR
    tables = load_sourced(data_dir)
    tables["towns"] = load_table(geo_dir / "towns.csv", TOWNS, "geo/towns.csv")
    meta, meta_problems = load_meta(data_dir / META_FILE)
    return Dataset(tables, load_layers(geo_dir), meta, meta_problems)


def load_meta(path: Path) -> tuple[dict, list[Problem]]:
    """datapackage.json's valid fields (META_DATES as dates) and a problem for each it cannot use.

    A missing file is no problem (the pages say "Data date unknown"); a broken one is named, never fatal.
    """
    if not path.exists():
        return {}, []
    try:
        meta = json.loads(path.read_bytes())
    except (OSError, ValueError) as err:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return {}, [Problem(META_FILE, None, None, f"file not used: not readable JSON ({err})")]
    if not isinstance(meta, dict):
        return {}, [Problem(META_FILE, None, None, "file not used: not a JSON object ({...})")]
    problems = []
    for name, unknown in META_DATES.items():
        if name not in meta:
            continue
        value = meta.pop(name)
        day, reason = data_date(value)
        if reason:
            problems.append(Problem(META_FILE, None, name, f"{reason}; {unknown}", str(value)))
        else:
            meta[name] = day
    return meta, problems


# datapackage.json's dates, each with what the pages do without it.
META_DATES = {
    "data_as_of": "the data date is unknown",
    "incidents_to": "the curated incidents are taken to run to the data date",
}


def data_date(value) -> tuple[dt.date | None, str | None]:
    """A data date written YYYY-MM-DD, on a real day from 2000 to today, or why it cannot be one."""
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return None, "not a valid date (YYYY-MM-DD)"
    if day > dt.date.today():
        return None, "date in the future"
    if day < EARLIEST_DATE.date():
        return None, "date before 2000"
    return day, None
