"""The diplomacy-and-violence timeline, assembled from the dataset for a period."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.charts import timeline_chart
from components.crossings import in_provinces, status_bands, status_on
from components.data_age import Coverage, chart_title
from components.dataset import Dataset
from components.event_words import events_noun, killed_basis
from components.trends import HEADLINE, NATIONAL, NOT_FOUND, monthly_on_calendar
from components.vocabulary import CROSSING_STATUSES, DIPLOMACY_TRACKS, family_label

# The headline tracker's series (trends.HEADLINE, as on the cards and the trend), national: one counting layer
# on the whole axis. Its months end where the file's figures of that layer end, whatever other layers hold later.
VIOLENCE_SERIES = (*HEADLINE, NATIONAL, "deaths_total")
VIOLENCE_LABEL = "Deaths in militant attacks per month (PICSS)"
DOTS_LIMIT = 3_000  # an imported file can hold far more events than a chart can show one by one


def timeline_figure(
    data: Dataset,
    diplomacy: pd.DataFrame,
    events: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    events_covered: Coverage | None = None,
    imported: bool = False,
    provinces: tuple[str, ...] = (),
):
    """Chart of `diplomacy` rows and `events` between start and end, with monthly deaths and crossing bands.

    A panel whose data stop inside the period says so in its title, so the missing months or days do not
    read as a fall to zero.
    """
    violence, published, gaps = deaths_drawn(data, start, end)
    bands = bands_drawn(data, start, end, provinces)
    title = f"{events_noun(imported).capitalize()} (killed, {killed_basis(imported)})"
    if len(events) > DOTS_LIMIT:
        title = f"The {DOTS_LIMIT:,} deadliest of {len(events):,} events (killed)"
    events = incidents_drawn(events)
    title = chart_title(title, events_covered, start, end)
    return timeline_chart(
        diplomacy.assign(track_label=diplomacy["track"].map(DIPLOMACY_TRACKS.labels)),
        violence,
        [chart_title(VIOLENCE_LABEL, published, start, end), *partial_months(violence, start, end)],
        gaps,
        events.assign(family=events["event_type"].map(family_label)),
        title,
        bands,
        start,
        end,
    )


def deaths_drawn(data: Dataset, start: dt.date, end: dt.date) -> tuple[pd.DataFrame, Coverage | None, pd.DataFrame]:
    """The monthly deaths bars of the period, the months the tracker published, and the months it left out."""
    violence = monthly_on_calendar(data.figures, *VIOLENCE_SERIES)
    published = (
        None if violence.empty else Coverage(violence["month_start"].min().date(), violence["month_end"].max().date())
    )
    violence = violence[(violence["month_end"].dt.date >= start) & (violence["month_start"].dt.date <= end)]
    return violence, published, unpublished_months(violence, published, start, end)


def bands_drawn(data: Dataset, start: dt.date, end: dt.date, provinces: tuple[str, ...] = ()) -> pd.DataFrame:
    """The crossing-status bands of the period, each with its crossing's latest report: of the crossings the
    sidebar's provinces keep (crossings.in_provinces), as on the maps and slides."""
    as_of = data.data_as_of or dt.date.today()
    bands = status_bands(data["crossing_status"], in_provinces(data["crossings"], provinces), as_of)
    bands = bands[(bands["end_date"].dt.date >= start) & (bands["start_date"].dt.date <= end)]
    # A status drawn on to the data date names its latest report (Torkham closed to 8 Apr 2026, last reported
    # 18 Feb): the tooltip gave the data date only.
    reported = status_on(data["crossings"], data["crossing_status"], as_of).set_index("crossing_id")["last_reported"]
    return bands.assign(last_reported=bands["crossing_id"].map(reported))


def incidents_drawn(events: pd.DataFrame) -> pd.DataFrame:
    """The incidents the chart draws: all of them, or the DOTS_LIMIT deadliest of a larger imported file."""
    return events.nlargest(DOTS_LIMIT, "killed") if len(events) > DOTS_LIMIT else events


def deaths_table(data: Dataset, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The deaths panel's bars as numbers, one row a month, with the months drawn as 'no figure found'."""
    violence, _, gaps = deaths_drawn(data, start, end)
    bars = pd.DataFrame(
        {"Month": violence["month_start"].dt.strftime("%b %Y"), "Deaths (PICSS)": violence["value"], "Note": ""}
    )
    missing = pd.DataFrame(
        {"Month": gaps["month_mid"].dt.strftime("%b %Y"), "Deaths (PICSS)": float("nan"), "Note": gaps["note"]}
    )
    months = pd.concat([violence["month_start"], gaps["month_mid"]], ignore_index=True)
    both = pd.concat([bars, missing], ignore_index=True).assign(order=months.dt.to_period("M"))
    return both.sort_values("order").drop(columns="order").reset_index(drop=True)


def incidents_by_month(events: pd.DataFrame) -> pd.DataFrame:
    """The incidents panel's dots counted by month: how many, the killed they state, how many state no total."""
    drawn = incidents_drawn(events)
    month = drawn["date"].dt.to_period("M")
    counts = drawn.groupby(month).agg(
        incidents=("killed", "size"), killed=("killed", "sum"), unstated=("killed", lambda k: int(k.isna().sum()))
    )
    return pd.DataFrame(
        {
            "Month": counts.index.strftime("%b %Y"),
            "Incidents drawn": counts["incidents"].to_numpy(),
            "Killed (lowest stated, added)": counts["killed"].astype(int).to_numpy(),
            "Incidents stating no total": counts["unstated"].to_numpy(),
        }
    )


def crossings_table(data: Dataset, start: dt.date, end: dt.date, provinces: tuple[str, ...] = ()) -> pd.DataFrame:
    """The crossings panel's bands as rows: crossing, status, first and last day, and its reason."""
    bands = bands_drawn(data, start, end, provinces)
    return pd.DataFrame(
        {
            "Crossing": bands["crossing"],
            "Status": bands["status"].map(CROSSING_STATUSES.label),
            "From": bands["start_date"],
            "To": bands["end_date"],
            "To is the data date (no source ended it)": bands["open_ended"].map({True: "yes", False: ""}),
            "Reason": bands["reason"].fillna(""),
        }
    ).reset_index(drop=True)


def partial_months(violence: pd.DataFrame, start: dt.date, end: dt.date) -> list[str]:
    """One line per month the period cuts: its bar spans the period's days of it but stands for the whole
    month, so over 14-18 Oct it read as October's deaths in five days."""
    lines = []
    for first, last in violence[["month_start", "month_end"]].itertuples(index=False):
        shown = (min(last.date(), end) - max(first.date(), start)).days + 1
        days = (last - first).days + 1
        if shown < days:
            lines.append(f"{first:%b %Y}: the whole month's total; the period holds {shown} of its {days} days")
    return lines


def unpublished_months(
    violence: pd.DataFrame, published: Coverage | None, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Months inside the published run (and the period shown) that have no figure: drawn as marks, so an
    empty slot between two bars does not read as a month without deaths."""
    if published is None:
        return pd.DataFrame({"month_mid": pd.Series(dtype="datetime64[ns]"), "note": pd.Series(dtype=str)})
    first = max(published.first, start.replace(day=1))
    months = pd.date_range(first, min(published.last, end), freq="MS")
    missing = months.difference(pd.DatetimeIndex(violence["month_start"]))
    return pd.DataFrame({"month_mid": missing + pd.Timedelta(days=14), "note": NOT_FOUND})
