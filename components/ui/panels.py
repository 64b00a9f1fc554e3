"""Panels shared by the overview and the briefing screen, each drawn from the cached dataset."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.charts import monthly_comparison_chart
from components.crossings import status_on
from components.dataset import Dataset
from components.diplomacy import latest_developments
from components.export import BRIEFING_FORMATS, ExportContext, briefing_file, comparison_context, export_file_name
from components.map_layers import build_deck, crossing_layers
from components.textsafe import escape_markdown
from components.trends import (
    HEADLINE,
    SERIES_LABELS,
    compare_with_published,
    comparison_sentence,
    headline_years,
    kpis,
    monthly,
)
from components.ui.filters import current_filter
from components.ui.store import base_map_layers, map_incident_layers
from components.ui.widgets import chart_with_table, kpi_row

NO_FIGURES = "No PICSS monthly figures are loaded."


def kpi_panel(data: Dataset, per_row: int | None = None) -> None:
    years = headline_years(data.figures)
    if years is None:
        st.info(NO_FIGURES)
        return
    later, earlier = years
    tracker, series, region = HEADLINE
    st.caption(
        f"{tracker}, {SERIES_LABELS[series]}, {region}: "
        f"published months of {later} against the same months of {earlier}."
    )
    kpi_row(kpis(data.figures, tracker, series, region, later, earlier), later, earlier, per_row)


def trend_panel(data: Dataset) -> None:
    years = headline_years(data.figures)
    if years is None:
        st.info(NO_FIGURES)
        return
    later, earlier = years
    tracker, series, region = HEADLINE
    comparison = compare_with_published(data.figures, tracker, series, region, "attacks", later, earlier)
    st.markdown(escape_markdown(comparison_sentence(comparison, "Attacks", tracker, series, region)))
    chart_with_table(
        monthly_comparison_chart(comparison.table, earlier, later, "Attacks"),
        comparison.table[["month", "earlier", "later", "change", "change_pct"]].rename(
            columns={"earlier": str(earlier), "later": str(later)}
        ),
        f"headline_attacks_{later}_vs_{earlier}.csv",
    )


def map_panel(data: Dataset, events, height: int = 420, key: str = "small-map") -> None:
    crossings = status_on(data["crossings"], data["crossing_status"], data.data_as_of or events["date"].max())
    deck = build_deck(base_map_layers(), map_incident_layers(current_filter(), "points"), crossing_layers(crossings))
    st.pydeck_chart(deck, height=height, key=key)


def latest_panel(data: Dataset, events, count: int = 8, diplomacy: pd.DataFrame | None = None) -> None:
    """Newest first, diplomacy and incidents together; `diplomacy` narrows the events (default: all of them)."""
    latest = latest_developments(data.diplomacy_events if diplomacy is None else diplomacy, events, count)
    if latest.empty:
        st.info("Nothing recorded yet.")
        return
    for row in latest.itertuples(index=False):
        st.markdown(escape_markdown(f"{row.date:%d %b %Y} · {row.kind}: {row.what} ({row.source_name})"))


def briefing_download(data: Dataset, events) -> None:
    """The one-page briefing with a static map, as PNG and as PDF, made only when a button is pressed.

    Its context (tracker, layer, region, periods, sources, data date) is settled first: the file name says it."""
    tracker, series, region = HEADLINE
    latest = events.sort_values("date", ascending=False).head(5)
    incident_sources = [f"{name}: {url}" for name, url in latest[["source_name", "source_url"]].to_numpy()]
    comparison = None
    context = ExportContext(
        tracker, SERIES_LABELS[series], region, "no monthly figures", tuple(incident_sources), data.data_as_of
    )
    years = headline_years(data.figures)
    if years:
        later, earlier = years
        attacks = monthly(data.figures, tracker, series, region, "attacks")
        comparison = compare_with_published(data.figures, tracker, series, region, "attacks", later, earlier)
        sources = [
            f"{tracker} monthly figures as reported by {name}: {url}"
            for name, url in attacks[["source_name", "source_url"]].drop_duplicates().tail(3).to_numpy()
        ]
        context = comparison_context(
            comparison, tracker, series, region, (*sources, *incident_sources), data.data_as_of
        )

    def render(file_format: str) -> bytes:
        headline, sentence = pd.DataFrame(), NO_FIGURES
        if comparison is not None:
            headline = kpis(data.figures, tracker, series, region, comparison.later, comparison.earlier)
            sentence = comparison_sentence(comparison, "Attacks", tracker, series, region)
        return briefing_file(file_format, headline, comparison, sentence, events, data.geo, context)

    for column, (file_format, mime) in zip(st.columns(len(BRIEFING_FORMATS)), BRIEFING_FORMATS.items(), strict=True):
        column.download_button(
            f"One-page briefing ({file_format.upper()})",
            lambda file_format=file_format: render(file_format),
            file_name=export_file_name("durand-line-briefing", context, file_format),
            mime=mime,
            key=f"briefing-{file_format}",
            on_click="ignore",
        )
