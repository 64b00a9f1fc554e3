"""Signals: short statements on the latest month of each tracker series, each by a rule stated in words.

In the spirit of OCHA's HDX Signals, a signal says that the newest figure stands out ("Balochistan deaths
highest in 14 months", "third month of decline"), so a briefing points at the series worth a look. The rules
and their numbers are declared once (vocabulary.SIGNAL_RULES) and shown with every signal. Only figures the
dashboard displays are read (components/figures.py, by declared status), at the tracker's monthly cadence.
A month the tracker did not publish ends every run and look-back: it is never read as zero, never stepped over.

`python -m components.signals` prints the current signals.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass

import pandas as pd

from components.dates import format_day
from components.links import share_link
from components.slides import Slide
from components.sources import cited
from components.trends import METRIC_LABELS, NOT_ADDITIVE, comparable_pairs, other_region
from components.vocabulary import METRICS, SERIES, SIGNAL_RULES, TRACKER_REGIONS, TRACKERS

SERIES_KEY = ["tracker", "series", "region", "metric"]  # one series: its months are read together
TRENDS_PAGE = "trends"  # the Trends page's url_path in app.py
# Why the signals slide lists regions the sidebar's provinces leave out (trends.other_region).
EVERY_REGION = "signals are read on every region a tracker publishes"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


@dataclass(frozen=True)
class Signal:
    """One statement on one series' latest published month, with the rule that made it and where to check it."""

    rule: str  # a SIGNAL_RULES code
    tracker: str
    series: str  # the counting layer
    region: str
    metric: str
    month: dt.date  # first day of the latest published month
    value: float
    headline: str  # "Balochistan deaths highest in 14 months"
    sentence: str  # the headline with its figures and months, and whose count they are (scope)
    link: str  # the Trends page showing this series' monthly chart
    source_url: str  # where the latest month's figure was published
    source_name: str  # who published it
    source_kind: str  # outlets.csv's kind of that source (a repost is said to be one)

    @property
    def rule_text(self) -> str:
        return SIGNAL_RULES[self.rule].text

    @property
    def scope(self) -> str:
        """Whose count the figures are: "PICSS, attacks and security operations combined". One slide holds
        signals of several counting layers, each with its own latest month (Feb 2026 combined, Oct 2025
        militant attacks only), so each figure names its own."""
        return f"{self.tracker}, {SERIES.label(self.series)}"


def monthly_values(rows: pd.DataFrame) -> pd.DataFrame:
    """One series' monthly rows of the displayed figures as its published months, oldest first, indexed by
    month: value, source_name, source_url and source_kind."""
    rows = rows.sort_values("period_start")
    index = pd.PeriodIndex(rows["period_start"].dt.to_period("M"))
    return pd.DataFrame(
        {
            "value": rows["value"].to_numpy(float),
            **{column: rows[column].to_numpy() for column in ("source_name", "source_url", "source_kind")},
        },
        index,
    )


def months_beyond(values: pd.Series, above: bool) -> int:
    """N such that the latest month is above (or below) each of the N-1 months right before it, all published.

    Counting stops at the first month that is not published, or not strictly beyond the latest value."""
    published = dict(zip(values.index, values, strict=True))
    latest = values.index[-1]
    count = 1
    while (month := latest - count) in published and (
        published[month] < published[latest] if above else published[month] > published[latest]
    ):
        count += 1
    return count


def run_length(values: pd.Series, rising: bool) -> int:
    """k such that each of the latest k months is higher (or lower) than the month before, all published."""
    published = dict(zip(values.index, values, strict=True))
    month, count = values.index[-1], 0
    while month - 1 in published and (
        published[month] > published[month - 1] if rising else published[month] < published[month - 1]
    ):
        count, month = count + 1, month - 1
    return count


def median_before(values: pd.Series, window: int) -> tuple[float, int] | None:
    """The median of the published months among the `window` before the latest, and how many are published."""
    latest = values.index[-1]
    before = values[(values.index >= latest - window) & (values.index < latest)]
    return (float(before.median()), len(before)) if len(before) else None


def findings(values: pd.Series) -> list[tuple[str, dict]]:
    """Each rule the latest month of `values` (published months, indexed by month) meets, with its numbers."""
    if values.empty:
        return []
    rules = SIGNAL_RULES
    found = []
    for code, above in (("highest_since", True), ("lowest_since", False)):
        months = months_beyond(values, above)
        if months >= rules[code].minimum:
            found.append((code, {"months": months}))
    for code, rising in (("rising_run", True), ("falling_run", False)):
        length = run_length(values, rising)
        if length >= rules[code].minimum:
            found.append((code, {"length": length}))
    for code, sign in (("above_median", 1), ("below_median", -1)):
        rule = rules[code]
        median = median_before(values, rule.window)
        if median is None or median[1] < rule.published or median[0] <= 0:
            continue
        share = (values.iloc[-1] - median[0]) / median[0] * 100
        if share * sign >= rule.minimum:
            found.append((code, {"median": median[0], "published": median[1], "share": share}))
    return found


def figure(value: float) -> str:
    """A figure as its source writes it: '1,234', or '2.5' when it has decimals."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def month_name(month: pd.Period) -> str:
    return f"{month:%b %Y}"


def ordinal(count: int) -> str:
    return ORDINALS[count - 1] if count <= len(ORDINALS) else f"{count}th"


def wording(code: str, numbers: dict, values: pd.Series, place: str, measure: str) -> tuple[str, str]:
    """The headline and the sentence with its figures, for one finding of `findings`."""
    latest = values.index[-1]
    now = f"{figure(values.iloc[-1])} in {month_name(latest)}"
    if code in ("highest_since", "lowest_since"):
        months = numbers["months"]
        headline = f"{place} {measure} {code.split('_')[0]} in {months} months"
        side = "above" if code == "highest_since" else "below"
        first, last = month_name(latest - (months - 1)), month_name(latest - 1)
        return headline, f"{headline}: {now}, {side} every month from {first} to {last}"
    if code in ("rising_run", "falling_run"):
        length = numbers["length"]
        change = "rise" if code == "rising_run" else "decline"
        headline = f"{place} {measure}: {ordinal(length)} month of {change} in a row"
        steps = [f"{figure(values[latest - back])} in {month_name(latest - back)}" for back in range(length, -1, -1)]
        return headline, f"{headline}: " + ", ".join(steps)
    window = SIGNAL_RULES[code].window
    side = "above" if numbers["share"] > 0 else "below"
    # The count is in the headline, so every place a signal is shown (title, line, table) says what it rests on.
    headline = (
        f"{place} {measure} {abs(numbers['share']):.0f}% {side} the {window}-month median "
        f"({numbers['published']} of {window} months found)"
    )
    return headline, f"{headline}: {now}, against a median of {figure(numbers['median'])}"


def trends_link(tracker: str, series: str, region: str, metric: str, months: pd.PeriodIndex, app_url="") -> str:
    """The Trends page on this series' monthly chart, the latest month's year against the latest earlier
    year it can be compared with; codes only, so the link survives a change of labels."""
    slots: dict[int, tuple[int, ...]] = {}
    for month in months:
        slots[month.year] = (*slots.get(month.year, ()), month.month)
    params = {"source": [f"{tracker}:{series}"], "cadence": ["month"], "region": [region], "metric": [metric]}
    year = months[-1].year
    earlier = next((e for later, e in comparable_pairs(slots) if later == year), None)
    if earlier is not None:
        params |= {"year": [str(year)], "vs": [str(earlier)]}
    page = f"{app_url.rstrip('/')}/{TRENDS_PAGE}" if app_url else TRENDS_PAGE
    return share_link(page, params)


def series_signals(rows: pd.DataFrame, app_url="") -> list[Signal]:
    """The signals of one series' latest published month, from its monthly rows of the displayed figures."""
    months = monthly_values(rows)
    if months.empty:
        return []
    tracker, series, region, metric = rows.iloc[0][SERIES_KEY]
    values = months["value"]
    latest = values.index[-1]
    place, measure = TRACKER_REGIONS.label(region), METRIC_LABELS.get(metric, metric).lower()
    source = f"Source: {tracker}, {SERIES.label(series)}"
    out = []
    for code, numbers in findings(values):
        headline, sentence = wording(code, numbers, values, place, measure)
        out.append(
            Signal(
                code,
                tracker,
                series,
                region,
                metric,
                latest.to_timestamp().date(),
                float(values.iloc[-1]),
                headline,
                f"{sentence}. {source}.",
                trends_link(tracker, series, region, metric, values.index, app_url),
                str(months["source_url"].iloc[-1]),
                str(months["source_name"].iloc[-1]),
                str(months["source_kind"].iloc[-1]),
            )
        )
    return out


def signals(figures: pd.DataFrame, app_url: str = "") -> list[Signal]:
    """Every signal of every monthly series, newest month first, then in the declared order of rules,
    trackers, regions and measures."""
    monthly = figures[(figures["period_type"] == "month") & ~figures["metric"].isin(NOT_ADDITIVE)]
    groups = monthly.groupby(SERIES_KEY, sort=False)
    found = [signal for _, rows in groups for signal in series_signals(rows, app_url)]

    def order(signal: Signal):
        return (
            -signal.month.toordinal(),
            _rank(SIGNAL_RULES.codes, signal.rule),
            _rank(TRACKERS.codes, signal.tracker),
            _rank(TRACKER_REGIONS.codes, signal.region),
            _rank(METRICS.codes, signal.metric),
            signal.series,
        )

    return sorted(found, key=order)


def _rank(codes: tuple[str, ...], code: str) -> int:
    return codes.index(code) if code in codes else len(codes)


def signals_table(found: list[Signal]) -> pd.DataFrame:
    """Every signal as a person reads it: what, which month, the figure, whose count and the rule's name
    (its words are on the slide once, not on every row)."""
    return pd.DataFrame(
        {
            "Signal": [s.headline for s in found],
            "Month": [f"{s.month:%b %Y}" for s in found],
            "Figure": [figure(s.value) for s in found],
            "Tracker and layer": [s.scope for s in found],
            "Rule": [SIGNAL_RULES.label(s.rule) for s in found],
        }
    )


def rules_statement(found: list[Signal]) -> str:
    """'Rules: ...' with the words of each rule the signals met, once, in the declared order."""
    used = [rule for rule in SIGNAL_RULES.items if any(s.rule == rule.code for s in found)]
    return "Rules: " + " ".join(rule.text for rule in used)


def latest_months(found: list[Signal]) -> str:
    """'Feb 2026 in PICSS (attacks and security operations combined), Oct 2025 in PICSS (militant attacks
    only)': the latest month with a figure of each counting layer the signals read, which differ."""
    months: dict[tuple[str, str], set[dt.date]] = {}
    for signal in found:
        months.setdefault((signal.tracker, signal.series), set()).add(signal.month)
    spans = []
    for (tracker, series), held in months.items():
        first, last = min(held), max(held)
        span = f"{first:%b %Y}" if first == last else f"{first:%b %Y} to {last:%b %Y}"
        spans.append(f"{span} in {tracker} ({SERIES.label(series)})")
    return ", ".join(spans)


def reposted(found: list[Signal]) -> str:
    """' (latest month from Dawn (via longform.social record) (repost on an unrelated site))' when a signal's
    latest figure comes from a repost: the slide said only 'as published', like a tracker's own page."""
    reposts = dict.fromkeys(cited(s.source_name, s.source_kind) for s in found if s.source_kind == "repost")
    return f", latest month from {'; '.join(reposts)}" if reposts else ""


def signals_slide(found: list[Signal], data_as_of: dt.date | None, provinces: tuple[str, ...] = ()) -> Slide:
    """The briefing's signals slide: every signal once, as a row of its table naming whose count its figures
    are (Signal.scope), the words of every rule used as its statement, the Trends links and the sources for
    the speaker notes (the first three signals were statements too, and a deck printed them twice). Its title
    names the first signal's counting layer, and its source line each layer's latest month and, when the
    sidebar's `provinces` leave a signal's region out, that they do not apply."""
    as_of = f"Data as of {format_day(data_as_of)}" if data_as_of else "Data date unknown"
    if not found:
        return Slide(
            "signals",
            "No tracker series stands out in its latest month with a figure",
            f"Trackers' monthly figures as published · every region they publish · {as_of}",
            statements=tuple(rule.text for rule in SIGNAL_RULES.items),
        )
    first = found[0]
    trackers = dict.fromkeys(s.tracker for s in found)
    regions = dict.fromkeys(TRACKER_REGIONS.label(s.region) for s in found)
    shown = other_region(
        ", ".join(regions), provinces, EVERY_REGION if {s.region for s in found} - set(provinces) else ""
    )
    more = f", and {len(found) - 1} more signal{'s' if len(found) > 2 else ''}" if len(found) > 1 else ""
    return Slide(
        "signals",
        f"{first.tracker}, {SERIES.short(first.series)}: {first.headline}{more}",
        f"{', '.join(trackers)} · {shown} · latest month with a figure: {latest_months(found)} · "
        f"monthly figures as published{reposted(found)} · {as_of}",
        table=signals_table(found),
        statements=(rules_statement(found),),
        links=tuple(dict.fromkeys([*(s.link for s in found), *(s.source_url for s in found)])),
        row_links=tuple(s.link for s in found),
    )


def main() -> int:
    """Print every current signal of the configured data folder, with its rule and link."""
    from components.dataset import load_dataset
    from components.paths import data_dir

    data = load_dataset(data_dir())
    found = signals(data.figures)
    as_of = f"data as of {format_day(data.data_as_of)}" if data.data_as_of else "data date unknown"
    print(f"{len(found)} signals, {as_of}")
    for signal in found:
        print(f"\n{signal.sentence}\n  rule: {signal.rule_text}\n  chart: {signal.link}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
