"""Links carry codes; labels are still read; an unknown value is named, not dropped (issue #20).

The codec (components/url_codec.py) is checked on its own first, then a link is opened for every parameter of
the README's table, by its code and by its label, and the page is read as a person reads it, in the style
of datasette's URL tests: URL in, what the page shows out, and the link the page writes back.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from components.paths import ROOT
from components.url_codec import PARAMS, decode, encode

# One value of every parameter (a new parameter needs one here): each must survive encode then decode.
SAMPLES = {
    "from": dt.date(2025, 1, 1),
    "to": dt.date(2025, 12, 31),
    "province": ("Balochistan", "Khyber Pakhtunkhwa"),
    "actor": ("bla", "ttp"),
    "type": ("suicide_bombing",),
    "mode": "hexagons",
    "basemap": True,
    "incident": "20240108-bajaur-polio-police-escort-bombing",
    "share_of": "killed_share",
    "district_measure": "killed",
    "view": "kabul_jalalabad",
    "lat": 34.45,
    "lon": 69.85,
    "zoom": 8.5,
    "source": "CRSS:overall_violence",
    "cadence": "quarter",
    "year": 2025,
    "vs": 2024,
    "region": "Balochistan",
    "metric": "deaths_total",
    "sources_year": 2024,
    "track": ("talks", "ceasefire"),
    "mediator": ("China",),
    "event": "20250419-dar-kabul-visit",
    "days": 30,
    "panel": "trend",
    "every": 15,
    "theme": "dark",
    "table": "diplomacy",
    "coverage_tracker": "CRSS",
    "events": "upload",
}


def test_every_parameter_has_a_sample():
    assert set(SAMPLES) == set(PARAMS)


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_a_value_written_into_a_link_reads_back_as_itself(key):
    query = encode({key: SAMPLES[key]})
    assert decode(query) == ({key: SAMPLES[key]}, [])


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ({"type": ["suicide_bombing", "airstrike"]}, {"type": ["suicide_bombing", "airstrike"]}),
        ({"type": ["Suicide bombing", "AIRSTRIKE"]}, {"type": ["suicide_bombing", "airstrike"]}),
        ({"actor": "BLA (Balochistan Liberation Army)"}, {"actor": ["bla"]}),
        ({"track": "Ceasefire / pause"}, {"track": ["ceasefire"]}),
        ({"mode": "Hexagons"}, {"mode": ["hexagons"]}),
        ({"view": "Kabul–Jalalabad"}, {"view": ["kabul_jalalabad"]}),
        ({"panel": "Diplomacy and violence"}, {"panel": ["timeline"]}),
        ({"every": "every 15 s"}, {"every": ["15"]}),
        ({"every": "manual"}, {}),  # the default: not in the link
        ({"share_of": "fatalities"}, {"share_of": ["killed_share"]}),
        ({"cadence": "Quarterly"}, {"cadence": ["quarter"]}),
        ({"metric": "Deaths"}, {"metric": ["deaths_total"]}),
        ({"basemap": "True"}, {"basemap": ["true"]}),
        ({"days": "14"}, {}),
        ({"zoom": "8.50"}, {"zoom": ["8.5"]}),
    ],
)
def test_a_link_naming_labels_is_read_and_written_back_as_codes(query, codes):
    values, notices = decode(query)
    assert notices == []
    assert encode(values) == codes


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ({"type": ["xyz", "airstrike"]}, "Unknown type 'xyz' in the link, ignored."),
        ({"panel": "slides"}, "Unknown panel 'slides' in the link, ignored."),
        ({"every": "7"}, "Unknown advance setting '7' in the link, ignored."),
        ({"days": "a week"}, "Unknown window in days 'a week' in the link, ignored."),
        ({"days": "400"}, "The link's window in days '400' is outside 3 to 60, ignored."),
        ({"from": "2025-13-01"}, "Unknown start date '2025-13-01' in the link, ignored."),
        ({"year": "last"}, "Unknown year 'last' in the link, ignored."),
        ({"track": "x" * 100}, f"Unknown track '{'x' * 60}…' in the link, ignored."),
    ],
)
def test_an_unknown_value_is_named_in_a_notice(query, notice):
    values, notices = decode(query)
    assert notices == [notice]
    assert values.get("type") in (None, ("airstrike",))


def test_values_known_only_when_the_page_runs_are_read_against_its_options():
    choices = {"incident": {"a1": "16 May 2025 · Wana · Armed clash · 3 killed", "b2": "16 May 2025 · Wana · x"}}
    assert decode({"incident": "b2"}, choices) == ({"incident": "b2"}, [])
    assert decode({"incident": "16 May 2025 · Wana · Armed clash · 3 killed"}, choices) == ({"incident": "a1"}, [])
    assert decode({"incident": "c3"}, choices) == ({}, ["The link's incident 'c3' is not on this page, ignored."])
    types = {"type": {"airstrike": "Airstrike"}}  # the types the data shown hold
    assert decode({"type": "grenade"}, types) == ({}, ["The link's type 'grenade' is not in the data shown, ignored."])


def test_a_default_value_is_left_out_of_the_link_and_one_known_at_run_time_too():
    assert encode({"mode": "points", "days": 14, "every": 0, "basemap": False, "type": ()}) == {}
    day = dt.date(2026, 4, 8)
    assert encode({"to": day}, {"to": day}) == {}
    assert encode({"to": day}) == {"to": ["2026-04-08"]}


# --- Pages: a link opened, and what the page shows ----------------------------------------------------------

MAP, TRENDS, DIPLOMACY = "views/map/map.py", "views/trends/trends.py", "views/diplomacy/timeline.py"
BRIEFING, DATA = "views/briefing/briefing.py", "views/data/sources.py"
INCIDENT = "20240108-bajaur-polio-police-escort-bombing"
INCIDENT_LABEL = "8 Jan 2024 · Belot Farsh area, Mamund tehsil · IED / bombing"
EVENT = "20250419-dar-kabul-visit"


def open_link(page: str, query: dict) -> tuple[AppTest, list[str]]:
    """The page opened from a link carrying `query`, and every notice shown on the way (a sidebar filter's
    shows on the first page drawn)."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params.update(query)
    app.run()
    notices = [w.value for w in app.warning]
    app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app, [_plain(n) for n in notices + [w.value for w in app.warning]]


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def _texts(app: AppTest) -> list[str]:
    return [_plain(e.value) for kind in ("markdown", "caption", "subheader", "title", "header") for e in app.get(kind)]


def _panel_shown(app) -> str:
    """The slide the briefing shows, as its panel list marks it ("5. Latest developments")."""
    marked = [b.label for b in app.button if (b.key or "").startswith("panel-") and b.proto.type == "primary"]
    return marked[0].split(". ", 1)[1] if len(marked) == 1 else ""


def _shown(picker) -> str:
    """The label a single-choice picker shows."""
    return picker.options[picker.index]


def _sentence(app: AppTest) -> str:
    return next(text for text in _texts(app) if " incidents, " in text)


def _deck(app: AppTest) -> str:
    return app.get("deck_gl_json_chart")[0].proto.json


# (id, page, link's query, what a person reads, the link the page writes back)
CASES = [
    (
        "from-to",
        MAP,
        {"from": "2025-01-01", "to": "2025-03-31"},
        lambda app: "1 Jan 2025–31 Mar 2025" in _sentence(app),
        {"from": "2025-01-01", "to": "2025-03-31"},
    ),
    ("province", MAP, {"province": "Balochistan"}, lambda app: "Balochistan, all actors" in _sentence(app), None),
    ("actor-code", MAP, {"actor": "bla"}, lambda app: "BLA (Balochistan Liberation Army)" in _sentence(app), None),
    (
        "actor-label",
        MAP,
        {"actor": "BLA (Balochistan Liberation Army)"},
        lambda app: "BLA (Balochistan Liberation Army)" in _sentence(app),
        {"actor": "bla"},
    ),
    ("type-code", MAP, {"type": "suicide_bombing"}, lambda app: _sentence(app).endswith("Suicide bombing"), None),
    (
        "type-label",
        MAP,
        {"type": ["Suicide bombing", "Airstrike"]},
        lambda app: _sentence(app).endswith("Suicide bombing or Airstrike"),
        {"type": ["suicide_bombing", "airstrike"]},
    ),
    ("mode-code", MAP, {"mode": "hexagons"}, lambda app: "incident-hexagons" in _deck(app), None),
    ("mode-label", MAP, {"mode": "Heatmap"}, lambda app: "HeatmapLayer" in _deck(app), {"mode": "heatmap"}),
    ("basemap", MAP, {"basemap": "true"}, lambda app: "basemaps.cartocdn.com" in _deck(app), None),
    (
        "incident-id",
        MAP,
        {"incident": INCIDENT},
        lambda app: "8 Jan 2024 · IED / bombing" in _texts(app),
        None,
    ),
    (
        "incident-label",
        MAP,
        {"incident": INCIDENT_LABEL},
        lambda app: "8 Jan 2024 · IED / bombing" in _texts(app),
        {"incident": INCIDENT},
    ),
    ("share_of-code", MAP, {"share_of": "killed_share"}, lambda app: _shown(app.radio[0]) == "fatalities", None),
    (
        "share_of-label",
        MAP,
        {"share_of": "fatalities"},
        lambda app: _shown(app.radio[0]) == "fatalities",
        {"share_of": "killed_share"},
    ),
    (
        "district_measure-code",
        MAP,
        {"district_measure": "killed"},
        lambda app: _shown(next(r for r in app.radio if r.label == "Chart")) == "killed",
        None,
    ),
    (
        "district_measure-label",
        MAP,
        {"district_measure": "Killed"},
        lambda app: _shown(next(r for r in app.radio if r.label == "Chart")) == "killed",
        {"district_measure": "killed"},
    ),
    (
        "view-code",
        MAP,
        {"view": "kabul_jalalabad"},
        lambda app: any(t.startswith("Centre 34.40° N, 70.10° E, zoom 7.1") for t in _texts(app)),
        None,
    ),
    (
        "view-label",
        MAP,
        {"view": "Kabul–Jalalabad"},
        lambda app: any(t.startswith("Centre 34.40° N, 70.10° E, zoom 7.1") for t in _texts(app)),
        {"view": "kabul_jalalabad"},
    ),
    (
        "lat-lon-zoom",
        MAP,
        {"lat": "34", "lon": "70.5", "zoom": "9"},
        lambda app: any(t.startswith("Centre 34.00° N, 70.50° E, zoom 9.0") for t in _texts(app)),
        None,
    ),
    (
        "source-code",
        TRENDS,
        {"source": "CRSS:overall_violence"},
        lambda app: _shown(app.selectbox(key="source")) == "CRSS · overall violence",
        None,
    ),
    (
        "source-label",
        TRENDS,
        {"source": "CRSS · overall violence"},
        lambda app: (
            "CRSS: all violence it records, terror attacks and counter-terror operations together." in _texts(app)
        ),
        {"source": "CRSS:overall_violence"},
    ),
    ("cadence-code", TRENDS, {"cadence": "year"}, lambda app: "Annual figures" in _texts(app), None),
    ("cadence-label", TRENDS, {"cadence": "Annual"}, lambda app: "Annual figures" in _texts(app), {"cadence": "year"}),
    (
        "region",
        TRENDS,
        {"source": "CRSS:overall_violence", "region": "Balochistan"},
        lambda app: any(t.startswith("CRSS (overall violence), Balochistan:") for t in _texts(app)),
        None,
    ),
    (
        "metric-label",
        TRENDS,
        {"source": "CRSS:overall_violence", "metric": "Deaths"},
        lambda app: any(t.startswith("CRSS (overall violence), Pakistan: deaths in") for t in _texts(app)),
        {"source": "CRSS:overall_violence", "metric": "deaths_total"},
    ),
    (
        "year-vs",
        TRENDS,
        {"source": "GTI:gti", "year": "2024", "vs": "2023"},
        lambda app: "**2024 against 2023**" in [m.value for m in app.markdown],
        {"source": "GTI:gti", "year": "2024"},  # 2023 is what 2024 is compared with unless told
    ),
    (
        "sources_year",
        TRENDS,
        {"sources_year": "2024"},
        lambda app: _shown(app.selectbox(key="sources_year")) == "2024",
        None,
    ),
    (
        "track-code",
        DIPLOMACY,
        {"track": "talks"},
        lambda app: set(app.dataframe[0].value["Track"]) == {"Talks"},
        None,
    ),
    (
        "track-label",
        DIPLOMACY,
        {"track": ["Talks", "Ceasefire / pause"]},
        lambda app: set(app.dataframe[0].value["Track"]) == {"Talks", "Ceasefire / pause"},
        {"track": ["talks", "ceasefire"]},
    ),
    (
        "mediator",
        DIPLOMACY,
        {"mediator": "China"},
        lambda app: app.dataframe[0].value["Mediators"].str.contains("China").all(),
        None,
    ),
    (
        "event-id",
        DIPLOMACY,
        {"event": EVENT},
        lambda app: "FM Ishaq Dar makes first visit to Kabul" in _shown(app.selectbox(key="event")),
        None,
    ),
    (
        "event-label",
        DIPLOMACY,
        {"event": "19 Apr 2025 · FM Ishaq Dar makes first visit to Kabul"},
        lambda app: "FM Ishaq Dar makes first visit to Kabul" in _shown(app.selectbox(key="event")),
        {"event": EVENT},
    ),
    ("days", DIPLOMACY, {"days": "30"}, lambda app: app.slider(key="days").value == 30, None),
    ("panel-code", BRIEFING, {"panel": "trend"}, lambda app: _panel_shown(app) == "Trend", None),
    (
        "panel-label",
        BRIEFING,
        {"panel": "Latest developments"},
        lambda app: _panel_shown(app) == "Latest developments",
        {"panel": "latest"},
    ),
    ("every-number", BRIEFING, {"every": "15"}, lambda app: _shown(app.selectbox(key="every")) == "every 15 s", None),
    (
        "every-label",
        BRIEFING,
        {"every": "every 15 s"},  # what the README's link used to need
        lambda app: _shown(app.selectbox(key="every")) == "every 15 s",
        {"every": "15"},
    ),
    ("table-code", DATA, {"table": "diplomacy"}, lambda app: "track" in app.dataframe[1].value.columns, None),
    (
        "table-label",
        DATA,
        {"table": "diplomacy.csv"},
        lambda app: "track" in app.dataframe[1].value.columns,
        {"table": "diplomacy"},
    ),
    (
        "coverage_tracker",
        DATA,
        {"coverage_tracker": "CRSS"},
        lambda app: _shown(app.selectbox(key="coverage_tracker")) == "CRSS",
        None,
    ),
]


@pytest.mark.parametrize(("page", "query", "reads", "written"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_a_link_opens_the_view_it_names_and_the_page_writes_codes_back(page, query, reads, written):
    app, notices = open_link(page, query)
    assert reads(app), _texts(app)
    assert [n for n in notices if "in the link" in n or "The link's" in n] == []
    assert app.query_params == (query if written is None else written)


def test_the_events_parameter_says_an_upload_is_not_in_this_session():
    _, notices = open_link(MAP, {"events": "upload"})
    assert any("Uploads stay in the browser session that made them" in notice for notice in notices)


@pytest.mark.parametrize(
    ("page", "query", "notice"),
    [
        (MAP, {"type": ["xyz", "airstrike"]}, "Unknown type 'xyz' in the link, ignored."),
        (MAP, {"incident": "no-such-incident"}, "The link's incident 'no-such-incident' is not on this page, ignored."),
        (MAP, {"view": "atlantis"}, "Unknown map view 'atlantis' in the link, ignored."),
        (TRENDS, {"year": "1990"}, "The link's year '1990' is not on this page, ignored."),
        (DIPLOMACY, {"track": "summit"}, "Unknown track 'summit' in the link, ignored."),
        (BRIEFING, {"panel": "slides"}, "Unknown panel 'slides' in the link, ignored."),
        (DATA, {"table": "secrets"}, "The link's table 'secrets' is not on this page, ignored."),
    ],
    ids=["type", "incident", "view", "year", "track", "panel", "table"],
)
def test_an_unknown_value_in_a_link_is_named_on_the_page_and_left_out_of_the_link(page, query, notice):
    app, notices = open_link(page, query)
    assert notice in notices
    key = next(iter(query))
    kept = [value for value in query[key] if value == "airstrike"] if isinstance(query[key], list) else []
    assert app.query_params.get(key) == (kept[0] if kept else None)


def _notices(app: AppTest) -> list[str]:
    return [_plain(w.value) for w in app.warning]


@pytest.mark.parametrize(
    ("query", "widget", "notice", "change"),
    [
        (
            {"type": ["xyz", "airstrike"]},
            "multiselect",
            "Unknown type 'xyz' in the link, ignored.",
            ["airstrike", "ied_bombing"],
        ),
        (
            {"from": "2019-05-01"},
            "date_input",
            "The link's 'From' date, 1 May 2019, is outside the data (1 Jan 2024 – 8 Apr 2026): showing 1 Jan 2024.",
            dt.date(2024, 2, 1),
        ),
        ({"view": "atlantis"}, "selectbox", "Unknown map view 'atlantis' in the link, ignored.", "kp_tribal"),
    ],
    ids=["type", "from", "view"],
)
def test_a_links_notice_stays_while_the_view_it_explains_stands(query, widget, notice, change):
    """The notice used to go at the next click anywhere, leaving the link's view unexplained; it now goes
    when the person changes what it is about (or opens a link naming it again)."""
    key = next(iter(query))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params.update(query)
    app.run()
    app.switch_page(MAP).run()
    assert notice in _notices(app)
    app.segmented_control(key="mode").set_value("hexagons").run()  # another click on the page
    assert notice in _notices(app)
    if key != "view":  # a sidebar filter's notice is on every page; the map view is the map page's own
        app.switch_page(DATA).run()
        assert notice in _notices(app)
        app.switch_page(MAP).run()
    getattr(app, widget)(key=key).set_value(change).run()
    assert not app.exception, [e.value for e in app.exception]
    assert notice not in _notices(app)
