"""Colour-blind-safe colours (Okabe & Ito, 2008) and how each kind of thing maps onto them."""

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
}

# Event types grouped into families an analyst reads at a glance; one colour per family.
TYPE_FAMILIES = {
    "suicide_bombing": "Bombing",
    "ied_bombing": "Bombing",
    "grenade": "Bombing",
    "armed_assault": "Assault / ambush",
    "ambush": "Assault / ambush",
    "targeted_killing": "Assault / ambush",
    "kidnapping_hijacking": "Assault / ambush",
    "attack_on_civilians": "Assault / ambush",
    "ucdp_one_sided": "Assault / ambush",
    "airstrike": "Air or drone strike",
    "drone_strike": "Air or drone strike",
    "cross_border_fire": "Border clash / shelling",
    "border_clash": "Border clash / shelling",
    "shelling": "Border clash / shelling",
    "armed_clash": "Armed clash",
    "ucdp_state_based": "Armed clash",
    "ucdp_non_state": "Armed clash",
    "security_operation": "Security operation",
    "other": "Other",
}
FAMILY_COLOURS = {
    "Bombing": OKABE_ITO["vermillion"],
    "Assault / ambush": OKABE_ITO["blue"],
    "Air or drone strike": OKABE_ITO["reddish_purple"],
    "Border clash / shelling": OKABE_ITO["orange"],
    "Armed clash": OKABE_ITO["sky_blue"],
    "Security operation": OKABE_ITO["bluish_green"],
    "Other": OKABE_ITO["grey"],
}
STATUS_COLOURS = {
    "open": OKABE_ITO["bluish_green"],
    "restricted": OKABE_ITO["yellow"],
    "closed": OKABE_ITO["vermillion"],
    "unknown": "#BBBBBB",
}
YEAR_COLOURS = (OKABE_ITO["sky_blue"], OKABE_ITO["blue"])  # earlier year light, later year dark
TRACKER_COLOURS = {
    "PICSS": OKABE_ITO["blue"],
    "CRSS": OKABE_ITO["orange"],
    "PIPS": OKABE_ITO["bluish_green"],
    "GTI": OKABE_ITO["reddish_purple"],
}


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' to the [r, g, b, a] lists deck.gl expects."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]
