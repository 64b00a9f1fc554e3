"""One visual language (issue #19): Okabe-Ito's colours mean incident types and nothing else, on every page;
crossing statuses, trackers, years and counts use colours that cannot be taken for an incident type."""

from __future__ import annotations

import re

import pytest

from components.charts import timeline_chart
from components.palette import (
    COUNT_RAMP,
    DIPLOMACY_INK,
    OKABE_ITO,
    TOTALS_GREY,
    YEAR_COLOURS,
    delta_e,
)
from components.paths import ROOT
from components.vocabulary import ALL_LISTS, CROSSING_COLOURS, EVENT_FAMILIES, FAMILY_COLOURS

SEPARATE = 25  # CIE76 ΔE: beyond this two colours read as different colours, not shades of one
OTHER_MEANINGS = {
    **{
        f"{code_list.name}: {code}": colour
        for code_list in ALL_LISTS
        if code_list is not EVENT_FAMILIES
        for code, colour in code_list.colours.items()
    },
    **{f"crossing status: {code}": colour for code, colour in CROSSING_COLOURS.items()},
    "diplomacy ink": DIPLOMACY_INK,
    "monthly totals": TOTALS_GREY,
    **{f"year {i}": colour for i, colour in enumerate(YEAR_COLOURS)},
    **{f"count step {i}": colour for i, colour in enumerate(COUNT_RAMP)},
}


def test_colour_difference_is_measured_in_cie_lab():
    assert delta_e("#FFFFFF", "#000000") == pytest.approx(100, abs=0.1)
    assert delta_e("#D55E00", "#D55E00") == 0
    assert delta_e("#D55E00", "#D65F01") < 2  # one step in each channel: the same colour to the eye


@pytest.mark.parametrize("meaning", OTHER_MEANINGS)
def test_no_other_meaning_looks_like_an_incident_type(meaning):
    colour = OTHER_MEANINGS[meaning]
    nearest = min(FAMILY_COLOURS, key=lambda family: delta_e(colour, FAMILY_COLOURS[family]))
    assert delta_e(colour, FAMILY_COLOURS[nearest]) >= SEPARATE, f"{meaning} ({colour}) reads as {nearest}"


def test_closed_crossings_and_bombings_no_longer_share_vermillion():
    assert CROSSING_COLOURS["closed"] != FAMILY_COLOURS["Bombing"]
    assert set(CROSSING_COLOURS.values()).isdisjoint(OKABE_ITO[name] for name in OKABE_ITO if name != "black")


def test_only_the_event_families_take_okabe_ito_colours():
    """Other modules reach colours through the vocabulary or the named palettes, never Okabe-Ito directly."""
    users = [
        path.relative_to(ROOT).as_posix()
        for path in [*ROOT.glob("components/**/*.py"), *ROOT.glob("views/**/*.py")]
        if re.search(r"\bOKABE_ITO\b", path.read_text(encoding="utf-8"))
    ]
    assert sorted(users) == ["components/palette.py", "components/vocabulary.py"]


def test_the_timeline_draws_every_diplomatic_track_in_one_ink():
    import pandas as pd

    diplomacy = pd.DataFrame(
        {
            "event_id": ["a", "b"],
            "date_start": pd.to_datetime(["2025-01-01", "2025-02-01"]),
            "date_end": pd.to_datetime([None, None]),
            "track_label": ["Talks", "Breakdown"],
            "title": ["t", "b"],
        }
    )
    chart = timeline_chart(
        diplomacy,
        pd.DataFrame(columns=["month_start", "month_end", "value"]),
        "Deaths",
        pd.DataFrame(columns=["month_mid", "note"]),
        pd.DataFrame(columns=["date", "killed", "family", "place"]),
        "Notable incidents",
        pd.DataFrame(),
        "2025-01-01",
        "2025-03-01",
    ).to_dict()
    talks = chart["vconcat"][0]
    colours = [layer.get("encoding", talks.get("encoding", {})).get("color") for layer in talks["layer"]]
    assert colours == [{"value": DIPLOMACY_INK}] * len(talks["layer"])
