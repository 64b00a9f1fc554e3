"""The map's symbols as small SVG images (data URIs, so nothing is fetched): the same image draws a crossing
on the map (deck.gl IconLayer) and its entry in the legend (a Vega image mark).

Crossings are square gates, never dots, so they cannot be read as incidents; their status is told twice,
by fill and by a mark inside (hollow = open, pale grey with a bar = restricted, solid black with a white cross
= closed, hollow with a dashed edge and "?" = unknown), so it reads in greyscale too. Incidents are dots: filled
where the place is known, a ring where only the district or province is.
"""

from __future__ import annotations

import base64

from components.palette import BASE_MAP, NEUTRAL
from components.vocabulary import CROSSING_COLOURS, CROSSING_STATUSES, NO_CROSSING_STATUS

ICON_PX = 32  # the image's own size; the map draws it at CROSSING_ICON_PX
CROSSING_ICON_PX = 22
INK, PAPER = NEUTRAL["black"], NEUTRAL["white"]  # a gate's edge and marks, a dot's rim
BAR = f'<rect x="7" y="14.5" width="18" height="3" fill="{INK}"/>'
QUERY = '<text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="bold" text-anchor="middle">?</text>'
CROSS = f'<path d="M10 10 L22 22 M22 10 L10 22" stroke="{PAPER}" stroke-width="3.5" stroke-linecap="round"/>'
# The mark inside each gate, in the vocabulary's order of statuses: open (none), restricted, closed.
STATUS_MARKS = dict(zip(CROSSING_STATUSES.codes, ("", BAR, CROSS), strict=True))


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _svg(body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{ICON_PX}" height="{ICON_PX}" '
        f'viewBox="0 0 {ICON_PX} {ICON_PX}">{body}</svg>'
    )


def crossing_svg(status: str) -> str:
    """A square gate filled with the status colour, with the status's own mark inside."""
    dashed = "" if status in STATUS_MARKS else ' stroke-dasharray="4 3"'  # no recorded status: a dashed edge
    fill = CROSSING_COLOURS.get(status, NO_CROSSING_STATUS.colour)
    gate = f'<rect x="4" y="4" width="24" height="24" rx="3" fill="{fill}" stroke="{INK}" stroke-width="3"{dashed}/>'
    return _svg(gate + STATUS_MARKS.get(status, QUERY))


def crossing_icon(status: str) -> dict:
    """deck.gl IconLayer's icon object for a crossing of this status."""
    return {"url": data_uri(crossing_svg(status)), "width": ICON_PX, "height": ICON_PX, "anchorY": ICON_PX / 2}


def dot_svg(colour: str, ring: bool = False, faint: bool = False, radius: float = 9) -> str:
    """An incident: a filled dot (exact place) or a ring (district- or province-level location, faint for
    province), as the map draws it; `radius` of the filled dot, in the image's 32 units."""
    if ring:
        width, opacity = (1.5, 0.6) if faint else (2.5, 1)
        body = (
            f'<circle cx="16" cy="16" r="9" fill="{colour}" fill-opacity="0.12" stroke="{colour}" '
            f'stroke-width="{width}" stroke-opacity="{opacity}"/>'
        )
    else:
        body = f'<circle cx="16" cy="16" r="{radius}" fill="{colour}" stroke="{PAPER}" stroke-width="1.5"/>'
    return _svg(body)


def stack_svg(dot: str) -> str:
    """Several incidents at one point: a dark ring around the dot (of any type, drawn in `dot`)."""
    return _svg(
        f'<circle cx="16" cy="16" r="7" fill="{dot}"/>'
        f'<circle cx="16" cy="16" r="12" fill="none" stroke="{BASE_MAP["stack"]}" stroke-width="2"/>'
    )


def swatch_svg(colour: str, shape: str = "hexagon") -> str:
    """A count band's swatch: a hexagon or a square in the band's colour."""
    if shape == "square":
        body = f'<rect x="5" y="5" width="22" height="22" fill="{colour}" stroke="{PAPER}"/>'
    else:
        body = f'<polygon points="16,3 27,9.5 27,22.5 16,29 5,22.5 5,9.5" fill="{colour}" stroke="{PAPER}"/>'
    return _svg(body)
