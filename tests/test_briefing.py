"""Briefing mode: the slides a meeting room reads, checked against the data files, and the links that open them."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import random
import re
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.briefing_slides import (
    BRIEFING_FONT,
    DISAGREE_SHARE,
    _direction,
    briefing_slides,
    filters_sentence,
    map_slide,
)
from components.charts import HALO_PX
from components.dataset import load_dataset
from components.dates import format_day
from components.incidents import IncidentFilter
from components.palette import DARK_SLIDE
from components.paths import BUNDLED_DATA_DIR
from components.trends import SMALL_BASE
from components.vocabulary import BRIEFING_PANELS, SOURCE_KINDS
from tests.test_districts import accounts_by_incident
from tests.test_pages import static_table
from tests.test_reading_pages import open_page, shown_figures, window_slots

BRIEFING = "views/briefing/briefing.py"


def open_briefing(**params) -> AppTest:
    return open_page(BRIEFING, **params)


def slide_title(app: AppTest) -> str:
    return unescaped(app.get("title")[0].value)


def said(app: AppTest) -> list[str]:
    """Each text as a person reads it (the page escapes Markdown in text from the data)."""
    return [unescaped(m.value) for m in app.markdown]


def unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_the_headline_slide_states_the_attacks_change_the_file_gives_over_its_window():
    app = open_briefing(panel="kpis")
    source = next(line for line in said(app) if line.startswith("Source: PICSS monthly figures"))
    later, earlier, slots = attacks_window(source)
    totals = picss_attacks("Pakistan", slots, (later, earlier))
    change = (totals[later] - totals[earlier]) / totals[earlier] * 100
    direction = "up" if change > 0 else "down"
    assert slide_title(app).startswith(f"Attacks {direction} {abs(change):.0f}% in ")
    card = next(line for line in said(app) if line.startswith("Attacks, "))
    assert card.split("\n\n")[1] == f"{totals[later]:,.0f}"
    assert card.split("\n\n")[2] == f"{direction} {abs(change):.0f}% vs {totals[earlier]:,.0f} in {earlier}"


def attacks_window(source: str) -> tuple[int, int, set[int]]:
    """The years and months the attacks card counts, from a source line such as 'PICSS … · Attacks: Jan–Nov
    2025; other cards: Jan, May–Jun 2025; vs the same months of 2024 · …' (or 'Jan–Nov 2025 vs the same …')."""
    window = source.split(" · ")[1]
    attacks = window.split("; ")[0].removeprefix("Attacks: ").split(" vs ")[0]
    return int(attacks[-4:]), int(window[-4:]), window_slots(attacks, "month")


def picss_attacks(region: str, slots: set[int], years: tuple[int, ...]) -> dict[int, float]:
    """tracker_stats.csv's PICSS monthly attacks (every attack type: PICSS publishes no split) over `slots`."""
    totals = dict.fromkeys(years, 0.0)
    seen = set()
    for row in sorted(shown_figures(), key=lambda r: r["status"] != "restated"):  # a restatement wins
        key = (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
        month = (int(row["period_start"][:4]), int(row["period_start"][5:7]))
        wanted = key == ("PICSS", "militant_attacks", "month", region, "attacks") and month[0] in totals
        if wanted and month[1] in slots and month not in seen:
            totals[month[0]] += float(row["value"])
            seen.add(month)
    return totals


REVIEWER_LINK = {"province": "Balochistan", "type": "suicide_bombing", "from": "2025-01-01", "to": "2025-06-30"}


def test_tracker_totals_beside_a_type_filter_say_they_count_every_attack_type():
    """The reviewer's link: the slide read "Balochistan: attacks down 23%… 140 … 183" above "Filters:
    Balochistan; Suicide bombing; 1 Jan 2025 – 30 Jun 2025", as if suicide bombings were down 23%. The 140
    is PICSS's Balochistan attacks of every type over months outside that period; the source line now says so."""
    app = open_briefing(panel="kpis", **REVIEWER_LINK)
    source = next(line for line in said(app) if line.startswith("Source: PICSS monthly figures"))
    later, earlier, slots = attacks_window(source)
    totals = picss_attacks("Balochistan", slots, (later, earlier))
    card = next(line for line in said(app) if line.startswith("Attacks, "))
    assert card.split("\n\n")[1] == f"{totals[later]:,.0f}"
    assert "Filters: Balochistan; Suicide bombing; 1 Jan 2025 – 30 Jun 2025" in said(app)
    scope = "Tracker totals cover every attack type, in the months shown: the period and type filters do not apply"
    assert f" · {scope} to them · " in source
    trend = open_briefing(panel="trend", **REVIEWER_LINK)
    assert f" · {scope} to them · " in next(line for line in said(trend) if line.startswith("Source: PICSS"))
    assert " · Tracker totals cover the months shown: the period filter does not apply to them · " in next(
        line for line in said(open_briefing(panel="kpis")) if line.startswith("Source: PICSS")
    )


def test_each_tracker_slide_says_when_its_region_is_not_the_link_s_provinces_and_why():
    """Under "Filters: Balochistan; Sindh" the cards read "Attacks up 15% in Jan–Nov 2025 vs 2024": Pakistan's
    figures, as the Overview's caption says ("national totals: several provinces are selected ..."), which
    the slide did not. The cards, trend and timeline now say so in the Overview's words; the trackers'
    totals and the signals, national or of every region whatever the provinces, say that too."""
    two = {"province": ["Balochistan", "Sindh"]}
    app = open_briefing(panel="kpis", **two)
    source = next(line for line in said(app) if line.startswith("Source: PICSS monthly figures"))
    later, earlier, slots = attacks_window(source)
    totals = picss_attacks("Pakistan", slots, (later, earlier))
    card = next(line for line in said(app) if line.startswith("Attacks, "))
    assert card.split("\n\n")[1] == f"{totals[later]:,.0f}"  # the figures are Pakistan's, as before
    caption = next(unescaped(c.value) for c in open_page("views/overview/home.py", **two).caption if "Cards" in c.value)
    reason = caption.split("national totals: ")[1].split(". ")[0]
    assert reason == "several provinces are selected and tracker figures cannot be added across them"
    region = f"Pakistan (the sidebar's province filter, Balochistan and Sindh, does not apply: {reason})"
    assert source.startswith(f"Source: PICSS monthly figures (militant attacks only), {region} · ")
    for panel in ("trend", "timeline"):
        line = next(line for line in said(open_briefing(panel=panel, **two)) if line.startswith("Source: PICSS"))
        assert line.startswith(f"Source: PICSS monthly figures (militant attacks only), {region}"), panel
    assert "Source: PICSS monthly figures (militant attacks only), Balochistan · " in " ".join(
        said(open_briefing(panel="kpis", province="Balochistan"))
    )  # a province the tracker publishes is followed, and nothing more is said

    khyber = open_briefing(panel="signals", province="Khyber Pakhtunkhwa")
    listed = next(m.value for m in khyber.markdown if m.value.startswith("- ["))
    regions = dict.fromkeys(
        parse_qs(urlsplit(link).query)["region"][0] for link in re.findall(r"\]\(([^)]+)\)", listed)
    )
    assert "Khyber Pakhtunkhwa" not in regions
    every = "signals are read on every region a tracker publishes"
    assert (
        f" · {', '.join(regions)} (the sidebar's province filter, Khyber Pakhtunkhwa, does not apply: {every}) · "
        in next(line for line in said(khyber) if line.startswith("Source: "))
    )
    national = next(line for line in said(open_briefing(panel="disagree", province="Balochistan")) if "Annual" in line)
    assert national.startswith(
        "Source: Annual totals as each tracker published them, Pakistan (the sidebar's province filter, "
        "Balochistan, does not apply: the trackers' annual totals are compared for the whole country), "
    )


def test_the_disagreement_slide_names_the_lowest_and_highest_annual_tolls_in_the_file():
    app = open_briefing(panel="disagree")
    title = slide_title(app)
    # PIPS counts attacks only, CRSS operations too: a gap by design, which the title must not call a dispute.
    assert title.startswith("Trackers count differently on ")
    year = int(title.split(" on ")[1][:4])
    tolls = {
        row["tracker"]: float(row["value"])
        for row in shown_figures()
        if row["period_type"] == "year"
        and row["metric"] == "deaths_total"
        and row["region"] == "Pakistan"
        and row["period_start"].startswith(str(year))
    }
    low, high = min(tolls, key=tolls.get), max(tolls, key=tolls.get)
    assert f"{tolls[low]:,.0f} ({low}) to {tolls[high]:,.0f} ({high})" in title
    assert (tolls[high] - tolls[low]) / tolls[low] > DISAGREE_SHARE


def test_the_briefing_says_which_filters_of_the_link_apply():
    app = open_briefing(panel="trend", province="Balochistan", **{"from": "2025-01-01"})
    assert "Filters: Balochistan; 1 Jan 2025 – 8 Apr 2026" in said(app)
    assert slide_title(app).startswith("Balochistan: attacks ")  # tracker figures follow the one province


def test_the_map_slide_past_the_incidents_says_there_is_no_incident_data_not_zero():
    """A link to 17 Mar-8 Apr 2026 read '0 incidents, 0 killed' on a meeting-room screen; the curated incidents
    are kept up to 16 Mar 2026 (datapackage.json incidents_to)."""
    meta = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    kept_to = dt.date.fromisoformat(meta["incidents_to"])
    after = open_briefing(panel="map", **{"from": (kept_to + dt.timedelta(days=1)).isoformat()})
    day = f"{kept_to.day} {kept_to:%b %Y}"
    assert slide_title(after) == f"No incident data for this period: the curated incidents are kept up to {day}"
    across = open_briefing(panel="map", **{"from": "2026-01-01"})
    assert slide_title(across).endswith(f"; the curated incidents are kept up to {day}")
    within = open_briefing(panel="map", **{"from": "2025-01-01", "to": "2025-12-31"})
    assert "kept up to" not in slide_title(within)


def test_the_timeline_slide_draws_the_deaths_of_the_province_the_link_names():
    """Under 'Filters: Balochistan' the slide read 'Deaths in militant attacks peaked at 228 in Mar 2025':
    Pakistan's figure, which a room took for Balochistan's."""
    app = open_briefing(panel="timeline", province="Balochistan", **{"from": "2024-01-01", "to": "2025-12-31"})
    months = {
        row["period_start"][:7]: float(row["value"])
        for row in shown_figures()
        if (row["tracker"], row["series"], row["region"], row["metric"], row["period_type"])
        == ("PICSS", "militant_attacks", "Balochistan", "deaths_total", "month")
        and "2024" <= row["period_start"][:4] <= "2025"
    }
    worst = max(months, key=months.get)
    title = slide_title(app)
    assert title.startswith(f"Balochistan: deaths in militant attacks peaked at {months[worst]:,.0f} in ")
    assert f"(of {len(months)} months with a figure" in title
    several = open_briefing(panel="timeline", province=["Balochistan", "Sindh"], **{"from": "2025-01-01"})
    assert slide_title(several).startswith("Pakistan: deaths in militant attacks ")


@pytest.mark.parametrize(
    ("asked", "code"),
    [("trend", "trend"), ("TREND", "trend"), ("Latest developments", "latest"), ("Signals", "signals")],
)
def test_a_link_opens_its_panel_by_code_or_by_the_label_older_links_carry(asked, code):
    app = open_briefing(panel=asked)
    assert app.query_params["panel"] == code
    shown = [b.label for b in app.button if (b.key or "").startswith("panel-") and b.proto.type == "primary"]
    assert len(shown) == 1  # the slide shown is marked in the panel list
    assert shown[0].endswith(f". {BRIEFING_PANELS.label(code)}")


def test_next_moves_to_the_following_panel_and_the_link_follows():
    app = open_briefing(panel="kpis")
    next(b for b in app.button if b.label == "Next ▶").click().run()
    assert app.query_params["panel"] == "trend"
    assert slide_title(app).startswith("Attacks ")
    previous = next(b for b in app.button if b.label == "◀ Previous")
    previous.click().run()
    previous = next(b for b in app.button if b.label == "◀ Previous")
    previous.click().run()  # wraps round to the last slide
    assert app.query_params["panel"] == "signals"


def test_slides_come_in_the_declared_order_each_with_a_finding_and_a_dated_source(synthetic_dir):
    data = load_dataset(synthetic_dir)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    slides = briefing_slides(data, selection.apply(data.events), selection)
    codes = [slide.code for slide in slides]
    assert codes == [code for code in BRIEFING_PANELS if code in codes]
    assert {"kpis", "trend", "map", "timeline", "latest", "crossings"} <= set(codes)
    as_of = f"{data.data_as_of.day} {data.data_as_of:%b %Y}"
    for slide in slides:
        assert slide.title
        assert not {"None", "nan"} & set(slide.title.split()), slide.title
        assert as_of in slide.source_line, slide.code
    by_code = {slide.code: slide for slide in slides}
    assert by_code["map"].chart is None  # the screen draws the map itself
    for slide in slides:
        if slide.chart is not None:
            config = slide.chart.to_dict()["config"]
            assert config["axis"]["labelFontSize"] >= BRIEFING_FONT
            assert config["legend"]["labelFontSize"] >= BRIEFING_FONT


def test_the_disagreement_slide_appears_only_past_the_stated_share(synthetic_dir):
    data = load_dataset(synthetic_dir)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    annual = data["tracker_stats"].assign(
        period_type="year", metric="deaths_total", region="Pakistan", status="published"
    )
    annual = annual.head(2).assign(period_start=pd.Timestamp("2025-01-01"), period_end=pd.Timestamp("2025-12-31"))
    for second, shown in ((100 * (1 + DISAGREE_SHARE) - 1, False), (100 * (1 + DISAGREE_SHARE) + 1, True)):
        rows = annual.assign(value=[100, second], tracker=["PIPS", "CRSS"], series=["terrorist_attacks", "terrorism"])
        stats = dataclasses.replace(data.tables["tracker_stats"], frame=rows)
        changed = dataclasses.replace(data, tables={**data.tables, "tracker_stats": stats})
        codes = [slide.code for slide in briefing_slides(changed, data.events.head(0), selection)]
        assert ("disagree" in codes) is shown, second


def test_the_filters_sentence_lists_what_narrows_the_slides():
    selection = IncidentFilter(dt.date(2025, 1, 1), dt.date(2026, 4, 8), ("Balochistan",), ("bla",), ("ambush",))
    assert filters_sentence(selection) == (
        "Filters: Balochistan; BLA (Balochistan Liberation Army); Ambush; 1 Jan 2025 – 8 Apr 2026"
    )


def test_the_same_slides_can_be_taken_away_as_powerpoint_and_pdf():
    """The panel list offers the deck beside the one-page briefing, named for what and when."""
    app = open_briefing()
    labels = {button.proto.label for button in app.get("download_button")}
    assert {"Slides (PowerPoint)", "Slides (PDF)"} <= labels, sorted(labels)


def test_the_deck_takes_the_slides_the_screen_shows(tmp_path):
    from pptx import Presentation

    from components.deck import MapInputs, deck_pptx
    from components.export import deck_file_name
    from components.ui.panels import _briefing_context

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of, (), (), ())
    events = data.events[selection.mask(data.events).to_numpy()]
    slides = briefing_slides(data, events, selection)
    _, _, context = _briefing_context(data, events, ())
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck_pptx(slides, context, MapInputs(events, data.geo, data["towns"])))
    deck = Presentation(str(path))
    assert [s.shapes.title.text for s in deck.slides] == [slide.title for slide in slides]
    assert len(deck.core_properties.subject) <= 255
    assert re.fullmatch(r"briefing_deck_.+_data-2026-04-08\.pptx", deck_file_name(context, "pptx"))


def test_each_signal_on_screen_links_to_the_trends_chart_of_its_series():
    from urllib.parse import parse_qs, urlsplit

    from components.signals import signals

    found = signals(load_dataset(BUNDLED_DATA_DIR).figures)
    app = open_briefing(panel="signals")
    listed = next(m.value for m in app.markdown if m.value.startswith("- ["))
    links = re.findall(r"\]\(([^)]+)\)", listed)
    assert len(links) == len(found) == listed.count("\n") + 1  # one link per signal line
    for link, signal in zip(links, found, strict=True):
        parts = urlsplit(link)
        assert parts.path == "trends"
        query = parse_qs(parts.query)
        assert query["source"] == [f"{signal.tracker}:{signal.series}"]  # codes, not labels
        assert query["region"] == [signal.region]
        assert query["metric"] == [signal.metric]


def test_the_map_slide_labels_places_in_slide_type_inside_its_design_size():
    from components.briefing_slides import MAP_DESIGN_PX, briefing_map_view
    from components.map_labels import LABEL_PX, pixels, screen
    from components.map_layers import label_layer

    data = load_dataset(BUNDLED_DATA_DIR)
    focus = data.geo["countries"].query("role == 'focus'")
    view = briefing_map_view(tuple(focus.total_bounds))
    layer = label_layer(data["crossings"], data["towns"], view, BRIEFING_FONT, (MAP_DESIGN_PX,))
    assert layer.get_size == BRIEFING_FONT > LABEL_PX  # slide type, 24 px or more on a 1920 x 1080 screen
    assert {"Quetta", "Peshawar", "Kabul"} & {label["text"] for label in layer.data}
    frame = screen(view.lat, view.lon, view.zoom, MAP_DESIGN_PX)
    west, south, east, north = focus.total_bounds
    for lon, lat in ((west, south), (east, north)):  # both countries are on the slide
        x, y = pixels(lon, lat, view.zoom)
        assert frame.left <= x <= frame.right
        assert frame.top <= y <= frame.bottom


def test_the_map_slide_legend_lists_only_the_incident_types_on_the_map():
    app = open_briefing(panel="map")
    legend = " ".join(element.body for element in app.get("html"))
    assert "Bombing" in legend
    assert "Armed clash" not in legend
    past = open_briefing(panel="map", **{"from": "2026-03-20"})  # after the incidents' last day: no data
    legend = " ".join(element.body for element in past.get("html"))
    assert "<b>Incidents:</b><span>no data for this period</span><b>Crossings:</b>" in legend
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        days = {row["date"] for row in csv.DictReader(handle)}
    quiet = next(day for day in pd.date_range("2025-01-01", "2025-12-31").strftime("%Y-%m-%d") if day not in days)
    empty = open_briefing(panel="map", **{"from": quiet, "to": quiet})  # a covered day with no incident
    legend = " ".join(element.body for element in empty.get("html"))
    assert "<b>Incidents:</b><span>none in the period</span><b>Crossings:</b>" in legend


def test_a_dark_slide_draws_its_chart_in_light_type_and_a_light_slide_in_dark():
    """The chart spec is made once per slide and theme (store.derived): the light slide after the dark one must
    not get the dark one's spec, nor the other way round."""
    import json

    from components.palette import DARK_SLIDE

    light = DARK_SLIDE["ink"]

    def axis_label_colour(app: AppTest) -> str | None:
        (chart,) = app.get("vega_lite_chart")
        return json.loads(chart.proto.spec).get("config", {}).get("axis", {}).get("labelColor")

    assert axis_label_colour(open_briefing(panel="trend", theme="dark")) == light
    assert axis_label_colour(open_briefing(panel="trend")) != light
    assert axis_label_colour(open_briefing(panel="trend", theme="dark")) == light


def test_the_timeline_slide_ticks_days_over_a_short_period_and_months_over_years():
    """Over eleven days the slide's axis read "Oct 2025" under every tick; it now names the days."""
    from components.dates import VEGA_DAY_MONTH

    data = load_dataset(BUNDLED_DATA_DIR)

    def axes(selection: IncidentFilter) -> list[dict]:
        slides = briefing_slides(data, selection.apply(data.events), selection)
        spec = next(slide for slide in slides if slide.code == "timeline").chart.to_dict()
        found = []

        def walk(part):
            if isinstance(part, dict):
                if isinstance(part.get("axis"), dict) and "values" in part["axis"]:
                    found.append(part["axis"])
                for value in part.values():
                    walk(value)
            elif isinstance(part, list):
                for value in part:
                    walk(value)

        walk(spec)
        return found

    (days,) = axes(IncidentFilter(dt.date(2025, 10, 10), dt.date(2025, 10, 20)))
    assert days["format"] == VEGA_DAY_MONTH
    assert [(tick["month"], tick["date"]) for tick in days["values"]] == [(10, day) for day in range(10, 21)]
    (months,) = axes(IncidentFilter(dt.date(2024, 1, 1), dt.date(2026, 4, 8)))
    assert months["format"] == "%b %Y"
    assert {tick["date"] for tick in months["values"]} == {1}


def test_the_map_slide_adds_up_only_the_tolls_stated_and_says_whose():
    """It read "144 incidents, 778 killed (lowest stated figure)" with about half the incidents stating no
    total counted as 0. Read off incidents.csv: an incident's lowest stated total (a final official total
    replacing the first-day and running counts), and how many incidents state none."""
    from tests.test_districts import stated_totals

    accounts = accounts_by_incident()
    tolls = [stated_totals(rows) for rows in accounts.values()]
    killed, stating = sum(min(t) for t in tolls if t), sum(1 for t in tolls if t)
    assert stating < len(tolls)
    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    (slide,) = [s for s in briefing_slides(data, selection.apply(data.events), selection) if s.code == "map"]
    assert slide.title == f"{len(tolls)} incidents; {killed} killed in the {stating} that state a toll (lowest figure)"


INCIDENT_LINE = re.compile(r"(?P<day>\d{1,2} \w{3} \d{4}) · (?P<kind>[^:]+?) in (?P<where>.+): (?P<toll>[^:]+)")


REPOST = f" ({SOURCE_KINDS.label('repost')})"
CREDIT = re.compile(r"(?P<figure>[\d,]+) per (?P<who>.+?) in (?P<outlet>.+?)(?:; (?=[\d,]+ per )|$)")


def credited(who: str) -> list[tuple[str, str, str]]:
    """'143 per press report in Dazzling Dawn; 408 per ...' as (figure, account, outlet) as the file writes them."""
    return [
        (m["figure"].replace(",", ""), m["who"], m["outlet"].removesuffix(REPOST))
        for m in CREDIT.finditer(who.removeprefix("per "))
    ]


def test_each_toll_on_the_latest_slide_is_credited_to_a_source_stating_it():
    """The Kabul rehab-centre strike: 408 is the Afghan Taliban government's figure (its `account`), carried by
    Vancouver Courier (AFP); 143 a press report's in Dazzling Dawn. The line read '408 per Vancouver Courier
    (AFP)', crediting a party's claim to the outlet that printed it."""
    app = open_briefing(panel="latest")
    lines = [line.removeprefix("- ") for text in said(app) for line in text.splitlines() if line.startswith("- ")]
    omid = next(line for line in lines if "Omid" in line)
    rows = accounts_by_incident()["20260316-kabul-omid-rehab-centre-strike"]
    killed = [int(row["killed_total"]) for row in rows if row["killed_total"]]
    low, high = (next(row for row in rows if row["killed_total"] == str(f)) for f in (min(killed), max(killed)))
    assert (low["account"], high["account"]) == ("press report", "Afghan Taliban government")
    assert omid.endswith(
        f": {low['killed_total']}–{high['killed_total']} killed ({low['killed_total']} per press report in "
        f"{low['source_name']}; {high['killed_total']} per Afghan Taliban government in {high['source_name']})"
    )
    accounts = accounts_by_incident()
    incidents = [match for line in lines if (match := INCIDENT_LINE.fullmatch(line))]
    assert incidents, lines
    for match in incidents:
        where = [part.strip() for part in match["where"].split(",")]
        assert len(where) == len(set(where)), f"a place named twice: {match['where']}"
        rows = next(
            rows
            for rows in accounts.values()
            if format_day(dt.date.fromisoformat(rows[0]["date"])) == match["day"]
            and match["where"].startswith(rows[0]["place"])
        )
        stated = {(row["killed_total"], row["account"], row["source_name"]) for row in rows}
        credits = re.fullmatch(r"(?P<range>[\d,–]+) killed \((?P<who>.+)\)", match["toll"])
        if credits is None:  # the event's own source, a repost saying so (outlets.csv)
            assert match["toll"] == f"toll not stated ({cited_as_registered(rows[0])})"
            assert not any(row["killed_total"] for row in rows)
            continue
        figures = credits["range"].replace(",", "").split("–")
        pairs = credited(credits["who"])
        if len(figures) == 1:
            pairs = [(figures[0], *pair[1:]) for pair in credited(f"{figures[0]} {credits['who']}")]
        assert [figure for figure, *_ in pairs] == figures, match["toll"]
        for triple in pairs:
            assert triple in stated, f"{triple[1]} in {triple[2]} does not state {triple[0]}: {match[0]}"
        killed = [int(row["killed_total"]) for row in rows if row["killed_total"]]
        assert [int(figures[0]), int(figures[-1])] == [min(killed), max(killed)]


def test_every_curated_toll_names_only_sources_that_state_its_figures():
    """Every incident, not only the newest: the first account (the event's own source) need not state the
    lowest figure (Geo News gives none for the 15 Oct 2025 strikes on Kandahar and Kabul; Nukta gives 5).
    Each figure names who states it (the `account` column) and the outlet that carried it."""
    from components.briefing_slides import incident_toll
    from components.paths import BUNDLED_DATA_DIR

    data = load_dataset(BUNDLED_DATA_DIR)
    accounts = accounts_by_incident()
    tolls = {}
    for event in data.events.itertuples(index=False):
        toll, links = incident_toll(event, data["incidents"])
        tolls[event.incident_id] = toll
        rows = accounts[event.incident_id]
        stated = {(row["killed_total"], row["account"], row["source_name"]) for row in rows}
        credits = re.fullmatch(r"([\d,–]+) killed \((.+)\)", toll)
        pairs = []
        if credits and "–" not in credits[1]:
            pairs = credited(f"{credits[1]} {credits[2]}")
        elif credits:
            pairs = credited(credits[2])
        assert pairs or toll.startswith("toll not stated") or toll.endswith(" accounts)"), toll
        for triple in pairs:
            assert triple in stated, f"{event.incident_id}: {triple[1]} in {triple[2]} does not state {triple[0]}"
        assert set(links) <= {row["source_url"] for row in rows}
    assert tolls["20251015-pakistani-strikes-kandahar-kabul"] == "5 killed (per press report in Nukta)"
    noshki = accounts["20250316-noshki-fc-convoy-attack"]
    five, eleven = (next(row for row in noshki if row["killed_total"] == figure) for figure in ("5", "11"))
    assert tolls["20250316-noshki-fc-convoy-attack"] == (
        f"5–11 killed (5 per {five['account']} in {five['source_name']}; "
        f"11 per {eleven['account']} in {eleven['source_name']})"
    )


def test_an_imported_events_range_is_its_one_source_s():
    """An imported file's event (UCDP gives a low and a high estimate) is not a curated incident: its range
    is credited to the file's one source, whatever curated accounts hold."""
    from components.briefing_slides import incident_toll
    from components.paths import BUNDLED_DATA_DIR

    accounts = load_dataset(BUNDLED_DATA_DIR)["incidents"]
    event = pd.DataFrame(
        {
            "incident_id": ["20260316-kabul-omid-rehab-centre-strike"],  # the same id, another file's event
            "killed_low": [3],
            "killed_high": [7],
            "source_name": ["UCDP GED"],
            "source_url": ["https://ucdp.uu.se/"],
        }
    )
    (row,) = event.itertuples(index=False)
    assert incident_toll(row, accounts) == ("3–7 killed (UCDP GED)", ("https://ucdp.uu.se/",))


def test_a_toll_over_999_reads_with_a_thousands_separator_on_the_slide_and_on_the_map_alike():
    """The slide wrote its own range ('1,234–2,000') beside figure_range, which the map's tooltip and the
    incident details use ('1234–2000'): one way of writing a toll now serves all three."""
    from components.briefing_slides import incident_toll
    from components.incidents import figure_range

    rng = random.Random(20261201)
    low = rng.randint(1_000, 9_999)
    high = low + rng.randint(1, 9_999)
    event = pd.DataFrame(
        {
            "incident_id": ["20991231-synthetic-event"],
            "killed_low": [float(low)],  # killed columns are floats: a toll may be missing
            "killed_high": [float(high)],
            "source_name": ["Synthetic test source"],
            "source_url": ["https://example.org/synthetic"],
        }
    )
    (row,) = event.itertuples(index=False)
    written = f"{low // 1000},{low % 1000:03d}–{high // 1000},{high % 1000:03d}"
    assert figure_range(row.killed_low, row.killed_high) == written
    toll, _ = incident_toll(row, load_dataset(BUNDLED_DATA_DIR)["incidents"])
    assert toll == f"{written} killed (Synthetic test source)"


def test_a_figure_no_single_account_states_is_credited_to_none():
    from components.briefing_slides import incident_toll
    from components.paths import BUNDLED_DATA_DIR

    data = load_dataset(BUNDLED_DATA_DIR)
    event = data.events.set_index("incident_id").loc["20260316-kabul-omid-rehab-centre-strike"]
    (row,) = pd.DataFrame([event.rename(None)]).assign(killed_low=150, incident_id=event.name).itertuples(index=False)
    toll, links = incident_toll(row, data["incidents"])
    assert toll == "150–408 killed (3 accounts)"  # the Taliban's, the UN's and Pakistan's (no figure)
    assert set(links) == {row["source_url"] for row in accounts_by_incident()[event.name]}


def test_the_crossings_slide_says_each_status_as_last_reported_with_every_start_its_sources_give():
    """Checked by hand against crossing_status.csv and data/research-notes/unchecked_rows_2026-12-01.md. The
    slide said "closed on 8 Apr 2026", but no row was published after 18 Feb 2026 (Khaama Press's repost of an
    Express Tribune story), so the count is as last reported. The closure of every crossing was "since 10 Oct
    2025" on that retrospective account alone: the accounts written in October date it 11 Oct (The Express
    Tribune and three others) or, at Ghulam Khan, 12 Oct (Wesal), and all of them are shown. Torkham is
    restricted since 1 Nov (Dawn), last reported by AP's UN-cargo row of 5 Dec; Chaman shut again on 6 Dec
    (its Tribune row is undated), last reported by the all-crossings row of 18 Feb. The source of a start is
    the best-sourced of its accounts (a major outlet before a repost): it was Khaama's repost, dated the
    first day, while The Express Tribune's account of the same closure was in the file; a repost that is
    still the latest report says it is one (outlets.csv)."""
    from components.paths import BUNDLED_DATA_DIR

    app = open_briefing(panel="crossings")
    assert slide_title(app) == (
        "9 of 10 border crossings closed as last reported, in force on 8 Apr 2026 (the period's end); "
        "latest report 18 Feb 2026"
    )
    (table,) = app.get("table")
    shown = static_table(table).reset_index()
    assert list(shown.columns) == ["Crossing", "Status", "Since", "Source", "Last reported"]
    tribune, khaama_feb = "The Express Tribune", "18 Feb 2026, Khaama Press (via 103news) (repost on an unrelated site)"
    assert [tuple(row) for row in shown.itertuples(index=False)] == [
        ("Torkham", "Restricted", "1 Nov 2025", "Dawn", "5 Dec 2025, The Navhind Times (AP)"),
        (
            "Chaman–Spin Boldak (Wesh–Chaman, Friendship Gate)",
            "Closed",
            "6 Dec 2025",
            "The Express Tribune",
            khaama_feb,
        ),
        ("Ghulam Khan", "Closed", "10, 11 or 12 Oct 2025", tribune, khaama_feb),
        *[
            (name, "Closed", "10 or 11 Oct 2025", tribune, khaama_feb)
            for name in (
                "Angoor Adda (Angur Ada)",
                "Kharlachi",
                "Badini (Badinai)",
                "Nawa Pass",
                "Gursal (Gorsal)",
                "Arandu",
                "Bin Shahi",
            )
        ],
    ]
    with (BUNDLED_DATA_DIR / "crossings.csv").open(encoding="utf-8", newline="") as handle:
        ids = {row["name"]: row["crossing_id"] for row in csv.DictReader(handle)}
    with (BUNDLED_DATA_DIR / "crossing_status.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (BUNDLED_DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        kinds = {row["domain"]: row["kind"] for row in csv.DictReader(handle)}
    order = ["tracker_site", "major_outlet", "other_outlet", "repost"]

    def kind(row: dict) -> str:
        return kinds[urlsplit(row["source_url"]).hostname.removeprefix("www.")]

    def named(row: dict) -> str:
        return row["source_name"] + (" (repost on an unrelated site)" if kind(row) == "repost" else "")

    assert max(row["source_published"] for row in rows) == "2026-02-18"  # the title's latest report
    for name, status, since, source, reported in shown.itertuples(index=False):
        of_status = [
            row for row in rows if row["crossing_id"] in (ids[name], "all") and row["status"] == status.lower()
        ]
        days = _days_said(since)
        window = {(days[0] + dt.timedelta(days=n)).isoformat() for n in range(3)}  # SAME_START_DAYS
        assert {day.isoformat() for day in days} == {row["start_date"] for row in of_status} & window, name
        accounts = [row for row in of_status if row["start_date"] in window]
        best = min(order.index(kind(row)) for row in accounts)
        assert any(order.index(kind(row)) == best and named(row) == source for row in accounts), name
        in_run = [row for row in of_status if not row["end_date"] or row["end_date"] >= days[0].isoformat()]
        latest = max(row["source_published"] for row in in_run if row["source_published"])
        published, by = reported.split(", ", 1)
        assert dt.datetime.strptime(published, "%d %b %Y").date().isoformat() == latest, name
        assert any(row["source_published"] == latest and named(row) == by for row in in_run), name


def test_the_crossings_slide_gives_each_status_in_force_on_the_period_s_end_as_the_map_does():
    """The link's period is the first half of 2025, and the slide said "9 of 10 border crossings closed as
    last reported (latest report 18 Feb 2026)", since 10 or 11 Oct 2025: the closures of the October after it,
    while the Overview's map of the same link drew Torkham and Kharlachi open and Ghulam Khan closed. Each
    status is now the one crossing_status.csv puts in force on 30 Jun 2025 (the period started last wins)."""
    app = open_briefing(panel="crossings", **FIRST_HALF_2025)
    (table,) = app.get("table")
    shown = dict(static_table(table).reset_index()[["Crossing", "Status"]].itertuples(index=False))
    expected = {name: status.capitalize() for name, status in statuses_in_file("2025-06-30").items()}
    assert shown == expected
    assert (shown["Torkham"], shown["Kharlachi"], shown["Ghulam Khan"]) == ("Open", "Open", "Closed")
    unknown = sum(status == "Unknown" for status in expected.values())
    overview = open_page("views/overview/home.py", **FIRST_HALF_2025)
    key = next(unescaped(c.value) for c in overview.caption if c.value.startswith("In force on ")).split(". ")[0]
    assert key == "In force on 30 Jun 2025 (the period's end); latest report 29 Jun 2025"
    assert slide_title(app) == (
        f"{unknown} of {len(expected)} border crossings have no recorded status {key[0].lower()}{key[1:]}"
    )


def test_the_map_slide_draws_each_gate_as_in_force_on_the_period_s_end():
    """The map slide drew the gates as on the data date, every one closed since October 2025, for a link of
    the first half of 2025 whose crossings slide says Torkham and Kharlachi were open; it now draws the status
    crossing_status.csv puts in force on the period's end, as the Map page does, and says which day."""
    app = open_briefing(panel="map", **FIRST_HALF_2025)
    source = next(line for line in said(app) if line.startswith("Source: "))
    assert " · crossings in force on 30 Jun 2025 (the period's end); approximate position: " in source
    deck = json.loads(app.get("deck_gl_json_chart")[0].proto.json)
    (gates,) = [layer for group in deck["layers"] for layer in group if layer["id"] == "crossings"]
    drawn = {gate["title"].removesuffix(" crossing"): gate["line1"].split()[1] for gate in gates["data"]}
    expected = statuses_in_file("2025-06-30")
    assert drawn == {name: expected[name] for name in drawn}
    assert (drawn["Torkham"], drawn["Kharlachi"]) == ("open", "open")


FIRST_HALF_2025 = {"from": "2025-01-01", "to": "2025-06-30"}
BALOCHISTAN_WINTER = {"province": "Balochistan", "from": "2025-10-01", "to": "2026-03-31"}


def crossings_in_file(province: str) -> dict[str, dict[str, str]]:
    """crossings.csv's rows by name whose Pakistani side is in `province`."""
    with (BUNDLED_DATA_DIR / "crossings.csv").open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row for row in csv.DictReader(handle) if row["pk_province"] == province}


def test_under_a_province_the_crossings_slide_lists_and_counts_its_crossings_alone():
    """Under "Filters: Balochistan" the slide listed all 10 crossings, "9 of 10 border crossings closed", 8 of
    them in Khyber Pakhtunkhwa. It now lists the crossings crossings.csv puts in Balochistan, each with the
    status crossing_status.csv puts in force on the period's end (the rows for all crossings apply to them:
    Badini has no row of its own), and the title counts them."""
    app = open_briefing(panel="crossings", **BALOCHISTAN_WINTER)
    (table,) = app.get("table")
    shown = dict(static_table(table).reset_index()[["Crossing", "Status"]].itertuples(index=False))
    in_file = statuses_in_file("2026-03-31")
    expected = {name: in_file[name].capitalize() for name in crossings_in_file("Balochistan")}
    assert shown == expected
    assert shown["Badini (Badinai)"] == "Closed"
    closed = sum(status == "Closed" for status in expected.values())
    assert slide_title(app).startswith(
        f"{closed} of {len(expected)} border crossings in Balochistan closed as last reported, in force on 31 Mar 2026"
    )


def test_a_province_without_a_crossing_says_so_on_the_slide_the_map_and_its_key():
    """Punjab has no crossing in crossings.csv: the slide says so in words, not with an empty table, and the
    Map page draws no gate and its key says why."""
    with (BUNDLED_DATA_DIR / "crossings.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sides = list(dict.fromkeys(row["pk_province"] for row in rows))
    assert "Punjab" not in sides
    app = open_briefing(panel="crossings", province="Punjab")
    assert not app.get("table")
    assert slide_title(app) == f"No border crossing in Punjab: the {len(rows)} listed are in {' and '.join(sides)}"
    page = open_page("views/map/map.py", province="Punjab")
    deck = json.loads(page.get("deck_gl_json_chart")[0].proto.json)
    assert [
        gate for group in deck["layers"] for layer in group if layer["id"] == "crossings" for gate in layer["data"]
    ] == []
    assert any(unescaped(c.value).startswith("No border crossing in Punjab: ") for c in page.caption)


def test_under_a_province_the_map_draws_and_keys_its_crossings_alone():
    """/map?province=Balochistan drew all 8 located gates, 6 in Khyber Pakhtunkhwa, under a caption saying the
    page follows the filters. It now draws the located crossings crossings.csv puts in Balochistan, each with
    the status in force on the period's end, and the key says which crossings it draws."""
    page = open_page("views/map/map.py", **BALOCHISTAN_WINTER)
    deck = json.loads(page.get("deck_gl_json_chart")[0].proto.json)
    (gates,) = [layer for group in deck["layers"] for layer in group if layer["id"] == "crossings"]
    drawn = {gate["title"].removesuffix(" crossing"): gate["line1"].split()[1] for gate in gates["data"]}
    in_file = statuses_in_file("2026-03-31")
    located = {name for name, row in crossings_in_file("Balochistan").items() if row["lat"] and row["lon"]}
    assert drawn == {name: in_file[name] for name in located}
    key = next(unescaped(c.value) for c in page.caption if "In force on " in c.value)
    assert key.startswith(
        f"The {len(crossings_in_file('Balochistan'))} crossings in Balochistan. In force on 31 Mar 2026"
    )


def statuses_in_file(day: str) -> dict[str, str]:
    """Each crossing's status on `day` (ISO) by crossing_status.csv's rows: among the rows covering it, for the
    crossing or all, the one that started last (the later row on a tie); 'unknown' where none does."""
    with (BUNDLED_DATA_DIR / "crossings.csv").open(encoding="utf-8", newline="") as handle:
        ids = {row["name"]: row["crossing_id"] for row in csv.DictReader(handle)}
    with (BUNDLED_DATA_DIR / "crossing_status.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    statuses = {}
    for name, crossing in ids.items():
        covering = [
            row
            for row in rows
            if row["crossing_id"] in (crossing, "all")
            and row["start_date"] <= day
            and (not row["end_date"] or row["end_date"] >= day)
        ]
        first = max((row["start_date"] for row in covering), default=None)
        statuses[name] = [row for row in covering if row["start_date"] == first][-1]["status"] if first else "unknown"
    return statuses


def _days_said(text: str) -> list[dt.date]:
    """The days of "10, 11 or 12 Oct 2025" or "1 Nov 2025"."""
    days, month = re.fullmatch(r"([\d, or]+) ([A-Z][a-z]{2} \d{4})", text).groups()
    return [dt.datetime.strptime(f"{day} {month}", "%d %b %Y").date() for day in re.findall(r"\d+", days)]


def test_the_timeline_slide_says_months_after_the_last_figure_were_not_found_not_unpublished():
    """It read 'no monthly deaths published after Oct 2025'; coverage_notes.csv declares those months not found
    (searched for), not unpublished, and Apr 2026 was not over on the data date."""
    app = open_briefing(panel="timeline")
    source = next(line for line in said(app) if line.startswith("Source: PICSS monthly figures"))
    months = [
        row["period_start"][:7]
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
        == ("PICSS", "militant_attacks", "month", "Pakistan", "deaths_total")
    ]
    last = dt.date.fromisoformat(max(months) + "-01")
    title = slide_title(app)
    # Said once, in the title (the footer said it again in other words); neither calls the months unpublished.
    assert f"no figure found after {last:%b %Y} in this data set" in title
    assert f"after {last:%b %Y}" not in source
    assert "published" not in source.replace("monthly figures", "") + title
    empty = open_briefing(panel="timeline", **{"from": "2026-01-01"})  # no month of the period has a figure
    empty_source = next(line for line in said(empty) if line.startswith("Source: PICSS monthly figures"))
    assert "no monthly deaths figure found in this data set for" in slide_title(empty)
    assert f"monthly deaths: no figure found after {last:%b %Y} in this data set" in empty_source
    with (BUNDLED_DATA_DIR / "coverage_notes.csv").open(encoding="utf-8", newline="") as handle:
        declared = {
            row["state"]
            for row in csv.DictReader(handle)
            if row["tracker"] == "PICSS"
            and row["period_type"] == "month"
            and row["series"] in ("*", "militant_attacks")
            and row["region"] in ("*", "Pakistan")
            and row["period_start"] > max(months)
        }
    assert declared == {"not_found"}


def test_each_median_signal_line_says_how_many_published_months_the_median_rests_on():
    """The rules said 'the sentence says how many' months were published, but the lines on screen read only
    'Pakistan deaths 61% above the 12-month median' (9 of the 12 months before it published)."""
    from urllib.parse import parse_qs, urlsplit

    app = open_briefing(panel="signals")
    listed = next(m.value for m in app.markdown if m.value.startswith("- ["))
    lines = re.findall(r"^- \[(.+)\]\(([^)]+)\)$", listed, flags=re.MULTILINE)
    medians = [(text, link) for text, link in unescaped_lines(lines) if "-month median" in text]
    assert medians, listed
    for text, link in medians:
        query = parse_qs(urlsplit(link).query)
        tracker, series = query["source"][0].split(":")
        month = pd.Period(text.split(" · ")[1], "M")
        published = {
            pd.Period(row["period_start"][:7], "M")
            for row in shown_figures()
            if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
            == (tracker, series, "month", query["region"][0], query["metric"][0])
        }
        count = len([m for m in published if month - 12 <= m < month])
        assert f"the 12-month median ({count} of 12 months found) · " in text, text


def unescaped_lines(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(unescaped(text), link) for text, link in lines]


def test_the_slide_of_trackers_counting_differently_is_not_named_like_the_figures_sources_disagree_on():
    """Slide 7 was 'Sources disagree', Trends' table 'Figures the sources disagree on': one name for trackers that
    count differently and for conflicting statements of one figure. The link's code is unchanged."""
    app = open_briefing(panel="disagree")
    assert app.query_params["panel"] == "disagree"
    shown = [b.label for b in app.button if (b.key or "").startswith("panel-") and b.proto.type == "primary"]
    assert shown == [f"{BRIEFING_PANELS.codes.index('disagree') + 1}. Trackers' totals differ"]
    assert not [b.label for b in app.button if "disagree" in b.label.lower()]
    assert slide_title(app).startswith("Trackers count differently on ")


def test_the_timeline_slide_says_inside_the_chart_where_the_monthly_figures_stop():
    """Across a room the blank months after the last figure read as a lull; the source line saying so is
    small print. The empty stretch carries the words, with the last month that has a figure."""
    from components.trends import monthly_on_calendar
    from components.ui.timeline import VIOLENCE_SERIES

    data = load_dataset(BUNDLED_DATA_DIR)
    last = monthly_on_calendar(data.figures, *VIOLENCE_SERIES)["month_start"].max()
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    (slide,) = [s for s in briefing_slides(data, selection.apply(data.events), selection) if s.code == "timeline"]
    spec = slide.chart.to_dict()
    notes = [rows for rows in spec["datasets"].values() if rows and "text" in rows[0]]
    assert notes == [[{"middle": notes[0][0]["middle"], "text": f"no figure\nfound after\n{last:%b %Y}"}]]
    rim, words = spec["layer"][-1]["layer"]  # drawn last, over the events' rules
    assert words["mark"]["lineBreak"] == "\n"  # three short lines, inside the empty stretch
    assert pd.Timestamp(notes[0][0]["middle"]) > last
    assert words["mark"]["fontSize"] >= BRIEFING_FONT
    assert (rim["mark"]["stroke"], rim["mark"]["strokeWidth"]) == ("#FFFFFF", HALO_PX)  # paper round the letters


def test_the_timeline_slide_s_gap_words_stand_on_paper_over_the_events_rules():
    """The events' dark rules ran through "no figure found in this data set" (Feb and Apr 2025): the words are
    drawn after the rules on a rim of paper, white on the light slide and the dark paper on the dark one."""
    from components.ui.briefing import dark_spec, slide_chart

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    (slide,) = [s for s in briefing_slides(data, selection.apply(data.events), selection) if s.code == "timeline"]
    spec = slide.chart.to_dict()
    kinds = [layer.get("mark", {}).get("type") or "layer" for layer in spec["layer"]]
    gaps = spec["layer"][kinds.index("rule") + 1]  # right after the events' rules
    rim, words = gaps["layer"]
    months = {row["month_mid"][:7] for row in spec["datasets"][gaps["data"]["name"]]}
    assert {"2025-02", "2025-04"} <= months  # the months the rules ran through
    assert words["encoding"]["text"]["field"] == rim["encoding"]["text"]["field"] == "gap_label"
    assert "stroke" not in words["mark"]
    assert rim["mark"]["stroke"] == "#FFFFFF"
    dark = dark_spec(slide_chart(slide, "light").spec)
    dark_rim = next(part for layer in dark["layer"] for part in layer.get("layer", []) if "stroke" in part["mark"])
    assert dark_rim["mark"]["stroke"] == DARK_SLIDE["paper"]


def test_the_timeline_slide_says_a_month_the_period_cuts_is_drawn_whole():
    """Over 14-18 Oct 2025 the slide's October figure stands for the whole month; its source line and its title
    say so, with the file's October figure."""
    app = open_briefing(panel="timeline", **{"from": "2025-10-14", "to": "2025-10-18"})
    source = next(line for line in said(app) if line.startswith("Source: PICSS monthly figures"))
    assert "Oct 2025: the whole month's total; the period holds 5 of its 31 days" in source
    october = [
        row["value"]
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"], row["period_start"])
        == ("PICSS", "militant_attacks", "month", "Pakistan", "deaths_total", "2025-10-01")
    ]
    assert slide_title(app).startswith(
        f"Deaths in militant attacks: {float(october[0]):,.0f} in the whole of Oct 2025;"
    )


def test_the_timeline_slide_s_peak_is_of_the_months_with_a_figure():
    """Over Jan 2024-Apr 2026 eight months have no deaths figure: the peak is the highest of the other 20."""
    app = open_briefing(panel="timeline")
    months = {
        row["period_start"]: float(row["value"])
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
        == ("PICSS", "militant_attacks", "month", "Pakistan", "deaths_total")
    }
    peak = max(months, key=months.get)
    when = dt.date.fromisoformat(peak)
    assert slide_title(app).startswith(
        f"Deaths in militant attacks peaked at {months[peak]:,.0f} in {when:%b %Y} (of {len(months)} months with"
    )


def test_a_link_past_the_data_says_so_on_the_slide_not_zero_incidents():
    """/briefing?from=2026-06-01&to=2026-12-31 read "0 incidents, 0 killed" for "8 Apr 2026 – 8 Apr 2026", and
    the notice that the link's dates lie outside the data was in the sidebar, which Briefing hides."""
    import json

    as_of = dt.date.fromisoformat(json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text())["data_as_of"])
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        assert max(row["date"] for row in csv.DictReader(handle)) < "2026-06-01"
    past = f"The link's period runs past the data date ({format_day(as_of)}): this data set holds nothing after it"
    for panel in ("map", "latest", "timeline"):
        app = open_briefing(panel=panel, **{"from": "2026-06-01", "to": "2026-12-31"})
        assert slide_title(app) == past
        on_slide = [unescaped(w.value) for w in app.main.warning]
        assert any(w.startswith("The link's 'From' date, 1 Jun 2026, is outside the data") for w in on_slide)
        assert any(w.startswith("The link's 'To' date, 31 Dec 2026, is outside the data") for w in on_slide)
        assert any(w.endswith(f"showing {format_day(as_of)}.") for w in on_slide)
    assert slide_title(open_briefing(panel="map", **{"from": "2025-01-01", "to": "2026-12-31"})) != past


def gap_layers(spec: dict) -> list[tuple[dict, list[dict]]]:
    """Each layer of a chart that draws a period with no figure, with its rows."""
    found = []
    for layer in spec["layer"]:
        rows = spec["datasets"].get(layer.get("data", {}).get("name"), [])
        if any(format(row.get("note", "")) == "no figure found in this data set" for row in rows):
            found.append((layer, rows))
    return found


def cited_as_registered(row: dict) -> str:
    """A row's source name as a list should show it, worked out from outlets.csv here: a repost says so."""
    with (BUNDLED_DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        kinds = {outlet["domain"]: outlet["kind"] for outlet in csv.DictReader(handle)}
    repost = kinds[urlsplit(row["source_url"]).hostname.removeprefix("www.")] == "repost"
    return row["source_name"] + (" (repost on an unrelated site)" if repost else "")


def words_of(layer: dict) -> dict:
    """The words of a text layer, or of a text layer drawn over its rim of paper (charts.with_halo)."""
    return layer if "mark" in layer else next(part for part in layer["layer"] if "stroke" not in part["mark"])


def drawn_ink(mark: dict, config: dict) -> str:
    """The colour a mark is drawn in: its own, else the config's for its type, else Vega's default (black)."""
    return mark.get("color") or config.get(mark["type"], {}).get("color") or "#000000"


def test_a_month_with_no_figure_reads_as_words_above_the_axis_in_either_theme():
    """On the Trend and Diplomacy-and-violence slides a month with no figure was a cross at zero, cut in half by
    the x-axis, ~8 px in a pale year colour (dark purple on black with ?theme=dark), explained only in the footer:
    it read as a small value. It is now words standing where the bar would be, above the baseline, in the type's
    ink, saying what the gap is; the months are those with no figure in the file."""
    from components.palette import DARK_SLIDE, NEUTRAL
    from components.trends import NOT_FOUND
    from components.ui.briefing import dark_spec
    from tests.colour_science import contrast

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2024, 1, 1), data.data_as_of)
    slides = {s.code: s for s in briefing_slides(data, selection.apply(data.events), selection)}
    found = {
        row["period_start"][:7]
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"])
        == ("PICSS", "militant_attacks", "month", "Pakistan")
    }
    deaths = {
        row["period_start"][:7]
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
        == ("PICSS", "militant_attacks", "month", "Pakistan", "deaths_total")
    }
    between = [f"{m:%Y-%m}" for m in pd.date_range(min(deaths) + "-01", max(deaths) + "-01", freq="MS")]
    missing_deaths = [month for month in between if month not in deaths]
    assert missing_deaths == ["2024-12", "2025-02", "2025-04"]  # the months the reviewer saw cut by the axis
    assert "2024-12" not in found

    expected = {
        "trend": ["2024: no figure found"],  # the first words: the whole sentence ran past the plot's top
        "timeline": [NOT_FOUND] * len(missing_deaths),
    }
    for code, labels in expected.items():
        spec = slides[code].chart.to_dict()
        ((outer, rows),) = gap_layers(spec)
        layer = words_of(outer)
        mark = layer["mark"]
        assert mark["type"] == "text", code  # words, not a bar-like symbol
        assert [row["gap_label"] for row in rows] == labels
        if code == "timeline":
            assert [pd.Timestamp(row["month_mid"]).strftime("%Y-%m") for row in rows] == missing_deaths
        # Read upward from above the baseline: the axis line never cuts them, and nothing clips them.
        assert layer["encoding"]["y"]["field"] == "zero"
        assert {row["zero"] for row in rows} == {0}
        assert (mark["angle"], mark["align"], mark.get("clip", False)) == (270, "left", False)
        assert mark["dx"] > 0
        assert spec["config"]["text"]["fontSize"] >= BRIEFING_FONT
        at = spec["layer"].index(outer)
        for paper, drawn in ((NEUTRAL["white"], spec), (DARK_SLIDE["paper"], dark_spec(spec))):
            assert contrast(drawn_ink(words_of(drawn["layer"][at])["mark"], drawn["config"]), paper) >= 4.5
    assert "✚" not in slides["trend"].source_line + slides["timeline"].source_line


def test_a_one_month_timeline_states_the_month_s_figure_and_draws_its_days_and_events():
    """Over 1-31 Oct 2025 the title read "peaked at 109 in Oct 2025 (of 1 month with a figure)", one bar filled
    the whole plot and the month's nine diplomatic events were drawn behind it. The title now gives the month's
    figure; the month is a level across its days with its figure written on the chart, and the events are drawn
    over it."""
    from components.palette import DIPLOMACY_INK

    data = load_dataset(BUNDLED_DATA_DIR)
    october = [
        float(row["value"])
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"], row["period_start"])
        == ("PICSS", "militant_attacks", "month", "Pakistan", "deaths_total", "2025-10-01")
    ]
    with (BUNDLED_DATA_DIR / "diplomacy.csv").open(encoding="utf-8", newline="") as handle:
        talks = {
            row["event_id"]
            for row in csv.DictReader(handle)
            if row["date_start"] <= "2025-10-31" and (row["date_end"] or row["date_start"]) >= "2025-10-01"
        }
    selection = IncidentFilter(dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    (slide,) = [s for s in briefing_slides(data, selection.apply(data.events), selection) if s.code == "timeline"]
    assert slide.title == (
        f"Deaths in militant attacks: {october[0]:,.0f} in Oct 2025; {len(talks)} diplomatic events in the period"
    )
    spec = slide.chart.to_dict()

    def rows(part: dict, layer: dict) -> list[dict]:
        return spec["datasets"][part.get("data", layer.get("data"))["name"]]

    flat = [(part, rows(part, layer)) for layer in spec["layer"] for part in layer.get("layer", [layer])]
    assert not [part for part, _ in flat if part["mark"]["type"] == "bar"]  # no bar fills the plot
    (level,) = [i for i, (part, _) in enumerate(flat) if part["mark"]["type"] == "rule" and "x2" in part["encoding"]]
    assert flat[level][1][0]["value"] == october[0]
    assert flat[level][0]["encoding"]["y"]["field"] == "value"  # a level at the figure, not a block down to 0
    assert "y2" not in flat[level][0]["encoding"]
    words = [row["label"] for part, found in flat if part["mark"]["type"] == "text" for row in found if "label" in row]
    assert words == [f"Oct 2025: {october[0]:,.0f} in the whole month"]
    (events,) = [i for i, (part, _) in enumerate(flat) if part["encoding"].get("color", {}).get("field") == "kind"]
    assert events > level  # drawn over the month
    assert len(flat[events][1]) == len(talks) == 9
    assert flat[events][0]["encoding"]["color"]["scale"]["range"] == [DIPLOMACY_INK]
    texts = [i for i, (part, found) in enumerate(flat) if part["mark"]["type"] == "text" and found]
    (said,) = [i for i in texts if "label" in flat[i][1][0]]
    assert said > events  # the month's words over the events' rules
    assert flat[level][0]["encoding"]["y"]["scale"]["domainMax"] > october[0]  # not a line along the plot's edge


def test_the_timeline_title_says_where_its_series_stops_when_other_layers_run_on():
    """The title read "Deaths in militant attacks peaked at 228 in Mar 2025" over Jan 2024-Apr 2026, though that
    series (trends.HEADLINE, the cards' and trend's) has no figure after Oct 2025 and the file holds PICSS's
    combined count for later, war months: only the footer said the series stopped. The title says it now."""
    from components.trends import HEADLINE, NATIONAL
    from components.ui.timeline import VIOLENCE_SERIES

    assert (*HEADLINE, NATIONAL, "deaths_total") == VIOLENCE_SERIES  # the declared rule: the headline series
    months = {
        series: {
            row["period_start"][:7]
            for row in shown_figures()
            if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
            == ("PICSS", series, "month", "Pakistan", "deaths_total")
        }
        for series in ("militant_attacks", "combined")
    }
    last = dt.date.fromisoformat(max(months["militant_attacks"]) + "-01")
    assert max(months["combined"]) > f"{last:%Y-%m}"  # later months exist in another counting layer
    stops = f"no figure found after {last:%b %Y} in this data set"
    title = slide_title(open_briefing(panel="timeline"))
    assert f"(of {len(months['militant_attacks'])} months with a figure; {stops}); " in title
    one = slide_title(open_briefing(panel="timeline", **{"from": f"{last:%Y-%m}-01", "to": "2026-01-31"}))
    assert one.startswith("Deaths in militant attacks: ")
    assert f" in {last:%b %Y} ({stops}); " in one
    # A period the series covers says nothing of where it stops.
    inside = slide_title(open_briefing(panel="timeline", **{"from": "2025-01-01", "to": f"{last:%Y-%m}-28"}))
    assert "no figure found after" not in inside


@pytest.mark.parametrize(
    "window",
    [("2026-06-01", "2026-12-31"), ("2025-10-01", "2025-10-31"), ("2025-10-14", "2025-10-18"), ("2024-01-01", None)],
)
def test_every_slide_chart_is_valid_json_whatever_the_window(window):
    """A window past the data drew the Diplomacy-and-violence slide's chart with a y domain of NaN, which the
    browser's JSON parser refused: the slide showed a SyntaxError where the chart should be. Vega-Lite specs
    are parsed strictly in the browser, so NaN and Infinity must never reach one."""
    import json

    data = load_dataset(BUNDLED_DATA_DIR)
    start, end = window
    last = dt.date.fromisoformat(end) if end else data.data_as_of
    selection = IncidentFilter(min(dt.date.fromisoformat(start), data.data_as_of), min(last, data.data_as_of))

    def refuse(constant: str):
        raise ValueError(f"{constant} in a chart spec")

    for slide in briefing_slides(data, selection.apply(data.events), selection):
        if slide.chart is not None:
            json.loads(slide.chart.to_json(), parse_constant=refuse)


def test_a_slide_on_a_small_base_gives_the_change_in_numbers_as_the_cards_do():
    """Briefing for Sindh: PICSS's May 2025 3 attacks and 3 deaths against 4 and 2 in May 2024 read "down 25%"
    and "up 50%" on the headline slide while the Overview's cards gave "-1" and "+1" (trends.SMALL_BASE)."""
    sindh = ("PICSS", "militant_attacks", "month", "Sindh")
    value = {
        (row["metric"], row["period_start"][:4]): int(row["value"])
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"]) == sindh
        and row["period_start"][5:7] == "05"
    }
    assert value[("attacks", "2024")] < SMALL_BASE
    assert value[("deaths_total", "2024")] < SMALL_BASE
    app = open_briefing(panel="kpis", province="Sindh")
    shown = " ".join(unescaped(m.value) for m in app.main.markdown)
    for label, metric in (("Attacks", "attacks"), ("Deaths", "deaths_total")):
        later, earlier = value[(metric, "2025")], value[(metric, "2024")]
        words = f"{'up' if later > earlier else 'down'} {abs(later - earlier)}"
        assert f"{label}, May 2025\n\n{later}\n\n{words} vs {earlier} in 2024" in shown, label
    assert "%" not in slide_title(app)


def test_a_change_with_a_side_missing_is_not_called_no_change():
    assert _direction(10, 10) == "no change"
    assert _direction(None, 10) != "no change"
    assert _direction(10, float("nan")) != "no change"


def test_the_map_slide_past_an_imported_files_last_event_names_the_file_not_the_curated_incidents():
    """Where the events stop is said in one wording (data_age.events_end_words): for an imported file, its
    last event, not "the curated incidents are kept up to"."""
    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    none = data.events.iloc[0:0]
    imported = map_slide(none, selection, "as of", "Your file", events_end=dt.date(2025, 9, 4), imported=True)
    assert imported.title == "No incident data for this period: the imported file's events end on 4 Sep 2025"
    curated = map_slide(none, selection, "as of", "Curated", events_end=dt.date(2025, 9, 4))
    assert curated.title == "No incident data for this period: the curated incidents are kept up to 4 Sep 2025"


def test_the_map_slide_names_crossings_drawn_at_an_approximate_position_or_not_at_all():
    """Badini sits at Qila Saifullah, about 90 km from the line, with coord_precision "approximate": only the
    live map's tooltip said so; and two crossings with no coordinates are not drawn (review, 2 Dec 2026)."""
    with (BUNDLED_DATA_DIR / "crossings.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    approximate = [row["name"] for row in rows if row["coord_precision"] == "approximate"]
    unplaced = [row["name"] for row in rows if not row["lat"]]
    assert "Badini (Badinai)" in approximate
    assert unplaced
    source = next(line for line in said(open_briefing(panel="map")) if line.startswith("Source: "))
    assert f"approximate position: {', '.join(approximate)}; no position, not drawn: {', '.join(unplaced)}" in source


def test_the_latest_slide_names_every_province_of_an_incident_placed_in_several():
    """Under a Balochistan filter the 13 Mar 2026 drones on Quetta, Kohat and Rawalpindi read "…, Punjab": the
    filter kept it for Quetta, and the line named only its first province."""
    app = open_briefing(panel="latest", province="Balochistan")
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        several = {
            row["incident_id"]: row
            for row in csv.DictReader(handle)
            if row["multi_province"] == "true" and "Balochistan" in row["provinces"] and row["date"] >= "2026-03-01"
        }
    assert several
    lines = [line.removeprefix("- ") for text in said(app) for line in text.split("\n") if " in " in line]
    for row in several.values():
        provinces = ", ".join(name.strip() for name in row["provinces"].split(";"))
        shown = [line for line in lines if line.startswith(format_day(dt.date.fromisoformat(row["date"])))]
        assert any(f"({provinces}):" in line for line in shown), (row["incident_id"], shown)
