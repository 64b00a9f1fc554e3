"""Colour-blind-safe colours, one meaning each across every page.

Okabe & Ito's (2008) colours for incident types (the event families in components/vocabulary.py): a reader
who learned "vermillion = bombing" on the map never meets vermillion meaning something else. Every other
meaning takes one colour of its own from Okabe-Ito's unused yellow or Paul Tol's colour-blind-safe schemes
(https://personal.sron.nl/~pault/), and counts take one indigo ramp. tests/test_palette.py holds that no two
meanings look alike, to normal sight or with a colour-vision deficiency. Black and white are ink and paper:
text, outlines and the solid or hollow of a symbol, never a hue of their own. So there are few hues to
spend: diplomacy tracks are drawn in one ink (each has its own row), trackers in the count ramp (each bar is
labelled), and crossings differ from incidents by shape (a square gate) and their statuses by fill and mark.
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
# Paul Tol's "dark" red and "pale" grey: members far from every incident type and from each other.
TOL = {"dark_red": "#663333", "pale_grey": "#DDDDDD"}
NEUTRAL = {"white": "#FFFFFF", "black": "#000000"}  # paper and ink
INK_AND_PAPER = frozenset(NEUTRAL.values())
# Greys of ink and paper, each named for what it draws: type, rules, the base map. None is a meaning's hue, and
# none is the "Other" incident type's grey (tests/test_palette.py holds that every colour is declared here).
SOFT_INK = "#333333"  # type a step quieter than black: a chart's subtitle, a card's change, a slide's notes
MUTED_INK = "#555555"  # quieter still (footers, periods not yet due, country names) and a reference rule; 7:1 on white
CARD_PAPER = "#F1F1F1"  # the ground of a card or a table's header on a slide and the one-page briefing
TABLE_RULE = "#BBBBBB"  # the line between a slide table's rows
# The base map, live (deck.gl) and static (matplotlib) alike: lighter the less a line matters.
BASE_MAP = {
    "land": "#FAF8F2",  # Pakistan and Afghanistan
    "land_beyond": "#E8E8E8",  # the countries around them
    "border": "#787878",
    "border_beyond": "#BEBEBE",
    "province_border": "#969696",
    "former_fata": "#6E6E6E",  # the former FATA's outline (translucent), over a faint wash of `border`
    "durand_line": "#141414",  # on the live map over a white halo
    "town": "#111111",  # darker than the "Other" type's grey dots it sits among
    "label": "#191919",  # place names, over a white halo
    "stack": "#1E1E1E",  # the ring round several incidents at one point, on the map and in its legend
}
# The briefing's dark slides (?theme=dark, components/ui/briefing.py): type, paper and lines turned round.
DARK_SLIDE = {
    "ink": "#F2F2F2",
    "paper": "#121212",
    "muted": "#C8C8C8",
    "line": "#555555",
    "grid": "#444444",
    "link": "#9CC3FF",
}

DIPLOMACY_INK = TOL["dark_red"]  # diplomatic events, on every page and slide
RESTRICTED_FILL = TOL["pale_grey"]  # a restricted crossing: between open (hollow) and closed (solid)
GAP_MARK = OKABE_ITO["yellow"]  # a period with no figure in the data set (the coverage matrix), as a highlighter
# Counts and order (grid cells, hexagons, heat, years, distance bands, monthly totals, a tracker's figures):
# an indigo ramp, few (light) to many (dark); its lightness falls step by step, so it reads in greyscale too.
COUNT_RAMP = ("#CBBEFA", "#A999EE", "#8A78DE", "#6A56C8", "#3E2D96", "#1F1450")
YEAR_COLOURS = (COUNT_RAMP[1], COUNT_RAMP[4])  # earlier year light, later year dark: years are in order
TOTALS = COUNT_RAMP[2]  # monthly totals (diplomacy timeline and slide): a count of every type, mid-ramp on both papers
FIGURE_BARS = COUNT_RAMP[4]  # a tracker's published figures, one bar each with the tracker named beside it
# A change in a count of people hurt, on a card (vocabulary.Metric.rise_is_harm): magenta for a rise, dark green for a
# fall, the colour-blind-safe stand-ins for red and green (the two stay far apart with every deficiency, where
# red and green meet). A change in anything else, and no change, take no colour.
HARM_ROSE = "#BB0088"
HARM_FELL = "#335500"
# On a dark slide the same meanings with the lightness turned round: the ramp runs from dim to bright, and
# the diplomacy ink turns light (the same red hue; Tol's pale red would sit too near the pale grey and yellow),
# so what stood out on white stands out on dark.
ON_DARK = {
    NEUTRAL["white"]: DARK_SLIDE["paper"],  # paper stays paper: a halo round words over lines
    DIPLOMACY_INK: "#FEBAAE",
    HARM_ROSE: "#DD33FF",  # the app's dark theme (.streamlit/config.toml): readable on its dark paper
    HARM_FELL: "#88CC66",
    **{step: COUNT_RAMP[-1 - i] for i, step in enumerate(COUNT_RAMP)},
}


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' to the [r, g, b, a] lists deck.gl expects."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]
