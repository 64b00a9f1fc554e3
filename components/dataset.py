"""Load every bundled table and layer once, validated, into one object the pages share."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from components.diplomacy import events_from_sources
from components.figures import disagreements, displayed_figures
from components.geo import GeoLayers, distance_to_line_km, load_layers
from components.incidents import events_from_accounts
from components.paths import GEO_DIR
from components.schemas import TABLES, TOWNS
from components.validation import LoadResult, Problem, load_table, problems_frame


@dataclass
class Dataset:
    """Valid rows of every table, the map layers, and everything that was left out and why."""

    tables: dict[str, LoadResult]
    geo: GeoLayers
    meta: dict

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name].frame

    @property
    def problems(self) -> list[Problem]:
        return [p for result in self.tables.values() for p in result.problems] + self.geo.problems

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
        value = self.meta.get("data_as_of")
        return dt.date.fromisoformat(value) if value else None

    @cached_property
    def figures(self) -> pd.DataFrame:
        """The tracker figures the dashboard displays, one per period (components/figures.py)."""
        return displayed_figures(self["tracker_stats"])

    @cached_property
    def figure_disagreements(self) -> pd.DataFrame:
        """Every value stated for a figure with more than one, or declared misattributed or superseded."""
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


def load_dataset(data_dir: Path, geo_dir: Path = GEO_DIR) -> Dataset:
    tables = {name: load_table(data_dir / spec.file, spec.schema, spec.file) for name, spec in TABLES.items()}
    tables["towns"] = load_table(geo_dir / "towns.csv", TOWNS, "geo/towns.csv")
    meta_path = data_dir / "datapackage.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return Dataset(tables, load_layers(geo_dir), meta)
