"""Border crossings and their status on a given day.

Sources often report a new status without ending the previous one (a closure announced while a
"restricted" period is still open), so periods overlap. One rule settles every day, on the map and on
the timeline alike: among the periods covering a day, the one that started last is in force. A status is
carried on until a source reports a change, so each status also says when a source last reported it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.dates import format_day, format_days_or, format_published
from components.vocabulary import SOURCE_KINDS

ALL_CROSSINGS = "all"  # crossing_id of a period a source states for every crossing at once
ONE_DAY = pd.Timedelta(days=1)
# Accounts of one closure date its start a day or two apart (a night attack either side of midnight, the day
# the gates shut or the day it was announced, a recount months later), so rows of a run's status that start
# within this many days of its first day (that day and the two after it) are accounts of that same start, and
# when they differ every day they give is shown ("since 10, 11 or 12 Oct 2025"), not the earliest alone. A
# later row is news of its own, such as the customs board's transit suspension of 16 Oct 2025 six days into
# the closure, and is not one of them.
SAME_START_DAYS = 3


def per_crossing(periods: pd.DataFrame, crossings: pd.DataFrame) -> pd.DataFrame:
    """The periods of the listed `crossings` (a province filter's, crossings.in_provinces), in file order, with
    'all' spelled out as one row per listed crossing: a crossing not listed has no band and no status."""
    own = periods[periods["crossing_id"].isin(crossings["crossing_id"])]
    every = periods[periods["crossing_id"] == ALL_CROSSINGS]
    if every.empty:
        return own
    spelled = every.drop(columns="crossing_id").merge(crossings[["crossing_id"]], how="cross")
    return pd.concat([own, spelled], ignore_index=True)


def in_provinces(crossings: pd.DataFrame, provinces: tuple[str, ...]) -> pd.DataFrame:
    """The crossings a province filter keeps, on every map, key and slide: those with a side (`pk_province` or
    `af_province`) in a selected province, all with none selected. A crossing is a place, like an incident: a
    Balochistan briefing listed the eight gates of Khyber Pakhtunkhwa as "9 of 10 border crossings closed"."""
    if not provinces:
        return crossings
    return crossings[crossings["pk_province"].isin(provinces) | crossings["af_province"].isin(provinces)]


def provinces_text(provinces: tuple[str, ...]) -> str:
    """' in Balochistan', ' in Punjab or Sindh' (the filter's provinces), '' for none selected."""
    if not provinces:
        return ""
    return " in " + (" or ".join(provinces) if len(provinces) <= 3 else f"{len(provinces)} selected provinces")


def none_in_text(crossings: pd.DataFrame, provinces: tuple[str, ...]) -> str:
    """'No border crossing in Punjab: the 10 listed are in Khyber Pakhtunkhwa and Balochistan', so a province
    without one reads as such, not as an empty table or a map with no gates."""
    sides = list(crossings["pk_province"].dropna().unique())
    where = f" are in {' and '.join(sides)}" if sides else ""
    return f"No border crossing{provinces_text(provinces)}: the {len(crossings)} listed{where}"


def _in_force(periods: pd.DataFrame, stamp: pd.Timestamp) -> pd.DataFrame:
    """One row per crossing: the period covering `stamp` that started last (the later row on a tie)."""
    current = periods[
        (periods["start_date"] <= stamp) & (periods["end_date"].isna() | (periods["end_date"] >= stamp))
    ].sort_values("start_date", kind="stable")
    return current.drop_duplicates("crossing_id", keep="last")


def status_on(crossings: pd.DataFrame, periods: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Each crossing with the status in force on `day` ('unknown' if no recorded period covers it).

    `start_date` is when that status began without a break: periods of one status that follow or overlap
    one another are one run (a closure of every crossing restated by later reports is still the closure
    that began first). `start_dates` are the days the run's rows give for that start, `reason` and the
    source the best-sourced account of it, and `last_reported` the run's latest report (_run_accounts).
    """
    periods = periods.reindex(columns=[*periods.columns.drop("source_kind", errors="ignore"), "source_kind"])
    columns = ["crossing_id", "status", "start_date"]
    steps = _steps(periods, crossings, day)
    runs = steps.groupby(_run_ids(steps, "status")).agg(
        **{column: (column, "first") for column in [*columns, *ACCOUNT]}, draw_end=("draw_end", "last")
    )
    current = runs[runs["draw_end"] == pd.Timestamp(day) + ONE_DAY]
    current = current[columns].merge(_run_accounts(per_crossing(periods, crossings), current, day), on="crossing_id")
    out = crossings.merge(current, on="crossing_id", how="left", suffixes=("", "_status"))
    out["status"] = out["status"].fillna("unknown")
    return out


ACCOUNT = ["reason", "source_name", "source_url", "source_kind"]  # what a row says of a status, and who says it


def _run_accounts(rows: pd.DataFrame, runs: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Per run in force on `day` (with the ACCOUNT of the row in force on its first day), what its rows (that
    status, for that crossing or all, overlapping the run) say:
    - `start_dates`: its first day and the other starts they give within SAME_START_DAYS of it, in order;
    - `reason`, `source_name`, `source_url` and `status_source_kind`: the best-sourced account of that start
      (_best_sourced): the first day's row unless a row giving the start has a better kind of source. A
      repost dated the closure's first day gave the reason while The Express Tribune's account was in the file;
    - `last_reported` (with `last_reported_source`, `_url` and `_kind`): the latest `source_published`, blank
      when no row is dated (a row with a `published_note` instead does not count). A month-only date
      ("2025-12") ranks below that month's days, so no report is made later than its source.
    """
    starts = runs[["crossing_id", "status", "start_date"]].rename(columns={"start_date": "run_start"})
    rows = rows.assign(until=_superseded_on(rows)).merge(starts, on=["crossing_id", "status"])
    rows = rows[
        (rows["start_date"] <= pd.Timestamp(day))
        & (rows["end_date"].isna() | (rows["end_date"] >= rows["run_start"]))
        & (
            rows["until"].isna()
            | (rows["until"] >= rows["run_start"])
            | (rows["source_published"].fillna("") >= rows["run_start"].dt.strftime("%Y-%m-%d"))
        )
    ]
    early = rows[rows["start_date"].between(rows["run_start"], rows["run_start"] + (SAME_START_DAYS - 1) * ONE_DAY)]
    given = early.groupby("crossing_id")["start_date"].agg(set)
    in_order = early.sort_values("start_date", kind="stable")
    candidates = pd.concat([runs[["crossing_id", *ACCOUNT]], in_order[["crossing_id", *ACCOUNT]]])
    account = _best_sourced(candidates).drop_duplicates("crossing_id").set_index("crossing_id")[ACCOUNT]
    account = account.rename(columns={"source_kind": "status_source_kind"})
    reports = rows.dropna(subset=["source_published"]).sort_values("source_published", kind="stable")
    reports = reports.drop_duplicates("crossing_id", keep="last").set_index("crossing_id")
    reported = {"source_published": "last_reported", "source_name": "last_reported_source"}
    reported |= {"source_url": "last_reported_url", "source_kind": "last_reported_kind"}
    reports = reports[list(reported)].rename(columns=reported)
    accounts = starts.set_index("crossing_id").join(account).join(reports)
    accounts["start_dates"] = [
        tuple(sorted(given.get(crossing_id, set()) | {first})) for crossing_id, first in accounts["run_start"].items()
    ]
    return accounts.drop(columns=["status", "run_start"]).reset_index()


def _superseded_on(rows: pd.DataFrame) -> pd.Series:
    """Per row, the first day a row of another status for the same crossing starts after it (NaT if none): an
    open-ended report published before then speaks for its status only until then. Kharlachi's "open" of 1 Oct
    2024 (The News), closed again on 12 Oct, was read as the last report of the opening of 9 May 2025."""
    pairs = rows.reset_index().merge(
        rows[["crossing_id", "status", "start_date"]], on="crossing_id", suffixes=("", "_next")
    )
    later = pairs[(pairs["status_next"] != pairs["status"]) & (pairs["start_date_next"] > pairs["start_date"])]
    return later.groupby("index")["start_date_next"].min().reindex(rows.index)


def _best_sourced(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows in the order their source is preferred: by kind (SOURCE_KINDS' order, an unregistered one last),
    then in the order given (the first day's row, then the earliest start)."""
    rank = rows["source_kind"].map({code: place for place, code in enumerate(SOURCE_KINDS.codes)})
    return rows.assign(_rank=rank.fillna(len(SOURCE_KINDS))).sort_values("_rank", kind="stable").drop(columns="_rank")


def since_text(start_dates) -> str:
    """'1 Nov 2025', or '10, 11 or 12 Oct 2025' when the accounts of a start (SAME_START_DAYS) differ; '' for none."""
    return format_days_or([day.date() for day in start_dates]) if isinstance(start_dates, tuple) else ""


NO_DATED_REPORT = "no dated report"  # a status none of whose rows shows its publication date


def reported_text(published, words: str) -> str:
    """'last reported 18 Feb 2026' (`words` and the date as the file gives it), or NO_DATED_REPORT."""
    return f"{words} {format_published(published)}" if pd.notna(published) else NO_DATED_REPORT


def in_force_text(day: dt.date, words: str = "in force") -> str:
    """'in force on 30 Jun 2025 (the period's end)': the day the map, its key and the crossings slide take each
    status on (a sentence's start passes `words` "In force"), so a slide of the first half of 2025 does not show
    the closures of that October."""
    return f"{words} on {format_day(day)} (the period's end)"


def placement_note(crossings: pd.DataFrame) -> str:
    """Which crossings a map draws at an approximate position and which it cannot draw (no coordinates):
    the live map's tooltip said "approximate", a slide or a printed map did not (Badini sits at Qila
    Saifullah, some 90 km from the line), and "10 crossings" showed 8 gates."""
    approximate = crossings.loc[crossings["coord_precision"] == "approximate", "name"]
    unplaced = crossings.loc[crossings["lat"].isna() | crossings["lon"].isna(), "name"]
    parts = [
        f"approximate position: {', '.join(approximate)}" * bool(len(approximate)),
        f"no position, not drawn: {', '.join(unplaced)}" * bool(len(unplaced)),
    ]
    return "; ".join(part for part in parts if part)


def gates_text(crossings: pd.DataFrame, provinces: tuple[str, ...], day: dt.date) -> str:
    """The map slide's words on its gates: 'crossings in Balochistan in force on ... (the period's end);
    approximate position: Badini', or that the selected provinces have no crossing."""
    kept = in_provinces(crossings, provinces)
    if kept.empty and provinces:
        return none_in_text(crossings, provinces)
    placed = placement_note(kept)
    return f"crossings{provinces_text(provinces)} {in_force_text(day)}" + f"; {placed}" * bool(placed)


def latest_report(status: pd.DataFrame) -> str | None:
    """The latest `last_reported` of the statuses shown (as the file gives it, a month below its days), None if
    none is dated."""
    dated = status["last_reported"].dropna()
    return max(dated) if not dated.empty else None


def _steps(periods: pd.DataFrame, crossings: pd.DataFrame, until: dt.date) -> pd.DataFrame:
    """The period in force at each crossing piece by piece, by crossing and day: a piece runs from a day
    some period starts or ends (`start_date`) to the next such day (`draw_end`), the last to `until`;
    `period` numbers the row in force, whose own columns the piece keeps."""
    stop = pd.Timestamp(until)
    spelled = per_crossing(periods, crossings)
    spelled = spelled[spelled["start_date"] <= stop].reset_index(drop=True).rename_axis("period").reset_index()
    if spelled.empty:
        return spelled.assign(draw_end=spelled["start_date"])
    cuts = pd.concat([spelled["start_date"], spelled["end_date"].dropna() + ONE_DAY])
    days = sorted(day for day in cuts.unique() if day <= stop)
    pieces = []
    for first, after in zip(days, [*days[1:], stop + ONE_DAY], strict=True):
        pieces.append(_in_force(spelled, first).assign(start_date=first, draw_end=after))
    return pd.concat(pieces, ignore_index=True).sort_values(["crossing_id", "start_date"], kind="stable")


def _run_ids(steps: pd.DataFrame, same: str) -> pd.Series:
    """One number per run of abutting pieces of one crossing that agree on `same` ('period' or 'status')."""
    joined = (
        steps["crossing_id"].eq(steps["crossing_id"].shift())
        & steps[same].eq(steps[same].shift())
        & steps["start_date"].eq(steps["draw_end"].shift())
    )
    return (~joined).cumsum()


def status_bands(periods: pd.DataFrame, crossings: pd.DataFrame, until: dt.date) -> pd.DataFrame:
    """Non-overlapping bands per crossing, each the status in force from `start_date` to `end_date`.

    Days are cut wherever a period starts or ends, each day takes the status of `_in_force`, and runs
    of one status from one period are joined. A period still open ends at `until` ("data as of") and is
    flagged `open_ended`; `draw_end` is the day after `end_date`, so adjacent bands meet on a chart.
    """
    columns = ["crossing_id", "crossing", "status", "start_date", "end_date", "draw_end", "open_ended", "reason"]
    stop = pd.Timestamp(until)
    steps = _steps(periods, crossings, until)
    if steps.empty:  # typed, so callers can still compare dates
        dates = ("start_date", "end_date", "draw_end")
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c in dates else object) for c in columns})
    bands = steps.groupby(_run_ids(steps, "period")).agg(
        crossing_id=("crossing_id", "first"),
        status=("status", "first"),
        start_date=("start_date", "first"),
        draw_end=("draw_end", "last"),
        period_end=("end_date", "first"),
        reason=("reason", "first"),
    )
    bands["end_date"] = bands["draw_end"] - ONE_DAY
    bands["open_ended"] = bands["period_end"].isna() & (bands["end_date"] == stop)
    bands["crossing"] = (
        bands["crossing_id"].map(crossings.set_index("crossing_id")["name"]).fillna(bands["crossing_id"])
    )
    return bands[columns].reset_index(drop=True)
