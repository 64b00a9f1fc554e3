"""Checks a row must pass against other rows and files, which one table's schema cannot make.

Run on the rows a curator adds (components/update.py): the crossing a status period names is listed in
crossings.csv, a tracker period runs exactly one month, quarter, half or year, a source's publication day is a
real day not after today (it may move data_as_of), a page that shows no date says why in `notes`, a source is a
real page rather than a placeholder address, and the accounts of one incident agree on when and where.
tests/test_update.py holds every bundled row to the same rules.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

import pandas as pd

from components.crossings import ALL_CROSSINGS
from components.dates import published_day
from components.trends import CADENCE_MONTHS
from components.validation import Problem

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost")
# Accounts may date a night attack to either side of midnight, or a days-long clash to the day of the report;
# a week apart means two incidents were merged.
ACCOUNT_SPREAD_DAYS = 7


def added_row_problems(
    frame: pd.DataFrame, added: set[int], file: str, crossing_ids: set[str] | None = None
) -> list[Problem]:
    """Problems of the added rows (their `source_row`) of one validated table, judged with every row of it."""
    rows = frame[frame["source_row"].isin(added)]
    problems = []
    for row in rows.to_dict("records"):
        where = (file, int(row["source_row"]))
        problems += _source_problems(row, where)
        if "period_type" in row:
            problems += _period_problems(row, where)
        if "crossing_id" in row and "start_date" in row and crossing_ids is not None:
            problems += _crossing_problems(row, where, crossing_ids)
        if "incident_id" in row and "account" in row:
            problems += _account_problems(row, frame[frame["incident_id"] == row["incident_id"]], where)
    return problems


def _source_problems(row: dict, where: tuple[str, int]) -> list[Problem]:
    out = []
    url = row.get("source_url")
    if isinstance(url, str) and urlparse(url).hostname in PLACEHOLDER_HOSTS:
        out.append(Problem(*where, "source_url", "a placeholder address; give the page that states the row", url))
    if "source_published" not in row:
        return out
    published = row["source_published"]
    if not isinstance(published, str):
        # A schema with a declared published_note column checks the reason itself.
        if "published_note" not in row and not isinstance(row.get("notes"), str):
            reason = "source_published is blank, so notes must say why (page shows no date)"
            out.append(Problem(*where, "notes", reason))
        return out
    day = published_day(published)
    if day is None:
        out.append(Problem(*where, "source_published", "not a real day or month", published))
    elif day > dt.date.today():
        out.append(Problem(*where, "source_published", "date in the future", published))
    return out


def _period_problems(row: dict, where: tuple[str, int]) -> list[Problem]:
    start, end, months = row["period_start"], row["period_end"], CADENCE_MONTHS[row["period_type"]]
    expected = start + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    if start.day != 1 or (start.month - 1) % months:
        reason = f"not the first day of a {row['period_type']}"
        return [Problem(*where, "period_start", reason, f"{start:%Y-%m-%d}")]
    if end != expected:
        reason = f"a {row['period_type']} starting {start:%Y-%m-%d} ends {expected:%Y-%m-%d}"
        return [Problem(*where, "period_end", reason, f"{end:%Y-%m-%d}")]
    return []


def _crossing_problems(row: dict, where: tuple[str, int], crossing_ids: set[str]) -> list[Problem]:
    if row["crossing_id"] in crossing_ids or row["crossing_id"] == ALL_CROSSINGS:
        return []
    reason = f"not a crossing_id of crossings.csv (nor '{ALL_CROSSINGS}'); add the crossing there first"
    return [Problem(*where, "crossing_id", reason, row["crossing_id"])]


def _account_problems(row: dict, accounts: pd.DataFrame, where: tuple[str, int]) -> list[Problem]:
    """The incident_id's date lies within the days its accounts give, which lie within a week, in one country
    unless every account is of a cross-border event."""
    out = []
    first, last = accounts["date"].min(), accounts["date_end"].fillna(accounts["date"]).max()
    id_day = pd.to_datetime(row["incident_id"][:8], format="%Y%m%d", errors="coerce")
    if pd.isna(id_day) or not first <= id_day <= last:
        reason = f"its date is outside the days its accounts give ({first:%Y-%m-%d} to {last:%Y-%m-%d})"
        out.append(Problem(*where, "incident_id", reason, row["incident_id"]))
    if (accounts["date"].max() - first).days > ACCOUNT_SPREAD_DAYS:
        reason = f"more than {ACCOUNT_SPREAD_DAYS} days from another account of {row['incident_id']}"
        out.append(Problem(*where, "date", reason, f"{row['date']:%Y-%m-%d}"))
    if accounts["country"].nunique() > 1 and not accounts["cross_border"].all():
        reason = f"another account of {row['incident_id']} names another country, and not all are cross_border"
        out.append(Problem(*where, "country", reason, row["country"]))
    return out
