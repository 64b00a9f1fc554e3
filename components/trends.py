"""Year-over-year arithmetic on the trackers' own published figures, each at the tracker's own cadence.

Nothing here estimates a missing period: sums and comparisons cover only periods the source published,
every result says which periods it covers, and an unpublished period stays a gap, never a zero.
Input is the displayed-figures table (components/figures.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from components.dates import format_published
from components.figures import FIGURE_HEADERS
from components.sources import source_label
from components.vocabulary import (
    FIGURE_STATUSES,
    METRICS,
    PERIOD_TYPES,
    PROVISIONAL_STATUSES,
    RANKED,
    SERIES,
    TRACKER_REGIONS,
)

# Each cadence's periods within a calendar year, its label and how many months one period spans.
CADENCES: dict[str, tuple[str, ...]] = {cadence.code: cadence.slots for cadence in PERIOD_TYPES.items}
CADENCE_LABELS = PERIOD_TYPES.labels
CADENCE_MONTHS = {cadence.code: cadence.months for cadence in PERIOD_TYPES.items}
# A period with no figure, wherever the coverage notes are not read: it may have been published and not found,
# so it is never called unpublished (components/coverage.py tells the two apart from declared states).
NOT_FOUND = "no figure found in this data set"
AFTER_DATA = "after the data date"
PUBLISHED_ANNUAL = "published annual total"
COUNTING_RULES = {
    ("PICSS", "militant_attacks"): (
        "PICSS: attacks by militants and the deaths and injuries they caused; its militants killed are attackers "
        "killed in those attacks (those killed in security operations are in the combined layer)."
    ),
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
    ): (
        "Global Terrorism Index (IEP): terrorism deaths, attacks and a weighted score for the calendar year. Each "
        "edition revises earlier years (2023 deaths: 689 in the 2024 edition, 748 in the 2025), so a change read "
        "here, between two years as this data set holds them, can differ from the one a new edition reports."
    ),
}


METRIC_LABELS = METRICS.labels
NOT_ADDITIVE = METRICS.of_group("not_additive")
KPI_METRICS = METRICS.of_group("headline")
SERIES_LABELS = SERIES.labels
HEADLINE = ("PICSS", "militant_attacks")
RESTATED = FIGURE_STATUSES.label("restated")  # a figure's status in words: "restated by the tracker"
DEATH_TOTAL, DEATH_PARTS = "deaths_total", ("deaths_security_forces", "deaths_civilians", "deaths_militants")
HEADLINE_METRIC = "attacks"  # the measure the headline trend compares, card and sentence over the same periods
NATIONAL = "Pakistan"


def figure_rows(
    figures: pd.DataFrame, tracker: str, series: str, region: str, metric: str, cadence: str
) -> pd.DataFrame:
    """The displayed figures of one tracker, series, region and measure at one cadence."""
    return figures[
        (figures["tracker"] == tracker)
        & (figures["series"] == series)
        & (figures["region"] == region)
        & (figures["metric"] == metric)
        & (figures["period_type"] == cadence)
    ]


def periods(figures: pd.DataFrame, tracker: str, series: str, region: str, metric: str, cadence: str) -> pd.DataFrame:
    """One figure's published values at one cadence: year, slot (1 = Jan / Q1 / H1 / the year), value, source."""
    rows = figure_rows(figures, tracker, series, region, metric, cadence)
    start = rows["period_start"]
    out = rows.assign(year=start.dt.year, slot=(start.dt.month - 1) // CADENCE_MONTHS[cadence] + 1)
    columns = ["year", "slot", "value", "status", "source_name", "source_url", "source_kind", "other_values"]
    return out[columns].sort_values(["year", "slot"]).reset_index(drop=True)


def published_table(
    figures: pd.DataFrame, tracker: str, series: str, region: str, metric: str, cadence: str
) -> pd.DataFrame:
    """One figure's published values at one cadence as a reader's table: period in words, status label, the
    source's kind, headers in words (figures.FIGURE_HEADERS); values stay numbers, so they sort as numbers."""
    rows = periods(figures, tracker, series, region, metric, cadence)
    return pd.DataFrame(
        {
            "Year": rows["year"],
            "Period": rows["slot"].map(lambda slot: CADENCES[cadence][slot - 1]),
            FIGURE_HEADERS["value"]: rows["value"],
            FIGURE_HEADERS["status"]: rows["status"].map(FIGURE_STATUSES.label),
            FIGURE_HEADERS["source_name"]: rows["source_name"],
            FIGURE_HEADERS["source_kind"]: rows["source_kind"].map(source_label),
            FIGURE_HEADERS["source_url"]: rows["source_url"],
            FIGURE_HEADERS["other_values"]: rows["other_values"],
        }
    )


def options(figures: pd.DataFrame) -> pd.DataFrame:
    """Every tracker, series, cadence, region, metric and year that has figures, with its slots."""
    key = ["tracker", "series", "cadence", "region", "metric", "year"]
    if figures.empty:
        return pd.DataFrame(columns=[*key, "slots"])
    start = figures["period_start"]
    slots = figures.assign(
        cadence=figures["period_type"],
        year=start.dt.year,
        slot=(start.dt.month - 1) // figures["period_type"].map(CADENCE_MONTHS) + 1,
    )
    return slots.groupby(key)["slot"].apply(lambda s: tuple(sorted(set(s)))).rename("slots").reset_index()


def ordered_choices(values, order) -> list:
    """Values in a declared order, anything undeclared after it."""
    order = list(order)
    return sorted(set(values), key=lambda v: (order.index(v) if v in order else len(order), v))


def source_choices(available: pd.DataFrame) -> list[str]:
    """'TRACKER:series' keys, the headline layer (PICSS militant attacks) first."""
    keys = {f"{t}:{s}" for t, s in available[["tracker", "series"]].itertuples(index=False)}
    return sorted(keys, key=lambda key: (key != ":".join(HEADLINE), key))


def comparable_pairs(slots_by_year: dict[int, tuple[int, ...]]) -> list[tuple[int, int]]:
    """(later, earlier) pairs that share at least one published slot, latest first."""
    years = sorted(slots_by_year, reverse=True)
    return [
        (later, earlier)
        for later in years
        for earlier in years
        if earlier < later and set(slots_by_year[later]) & set(slots_by_year[earlier])
    ]


def default_pair(slots_by_year: dict[int, tuple[int, ...]]) -> tuple[int, int] | None:
    """The latest pair with data: the latest later year whose like-for-like window is at least half the
    widest any pair has, so a year with only its first month published is not the default."""
    pairs = comparable_pairs(slots_by_year)
    if not pairs:
        return None
    sizes = {pair: len(set(slots_by_year[pair[0]]) & set(slots_by_year[pair[1]])) for pair in pairs}
    widest = max(sizes.values())
    return next(pair for pair in pairs if sizes[pair] * 2 >= widest)


def default_cadence(available: pd.DataFrame, paired: pd.DataFrame) -> str | None:
    """The finest cadence whose latest pair shares at least half its periods (for one tracker and layer's
    national attacks or deaths), else the annual figures, else the first cadence with any pair."""
    national = available[available["region"] == NATIONAL]
    candidates = [c for c in CADENCES if c in set(paired["cadence"])]
    for cadence in candidates:
        here = national[national["cadence"] == cadence]
        for metric in ("attacks", "deaths_total", "incidents"):
            rows = here[here["metric"] == metric]
            slots = dict(zip(rows["year"], rows["slots"], strict=True))
            pair = default_pair(slots)
            if pair and len(set(slots[pair[0]]) & set(slots[pair[1]])) * 2 >= len(CADENCES[cadence]):
                return cadence
    return "year" if "year" in candidates else next(iter(candidates), None)


def with_pairs(available: pd.DataFrame) -> pd.DataFrame:
    """The tracker, series, cadence, region and metric combinations of `options` that have two years
    sharing a period: the views that can be compared, and so the defaults."""
    key = ["tracker", "series", "cadence", "region", "metric"]
    if available.empty:
        return available[key]
    flags = available.groupby(key).apply(
        lambda group: bool(comparable_pairs(dict(zip(group["year"], group["slots"], strict=True)))),
        include_groups=False,
    )
    return flags[flags].index.to_frame(index=False)


def slots_label(slots, cadence: str) -> str:
    """'Jan–Mar, May, Jul–Sep' (runs joined by en dashes), 'Q1–Q3', 'full year'."""
    slots = sorted(slots)
    if not slots:
        return "no periods"
    if cadence == "year":
        return "full year"
    names = CADENCES[cadence]
    runs: list[list[int]] = []
    for slot in slots:
        if runs and slot == runs[-1][-1] + 1:
            runs[-1].append(slot)
        else:
            runs.append([slot])
    if len(runs) == 1 and len(runs[0]) == len(names):
        return "full year"
    parts = [names[r[0] - 1] if len(r) == 1 else f"{names[r[0] - 1]}–{names[r[-1] - 1]}" for r in runs]
    return ", ".join(parts)


def slot_end(year: int, slot: int, cadence: str) -> dt.date:
    """Last day of one period."""
    months = CADENCE_MONTHS[cadence]
    start = pd.Timestamp(year=year, month=(slot - 1) * months + 1, day=1)
    return (start + pd.DateOffset(months=months) - pd.Timedelta(days=1)).date()


def slot_note(year: int, slot: int, cadence: str, published: bool, data_as_of: dt.date | None) -> str:
    """'' for a period with a figure, else why it has none: none found, or not over by the data date."""
    if published:
        return ""
    if data_as_of is not None and slot_end(year, slot, cadence) > data_as_of:
        return AFTER_DATA
    return NOT_FOUND


@dataclass(frozen=True)
class YearComparison:
    """Period-by-period figures of two years and the facts derived from them."""

    table: pd.DataFrame  # slot, label, earlier, later, change, change_pct, cum_earlier, cum_later, *_note
    earlier: int
    later: int
    cadence: str
    later_slots: tuple[int, ...]
    earlier_slots: tuple[int, ...]
    window_slots: tuple[int, ...]  # periods published in both years: the like-for-like window
    earlier_full_year: float | None
    full_year_basis: str | None  # "sum of 4 quarters" (all periods published) or PUBLISHED_ANNUAL
    full_year_status: str | None  # the published annual total's figure status (None for a sum of periods)
    passed_slot: int | None  # first period the later year's running total exceeded earlier_full_year
    window_earlier: float | None  # sum over window_slots
    window_later: float | None

    def provisional(self, side: str) -> str:
        """' (preliminary)' when `side`'s ('earlier' or 'later') window rests on preliminary figures only,
        ' (N months preliminary)' (or quarters...) when on some, else ''."""
        window = self.table.loc[self.table["slot"].isin(self.window_slots), f"{side}_provisional"]
        return provisional_mark(window, self.cadence)

    @property
    def window_change_pct(self) -> float | None:
        return pct_change(self.window_earlier, self.window_later)

    @property
    def is_partial(self) -> bool:
        return len(self.later_slots) < len(CADENCES[self.cadence])

    @property
    def contiguous(self) -> bool:
        """Both years published from their first period on without a gap: running totals are then true."""
        return all(
            bool(slots) and slots == tuple(range(1, len(slots) + 1)) for slots in (self.earlier_slots, self.later_slots)
        )

    @property
    def window(self) -> str:
        return slots_label(self.window_slots, self.cadence)

    @property
    def earlier_total_name(self) -> str:
        """What the earlier year's total is, so a sum of periods is never read as the tracker's annual figure:
        "the sum of 2024's 4 quarters" or "2024's published annual total"."""
        if self.full_year_basis == PUBLISHED_ANNUAL:
            return f"{self.earlier}'s {PUBLISHED_ANNUAL}{self.full_year_status_words}"
        names = CADENCES[self.cadence]
        return f"the sum of {self.earlier}'s {len(names)} {PERIOD_TYPES[self.cadence].plural}"

    @property
    def full_year_status_words(self) -> str:
        """', restated by the tracker' or ', preliminary' after a published annual total that is not the
        tracker's first word on it, so a restated total is never read as the one first published; '' else."""
        if self.full_year_status in (None, "published"):
            return ""
        return f", {FIGURE_STATUSES.label(self.full_year_status)}"

    @property
    def earlier_total_label(self) -> str:
        """The running-total chart's rule: "2024, sum of 4 quarters: 2,562"."""
        return f"{self.earlier}, {self.full_year_basis}{self.full_year_status_words}: {self.earlier_full_year:,.0f}"


def sum_of_periods(cadence: str) -> str:
    """ "sum of 4 quarters", "sum of 12 months": what adding up a whole year of one cadence gives."""
    return f"sum of {len(CADENCES[cadence])} {PERIOD_TYPES[cadence].plural}"


def partial_year(comparison: YearComparison, annual: pd.Series | None = None, tracker: str = "") -> str:
    """What a year short of its periods holds, and the tracker's own annual figure for it when one is
    displayed (`annual`: its row of the displayed figures). No full-year figure is extrapolated from the
    periods published (a run-rate is an estimate the trackers never stated), nor one added up from them."""
    later, cadence = comparison.later, comparison.cadence
    held = f"{later} has figures for {slots_label(comparison.later_slots, cadence)} only"
    if annual is None:
        return f"{held}: no full-year total is shown, and none is estimated from the periods published."
    missing = [slot for slot in range(1, len(CADENCES[cadence]) + 1) if slot not in comparison.later_slots]
    status = "" if annual["status"] == "published" else f", {FIGURE_STATUSES.label(annual['status'])}"
    cited = annual["source_name"]
    if isinstance(annual["source_published"], str) and annual["source_published"]:
        cited += f", {format_published(annual['source_published'])}"
    return (
        f"{held} ({slots_label(missing, cadence)} {later}: no figure in this data set, none estimated). "
        f"{tracker}'s published annual total for {later} is {annual['value']:,.0f}{status} ({cited})."
    )


def no_running_total(comparison: YearComparison) -> str:
    """Why the running totals are not drawn, naming the periods each year lacks (not those it has)."""
    reasons = []
    for year, slots in ((comparison.earlier, comparison.earlier_slots), (comparison.later, comparison.later_slots)):
        missing = tuple(slot for slot in range(1, max(slots, default=0) + 1) if slot not in slots)
        if not slots:
            reasons.append(f"{year} has no figures")
        elif missing:
            reasons.append(f"{year} has no figure for {slots_label(missing, comparison.cadence)}")
    return f"No running total: {' and '.join(reasons)}, and a running total across a missing period would be untrue."


SMALL_BASE = 10  # an earlier count below this is too small for a percentage: 3 deaths against 2 read "+50%"


@dataclass(frozen=True)
class CountChange:
    """A change of counts as every card, sentence and table gives it: a percentage, or the change in numbers
    when the earlier count is under SMALL_BASE ("+1", not "+50%"). `amount` keeps the sign for colouring."""

    amount: float
    percent: bool

    @property
    def shown(self) -> int:
        """The change as written, rounded: a colour or an arrow follows this, so "+0%" is never coloured."""
        return round(self.amount)

    def signed(self) -> str:
        """'+15%', '-3', '±0%': a bare "0 vs 2024" on a card read as 2024's count."""
        return f"{self.shown:+,d}{'%' if self.percent else ''}" if self.shown else f"±0{'%' if self.percent else ''}"

    def words(self) -> str:
        """'up 15%', 'down 1', 'no change', for a sentence."""
        if not self.shown:
            return "no change"
        return f"{'up' if self.shown > 0 else 'down'} {abs(self.shown):,d}{'%' if self.percent else ''}"


def count_change(before: float | None, after: float | None) -> CountChange | None:
    """The CountChange from `before` to `after`; None when either is missing."""
    if before is None or after is None or pd.isna(before) or pd.isna(after):
        return None
    if before < SMALL_BASE:
        return CountChange(after - before, percent=False)
    return CountChange((after - before) / before * 100, percent=True)


def pct_change(before: float | None, after: float | None) -> float | None:
    """Percentage change; None when either side is missing or the base is zero."""
    if before is None or after is None or pd.isna(before) or pd.isna(after) or before == 0:
        return None
    return (after - before) / before * 100


def compare_years(
    series: pd.DataFrame,
    later: int,
    earlier: int | None = None,
    earlier_published_total: float | None = None,
    cadence: str = "month",
    data_as_of: dt.date | None = None,
    earlier_published_status: str = "published",
) -> YearComparison:
    """Compare `later` with `earlier` (default: the year before) on one figure's periods (see `periods`).

    The earlier year's total is the sum of all its periods when all are published, otherwise the tracker's
    published annual total if given (`full_year_basis` says which, `earlier_published_status` its figure
    status; every label names both).
    """
    earlier = later - 1 if earlier is None else earlier
    names = CADENCES[cadence]
    by_year = {year: series[series["year"] == year].set_index("slot")["value"] for year in (earlier, later)}
    table = pd.DataFrame({"slot": range(1, len(names) + 1), "label": names})
    provisional = series.assign(
        provisional=series["status"].isin(PROVISIONAL_STATUSES) if "status" in series else False
    )
    restated = series[series["status"] == "restated"] if "status" in series else series.iloc[:0]
    for side, year in (("earlier", earlier), ("later", later)):
        table[side] = table["slot"].map(by_year[year])
        marked = provisional[provisional["year"] == year].set_index("slot")["provisional"]
        table[f"{side}_provisional"] = table["slot"].map(marked).eq(True)
        table[f"{side}_restated"] = table["slot"].isin(restated.loc[restated["year"] == year, "slot"])
        table[f"{side}_note"] = [
            slot_note(year, slot, cadence, pd.notna(value), data_as_of)
            for slot, value in zip(table["slot"], table[side], strict=True)
        ]
    table["change"] = table["later"] - table["earlier"]
    table["change_pct"] = [pct_change(b, a) for b, a in zip(table["earlier"], table["later"], strict=True)]
    table["cum_earlier"] = _running_total(table["earlier"])
    table["cum_later"] = _running_total(table["later"])

    later_slots = tuple(int(s) for s in by_year[later].index.sort_values())
    earlier_slots = tuple(int(s) for s in by_year[earlier].index.sort_values())
    earlier_full, basis, status = None, None, None
    if len(earlier_slots) == len(names):
        earlier_full, basis = float(by_year[earlier].sum()), sum_of_periods(cadence)
    elif earlier_published_total is not None:
        earlier_full, basis = float(earlier_published_total), PUBLISHED_ANNUAL
        status = earlier_published_status
    passed = None
    if earlier_full is not None and len(names) > 1:
        over = table[table["cum_later"] > earlier_full]
        passed = int(over["slot"].iloc[0]) if not over.empty else None

    window = tuple(s for s in later_slots if s in earlier_slots)
    window_earlier = float(by_year[earlier].loc[list(window)].sum()) if window else None
    window_later = float(by_year[later].loc[list(window)].sum()) if window else None
    return YearComparison(
        table,
        earlier,
        later,
        cadence,
        later_slots,
        earlier_slots,
        window,
        earlier_full,
        basis,
        status,
        passed,
        window_earlier,
        window_later,
    )


def provisional_mark(provisional: pd.Series, cadence: str) -> str:
    """What a sum of periods says of its preliminary parts: all of them, some (how many), or none."""
    count = int(provisional.sum())
    if not count:
        return ""
    if count == len(provisional):
        return " (preliminary)"
    return f" ({count} {PERIOD_TYPES[cadence].plural if count > 1 else PERIOD_TYPES[cadence].noun} preliminary)"


def _running_total(values: pd.Series) -> pd.Series:
    """Cumulative sum that stops at the first unpublished period instead of treating it as zero."""
    gaps = values.isna().cumsum() > 0
    return values.cumsum().where(~gaps)


def annual_figure(
    figures: pd.DataFrame, tracker: str, series: str, region: str, metric: str, year: int
) -> pd.Series | None:
    """The tracker's own annual figure for `year` as displayed (value, status, source), if published."""
    rows = figure_rows(figures, tracker, series, region, metric, "year")
    rows = rows[rows["period_start"].dt.year == year]
    return rows.iloc[0] if not rows.empty else None


def published_total(
    figures: pd.DataFrame, tracker: str, series: str, region: str, metric: str, year: int
) -> float | None:
    """The tracker's own annual figure for `year`, if published."""
    row = annual_figure(figures, tracker, series, region, metric, year)
    return None if row is None else float(row["value"])


def compare(
    figures: pd.DataFrame,
    tracker: str,
    series: str,
    region: str,
    metric: str,
    later: int,
    earlier: int,
    cadence: str = "month",
    data_as_of: dt.date | None = None,
) -> YearComparison:
    """compare_years on one figure, falling back to the published annual total of `earlier`."""
    annual = annual_figure(figures, tracker, series, region, metric, earlier) if cadence != "year" else None
    return compare_years(
        periods(figures, tracker, series, region, metric, cadence),
        later,
        earlier,
        None if annual is None else float(annual["value"]),
        cadence,
        data_as_of,
        "published" if annual is None else annual["status"],
    )


@dataclass(frozen=True)
class KpiRow:
    """Headline cards, each over the periods its `slots` name: the attacks card over every period it has in
    both years (the periods of the headline trend and its sentence below the cards), the others over the
    periods they all share, so deaths and their parts add up."""

    cards: pd.DataFrame  # metric, label, slots, later, earlier, change_pct, later_note, earlier_note
    cadence: str
    later: int
    earlier: int
    left_out: tuple[str, ...]  # labels of measures published, but not for the shared periods
    parts_note: str = ""  # where the death cards' parts add up to more than their total (parts_exceed_total)

    def window(self, slots: tuple[int, ...]) -> str:
        return slots_label(slots, self.cadence)

    def span(self, slots: tuple[int, ...]) -> str:
        """What a card's own label says it counts: '2025', 'Jan–Nov 2025', or '6 months of 2025' when its
        periods are scattered, so a card quoted alone is never read as the whole year."""
        if len(slots) == len(CADENCES[self.cadence]):
            return str(self.later)
        if len(slots) == 1 or tuple(slots) == tuple(range(slots[0], slots[-1] + 1)):
            return f"{self.window(slots)} {self.later}"
        return f"{len(slots)} {PERIOD_TYPES[self.cadence].plural} of {self.later}"

    @property
    def windows(self) -> str:
        """The periods compared, short enough for a slide's source line: 'Jan, May–Jun 2025 vs the same
        months of 2024', or 'Attacks: Jan–Nov 2025; other cards: Jan, May–Jun 2025; vs the same months of 2024'."""
        windows = list(dict.fromkeys(self.cards["slots"]))
        same = f"the same {PERIOD_TYPES[self.cadence].plural} of {self.earlier}"
        if len(windows) == 1:
            return f"{self.window(windows[0])} {self.later} vs {same}"
        first, shared = self.cards.iloc[0]["label"], windows[1]
        own = f"{first}: {self.window(windows[0])} {self.later}"
        return f"{own}; other cards: {self.window(shared)} {self.later}; vs {same}"

    @property
    def heading(self) -> str:
        """'2025 against 2024', or which periods each card counts, written out in full."""
        same = PERIOD_TYPES[self.cadence].plural
        windows = list(dict.fromkeys(self.cards["slots"]))
        if len(windows) == 1 and len(windows[0]) == len(CADENCES[self.cadence]):
            return f"{self.later} against {self.earlier}"
        if len(windows) == 1:
            return (
                f"Every card counts only {self.window(windows[0])} {self.later} against the same {same} of "
                f"{self.earlier}: the {same} for which this data set holds every card's figure in both years"
            )
        first, shared = self.cards.iloc[0], windows[1]
        return (
            f"{first['label']}: {self.span(first['slots'])}, every {PERIOD_TYPES[self.cadence].noun} this data "
            f"set has in both years; the other cards only {self.window(shared)} {self.later}, the {same} for which "
            f"it holds all of them in both years; each against the same {same} of {self.earlier}"
        )


def kpis(
    figures: pd.DataFrame,
    tracker: str,
    series: str,
    region: str,
    later: int,
    earlier: int,
    cadence: str = "month",
    metrics: tuple[str, ...] = KPI_METRICS,
) -> KpiRow:
    """Per measure, the sum over its card's periods: for attacks (HEADLINE_METRIC), every period it has in
    both years, as the headline trend counts them (over the casualty measures' shared months it read +13%
    above a sentence saying +15%); for the others, the periods they all have in both years.

    Those measures join in order while cards x shared periods does not shrink, so one thinly published
    measure cannot narrow their window to a single month; a measure left out is named, never shown over
    other months.
    """
    rows_of = {metric: periods(figures, tracker, series, region, metric, cadence) for metric in metrics}
    both: dict[str, set[int]] = {}
    for metric, rows in rows_of.items():
        slots = {year: set(rows.loc[rows["year"] == year, "slot"]) for year in (later, earlier)}
        if slots[later] & slots[earlier]:
            both[metric] = slots[later] & slots[earlier]
    window: set[int] = set()
    shared: list[str] = []
    for metric, slots in both.items():  # a measure joins when cards x periods does not shrink
        if metric == HEADLINE_METRIC:
            continue
        if not shared or len(window & slots) * (len(shared) + 1) >= len(window) * len(shared):
            window = slots if not shared else window & slots
            shared.append(metric)
    shown = {metric: tuple(sorted(window)) for metric in shared}
    if HEADLINE_METRIC in both:
        shown = {HEADLINE_METRIC: tuple(sorted(both[HEADLINE_METRIC]))} | shown
    left_out = [METRIC_LABELS[m] for m, rows in rows_of.items() if (rows["year"] == later).any() and m not in shown]
    cards = []
    for metric, slots in shown.items():
        rows = rows_of[metric]
        in_window = rows[rows["slot"].isin(slots)]
        statuses = {year: in_window.loc[in_window["year"] == year, "status"] for year in (later, earlier)}
        later_provisional, earlier_provisional = (
            statuses[y].isin(PROVISIONAL_STATUSES).any() for y in (later, earlier)
        )
        mark = ""
        if later_provisional:
            mark = " (both years preliminary)" if earlier_provisional else " (preliminary)"
        elif earlier_provisional:
            mark = f" ({earlier} figure preliminary)"
        in_window = in_window.groupby("year")["value"].sum()
        cards.append(
            {
                "metric": metric,
                "label": METRIC_LABELS[metric] + mark,
                "slots": slots,
                "later": float(in_window.get(later)),
                "earlier": float(in_window.get(earlier)),
                "change_pct": pct_change(in_window.get(earlier), in_window.get(later)),
                "later_note": restated_note(statuses[later], cadence),
                "earlier_note": restated_note(statuses[earlier], cadence),
            }
        )
    columns = ["metric", "label", "slots", "later", "earlier", "change_pct", "later_note", "earlier_note"]
    frame = pd.DataFrame(cards, columns=columns)
    row = KpiRow(frame, cadence, later, earlier, tuple(left_out))
    return replace(row, parts_note=parts_exceed_total(row))


def parts_exceed_total(row: KpiRow) -> str:
    """Where the cards of the parts of deaths (DEATH_PARTS) add up to more than the Deaths card in a year, say so
    and why: PICSS restated January 2025's security forces and militants killed (57 and 208, first 40 and 185)
    and this data set has no restated total, so its parts made 285 against 245 deaths, a card row that did not add."""
    cards = row.cards.set_index("metric")
    if not set(DEATH_PARTS) | {DEATH_TOTAL} <= set(cards.index):
        return ""
    said = []
    for side, year in (("later", row.later), ("earlier", row.earlier)):
        parts, total = cards.loc[list(DEATH_PARTS), side].sum(), cards.loc[DEATH_TOTAL, side]
        if parts <= total:
            continue
        notes_of = cards[f"{side}_note"]
        restated = notes_of.loc[list(DEATH_PARTS)].ne("").any() and not notes_of.loc[DEATH_TOTAL]
        why = (
            "the tracker restated some of the parts, and this data set holds no restated total"
            if restated
            else "as the sources give them"
        )
        window = row.window(cards.loc[DEATH_TOTAL, "slots"])
        said.append(
            f"In {window} {year} security forces, civilians and militants killed add up to {parts:,.0f}, more than "
            f"the {total:,.0f} deaths: {why}."
        )
    return " ".join(said)


def restated_note(statuses: pd.Series, cadence: str) -> str:
    """' (restated by the tracker)', or ' (2 of 11 months restated by the tracker)', for a card's figure whose
    periods (their figure statuses) include the tracker's restatements; '' for none. A restated total (PICSS
    2024 attacks: 908 in its 2025 report, 905 first) read as the figure first published."""
    count = int((statuses == "restated").sum())
    if not count:
        return ""
    label = RESTATED
    if count == len(statuses):
        return f" ({label})"
    return f" ({count} of {len(statuses)} {PERIOD_TYPES[cadence].plural} {label})"


def figure_text(value: float) -> str:
    """A figure with the decimals its source gives: 1,063; 7.916; 8.4 (a GTI score of 7.916 read "8")."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.3f}".rstrip("0")


def change_words(metric: str, before: float, after: float) -> str:
    """How a figure moved, in words that fit it: a count's change (count_change: 'up 15%'); an index's exact
    difference ('down 0.484': a score of 8.4 to 7.916 read "no change"); a rank in places, rank 1 the most
    affected (2 to 1 read "down 1", a worsening said as a fall)."""
    if metric in RANKED:
        places = abs(round(after - before))
        if not places:
            return "the same rank"
        side = "nearer" if after < before else "further from"
        return f"{places} place{'s' if places > 1 else ''} {side} rank 1, the most affected"
    if metric in NOT_ADDITIVE:
        difference = round(after - before, 3)
        return f"{'up' if difference > 0 else 'down'} {figure_text(abs(difference))}" if difference else "no change"
    return count_change(before, after).words()


def sentence_label(label: str) -> str:
    """A measure's label inside a sentence: 'attacks', but 'GTI score' (an acronym keeps its capitals)."""
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def comparison_sentence(
    comparison: YearComparison, metric_label: str, tracker: str, series: str, region: str, metric: str = "attacks"
) -> str:
    """A plain sentence an analyst can paste into a brief; `metric` (the code) says how its change is worded."""
    later, earlier, cadence = comparison.later, comparison.earlier, comparison.cadence
    source = f"{tracker} ({SERIES_LABELS.get(series, series)}), {region}"
    measure = sentence_label(metric_label)
    if not comparison.later_slots:
        return f"{source}: no {CADENCE_LABELS[cadence].lower()} figure for {later} in this data set."
    window = comparison.window
    if comparison.window_later is None:
        return (
            f"{source}: {measure} in {slots_label(comparison.later_slots, cadence)} {later} total "
            f"{comparison.table['later'].sum():,.0f}; this data set has no figure for those periods of {earlier}."
        )
    direction = change_words(metric, comparison.window_earlier, comparison.window_later)
    text = (
        f"{source}: {measure} in {window} {later}: {figure_text(comparison.window_later)}"
        f"{comparison.provisional('later')}, against {figure_text(comparison.window_earlier)}"
        f"{comparison.provisional('earlier')} in {window} {earlier} ({direction})."
    )
    missing = [s for s in comparison.later_slots if s not in comparison.window_slots]
    if missing:
        text += f" {slots_label(missing, cadence)} {later} left out: this data set has no figure for it in {earlier}."
    if comparison.passed_slot:
        text += (
            f" By the end of {CADENCES[cadence][comparison.passed_slot - 1]} {later} the running total had passed "
            f"{comparison.earlier_full_year:,.0f}, {comparison.earlier_total_name}."
        )
    return text


def parts_found(
    figures: pd.DataFrame, tracker: str, series: str, region: str, metric: str, cadence: str, years: tuple[int, ...]
) -> str:
    """Where this data set has no figure for `region` in `years` but one for each of its parts (TRACKER_REGIONS
    grouped under it: PICSS's KP mainland and tribal districts), which periods those are. Khyber Pakhtunkhwa's
    trend read "no figure found" for 19 months whose two parts PICSS had published; they are not added up."""
    parts = TRACKER_REGIONS.of_group(region)
    if not parts:
        return ""
    published = [
        set(zip(p["year"], p["slot"], strict=True))
        for p in (periods(figures, tracker, series, part, metric, cadence) for part in (region, *parts))
    ]
    found = {(year, slot) for year, slot in set.intersection(*published[1:]) - published[0] if year in years}
    if not found:
        return ""
    spans = [
        f"{slots_label([slot for y, slot in found if y == year], cadence)} {year}"
        for year in sorted({year for year, _ in found})
    ]
    names = " and ".join(TRACKER_REGIONS.short(part) for part in parts)
    return (
        f"{tracker} gives {region} in parts for {'; '.join(spans)}: {names} each have a figure there, "
        "not added up here (each is a region on Trends)."
    )


def comparison_table(comparison: YearComparison) -> pd.DataFrame:
    """The numbers a chart shows, as a person reads them: each year's figures, change and change % (whole
    percent, as read) as numbers, so they sort as numbers and a download writes them as the source does; a
    period with no figure is a gap, and its note says why (NOT_FOUND), as it says which figures are preliminary;
    on a base under SMALL_BASE the change % is left blank."""
    table = comparison.table
    years = {"earlier": comparison.earlier, "later": comparison.later}
    out = pd.DataFrame({"period": table["label"]})
    for side, year in years.items():
        out[str(year)] = table[side].astype(float)
    out["change"] = table["change"].astype(float)
    changes = map(count_change, table["earlier"], table["later"])
    small_base = [change is not None and not change.percent for change in changes]  # "change" holds it in numbers
    out["change %"] = table["change_pct"].astype(float).round().mask(small_base)
    out["note"] = [
        "; ".join(
            f"{year}: {row[f'{side}_note'] or ('preliminary' if row[f'{side}_provisional'] else RESTATED)}"
            for side, year in years.items()
            if row[f"{side}_note"] or row[f"{side}_provisional"] or row[f"{side}_restated"]
        )
        for _, row in table.iterrows()
    ]
    return out


def monthly_on_calendar(figures: pd.DataFrame, tracker: str, series: str, region: str, metric: str) -> pd.DataFrame:
    """Published monthly values with their first and last day, for a time axis shared with events."""
    rows = figure_rows(figures, tracker, series, region, metric, "month")
    return pd.DataFrame(
        {"month_start": rows["period_start"], "month_end": rows["period_end"], "value": rows["value"]}
    ).sort_values("month_start")


def annual_side_by_side(figures: pd.DataFrame, year: int, metric: str, region: str = NATIONAL) -> pd.DataFrame:
    """Each tracker's annual figure for one measure as published, next to the sum of its periods when it
    published every month (or quarter) of the year; `difference` is published minus that sum."""
    rows = []
    keys = figures[(figures["region"] == region) & (figures["metric"] == metric)][["tracker", "series"]]
    for tracker, series in keys.drop_duplicates().itertuples(index=False):
        published = published_total(figures, tracker, series, region, metric, year)
        summed, basis = None, ""
        for cadence in ("month", "quarter"):
            part = periods(figures, tracker, series, region, metric, cadence)
            part = part[part["year"] == year]
            if len(part) == len(CADENCES[cadence]) and metric not in NOT_ADDITIVE:
                summed, basis = float(part["value"].sum()), sum_of_periods(cadence)
                break
        if published is None and summed is None:
            continue
        annual = periods(figures, tracker, series, region, metric, "year")
        annual = annual[annual["year"] == year]
        rows.append(
            {
                "tracker": tracker,
                "series": series,
                "metric": metric,
                "published_annual": published,
                "status": annual["status"].iloc[0] if not annual.empty else "",
                "sum_of_periods": summed,
                "summed": basis,
                "difference": None if published is None or summed is None else published - summed,
                "counts": COUNTING_RULES.get((tracker, series), ""),
                "source": annual["source_name"].iloc[0] if not annual.empty else "",
                "source_url": annual["source_url"].iloc[0] if not annual.empty else "",
            }
        )
    return pd.DataFrame(rows)


SIDE_BY_SIDE_HEADERS = {
    "tracker": "Tracker",
    "series": "Counting layer",
    "published_annual": "Annual total",
    "status": "Status of the annual total",
    "sum_of_periods": "Sum of its periods",
    "summed": "Periods summed",
    "difference": "Annual minus sum",
    "counts": "What it counts",
    "source": "Source of the annual total",
    "source_url": "Link",
}


SIDE_BY_SIDE_NUMBERS = tuple(SIDE_BY_SIDE_HEADERS[key] for key in ("published_annual", "sum_of_periods", "difference"))


def side_by_side_table(side: pd.DataFrame) -> pd.DataFrame:
    """annual_side_by_side as a reader's table: words for codes, headers in words; the figures stay numbers
    (SIDE_BY_SIDE_NUMBERS), so they sort as numbers and a download writes 1063 as the source does, and a
    missing one stays a gap."""
    table = side.drop(columns="metric").assign(
        series=side["series"].map(SERIES_LABELS),
        status=side["status"].map(lambda code: FIGURE_STATUSES.label(code) if code else ""),
    )
    return table.rename(columns=SIDE_BY_SIDE_HEADERS)


def years_with_annual(figures: pd.DataFrame, metric: str, region: str = NATIONAL) -> list[int]:
    """Years, newest first, in which some tracker has an annual figure (or every month) for `metric`."""
    years = {
        int(y)
        for y in figures[(figures["metric"] == metric) & (figures["region"] == region)]["period_start"].dt.year.unique()
    }
    return [y for y in sorted(years, reverse=True) if not annual_side_by_side(figures, y, metric, region).empty]


@dataclass(frozen=True)
class Headline:
    """Which tracker figures the headline cards and trend show, and why, for the sidebar's provinces."""

    region: str
    years: tuple[int, int] | None
    note: str
    reason: str = ""  # why `region` is not the sidebar's provinces, when it is not (for other_region)


def headline(figures: pd.DataFrame, provinces: tuple[str, ...] = ()) -> Headline:
    """PICSS monthly militant-attack figures for the one province selected if PICSS publishes it, else
    national; the note says which, and that the other sidebar filters do not reach tracker totals."""
    tracker, series = HEADLINE
    published = options(figures)
    published = published[
        (published["tracker"] == tracker)
        & (published["series"] == series)
        & (published["cadence"] == "month")
        & (published["metric"] == "attacks")
    ]
    regions = set(published["region"])
    region, reason, why = NATIONAL, "", "national totals: no province is selected in the sidebar"
    if len(provinces) == 1 and provinces[0] in regions:
        region, why = provinces[0], f"{provinces[0]} figures, following the sidebar's province filter"
    elif len(provinces) == 1:
        reason = f"this data set has no monthly {tracker} figures for {provinces[0]}"
    elif provinces:
        reason = "several provinces are selected and tracker figures cannot be added across them"
    why = f"national totals: {reason}" if reason else why
    slots = {int(r.year): r.slots for r in published[published["region"] == region].itertuples(index=False)}
    note = (
        f"Cards and trend: {tracker} ({SERIES_LABELS[series]}) {why}. {unfollowed_filters()}; the map and the "
        "lists follow every sidebar filter. " + COUNTING_RULES[HEADLINE]
    )
    return Headline(region, default_pair(slots), note, reason)


def other_region(regions: str, provinces: tuple[str, ...], reason: str) -> str:
    """'Pakistan (the sidebar's province filter, Balochistan and Sindh, does not apply: several provinces are
    selected and tracker figures cannot be added across them)': the region a slide's tracker figures are for,
    and why, when the sidebar's provinces are set and it is not theirs (`reason`); the region alone otherwise.
    The slides said "Pakistan" under "Filters: Balochistan; Sindh", and a room read national figures as the
    two provinces'."""
    if not provinces or not reason:
        return regions
    named = " and ".join([", ".join(provinces[:-1]), provinces[-1]] if len(provinces) > 1 else provinces)
    return f"{regions} (the sidebar's province filter, {named}, does not apply: {reason})"


# The sidebar filters a tracker total cannot follow (trackers publish totals by region alone), in the
# sidebar's order, each with what the total covers instead.
UNFOLLOWED_FILTERS = {"period": "the months shown", "actor-group": "every actor group", "type": "every attack type"}


def unfollowed_filters(names: tuple[str, ...] = tuple(UNFOLLOWED_FILTERS)) -> str:
    """'Tracker totals cover every attack type, in the months shown: the period and type filters do not apply
    to them', for the sidebar's filters `names`: the Overview says it of all three, a briefing slide of those
    its link sets, beside the figures, so "attacks down 23%" is not read as the filtered type's change."""
    listed = [name for name in UNFOLLOWED_FILTERS if name in names]
    cover = " and ".join(UNFOLLOWED_FILTERS[name] for name in ("type", "actor-group") if name in listed)
    if "period" in listed:
        cover = f"{cover}, in {UNFOLLOWED_FILTERS['period']}" if cover else UNFOLLOWED_FILTERS["period"]
    filters = " and ".join([", ".join(listed[:-1]), listed[-1]] if len(listed) > 1 else listed)
    verb = "filters do" if len(listed) > 1 else "filter does"
    return f"Tracker totals cover {cover}: the {filters} {verb} not apply to them"


def tracker_scope(selection) -> str:
    """What the tracker totals cover of a selection's filters (an IncidentFilter: unfollowed_filters): the
    period always, the actor-group and type filters when it sets them; for a slide or an exported page that
    shows tracker totals beside the filtered incidents."""
    names = ("period", *(("actor-group",) if selection.actors else ()), *(("type",) if selection.types else ()))
    return unfollowed_filters(names)
