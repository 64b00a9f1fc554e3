"""Border crossings and their status on a given day."""

from __future__ import annotations

import datetime as dt

import pandas as pd

ALL_CROSSINGS = "all"  # crossing_id of a period a source states for every crossing at once


def per_crossing(periods: pd.DataFrame, crossings: pd.DataFrame) -> pd.DataFrame:
    """Periods with 'all' spelled out as one row per listed crossing."""
    every = periods[periods["crossing_id"] == ALL_CROSSINGS]
    if every.empty:
        return periods
    spelled = every.drop(columns="crossing_id").merge(crossings[["crossing_id"]], how="cross")
    return pd.concat([periods[periods["crossing_id"] != ALL_CROSSINGS], spelled], ignore_index=True)


def status_on(crossings: pd.DataFrame, periods: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Each crossing with the status in force on `day` ('unknown' if no recorded period covers it).

    When periods overlap (say a closure inside an 'open' period), the one that started last wins.
    """
    stamp = pd.Timestamp(day)
    periods = per_crossing(periods, crossings)
    current = periods[
        (periods["start_date"] <= stamp) & (periods["end_date"].isna() | (periods["end_date"] >= stamp))
    ].sort_values("start_date")
    latest = current.drop_duplicates("crossing_id", keep="last")
    latest = latest[["crossing_id", "status", "start_date", "reason", "source_name", "source_url"]]
    out = crossings.merge(latest, on="crossing_id", how="left", suffixes=("", "_status"))
    out["status"] = out["status"].fillna("unknown")
    return out


def status_bands(periods: pd.DataFrame, crossings: pd.DataFrame, until: dt.date) -> pd.DataFrame:
    """Status periods with open ends closed at `until`, named for a timeline of bands."""
    names = crossings.set_index("crossing_id")["name"]
    bands = per_crossing(periods, crossings).copy()
    bands["open_ended"] = bands["end_date"].isna()
    bands["end_date"] = bands["end_date"].fillna(pd.Timestamp(until))
    bands["crossing"] = bands["crossing_id"].map(names).fillna(bands["crossing_id"])
    return bands
