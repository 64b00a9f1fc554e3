"""The briefing as a deck to take away: the same slides as a PowerPoint file and as a PDF, one slide per page.

Both draw the one layout components/slide_layout.py gives each slide (title, big numbers, chart or static map
or table or statements, and the source line every page carries). The PowerPoint keeps real text and native
tables, and holds each slide's links (and anything without room on the slide) in its speaker notes; the PDF
keeps its sources and data date in its metadata and TrueType fonts, so its text can be searched and copied.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import altair as alt
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.patches import Rectangle
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from components.export import MONITOR, PAGE, ExportContext, _at, _box, _static_map, chart_png, pyplot
from components.geo import GeoLayers
from components.links import RELATIVE_LINKS_NOTE, app_link
from components.palette import BASE_MAP, CARD_PAPER, MUTED_INK, NEUTRAL, SOFT_INK, TABLE_RULE
from components.slide_layout import (
    CELL_PAD,
    LABEL_SIZE,
    LEADING,
    TABLE_SIZE,
    Layout,
    TablePlan,
    Text,
    layout,
    left_out_note,
    readable,
)
from components.slides import Slide

plt = pyplot()  # this module is imported on the first slide deck made, never by a page (components/ui/panels.py)
MAP_CODE = "map"  # the slide drawn from events and layers: the slide model holds no chart for it
CHART_SCALE = 4  # vl-convert pixels per chart pixel: a 650 px chart becomes 2,600 px, sharp on a projector
CHART_PIXELS_PER_INCH = 90  # chart pixels per inch of slide: its 11-13 px labels print at 9-10 points
MAP_DPI = 200
TOWN_MIN_POPULATION = 150_000  # towns named on the static map; smaller ones would crowd an A4 page
MAP_LEGEND_ROOM = 2.6  # inches right of the map for its legend


@dataclass(frozen=True)
class MapInputs:
    """What the map slide draws: the selected events (counted per grid cell when many), the boundary layers
    and the towns it names."""

    events: pd.DataFrame
    geo: GeoLayers
    towns: pd.DataFrame | None = None
    imported: bool = False  # the events are the user's file: its key names the file's figure, not "lowest"


def _metadata(context: ExportContext) -> dict[str, str]:
    return {
        "Title": f"{MONITOR} briefing, {context.as_of}",
        "Subject": "Sources: " + "; ".join(context.sources) if context.sources else "Sources: none recorded",
        "Keywords": f"data as of {context.data_as_of:%Y-%m-%d}" if context.data_as_of else "data date unknown",
        "Creator": MONITOR,
        "Author": MONITOR,
    }


# --- PDF -------------------------------------------------------------------------------------------------


def deck_pdf(slides: list[Slide], context: ExportContext, places: MapInputs | None = None) -> bytes:
    """One A4-landscape page per slide, sources and data date in the file's metadata."""
    buffer = io.BytesIO()
    # TrueType (42) rather than Type 3 fonts, so the PDF's text can be searched, copied and read back.
    with plt.rc_context({"pdf.fonttype": 42}), PdfPages(buffer, metadata=_metadata(context)) as pdf:
        for slide in slides:
            for page in _pdf_pages(slide, places):
                figure = slide_figure(page, places)
                pdf.savefig(figure)
                plt.close(figure)
    return buffer.getvalue()


def _pdf_pages(slide: Slide, places: MapInputs | None) -> list[Slide]:
    """The slide, then pages continuing its table with the rows it leaves out: a PDF has no speaker notes, and
    "8 more rows not shown on this slide" lost them (a Balochistan deck lost its only Balochistan signals)."""
    pages = [slide]
    while True:
        plan = layout(pages[-1], pages[-1].code == MAP_CODE and places is not None)
        if plan.table is None or not plan.table.left_out:
            return pages
        rest = pages[-1].table.iloc[len(plan.table.rows) :]
        pages.append(replace(slide, title=f"{slide.title} (continued)", numbers=(), statements=(), table=rest))


def slide_figure(slide: Slide, places: MapInputs | None = None):
    """One slide drawn on an A4-landscape matplotlib figure (the PDF page, or a PNG to look at)."""
    shows_map = slide.code == MAP_CODE and places is not None
    plan = layout(slide, shows_map)
    figure = plt.figure(figsize=PAGE)
    for text in (plan.title, plan.source, *_where(plan.statements, ".")):
        _draw(figure, text)
    for x, y, w, h, *texts in plan.cards:
        figure.add_artist(
            Rectangle(_at(x, y + h), w / PAGE[0], h / PAGE[1], transform=figure.transFigure, color=CARD_PAPER, zorder=0)
        )
        for text in texts:
            _draw(figure, text)
    if plan.picture and shows_map:
        x, y, w, h = plan.picture
        axis = figure.add_axes(_box(x, y, w - MAP_LEGEND_ROOM, h))
        draw_map(axis, places)
    elif plan.picture:
        axis = figure.add_axes(_box(*plan.picture))
        axis.imshow(Image.open(io.BytesIO(chart_picture(slide.chart, plan.picture[2:]))), interpolation="none")
        axis.set_anchor("N")
        axis.set_axis_off()
    if plan.table:
        _draw_table(figure, plan.table)
    return figure


def _where(texts: tuple[Text, ...], where: str) -> list[Text]:
    """The texts with the 'not shown' line saying where the reader finds what was left out."""
    return [
        Text(t.x, t.y, t.width, tuple(line.replace("{where}", where) for line in t.lines), t.size, t.bold, t.colour)
        for t in texts
    ]


def chart_picture(chart: alt.TopLevelMixin, box: tuple[float, float]) -> bytes:
    """The chart as a high-resolution PNG that fills `box` (inches): a single or layered chart is redrawn at the
    box's width and height, its title, axes and legend measured on a probe first; a concatenated chart as it is."""
    if not isinstance(chart, alt.Chart | alt.LayerChart):
        return chart_png(chart, scale=CHART_SCALE)
    probe = (400, 300)
    drawn = Image.open(io.BytesIO(chart_png(chart.properties(width=probe[0], height=probe[1]), scale=1))).size
    room = (drawn[0] - probe[0], drawn[1] - probe[1])  # title, axes and legend around the plot
    width = max(int(box[0] * CHART_PIXELS_PER_INCH) - room[0], probe[0])
    height = max(int(box[1] * CHART_PIXELS_PER_INCH) - room[1], 120)
    return chart_png(chart.properties(width=width, height=height), scale=CHART_SCALE)


def _draw(figure, text: Text) -> None:
    # Texts come from data files: parse_math=False keeps "$...$" as text.
    figure.text(
        *_at(text.x, text.y),
        "\n".join(text.lines),
        fontsize=text.size,
        fontweight="bold" if text.bold else "normal",
        color=text.colour,
        va="top",
        linespacing=LEADING,
        parse_math=False,
    )


def _draw_table(figure, table: TablePlan) -> None:
    """Header on grey, a hairline under every row."""
    y = table.y
    for index, (height, cells) in enumerate(zip(table.heights, (table.header, *table.rows), strict=True)):
        x = table.x
        if index == 0:
            width = sum(table.widths)
            figure.add_artist(
                Rectangle(
                    _at(x, y + height),
                    width / PAGE[0],
                    height / PAGE[1],
                    transform=figure.transFigure,
                    color=CARD_PAPER,
                )
            )
        for lines, width in zip(cells, table.widths, strict=True):
            _draw(figure, Text(x + CELL_PAD, y + CELL_PAD, width, lines, TABLE_SIZE, bold=index == 0))
            x += width
        y += height
        figure.add_artist(
            plt.Line2D(
                [_at(table.x, 0)[0], _at(x, 0)[0]], [_at(0, y)[1]] * 2, transform=figure.transFigure, color=TABLE_RULE
            )
        )
    if table.left_out:
        note = left_out_note(table, ": continued on the next page.")
        _draw(figure, Text(table.x, y + CELL_PAD, sum(table.widths), (note,), TABLE_SIZE, colour=SOFT_INK))


def draw_map(axis, places: MapInputs) -> None:
    """The one-page briefing's static map (a large selection counted per grid cell), its legend at slide size,
    and the names of the larger towns and of the countries, so the map reads without the live one."""
    geo, towns = places.geo, places.towns
    _static_map(axis, places.events, geo, places.imported)
    legend = axis.get_legend()
    for text in [*legend.get_texts(), legend.get_title()]:
        text.set_fontsize(LABEL_SIZE)
    # A pale box rather than a stroked halo: path effects turn text into outlines the PDF cannot search.
    halo = {"facecolor": NEUTRAL["white"], "alpha": 0.75, "edgecolor": "none", "pad": 1}
    (left, right), (low, high) = axis.get_xlim(), axis.get_ylim()
    axis.apply_aspect()  # the map's final place on the page, so labels can be measured where they will be
    renderer = axis.figure.canvas.get_renderer()
    placed = [legend.get_window_extent(renderer)]
    for name, point in zip(geo["countries"]["name"], geo["countries"].representative_point(), strict=True):
        if left < point.x < right and low < point.y < high:
            label = axis.text(point.x, point.y, name, fontsize=13, color=MUTED_INK, style="italic", ha="center")
            placed.append(label.get_window_extent(renderer))
    if towns is None:
        return
    shown = towns[(towns["population"] >= TOWN_MIN_POPULATION) & towns["lon"].between(left, right)]
    shown = shown[shown["lat"].between(low, high)].sort_values("population", ascending=False)
    axis.scatter(shown["lon"], shown["lat"], s=14, color=BASE_MAP["town"], zorder=5)
    for town in shown.itertuples(index=False):  # the larger town first; a label that would cover one is left out
        label = axis.text(
            town.lon + 0.15, town.lat + 0.1, town.name, fontsize=LABEL_SIZE, zorder=6, bbox=halo, parse_math=False
        )
        extent = label.get_window_extent(renderer)
        if any(extent.overlaps(other) for other in placed):
            label.remove()
        else:
            placed.append(extent)


def map_png(places: MapInputs, box: tuple[float, float]) -> bytes:
    """The map with its legend as a PNG `box` inches (width, height), for the PowerPoint slide."""
    figure = plt.figure(figsize=box)
    axis = figure.add_axes([0, 0, (box[0] - MAP_LEGEND_ROOM) / box[0], 1])
    draw_map(axis, places)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=MAP_DPI)
    plt.close(figure)
    return buffer.getvalue()


# --- PowerPoint ------------------------------------------------------------------------------------------


def deck_pptx(slides: list[Slide], context: ExportContext, places: MapInputs | None = None, app_url: str = "") -> bytes:
    """One A4-landscape PowerPoint slide per slide: real text, native tables, charts as images, the links in
    the speaker notes and the sources and data date in the file's properties. `app_url`: the app's address as
    the browser saw it ("" when unknown), so the notes' links to its pages open from a forwarded file."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(PAGE[0]), Inches(PAGE[1])
    meta = _metadata(context)
    properties = deck.core_properties
    properties.title, properties.keywords = meta["Title"], meta["Keywords"]
    properties.subject = _within_property(context.sources)
    properties.author = properties.last_modified_by = MONITOR
    for slide in slides:
        _pptx_slide(deck, slide, places, app_url)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


PROPERTY_CHARS = 255  # PowerPoint's limit for a file property


def _within_property(sources: tuple[str, ...]) -> str:
    """'Sources: a; b … and 5 more (each slide's notes)': as many whole sources as PowerPoint's property holds."""
    if not sources:
        return "Sources: none recorded"
    for shown in range(len(sources), 0, -1):
        left_out = len(sources) - shown
        text = "Sources: " + "; ".join(sources[:shown])
        text += f" … and {left_out} more (each slide's notes)" if left_out else ""
        if len(text) <= PROPERTY_CHARS:
            return text
    return f"Sources: {len(sources)}, listed in each slide's notes"


def _pptx_slide(deck, slide: Slide, places: MapInputs | None, app_url: str) -> None:
    shows_map = slide.code == MAP_CODE and places is not None
    plan = layout(slide, shows_map)
    page = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only": the title stays the slide's title
    title = page.shapes.title
    _place(title, plan.title)
    _fill(title.text_frame, plan.title)
    _textbox(page, plan.source)
    for text in _where(plan.statements, ": the speaker notes list them."):
        _textbox(page, text)
    for x, y, w, h, *texts in plan.cards:
        card = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(w), Inches(h))
        card.fill.solid()
        card.fill.fore_color.rgb = RGBColor.from_string(CARD_PAPER[1:])
        card.line.fill.background()
        card.shadow.inherit = False
        for text in texts:
            _textbox(page, text)
    if plan.picture:
        x, y, w, h = plan.picture
        picture = map_png(places, (w, h)) if shows_map else chart_picture(slide.chart, (w, h))
        width, height = _fit(Image.open(io.BytesIO(picture)).size, w, h)
        page.shapes.add_picture(
            io.BytesIO(picture), Inches(x + (w - width) / 2), Inches(y), Inches(width), Inches(height)
        )
    if plan.table:
        _pptx_table(page, plan.table, slide.table)
    page.notes_slide.notes_text_frame.text = notes(slide, plan, app_url)


def notes(slide: Slide, plan: Layout, app_url: str = "") -> str:
    """The speaker notes: the source line, every link (the app's pages at `app_url`, components/links.app_link),
    and any statement or table row the slide had no room for."""
    parts = [slide.source_line]
    if slide.links:
        links = [app_link(link, app_url) for link in slide.links]
        relative = any(not urlsplit(link).scheme for link in links)
        parts += ["Links:", *links, *([RELATIVE_LINKS_NOTE] if relative else [])]
    if plan.statements_shown < len(slide.statements):
        parts += ["Statements not shown on the slide:", *slide.statements[plan.statements_shown :]]
    shown = len(plan.table.rows) if plan.table else 0
    if slide.table is not None and shown < len(slide.table):
        rest = readable(slide.table).iloc[shown:]
        rows = [" · ".join(row) for row in (header(slide.table), *rest.itertuples(index=False))]
        parts += ["Rows not shown on the slide:", *rows]
    return "\n".join(parts)


def header(table: pd.DataFrame) -> list[str]:
    """A table's column words, as its header row on the slide and over its rows in the notes (which had none)."""
    return [str(column) for column in table.columns]


def _fit(pixels: tuple[int, int], width: float, height: float) -> tuple[float, float]:
    """The largest size with the image's aspect that fits `width` x `height` inches."""
    scale = min(width / pixels[0], height / pixels[1])
    return pixels[0] * scale, pixels[1] * scale


def _place(shape, text: Text) -> None:
    shape.left, shape.top = Inches(text.x), Inches(text.y)
    shape.width, shape.height = Inches(text.width), Inches(text.height)


def _textbox(page, text: Text) -> None:
    box = page.shapes.add_textbox(Inches(text.x), Inches(text.y), Inches(text.width), Inches(text.height))
    _fill(box.text_frame, text)


def _fill(frame, text: Text) -> None:
    """The text as one paragraph that PowerPoint wraps itself, in the box measured for it."""
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    _write(frame, " ".join(text.lines), text.size, text.bold, text.colour)


def _write(frame, value: str, size: float, bold: bool, colour: str = NEUTRAL["black"]) -> None:
    """`value` in `frame` at `size` points, an empty one too: an empty paragraph would otherwise take
    PowerPoint's default 18 points and make its table row taller than measured."""
    frame.text = value
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph._p.get_or_add_endParaRPr().set("sz", str(round(size * 100)))
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = RGBColor.from_string(colour[1:])


def _pptx_table(page, table: TablePlan, frame: pd.DataFrame) -> None:
    """A native table of the rows that fit, the header marked as such."""
    shape = page.shapes.add_table(
        len(table.rows) + 1,
        len(table.widths),
        Inches(table.x),
        Inches(table.y),
        Inches(sum(table.widths)),
        Inches(sum(table.heights)),
    )
    grid = shape.table
    for index, width in enumerate(table.widths):
        grid.columns[index].width = Inches(width)
    for index, height in enumerate(table.heights):
        grid.rows[index].height = Inches(height)
    cells = [header(frame), *(list(row) for row in readable(frame).to_numpy()[: len(table.rows)])]
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            cell = grid.cell(r, c)
            cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = Inches(CELL_PAD)
            _write(cell.text_frame, value, TABLE_SIZE, bold=r == 0)
    if table.left_out:
        y = table.y + sum(table.heights) + CELL_PAD
        note = left_out_note(table, ": the speaker notes list them.")
        _textbox(page, Text(table.x, y, sum(table.widths), (note,), TABLE_SIZE, colour=SOFT_INK))
