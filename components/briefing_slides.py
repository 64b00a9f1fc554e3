"""The briefing as slides: one finding each, stated as a sentence, with its evidence and its source line.

Built from the dataset, the filtered events and the sidebar filter only, so the screen (views/briefing) and a
take-away deck show the same slides. Charts are drawn at a fixed design size for a 1920 x 1080 screen with
type of at least BRIEFING_FONT px; the screen scales the whole drawing to the space it has (components/ui/
briefing.py), so type stays in proportion at any screen size.
"""

from __future__ import annotations

import datetime as dt
import math

import altair as alt
import pandas as pd

from components.charts import comparison_chart, date_axis, gap_labels, with_halo
from components.crossings import (
    NO_DATED_REPORT,
    SAME_START_DAYS,
    gates_text,
    in_force_text,
    in_provinces,
    latest_report,
    none_in_text,
    provinces_text,
    reported_text,
    since_text,
    status_on,
)
from components.data_age import Coverage, events_end_words, no_events_title
from components.dataset import Dataset
from components.dates import VEGA_DAY, format_day, format_published
from components.diplomacy import filter_events
from components.event_words import killed_basis
from components.incidents import IncidentFilter, count_text, figure_range, killed_sum, place_names
from components.map_labels import pixels
from components.map_views import MapView, resolve_view
from components.palette import DIPLOMACY_INK, FIGURE_BARS, SOFT_INK, TOTALS
from components.schemas import split_list
from components.signals import signals, signals_slide
from components.slides import BigNumber, Slide
from components.sources import cited, cited_names
from components.trends import (
    CADENCES,
    COUNTING_RULES,
    HEADLINE,
    HEADLINE_METRIC,
    NATIONAL,
    SERIES_LABELS,
    YearComparison,
    annual_side_by_side,
    compare,
    comparison_table,
    count_change,
    headline,
    kpis,
    monthly_on_calendar,
    other_region,
    side_by_side_table,
    slots_label,
    tracker_scope,
)
from components.ui.timeline import VIOLENCE_SERIES, partial_months, unpublished_months
from components.vocabulary import (
    CROSSING_STATUSES,
    DIPLOMACY_TRACKS,
    EVENT_TYPES,
    NO_CROSSING_STATUS,
    drawn_family_colours,
    family_label,
)

# Trackers "disagree" when their annual figures for one measure and year differ by more than this share of
# the lowest one; each counts its own layer (components.trends.COUNTING_RULES), which the slide says.
DISAGREE_SHARE = 0.25
DISAGREE_METRICS = {"deaths_total": "deaths", "attacks": "attacks"}
BRIEFING_FONT = 28  # px at the design size below, i.e. on a 1920 x 1080 screen
EMPTY_STRETCH_DAYS = 75  # a stretch past the last monthly figure wide enough to say so inside the chart
CHART_SIZE = (1640, 600)  # plot width and height in design px; axes, legend and padding come on top
# The map slide is drawn at a design size too (px of a 1920 x 1080 screen, the room under a one-line title)
# with labels of BRIEFING_FONT px, and scaled whole like the charts.
MAP_DESIGN_PX = (1840, 720)
MAP_MARGIN_PX = 24  # kept clear round the two countries
LATEST_COUNT = 5
# A period shorter than this draws each month as a level across its days, not a bar that fills the plot.
LEVELS_BELOW_DAYS = 93
LEVEL_STROKE = 8  # design px
LEVEL_HEADROOM = 1.25  # the level axis runs this far past the highest month's figure (room for its words)
TIMELINE_RIGHT_PX = 70  # design px: half a date label of BRIEFING_FONT type
CURATED_EVENTS = "Curated incidents (notable, not exhaustive)"
NO_DATA_KEY = "no data for this period"  # the map slide's legend past the incidents' last day


def briefing_slides(
    data: Dataset,
    events: pd.DataFrame,
    selection: IncidentFilter,
    events_label: str = CURATED_EVENTS,
    past_data: bool = False,
    events_end: dt.date | None = None,
    imported: bool = False,
) -> list[Slide]:
    """Every slide the data support, in BRIEFING_PANELS order; "Trackers' totals differ" only when they do.
    `past_data`: the link's period lay past the data date (and was cut to it), so an empty slide says so;
    `events_end`: the last day the events cover (store.events_coverage), which may be before the data date;
    `imported`: the events are the user's file, not the curated incidents."""
    as_of = _as_of(data)
    past = _past_data(data) if past_data else None
    gates = gates_text(data["crossings"], selection.provinces, selection.end)
    slides = [
        headline_slide(data, selection, as_of),
        trend_slide(data, selection, as_of),
        map_slide(events, selection, as_of, events_label, past, events_end, imported, gates),
        timeline_slide(data, selection, as_of, past),
        latest_slide(data, events, selection, as_of, events_label, past, events_end, imported),
        crossings_slide(data, selection.end, as_of, selection.provinces),
        disagree_slide(data, selection.provinces, as_of),
        signals_slide(signals(data.figures), data.data_as_of, selection.provinces),
    ]
    return [slide for slide in slides if slide is not None]


def filters_sentence(selection: IncidentFilter) -> str:
    """'Filters: Balochistan; 1 Jan 2025 – 8 Apr 2026': what the link's sidebar filters narrow the slides to."""
    parts = [selection.chosen(), f"{format_day(selection.start)} – {format_day(selection.end)}"]
    return "Filters: " + "; ".join(part for part in parts if part)


def _as_of(data: Dataset) -> str:
    return f"data as of {format_day(data.data_as_of)}" if data.data_as_of else "data date unknown"


def _past_data(data: Dataset) -> str:
    """The title of an empty slide whose period the link set past the data: never "0 incidents", which reads
    as a quiet time."""
    day = format_day(data.data_as_of) if data.data_as_of else "unknown"
    return f"The link's period runs past the data date ({day}): this data set holds nothing after it"


def _direction(before: float | None, after: float | None) -> str:
    """'up 15%', 'down 3%', 'down 1' on a base under SMALL_BASE, 'no change' (trends.count_change, as the
    cards and sentences of the other pages say it); a side with no figure is not "no change"."""
    change = count_change(before, after)
    return change.words() if change else "not comparable (a side has no figure)"


def _tracker_source(region: str) -> str:
    tracker, series = HEADLINE
    return f"{tracker} monthly figures ({SERIES_LABELS[series]}), {region}"


def _links(frame: pd.DataFrame, column: str = "source_url") -> tuple[str, ...]:
    return tuple(dict.fromkeys(url for url in frame[column].dropna() if url))


def headline_slide(data: Dataset, selection: IncidentFilter, as_of: str) -> Slide:
    """Headline cards of the headline tracker, each over its periods (trends.kpis); the title: attacks' change."""
    code = "kpis"
    view = headline(data.figures, selection.provinces)
    if view.years is None:
        return Slide(code, "No monthly tracker figures are loaded", as_of)
    tracker, series = HEADLINE
    row = kpis(data.figures, tracker, series, view.region, *view.years)
    if row.cards.empty:
        return Slide(code, f"No measure is published for the same months of {row.later} and {row.earlier}", as_of)
    numbers = tuple(
        BigNumber(
            f"{card.label}, {row.span(card.slots)}",
            f"{card.later:,.0f}",
            f"{_direction(card.earlier, card.later)} vs {card.earlier:,.0f} in {row.earlier}",
        )
        for card in row.cards.itertuples(index=False)
    )
    first = row.cards.iloc[0]
    title = _in_region(
        f"{first.label} {_direction(first.earlier, first.later)} in {row.span(first.slots)} vs {row.earlier}",
        view.region,
    )
    region = other_region(view.region, selection.provinces, view.reason)
    source = f"{_tracker_source(region)} · {row.windows} · {tracker_scope(selection)} · {as_of}"
    links = _links(data.figures[(data.figures["tracker"] == tracker) & (data.figures["region"] == view.region)])
    return Slide(code, title, source, numbers=numbers, links=links[-3:])


def _in_region(finding: str, region: str) -> str:
    """'Balochistan: attacks down 23% ...' for a province; the national finding as it is."""
    return finding if region == NATIONAL else f"{region}: {finding[0].lower()}{finding[1:]}"


def trend_slide(data: Dataset, selection: IncidentFilter, as_of: str) -> Slide:
    """Attacks per month, later year against earlier; the title gives the like-for-like change and, when the
    running total passed the earlier year's, the month it did."""
    code = "trend"
    view = headline(data.figures, selection.provinces)
    if view.years is None:
        return Slide(code, "No monthly tracker figures are loaded", as_of)
    tracker, series = HEADLINE
    comparison = compare(
        data.figures, tracker, series, view.region, HEADLINE_METRIC, *view.years, "month", data.data_as_of
    )
    title = _trend_title(comparison, view.region)
    source = (
        f"{_tracker_source(other_region(view.region, selection.provinces, view.reason))} · "
        f"{slots_label(comparison.later_slots, 'month')} {comparison.later} "
        f"and {slots_label(comparison.earlier_slots, 'month')} {comparison.earlier} · {tracker_scope(selection)} · "
        f"{as_of}"
    )
    chart = _sized(comparison_chart(comparison, "Attacks"))
    chart.title = alt.Undefined
    return Slide(code, title, source, chart=_styled(chart), table=comparison_table(comparison))


def _trend_title(comparison: YearComparison, region: str) -> str:
    window, later, earlier = comparison.window, comparison.later, comparison.earlier
    if comparison.window_later is None:
        return _in_region(f"Attacks per month: {earlier} has none of {later}'s months published", region)
    direction = _direction(comparison.window_earlier, comparison.window_later)
    title = f"Attacks {direction} in {window} {later} against {window} {earlier}"
    if comparison.passed_slot:
        month = CADENCES["month"][comparison.passed_slot - 1]
        title += f"; by {month} {later} they passed {comparison.earlier_total_name}"
    return _in_region(title, region)


def map_slide(
    events: pd.DataFrame,
    selection: IncidentFilter,
    as_of: str,
    events_label: str,
    past: str | None = None,
    events_end: dt.date | None = None,
    imported: bool = False,
    gates: str = "",
) -> Slide:
    """The incidents the filters keep and the crossings' status in force on the period's end; the screen draws
    the map itself. `past`: the title when the link's period lies past the data and nothing is in it; a period
    past `events_end` (the last day the events cover) says so: "0 incidents" there read as calm. `gates`: which
    crossings are drawn and how (crossings.gates_text)."""
    killed = killed_sum(events["killed"])
    noun = "events" if imported else "incidents"
    title = f"{len(events):,} {noun}, {killed.killed:,} killed ({killed_basis(imported)})"
    no_data_key = {}  # the legend's words when nothing is drawn because nothing is known, not nothing happened
    if past and events.empty:
        title, no_data_key = past, {"no_families": NO_DATA_KEY}
    elif events_end is not None and selection.start > events_end:
        title = no_events_title(events_end, imported)
        no_data_key = {"no_families": NO_DATA_KEY}
    elif killed.unstated:  # a missing toll is not a zero: say whose tolls the figure adds up
        title = (
            f"{len(events):,} incidents; {killed.killed:,} killed in the {killed.stated:,} that state a toll "
            "(lowest figure)"
        )
    if events_end is not None and selection.start <= events_end < selection.end:
        title += f"; {events_end_words(events_end, imported)}"
    where = filters_sentence(selection).removeprefix("Filters: ")
    source = f"{events_label} · {where} · {gates or 'crossings ' + in_force_text(selection.end)} · {as_of}"
    families = tuple(drawn_family_colours(events["event_type"].map(family_label)))
    return Slide("map", title, source, links=_links(events.head(10)), families=families, **no_data_key)


def briefing_map_view(bounds: tuple[float, float, float, float]) -> MapView:
    """The map slide's view: the box (west, south, east, north, degrees; the two countries') centred and as
    large as fits MAP_DESIGN_PX inside its margin, in deck.gl's Web-Mercator pixels."""
    west, south, east, north = (float(edge) for edge in bounds)
    left, bottom = pixels(west, south, 0)
    right, top = pixels(east, north, 0)
    width, height = (side - 2 * MAP_MARGIN_PX for side in MAP_DESIGN_PX)
    zoom = math.log2(min(width / (right - left), height / (bottom - top)))
    middle = (top + bottom) / 2 / 512  # 0 at the north edge of the world, 1 at the south
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * middle))))
    return resolve_view(None, lat=lat, lon=(west + east) / 2, zoom=zoom)


def _violence_months(data: Dataset, provinces: tuple[str, ...]) -> tuple[str, pd.DataFrame, str]:
    """The region and monthly deaths the timeline slide draws: the one province the link selects when the
    headline tracker has its monthly deaths, else national, and why it is not the link's provinces (Headline.
    reason). It drew national deaths under a link's "Filters: Balochistan", and a room read Pakistan's 228 as
    Balochistan's."""
    tracker, series, _, metric = VIOLENCE_SERIES
    view = headline(data.figures, provinces)
    region, reason = view.region, view.reason
    months = monthly_on_calendar(data.figures, tracker, series, region, metric)
    if months.empty and region != NATIONAL:
        reason = f"this data set has no monthly {tracker} deaths for {region}"
        region, months = NATIONAL, monthly_on_calendar(data.figures, *VIOLENCE_SERIES)
    return region, months, reason


def timeline_slide(data: Dataset, selection: IncidentFilter, as_of: str, past: str | None = None) -> Slide:
    """Monthly deaths and the diplomatic events of the period on one time axis; `past` is the title when the
    link's period lay past the data date (briefing_slides)."""
    tracker, series, *_ = VIOLENCE_SERIES
    start, end = selection.start, selection.end
    region, published, reason = _violence_months(data, selection.provinces)
    monthly = published[(published["month_end"].dt.date >= start) & (published["month_start"].dt.date <= end)]
    covered = (
        None
        if published.empty
        else Coverage(published["month_start"].min().date(), published["month_end"].max().date())
    )
    gaps = unpublished_months(monthly, covered, start, end)
    talks = filter_events(data.diplomacy_events, start, end)
    period = f"{format_day(start)} – {format_day(end)}"
    after = covered.last if covered is not None and covered.last < end else None
    before = covered.first if covered is not None and covered.first > start else None
    # Where the series stops (or starts) inside the period, the title says so: a footer was the only place that
    # did, and an imported file's 2018-2023 read as years without deaths or talks.
    ends = [f"{side} {month:%b %Y}" for side, month in (("before", before), ("after", after)) if month is not None]
    stops = f"no figure found {' or '.join(ends)} in this data set" if ends else ""
    if past is not None:
        title = past
    elif monthly.empty:
        title = f"{len(talks)} diplomatic events; no monthly deaths figure found in this data set for {period}"
    elif len(monthly) == 1:  # one month has its figure, not a peak "of 1 month"
        only = monthly.iloc[0]
        whole = "the whole of " if partial_months(monthly, start, end) else ""
        title = (
            f"Deaths in militant attacks: {only['value']:,.0f} in {whole}{only['month_start']:%b %Y}"
            f"{f' ({stops})' if stops else ''}; {len(talks)} diplomatic events in the period"
        )
    else:
        worst = monthly.loc[monthly["value"].idxmax()]
        title = (  # the peak of the months with a figure only: a month not found may have been higher
            f"Deaths in militant attacks peaked at {worst['value']:,.0f} in {worst['month_start']:%b %Y} "
            f"(of {len(monthly)} months with a figure{f'; {stops}' if stops else ''}); "
            f"{len(talks)} diplomatic events in the period"
        )
    if past is None and (region != NATIONAL or selection.provinces):  # whose deaths, when the link names provinces
        title = f"{region}: {title[0].lower()}{title[1:]}"
    source = (
        f"{tracker} monthly figures ({SERIES_LABELS[series]}), {other_region(region, selection.provinces, reason)}, "
        "deaths; diplomatic events from "
        f"the curated timeline · {period} · {as_of}"
    )
    source += "".join(f" · {line}" for line in partial_months(monthly, start, end))
    if stops and (past is not None or monthly.empty):  # else the title said it: once is enough
        source += f" · monthly deaths: {stops}"
    chart = _timeline_chart(monthly, gaps, talks, start, end, before, after)
    table = monthly.assign(month=monthly["month_start"].dt.strftime("%b %Y"))[["month", "value"]]
    return Slide("timeline", title, source, chart=chart, table=table, links=_links(talks))


def _timeline_chart(
    monthly: pd.DataFrame,
    gaps: pd.DataFrame,
    talks: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    figures_start: dt.date | None = None,
    figures_end: dt.date | None = None,
) -> alt.LayerChart:
    """Monthly deaths as bars, gaps labelled in words (charts.gap_labels), diplomatic events as rules; before
    `figures_start` and after `figures_end` (the first and last months with a figure, when the period runs
    past them) the empty stretch says in the chart why it is empty, so across a room it does not read as a lull."""
    domain = [pd.Timestamp(start).isoformat(), pd.Timestamp(end).isoformat()]
    x_scale = alt.Scale(domain=domain)
    month_x = alt.X("month_start:T", title=None, scale=x_scale, axis=date_axis(start, end, labelAngle=0))
    deaths = alt.Y("value:Q", title="Deaths per month", axis=alt.Axis(format=",.0f"), scale=alt.Scale(zero=True))
    month_tooltip = [alt.Tooltip("month_start:T", title="Month", format="%b %Y"), alt.Tooltip("value:Q")]
    if (end - start).days + 1 < LEVELS_BELOW_DAYS:
        if not monthly.empty:  # room above the highest level for its words: at the plot's edge it read as a border
            deaths = deaths.scale(zero=True, domainMax=float(monthly["value"].max()) * LEVEL_HEADROOM)
        bars, words = _month_levels(monthly, month_x, x_scale, deaths, month_tooltip, start)
    else:
        words = None
        bars = (
            alt.Chart(monthly)
            .mark_bar(color=TOTALS, clip=True)
            .encode(x=month_x, x2="month_end:T", y=deaths, y2=alt.datum(0), tooltip=month_tooltip)
        )
    crosses = gap_labels(
        gaps.assign(gap_label=gaps["note"]),
        alt.X("month_mid:T", scale=x_scale),
        tooltip=[alt.Tooltip("month_mid:T", title="Month", format="%b %Y"), alt.Tooltip("note:N", title="Value")],
    )
    # One ink for diplomacy, as on the Diplomacy page: hues belong to incident types (components/palette.py).
    shown = talks.assign(track_label=talks["track"].map(DIPLOMACY_TRACKS.labels), kind="Diplomatic event")
    rules = (
        alt.Chart(shown)
        .mark_rule(strokeWidth=4, clip=True)
        .encode(
            x=alt.X("date_start:T", scale=x_scale),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=["Diplomatic event"], range=[DIPLOMACY_INK]),
                title=None,
                legend=alt.Legend(orient="top", symbolStrokeWidth=6, symbolSize=400),
            ),
            tooltip=[
                alt.Tooltip("date_start:T", title="Date", format=VEGA_DAY),
                alt.Tooltip("title:N"),
                alt.Tooltip("track_label:N", title="Track"),
            ],
        )
    )
    # The events over the months: behind a month that filled the plot, a one-month period's nine were hidden.
    layers = [bars, rules, with_halo(crosses)] + ([] if words is None else [words])
    stretches = [(start, figures_start, "before", figures_start), (figures_end, end, "after", figures_end)]
    for first, last, side, month in stretches:
        if month is None or (last - first).days < EMPTY_STRETCH_DAYS:
            continue
        middle = pd.Timestamp(first) + (pd.Timestamp(last) - pd.Timestamp(first)) / 2
        note = pd.DataFrame({"middle": [middle], "text": [f"no figure\nfound {side}\n{month:%b %Y}"]})
        layers.append(
            with_halo(  # in the type's ink, light or dark
                alt.Chart(note)
                .mark_text(fontSize=BRIEFING_FONT, baseline="top", dy=8, lineBreak="\n")
                .encode(x=alt.X("middle:T", scale=x_scale), y=alt.value(0), text="text")
            )
        )
    # Room on the right for the last month's label, which Vega's bounds leave out (cut in Chromium at 1280 px).
    return _styled(_sized(alt.layer(*layers)).properties(padding={"right": TIMELINE_RIGHT_PX}))


def _month_levels(
    monthly: pd.DataFrame, x: alt.X, x_scale: alt.Scale, y: alt.Y, tooltip: list, start: dt.date
) -> tuple[alt.Chart, alt.Chart]:
    """Each month as a level across its days at its figure, and the figure written over it ("Oct 2025: 109 in
    the whole month"): over a period of a few weeks a month's bar filled the whole plot, and its days and the
    events on them could not be told apart. The words are drawn last, over the events' rules."""
    first = pd.Timestamp(start)
    shown = monthly.assign(
        label_at=monthly["month_start"].clip(lower=first),
        label=[
            f"{month:%b %Y}: {value:,.0f} in the whole month"
            for month, value in monthly[["month_start", "value"]].itertuples(index=False)
        ],
    )
    level = alt.Chart(shown).mark_rule(color=TOTALS, strokeWidth=LEVEL_STROKE, clip=True)
    words = alt.Chart(shown).mark_text(align="left", baseline="bottom", dx=8, dy=-LEVEL_STROKE)
    return (
        level.encode(x=x, x2="month_end:T", y=y, tooltip=tooltip),
        words.encode(x=alt.X("label_at:T", scale=x_scale), y="value:Q", text="label:N"),
    )


def latest_slide(
    data: Dataset,
    events: pd.DataFrame,
    selection: IncidentFilter,
    as_of: str,
    events_label: str,
    past: str | None = None,
    events_end: dt.date | None = None,
    imported: bool = False,
) -> Slide:
    """The newest incidents and diplomatic events, one short line each, newest first; `past`: the title when
    the link's period lies past the data and nothing is in it; lines after `events_end` (the events' last
    day) are diplomacy only, and the title says so."""
    talks = filter_events(data.diplomacy_events, selection.start, selection.end)
    lines = pd.concat(
        [
            pd.DataFrame(
                {
                    "date": talks["date_start"],
                    "line": [
                        f"{format_day(day)} · {DIPLOMACY_TRACKS.label(track)}: {title} ({source})"
                        for day, track, title, source in zip(
                            talks["date_start"], talks["track"], talks["title"], cited_names(talks), strict=True
                        )
                    ],
                    "links": [(url,) for url in talks["source_url"]],
                }
            ),
            _incident_lines(events.nlargest(LATEST_COUNT, "date"), data["incidents"]),
        ],
        ignore_index=True,
    )
    newest = lines.sort_values("date", ascending=False, kind="stable").head(LATEST_COUNT)
    if newest.empty:
        title = past or "Nothing recorded in the period"
        return Slide("latest", title, f"{filters_sentence(selection)} · {as_of}")
    title = f"Latest developments to {format_day(newest['date'].iloc[0])}"
    if events_end is not None and newest["date"].iloc[0].date() > events_end:
        title += f"; {events_end_words(events_end, imported)}"
    source = f"{events_label} and the curated diplomatic timeline · {filters_sentence(selection)} · {as_of}"
    links = tuple(dict.fromkeys(url for urls in newest["links"] for url in urls if isinstance(url, str) and url))
    return Slide("latest", title, source, statements=tuple(newest["line"]), links=links)


def _incident_lines(events: pd.DataFrame, accounts: pd.DataFrame) -> pd.DataFrame:
    """'16 Mar 2026 · Airstrike in Kabul: 143–408 killed (143 per press report in Dazzling Dawn; 408 per Afghan
    Taliban government in Vancouver Courier (AFP))', from declared fields only, each figure beside the party
    stating it and the outlet it appeared in (see incident_toll), and a place named once."""
    lines, links = [], []
    for row in events.itertuples(index=False):
        toll, sources = incident_toll(row, accounts)
        lines.append(f"{format_day(row.date)} · {EVENT_TYPES.label(row.event_type)} in {_where(row)}: {toll}")
        links.append(sources)
    return pd.DataFrame({"date": events["date"], "line": lines, "links": links})


def _where(row) -> str:
    """'Hali Road, Quetta, Balochistan', or for an incident its sources place in several provinces each of them:
    the 13 Mar 2026 drones on Quetta, Kohat and Rawalpindi read "…, Punjab" under a Balochistan filter."""
    several, listed = getattr(row, "multi_province", False), getattr(row, "provinces", None)
    if pd.notna(several) and bool(several) and pd.notna(listed):
        return f"{place_names(row.place)} ({', '.join(split_list(listed))})"
    return place_names(row.place, row.province)


def incident_toll(event, accounts: pd.DataFrame) -> tuple[str, tuple[str, ...]]:
    """'143–408 killed (143 per press report in Dazzling Dawn; 408 per Afghan Taliban government in Vancouver
    Courier (AFP))' and the links of the sources named. A figure is credited to who states it (the account:
    a party's claim, or a press report) and then to the outlet that carried it, so an outlet is never read as
    the author of a party's claim. An event's own source is its first account, which need not state the lowest
    or highest figure, so each end of the range is credited to the first account (in file order) stating it;
    an event that is not one of `accounts`' incidents (an imported file's) has one source, which states its
    whole range."""
    outlet = cited(event.source_name, getattr(event, "source_kind", None))  # a repost says so
    if pd.isna(event.killed_low):
        return f"toll not stated ({outlet})", (event.source_url,)
    low_high = (event.killed_low, event.killed_high)
    toll = f"{figure_range(*low_high)} killed"
    own = accounts[accounts["incident_id"].eq(event.incident_id)].sort_values("source_row", kind="stable")
    if event.source_url not in set(own["source_url"]):
        return f"{toll} ({outlet})", (event.source_url,)
    stating = [own[own["killed_total"].eq(figure)].head(1) for figure in low_high]
    if any(found.empty for found in stating):  # a figure no single account states: count the accounts, credit none
        return f"{toll} ({own['account'].nunique()} accounts)", tuple(own["source_url"].unique())
    low, high = (found.iloc[0] for found in stating)
    if low_high[0] == low_high[1]:
        return f"{toll} (per {_stated_by(low)})", (low["source_url"],)
    credits = f"{count_text(low_high[0])} per {_stated_by(low)}; {count_text(low_high[1])} per {_stated_by(high)}"
    return f"{toll} ({credits})", (low["source_url"], high["source_url"])


def _stated_by(account: pd.Series) -> str:
    """'Afghan Taliban government in Vancouver Courier (AFP)': who states a figure (the declared `account`),
    then the outlet it appeared in (a repost says so)."""
    return f"{account['account']} in {cited(account['source_name'], account['source_kind'])}"


def crossings_slide(data: Dataset, day: dt.date, as_of: str, provinces: tuple[str, ...] = ()) -> Slide:
    """Each crossing's status in force on `day`, the period's end, as the Map page and the Overview draw it,
    by the rule of components.crossings (latest period wins): since the day it began without a break (each day
    the accounts give, when they differ) with the best-sourced account of that start, and the latest dated
    report of it with its source (a repost says so). A status is carried on until a source reports a change,
    so the title dates it by the latest report as well as by the day. Only the crossings in `provinces` are
    listed (crossings.in_provinces), the title counting them; a province with none says so."""
    source = (
        "Crossing status periods as sources state them, the latest in force until a source reports a change; since: "
        "the first day of that status without a break, or each day the sources give for that start when they "
        f"differ (within {SAME_START_DAYS} days); source: the best-sourced account of that start (a major outlet "
        f"before a repost); last reported: its latest dated report · {as_of}"
    )
    kept = in_provinces(data["crossings"], provinces)
    if kept.empty and provinces:
        source = f"Crossings and the provinces of their two sides as the crossings file lists them · {as_of}"
        return Slide("crossings", none_in_text(data["crossings"], provinces), source)
    status = status_on(kept, data["crossing_status"], day)
    labels = {**CROSSING_STATUSES.labels, NO_CROSSING_STATUS.code: NO_CROSSING_STATUS.label}
    table = pd.DataFrame(
        {
            "Crossing": status["name"],
            "Status": status["status"].map(labels),
            "Since": status["start_dates"].map(since_text),
            "Source": [
                cited(name, kind) if isinstance(name, str) else ""
                for name, kind in zip(status["source_name"], status["status_source_kind"], strict=True)
            ],
            "Last reported": [
                "" if code == NO_CROSSING_STATUS.code else _reported(published, cited(source, kind))
                for code, published, source, kind in status[
                    ["status", "last_reported", "last_reported_source", "last_reported_kind"]
                ].itertuples(index=False)
            ],
        }
    )
    counts = status["status"].value_counts()
    top = max(labels, key=lambda code: (counts.get(code, 0), code in CROSSING_STATUSES))
    # Most crossings without a recorded status (a period before the closures) is no status "as last reported".
    held = f"{labels[top].lower()} as last reported," if top in CROSSING_STATUSES else "have no recorded status"
    title = (
        f"{counts.get(top, 0)} of {len(status)} border crossings{provinces_text(provinces)} {held} "
        f"{in_force_text(day)}; {reported_text(latest_report(status), 'latest report')}"
    )
    links = _links(status) + _links(status, "last_reported_url")
    return Slide("crossings", title, source, table=table, links=tuple(dict.fromkeys(links)))


def _reported(published, source) -> str:
    """'18 Feb 2026, Khaama Press (via 103news) (repost on an unrelated site)', or that none of the status's
    rows shows its publication date."""
    return f"{format_published(published)}, {source}" if pd.notna(published) else NO_DATED_REPORT


# Why the trackers' totals slide is national whatever the sidebar's provinces (trends.other_region).
NATIONAL_ONLY = "the trackers' annual totals are compared for the whole country"


def disagree_slide(data: Dataset, provinces: tuple[str, ...], as_of: str) -> Slide | None:
    """The latest year in which trackers' annual figures for deaths (else attacks) differ by more than
    DISAGREE_SHARE of the lowest, nationally (its source line says so under the sidebar's `provinces`); None
    when they agree that closely."""
    figures = data.figures
    for year in sorted(figures["period_start"].dt.year.unique(), reverse=True):
        for metric, noun in DISAGREE_METRICS.items():
            side = annual_side_by_side(figures, int(year), metric)
            if len(side) < 2 or side["published_annual"].notna().sum() < 2:
                continue
            side = side.dropna(subset=["published_annual"])
            low, high = side.nsmallest(1, "published_annual").iloc[0], side.nlargest(1, "published_annual").iloc[0]
            spread = (high["published_annual"] - low["published_annual"]) / low["published_annual"]
            if low["published_annual"] <= 0 or spread <= DISAGREE_SHARE:
                continue
            rules = tuple(
                COUNTING_RULES.get((t, s), "") for t, s in side[["tracker", "series"]].itertuples(index=False)
            )
            # Totals counted by different rules (attacks only, or operations too) differ by design, not dispute.
            verb = "count differently" if len(set(rules)) > 1 else "disagree"
            title = (
                f"Trackers {verb} on {year} {noun}: {low['published_annual']:,.0f} ({low['tracker']}) "
                f"to {high['published_annual']:,.0f} ({high['tracker']}), {spread:.0%} apart"
            )
            source = (
                f"Annual totals as each tracker published them, {other_region(NATIONAL, provinces, NATIONAL_ONLY)}, "
                f"{year}; shown when they differ by more "
                f"than {DISAGREE_SHARE:.0%} of the lowest · {as_of}"
            )
            return Slide(
                "disagree",
                title,
                source,
                chart=_sources_chart(side, noun),
                table=side_by_side_table(
                    side[["tracker", "series", "metric", "published_annual", "status", "source", "source_url"]]
                ),
                statements=tuple(dict.fromkeys(rule for rule in rules if rule)),
                links=_links(side),
            )
    return None


def _sources_chart(side: pd.DataFrame, noun: str) -> alt.Chart:
    shown = side.assign(source=side["tracker"] + " · " + side["series"].map(SERIES_LABELS))
    chart = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=alt.Y("source:N", title=None, sort="-x", axis=alt.Axis(labelLimit=900)),
            x=alt.X(
                "published_annual:Q",
                title=f"{noun.capitalize()}, annual total",
                axis=alt.Axis(format=",.0f", tickCount=4),
            ),
            color=alt.value(FIGURE_BARS),  # one ink: each bar names its tracker (components/palette.py)
            tooltip=["tracker:N", "series:N", alt.Tooltip("published_annual:Q", format=",.0f")],
        )
    )
    # Figures in the type's ink, not the bars' hues, so they read on the dark slide too.
    labels = (
        alt.Chart(shown)
        .mark_text(align="left", dx=8, fontSize=BRIEFING_FONT)
        .encode(
            y=alt.Y("source:N", sort="-x"),
            x="published_annual:Q",
            text=alt.Text("published_annual:Q", format=",.0f"),
        )
    )
    return _styled(alt.layer(chart, labels).properties(width=CHART_SIZE[0] - 600, height=alt.Step(70)))


def _ink(*parts: str) -> dict[str, str]:
    """Dark grey type (the screen's dark variant turns it light)."""
    return {f"{part}Color": SOFT_INK for part in parts}


def _sized(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return chart.properties(width=CHART_SIZE[0], height=CHART_SIZE[1])


def _styled(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Slide type (BRIEFING_FONT and up), a transparent background and SVG, which the screen scales whole."""
    size = BRIEFING_FONT
    return (
        chart.configure(background="transparent", font="Source Sans Pro, Helvetica, Arial, sans-serif")
        .configure_axis(
            labelFontSize=size, titleFontSize=size, titleFontWeight="normal", labelLimit=600, **_ink("label", "title")
        )
        .configure_legend(
            labelFontSize=size,
            titleFontSize=size,
            orient="top",
            symbolSize=300,
            labelLimit=600,
            **_ink("label", "title"),
        )
        .configure_text(fontSize=size)  # a text mark that sets no size: a gap's label
        .configure_view(stroke=None)
        .properties(usermeta={"embedOptions": {"renderer": "svg"}})
    )
