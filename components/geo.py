"""Boundary layers and border analytics: how far each incident lies from the Durand Line.

Distances are measured in metres in UTM zone 42N (EPSG:32642), whose central meridian (69°E) runs
through the border region, so scale error stays under half a percent along the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa

from components.schemas import BOUNDARY_LAYER
from components.validation import Problem

PROJECTED_CRS = 32642
BANDS_KM = (10, 25, 50)
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


def load_layers(geo_dir: Path) -> GeoLayers:
    layers: dict[str, gpd.GeoDataFrame] = {}
    problems: list[Problem] = []
    for name, file in LAYER_FILES.items():
        label = f"geo/{file}"
        try:
            frame = gpd.read_file(geo_dir / file).to_crs(4326)
            layers[name] = BOUNDARY_LAYER.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as err:
            bad = err.failure_cases
            for case in bad.itertuples(index=False):
                row = None if case.index is None or pd.isna(case.index) else int(case.index) + 1
                problems.append(Problem(label, row, case.column, str(case.check)))
            keep = ~frame.index.isin(bad["index"].dropna())
            layers[name] = frame[keep]
        except Exception as err:
            problems.append(Problem(label, None, None, f"file not used: {err}"))
            layers[name] = gpd.GeoDataFrame({"name": []}, geometry=[], crs=4326)
    return GeoLayers(layers, problems)


def points_frame(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs=4326)


def distance_to_line_km(frame: pd.DataFrame, line: gpd.GeoDataFrame) -> pd.Series:
    """Shortest distance in km from each lat/lon row to the line (0 on the line)."""
    if frame.empty or line.empty:
        return pd.Series(dtype=float, index=frame.index)
    points = points_frame(frame).to_crs(PROJECTED_CRS)
    target = line.to_crs(PROJECTED_CRS).union_all()
    return pd.Series(points.distance(target).to_numpy() / 1000, index=frame.index)


def band_label(km: float) -> str:
    for limit in BANDS_KM:
        if km <= limit:
            return f"≤ {limit} km"
    return f"> {BANDS_KM[-1]} km"


def border_shares(events: pd.DataFrame, year_column: str = "year") -> pd.DataFrame:
    """Per year: incidents and fatalities within 10/25/50 km of the line, as counts and shares.

    Bands are cumulative (≤25 km includes ≤10 km), as analysts read "within X km".
    `events` needs `distance_km`, `killed` and the year column.
    """
    rows = []
    for year, group in events.groupby(year_column):
        total_n = len(group)
        total_killed = group["killed"].fillna(0).sum()
        for limit in BANDS_KM:
            near = group[group["distance_km"] <= limit]
            killed = near["killed"].fillna(0).sum()
            rows.append(
                {
                    "year": int(year),
                    "within_km": limit,
                    "incidents": len(near),
                    "incidents_total": total_n,
                    "incident_share": len(near) / total_n if total_n else float("nan"),
                    "killed": int(killed),
                    "killed_total": int(total_killed),
                    "killed_share": killed / total_killed if total_killed else float("nan"),
                }
            )
    return pd.DataFrame(rows)
