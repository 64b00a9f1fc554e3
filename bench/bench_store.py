"""Which in-memory store is fastest for the app's filter + aggregation step: chosen by measurement, not by habit.

    python -m bench.bench_store [--rows 1000000]
    pip install -r requirements-bench.txt   # polars and duckdb; without them they show as "not installed"

Builds the events frame the app uses (a synthetic ACLED file from bench.synthetic_events, imported with
components.imports.import_events, as bench.bench_scale does), then runs the same work in each engine:
keep 2024-01-01..2025-12-31 and one province, then (a) events and killed per 0.25° grid cell and
(b) events per month. Engines: pandas as loaded (NumPy numbers; pandas 3 keeps text Arrow-backed),
pandas with every column Arrow-backed, polars and duckdb (an Arrow table registered once). Conversion is
timed apart from the queries; query times are the median of 5 runs after one warm-up. All engines must
return the same cells, counts and killed sums; a mismatch is printed loudly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench.synthetic_events import acled_frame, write_csv
from components.geo import load_layers
from components.imports import import_events
from components.paths import GEO_DIR

START, END = dt.date(2024, 1, 1), dt.date(2025, 12, 31)
PROVINCE = "Khyber Pakhtunkhwa"
CELL = 0.25
RUNS = 5


def events_frame(rows: int) -> pd.DataFrame:
    """The app's events frame for a synthetic ACLED file of `rows` rows (as bench.bench_scale builds it)."""
    durand_line = load_layers(GEO_DIR)["durand_line"]
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(acled_frame(rows), Path(folder) / f"acled_{rows}.csv")
        return import_events(path.read_bytes(), path.name, durand_line).events


def _timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def _median_time(action) -> tuple[object, float]:
    action()  # warm-up
    times = [_timed(action)[1] for _ in range(RUNS)]
    return action(), statistics.median(times)


# Each engine returns (convert, grid, monthly, memory): `convert` builds its store from the pandas frame,
# `grid(store)` and `monthly(store)` run the queries, and the results are normalised to plain dicts by
# grid_dict / monthly_dict outside the timing.


def pandas_engine(arrow: bool):
    def convert(events):
        return events.convert_dtypes(dtype_backend="pyarrow") if arrow else events

    def shown(frame):
        dates = frame["date"]
        keep = (dates >= pd.Timestamp(START)) & (dates < pd.Timestamp(END) + pd.Timedelta(days=1))
        keep &= frame["province"] == PROVINCE
        return frame[keep]

    def grid(frame):
        rows = shown(frame)
        gy = np.floor(rows["lat"].to_numpy(dtype="float64") / CELL)
        gx = np.floor(rows["lon"].to_numpy(dtype="float64") / CELL)
        cells = pd.DataFrame({"gy": gy, "gx": gx, "killed": rows["killed"].fillna(0).to_numpy(dtype="int64")})
        return cells.groupby(["gy", "gx"], sort=False)["killed"].agg(["size", "sum"])

    def monthly(frame):
        dates = shown(frame)["date"]
        return dates.groupby([dates.dt.year, dates.dt.month]).size()

    def memory(frame):
        return frame.memory_usage(deep=True).sum()

    return convert, grid, monthly, memory


def polars_engine():
    import polars as pl

    def convert(events):
        return pl.from_pandas(events)

    def shown(frame):
        return frame.filter(
            (pl.col("date") >= START) & (pl.col("date") < END + dt.timedelta(days=1)) & (pl.col("province") == PROVINCE)
        )

    def grid(frame):
        return (
            shown(frame)
            .group_by((pl.col("lat") / CELL).floor().alias("gy"), (pl.col("lon") / CELL).floor().alias("gx"))
            .agg(pl.len().alias("size"), pl.col("killed").fill_null(0).sum().alias("sum"))
        )

    def monthly(frame):
        dates = pl.col("date")
        return shown(frame).group_by(dates.dt.year().alias("y"), dates.dt.month().alias("m")).agg(pl.len())

    def memory(frame):
        return frame.estimated_size()

    return convert, grid, monthly, memory


def duckdb_engine():
    import duckdb
    import pyarrow as pa

    where = f"date >= DATE '{START}' AND date < DATE '{END + dt.timedelta(days=1)}' AND province = '{PROVINCE}'"

    def convert(events):
        connection = duckdb.connect()
        connection.register("events", pa.Table.from_pandas(events, preserve_index=False))
        return connection

    def grid(connection):
        return connection.execute(
            f"SELECT floor(lat / {CELL}) AS gy, floor(lon / {CELL}) AS gx, count(*), sum(coalesce(killed, 0)) "
            f"FROM events WHERE {where} GROUP BY ALL"
        ).fetchall()

    def monthly(connection):
        return connection.execute(
            f"SELECT year(date), month(date), count(*) FROM events WHERE {where} GROUP BY ALL"
        ).fetchall()

    return convert, grid, monthly, None


def grid_dict(result) -> dict:
    if isinstance(result, pd.DataFrame):
        return {key: (int(row["size"]), int(row["sum"])) for key, row in result.iterrows()}
    if isinstance(result, list):
        return {(float(gy), float(gx)): (int(n), int(k)) for gy, gx, n, k in result}
    return {(float(gy), float(gx)): (int(n), int(k)) for gy, gx, n, k in result.iter_rows()}


def monthly_dict(result) -> dict:
    if isinstance(result, pd.Series):
        return {(int(y), int(m)): int(n) for (y, m), n in result.items()}
    rows = result if isinstance(result, list) else result.iter_rows()
    return {(int(y), int(m)): int(n) for y, m, n in rows}


ENGINES = {
    "pandas (as loaded)": lambda: pandas_engine(arrow=False),
    "pandas (pyarrow)": lambda: pandas_engine(arrow=True),
    "polars": polars_engine,
    "duckdb (Arrow)": duckdb_engine,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    events, build_s = _timed(lambda: events_frame(args.rows))
    print(f"{args.rows:,} rows in file -> {len(events):,} events (import {build_s:.1f} s); median of {RUNS} runs")
    print(f"{'engine':<20} {'convert s':>9} {'filter+grid s':>13} {'filter+monthly s':>16} {'frame MB':>9}")
    reference, mismatched = None, []
    for name, make in ENGINES.items():
        try:
            convert, grid, monthly, memory = make()
        except ImportError:
            print(f"{name:<20} not installed")
            continue
        store, convert_s = _timed(lambda convert=convert: convert(events))
        cells, grid_s = _median_time(lambda grid=grid, store=store: grid(store))
        months, monthly_s = _median_time(lambda monthly=monthly, store=store: monthly(store))
        size = f"{memory(store) / 1e6:>9.0f}" if memory else f"{'–':>9}"
        print(f"{name:<20} {convert_s:>9.3f} {grid_s:>13.4f} {monthly_s:>16.4f} {size}")
        cells, months = grid_dict(cells), monthly_dict(months)
        summary = (len(cells), sum(n for n, _ in cells.values()), sum(k for _, k in cells.values()), len(months))
        if reference is None:
            reference = (name, summary, cells, months)
        elif (summary, cells, months) != reference[1:]:
            mismatched.append(name)
            print(
                f"!!! MISMATCH: {name} gives (cells, events, killed, months) = {summary}, {reference[0]} {reference[1]}"
            )
    if reference:
        cells, events_n, killed, months = reference[1]
        verdict = f"!!! MISMATCH in {', '.join(mismatched)}" if mismatched else "every engine gives the same cells"
        print(f"results: {cells} cells, {events_n:,} events, {killed:,} killed, {months} months; {verdict}")


if __name__ == "__main__":
    main()
