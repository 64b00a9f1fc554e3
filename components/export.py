"""Files an analyst takes away: charts as PNG or SVG, and a one-page briefing (PNG or PDF) with its sources.

Every file carries its context (tracker, counting layer, region, periods, sources, data date) on the image
and in its file name, so it still says what it shows when forwarded without the page it came from."""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import altair as alt
import pandas as pd

from components.data_age import Coverage, events_end_note, events_end_words, no_events_title
from components.dates import format_day
from components.event_words import events_noun, killed_basis
from components.geo import GeoLayers
from components.imports import ImportedEvents
from components.map_layers import incident_cells
from components.palette import BASE_MAP, CARD_PAPER, COUNT_RAMP, MUTED_INK, NEUTRAL, SOFT_INK, YEAR_COLOURS
from components.sources import cited_names
from components.trends import (
    HEADLINE_METRIC,
    NOT_FOUND,
    PUBLISHED_ANNUAL,
    SERIES_LABELS,
    KpiRow,
    YearComparison,
    annual_figure,
    count_change,
    other_region,
    periods,
    slots_label,
    tracker_scope,
)
from components.vocabulary import FAMILY_COLOURS, drawn_family_colours, family_label

MONITOR = "Durand Line Monitor"
CURATED_EVENTS = "Notable incidents, curated, not exhaustive."
FIGURES_NOTE = "Figures as published by each source."
REPORTED_BY = " as reported by "  # a briefing source: what (PICSS figures, incidents on the map), then the outlet


@dataclass(frozen=True)
class ExportContext:
    """What an exported file shows: whose count, which counting layer, where, which periods, from which
    sources, and how fresh the data are."""

    tracker: str
    layer: str  # the counting layer as read, e.g. "militant attacks only"
    region: str
    periods: str  # e.g. "Jan–Nov 2025 vs Jan–Nov 2024"
    sources: tuple[str, ...]  # source names, or "name: url"
    data_as_of: dt.date | None
    years: tuple[int, ...] = ()  # the years compared, later first: the file name's short form of `periods`
    events: str = CURATED_EVENTS  # which incidents the map and lists show, with their attribution
    events_file: str = ""  # an imported file's format and name ("ACLED export.csv"), named in the file name
    filters: str = ""  # what the sidebar's filters keep of the incidents, and what tracker totals leave out of them
    filter_codes: str = ""  # the codes of the province, actor and type filters, for the file name (filter_codes)
    map_title: str = ""  # the map's title when the period runs past the events' last covered day (with_filters)

    @property
    def as_of(self) -> str:
        return f"Data as of {format_day(self.data_as_of)}" if self.data_as_of else "Data date unknown"

    @property
    def scope(self) -> str:
        return f"{self.tracker}, {self.layer} · {self.region} · {self.periods}"


def periods_label(comparison: YearComparison) -> str:
    """'Jan–Nov 2025 vs Jan–Nov 2024': the like-for-like window the figures compare, and any period of
    the later year shown but left out of the comparison."""
    cadence, later, earlier = comparison.cadence, comparison.later, comparison.earlier
    if not comparison.window_slots:
        return f"{_year_periods(comparison.later_slots, later, cadence)} (no period of {earlier} to compare)"
    window = comparison.window
    text = f"{window} {later} vs {window} {earlier}"
    extra = [slot for slot in comparison.later_slots if slot not in comparison.window_slots]
    if extra:
        text += f" ({slots_label(extra, cadence)} {later} also shown)"
    return text


def _year_periods(slots: tuple[int, ...], year: int, cadence: str) -> str:
    return f"{slots_label(slots, cadence)} {year}" if slots else f"{year} (nothing published)"


def source_names(series_rows: pd.DataFrame, years: tuple[int, ...]) -> tuple[str, ...]:
    """Each outlet that reported a figure of `years` in one figure's periods (from trends.periods), once, in order;
    a repost on an unrelated site says so."""
    return tuple(dict.fromkeys(cited_names(series_rows[series_rows["year"].isin(years)])))


def briefing_sources(
    figures: pd.DataFrame,
    headline: tuple[str, str, str],
    cards: KpiRow | None,
    comparison: YearComparison | None,
    events: pd.DataFrame,
    accounts: pd.DataFrame,
) -> tuple[str, ...]:
    """Every outlet behind a figure the one-page briefing shows, once each: the tracker's rows summed into its
    cards (their measures, shared months, both years) and drawn as its bars (attacks, every month of both
    years), the annual total its sentence names, then every account of the incidents on its map (newest
    first; an imported file's events cite their own source). `headline`: tracker, series, region."""
    tracker, series, region = headline
    rows = []
    if cards is not None:
        for card in cards.cards.itertuples(index=False):
            shown = periods(figures, tracker, series, region, card.metric, cards.cadence)
            rows.append(shown[shown["slot"].isin(card.slots) & shown["year"].isin((cards.later, cards.earlier))])
    if comparison is not None:
        years = (comparison.later, comparison.earlier)
        shown = periods(figures, tracker, series, region, HEADLINE_METRIC, comparison.cadence)
        rows.append(shown[shown["year"].isin(years)])
        if comparison.passed_slot and comparison.full_year_basis == PUBLISHED_ANNUAL:
            annual = annual_figure(figures, tracker, series, region, HEADLINE_METRIC, comparison.earlier)
            rows.append(pd.DataFrame([annual])[["source_name", "source_kind"]])
    tracker_outlets = [f"{tracker} figures{REPORTED_BY}{outlet}" for frame in rows for outlet in cited_names(frame)]
    newest = events.sort_values("date", ascending=False, kind="stable")
    known = newest["incident_id"].isin(accounts["incident_id"])
    curated = accounts.set_index("incident_id").loc[newest.loc[known, "incident_id"]]
    imported = newest.loc[~known, ["source_name"]].assign(source_kind=None)
    incident_outlets = [
        f"Incidents on the map{REPORTED_BY}{outlet}"
        for outlet in cited_names(pd.concat([curated[["source_name", "source_kind"]], imported]))
    ]
    return tuple(dict.fromkeys([*tracker_outlets, *incident_outlets]))


def comparison_context(
    comparison: YearComparison,
    tracker: str,
    series: str,
    region: str,
    sources: tuple[str, ...],
    data_as_of: dt.date | None,
) -> ExportContext:
    """The context of a chart or briefing drawn from one tracker's series compared over two years."""
    return ExportContext(
        tracker,
        SERIES_LABELS.get(series, series),
        region,
        periods_label(comparison),
        tuple(sources),
        data_as_of,
        (comparison.later, comparison.earlier),
    )


def side_by_side_context(
    figures: pd.DataFrame, side: pd.DataFrame, metric: str, region: str, year: int, data_as_of: dt.date | None
) -> ExportContext:
    """The context of the trackers' annual figures side by side (trends.annual_side_by_side): where, which
    year, each tracker's outlets for it (a repost says so) and the data date; its PNG read "Attacks in 2025:
    trackers side by side" and nothing else."""
    sources = tuple(
        dict.fromkeys(
            f"{tracker}: {name}"
            for tracker, series in side[["tracker", "series"]].itertuples(index=False)
            for name in source_names(periods(figures, tracker, series, region, metric, "year"), (year,))
        )
    )
    layer = "each its own counting layer"
    return ExportContext("Trackers side by side", layer, region, f"full year {year}", sources, data_as_of, (year,))


def with_filters(
    context: ExportContext,
    selection,
    count: int,
    covered: Coverage | None = None,
    imported: bool = False,
    region_reason: str = "",
) -> ExportContext:
    """The context of a page drawn under a selection's filters (an IncidentFilter): the map's incidents and
    what the tracker totals do not follow, said on the page; a forwarded page did not say it was filtered.
    With `covered`, the days the events cover: a period running past their end says so in the map's title and
    the footer (data_age.events_end_note), as the pages do; a page for 17 Mar-8 Apr 2026 read "0 notable
    incidents" and nothing else, three calm weeks to whoever it was forwarded to. With `region_reason`
    (trends.Headline.reason), why the tracker figures are not the provinces (trends.other_region), as slides say."""
    filters = f"Map: {selection.sentence(count)}. {tracker_scope(selection)}."
    if region_reason and selection.provinces:
        filters += f" Tracker figures: {other_region(context.region, selection.provinces, region_reason)}."
    context = replace(context, filter_codes=filter_codes(selection))  # its file name says them too
    note = None if covered is None else events_end_note(covered, selection.start, selection.end, imported)
    if note is None:
        return replace(context, filters=filters)
    if selection.start > covered.last:  # "Map: 0 incidents, 17 Mar-8 Apr 2026" in the footer read as calm
        filters = f"Map: no incident data for {selection.scope()}. {tracker_scope(selection)}."
        return replace(context, filters=f"{filters} {note}", map_title=no_events_title(covered.last, imported))
    title = f"{count:,} {events_noun(imported)} and the Durand Line; {events_end_words(covered.last, imported)}"
    return replace(context, filters=f"{filters} {note}", map_title=title)


def with_events(context: ExportContext, imported: ImportedEvents | None) -> ExportContext:
    """The context of a file drawn from an imported file's events: it names the file and carries the
    source's attribution (ACLED's, UCDP's) instead of calling them curated incidents."""
    if imported is None:
        return context
    shown = f"{len(imported.events):,} events from an imported {imported.format} file. {imported.attribution}"
    return replace(context, events=shown, events_file=f"{imported.format} {Path(imported.file).stem}")


def events_file_name(subject: str, imported: ImportedEvents | None, extension: str = "csv") -> str:
    """'incidents_shown.csv' for the curated incidents; an imported file's events name it
    ('incidents_shown_acled-pakistan-2025.csv'), so a forwarded table still says whose events it holds."""
    if imported is None:
        return f"{subject}.{extension}"
    return f"{subject}_{_import_slug(imported)}.{extension}"


def _import_slug(imported: ImportedEvents) -> str:
    """'acled-pakistan-2025': the imported file's format and name, as a file made from its events says them."""
    return _slug(f"{imported.format} {Path(imported.file).stem}")


NAMED_CODES = 3  # a filter holding more codes than this is named by their count in a file name ("5-types")


def filter_codes(selection) -> str:
    """'balochistan.khyber-pakhtunkhwa_ttp_suicide-bombing': the stable codes (never labels) each of a selection's
    province, actor group and type filters keeps, for a file name: filters apart by '_', one filter's codes by
    '.' (a code holds '-'); a filter with more than NAMED_CODES gives their count ('5-types'), one not set
    nothing. Codes are unique across the three lists, so each reads alone."""
    parts = (
        codes_part(selection.provinces, "provinces"),
        codes_part(selection.actors, "actor-groups"),
        codes_part(selection.types, "types"),
    )
    return "_".join(part for part in parts if part)


def codes_part(codes: tuple[str, ...], noun: str, prefix: str = "") -> str:
    """One filter's codes in a file name: 'ttp.bla' (after `prefix` when given), '5-types' for more than
    NAMED_CODES, '' for none chosen."""
    if len(codes) > NAMED_CODES:
        return f"{len(codes)}-{noun}"
    return prefix + ".".join(_slug(code) for code in codes) if codes else ""


def selection_file_name(
    subject: str, selection, data_as_of: dt.date | None, imported: ImportedEvents | None, extension: str = "csv"
) -> str:
    """'incidents_shown_2025-01-01-to-2026-04-08_balochistan_ttp_data-2026-04-08.csv': a table of a selection's
    events (an IncidentFilter's) named for its period, its filters' codes, the imported file it comes from and
    the data date, as the charts' exports are named for theirs; the Map page's tables were "incidents_shown.csv"."""
    parts = (
        _slug(subject, keep="_"),
        f"{selection.start:%Y-%m-%d}-to-{selection.end:%Y-%m-%d}",
        filter_codes(selection),
        "" if imported is None else _import_slug(imported),
        _data_date(data_as_of),
    )
    return "_".join(part for part in parts if part) + f".{extension}"


def _data_date(data_as_of: dt.date | None) -> str:
    return f"data-{data_as_of:%Y-%m-%d}" if data_as_of else "data-date-unknown"


def export_file_name(subject: str, context: ExportContext, extension: str) -> str:
    """'deaths_total_picss-militant-attacks-only_balochistan_2025-vs-2024_data-2026-04-08.png': what, whose
    count, where, which years and how fresh, in characters every file system and mail client keeps; a file
    drawn under the sidebar's filters (with_filters) names their codes ('..._2025-vs-2024_ttp.bla_data-...'),
    one drawn from imported events names them ('..._acled-pakistan-2025_data-...')."""
    parts = (
        _slug(subject, keep="_"),
        _slug(f"{context.tracker} {context.layer}"),
        _slug(context.region) or "region-unnamed",
        "-vs-".join(str(year) for year in context.years),
        context.filter_codes,
        _slug(context.events_file),
        _data_date(context.data_as_of),
    )
    return "_".join(part for part in parts if part) + f".{extension}"


def deck_file_name(context: ExportContext, extension: str) -> str:
    """'briefing_deck_picss-militant-attacks-only_pakistan_2025-vs-2024_data-2026-04-08.pptx'."""
    return export_file_name("briefing_deck", context, extension)


def _slug(text: str, keep: str = "") -> str:
    """Lowercase ASCII letters, digits and hyphens: accents dropped ('Peshāwar' -> 'peshawar'), the rest '-'."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return re.sub(rf"[^a-z0-9{keep}]+", "-", letters).strip("-_")


CONTEXT_WRAP = 90  # characters per subtitle line: about the width of a monthly chart at 13 px
EXPORT_WIDTH_PX = 640  # an exported chart's plot, where the page gives it the column's width instead


def context_lines(context: ExportContext) -> list[str]:
    """The context as short lines (wrapped, never cut) for an image's subtitle."""
    sources = "Sources: " + ", ".join(context.sources) if context.sources else "Sources: none recorded"
    return [
        *textwrap.wrap(f"{context.tracker}, {context.layer} · {context.region}", CONTEXT_WRAP),
        *textwrap.wrap(f"Periods: {context.periods}", CONTEXT_WRAP),
        *textwrap.wrap(sources, CONTEXT_WRAP),
        f"{context.as_of} · {MONITOR}",
    ]


def with_context(chart: alt.TopLevelMixin, context: ExportContext) -> alt.TopLevelMixin:
    """The chart with its context as subtitle lines under its own title (single, layered or concatenated).

    A concatenated chart has no title of its own, and Vega draws no subtitle without one: the first context
    line becomes the title. The chart's own subtitle lines that the context does not repeat (such as what a
    mark for an unpublished period means) follow the context."""
    title = chart.title
    text = title_text(chart)
    own = title.subtitle if isinstance(title, alt.TitleParams) else alt.Undefined
    own = [own] if isinstance(own, str) else [] if own is alt.Undefined else list(own)
    lines = context_lines(context)
    lines += [line for line in own if line.split(",")[0] != context.tracker and not line.startswith("Data as of")]
    if not text:
        text, lines = lines[0], lines[1:]
    return chart.properties(
        title=alt.TitleParams(
            text=text, subtitle=lines, anchor="start", subtitleFontSize=13, subtitleColor=SOFT_INK, subtitlePadding=6
        )
    )


def title_text(chart: alt.TopLevelMixin) -> str:
    """A chart's own title as read, '' when it has none (a concatenated chart)."""
    title = chart.title
    return title.text if isinstance(title, alt.TitleParams) else title if isinstance(title, str) else ""


def numbers_with_context(frame: pd.DataFrame, chart: alt.TopLevelMixin, context: ExportContext) -> pd.DataFrame:
    """A chart's numbers as a CSV that reads alone: each row also says what the chart shows, whose figures,
    which layer and region, the periods, the data date and the sources (a forwarded file read only
    'period,2024,2025,change,change %,note' / 'Full year,1950,3413,...')."""
    return frame.assign(
        chart=title_text(chart),
        tracker=context.tracker,
        counting_layer=context.layer,
        region=context.region,
        periods=context.periods,
        data_as_of=context.data_as_of.isoformat() if context.data_as_of else "",
        sources="; ".join(context.sources),
    )


def pyplot():
    """matplotlib's pyplot, drawing off screen. The export libraries (matplotlib, fontTools, python-pptx, PIL,
    vl-convert) are imported when the first file is made, not by every page: about 400 modules and 44 MB of
    a server's memory that a session never showing a download does not need."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def chart_png(chart: alt.TopLevelMixin, context: ExportContext | None = None, scale: float = 2) -> bytes:
    """The chart as PNG, `scale` pixels per chart pixel (a slide deck asks for more than a download)."""
    import vl_convert as vlc

    chart = _export_width(chart if context is None else with_context(chart, context))
    return vlc.vegalite_to_png(chart.to_json(), scale=scale)


def _export_width(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A chart whose page gives it the column's width has none of its own: exported, Vega drew the cumulative
    chart 230 px wide, its month labels run together ("JanFebMar...") and its reference label past the plot."""
    if isinstance(chart, alt.Chart | alt.LayerChart) and chart.width is alt.Undefined:
        return chart.properties(width=EXPORT_WIDTH_PX)
    return chart


def chart_svg(chart: alt.TopLevelMixin, context: ExportContext | None = None) -> str:
    import vl_convert as vlc

    chart = _export_width(chart if context is None else with_context(chart, context))
    return vlc.vegalite_to_svg(chart.to_json())


BRIEFING_FORMATS = {"png": "image/png", "pdf": "application/pdf"}
DECK_FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
PAGE = (11.69, 8.27)  # A4 landscape in inches, saved as is (no tight bounding box): the PDF page is 842 x 595 pt
PNG_DPI = 200
MARGIN = 0.45  # inches, every side
GAP = 0.2
PAD = 0.1  # inside a KPI card
MAP_ASPECT = 1.05  # height over width of the map's extent as geopandas draws it (latitude-corrected)
MAX_SOURCES = 24  # outlets named on the page (about three lines); the file's metadata holds them all
GAP_LABEL_LIFT_PT = 3  # a gap's label stands this far above the trend's baseline
STATIC_POINTS_LIMIT = 2_000  # above this, the briefing map counts events per grid cell


def briefing_file(
    file_format: str,
    cards: KpiRow | None,
    comparison: YearComparison | None,
    sentence: str,
    events: pd.DataFrame,
    geo: GeoLayers,
    context: ExportContext,
) -> bytes:
    """The one-page briefing as PNG or PDF: the same page, its sources and data date printed on it and
    also written into the file's metadata, so they stay with the file when it is forwarded or filed."""
    title = f"{MONITOR} briefing, {context.as_of}"
    if file_format == "png":
        metadata = {"Title": title, "Source": "\n".join(context.sources)}
    else:
        metadata = {
            "Title": title,
            "Subject": "Sources: " + "; ".join(context.sources),
            "Keywords": f"data as of {context.data_as_of:%Y-%m-%d}" if context.data_as_of else "data date unknown",
            "Creator": MONITOR,
        }
    plt = pyplot()
    # TrueType (42) rather than Type 3 fonts, so the PDF's text can be searched, copied and read back.
    with plt.rc_context({"pdf.fonttype": 42}):
        figure = briefing_figure(cards, comparison, sentence, events, geo, context)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=file_format, dpi=PNG_DPI, metadata=metadata)
        plt.close(figure)
    return buffer.getvalue()


def kpi_card(card, row: KpiRow) -> tuple[str, str, str]:
    """One card of trends.kpis as ('Attacks, Jan–Nov 2025', '1,234', '+15% vs 1,073 in Jan–Nov 2024'):
    a card read alone still says which periods of which years it compares."""
    window = "" if row.cadence == "year" else f"{row.window(card.slots)} "
    change = count_change(card.earlier, card.later)  # in numbers on a small base: "+1", not "+50%"
    return (
        f"{card.label}, {window}{row.later}",
        f"{card.later:,.0f}",
        f"{change.signed()} vs {card.earlier:,.0f} in {window}{row.earlier}",
    )


def briefing_figure(cards: KpiRow | None, comparison, sentence, events, geo, context: ExportContext):
    """One A4-landscape page: the context as header, KPI cards, a static map and the trend, then the sentence,
    sources and data date. Text is measured as it is drawn, so blocks stack without overlapping."""
    figure = pyplot().figure(figsize=PAGE, dpi=PNG_DPI)
    top = MARGIN + _text(figure, MARGIN, MARGIN, [f"{MONITOR} · one-page briefing"], 15, fontweight="bold")[1]
    top += 0.06 + _text(figure, MARGIN, top + 0.06, [f"{context.scope} · {context.as_of}"], 10.5)[1]
    if cards is not None and not cards.cards.empty:
        top = _kpi_cards(figure, cards, top + GAP)
    bottom = _notes(figure, sentence, context)
    _map_and_trend(figure, top + GAP, bottom - GAP, events, geo, comparison, context)
    return figure


def _text(figure, x: float, y: float, paragraphs: list[str], size: float, width: float | None = None, **style):
    """Draw paragraphs with their top-left at (x, y) inches from the page's top-left, wrapped (never cut) to
    `width` inches, narrower until they measure within it. Returns the text and its height in inches."""
    width = PAGE[0] - MARGIN - x if width is None else width
    characters = int(width * 72 / (size * 0.5))
    renderer = figure.canvas.get_renderer()
    while True:
        lines = [line for paragraph in paragraphs for line in textwrap.wrap(paragraph, characters) or [""]]
        # Texts come from data files: parse_math=False keeps "$...$" as text (mathtext would render it,
        # or fail on it and take the whole briefing down).
        artist = figure.text(*_at(x, y), "\n".join(lines), fontsize=size, va="top", parse_math=False, **style)
        extent = artist.get_window_extent(renderer)
        if extent.width <= width * figure.dpi or characters <= 10:
            return artist, extent.height / figure.dpi
        artist.remove()
        characters = int(characters * 0.95)


def _at(x: float, y: float) -> tuple[float, float]:
    """Inches from the page's top-left to figure fractions (matplotlib counts from the bottom-left)."""
    return x / PAGE[0], 1 - y / PAGE[1]


def _kpi_cards(figure, cards: KpiRow, top: float) -> float:
    """One card per KPI across the page, all as tall as the tallest; returns their bottom in inches."""
    from matplotlib.patches import Rectangle

    count = len(cards.cards)
    card = (PAGE[0] - 2 * MARGIN - GAP * (count - 1)) / count
    bottom = top
    for index, card_row in enumerate(cards.cards.itertuples(index=False)):
        label, value, change = kpi_card(card_row, cards)
        x, y = MARGIN + index * (card + GAP) + PAD, top + PAD
        y += _text(figure, x, y, [label], 9, card - 2 * PAD)[1] + 0.06
        y += _text(figure, x, y, [value], 18, card - 2 * PAD, fontweight="bold")[1] + 0.06
        y += _text(figure, x, y, [change], 9, card - 2 * PAD, color=SOFT_INK)[1]
        bottom = max(bottom, y + PAD)
    for index in range(count):
        corner = _at(MARGIN + index * (card + GAP), bottom)
        size = (card / PAGE[0], (bottom - top) / PAGE[1])
        figure.add_artist(
            Rectangle(corner, *size, transform=figure.transFigure, facecolor=CARD_PAPER, edgecolor="none", zorder=0)
        )
    return bottom


def _notes(figure, sentence: str, context: ExportContext) -> float:
    """The sentence, the sources and the footer, resting on the bottom margin; returns their top in inches."""
    blocks = [
        _text(figure, MARGIN, 0, [sentence], 10),
        _text(figure, MARGIN, 0, ["Sources:", *source_paragraphs(context.sources)], 7.5),
        _text(
            figure,
            MARGIN,
            0,
            [f"{context.filters} {context.events} {FIGURES_NOTE} {context.as_of}. {MONITOR}.".lstrip()],
            7.5,
            color=MUTED_INK,
        ),
    ]
    spacing = 0.1
    top = PAGE[1] - MARGIN - sum(height for _, height in blocks) - spacing * (len(blocks) - 1)
    y = top
    for artist, height in blocks:  # measured first, then moved into place
        artist.set_y(_at(0, y)[1])
        y += height + spacing
    return top


def source_paragraphs(sources: tuple[str, ...]) -> list[str]:
    """The first MAX_SOURCES sources as the page prints them: entries naming what an outlet reported
    ('PICSS figures as reported by Dawn') run together, one paragraph per what ('PICSS figures as reported
    by PICSS, Dawn, ...'); past MAX_SOURCES, how many more and where every one is listed."""
    groups: dict[str, list[str]] = {}
    for source in sources[:MAX_SOURCES]:
        what, said, outlet = source.partition(REPORTED_BY)
        groups.setdefault(what + said if said else source, []).append(outlet)
    shown = [what + ", ".join(outlet for outlet in outlets if outlet) for what, outlets in groups.items()]
    if len(sources) > MAX_SOURCES:
        shown.append(
            f"… and {len(sources) - MAX_SOURCES} more: every source is listed on the {MONITOR}'s Data & sources "
            "page and in this file's metadata"
        )
    return shown or ["none recorded"]


LEGEND_HEADROOM = 1.15  # the trend's y axis runs this much past its tallest bar, room for the key's one line


def _map_and_trend(figure, top: float, bottom: float, events, geo: GeoLayers, comparison, context) -> None:
    """The map with its legend on the left and the monthly bars on the right, between the KPI cards and the notes."""
    title_room, tick_room, label_room, legend_room = 0.35, 0.35, 0.55, 1.9
    map_height = bottom - top - title_room
    map_width = min((PAGE[0] - 2 * MARGIN) / 2, map_height / MAP_ASPECT)  # no blank beside a short map
    imported = bool(context.events_file)
    title = context.map_title or f"{len(events):,} {events_noun(imported)} and the Durand Line"
    _text(figure, MARGIN, top, [title], 11, map_width + legend_room)
    map_axis = figure.add_axes(_box(MARGIN, top + title_room, map_width, map_height))
    map_axis.set_anchor("NW")
    _static_map(map_axis, events, geo, imported)
    if comparison is None:
        return
    left = MARGIN + map_width + legend_room + label_room
    _text(figure, left, top, [f"Attacks per month, {comparison.later} vs {comparison.earlier}"], 11)
    trend_axis = figure.add_axes(_box(left, top + title_room, PAGE[0] - MARGIN - left, map_height - tick_room))
    table = comparison.table
    years = (comparison.earlier, comparison.later)
    for offset, column, year, colour in zip((-0.2, 0.2), ("earlier", "later"), years, YEAR_COLOURS, strict=True):
        trend_axis.bar(table["slot"] + offset, table[column], width=0.4, color=colour, label=str(year))
        # A gap is labelled in words where its bar would stand, in the type's ink from just above the baseline:
        # a small cross at zero in the year's pale hue read as a small value, and had no key.
        for slot in table.loc[table[f"{column}_note"] == NOT_FOUND, "slot"]:
            trend_axis.annotate(
                f"{year}: {NOT_FOUND}",
                (slot + offset, 0),
                xytext=(0, GAP_LABEL_LIFT_PT),
                textcoords="offset points",
                rotation=90,
                ha="center",
                va="bottom",
                fontsize=7,
                color=SOFT_INK,
                annotation_clip=False,
            )
    trend_axis.set_xticks(table["slot"], table["label"], fontsize=8)
    trend_axis.tick_params(axis="y", labelsize=8)
    # One line in headroom above the tallest bar: it stood over Balochistan's February 2024 bar (57).
    trend_axis.set_ylim(top=trend_axis.get_ylim()[1] * LEGEND_HEADROOM)
    trend_axis.legend(frameon=False, fontsize=9, ncol=2, loc="upper left")
    trend_axis.spines[["top", "right"]].set_visible(False)


def _box(x: float, y: float, width: float, height: float) -> list[float]:
    """An axes rectangle given in inches from the page's top-left, as matplotlib's figure fractions."""
    left, bottom = _at(x, y + height)
    return [left, bottom, width / PAGE[0], height / PAGE[1]]


def _static_map(axis, events: pd.DataFrame, geo: GeoLayers, imported: bool = False) -> None:
    """Countries, provinces, the Durand Line and incidents drawn with geopandas, no tiles; the legend beside it.

    A large selection is counted per 0.25° grid cell, as the live map does: a few hundred dots that render in
    a second, instead of one dot per event (77,808 events took 22 s and made a 13.5 MB PDF)."""
    from matplotlib.lines import Line2D

    countries = geo["countries"]
    countries.plot(ax=axis, color=BASE_MAP["land"], edgecolor=BASE_MAP["border"], linewidth=0.6)
    geo["provinces"].boundary.plot(ax=axis, color=BASE_MAP["province_border"], linewidth=0.4)
    geo["durand_line"].plot(ax=axis, color=BASE_MAP["durand_line"], linewidth=2)
    if len(events) > STATIC_POINTS_LIMIT:
        cells = incident_cells(events)
        dots = (cells["lon"], cells["lat"], 6 + 120 * (cells["events"] / cells["events"].max()) ** 0.5)
        colours, keys = COUNT_RAMP[-2], {"events in a 0.25° cell": COUNT_RAMP[-2]}
        title = f"{len(events):,} events in {len(cells):,} cells\nDot size: events per cell"
    else:
        families = events["event_type"].map(family_label)
        dots = (events["lon"], events["lat"], 8 + events["killed"].fillna(0).astype(float).clip(upper=80) * 2.5)
        colours = families.map(FAMILY_COLOURS)
        keys = drawn_family_colours(families)
        title = f"Dot size: people killed\n({killed_basis(imported)})"
    if not events.empty:
        axis.scatter(*dots[:2], s=dots[2], c=colours, alpha=0.8, edgecolors=NEUTRAL["white"], linewidths=0.5)
    axis.set_xlim(60.5, 75.5)
    axis.set_ylim(24, 37.5)
    axis.set_axis_off()
    handles = [Line2D([], [], marker="o", linestyle="", color=colour, label=key) for key, colour in keys.items()]
    handles.append(Line2D([], [], color=BASE_MAP["durand_line"], linewidth=2, label="Durand Line"))
    axis.legend(
        handles=handles,
        title=title,
        loc="upper left",
        bbox_to_anchor=(1.02, 1),
        frameon=False,
        fontsize=8,
        title_fontsize=8,
        alignment="left",
    )
