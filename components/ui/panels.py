"""Panels shared by the overview and the briefing screen, each drawn from the cached dataset."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.charts import comparison_chart
from components.data_age import latest_past_events_note
from components.dataset import Dataset
from components.dates import format_day
from components.diplomacy import filter_events, latest_developments
from components.export import (
    BRIEFING_FORMATS,
    DECK_FORMATS,
    ExportContext,
    briefing_file,
    briefing_sources,
    comparison_context,
    deck_file_name,
    export_file_name,
    source_names,
    with_events,
    with_filters,
)
from components.links import page_url
from components.map_labels import LABEL_PX
from components.map_legend import CLICK_TO_LIST
from components.map_views import DEFAULT_VIEW, fit_view, resolve_view
from components.slides import Slide
from components.textsafe import escape_markdown
from components.trends import (
    HEADLINE,
    HEADLINE_METRIC,
    SERIES_LABELS,
    Headline,
    KpiRow,
    compare,
    comparison_sentence,
    comparison_table,
    headline,
    kpis,
    parts_found,
    periods,
)
from components.ui.filters import current_filter
from components.ui.map_key import map_key, show_map_key
from components.ui.store import active_import, derived, events_again, events_coverage, map_deck
from components.ui.widgets import chart_spec, chart_with_table, comparison_columns, kpi_row

NO_FIGURES = "No PICSS monthly figures are loaded."


def kpi_panel(data: Dataset) -> None:
    provinces = current_filter().provinces
    view, row = derived("kpi-panel", (provinces,), lambda: _headline_cards(data, provinces))
    st.caption(escape_markdown(view.note))
    if row is None:
        st.info(NO_FIGURES)
        return
    kpi_row(row)


def _headline_cards(data: Dataset, provinces: tuple[str, ...]) -> tuple[Headline, KpiRow | None]:
    view = headline(data.figures, provinces)
    tracker, series = HEADLINE
    return view, None if view.years is None else kpis(data.figures, tracker, series, view.region, *view.years)


def trend_panel(data: Dataset) -> None:
    provinces = current_filter().provinces
    trend = derived("trend-panel", (provinces,), lambda: _headline_trend(data, provinces))
    if trend is None:
        st.info(NO_FIGURES)
        return
    sentence, parts, chart, table, context = trend
    st.markdown(escape_markdown(sentence))
    if parts:
        st.caption(escape_markdown(parts))
    chart_with_table(chart, table, "headline_attacks.csv", context, column_config=comparison_columns(table))


def _headline_trend(data: Dataset, provinces: tuple[str, ...]):
    """The headline comparison's sentence, chart, table and export context, or None without figures."""
    view = headline(data.figures, provinces)
    if view.years is None:
        return None
    tracker, series = HEADLINE
    later, earlier = view.years
    comparison = compare(
        data.figures, tracker, series, view.region, HEADLINE_METRIC, later, earlier, "month", data.data_as_of
    )
    context = [f"{tracker}, {SERIES_LABELS[series]}, {view.region}"]
    sources = source_names(periods(data.figures, tracker, series, view.region, HEADLINE_METRIC, "month"), view.years)
    return (
        comparison_sentence(comparison, "Attacks", tracker, series, view.region),
        parts_found(data.figures, tracker, series, view.region, HEADLINE_METRIC, "month", view.years),
        chart_spec(comparison_chart(comparison, "Attacks", context)),
        comparison_table(comparison),
        comparison_context(comparison, tracker, series, view.region, sources, data.data_as_of),
    )


# The Overview's map column, sidebar open, on screens 1280, 1440 and 1920 px wide (measured in Chromium,
# 30 Nov 2026): its labels must read whole at each, like the Map page's (components.map_labels.MAP_SIZES_PX).
SMALL_MAP_HEIGHT = 420
SMALL_MAP_SIZES = ((308, SMALL_MAP_HEIGHT), (372, SMALL_MAP_HEIGHT), (564, SMALL_MAP_HEIGHT))


def map_panel(events, key: str = "small-map") -> None:
    """The selection's incidents on a map framed to hold them all on the narrowest column (1280 px screens)."""
    view = fit_view(events["lat"].dropna(), events["lon"].dropna(), SMALL_MAP_SIZES[0], resolve_view(DEFAULT_VIEW))
    # Crossings as on the period's end, as on the Map page and as the key below says.
    deck = map_deck(current_filter(), "points", current_filter().end, view, labels=(LABEL_PX, SMALL_MAP_SIZES))
    st.pydeck_chart(deck, height=SMALL_MAP_HEIGHT, key=key)


def map_key_panel(data: Dataset, events) -> None:
    """The Map page's key to map_panel's small map, its legends side by side (three at 1280 px) under a line
    naming the map: stacked in the map's column they ran 850 px tall."""
    selection = current_filter()
    legends = [
        (legend, "" if note == CLICK_TO_LIST else note)  # the small map lists nothing on a click
        for legend, note in map_key(data, events, selection, "points", selection.end)
    ]
    st.caption("Key to the map of notable incidents")
    show_map_key(legends, st.columns(len(legends)))


def latest_panel(data: Dataset, events, count: int = 8, diplomacy: pd.DataFrame | None = None) -> None:
    """Newest first, diplomacy and incidents together, within the sidebar's period; `diplomacy` narrows the
    diplomatic events further (the Diplomacy page's tracks and mediators)."""
    selection = current_filter()
    narrowed = None if diplomacy is None else tuple(diplomacy["event_id"])

    def newest():  # the period's diplomacy is filtered when the panel is made, not on every rerun
        chosen = diplomacy
        if chosen is None:
            chosen = filter_events(data.diplomacy_events, selection.start, selection.end)
        return latest_developments(chosen, events, count)

    latest = derived("latest-panel", (selection, count, narrowed), newest)
    if latest.empty:
        st.info("Nothing recorded in this period.")
        return
    covered = events_coverage()
    if latest["date"].max().date() > covered.last:  # read before the lines it is about
        st.caption(escape_markdown(latest_past_events_note(covered.last, active_import() is not None)))
    for row in latest.itertuples(index=False):
        st.markdown(escape_markdown(f"{format_day(row.date)} · {row.kind}: {row.what} ({row.source_name})"))


def briefing_download(data: Dataset, events, slides: list[Slide] | None = None) -> None:
    """The one-page briefing with a static map, as PNG and as PDF, and with `slides` the same slides as a
    PowerPoint deck and a PDF deck, each made only when its button is pressed.

    Its context (tracker, layer, region, periods, sources, data date) is settled first: the file name says it."""
    selection = current_filter()
    view, comparison, context = derived(
        "briefing-context", (selection,), lambda: _briefing_context(data, events, selection.provinces)
    )
    imported = active_import()
    context = with_events(context, imported)  # an upload's briefing names its file and ACLED or UCDP
    context = with_filters(context, selection, len(events), events_coverage(), imported is not None, view.reason)
    tracker, series = HEADLINE
    events_on_click = events_again(selection)  # not `events`: the buttons outlive the run (see events_again)

    def render(file_format: str) -> bytes:
        cards, sentence = None, NO_FIGURES
        if comparison is not None:
            cards = kpis(data.figures, tracker, series, view.region, comparison.later, comparison.earlier)
            sentence = comparison_sentence(comparison, "Attacks", tracker, series, view.region)
        return briefing_file(file_format, cards, comparison, sentence, events_on_click(), data.geo, context)

    for column, (file_format, mime) in zip(st.columns(len(BRIEFING_FORMATS)), BRIEFING_FORMATS.items(), strict=True):
        column.download_button(
            f"One-page briefing ({file_format.upper()})",
            lambda file_format=file_format: render(file_format),
            file_name=export_file_name("durand-line-briefing", context, file_format),
            mime=mime,
            key=f"briefing-{file_format}",
            on_click="ignore",
        )
    if slides is None:
        return
    # The app's address as the browser sees it (none in AppTest): the deck's notes link to its pages from it.
    app_url = page_url(st.context.url, st.get_option("server.baseUrlPath"), "") if st.context.url else ""

    def render_deck(file_format: str) -> bytes:
        from components import deck  # the export libraries load on the first file made (export.pyplot)

        places = deck.MapInputs(events_on_click(), data.geo, data["towns"], imported is not None)
        if file_format == "pptx":
            return deck.deck_pptx(slides, context, places, app_url)
        return deck.deck_pdf(slides, context, places)

    for file_format, mime in DECK_FORMATS.items():
        st.download_button(
            f"Slides ({'PowerPoint' if file_format == 'pptx' else 'PDF'})",
            lambda file_format=file_format: render_deck(file_format),
            file_name=deck_file_name(context, file_format),
            mime=mime,
            key=f"deck-{file_format}",
            on_click="ignore",
        )


def _briefing_context(data: Dataset, events, provinces: tuple[str, ...]):
    """The headline view, its comparison (None without figures) and the briefing's export context, whose
    sources are the outlets behind the figures the page shows (export.briefing_sources)."""
    tracker, series = HEADLINE
    view = headline(data.figures, provinces)
    if not view.years:
        sources = briefing_sources(data.figures, (tracker, series, view.region), None, None, events, data["incidents"])
        context = ExportContext(
            tracker, SERIES_LABELS[series], view.region, "no monthly figures", sources, data.data_as_of
        )
        return view, None, context
    later, earlier = view.years
    comparison = compare(
        data.figures, tracker, series, view.region, HEADLINE_METRIC, later, earlier, "month", data.data_as_of
    )
    cards = kpis(data.figures, tracker, series, view.region, later, earlier)
    sources = briefing_sources(
        data.figures, (tracker, series, view.region), cards, comparison, events, data["incidents"]
    )
    context = comparison_context(comparison, tracker, series, view.region, sources, data.data_as_of)
    return view, comparison, context
