"""One visual language (issue #19): each colour means one thing on every page. Incident types keep Okabe-Ito's
colours; crossing statuses, diplomacy, gaps in coverage and counts each have colours no other meaning comes
close to, to normal sight and with a colour-vision deficiency, on white and on the briefing's dark slides."""

from __future__ import annotations

import itertools
import re
import tomllib

import pandas as pd
import pytest

from components import palette
from components.charts import sources_chart, timeline_chart
from components.map_legend import NEUTRAL_DOT
from components.palette import (
    COUNT_RAMP,
    DIPLOMACY_INK,
    FIGURE_BARS,
    HARM_FELL,
    HARM_ROSE,
    INK_AND_PAPER,
    MUTED_INK,
    NEUTRAL,
    OKABE_ITO,
    ON_DARK,
    SOFT_INK,
    TOTALS,
    YEAR_COLOURS,
)
from components.paths import ROOT
from components.ui import briefing
from components.ui.coverage_panel import STATE_FILLS
from components.ui.widgets import CHANGE_COLOURS, change_colour
from components.vocabulary import ALL_LISTS, CROSSING_COLOURS, CROSSING_STATUSES, EVENT_FAMILIES, FAMILY_COLOURS
from tests.colour_science import ciede2000, contrast, delta_e, delta_e_deficient, lab

# The two closest incident types (Okabe-Ito's blue and grey) are 21.7 apart in CIEDE2000, and with a
# deficiency the closest (reddish purple and orange, protanopia) 11.1: a reader tells those apart, so no two
# meanings may come closer than that.
SEPARATE, SEPARATE_DEFICIENT = 20, 10
DARK_PAPER = "#121212"  # the briefing's dark theme (components/ui/briefing.py)
COUNTS = "counts and order"

# Every declared colour with the one thing it means. Ink and paper (black, white) are not hues: they draw
# text, outlines and the hollow or solid of a symbol.
MEANINGS = [
    *((f"incident type {family}", colour) for family, colour in FAMILY_COLOURS.items()),
    *(
        (f"{code_list.name} {code}", colour)
        for code_list in ALL_LISTS
        if code_list is not EVENT_FAMILIES
        for code, colour in code_list.colours.items()
    ),
    *((f"{CROSSING_STATUSES.name} {code}", colour) for code, colour in CROSSING_COLOURS.items()),
    *((f"coverage {state}", colour) for state, colour in STATE_FILLS.items()),
    ("diplomacy", DIPLOMACY_INK),
    ("diplomacy", ON_DARK[DIPLOMACY_INK]),
    ("incident of any type (map legend)", NEUTRAL_DOT),
    ("a rise in people hurt (cards)", HARM_ROSE),
    ("a fall in people hurt (cards)", HARM_FELL),
    *((COUNTS, colour) for colour in (*COUNT_RAMP, *YEAR_COLOURS, TOTALS, FIGURE_BARS)),
]
HUES = [(meaning, colour) for meaning, colour in dict.fromkeys(MEANINGS) if colour not in INK_AND_PAPER]
PAIRS = [(one, other) for one, other in itertools.combinations(HUES, 2) if one[0] != other[0]]


def test_colour_difference_is_ciede2000():
    """Sharma, Wu & Dalal (2005), table 1: pairs 1, 7 and 17."""
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)
    assert delta_e("#FFFFFF", "#000000") == pytest.approx(100, abs=0.1)


def test_the_thresholds_are_those_of_the_closest_incident_types():
    pairs = list(itertools.combinations(FAMILY_COLOURS.values(), 2))
    assert SEPARATE <= min(delta_e(*pair) for pair in pairs) < SEPARATE + 2
    assert SEPARATE_DEFICIENT <= min(delta_e_deficient(*pair) for pair in pairs) < SEPARATE_DEFICIENT + 2


@pytest.mark.parametrize(("one", "other"), PAIRS, ids=lambda pair: f"{pair[0]} {pair[1]}")
def test_two_meanings_never_look_alike(one, other):
    """Shared colours (distance 0) fail here too: the review found indigo meaning a tracker, the later year,
    diplomacy and coverage 'present', and the 'Restricted' crossing's sand beside the border clash's orange."""
    assert delta_e(one[1], other[1]) >= SEPARATE, f"{one} looks like {other}"
    if COUNTS not in (one[0], other[0]):  # a ramp is read by its order and its legend, see below
        assert delta_e_deficient(one[1], other[1]) >= SEPARATE_DEFICIENT, f"{one} looks like {other} to some"


def test_the_count_ramp_reads_in_order_in_greyscale():
    lightness = [lab(colour)[0] for colour in COUNT_RAMP]
    assert all(lighter - darker >= 8 for lighter, darker in itertools.pairwise(lightness)), lightness
    assert {*YEAR_COLOURS, TOTALS, FIGURE_BARS} <= set(COUNT_RAMP)


def test_marks_stand_out_on_white_and_on_the_dark_slides():
    assert DARK_PAPER in briefing.DARK_CSS
    assert contrast(DIPLOMACY_INK, "#FFFFFF") >= 4.5
    assert contrast(ON_DARK[DIPLOMACY_INK], DARK_PAPER) >= 4.5
    later = YEAR_COLOURS[1]
    assert contrast(later, "#FFFFFF") >= 4.5
    assert contrast(ON_DARK[later], DARK_PAPER) >= 4.5
    assert contrast(TOTALS, "#FFFFFF") >= 3
    assert contrast(ON_DARK[TOTALS], DARK_PAPER) >= 3
    assert contrast(STATE_FILLS["missing"], "#000000") >= 4.5  # the gap's symbol is black type on yellow
    assert contrast(MUTED_INK, "#FFFFFF") >= 7  # footers and periods not yet due: quieter, still legible


def test_only_the_palette_and_the_vocabulary_reach_okabe_ito():
    """Other modules take colours by meaning (the vocabulary's codes or the palette's names)."""
    users = [
        path.relative_to(ROOT).as_posix()
        for path in [*ROOT.glob("components/**/*.py"), *ROOT.glob("views/**/*.py")]
        if re.search(r"\bOKABE_ITO\b", path.read_text(encoding="utf-8"))
    ]
    assert sorted(users) == ["components/palette.py", "components/vocabulary.py"]


def test_the_timeline_draws_diplomacy_in_its_ink_and_totals_on_the_count_ramp():
    diplomacy = pd.DataFrame(
        {
            "event_id": ["a", "b"],
            "date_start": pd.to_datetime(["2025-01-01", "2025-02-01"]),
            "date_end": pd.to_datetime([None, None]),
            "track_label": ["Talks", "Breakdown"],
            "title": ["t", "b"],
        }
    )
    monthly = pd.DataFrame(
        {"month_start": pd.to_datetime(["2025-01-01"]), "month_end": pd.to_datetime(["2025-02-01"]), "value": [3]}
    )
    chart = timeline_chart(
        diplomacy,
        monthly,
        ["Deaths"],
        pd.DataFrame(columns=["month_mid", "note"]),
        pd.DataFrame(columns=["date", "killed", "family", "place"]),
        "Notable incidents",
        pd.DataFrame(),
        "2025-01-01",
        "2025-03-01",
    ).to_dict()
    talks, violence = chart["vconcat"][0], chart["vconcat"][1]
    colours = [layer.get("encoding", talks.get("encoding", {})).get("color") for layer in talks["layer"]]
    assert colours == [{"value": DIPLOMACY_INK}] * len(talks["layer"])
    assert violence["layer"][0]["mark"]["color"] == TOTALS


def test_tracker_figures_are_one_ink_with_the_tracker_named_on_each_bar():
    side = pd.DataFrame(
        {
            "tracker": ["PICSS", "PIPS"],
            "series": ["combined", "combined"],
            "status": ["final", "final"],
            "published_annual": [10.0, 12.0],
            "sum_of_periods": [9.0, 12.0],
        }
    )
    chart = sources_chart(side, "Deaths", 2025).to_dict()
    assert chart["encoding"]["color"] == {"value": FIGURE_BARS}
    rows = chart["datasets"][chart["data"]["name"]]
    assert {row["source"].split(" · ")[0] for row in rows} == {"PICSS", "PIPS"}


def test_okabe_itos_colours_for_incident_types_are_not_spent_elsewhere():
    used = set(FAMILY_COLOURS.values())
    assert used <= set(OKABE_ITO.values())
    others = {colour for meaning, colour in MEANINGS if not meaning.startswith("incident type")}
    assert used.isdisjoint(others)


HEX = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")
RGB_LIST = re.compile(r"colou?r\w*=\[\s*\d")  # a deck.gl colour written as numbers, [60, 60, 60, 255]
# A colour by name ("grey", "white"); not a key of the palette's tables (NEUTRAL["white"]).
NAMED = re.compile(
    r"(?<!\[)[\"']((?:light|dark)?(?:gr[ae]y|silver|black|white|red|green|blue|orange|yellow|purple))[\"']", re.I
)


def _declared() -> set[str]:
    """Every colour palette.py names (alone, in a table or in a ramp), in capitals."""
    found = set()
    for value in vars(palette).values():
        values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple | frozenset) else ()
        found |= {colour.upper() for colour in (value, *values) if isinstance(colour, str) and HEX.fullmatch(colour)}
    return found


def test_every_colour_of_the_pages_is_one_the_palette_names():
    """A grey typed into a chart is a meaning nobody declared (the briefing's country names were drawn in the
    'Other' type's grey): colours are written as the palette's names, never as values."""
    declared = _declared()
    written = []
    for path in sorted([*ROOT.glob("components/**/*.py"), *ROOT.glob("views/**/*.py"), ROOT / "app.py"]):
        if path.name == "palette.py":
            continue
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT).as_posix()
        written += [(where, colour) for colour in HEX.findall(text) if colour.upper() not in declared]
        written += [(where, found) for found in RGB_LIST.findall(text)]
        # Streamlit's names for the cards' colours are set to the palette's values (the test below)
        written += [(where, name) for name in NAMED.findall(text) if name not in CHANGE_COLOURS.values()]
    assert not written


def test_the_cards_changes_take_the_palettes_colours_through_the_theme():
    """st.metric names a colour ('violet'); .streamlit/config.toml sets that name to the palette's value, on
    light and dark paper, and an alert's colour (error red, warning yellow, info blue, success green) is never
    borrowed, so no alert ever reads as a change in people hurt."""
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    assert set(CHANGE_COLOURS) == {HARM_ROSE, HARM_FELL}
    assert not set(CHANGE_COLOURS.values()) & {"red", "yellow", "blue", "green"}
    for colour, name in CHANGE_COLOURS.items():
        assert theme[f"{name}Color"] == theme[f"{name}TextColor"] == colour
        assert theme["dark"][f"{name}Color"] == theme["dark"][f"{name}TextColor"] == ON_DARK[colour]
    for paper, (rose, fell) in {
        theme["backgroundColor"]: (HARM_ROSE, HARM_FELL),
        theme["dark"]["backgroundColor"]: (ON_DARK[HARM_ROSE], ON_DARK[HARM_FELL]),
    }.items():
        assert min(contrast(rose, paper), contrast(fell, paper)) >= 4.5, paper
        assert delta_e_deficient(rose, fell) >= 3 * SEPARATE_DEFICIENT, paper  # far apart with every deficiency


def test_a_card_judges_only_a_change_in_people_hurt():
    assert change_colour(12) == CHANGE_COLOURS[HARM_ROSE]
    assert change_colour(-3) == CHANGE_COLOURS[HARM_FELL]
    assert change_colour(0) == change_colour(12, rise_is_harm=False) == change_colour(-3, rise_is_harm=False) == "off"


def test_the_widgets_accent_is_ink_not_a_meanings_hue():
    """A selected option or the current slide's button was Okabe-Ito blue, the "Assault/ambush" dots' colour
    (sky blue, "Armed clash", on dark paper). The accent is a declared grey, and a primary button's white
    label reads on it."""
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    hues = {colour.upper() for colour in [*FAMILY_COLOURS.values(), *OKABE_ITO.values()]} - INK_AND_PAPER
    for scheme in (theme, theme["dark"]):
        accent, paper = scheme["primaryColor"], scheme["backgroundColor"]
        assert accent in {SOFT_INK, MUTED_INK}, accent
        assert accent.upper() not in hues
        assert contrast(NEUTRAL["white"], accent) >= 4.5
        assert contrast(accent, paper) >= 2.5, (accent, paper)


def test_each_distance_band_keeps_its_shade_and_neighbours_are_told_apart():
    """The district chart shaded the bands a selection held with the four darkest steps: "≤ 50 km" and "> 50 km"
    were a step apart and hard to tell apart, and a band's shade changed with the selection."""
    from components.charts import district_chart
    from components.dataset import load_dataset
    from components.districts import district_table
    from components.paths import BUNDLED_DATA_DIR

    table = district_table(load_dataset(BUNDLED_DATA_DIR).events).table
    scales = []
    for bands in (table["Distance band"].unique(), ["≤ 50 km", "> 50 km"]):
        shown = table[table["Distance band"].isin(bands)]
        spec = district_chart(shown, "Incidents").to_dict()
        colour = next(layer["encoding"]["color"] for layer in spec["layer"] if "color" in layer.get("encoding", {}))
        scales.append(dict(zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True)))
    assert scales[0] == scales[1]  # the same shade whichever bands are shown
    shades = list(scales[0].values())
    assert list(scales[0]) == ["≤ 10 km", "≤ 25 km", "≤ 50 km", "> 50 km"]
    # Four bands from a six-step ramp: one pair of neighbours is a single step apart, never the far two.
    assert all(delta_e(one, other) >= SEPARATE / 2 for one, other in itertools.pairwise(shades))
    assert delta_e(scales[0]["≤ 50 km"], scales[0]["> 50 km"]) >= SEPARATE
