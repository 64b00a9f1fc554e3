"""The briefing as a deck to take away: the same slides as a PowerPoint file and as a PDF, one slide per page.

Both files lay a slide out the same way on an A4-landscape page: its title (the finding), its big numbers,
its evidence (a chart as a high-resolution image, the static map, a table or short statements) and its source
line, which every page carries. Text is wrapped by measuring it, so blocks stack without overlapping. The
PowerPoint keeps real text and native tables, and holds each slide's links in its speaker notes; the PDF
keeps its sources and data date in its metadata and TrueType fonts, so its text can be searched and copied.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import altair as alt
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle
from matplotlib.textpath import TextToPath
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from components.export import MARGIN, MONITOR, PAGE, ExportContext, _at, _box, _static_map, chart_png, export_file_name
from components.geo import GeoLayers
from components.map_layers import LABEL_MIN_POPULATION
from components.slides import BigNumber, Slide

MAP_CODE = "map"  # the slide drawn from events and layers: the slide model holds no chart for it
DECK_FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
TITLE_SIZE, LABEL_SIZE, NUMBER_SIZE, BODY_SIZE, TABLE_SIZE, SOURCE_SIZE = 24, 12, 30, 15, 10, 10  # points
BESIDE_TABLE_SIZE = 12  # statements above a table, so the table keeps room for its rows
STATEMENTS_SHARE = {"picture": 0.35, "table": 0.6, "alone": 1.0}  # of the body's height, at the most
LEADING = 1.3  # line height over font size
GAP = 0.2  # inches between blocks
LINE_GAP = 0.05  # inches between the lines of a card, or between statements
CARD_PAD = 0.12
CELL_PAD = 0.06
SHORT_TEXT = 16  # characters: a cell this short stays on one line
CHART_SCALE = 4  # vl-convert pixels per chart pixel: a 650 px chart becomes 2,600 px, sharp on a projector
CHART_PIXELS_PER_INCH = 90  # chart pixels per inch of slide: its 11-13 px labels print at 9-10 points
MAP_DPI = 200
MAP_LEGEND_ROOM = 2.6  # inches right of the map for its legend
GREY, DARK = "#F1F1F1", "#333333"
_MEASURE = TextToPath()


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """`text` broken at spaces into lines no wider than `width` inches at `size` points, as matplotlib draws it;
    a word wider than the line stands alone on its own line, never cut."""
    font = FontProperties(size=size, weight="bold" if bold else "normal")
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and _width(candidate, font) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _width(text: str, font: FontProperties) -> float:
    return _MEASURE.get_text_width_height_descent(text, font, ismath=False)[0] / 72


def text_height(lines: list[str], size: float) -> float:
    return len(lines) * size * LEADING / 72


@dataclass(frozen=True)
class MapInputs:
    """What the map slide draws: the selected events (counted per grid cell when many), the boundary layers
    and the towns it names."""

    events: pd.DataFrame
    geo: GeoLayers
    towns: pd.DataFrame | None = None


@dataclass(frozen=True)
class Text:
    """Lines already wrapped to a box whose top-left is (x, y) inches from the page's top-left."""

    x: float
    y: float
    width: float
    lines: tuple[str, ...]
    size: float
    bold: bool = False
    colour: str = "#000000"

    @property
    def height(self) -> float:
        return text_height(list(self.lines), self.size)


@dataclass(frozen=True)
class TablePlan:
    """A table's columns, widths and wrapped cells, with the rows that fit and how many did not."""

    x: float
    y: float
    widths: tuple[float, ...]
    header: tuple[tuple[str, ...], ...]  # per column, wrapped lines
    rows: tuple[tuple[tuple[str, ...], ...], ...]
    heights: tuple[float, ...]  # header first, then every shown row
    left_out: int


@dataclass(frozen=True)
class Layout:
    """Where each part of one slide goes on the page."""

    title: Text
    source: Text
    cards: tuple[tuple[float, float, float, float, Text, Text, Text], ...]  # x, y, w, h, label, value, note
    picture: tuple[float, float, float, float] | None  # the chart or the map's box
    statements: tuple[Text, ...]  # the ones that fit, then a line saying how many did not
    table: TablePlan | None
    statements_shown: int


def layout(slide: Slide, shows_map: bool) -> Layout:
    """Title at the top, the source line on the bottom margin, numbers under the title, then the evidence:
    the picture (chart or map) takes the height left after the statements; a table takes what is left
    after the statements and shows as many rows as fit."""
    width = PAGE[0] - 2 * MARGIN
    title = Text(MARGIN, MARGIN, width, tuple(wrap(slide.title, TITLE_SIZE, width, True)), TITLE_SIZE, True)
    source_lines = tuple(wrap(slide.source_line, SOURCE_SIZE, width))
    source_top = PAGE[1] - MARGIN - text_height(list(source_lines), SOURCE_SIZE)
    source = Text(MARGIN, source_top, width, source_lines, SOURCE_SIZE, colour=DARK)
    top = title.y + title.height + GAP
    cards, top = _cards(slide.numbers, top)
    bottom = source_top - GAP
    statements: list[Text] = []
    y = top
    has_picture = shows_map or slide.chart is not None
    has_table = slide.table is not None and not slide.table.empty and not has_picture
    size = BESIDE_TABLE_SIZE if has_table else BODY_SIZE
    share = STATEMENTS_SHARE["picture" if has_picture else "table" if has_table else "alone"]
    limit = top + (bottom - top) * share - text_height(["x"], TABLE_SIZE)  # room for the line on those left out
    for statement in slide.statements:
        text = Text(MARGIN, y, width, tuple(wrap(f"•  {statement}", size, width)), size)
        if y + text.height > limit:
            break
        statements.append(text)
        y += text.height + LINE_GAP
    shown = len(statements)
    if shown < len(slide.statements):
        rest = len(slide.statements) - shown
        line = f"{rest} more statement{'s' if rest > 1 else ''} not shown on this slide{{where}}"
        statements.append(Text(MARGIN, y, width, (line,), TABLE_SIZE, colour=DARK))
        y += statements[-1].height + LINE_GAP
    if has_picture:  # statements go under the picture
        room = sum(t.height + LINE_GAP for t in statements) + (GAP if statements else 0)
        picture = (MARGIN, top, width, max(bottom - top - room, 1.0))
        shift = picture[1] + picture[3] + GAP - top
        statements = [Text(t.x, t.y + shift, t.width, t.lines, t.size, t.bold, t.colour) for t in statements]
        return Layout(title, source, cards, picture, tuple(statements), None, shown)
    table = None
    if has_table:
        table = _table(slide.table, y + (GAP if statements else 0), bottom)
        table = table if table.rows else None  # no room for one row: the notes list them all
    return Layout(title, source, cards, None, tuple(statements), table, shown)


def _cards(numbers: tuple[BigNumber, ...], top: float) -> tuple[tuple, float]:
    """One card per big number across the page, all as tall as the tallest; returns them and their bottom."""
    if not numbers:
        return (), top
    count = len(numbers)
    card = (PAGE[0] - 2 * MARGIN - GAP * (count - 1)) / count
    inner = card - 2 * CARD_PAD
    texts = []
    for index, number in enumerate(numbers):
        x, y = MARGIN + index * (card + GAP) + CARD_PAD, top + CARD_PAD
        label = Text(x, y, inner, tuple(wrap(number.label, LABEL_SIZE, inner)), LABEL_SIZE)
        value = Text(
            x,
            y + label.height + LINE_GAP,
            inner,
            tuple(wrap(number.value, NUMBER_SIZE, inner, True)),
            NUMBER_SIZE,
            True,
        )
        note = Text(
            x, value.y + value.height + LINE_GAP, inner, tuple(wrap(number.note, LABEL_SIZE, inner)), LABEL_SIZE
        )
        texts.append((label, value, note))
    height = max(note.y + note.height for _, _, note in texts) - top + CARD_PAD
    cards = tuple((MARGIN + index * (card + GAP), top, card, height, *parts) for index, parts in enumerate(texts))
    return cards, top + height + GAP


def _table(table: pd.DataFrame, top: float, bottom: float) -> TablePlan:
    """Columns as wide as their longest text asks (within limits), cells wrapped, rows kept while they fit."""
    width = PAGE[0] - 2 * MARGIN
    cells = readable(table)
    widths = column_widths(cells, width)
    inner = [w - 2 * CELL_PAD for w in widths]
    header = tuple(tuple(wrap(str(c), TABLE_SIZE, w, True)) for c, w in zip(cells.columns, inner, strict=True))
    heights = [max(text_height(list(lines), TABLE_SIZE) for lines in header) + 2 * CELL_PAD]
    rows = []
    note_room = text_height(["x"], TABLE_SIZE)
    for values in cells.itertuples(index=False):
        row = tuple(tuple(wrap(v, TABLE_SIZE, w)) for v, w in zip(values, inner, strict=True))
        height = max(text_height(list(lines), TABLE_SIZE) for lines in row) + 2 * CELL_PAD
        last = len(rows) == len(cells) - 1
        if top + sum(heights) + height + (0 if last else note_room) > bottom:
            break
        rows.append(row)
        heights.append(height)
    return TablePlan(MARGIN, top, widths, header, tuple(rows), tuple(heights), len(cells) - len(rows))


def column_widths(cells: pd.DataFrame, width: float) -> tuple[float, ...]:
    """Each column at least as wide as its longest word (so no word is ever split) and as its short texts
    (a day, a figure: never broken over lines), the rest of `width` shared by how long its texts are."""
    header, body = FontProperties(size=TABLE_SIZE, weight="bold"), FontProperties(size=TABLE_SIZE)

    def pieces(text: str) -> list[str]:
        return [text] if len(text) <= SHORT_TEXT else text.split()

    floors = [
        max(
            [*(_width(word, header) for word in str(column).split()), 0.3]
            + [_width(piece, body) for text in cells[column] for piece in pieces(text)]
        )
        + 2 * CELL_PAD
        + 0.05
        for column in cells.columns
    ]
    wants = [min(max([len(str(c)), *(len(v) for v in cells[c])]), 60) + 4 for c in cells.columns]  # characters
    spare = max(width - sum(floors), 0)
    return tuple(floor + spare * want / sum(wants) for floor, want in zip(floors, wants, strict=True))


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text: a day as '9 May 2026', a missing value blank, so a slide never reads 'nan' or 'None'."""
    return table.astype(object).map(_cell)


def _cell(value) -> str:
    if value is None or (not isinstance(value, str | tuple | list) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp | dt.date):
        return f"{value.day} {value:%b %Y}"
    return str(value)


def left_out_note(table: TablePlan, where: str) -> str:
    """'11 more rows not shown: ...', `where` saying where the reader finds them."""
    return f"{table.left_out} more row{'s' if table.left_out > 1 else ''} not shown on this slide{where}"


def deck_file_name(context: ExportContext, extension: str) -> str:
    """'briefing_deck_picss-militant-attacks-only_pakistan_2025-vs-2024_data-2026-04-08.pptx'."""
    return export_file_name("briefing_deck", context, extension)


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
            figure = slide_figure(slide, places)
            pdf.savefig(figure)
            plt.close(figure)
    return buffer.getvalue()


def slide_figure(slide: Slide, places: MapInputs | None = None):
    """One slide drawn on an A4-landscape matplotlib figure (the PDF page, or a PNG to look at)."""
    shows_map = slide.code == MAP_CODE and places is not None
    plan = layout(slide, shows_map)
    figure = plt.figure(figsize=PAGE)
    for text in (plan.title, plan.source, *_where(plan.statements, ".")):
        _draw(figure, text)
    for x, y, w, h, *texts in plan.cards:
        figure.add_artist(
            Rectangle(_at(x, y + h), w / PAGE[0], h / PAGE[1], transform=figure.transFigure, color=GREY, zorder=0)
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
                    _at(x, y + height), width / PAGE[0], height / PAGE[1], transform=figure.transFigure, color=GREY
                )
            )
        for lines, width in zip(cells, table.widths, strict=True):
            _draw(figure, Text(x + CELL_PAD, y + CELL_PAD, width, lines, TABLE_SIZE, bold=index == 0))
            x += width
        y += height
        figure.add_artist(
            plt.Line2D(
                [_at(table.x, 0)[0], _at(x, 0)[0]], [_at(0, y)[1]] * 2, transform=figure.transFigure, color="#BBBBBB"
            )
        )
    if table.left_out:
        note = left_out_note(table, ".")
        _draw(figure, Text(table.x, y + CELL_PAD, sum(table.widths), (note,), TABLE_SIZE, colour=DARK))


def draw_map(axis, places: MapInputs) -> None:
    """The one-page briefing's static map (a large selection counted per grid cell), its legend at slide size,
    and the names of the larger towns and of the countries, so the map reads without the live one."""
    geo, towns = places.geo, places.towns
    _static_map(axis, places.events, geo)
    legend = axis.get_legend()
    for text in [*legend.get_texts(), legend.get_title()]:
        text.set_fontsize(LABEL_SIZE)
    # A pale box rather than a stroked halo: path effects turn text into outlines the PDF cannot search.
    halo = {"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 1}
    (left, right), (low, high) = axis.get_xlim(), axis.get_ylim()
    axis.apply_aspect()  # the map's final place on the page, so labels can be measured where they will be
    renderer = axis.figure.canvas.get_renderer()
    placed = [legend.get_window_extent(renderer)]
    for name, point in zip(geo["countries"]["name"], geo["countries"].representative_point(), strict=True):
        if left < point.x < right and low < point.y < high:
            label = axis.text(point.x, point.y, name, fontsize=13, color="#666666", style="italic", ha="center")
            placed.append(label.get_window_extent(renderer))
    if towns is None:
        return
    shown = towns[(towns["population"] >= LABEL_MIN_POPULATION) & towns["lon"].between(left, right)]
    shown = shown[shown["lat"].between(low, high)].sort_values("population", ascending=False)
    axis.scatter(shown["lon"], shown["lat"], s=14, color="#111111", zorder=5)
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


def deck_pptx(slides: list[Slide], context: ExportContext, places: MapInputs | None = None) -> bytes:
    """One A4-landscape PowerPoint slide per slide: real text, native tables, charts as images, the links in
    the speaker notes and the sources and data date in the file's properties."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(PAGE[0]), Inches(PAGE[1])
    meta = _metadata(context)
    properties = deck.core_properties
    properties.title, properties.subject, properties.keywords = meta["Title"], meta["Subject"], meta["Keywords"]
    properties.author = properties.last_modified_by = MONITOR
    for slide in slides:
        _pptx_slide(deck, slide, places)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _pptx_slide(deck, slide: Slide, places: MapInputs | None) -> None:
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
        card.fill.fore_color.rgb = RGBColor.from_string(GREY[1:])
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
    page.notes_slide.notes_text_frame.text = notes(slide, plan)


def notes(slide: Slide, plan: Layout) -> str:
    """The speaker notes: the source line, every link, and any statement or table row the slide had no room for."""
    parts = [slide.source_line]
    if slide.links:
        parts += ["Links:", *slide.links]
    if plan.statements_shown < len(slide.statements):
        parts += ["Statements not shown on the slide:", *slide.statements[plan.statements_shown :]]
    shown = len(plan.table.rows) if plan.table else 0
    if slide.table is not None and shown < len(slide.table):
        rest = readable(slide.table).iloc[shown:]
        parts += ["Rows not shown on the slide:", *(" · ".join(row) for row in rest.itertuples(index=False))]
    return "\n".join(parts)


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
    frame.text = " ".join(text.lines)
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(text.size)
            run.font.bold = text.bold
            run.font.color.rgb = RGBColor.from_string(text.colour[1:])


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
    cells = [list(map(str, frame.columns)), *(list(row) for row in readable(frame).to_numpy()[: len(table.rows)])]
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            cell = grid.cell(r, c)
            cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = Inches(CELL_PAD)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_SIZE)
                    run.font.bold = r == 0
    if table.left_out:
        y = table.y + sum(table.heights) + CELL_PAD
        note = left_out_note(table, ": the speaker notes list them.")
        _textbox(page, Text(table.x, y, sum(table.widths), (note,), TABLE_SIZE, colour=DARK))
