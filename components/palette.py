"""Colour-blind-safe colours (Okabe & Ito, 2008). Which code gets which colour is declared with the code
lists in components/vocabulary.py."""

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

YEAR_COLOURS = (OKABE_ITO["sky_blue"], OKABE_ITO["blue"])  # earlier year light, later year dark


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' to the [r, g, b, a] lists deck.gl expects."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]
