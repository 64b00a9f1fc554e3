"""The diplomacy-and-violence timeline, assembled from the dataset for a period."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.charts import timeline_chart
from components.crossings import status_bands, status_on
from components.data_age import Coverage, chart_title
from components.dataset import Dataset
from components.event_words import events_noun, killed_basis
from components.trends import HEADLINE, NATIONAL, NOT_FOUND, monthly_on_calendar
from components.vocabulary import DIPLOMACY_TRACKS, family_label

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
):
    """Chart of `diplomacy` rows and `events` between start and end, with monthly deaths and crossing bands.

    A panel whose data stop inside the period says so in its title, so the missing months or days do not
    read as a fall to zero.
    """
    violence = monthly_on_calendar(data.figures, *VIOLENCE_SERIES)
    published = (
        None if violence.empty else Coverage(violence["month_start"].min().date(), violence["month_end"].max().date())
    )
    violence = violence[(violence["month_end"].dt.date >= start) & (violence["month_start"].dt.date <= end)]
    gaps = unpublished_months(violence, published, start, end)
    as_of = data.data_as_of or dt.date.today()
    bands = status_bands(data["crossing_status"], data["crossings"], as_of)
    bands = bands[(bands["end_date"].dt.date >= start) & (bands["start_date"].dt.date <= end)]
    # A status drawn on to the data date names its latest report (Torkham closed to 8 Apr 2026, last reported
    # 18 Feb): the tooltip gave the data date only.
    reported = status_on(data["crossings"], data["crossing_status"], as_of).set_index("crossing_id")["last_reported"]
    bands = bands.assign(last_reported=bands["crossing_id"].map(reported))
    title = f"{events_noun(imported).capitalize()} (killed, {killed_basis(imported)})"
    if len(events) > DOTS_LIMIT:
        title = f"The {DOTS_LIMIT:,} deadliest of {len(events):,} events (killed)"
        events = events.nlargest(DOTS_LIMIT, "killed")
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
