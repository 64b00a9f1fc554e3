"""Altair chart builders: plain data in, chart out, no Streamlit. Tests read the chart's data back."""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.dates import VEGA_DAY, VEGA_DAY_MONTH, format_day, format_days, format_published
from components.geo import BAND_LABELS, whole_years
from components.map_labels import short_name
from components.palette import (
    COUNT_RAMP,
    DIPLOMACY_INK,
    FIGURE_BARS,
    MUTED_INK,
    NEUTRAL,
    SOFT_INK,
    TOTALS,
    YEAR_COLOURS,
)
from components.trends import (
    AFTER_DATA,
    CADENCES,
    NOT_FOUND,
    SERIES_LABELS,
    SIDE_BY_SIDE_HEADERS,
    YearComparison,
    slots_label,
)
from components.vocabulary import (
    BORDER_SHARES,
    CROSSING_STATUSES,
    DIPLOMACY_TRACKS,
    FIGURE_STATUSES,
    PERIOD_TYPES,
    RANKED,
    drawn_family_colours,
)

FONT_SIZE = 15  # readable on a projector


def _style(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure_axis(labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE)
        .configure_legend(labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE, orient="top")
        .configure_title(fontSize=FONT_SIZE + 2)
        .configure_text(fontSize=FONT_SIZE - 1)  # a text mark that sets no size: a gap's label
    )


def long_years(comparison: YearComparison, value_columns=("earlier", "later")) -> pd.DataFrame:
    """Period table to long form (slot, label, year, value, note) for charting; every period kept."""
    table = comparison.table
    parts = []
    for column, year in zip(value_columns, (comparison.earlier, comparison.later), strict=True):
        side = column.removeprefix("cum_")
        parts.append(
            pd.DataFrame(
                {
                    "slot": table["slot"],
                    "label": table["label"],
                    "year": str(year),
                    "value": table[column],
                    "note": table[f"{side}_note"],
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


GAP_WORDS = "no figure found"  # the first words of trends.NOT_FOUND, where a bar's place is narrow and short
GAP_LABEL_LIFT = 8  # px between the baseline and the foot of a gap's label, so the axis line never cuts it
HALO_PX = 6  # the paper round words drawn over lines
# A rank's axis: rank 1 (the most affected) at the top, no rank 0, the dots clear of the plot's edges.
# Blank before a crossing's first status lest it read as open; a status no source has ended runs on to the data
# date, and a solid band to 8 Apr 2026 read as a closure reported that day (the last report was 18 Feb).
CROSSINGS_SUBTITLE = [
    "Blank: no status reported for that time.",
    "A status no report has ended runs on to the data date (its tooltip gives the last report).",
]
SIDE_FIGURES = ("published_annual", "sum_of_periods")  # the two bars of a tracker in sources_chart
SIDE_INK = {"published_annual": 1.0, "sum_of_periods": 0.45}  # each bar's opacity, the same whichever is drawn
RANK_SCALE = alt.Scale(reverse=True, zero=False, nice=False, padding=24)


def gap_labels(gaps: pd.DataFrame, x: alt.X, **encodings) -> alt.Chart:
    """A period with no figure as the words of its `gap_label` column, standing where its bar would be and read
    upward from just above the baseline. A cross at zero was cut in half by the axis and, a few px across in a
    pale hue, read as a small value; words need no key, and in the type's ink (no colour of their own, so the
    dark slide's light type) they read on either paper. Their size is the chart's text size (config)."""
    return (
        alt.Chart(gaps.assign(zero=0))
        .mark_text(angle=270, align="left", baseline="middle", dx=GAP_LABEL_LIFT)
        .encode(x=x, y=alt.Y("zero:Q"), text="gap_label:N", **encodings)
    )


def with_halo(words: alt.Chart) -> alt.LayerChart:
    """`words` (a text chart) over a rim of paper, so lines drawn under them do not cut their letters (the
    briefing timeline's event rules crossed its gap words)."""
    mark = {key: value for key, value in words.mark.to_dict().items() if key != "type"}
    return alt.layer(words.mark_text(**mark, stroke=NEUTRAL["white"], strokeWidth=HALO_PX), words)


def _title(text: str, subtitle: list[str]) -> alt.TitleParams:
    return alt.TitleParams(text, subtitle=subtitle, anchor="start", subtitleFontSize=FONT_SIZE - 2)


def comparison_chart(
    comparison: YearComparison, metric_label: str, context: list[str] = (), metric: str = "attacks"
) -> alt.LayerChart:
    """Grouped bars per period, earlier year light and later year dark; a period with no figure is labelled
    so where its bar would stand (gap_labels: words, not a bar, never a zero), and every period stays on the axis.
    A count's axis ticks whole numbers only (Punjab's 1 and 2 attacks had ticks at 0.5 and 1.5); a rank
    (`metric` in RANKED) is a dot on an axis running from rank 1 at the top, not a bar: rank 2's bar stood twice
    as tall as rank 1's, the worse."""
    earlier, later = str(comparison.earlier), str(comparison.later)
    data = long_years(comparison)
    labels = list(CADENCES[comparison.cadence])
    years = alt.Scale(domain=[earlier, later], range=list(YEAR_COLOURS))
    x = alt.X("label:N", sort=labels, scale=alt.Scale(domain=labels), title=None, axis=alt.Axis(labelAngle=0))
    offset = alt.XOffset("year:N", sort=[earlier, later], scale=alt.Scale(domain=[earlier, later]))
    pick = alt.selection_point(fields=["year"], bind="legend")
    shown = data[data["value"].notna()]
    whole = bool(shown["value"].map(float.is_integer).all())
    y_axis = alt.Axis(tickMinStep=1, format=",d") if whole else alt.Axis()
    if metric in RANKED:
        y = alt.Y("value:Q", title=f"{metric_label} (1 = most affected)", scale=RANK_SCALE, axis=y_axis)
        marks = alt.Chart(shown).mark_point(filled=True, size=400, opacity=1)
    else:
        y = alt.Y("value:Q", title=metric_label, axis=y_axis)
        marks = alt.Chart(shown).mark_bar()
    bars = marks.encode(
        x=x,
        xOffset=offset,
        y=y,
        color=alt.Color("year:N", scale=years, title="Year"),
        opacity=alt.condition(pick, alt.value(1), alt.value(0.25)),
        tooltip=[
            alt.Tooltip("year:N", title="Year"),
            alt.Tooltip("label:N", title="Period"),
            alt.Tooltip("value:Q", title=metric_label, format=",.0f" if whole else ",.3~f"),
        ],
    ).add_params(pick)
    gaps = data[data["note"] == NOT_FOUND]
    # The year is written out: words have no colour of their own to tell the two years apart. The short words
    # stay about inside the Trends page's plot (some 130 px tall at 1280 px); the whole sentence ran far past it.
    gap_words = gap_labels(
        gaps.assign(gap_label=gaps["year"] + ": " + GAP_WORDS),
        x,
        xOffset=offset,
        tooltip=[
            alt.Tooltip("year:N", title="Year"),
            alt.Tooltip("label:N", title="Period"),
            alt.Tooltip("note:N", title=metric_label),
        ],
    )
    noun = PERIOD_TYPES[comparison.cadence].noun
    subtitle = [*context]
    after = comparison.table[comparison.table["later_note"] == AFTER_DATA]
    if not after.empty:
        subtitle.append(f"{slots_label(after['slot'], comparison.cadence)} {later}: after the data date")
    title = _title(f"{metric_label} per {noun}, {later} vs {earlier}", subtitle)
    return _style(alt.layer(bars, gap_words, title=title).properties(height=340))


def cumulative_chart(comparison: YearComparison, metric_label: str, context: list[str] = ()) -> alt.LayerChart:
    """Running totals of both years; a rule at the earlier year's total (labelled with what it is: a sum of
    periods or the published annual total) and a mark where it was passed.

    Only for contiguous periods (see YearComparison.contiguous): a running total across a gap is untrue."""
    earlier, later = str(comparison.earlier), str(comparison.later)
    data = long_years(comparison, ("cum_earlier", "cum_later")).dropna(subset=["value"])
    labels = list(CADENCES[comparison.cadence])
    x = alt.X("label:N", sort=labels, scale=alt.Scale(domain=labels), title=None, axis=alt.Axis(labelAngle=0))
    scale = alt.Scale(domain=[earlier, later], range=list(YEAR_COLOURS))
    lines = (
        alt.Chart(data)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=x,
            y=alt.Y("value:Q", title=f"{metric_label}, running total", axis=alt.Axis(format=",.0f")),
            color=alt.Color("year:N", scale=scale, title="Year"),
            tooltip=[
                alt.Tooltip("year:N", title="Year"),
                alt.Tooltip("label:N", title="Through"),
                alt.Tooltip("value:Q", title="Running total", format=",.0f"),
            ],
        )
    )
    layers = [lines]
    earlier_full = comparison.earlier_full_year
    if earlier_full is not None:
        rule = pd.DataFrame({"total": [earlier_full], "label": [comparison.earlier_total_label]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[6, 4], color=MUTED_INK).encode(y="total:Q"))
        layers.append(
            alt.Chart(rule)
            .mark_text(align="left", dx=4, dy=-8, fontSize=FONT_SIZE - 2, color=SOFT_INK)
            .encode(y="total:Q", text="label:N", x=alt.value(0))
        )
    if comparison.passed_slot is not None:
        mark = data[(data["year"] == later) & (data["slot"] == comparison.passed_slot)].assign(
            label_passed=f"passed in {labels[comparison.passed_slot - 1]}"
        )
        layers.append(
            alt.Chart(mark)
            .mark_point(size=400, shape="diamond", filled=True, color=NEUTRAL["black"])
            .encode(x=x, y="value:Q", tooltip=[alt.Tooltip("label_passed:N", title=later)])
        )
    title = _title(f"Cumulative {metric_label.lower()}, {later} vs {earlier}", list(context))
    return _style(alt.layer(*layers, title=title).properties(height=340))


def sources_chart(side_by_side: pd.DataFrame, metric_label: str, year: int) -> alt.Chart:
    """Each tracker's figure for one metric, published annual total beside the sum of its periods."""
    long = side_by_side.melt(
        id_vars=["tracker", "series", "status"],
        value_vars=list(SIDE_FIGURES),
        var_name="figure",
        value_name="value",
    ).dropna(subset=["value"])
    drawn = [figure for figure in SIDE_FIGURES if figure in set(long["figure"])]
    long["figure"] = long["figure"].map(SIDE_BY_SIDE_HEADERS)  # the table's words: "Annual total", ...
    # An annual total that is not as first published says so on its bar's row: a preliminary one (PICSS's 2025
    # came out before December ended), so a gap to the sum of the months is not read as a revision; a
    # restated one (PICSS's 908 for 2024, first 905), so it is not read as the figure first released.
    status = long["status"].map(
        lambda code: "" if code in ("", "published") else f" (annual total: {FIGURE_STATUSES.label(code)})"
    )
    long["source"] = long["tracker"] + " · " + long["series"].map(SERIES_LABELS) + status
    chart = (
        alt.Chart(long, title=f"{metric_label} in {year}: trackers side by side")
        .mark_bar()
        .encode(
            y=alt.Y("source:N", title=None, axis=alt.Axis(labelLimit=480)),  # the longest row, whole at 1280 px
            yOffset=alt.YOffset("figure:N"),
            # Six ticks at most: at an export's 640 px, ticks every 200 to 3,400 ran together.
            x=alt.X("value:Q", title=metric_label, axis=alt.Axis(format=",.0f", tickCount=6)),
            color=alt.value(FIGURE_BARS),  # one ink: each bar names its tracker (components/palette.py)
            opacity=alt.Opacity(  # each figure keeps its ink (annual totals alone drew at half ink); the key
                "figure:N",  # lists only the figures drawn ("Sum of its periods" was keyed with no bar)
                scale=alt.Scale(domain=[SIDE_BY_SIDE_HEADERS[k] for k in drawn], range=[SIDE_INK[k] for k in drawn]),
                title="Figure",
            ),
            tooltip=["tracker:N", "series:N", "figure:N", alt.Tooltip("value:Q", format=",.0f")],
        )
        .properties(height=alt.Step(22))
    )
    return _style(chart)


def year_ramp(years: list[str]) -> list[str]:
    """Years in order from light (earliest) to dark (latest) on the count ramp: ordinal, so one hue."""
    if len(years) == 1:
        return [COUNT_RAMP[-2]]
    top = len(COUNT_RAMP) - 1
    return [COUNT_RAMP[1 + round(i * (top - 1) / (len(years) - 1))] for i in range(len(years))]


def _counted(row) -> str:
    """A year as its bars read it, with how many of its incidents they count: "2026 (to 16 Mar): 10 of 24
    incidents; 14 with no distance of their own". Without the count 2026 read as the year with the fewest
    incidents near the line, its bars leaving out most of its border war."""
    counted, left = row["incidents_total"], row["incidents_left_out"]
    total = counted + left
    if not left:
        return f"{row['period']}: " + (f"all {total:,} incidents" if total > 1 else "1 incident")
    noun, own = "incident" if total == 1 else "incidents", "its own" if left == 1 else "their own"
    return f"{row['period']}: {counted:,} of {total:,} {noun}; {left:,} with no distance of {own}"


def border_share_chart(shares: pd.DataFrame, measure: str = "incident_share") -> alt.LayerChart:
    """Share of incidents (or fatalities) within 10/25/50 km of the Durand Line, per year: horizontal bars
    with their percentage written at the end, so every label reads level."""
    label = BORDER_SHARES.label(measure)
    # Each year as the span counted ("2026 (to 8 Apr)") and how many of its incidents: a partial year is not
    # read beside whole ones as one, nor a year whose bars leave out most of its incidents as a quiet one.
    every = shares.assign(
        band=shares["within_km"].map(lambda km: f"within {km} km"),
        year=shares.apply(_counted, axis=1),
    )
    data = every.dropna(subset=[measure])  # a band with no stated total has no share: no bar, never a 0% one
    years = list(every.sort_values("period")["year"].unique())
    span = "year" if whole_years(shares) else "period"
    bands = [f"within {km} km" for km in sorted(shares["within_km"].unique())]
    title = f"Share of {label} near the Durand Line, by {'year' if span == 'year' else 'year or part of one'}"
    if measure == "killed_share":  # an incident with no stated total adds nothing to either side of the share
        title = alt.Title(
            title,
            subtitle=[
                "Of the tolls stated: incidents with no stated total are left out.",
                "A band where no incident states a total has no bar.",
            ],
        )
    of = f"the {span}'s incidents with a distance of their own"
    base = alt.Chart(data, title=title).encode(
        y=alt.Y("band:N", sort=bands, title=None, axis=alt.Axis(labelLimit=200)),
        yOffset=alt.YOffset("year:N", sort=years),
        x=alt.X(
            f"{measure}:Q",
            title=f"Share of {of}" if measure == "incident_share" else f"Share of the killed in {of}",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[0, 1]),
        ),
        tooltip=[
            alt.Tooltip("year:N", title=span.capitalize()),
            alt.Tooltip("band:N", title="Distance"),
            alt.Tooltip(f"{measure}:Q", format=".0%", title="Share"),
            alt.Tooltip("incidents:Q", title="Incidents"),
            alt.Tooltip("killed:Q", title="Killed (lowest stated)"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "year:N",
            title=span.capitalize(),
            sort=years,
            scale=alt.Scale(domain=years, range=year_ramp(years)),
            legend=alt.Legend(columns=1, labelLimit=0),  # one year a line, its count whole
        )
    )
    text = base.mark_text(align="left", dx=4, fontSize=FONT_SIZE - 2).encode(
        text=alt.Text(f"{measure}:Q", format=".0%")
    )
    return _style(alt.layer(bars, text).properties(height=alt.Step(22), width="container"))


TIMELINE_WIDTH = 760  # the whole chart's width, axis labels and padding included, where no page gives one
# (exports). On the page Streamlit gives every panel the column's width (width="stretch"), and the chart's own
# autosize "fit-x" narrows the panels so that panels, axis labels and legends together take that width:
# Streamlit's default for a vconcat of layers is "pad", which adds the axis labels beside the column's width
# (the chart ran 183 px past the column at 1280, 1440 and 1920 px).
TIMELINE_AUTOSIZE = {"type": "fit-x", "contains": "padding"}
# Pixels of axis left beyond the period's first and last day, and below 0 and above the top value, so a mark
# at either end is drawn whole and not cut in half by the panel's clip: Vega draws a symbol sqrt(size) px
# across, the largest incident dot (size 600) 24.5 px, a gap cross (size 120) 11 px. Padding widens the axis
# in pixels; the domain stays the period's days and the values (not rounded outward: "nice" would turn
# the few pixels below 0 into a band as deep as a tick step), and no tick is drawn below 0.
TIMELINE_EDGE_ROOM = 14
GAP_CROSS_ROOM = 6


EMPTY_PANEL = {  # what a timeline panel with nothing in the period says, in place of an empty scale
    "diplomacy": "Diplomacy: no diplomatic event in this period",
    "incidents": "no notable incident in this period",
}


def _open_until(day, reported) -> str:
    """A crossing band's end as its tooltip says it when no report ended the status: drawn to the data date."""
    last = f"; last report {format_published(reported)}" if isinstance(reported, str) and reported else ""
    return f"no end reported{last} (drawn to {format_day(day)}, the data date)"


def timeline_chart(
    diplomacy: pd.DataFrame,
    monthly_violence: pd.DataFrame,
    violence_title: list[str],
    violence_gaps: pd.DataFrame,
    incidents: pd.DataFrame,
    incidents_title: str,
    bands: pd.DataFrame,
    start,
    end,
) -> alt.VConcatChart:
    """Diplomacy, monthly violence, notable incidents and crossing status on one shared time axis.

    `diplomacy` needs event_id, date_start, date_end, track_label, title; `monthly_violence` month_start,
    value, under `violence_title` (its lines, each whole); `violence_gaps` month_mid, note of months with no
    figure (words where the bar would stand, gap_labels); `incidents` date, killed, family, place; `bands`
    crossing, status, start_date, end_date, draw_end, open_ended, reason (see components.crossings.status_bands).
    Clicking a diplomatic event selects it (selection name "event"); same-day events of a track stand one above
    another with their count beside them (stacked_same_day), so each is seen, counted and clicked. The whole
    chart, axis labels and legends included, is as wide as its panels' width (TIMELINE_WIDTH, or the column's
    width in Streamlit).
    """
    period = alt.Scale(
        domain=[pd.Timestamp(start).isoformat(), pd.Timestamp(end).isoformat()], padding=TIMELINE_EDGE_ROOM
    )
    days = date_axis(start, end)
    x = alt.X("date_start:T", title=None, scale=period, axis=days)
    pick = alt.selection_point(name="event", fields=["event_id"], on="click")
    talks_data = stacked_same_day(diplomacy.assign(date_end=diplomacy["date_end"].fillna(diplomacy["date_start"])))
    # Pixels from the row's top edge, where Vega-Lite stands a mark given a y offset: same-day events of a track
    # one above another about the row's middle.
    offset = alt.YOffset("row_offset:Q", scale=None)
    talks_data = talks_data.assign(
        row_offset=talks_data["stack_offset"] + TALKS_ROW / 2,
        # What a screen reader says of a diamond (its aria-label), not the offset and size drawing it.
        described="Event: "
        + talks_data["title"]
        + "; Track: "
        + talks_data["track_label"]
        + "; From: "
        + format_days(talks_data["date_start"])
        + "; This day, this track: "
        + talks_data["same_day"],
    )
    talks_base = alt.Chart(talks_data).encode(
        y=alt.Y(
            "track_label:N",
            title=None,
            sort=list(DIPLOMACY_TRACKS.labels.values()),
            axis=alt.Axis(labelLimit=200),
            scale=alt.Scale(paddingInner=0),  # a row is TALKS_ROW px whole, so its middle is half of it
        ),
        yOffset=offset,
        color=alt.value(DIPLOMACY_INK),  # one ink: each track has its own row, and hues belong to incident types
        tooltip=[
            alt.Tooltip("date_start:T", title="From", format=VEGA_DAY),
            alt.Tooltip("date_end:T", title="To", format=VEGA_DAY),
            alt.Tooltip("title:N", title="Event"),
            alt.Tooltip("track_label:N", title="Track"),
            alt.Tooltip("same_day:N", title="This day, this track"),
        ],
    )
    counts = talks_data[talks_data["stacked"] > 1].drop_duplicates(["date_start", "track_label"])
    count_labels = (
        alt.Chart(counts.assign(count_label="×" + counts["stacked"].astype(str)))
        .mark_text(align="left", dx=9, fontSize=11, fontWeight="bold", clip=True)
        .encode(
            x=x,
            y=alt.Y("track_label:N", sort=list(DIPLOMACY_TRACKS.labels.values())),
            text="count_label:N",
            color=alt.value(DIPLOMACY_INK),
            tooltip=[alt.Tooltip("same_day:N", title="This day, this track")],
        )
    )
    talks = alt.layer(
        talks_base.mark_rule(strokeWidth=6, clip=True).encode(x=x, x2="date_end:T"),
        talks_base.mark_point(filled=True, shape="diamond", clip=True)
        .encode(
            x=x,
            size=alt.Size("diamond_size:Q", scale=None),
            description="described:N",
            opacity=alt.condition(pick, alt.value(1), alt.value(0.35)),
        )
        .add_params(pick),
        count_labels,
    ).properties(height=alt.Step(TALKS_ROW), title="Diplomacy" if len(diplomacy) else EMPTY_PANEL["diplomacy"])

    lines = list(violence_title)  # Vega-Lite does not wrap a title: one line per clause fits the chart's width
    if monthly_violence.empty:  # say so, rather than draw an empty panel that reads as "no deaths"
        lines.append("no monthly figure in this data set for this period")
    bars = (
        alt.Chart(monthly_violence)
        .mark_bar(color=TOTALS, opacity=0.8, clip=True)
        .encode(
            x=alt.X("month_start:T", title=None, scale=period, axis=days),
            x2="month_end:T",
            y=alt.Y(
                "value:Q",
                title=None,
                axis=None if monthly_violence.empty else alt.Axis(format=",.0f", tickMinStep=1),
                scale=alt.Scale(padding=GAP_CROSS_ROOM, nice=False),
            ),
            y2=alt.datum(0),  # without it a bar with x and x2 is drawn as a thin ranged bar at its value
            tooltip=[
                alt.Tooltip("month_start:T", title="Month", format="%b %Y"),
                alt.Tooltip("value:Q", title="Value"),
            ],
        )
    )
    crosses = gap_labels(
        violence_gaps.assign(gap_label=GAP_WORDS),
        alt.X("month_mid:T", title=None, scale=period, axis=days),
        tooltip=[alt.Tooltip("month_mid:T", title="Month", format="%b %Y"), alt.Tooltip("note:N", title="Value")],
    )
    violence = alt.layer(bars, crosses, title=lines if len(lines) > 1 else lines[0]).properties(height=120)
    drawn = drawn_family_colours(incidents["family"])
    family = alt.Color(
        "family:N",
        scale=alt.Scale(domain=list(drawn), range=list(drawn.values())),
        title="Incident type",
        legend=None if incidents.empty else alt.Legend(columns=4),  # no lone "Incident type" over nothing
    )
    toll_scale = alt.Scale(padding=TIMELINE_EDGE_ROOM, nice=False)
    toll_axis = None if incidents.empty else alt.Undefined  # an empty panel drew one tick labelled "0.000000"
    stated = (
        alt.Chart(incidents[incidents["killed"].notna()])
        .mark_circle(opacity=0.8, clip=True)
        .encode(
            x=alt.X("date:T", title=None, scale=period, axis=days),
            y=alt.Y("killed:Q", title=None, scale=toll_scale, axis=toll_axis),
            size=alt.Size("killed:Q", legend=None, scale=alt.Scale(range=[30, 600])),
            color=family,
            tooltip=[
                alt.Tooltip("date:T", format=VEGA_DAY),
                alt.Tooltip("place:N"),
                alt.Tooltip("killed:Q"),
                alt.Tooltip("family:N", title="Type"),
            ],
        )
    )
    # An incident whose accounts state no total (killed only by category, or none) is marked at 0, as the
    # deaths panel marks a month with no figure: left out, it read as a quiet day.
    unstated = incidents[incidents["killed"].isna()].assign(zero=0, toll="no total stated")
    no_total = (
        alt.Chart(unstated)
        .mark_point(shape="cross", size=120, filled=True, opacity=0.8, clip=True)
        .encode(
            x=alt.X("date:T", title=None, scale=period, axis=days),
            y=alt.Y("zero:Q", title=None, scale=toll_scale, axis=toll_axis),
            color=family,
            tooltip=[
                alt.Tooltip("date:T", format=VEGA_DAY),
                alt.Tooltip("place:N"),
                alt.Tooltip("toll:N", title="killed"),
                alt.Tooltip("family:N", title="Type"),
            ],
        )
    )
    title = [incidents_title, "✚ no total stated (not a zero)"] if len(unstated) else incidents_title
    if incidents.empty:
        title = [incidents_title, EMPTY_PANEL["incidents"]]
    dots = alt.layer(stated, no_total, title=title).properties(height=140)
    # A period no source has ended is drawn to the data date; its tooltip says so rather than show that
    # date as an end some source reported.
    if not bands.empty:
        reports = bands["last_reported"] if "last_reported" in bands else [None] * len(bands)
        until = [
            _open_until(day, reported) if open_ended else format_day(day)
            for day, open_ended, reported in zip(bands["end_date"], bands["open_ended"], reports, strict=True)
        ]
        bands = bands.assign(
            until=until, short=bands["crossing"].map(short_name), status=bands["status"].map(CROSSING_STATUSES.label)
        )
    crossing = (
        alt.Chart(
            bands,
            # Before a crossing's first reported status nothing is drawn: say so, lest blank read as open.
            title=alt.TitleParams("Border crossings", subtitle=CROSSINGS_SUBTITLE),
        )
        .mark_bar(height=14, clip=True, stroke=NEUTRAL["black"], strokeWidth=1)  # "open" is white
        .encode(
            x=alt.X("start_date:T", title=None, scale=period, axis=days),
            x2="draw_end:T",
            y=alt.Y("short:N", title=None, axis=alt.Axis(labelLimit=200)),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(
                    domain=[status.label for status in CROSSING_STATUSES.items],
                    range=[status.colour for status in CROSSING_STATUSES.items],
                ),
                title="Crossing status",
                # Large swatches with a thin outline: at the default size the outline filled the swatch, and
                # "Open" (white) and "Restricted" (pale grey) looked the same.
                legend=alt.Legend(columns=4, symbolSize=260, symbolStrokeWidth=1),
            ),
            tooltip=[
                alt.Tooltip("crossing:N"),
                alt.Tooltip("status:N"),
                alt.Tooltip("start_date:T", format=VEGA_DAY, title="From"),
                alt.Tooltip("until:N", title="To"),
                alt.Tooltip("reason:N"),
            ],
        )
        .properties(height=alt.Step(22))
    )
    panels = [talks, violence, dots]
    if not bands.empty:
        panels.append(crossing)
    chart = alt.vconcat(*[p.properties(width=TIMELINE_WIDTH) for p in panels]).resolve_scale(color="independent")
    # SVG, not canvas: each diamond is then its own element with an aria-label naming the event, which
    # screen readers announce and the browser test clicks (Streamlit 1.67 honours embedOptions.renderer).
    return _style(chart.properties(autosize=TIMELINE_AUTOSIZE, usermeta={"embedOptions": {"renderer": "svg"}}))


TALKS_ROW = 30  # px, a track's row
DIAMOND_SIZE = 220  # a lone diplomatic event's diamond (area, px²)
STACKED_SIZE = 80  # each of several same-day events of a track: ~9 px across, STACK_STEP apart, so none hides another
STACK_STEP = 7  # px between same-day diamonds of a track: four fit in the row's 30 px


def stacked_same_day(talks: pd.DataFrame) -> pd.DataFrame:
    """Same-day events of one track drawn one above another, smaller, each its own mark to hover and click, with
    the day's count (`stacked`) and titles (`same_day`): drawn at one spot, 27 Feb 2026's two breakdowns and
    two statements showed as one diamond a row while the page counted four events."""
    group = talks.groupby(["date_start", "track_label"], sort=False)
    stacked = group["event_id"].transform("size")
    titles = (
        group["title"]
        .transform(lambda t: f"{len(t)} events: " + " | ".join(t) if len(t) > 1 else "this event only")
        .astype(str)
    )  # an empty period gives a float column, which the aria text cannot join
    return talks.assign(
        stacked=stacked,
        stack_offset=(group.cumcount() - (stacked - 1) / 2) * STACK_STEP,
        diamond_size=stacked.gt(1).map({True: STACKED_SIZE, False: DIAMOND_SIZE}),
        same_day=titles,
    )


# Steps between date ticks, finest first, and how a tick reads: the data are days, so a tick is never an hour
# (Vega's own ticks for a few days' window fall every 6 or 12 hours and read "06 AM"). Month steps count from
# January, so a 3-month step ticks Jan, Apr, Jul, Oct.
DAY_STEPS = (1, 2, 7, 14)
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240)
MOST_TICKS = 12  # where labels would overlap (long ones in a narrow column) Vega hides every other one


def date_ticks(start, end) -> tuple[list[pd.Timestamp], str]:
    """Days (or months, or years) to tick between start and end, at most MOST_TICKS, and their time format."""
    for step in DAY_STEPS:
        ticks = list(pd.date_range(start, end, freq=f"{step}D"))
        if len(ticks) <= MOST_TICKS:
            same_year = pd.Timestamp(start).year == pd.Timestamp(end).year
            return ticks, VEGA_DAY_MONTH if same_year else VEGA_DAY
    months = pd.date_range(pd.Timestamp(start) + pd.offsets.MonthBegin(0), end, freq="MS")
    for step in MONTH_STEPS:
        ticks = [month for month in months if (month.year * 12 + month.month - 1) % step == 0]
        if len(ticks) <= MOST_TICKS:
            break
    return ticks, "%b %Y" if step < 12 else "%Y"


def date_axis(start, end, **style) -> alt.Axis:
    """A time axis between start and end ticked by date_ticks: days, months or years, never hours."""
    ticks, tick_format = date_ticks(start, end)
    values = [alt.DateTime(year=tick.year, month=tick.month, date=tick.day) for tick in ticks]
    return alt.Axis(values=values, format=tick_format, **style)


def symbol_legend_chart(entries: dict[str, str], title: str) -> alt.LayerChart:
    """A legend whose symbols are the map's own images (data URIs), so shapes read as on the map."""
    data = pd.DataFrame({"label": list(entries), "url": list(entries.values())})
    base = alt.Chart(data, title=alt.TitleParams(title, anchor="start")).encode(
        y=alt.Y("label:N", sort=None, title=None, axis=None)
    )
    symbols = base.mark_image(width=22, height=22).encode(x=alt.value(11), url="url:N")
    labels = base.mark_text(align="left", dx=14, fontSize=FONT_SIZE - 1).encode(x=alt.value(11), text="label:N")
    chart = alt.layer(symbols, labels).properties(height=alt.Step(26), width=240)
    return _style(chart).configure_view(stroke=None)


def scale_bar_chart(km: int, pixels: float) -> alt.LayerChart:
    """A scale bar `pixels` long labelled in km, true at the map view's centre and preset zoom."""
    data = pd.DataFrame({"x": [0.0], "x2": [pixels], "label": [f"{km:,} km (at the view's centre and zoom)"]})
    base = alt.Chart(data)
    x, x2 = alt.X("x:Q", axis=None, scale=None), alt.X2("x2:Q")
    bar = base.mark_rule(strokeWidth=3, color=NEUTRAL["black"]).encode(x=x, x2=x2, y=alt.value(34))
    ends = base.mark_rule(strokeWidth=2, color=NEUTRAL["black"]).encode(x=x, y=alt.value(27), y2=alt.value(41))
    far_end = base.mark_rule(strokeWidth=2, color=NEUTRAL["black"]).encode(
        x=alt.X("x2:Q", scale=None), y=alt.value(27), y2=alt.value(41)
    )
    text = base.mark_text(align="left", fontSize=FONT_SIZE - 2).encode(x=alt.value(0), y=alt.value(12), text="label:N")
    return alt.layer(bar, ends, far_end, text).properties(width=max(pixels, 240), height=46).configure_view(stroke=None)


def district_chart(table: pd.DataFrame, measure: str, shown: int = 15) -> alt.LayerChart:
    """The `shown` districts with the most `measure` (a column of components.districts' table), as horizontal
    bars shaded by distance band (darker: nearer the line), each with its number written at its end."""
    stated = table.dropna(subset=[measure])  # no bar for a district with no stated total
    top = stated.nlargest(shown, measure)  # the table's order (incidents, then killed) breaks a tie at the cut
    # Every band keeps its shade whichever bands a selection holds, spread over the ramp (darkest nearest):
    # the four next-darkest steps put "≤ 50 km" and "> 50 km" a step apart, hard to tell apart.
    top_shade = len(COUNT_RAMP) - 1
    shades = [COUNT_RAMP[round(top_shade * (1 - i / (len(BAND_LABELS) - 1)))] for i in range(len(BAND_LABELS))]
    title = f"{measure} by district (top {len(top)})"
    notes = []
    tied = int((stated[measure] == top[measure].min()).sum()) - int((top[measure] == top[measure].min()).sum())
    if len(top) and tied:  # a cut through a tie is not a ranking: say who else has as many
        notes.append(
            f"{tied:,} more district{'' if tied == 1 else 's'} with {top[measure].min():,.0f} as well, in the table."
        )
    unstated = int(table[measure].isna().sum())
    if unstated:
        one = unstated == 1
        which = f"district{'' if one else 's'} where no incident states a killed total {'is' if one else 'are'}"
        notes.append(f"{unstated:,} {which} left out.")
    if notes:
        title = alt.Title(title, subtitle=notes)
    base = alt.Chart(top, title=title).encode(
        y=alt.Y(
            "District:N",
            sort=alt.EncodingSortField(field=measure, op="max", order="descending"),
            title=None,
            axis=alt.Axis(labelLimit=220),
        ),
        x=alt.X(f"{measure}:Q", title=measure, axis=alt.Axis(format="d", tickMinStep=1)),
        tooltip=["District:N", "Province:N", f"{measure}:Q", "Distance band:N"],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "Distance band:N",
            sort=list(BAND_LABELS),
            scale=alt.Scale(domain=list(BAND_LABELS), range=shades),
            title="Distance to the line",
        )
    )
    text = base.mark_text(align="left", dx=4, fontSize=FONT_SIZE - 2).encode(text=f"{measure}:Q")
    return _style(alt.layer(bars, text).properties(height=alt.Step(24), width="container"))
