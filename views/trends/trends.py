"""Year-over-year trends from the trackers' own monthly, quarterly and annual figures."""

from types import SimpleNamespace

import streamlit as st

from components.charts import comparison_chart, cumulative_chart, sources_chart
from components.dates import format_day
from components.export import comparison_context, side_by_side_context, source_names
from components.figures import FIGURE_HEADERS, disagreements_table
from components.textsafe import escape_markdown
from components.trends import (
    CADENCE_LABELS,
    CADENCES,
    COUNTING_RULES,
    METRIC_LABELS,
    NATIONAL,
    NOT_ADDITIVE,
    SERIES_LABELS,
    SIDE_BY_SIDE_NUMBERS,
    annual_figure,
    annual_side_by_side,
    comparable_pairs,
    compare,
    comparison_sentence,
    comparison_table,
    default_cadence,
    default_pair,
    kpis,
    no_running_total,
    ordered_choices,
    partial_year,
    parts_found,
    periods,
    published_table,
    side_by_side_table,
    source_choices,
    years_with_annual,
)
from components.ui.filters import current_filter
from components.ui.store import dataset, derived
from components.ui.widgets import (
    chart_spec,
    chart_with_table,
    choice,
    comparison_columns,
    coverage_caption,
    kpi_row,
    rejected_rows_notice,
    table_with_download,
)
from components.vocabulary import TRACKER_REGIONS

data = dataset()
figures = data.figures
# A figure's value held as a number, so it sorts 143 before 1,010, and read with a thousands separator.
FIGURE_NUMBER = st.column_config.NumberColumn(format="localized", width="small")
VALUE_COLUMN = {FIGURE_HEADERS["value"]: FIGURE_NUMBER}
LINK_COLUMN = {FIGURE_HEADERS["source_url"]: st.column_config.LinkColumn(FIGURE_HEADERS["source_url"])}

st.title("Year-over-year trends")
coverage_caption(data, curated=False)
st.caption(
    "Figures are the trackers' own totals, exactly as published, at each tracker's own cadence. A period with "
    "no figure in this data set is marked, never estimated or drawn as zero. The sidebar's period, "
    "actor-group and type filters do not apply here; its province filter picks the region when the "
    "tracker publishes figures for that province."
)
rejected_rows_notice(data)

available = data.figure_options
if available.empty:
    st.info("No tracker figures are loaded, so there is nothing to compare.")
    st.stop()

comparable = data.figure_pairs
left, middle, right = st.columns([2, 1.3, 1.3])
source_key = choice(
    left,
    "Tracker and counting layer",
    source_choices(available),
    "source",
    format_func=lambda k: f"{k.split(':')[0]} · {SERIES_LABELS.get(k.split(':')[1], k)}",
)
tracker, series = source_key.split(":")
here = available[(available["tracker"] == tracker) & (available["series"] == series)]
paired = comparable[(comparable["tracker"] == tracker) & (comparable["series"] == series)]
cadences = ordered_choices(here["cadence"], CADENCES)
cadence = choice(
    middle,
    "Periods",
    cadences,
    "cadence",
    default=default_cadence(here, paired),
    scant=[c for c in cadences if c not in set(paired["cadence"])],  # no two years to compare
    context=source_key,
    format_func=CADENCE_LABELS.get,
)
here, paired = here[here["cadence"] == cadence], paired[paired["cadence"] == cadence]
provinces = current_filter().provinces
region = choice(
    right,
    "Region",
    ordered_choices(here["region"], TRACKER_REGIONS),
    "region",
    default=provinces[0] if len(provinces) == 1 else NATIONAL,
)
here, paired = here[here["region"] == region], paired[paired["region"] == region]
metrics = ordered_choices(here["metric"], METRIC_LABELS)
metric = choice(
    left,
    "Measure",
    metrics,
    "metric",
    default=next((m for m in metrics if m in set(paired["metric"])), None),
    format_func=METRIC_LABELS.get,
)
slots_by_year = {int(r.year): r.slots for r in here[here["metric"] == metric].itertuples(index=False)}
pairs = comparable_pairs(slots_by_year)
label = METRIC_LABELS[metric]
st.caption(escape_markdown(COUNTING_RULES.get((tracker, series), "")))
if len(provinces) == 1 and region != provinces[0]:
    st.caption(
        escape_markdown(f"This data set has no {tracker} figures for {provinces[0]} at this cadence: showing {region}.")
    )

if not pairs:
    published = ", ".join(str(y) for y in sorted(slots_by_year))
    st.info(
        escape_markdown(
            f"{tracker} has {CADENCE_LABELS[cadence].lower()} {label.lower()} figures for {region} in {published} "
            "only, with no two years sharing a period, so there is nothing to compare like for like. "
            "The figures it published:"
        )
    )
    table_with_download(
        derived(
            "trends-published",
            (tracker, series, region, metric, cadence),
            lambda: published_table(figures, tracker, series, region, metric, cadence),
        ),
        f"{metric}_{tracker}_{series}_{region}_{cadence}.csv".lower().replace(" ", "-"),
        column_config={**VALUE_COLUMN, **LINK_COLUMN},
    )
    later = earlier = None
else:
    default_later, default_earlier = default_pair(slots_by_year)
    later = choice(middle, "Year", sorted({p[0] for p in pairs}, reverse=True), "year", default=default_later)
    earlier_options = [e for lat, e in pairs if lat == later]
    # Another year chosen compares with the nearest earlier one (Jan 2026 was set against the default's 2024);
    # a year compared with on purpose, or given by a link, stays while the year does.
    nearest = max((year for year in earlier_options if year < later), default=default_earlier)
    earlier = choice(
        right,
        "Compared with",
        earlier_options,
        "vs",
        default=default_earlier if later == default_later else nearest,
        scant=earlier_options,
        context=later,
    )


def comparison_view(later: int, earlier: int):
    """Cards, comparison, sentence, export context and charts of the chosen figure (cached by store.derived)."""
    comparison = compare(figures, tracker, series, region, metric, later, earlier, cadence, data.data_as_of)
    context = [
        f"{tracker}, {SERIES_LABELS[series]}, {region}",
        f"Data as of {format_day(data.data_as_of)}" if data.data_as_of else "Data date unknown",
    ]
    sources = source_names(periods(figures, tracker, series, region, metric, cadence), (later, earlier))
    return SimpleNamespace(
        cards=kpis(figures, tracker, series, region, later, earlier, cadence),
        later_annual=annual_figure(figures, tracker, series, region, metric, later) if cadence != "year" else None,
        comparison=comparison,
        sentence=comparison_sentence(comparison, label, tracker, series, region, metric),
        parts=parts_found(figures, tracker, series, region, metric, cadence, (later, earlier)),
        export=comparison_context(comparison, tracker, series, region, sources, data.data_as_of),
        chart=chart_spec(comparison_chart(comparison, label, context, metric)),
        table=comparison_table(comparison),
        cumulative=(
            chart_spec(cumulative_chart(comparison, label, context))
            if comparison.contiguous and cadence != "year" and metric not in NOT_ADDITIVE
            else None
        ),
    )


if later is not None:
    shown = derived(
        "trends-comparison",
        (tracker, series, region, metric, cadence, later, earlier),
        lambda: comparison_view(later, earlier),
    )
    comparison, export = shown.comparison, shown.export
    kpi_row(shown.cards)
    st.markdown(escape_markdown(shown.sentence))
    if shown.parts:
        st.caption(escape_markdown(shown.parts))
    if comparison.is_partial:
        st.info(escape_markdown(partial_year(comparison, shown.later_annual, tracker)))
    st.header(f"{CADENCE_LABELS[cadence]} figures")
    chart_with_table(
        shown.chart, shown.table, f"{metric}_{cadence}.csv", export, column_config=comparison_columns(shown.table)
    )
    if cadence != "year" and metric not in NOT_ADDITIVE:
        st.header("Cumulative")
        if comparison.contiguous:
            chart_with_table(
                shown.cumulative,
                comparison.table[["label", "cum_earlier", "cum_later"]].rename(
                    columns={"cum_earlier": f"{earlier} running total", "cum_later": f"{later} running total"}
                ),
                f"cumulative_{metric}.csv",
                export,
            )
        else:
            st.info(no_running_total(comparison))

st.header("Sources side by side")
st.caption(
    "Each tracker counts differently (notes below), so their totals differ by design. Each tracker's annual "
    "total (the latest it stated; a bar's row says when that is preliminary or restated) is shown beside the "
    "sum of its periods when this data set holds a figure for every period of the year, as first published "
    "or as the tracker later restated it (each figure's status is listed under 'Figures the sources disagree "
    "on' below and on Data & sources). A difference can come from a later revision of some months, or from an "
    "annual total released before the year's last month was counted."
)
years = derived("annual-years", (metric, region), lambda: years_with_annual(figures, metric, region))
if not years:
    st.info(escape_markdown(f"No tracker published an annual {label.lower()} figure for {region} in the loaded data."))
else:
    year_for_sources = choice(st, "Year of the annual figures", years, "sources_year")

    def sources_view(year: int):
        side = annual_side_by_side(figures, year, metric, region)
        return side, chart_spec(sources_chart(side, label, year))

    side, chart = derived(
        "sources-side-by-side", (year_for_sources, metric, region), lambda: sources_view(year_for_sources)
    )
    chart_with_table(
        chart,
        side_by_side_table(side),
        f"sources_{metric}.csv",
        side_by_side_context(figures, side, metric, region, year_for_sources, data.data_as_of),
        column_config=dict.fromkeys(SIDE_BY_SIDE_NUMBERS, FIGURE_NUMBER),
    )

st.header("Figures the sources disagree on")
st.caption(
    "Every value stated for a figure, with its declared status. Charts show the tracker's latest own "
    "statement (a restatement beats the original, a final figure a preliminary one); rows declared "
    "misattributed or superseded are never charted. An outlet's own error (a total it added up from the "
    "tracker's layers) is not a figure the sources disagree on: it is listed only on Data & sources."
)
disputed = derived(
    "disputed-figures",
    (),
    lambda: disagreements_table(data.figure_disagreements),
)
narrow = {header: st.column_config.TextColumn(width="small") for header in ("Tracker", "Period", "Charted")}
table_with_download(
    disputed,
    "disputed_figures.csv",
    column_config={**narrow, **VALUE_COLUMN, **LINK_COLUMN},
)
