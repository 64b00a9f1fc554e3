"""Which place names the map labels, and where, so that no two labels overlap at a view's zoom.

deck.gl draws every label it is given, overlapping or not (Streamlit's bundled deck.gl offers no collision
filter through pydeck), so labels are chosen here: crossings first, then provincial and national capitals,
then other towns by population; a label goes right, left, above or below its point, whichever is free, and a
town whose label fits nowhere keeps its dot unlabelled. Boxes are estimated from font size and character
count in Web-Mercator pixels at the view's zoom, as deck.gl places them; the estimate errs wide.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

import pandas as pd

LABEL_PX = 13  # font size of every label
CHAR_WIDTH = 0.76  # em per character: labels draw about 9.5 px a character (measured in Chromium screenshots)
LINE_HEIGHT = 1.4
GAP_PX = 9  # between a point and its label
MARGIN_PX = 4  # kept clear around every label, so two names never read as one
# The map's size (beside the details column, sidebar open) on screens 1280, 1440 and 1920 pixels wide, as
# measured in Chromium: the map is as wide as its column and always 560 high. A label lies wholly inside or
# wholly outside each, so no name is cut at the edge ("alalabad", "Nawa Pas") on any of these screens.
MAP_SIZES_PX = {"1280x720": (458, 560), "1440x900": (554, 560), "1920x1080": (842, 560)}  # screen: map
MAP_SIZES = tuple(MAP_SIZES_PX.values())
ICON_HALF_PX = 11  # half the crossing gate's side (components.map_symbols.CROSSING_ICON_PX)
TOWN_DOT_HALF_PX = 3
TOWN_CLEARANCE_PX = 8  # a town's label keeps clear of the incident rings drawn at its centre (up to 12 px)
SMALL_TOWN_ZOOM = 6.5  # below this zoom, only capitals and towns of SMALL_TOWN_POPULATION or more are named
SMALL_TOWN_POPULATION = 150_000
# Seats of a province (or the country) among data/geo/towns.csv, labelled before other towns.
CAPITALS = {
    "Islamabad": "Pakistan",
    "Peshawar": "Khyber Pakhtunkhwa",
    "Quetta": "Balochistan",
    "Lahore": "Punjab",
    "Karachi": "Sindh",
    "Gilgit": "Gilgit-Baltistan",
    "Muzaffarabad": "Azad Jammu and Kashmir",
    "Kabul": "Afghanistan",
    "Jalalabad": "Nangarhar",
    "Kandahar": "Kandahar",
    "Khost": "Khost",
    "Asadabad": "Kunar",
    "Gardez": "Paktia",
    "Sharana": "Paktika",
    "Herat": "Herat",
    "Mazar-e Sharif": "Balkh",
    "Lashkar Gah": "Helmand",
}
# Where a label may sit relative to its point, tried in this order: (text anchor, dx sign, dy sign). Labels
# are always vertically centred on their offset point: deck.gl's "top"/"bottom" baselines moved labels
# several times further than asked in Streamlit's build (seen in Chromium screenshots).
PLACES = (
    ("start", 1, 0),
    ("end", -1, 0),
    ("middle", 0, -1),
    ("middle", 0, 1),
    ("start", 1, -1),
    ("start", 1, 1),
    ("end", -1, -1),
    ("end", -1, 1),
)


def label_text(name: object) -> str:
    """A label deck.gl can draw: its default glyph atlas is ASCII only (and pydeck reads a character_set
    string as an expression), so "Chaman–Spin Boldak" would break apart across the map. Tooltips keep the
    original spelling."""
    plain = unicodedata.normalize("NFKD", str(name).replace("–", "-").replace("—", "-").replace("’", "'"))
    return plain.encode("ascii", "ignore").decode()


def short_name(name: object) -> str:
    """A crossing's name without its alternatives in brackets: 'Chaman–Spin Boldak (Wesh–Chaman, …)' to
    'Chaman-Spin Boldak'."""
    return label_text(str(name).split(" (")[0])


def pixels(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web-Mercator pixel position at `zoom` (deck.gl's 512-pixel world), y growing southwards."""
    world = 512 * 2**zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * world, (1 - y / math.pi) / 2 * world


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )


def text_box(x: float, y: float, text: str, anchor: str, offset: tuple[float, float], size: float = LABEL_PX) -> Box:
    """The box a label of `text` in `size` px type covers when deck.gl anchors it at pixel (x, y) moved by
    `offset`, vertically centred."""
    width, height = len(text) * size * CHAR_WIDTH, size * LINE_HEIGHT
    x, y = x + offset[0], y + offset[1]
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return Box(left, y - height / 2, left + width, y + height / 2)


def padded(box: Box, margin: float = MARGIN_PX) -> Box:
    return Box(box.left - margin, box.top - margin, box.right + margin, box.bottom + margin)


def screen(lat: float, lon: float, zoom: float, size: tuple[int, int]) -> Box:
    """The pixels a map of `size` centred on (lat, lon) shows at `zoom`."""
    x, y = pixels(lon, lat, zoom)
    return Box(x - size[0] / 2, y - size[1] / 2, x + size[0] / 2, y + size[1] / 2)


def inside(box: Box, frame: Box) -> bool:
    return frame.left <= box.left and box.right <= frame.right and frame.top <= box.top and box.bottom <= frame.bottom


def uncut(box: Box, point: Box, frames: list[Box]) -> bool:
    """Whether a label `box` of a symbol at `point` reads whole in every frame: inside each frame that shows
    its point, clear of each frame that does not (a name without its point would mislead)."""
    return all(inside(box, frame) if inside(point, frame) else not box.overlaps(frame) for frame in frames)


def _square(x: float, y: float, half: float) -> Box:
    return Box(x - half, y - half, x + half, y + half)


@dataclass(frozen=True)
class Candidate:
    text: str
    shorter: str  # said instead where `text` fits nowhere: a two-town crossing by its first town ("Chaman")
    lon: float
    lat: float
    half: float  # how far (px) the label keeps from its point: half its symbol, or clear of incident rings
    kind: str  # "crossing" or "town"


def candidates(crossings: pd.DataFrame, towns: pd.DataFrame, zoom: float) -> list[Candidate]:
    """Labels in priority order: crossings, capitals (largest first), other towns (largest first); small
    towns only from SMALL_TOWN_ZOOM in."""
    located = crossings.dropna(subset=["lat", "lon"])
    first = [
        Candidate(short_name(r.name), short_name(r.name).split("-")[0], r.lon, r.lat, ICON_HALF_PX, "crossing")
        for r in located.itertuples()
    ]
    population = pd.to_numeric(towns["population"], errors="coerce").fillna(0)
    ranked = towns.assign(capital=towns["name"].isin(CAPITALS), people=population).sort_values(
        ["capital", "people"], ascending=False
    )
    if zoom < SMALL_TOWN_ZOOM:
        ranked = ranked[ranked["capital"] | (ranked["people"] >= SMALL_TOWN_POPULATION)]
    rest = [
        Candidate(label_text(r.name), label_text(r.name), r.lon, r.lat, TOWN_CLEARANCE_PX, "town")
        for r in ranked.itertuples()
    ]
    return first + rest


def _free_spot(text: str, x: float, y: float, half: float, size: float, frames: list[Box], taken: list[Box]):
    """The first of PLACES where `text` in `size` px type for a symbol at pixel (x, y) reads whole and covers
    nothing taken: (anchor, offset, padded box), or None."""
    for anchor, sx, sy in PLACES:
        offset = (sx * (half + GAP_PX), sy * (half + GAP_PX / 2 + size * LINE_HEIGHT / 2))
        box = padded(text_box(x, y, text, anchor, offset, size))
        if uncut(box, _square(x, y, 0), frames) and not any(box.overlaps(other) for other in taken):
            return anchor, offset, box
    return None


def place_labels(
    crossings: pd.DataFrame,
    towns: pd.DataFrame,
    lat: float,
    lon: float,
    zoom: float,
    size: float = LABEL_PX,
    map_sizes: tuple[tuple[int, int], ...] = MAP_SIZES,
) -> list[dict]:
    """Labels in `size` px type that fit maps of each of `map_sizes` (width, height px) centred on (lat, lon)
    at `zoom`, each with where deck.gl should draw it: text, lon, lat, anchor, offset, kind.

    Every crossing gate and town dot (named or not) is an obstacle, so no label covers a symbol either; a label
    whose point is on screen must lie wholly on screen, on each of the map sizes."""
    every = candidates(crossings, towns, zoom)
    gates = crossings.dropna(subset=["lat", "lon"])
    taken = [
        _square(*pixels(lon, lat, zoom), ICON_HALF_PX) for lon, lat in zip(gates["lon"], gates["lat"], strict=True)
    ]
    taken += [
        _square(*pixels(lon, lat, zoom), TOWN_DOT_HALF_PX) for lon, lat in zip(towns["lon"], towns["lat"], strict=True)
    ]
    frames = [screen(lat, lon, zoom, map_size) for map_size in map_sizes]
    placed = []
    for candidate in every:
        x, y = pixels(candidate.lon, candidate.lat, zoom)
        for text in dict.fromkeys((candidate.text, candidate.shorter)):
            spot = _free_spot(text, x, y, candidate.half, size, frames, taken)
            if spot:
                anchor, offset, box = spot
                taken.append(box)
                placed.append(
                    {
                        "text": text,
                        "lon": candidate.lon,
                        "lat": candidate.lat,
                        "anchor": anchor,
                        "offset": [round(v, 1) for v in offset],
                        "kind": candidate.kind,
                    }
                )
                break
    return placed
