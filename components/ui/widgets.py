"""Small display pieces every page uses: notices about coverage and rejected rows, tables with downloads."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from components.data_age import as_of_sentence, events_end_note, stale_notice
from components.dataset import Dataset
from components.dates import format_day
from components.export import (
    CURATED_EVENTS,
    ExportContext,
    chart_png,
    chart_svg,
    export_file_name,
    numbers_with_context,
    selection_file_name,
)
from components.incidents import IncidentFilter
from components.links import page_url, share_link, with_period
from components.palette import HARM_FELL, HARM_ROSE
from components.textsafe import csv_bytes, escape_markdown
from components.trends import KpiRow, count_change
from components.ui.filters import current_filter
from components.ui.store import active_import, dataset, events_coverage
from components.ui.url_state import linked
from components.vocabulary import RISE_IS_HARM, CodeList

SHOWN_ROWS = 2_000  # more rows than anyone reads on screen; the browser stays fast with a million in the file
# The Streamlit named colours .streamlit/config.toml sets to the palette's harm colours: violet and orange, which
# no alert uses (error, warning, info and success keep Streamlit's red, yellow, blue and green).
CHANGE_COLOURS = {HARM_ROSE: "violet", HARM_FELL: "orange"}


@dataclass(frozen=True)
class ChartSpec:
    """An Altair chart and the Vega-Lite spec Streamlit sends for it, converted once (with store.derived):
    validating and copying a chart into its spec cost 0.1-0.3 s a chart on every rerun."""

    chart: alt.TopLevelMixin
    spec: dict


def chart_spec(chart: alt.TopLevelMixin) -> ChartSpec:
    """The spec exactly as st.altair_chart makes it (data as Arrow, Altair's theme left to Streamlit's)."""
    return ChartSpec(chart, _convert_altair_to_vega_lite_spec(chart))


def show_chart(chart: ChartSpec, container=st, **kwargs):
    """st.altair_chart for a converted chart; Streamlit edits the spec it is given, so it gets a copy."""
    return container.vega_lite_chart(spec=copy.deepcopy(chart.spec), **kwargs)


def coverage_caption(data: Dataset, curated: bool = True, selection: IncidentFilter | None = None) -> None:
    """Data as of and how old (a warning when old), and what the events are: curated or the user's own file;
    with `selection`, how much of its period lies past the last day the events cover (data_age.events_end_note):
    in the caption when some of it does, a notice when all of it does (the page then shows no incident).

    With a file's events shown the page is about them: the curated data's age is said in passing, since the
    warning that recent incidents are missing is not true of the file."""
    today = dt.date.today()
    imported = active_import() if curated else None
    if imported is None:
        notice = stale_notice(data.data_as_of, today)
        if notice:
            st.warning(notice)
        else:
            st.markdown(f"**{as_of_sentence(data.data_as_of, today)}**")
    covered = events_coverage()
    parts = []
    if imported is not None:
        parts.append(escape_markdown(f"{len(imported.events):,} events. {imported.attribution}"))
        if not imported.events.empty:
            parts.append(f"Events in the file: {format_day(covered.first)} to {format_day(covered.last)}.")
        if imported.rows_left_out:
            parts.append(f"Rows of the file not shown: {imported.rows_left_out:,} (listed on Data & sources).")
        parts.append(f"Everything else on this page is curated. {as_of_sentence(data.data_as_of, today)}")
    elif curated:
        parts.append(CURATED_EVENTS)
    past = None if selection is None else events_end_note(covered, selection.start, selection.end, bool(imported))
    if past and selection.start <= covered.last:
        parts.append(past)
    if parts:
        st.caption(" ".join(parts))
    if past and selection.start > covered.last:
        st.info(past)


def rejected_rows_notice(data: Dataset) -> None:
    """Say on screen how many rows or files were left out and why (details on the Data page)."""
    problems = data.problems_frame()
    problems = problems[problems["reason"] != "unknown column, ignored"]
    if problems.empty:
        return
    whole_files = sorted(set(problems.loc[problems["row"].isna(), "file"]))
    rows = sum(result.rows_rejected for result in data.tables.values())
    parts = []
    if whole_files:
        parts.append(f"{len(whole_files)} file(s) not used ({', '.join(whole_files)})")
    if rows:
        parts.append(f"{rows} row(s) rejected")
    with st.expander(f"⚠ Data left out: {'; '.join(parts)}. See why"):
        show_table(problems, hide_index=True)


def missing_layers_note(data: Dataset) -> None:
    """Say which boundary layers the map is drawn without (unreadable or invalid files; reasons on Data & sources)."""
    missing = data.geo.missing()
    if missing:
        st.caption(
            escape_markdown(
                f"The map is drawn without {', '.join(missing)}: the file could not be used (see Data & sources)."
            )
        )


NO_VALUE = "—"  # what an empty cell shows: "None" reads as code, and a blank cell can be missed


def show_table(data, **kwargs) -> None:
    """st.dataframe with empty cells shown as a dash, not "None": the values stay as they are, so a number
    column still sorts as numbers."""
    st.dataframe(data, placeholder=NO_VALUE, **kwargs)


def static_table(frame: pd.DataFrame, **kwargs) -> None:
    """st.table with every text cell and index label escaped: st.table reads cells as Markdown, so a source
    name holding "**x**" or "[a](b)" drew bold text or a link."""

    def escaped(column: pd.Series) -> pd.Series:
        return column.map(escape_markdown, na_action="ignore") if pd.api.types.is_string_dtype(column) else column

    shown = frame.apply(escaped)
    if pd.api.types.is_string_dtype(shown.index):
        shown.index = shown.index.map(escape_markdown)
    st.table(shown.rename(columns=escape_markdown), **kwargs)


def day_columns(frame: pd.DataFrame) -> dict:
    """Date columns shown as days ("8 Jan 2024"), not as timestamps ending "00:00:00"."""
    return {
        name: st.column_config.DateColumn(format="D MMM YYYY")
        for name, dtype in frame.dtypes.items()
        if pd.api.types.is_datetime64_any_dtype(dtype)
    }


TEXT_PX_PER_CHARACTER = 7  # a table's 14 px Source Sans averages 6 px a character (measured in Chromium)
CELL_PADDING_PX = 24


def comparison_columns(table: pd.DataFrame) -> dict:
    """A year-against-year table's numbers (trends.comparison_table) read with a thousands separator, change %
    with its sign ("+88%"): numbers, so they sort as numbers and sit right-aligned. Its note column is as wide
    as its longest note: sized to the rows drawn first (no note), it cut December's "2024: no figure found…"."""
    figure = st.column_config.NumberColumn(format="localized")
    longest = int(table["note"].str.len().max())
    note_px = longest * TEXT_PX_PER_CHARACTER + CELL_PADDING_PX if longest else None
    return {
        **dict.fromkeys(table.select_dtypes("number").columns, figure),
        "change %": st.column_config.NumberColumn(format="%+d%%"),
        "note": st.column_config.TextColumn(width=note_px),
    }


def events_csv_name(subject: str, selection: IncidentFilter) -> str:
    """The CSV name of a table of the events this session shows under `selection`: its period, filters' codes,
    the upload it comes from and the data date (export.selection_file_name)."""
    return selection_file_name(subject, selection, dataset().data_as_of, active_import())


def table_with_download(
    frame: pd.DataFrame,
    file_name: str,
    label: str = "Download CSV",
    max_rows: int = SHOWN_ROWS,
    rows: Callable[[], pd.DataFrame] | None = None,
    shape: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    **kwargs,
) -> None:
    """Show a table and offer it as CSV; a long table shows its first rows and the CSV holds them all.

    `shape` (headers in words, labels for codes) is applied to the shown rows only: shaping every row of a
    78,000-event import took 0.1 s a rerun to show 2,000 of them. The CSV is written only when the button
    is pressed, so a million-row selection costs nothing per rerun. The button keeps what it will write
    until the session ends, ~2 minutes after its tab closes: for a selection of events pass `rows`
    (store.events_again), which makes the rows again instead of keeping them.
    """
    if len(frame) > max_rows:
        st.caption(f"Showing the first {max_rows:,} of {len(frame):,} rows; the download has all of them.")
    shown = shape(frame.head(max_rows)) if shape else frame.head(max_rows)
    column_config = {**day_columns(shown), **kwargs.pop("column_config", {})}
    show_table(shown, hide_index=True, column_config=column_config, **kwargs)
    st.download_button(
        label,
        (lambda: csv_bytes(rows())) if rows else (lambda: csv_bytes(shape(frame) if shape else frame)),
        file_name=file_name,
        mime="text/csv",
        key=f"download-{file_name}",
        on_click="ignore",
    )


def chart_with_table(
    shown: ChartSpec,
    frame: pd.DataFrame,
    file_name: str,
    context: ExportContext | None = None,
    column_config: dict | None = None,
) -> None:
    """A chart with its numbers beneath it (table and CSV of exactly what is shown) and image exports.

    With a `context`, `file_name` names the subject only ("deaths_total.csv"): the images carry the context
    printed under their title, and every file name adds tracker, layer, region, periods and data date.
    `column_config` is the table's (e.g. its figures read with a thousands separator)."""
    show_chart(shown)
    chart = shown.chart
    stem = file_name.removesuffix(".csv")

    def name(extension: str) -> str:
        return f"{stem}.{extension}" if context is None else export_file_name(stem, context, extension)

    with st.expander("Numbers in this chart, and downloads"):
        rows = None if context is None else lambda: numbers_with_context(frame, chart, context)
        table_with_download(frame, name("csv"), rows=rows, column_config=column_config or {})
        png, svg = st.columns(2)
        png.download_button(
            "Chart as PNG",
            lambda: chart_png(chart, context),
            file_name=name("png"),
            mime="image/png",
            key=f"png-{name('png')}",
            on_click="ignore",
        )
        svg.download_button(
            "Chart as SVG",
            lambda: chart_svg(chart, context),
            file_name=name("svg"),
            mime="image/svg+xml",
            key=f"svg-{name('svg')}",
            on_click="ignore",
        )


CHOICE_CONTEXTS = "choice-contexts"  # session state: the context each choice's value was last kept under


def choice(container, label: str, options: list, key: str, default=None, scant=(), context=None, **kwargs):
    """A selectbox kept in the URL whose value is always one of `options`.

    A value carried over from another tracker's view that this view lacks falls back to `default`, so
    switching tracker never lands on an empty pair of years; a link's value this view lacks is named in
    a notice (url_state.linked). `scant` are options this view has (almost) nothing in: one of them chosen
    under another `context` (another tracker) falls back to `default` too, so PICSS's months carried over
    to CRSS land on CRSS's quarters, not on its one monthly figure; chosen under this `context`, or given by
    a link, it stays."""
    fallback = default if default in options else options[0]
    contexts = st.session_state.setdefault(CHOICE_CONTEXTS, {})
    moved = contexts.get(key, context) != context
    contexts[key] = context
    held = st.session_state.get(key)
    if held not in options or (moved and held in scant):
        st.session_state[key] = fallback
    return linked(container.selectbox, label, options, key=key, link_default=fallback, **kwargs)


CARDS_ACROSS = 3
CARDS_KEY = "kpi-cards"
# Static styling (no data in it): Streamlit cuts a metric's label to one line with an ellipsis, so three cards
# across cut "Security forces killed, 6 months of 2025" at 1280 px. The cards' labels wrap instead, and each row
# of cards sits on its bottom edge, so the values line up under labels of one line and of two.
WRAPPED_LABELS_CSS = f"""<style>
.st-key-{CARDS_KEY} [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"],
.st-key-{CARDS_KEY} [data-testid="stMetricLabel"] p {{white-space: normal; overflow: visible; text-overflow: clip;}}
</style>"""


def kpi_row(row: KpiRow) -> None:
    """Headline cards, the periods each counts written out in full above them (it wraps, never truncates)."""
    if row.cards.empty:
        st.info(f"No measure is published for the same periods of {row.later} and {row.earlier}.")
        return
    st.markdown(f"**{escape_markdown(row.heading)}**")
    labels = [f"{card.label}, {row.span(card.slots)}" for card in row.cards.itertuples(index=False)]
    st.html(WRAPPED_LABELS_CSS)
    cards = st.container(key=CARDS_KEY)
    columns = [
        column
        for _ in range(0, len(row.cards), CARDS_ACROSS)
        for column in cards.columns(CARDS_ACROSS, vertical_alignment="bottom")
    ]
    for column, label, card in zip(columns, labels, row.cards.itertuples(index=False), strict=False):
        change = count_change(card.earlier, card.later)  # in numbers on a small base: "+1", not "+50%"
        shown = change.shown if change else 0
        column.metric(
            label,
            f"{card.later:,.0f}",
            None if change is None else f"{change.signed()} vs {row.earlier}",
            # Coloured only where a rise means more people hurt; otherwise the badge makes no judgement.
            delta_color=change_colour(shown, card.metric in RISE_IS_HARM),
            delta_arrow="auto" if shown else "off",
            help=f"{row.window(card.slots)} {row.earlier}: {card.earlier:,.0f}{card.earlier_note}"
            + (f"; {row.window(card.slots)} {row.later}{card.later_note}" if card.later_note else ""),
        )
    if row.parts_note:
        st.caption(escape_markdown(row.parts_note))
    if row.left_out:
        st.caption(
            escape_markdown(
                f"Not in these cards: {', '.join(row.left_out)} (this data set has them for other periods only, "
                "so they would not add up with the cards above; each has its own chart on Trends)."
            )
        )


def change_colour(change: float, rise_is_harm: bool = True) -> str:
    """st.metric's delta_color for a change as a card shows it: a rise or a fall in people hurt in the palette's
    harm colours (never Streamlit's red and green, which many readers cannot tell apart); anything else grey."""
    if not rise_is_harm or change == 0:
        return "off"
    return CHANGE_COLOURS[HARM_ROSE if change > 0 else HARM_FELL]


def share_box(page_path: str) -> None:
    """The current view's link with a copy button; drawn last so every widget's parameter is in it.
    `page_path` is the page's url_path ("" for the home page).

    In a popover: Streamlit draws st.code with a 1.5 MB script that every page otherwise loaded on first paint
    for this one box; a popover's content, and that script, load only when it is opened (bench/bench_pages.py)."""
    if not st.context.url:
        return
    base = page_url(st.context.url, st.get_option("server.baseUrlPath"), page_path)
    selection = current_filter()
    params = with_period({key: st.query_params.get_all(key) for key in st.query_params}, selection.start, selection.end)
    with st.sidebar.popover("Link to this view", icon=":material/link:", width="stretch"):
        st.caption(
            "Copy it with the button on the right; it opens this page with the same filters and choices, and the "
            "same period after the data are updated."
        )
        st.code(share_link(base, params), language=None, wrap_lines=True)


def code_radio(label: str, codes: CodeList) -> str:
    """A row of radio buttons over a code list's labels, kept in the link under the list's name."""
    return linked(st.radio, label, codes.codes, horizontal=True, key=codes.name, format_func=codes.label)
