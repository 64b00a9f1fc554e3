"""Boundary layers and border analytics: how far each incident lies from the Durand Line.

Distances are measured in metres in UTM zone 42N (EPSG:32642), whose central meridian (69°E) runs
through the border region, so scale error stays under half a percent along the line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa

from components.dates import year_span
from components.incidents import killed_sum, listed_places, own_distance
from components.schemas import BOUNDARY_LAYER
from components.validation import Problem, failure_problems, plain_reason

PROJECTED_CRS = 32642
BANDS_KM = (10, 25, 50)
LAYER_COLUMNS = {"countries": ["role"]}  # beyond name and geometry, what the map reads
LAYER_FILES = {
    "countries": "countries.geojson",
    "provinces": "provinces.geojson",
    "former_fata": "former_fata.geojson",
    "durand_line": "durand_line.geojson",
}


@dataclass
class GeoLayers:
    """The bundled vector layers (WGS84) and any problems met reading them."""

    layers: dict[str, gpd.GeoDataFrame]
    problems: list[Problem]

    def __getitem__(self, name: str) -> gpd.GeoDataFrame:
        return self.layers[name]

    def missing(self) -> list[str]:
        """The files of layers with nothing to draw, which the map goes without."""
        return [f"geo/{LAYER_FILES[name]}" for name, layer in self.layers.items() if layer.empty]


def load_layers(geo_dir: Path) -> GeoLayers:
    layers: dict[str, gpd.GeoDataFrame] = {}
    problems: list[Problem] = []
    for name, file in LAYER_FILES.items():
        layers[name], found = load_layer(geo_dir / file, f"geo/{file}", LAYER_COLUMNS.get(name, []))
        problems += found
    return GeoLayers(layers, problems)


def load_layer(path: Path, label: str, columns: list[str]) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """One layer's valid features, and a problem (file, feature, column, reason) for each one left out.

    A file that cannot be read, or lacks a column the map needs, gives an empty layer the map draws without.
    """
    empty = gpd.GeoDataFrame({name: [] for name in ["name", *columns]}, geometry=[], crs=4326)
    try:
        frame = gpd.read_file(path).to_crs(4326)
    except Exception as err:  # pyogrio, fiona and pyproj each raise their own errors for a broken file
        reason = "the file is missing" if not path.exists() else _first_line(err, path, label)
        return empty, [Problem(label, None, None, f"file not used: cannot read it as GeoJSON ({reason})")]
    missing = [name for name in ["name", *columns] if name not in frame.columns]
    if missing:
        return empty, [
            Problem(label, None, name, f"file not used: {plain_reason('column_in_dataframe')}") for name in missing
        ]
    try:
        return BOUNDARY_LAYER.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as err:
        bad = err.failure_cases
    # Features are numbered from 1, as rows are.
    found = [
        Problem(p.file, None if p.row is None else p.row + 1, p.column, p.reason, p.value)
        for p in failure_problems(bad, label)
    ]
    return frame[~frame.index.isin(bad["index"].dropna())], found


def _first_line(err: Exception, path: Path, label: str) -> str:
    """The error's first sentence, naming the file as the Data page does rather than by this machine's path."""
    text = str(err).replace(str(path), label).strip()
    return text.splitlines()[0].split(";")[0][:200] if text else type(err).__name__


def points_frame(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs=4326)


def distance_to_line_km(frame: pd.DataFrame, line: gpd.GeoDataFrame) -> pd.Series:
    """Shortest distance in km from each lat/lon row to the line (0 on the line)."""
    if frame.empty or line.empty:
        return pd.Series(dtype=float, index=frame.index)
    points = points_frame(frame).to_crs(PROJECTED_CRS)
    target = line.to_crs(PROJECTED_CRS).union_all()
    return pd.Series(points.distance(target).to_numpy() / 1000, index=frame.index)


BAND_LABELS = (*(f"≤ {limit} km" for limit in BANDS_KM), f"> {BANDS_KM[-1]} km")  # nearest first


def band_label(km: float) -> str:
    for limit, label in zip(BANDS_KM, BAND_LABELS, strict=False):
        if km <= limit:
            return label
    return BAND_LABELS[-1]


def border_shares(
    events: pd.DataFrame, window: tuple[dt.date, dt.date] | None = None, year_column: str = "year"
) -> pd.DataFrame:
    """Per year: incidents and fatalities within 10/25/50 km of the line, as counts and shares.

    Only incidents with a distance of their own (incidents.own_distance) are banded and divided by;
    `incidents_left_out` counts the year's others, so a year whose incidents are mostly in several places or
    known only to a province (2026's border war: 14 of 24) is not read as a year with few near the line.
    Killed adds the stated totals; `killed_unstated` counts the band's incidents that state none, which add
    nothing (never a zero), so the share of killed is a share of the stated tolls. A band where no incident
    states a total has no killed and no share (missing, not 0: two incidents "within 10 km" stating no toll
    read "0 killed, 0%"); `killed_total_unstated` says how many of the year's incidents the denominator lacks.

    Bands are cumulative (≤25 km includes ≤10 km), as analysts read "within X km". `period` names the span of
    the year the row covers, `window` (the filter's days, cut to the data's) cutting it: "2026 (to 8 Apr)", so
    a partial year is not read as a whole one. `events` needs the columns own_distance reads, `distance_km`,
    `killed` and the year column.
    """
    rows = []
    for year, every in events.assign(measured=own_distance(events)).groupby(year_column):
        group = every[every["measured"]]
        total_n = len(group)
        year_killed = killed_sum(group["killed"])
        for limit in BANDS_KM:
            near = killed_sum(group.loc[group["distance_km"] <= limit, "killed"])
            rows.append(
                {
                    "year": int(year),
                    "period": year_span(int(year), *(window or (None, None))),
                    "within_km": limit,
                    "incidents": near.incidents,
                    "incidents_total": total_n,
                    "incidents_left_out": len(every) - total_n,
                    "incident_share": near.incidents / total_n if total_n else float("nan"),
                    "killed": near.killed if near.stated else pd.NA,
                    "killed_unstated": near.unstated,
                    "killed_total": year_killed.killed if year_killed.stated else pd.NA,
                    "killed_total_unstated": year_killed.unstated,
                    "killed_share": near.killed / year_killed.killed
                    if near.stated and year_killed.stated and year_killed.killed
                    else float("nan"),
                }
            )
    return pd.DataFrame(rows).astype({"killed": "Int64", "killed_total": "Int64"}) if rows else pd.DataFrame(rows)


LEFT_OUT_NAMED_ABOVE = 1 / 3  # a year whose bands leave out more than this share of its incidents is named


def years_left_out(events: pd.DataFrame, window: tuple[dt.date, dt.date] | None = None) -> list[str]:
    """A sentence for each year whose bands leave out more than a third of its incidents: why they have no
    distance, and how many of its cross-border events are among them. Beside the others 2026 (to 16 Mar) read
    as the year with the fewest incidents near the line, its bars counting 10 of 24 and 1 of 14 cross-border."""
    sentences = []
    flagged = events.assign(measured=own_distance(events), several=listed_places(events).notna())
    for year, every in flagged.groupby("year"):
        left = every[~every["measured"]]
        if len(left) <= len(every) * LEFT_OUT_NAMED_ABOVE:
            continue
        several = int(left["several"].sum())
        why = [
            f"{several} placed by their sources in several places (drawn at one)" * bool(several),
            f"{len(left) - several} known only to their province (drawn at its capital)" * (len(left) > several),
        ]
        other = (
            f"The other {len(left)} have no distance of their own"
            if len(left) > 1
            else "One has no distance of its own"
        )
        sentence = (
            f"{year_span(int(year), *(window or (None, None)))}: the bands count {len(every) - len(left)} of its "
            f"{len(every)} incident{'s' * (len(every) > 1)}. {other}: "
            + " and ".join(part for part in why if part)
            + "."
        )
        cross, cross_left = int(every["cross_border"].sum()), int(left["cross_border"].sum())
        if cross_left:
            kinds = "(strikes across the line, border clashes and cross-border fire)"
            if cross_left == cross:  # not "1 of its 1 cross-border event"
                whose = {1: f"Its one cross-border event {kinds} is", 2: f"Both its cross-border events {kinds} are"}
                whose = whose.get(cross, f"All {cross} of its cross-border events {kinds} are")
                share = "all"
            else:
                whose = f"{cross_left} of its {cross} cross-border events {kinds} {'is' if cross_left == 1 else 'are'}"
                share = "most" if 2 * cross_left > cross else ""
            sentence += (
                f" {whose} among them"
                + (f", so its bars leave out {share} of its fighting across the line" if share else "")
                + "."
            )
        sentences.append(sentence)
    return sentences


def whole_years(shares: pd.DataFrame) -> bool:
    """Whether every row of border_shares covers its whole year: only then do its headers say "the year"."""
    return bool((shares["period"] == shares["year"].astype(str)).all())
