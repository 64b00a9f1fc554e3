"""Colour-blind-safe colours, one meaning each across every page.

Okabe & Ito's (2008) eight colours are reserved for incident types (the event families in
components/vocabulary.py): a reader who learned "vermillion = bombing" on the map never meets vermillion
meaning something else. Everything else (crossing statuses, trackers, years, counts) takes colours from
Paul Tol's colour-blind-safe schemes (https://personal.sron.nl/~pault/), keeping only members far from
every event colour (CIE76 ΔE ≥ 25; tests/test_palette.py holds that), or neutrals. Diplomacy tracks are
drawn in one ink: each track has its own row, so a colour per track would only spend hues. Crossings also
differ from incidents by shape (a square gate, never a dot), so their statuses need not be hues at all.
"""

from __future__ import annotations

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#666666",
    "black": "#000000",
}
# Paul Tol's "muted" and "bright" members far from every event colour.
TOL = {"indigo": "#332288", "wine": "#882255", "olive": "#999933", "sand": "#DDCC77", "pale_grey": "#DDDDDD"}
NEUTRAL = {"white": "#FFFFFF", "grey": "#BBBBBB", "black": "#000000"}

DIPLOMACY_INK = TOL["indigo"]
YEAR_COLOURS = (NEUTRAL["grey"], TOL["indigo"])  # earlier year light, later year dark
# Counts (grid cells, hexagons, heat, years in order): an indigo ramp from few (light) to many (dark).
COUNT_RAMP = ("#E6E1F2", "#BDB4DE", "#8F82CA", "#6353B3", "#3E2D96", "#1F1450")
TOTALS_GREY = NEUTRAL["grey"]  # monthly totals behind the timeline: no type, so no hue
# On a dark slide the same meanings with the lightness turned round: the indigo ink (diplomacy, the later
# year) goes light and the grey (totals, the earlier year) dim, so what stood out on white stands out on dark.
ON_DARK = {TOL["indigo"]: COUNT_RAMP[1], NEUTRAL["grey"]: "#777777"}


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' to the [r, g, b, a] lists deck.gl expects."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour, to measure how far apart two colours look."""
    linear = []
    for channel in rgba(hex_colour)[:3]:
        c = channel / 255
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = linear
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference: about 2 is just noticeable, above 25 reads as another colour."""
    return sum((x - y) ** 2 for x, y in zip(lab(a), lab(b), strict=True)) ** 0.5
