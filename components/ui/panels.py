"""Panels shared by the overview and the briefing screen, each drawn from the cached dataset."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.charts import comparison_chart
from components.crossings import status_on
from components.dataset import Dataset
from components.diplomacy import latest_developments
from components.export import (
    BRIEFING_FORMATS,
    ExportContext,
    briefing_file,
    comparison_context,
    export_file_name,
    source_names,
)
from components.map_layers import build_deck, crossing_layers
from components.sources import cited
from components.textsafe import escape_markdown
from components.trends import (
    HEADLINE,
    SERIES_LABELS,
    compare,
    comparison_sentence,
    comparison_table,
    headline,
    kpis,
    periods,
)
from components.ui.filters import current_filter
from components.ui.store import base_map_layers, map_incident_layers
from components.ui.widgets import chart_with_table, kpi_row

NO_FIGURES = "No PICSS monthly figures are loaded."


def kpi_panel(data: Dataset, per_row: int | None = None) -> None:
    view = headline(data.figures, current_filter().provinces)
    st.caption(escape_markdown(view.note))
    if view.years is None:
        st.info(NO_FIGURES)
        return
    tracker, series = HEADLINE
    kpi_row(kpis(data.figures, tracker, series, view.region, *view.years), per_row)


def trend_panel(data: Dataset) -> None:
    view = headline(data.figures, current_filter().provinces)
    if view.years is None:
        st.info(NO_FIGURES)
        return
    tracker, series = HEADLINE
    later, earlier = view.years
    comparison = compare(
        data.figures, tracker, series, view.region, "attacks", later, earlier, "month", data.data_as_of
    )
    st.markdown(escape_markdown(comparison_sentence(comparison, "Attacks", tracker, series, view.region)))
    context = [f"{tracker}, {SERIES_LABELS[series]}, {view.region}"]
    sources = source_names(periods(data.figures, tracker, series, view.region, "attacks", "month"), view.years)
    chart_with_table(
        comparison_chart(comparison, "Attacks", context),
        comparison_table(comparison),
        "headline_attacks.csv",
        comparison_context(comparison, tracker, series, view.region, sources, data.data_as_of),
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
    tracker, series = HEADLINE
    view = headline(data.figures, current_filter().provinces)
    latest = events.sort_values("date", ascending=False).head(5)
    incident_sources = [f"{name}: {url}" for name, url in latest[["source_name", "source_url"]].to_numpy()]
    comparison = None
    context = ExportContext(
        tracker, SERIES_LABELS[series], view.region, "no monthly figures", tuple(incident_sources), data.data_as_of
    )
    if view.years:
        later, earlier = view.years
        attacks = periods(data.figures, tracker, series, view.region, "attacks", "month")
        comparison = compare(
            data.figures, tracker, series, view.region, "attacks", later, earlier, "month", data.data_as_of
        )
        sources = [
            f"{tracker} monthly figures as reported by {cited(name, kind)}: {url}"
            for name, kind, url in attacks[["source_name", "source_kind", "source_url"]]
            .drop_duplicates()
            .tail(3)
            .to_numpy()
        ]
        context = comparison_context(
            comparison, tracker, series, view.region, (*sources, *incident_sources), data.data_as_of
        )

    def render(file_format: str) -> bytes:
        cards, sentence = None, NO_FIGURES
        if comparison is not None:
            cards = kpis(data.figures, tracker, series, view.region, comparison.later, comparison.earlier)
            sentence = comparison_sentence(comparison, "Attacks", tracker, series, view.region)
        return briefing_file(file_format, cards, comparison, sentence, events, data.geo, context)

    for column, (file_format, mime) in zip(st.columns(len(BRIEFING_FORMATS)), BRIEFING_FORMATS.items(), strict=True):
        column.download_button(
            f"One-page briefing ({file_format.upper()})",
            lambda file_format=file_format: render(file_format),
            file_name=export_file_name("durand-line-briefing", context, file_format),
            mime=mime,
            key=f"briefing-{file_format}",
            on_click="ignore",
        )
