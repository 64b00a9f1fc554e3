"""Where each part of a briefing slide goes on an A4-landscape page, for the PowerPoint and the PDF alike.

A slide is laid out top to bottom: its title (the finding), its big numbers, its evidence (a chart or map,
statements, a table) and its source line on the bottom margin. Text is wrapped by measuring it with
matplotlib's fonts, so blocks stack without overlapping; what has no room (table rows, statements) is
counted, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from components.export import MARGIN, PAGE
from components.palette import NEUTRAL, SOFT_INK
from components.slides import BigNumber, Slide
from components.textsafe import exact_number

TITLE_SIZE, LABEL_SIZE, NUMBER_SIZE, BODY_SIZE, TABLE_SIZE, SOURCE_SIZE = 24, 12, 30, 15, 10, 10  # points
BESIDE_TABLE_SIZE = 12  # statements above a table, so the table keeps room for its rows
STATEMENTS_SHARE = {"picture": 0.35, "table": 0.6, "alone": 1.0}  # of the body's height, at the most
LEADING = 1.3  # line height over font size
GAP = 0.2  # inches between blocks
LINE_GAP = 0.05  # inches between the lines of a card, or between statements
CARD_PAD = 0.12
CELL_PAD = 0.06
SHORT_TEXT = 16  # characters: a cell this short stays on one line
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
class Text:
    """Lines already wrapped to a box whose top-left is (x, y) inches from the page's top-left."""

    x: float
    y: float
    width: float
    lines: tuple[str, ...]
    size: float
    bold: bool = False
    colour: str = NEUTRAL["black"]

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
    source = Text(MARGIN, source_top, width, source_lines, SOURCE_SIZE, colour=SOFT_INK)
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
        statements.append(Text(MARGIN, y, width, (line,), TABLE_SIZE, colour=SOFT_INK))
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
    """Every cell as text: a day as '9 May 2026', a figure as its source writes it (1063, not '1063.0'), a
    missing value blank, so a slide never reads 'nan' or 'None'."""
    return table.astype(object).map(_cell)


def _cell(value) -> str:
    if value is None or (not isinstance(value, str | tuple | list) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp | dt.date):
        return f"{value.day} {value:%b %Y}"
    if isinstance(value, float):  # 93, not "93.0": a figure as its source writes it
        return exact_number(value)
    return str(value)


def left_out_note(table: TablePlan, where: str) -> str:
    """'11 more rows not shown: ...', `where` saying where the reader finds them."""
    return f"{table.left_out} more row{'s' if table.left_out > 1 else ''} not shown on this slide{where}"
