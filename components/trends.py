"""Year-over-year arithmetic on the trackers' own published totals.

Nothing here estimates a missing month: sums and comparisons cover only months the source published,
and every result says which months it covers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FIGURE_KEY = ["tracker", "series", "period_type", "period_start", "period_end", "region", "metric"]
COUNTING_RULES = {
    ("PICSS", "militant_attacks"): "PICSS: attacks by militants and the deaths and injuries they caused.",
    (
        "PICSS",
        "combined",
    ): "PICSS: militant attacks plus security-force operations (adds militants killed in operations).",
    (
        "CRSS",
        "overall_violence",
    ): "CRSS: all violence it records, terror attacks and counter-terror operations together.",
    ("CRSS", "terrorism"): "CRSS: terror attacks only.",
    (
        "PIPS",
        "terrorist_attacks",
    ): "PIPS: terrorist attacks (militant, nationalist and sectarian), from its media monitoring.",
    ("PIPS", "overall_violence"): "PIPS: all violent incidents incl. operations, clashes and border incidents.",
    (
        "GTI",
        "gti",
    ): "Global Terrorism Index (IEP): terrorism deaths, attacks and a weighted score for the calendar year.",
}


def resolve_figures(stats: pd.DataFrame) -> pd.DataFrame:
    """One figure per period, region and metric, keeping disagreement visible.

    The tracker's own publication wins; then a figure the tracker later revised (the row's notes say
    "revised"); then the value most sources state (a lone outlet that misattributes another tracker's
    figure is outvoted); then the latest published. `alternatives`
    lists every other value stated for the same figure ("" when all sources agree).
    """
    if stats.empty:
        return stats.assign(alternatives=pd.Series(dtype=str))
    ranked = stats.assign(
        _own=(stats["source_name"].str.upper() == stats["tracker"]).astype(int),
        _revised=stats["notes"].fillna("").str.contains(r"\brevised\b", case=False).astype(int),
        _agreeing=stats.groupby([*FIGURE_KEY, "value"])["value"].transform("size"),
        _published=stats["source_published"].fillna(""),
    ).sort_values(["_own", "_revised", "_agreeing", "_published"], ascending=False, kind="stable")
    chosen = ranked.drop_duplicates(FIGURE_KEY, keep="first")

    def others(group: pd.DataFrame) -> str:
        values = sorted({_fmt(v) for v in group["value"]} - {_fmt(group["value"].iloc[0])})
        return "; ".join(values)

    alternatives = ranked.groupby(FIGURE_KEY, sort=False).apply(others, include_groups=False)
    chosen = chosen.merge(alternatives.rename("alternatives").reset_index(), on=FIGURE_KEY, how="left")
    return chosen.drop(columns=["_own", "_revised", "_agreeing", "_published"])


def _fmt(value: float) -> str:
    return f"{value:g}"


def monthly(stats: pd.DataFrame, tracker: str, series: str, region: str, metric: str) -> pd.DataFrame:
    """Monthly values (year, month, value, source) for one resolved series."""
    rows = stats[
        (stats["tracker"] == tracker)
        & (stats["series"] == series)
        & (stats["region"] == region)
        & (stats["metric"] == metric)
        & (stats["period_type"] == "month")
    ]
    out = rows.assign(year=rows["period_start"].dt.year, month=rows["period_start"].dt.month)
    return out[["year", "month", "value", "source_name", "source_url", "alternatives"]].sort_values(["year", "month"])


@dataclass(frozen=True)
class YearComparison:
    """Month-by-month figures of two years and the facts derived from them."""

    table: pd.DataFrame  # month, earlier, later, change, change_pct, cum_earlier, cum_later
    earlier: int
    later: int
    later_months: tuple[int, ...]
    window_months: tuple[int, ...]  # months published in both years: the like-for-like window
    earlier_full_year: float | None
    full_year_basis: str | None  # "sum of 12 published months" or "published annual total"
    passed_month: int | None  # first month the later year's running total exceeded earlier_full_year
    window_earlier: float | None  # sum over window_months
    window_later: float | None
    run_rate: float | None  # later year's months extrapolated to 12, only when the year is partial

    @property
    def window_change_pct(self) -> float | None:
        return pct_change(self.window_earlier, self.window_later)

    @property
    def is_partial(self) -> bool:
        return len(self.later_months) < 12


def pct_change(before: float | None, after: float | None) -> float | None:
    """Percentage change; None when either side is missing or the base is zero."""
    if before is None or after is None or pd.isna(before) or pd.isna(after) or before == 0:
        return None
    return (after - before) / before * 100


def compare_years(
    series: pd.DataFrame, later: int, earlier: int | None = None, earlier_published_total: float | None = None
) -> YearComparison:
    """Compare `later` with `earlier` (default: the year before) on a monthly series.

    The earlier year's full-year total is the sum of its 12 months when all are published, otherwise
    the tracker's published annual total if given (`full_year_basis` says which).
    """
    earlier = later - 1 if earlier is None else earlier
    by_year = {year: series[series["year"] == year].set_index("month")["value"] for year in (earlier, later)}
    table = pd.DataFrame({"month": range(1, 13)})
    table["earlier"] = table["month"].map(by_year[earlier])
    table["later"] = table["month"].map(by_year[later])
    table["change"] = table["later"] - table["earlier"]
    table["change_pct"] = [pct_change(b, a) for b, a in zip(table["earlier"], table["later"], strict=False)]
    table["cum_earlier"] = _running_total(table["earlier"])
    table["cum_later"] = _running_total(table["later"])

    later_months = tuple(int(m) for m in by_year[later].index.sort_values())
    earlier_full, basis = None, None
    if len(by_year[earlier]) == 12:
        earlier_full, basis = float(by_year[earlier].sum()), "sum of 12 published months"
    elif earlier_published_total is not None:
        earlier_full, basis = float(earlier_published_total), "published annual total"
    passed = None
    if earlier_full is not None:
        over = table[table["cum_later"] > earlier_full]
        passed = int(over["month"].iloc[0]) if not over.empty else None

    window = tuple(m for m in later_months if m in by_year[earlier].index)
    window_earlier = float(by_year[earlier].loc[list(window)].sum()) if window else None
    window_later = float(by_year[later].loc[list(window)].sum()) if window else None
    consecutive = later_months == tuple(range(1, len(later_months) + 1))
    run_rate = None
    if later_months and len(later_months) < 12 and consecutive:
        run_rate = float(by_year[later].sum()) / len(later_months) * 12
    return YearComparison(
        table, earlier, later, later_months, window, earlier_full, basis, passed, window_earlier, window_later, run_rate
    )


def _running_total(values: pd.Series) -> pd.Series:
    """Cumulative sum that stops at the first unpublished month instead of treating it as zero."""
    gaps = values.isna().cumsum() > 0
    return values.cumsum().where(~gaps)


def annual_published(stats: pd.DataFrame, year: int, region: str = "Pakistan") -> pd.DataFrame:
    """Every tracker's published full-year figures for `year`."""
    rows = stats[
        (stats["period_type"] == "year") & (stats["period_start"].dt.year == year) & (stats["region"] == region)
    ]
    return rows


def sources_side_by_side(stats: pd.DataFrame, year: int, metrics: list[str], region: str = "Pakistan") -> pd.DataFrame:
    """Each tracker's annual figure as published next to the sum of its published months.

    The sum is given only when all 12 months are published; `difference` is published minus sum.
    """
    rows = []
    keys = stats[stats["region"] == region][["tracker", "series"]].drop_duplicates()
    for tracker, series in keys.itertuples(index=False):
        for metric in metrics:
            annual = stats[
                (stats["tracker"] == tracker)
                & (stats["series"] == series)
                & (stats["metric"] == metric)
                & (stats["region"] == region)
                & (stats["period_type"] == "year")
                & (stats["period_start"].dt.year == year)
            ]
            months = monthly(stats, tracker, series, region, metric)
            months = months[months["year"] == year]
            published = float(annual["value"].iloc[0]) if not annual.empty else None
            summed = float(months["value"].sum()) if len(months) == 12 else None
            if published is None and summed is None:
                continue
            rows.append(
                {
                    "tracker": tracker,
                    "series": series,
                    "metric": metric,
                    "published_annual": published,
                    "sum_of_months": summed,
                    "months_published": len(months),
                    "difference": None if published is None or summed is None else published - summed,
                    "counts": COUNTING_RULES.get((tracker, series), ""),
                    "source": annual["source_name"].iloc[0] if not annual.empty else "",
                    "source_url": annual["source_url"].iloc[0] if not annual.empty else "",
                }
            )
    return pd.DataFrame(rows)


METRIC_LABELS = {
    "attacks": "Attacks",
    "incidents": "Incidents",
    "deaths_total": "Deaths",
    "deaths_security_forces": "Security forces killed",
    "deaths_civilians": "Civilians killed",
    "deaths_militants": "Militants killed",
    "deaths_peace_committee": "Peace-committee members killed",
    "injured_total": "Injured",
    "suicide_attacks": "Suicide attacks",
}
KPI_METRICS = (
    "attacks",
    "deaths_total",
    "deaths_security_forces",
    "deaths_civilians",
    "deaths_militants",
    "injured_total",
)
SERIES_LABELS = {
    "militant_attacks": "militant attacks only",
    "combined": "attacks + security operations (combined)",
    "overall_violence": "overall violence",
    "terrorism": "terror attacks",
    "terrorist_attacks": "terrorist attacks",
    "gti": "Global Terrorism Index",
}


def monthly_options(stats: pd.DataFrame) -> pd.DataFrame:
    """Tracker, series, region, metric and year combinations with monthly figures, and how many months."""
    rows = stats[stats["period_type"] == "month"]
    rows = rows.assign(year=rows["period_start"].dt.year, month=rows["period_start"].dt.month)
    key = ["tracker", "series", "region", "metric", "year"]
    return rows.groupby(key)["month"].nunique().rename("months").reset_index().sort_values(key, ignore_index=True)


def months_label(months: tuple[int, ...]) -> str:
    """'Jan–Sep' for a run of months, 'Jan, Mar' otherwise."""
    if not months:
        return "no months"
    names = [MONTH_NAMES[m - 1] for m in months]
    if months == tuple(range(months[0], months[-1] + 1)) and len(months) > 2:
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def kpis(stats: pd.DataFrame, tracker: str, series: str, region: str, later: int, earlier: int) -> pd.DataFrame:
    """Per metric: the later year's published months against the same months of the earlier year."""
    rows = []
    for metric in KPI_METRICS:
        label = METRIC_LABELS[metric]
        comparison = compare_years(monthly(stats, tracker, series, region, metric), later, earlier)
        if not comparison.later_months:
            continue
        rows.append(
            {
                "metric": metric,
                "label": label,
                "months": months_label(comparison.window_months or comparison.later_months),
                "later": comparison.window_later,
                "earlier": comparison.window_earlier,
                "change_pct": comparison.window_change_pct,
            }
        )
    return pd.DataFrame(rows, columns=["metric", "label", "months", "later", "earlier", "change_pct"])


def comparison_sentence(comparison: YearComparison, metric_label: str, tracker: str, series: str, region: str) -> str:
    """A plain sentence an analyst can paste into a brief."""
    later, earlier = comparison.later, comparison.earlier
    source = f"{tracker} ({SERIES_LABELS.get(series, series)}), {region}"
    if not comparison.later_months:
        return f"{source}: no monthly figures published for {later}."
    window = months_label(comparison.window_months)
    if comparison.window_later is None:
        return (
            f"{source}: {metric_label.lower()} in {months_label(comparison.later_months)} {later} total "
            f"{comparison.table['later'].sum():,.0f}; {earlier} has none of those months published."
        )
    change = comparison.window_change_pct
    direction = "no change" if not change else ("up" if change > 0 else "down") + f" {abs(change):.0f}%"
    text = (
        f"{source}: {metric_label.lower()} in {window} {later}: {comparison.window_later:,.0f}, "
        f"against {comparison.window_earlier:,.0f} in {window} {earlier} ({direction})."
    )
    missing = [MONTH_NAMES[m - 1] for m in comparison.later_months if m not in comparison.window_months]
    if missing:
        text += f" {', '.join(missing)} {later} left out: {earlier} has no published figure for it."
    if comparison.passed_month:
        text += (
            f" By the end of {MONTH_NAMES[comparison.passed_month - 1]} {later} the running total had passed "
            f"{earlier}'s full-year total of {comparison.earlier_full_year:,.0f} ({comparison.full_year_basis})."
        )
    return text


def monthly_on_calendar(stats: pd.DataFrame, tracker: str, series: str, region: str, metric: str) -> pd.DataFrame:
    """Published monthly values with their first and last day, for a time axis shared with events."""
    rows = stats[
        (stats["tracker"] == tracker)
        & (stats["series"] == series)
        & (stats["region"] == region)
        & (stats["metric"] == metric)
        & (stats["period_type"] == "month")
    ]
    return pd.DataFrame(
        {"month_start": rows["period_start"], "month_end": rows["period_end"], "value": rows["value"]}
    ).sort_values("month_start")


HEADLINE = ("PICSS", "militant_attacks", "Pakistan")


def headline_years(stats: pd.DataFrame) -> tuple[int, int] | None:
    """The latest (nearly) complete year of PICSS monthly attack figures and the year before it."""
    tracker, series, region = HEADLINE
    options = monthly_options(stats)
    options = options[
        (options["tracker"] == tracker)
        & (options["series"] == series)
        & (options["region"] == region)
        & (options["metric"] == "attacks")
    ]
    if options.empty:
        return None
    later = default_year(options)
    return later, later - 1


def source_choices(options: pd.DataFrame) -> list[str]:
    """'TRACKER:series' keys, the headline layer (PICSS militant attacks) first."""
    keys = [f"{t}:{s}" for t, s in options[["tracker", "series"]].drop_duplicates().itertuples(index=False)]
    headline = f"{HEADLINE[0]}:{HEADLINE[1]}"
    return sorted(keys, key=lambda key: (key != headline, key))


def default_year(options: pd.DataFrame) -> int:
    """The latest year with at least ten published months of some measure, else the latest year."""
    most = options.groupby("year")["months"].max()
    complete = most[most >= 10]
    return int(complete.index.max() if not complete.empty else most.index.max())


def published_total(
    stats: pd.DataFrame, tracker: str, series: str, region: str, metric: str, year: int
) -> float | None:
    """The tracker's own annual figure for `year`, if published."""
    rows = annual_published(stats, year, region)
    rows = rows[(rows["tracker"] == tracker) & (rows["series"] == series) & (rows["metric"] == metric)]
    return float(rows["value"].iloc[0]) if not rows.empty else None


def compare_with_published(
    stats: pd.DataFrame, tracker: str, series: str, region: str, metric: str, later: int, earlier: int
) -> YearComparison:
    """compare_years on one resolved series, falling back to the published annual total of `earlier`."""
    return compare_years(
        monthly(stats, tracker, series, region, metric),
        later,
        earlier,
        published_total(stats, tracker, series, region, metric, earlier),
    )
