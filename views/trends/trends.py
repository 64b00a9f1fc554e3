"""Year-over-year trends from the trackers' own monthly and annual totals."""

import streamlit as st

from components.charts import cumulative_chart, monthly_comparison_chart, sources_chart
from components.textsafe import escape_markdown
from components.trends import (
    COUNTING_RULES,
    METRIC_LABELS,
    SERIES_LABELS,
    compare_with_published,
    comparison_sentence,
    default_year,
    kpis,
    monthly_options,
    months_label,
    source_choices,
    sources_side_by_side,
)
from components.ui.store import dataset
from components.ui.widgets import chart_with_table, coverage_caption, kpi_row, rejected_rows_notice, table_with_download

data = dataset()
figures = data.figures

st.title("Year-over-year trends")
coverage_caption(data, curated=False)
st.caption(
    "Figures are the trackers' own monthly, quarterly and annual totals, exactly as published. "
    "Months a tracker has not published are left empty, never estimated."
)
rejected_rows_notice(data)

options = monthly_options(figures)
if options.empty:
    st.info("No monthly tracker figures are loaded, so there is nothing to compare.")
    st.stop()

source_keys = source_choices(options)
left, middle, right = st.columns([2, 1.3, 1.3])
source_key = left.selectbox(
    "Tracker and counting layer",
    source_keys,
    format_func=lambda k: f"{k.split(':')[0]} · {SERIES_LABELS.get(k.split(':')[1], k)}",
    key="source",
    bind="query-params",
)
tracker, series = source_key.split(":")
available = options[(options["tracker"] == tracker) & (options["series"] == series)]
years = sorted(available["year"].unique(), reverse=True)
later = middle.selectbox("Year", years, index=years.index(default_year(available)), key="year", bind="query-params")
earlier = right.selectbox(
    "Compared with",
    [y for y in sorted(options["year"].unique(), reverse=True) if y < later] or [later - 1],
    key="vs",
    bind="query-params",
)
regions = sorted(available["region"].unique(), key=lambda r: (r != "Pakistan", r))
region = left.selectbox("Region", regions, key="region", bind="query-params")
metrics = [m for m in METRIC_LABELS if m in set(available[available["region"] == region]["metric"])]
metric = middle.selectbox("Measure", metrics, format_func=METRIC_LABELS.get, key="metric", bind="query-params")
st.caption(escape_markdown(COUNTING_RULES.get((tracker, series), "")))

headline = kpis(figures, tracker, series, region, later, earlier)
kpi_row(headline, later, earlier)

comparison = compare_with_published(figures, tracker, series, region, metric, later, earlier)
label = METRIC_LABELS[metric]
st.markdown(escape_markdown(comparison_sentence(comparison, label, tracker, series, region)))
if comparison.is_partial and comparison.run_rate is not None:
    st.info(
        f"{later} is partial ({months_label(comparison.later_months)} published). Run-rate projection, "
        f"a straight-line extrapolation and not a forecast: about {comparison.run_rate:,.0f} "
        f"{label.lower()} for the full year."
    )

table = comparison.table.rename(columns={"earlier": str(earlier), "later": str(later)})
st.header("Month by month")
chart_with_table(
    monthly_comparison_chart(comparison.table, earlier, later, label),
    table[["month", str(earlier), str(later), "change", "change_pct"]],
    f"{metric}_{tracker}_{series}_{later}_vs_{earlier}.csv",
)
st.header("Cumulative")
chart_with_table(
    cumulative_chart(comparison.table, earlier, later, label, comparison.earlier_full_year, comparison.passed_month),
    comparison.table[["month", "cum_earlier", "cum_later"]].rename(
        columns={"cum_earlier": f"{earlier} running total", "cum_later": f"{later} running total"}
    ),
    f"cumulative_{metric}_{tracker}_{series}_{later}_vs_{earlier}.csv",
)

st.header("Sources side by side")
st.caption(
    "Each tracker counts differently (notes below), so their totals differ by design. Annual totals as "
    "published are shown beside the sum of the published months; a difference usually means a later revision."
)
year_for_sources = st.selectbox(
    "Year",
    sorted({*options["year"], *figures["period_start"].dt.year}, reverse=True),
    key="sources_year",
    bind="query-params",
)
side = sources_side_by_side(figures, year_for_sources, [metric])
if side.empty:
    st.info(f"No tracker published a {label.lower()} figure for {year_for_sources} in the loaded data.")
else:
    chart_with_table(sources_chart(side, label), side, f"sources_{metric}_{year_for_sources}.csv")

disputed = figures[(figures["alternatives"] != "") & figures["alternatives"].notna()]
if not disputed.empty:
    st.subheader("Figures the sources disagree on")
    st.caption("The value shown in charts is the tracker's own publication; other reported values are listed.")
    table_with_download(
        disputed[
            [
                "tracker",
                "series",
                "period_start",
                "period_end",
                "region",
                "metric",
                "value",
                "alternatives",
                "source_name",
                "source_url",
            ]
        ],
        "disputed_figures.csv",
    )
