"""Exported files open, carry their sources, and say what they show: tracker, layer, region, periods, data date."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from components.charts import comparison_chart, cumulative_chart
from components.dataset import load_dataset
from components.dates import format_day
from components.export import (
    MAX_SOURCES,
    PAGE,
    ExportContext,
    briefing_figure,
    briefing_file,
    chart_png,
    chart_svg,
    comparison_context,
    export_file_name,
    kpi_card,
    periods_label,
    source_names,
)
from components.paths import BUNDLED_DATA_DIR
from components.trends import KpiRow, compare, compare_years, kpis, periods
from components.ui.timeline import timeline_figure
from tests.synthetic import many_events

A4_POINTS = (842, 595)
A4_ASPECT = A4_POINTS[0] / A4_POINTS[1]


def test_chart_exports_open(synthetic_dir):
    figures = load_dataset(synthetic_dir).figures
    comparison = compare_years(periods(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", "month"), 2025)
    chart = comparison_chart(comparison, "Attacks")
    image = Image.open(io.BytesIO(chart_png(chart)))
    assert image.width > 400
    svg = chart_svg(chart)
    assert svg.startswith("<svg")
    assert "Attacks per month, 2025 vs 2024" in svg


def svg_lines(svg: str) -> list[str]:
    """Every line of text the SVG draws (a multi-line title is one <text> with a <tspan> per line)."""
    texts = [
        element.text for element in ET.fromstring(svg).iter() if element.tag.rsplit("}", 1)[-1] in ("text", "tspan")
    ]
    return [text for text in texts if text]


@pytest.fixture(scope="module")
def balochistan():
    """Real figures: PICSS deaths in Balochistan, 2025 against 2024, and the context an export of them carries."""
    data = load_dataset(BUNDLED_DATA_DIR)
    rows = periods(data.figures, "PICSS", "militant_attacks", "Balochistan", "deaths_total", "month")
    comparison = compare(data.figures, "PICSS", "militant_attacks", "Balochistan", "deaths_total", 2025, 2024)
    sources = source_names(rows, (2024, 2025))
    context = comparison_context(comparison, "PICSS", "militant_attacks", "Balochistan", sources, data.data_as_of)
    return data, comparison, context


def test_chart_exports_print_their_context_under_their_own_title(balochistan):
    data, comparison, context = balochistan
    as_of = f"Data as of {format_day(data.data_as_of)} · Durand Line Monitor"
    charts = {
        "single": (comparison_chart(comparison, "Deaths"), "Deaths per month, 2025 vs 2024"),
        "layered": (cumulative_chart(comparison, "Deaths"), "Cumulative deaths, 2025 vs 2024"),
        # No title of its own: the first context line becomes the title (Vega draws no subtitle without one).
        "concatenated": (
            timeline_figure(data, data.diplomacy_events, data.events, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            None,
        ),
    }
    for kind, (chart, title) in charts.items():
        lines = svg_lines(chart_svg(chart, context))
        if title:
            assert title in lines, kind
        assert "PICSS, militant attacks only · Balochistan" in lines, kind
        assert f"Periods: {context.periods}" in lines, kind
        assert as_of in lines, kind
        sources_text = " ".join(line for line in lines if line.startswith("Sources:") or "Dawn" in line)
        assert "Dawn" in sources_text, kind
        assert Image.open(io.BytesIO(chart_png(chart, context))).width > 400, kind


def test_periods_say_the_like_for_like_window_and_what_else_is_shown():
    series = pd.DataFrame(
        {"year": [2024] * 12 + [2025] * 11, "slot": [*range(1, 13), *range(1, 12)], "value": [10.0] * 23}
    )
    assert periods_label(compare_years(series, 2025, 2024)) == "Jan–Nov 2025 vs Jan–Nov 2024"
    gaps = series[~((series["year"] == 2024) & series["slot"].isin([3, 4]))]
    assert periods_label(compare_years(gaps, 2025, 2024)) == (
        "Jan–Feb, May–Nov 2025 vs Jan–Feb, May–Nov 2024 (Mar–Apr 2025 also shown)"
    )
    assert periods_label(compare_years(series[series["year"] == 2024], 2025, 2024)) == (
        "2025 (nothing published) (no period of 2024 to compare)"
    )


CONTEXT = ExportContext(
    "PICSS",
    "militant attacks only",
    "Balochistan",
    "Jan–Nov 2025 vs Jan–Nov 2024",
    ("PICSS",),
    dt.date(2026, 4, 8),
    (2025, 2024),
)


def test_file_names_carry_subject_tracker_layer_region_years_and_data_date(balochistan):
    assert (
        export_file_name("deaths_total", CONTEXT, "png")
        == "deaths_total_picss-militant-attacks-only_balochistan_2025-vs-2024_data-2026-04-08.png"
    )
    _, _, context = balochistan
    assert "_balochistan_" in export_file_name("cumulative_deaths_total", context, "svg")
    odd = ExportContext("TRAC/../K", "a + b (combined)", "Peshāwar: <city>", "", (), None)
    name = export_file_name("x y", odd, "csv")
    assert name == "x-y_trac-k-a-b-combined_peshawar-city_data-date-unknown.csv"
    assert re.fullmatch(r"[a-z0-9_.-]+", name)


def test_kpi_cards_say_the_year_and_what_they_are_compared_with():
    card = pd.Series(
        {"label": "Attacks", "slots": tuple(range(1, 12)), "later": 1234.0, "earlier": 1073.0, "change_pct": 15.0}
    )
    row = KpiRow(pd.DataFrame([card]), "month", 2025, 2024, ())
    assert kpi_card(card, row) == ("Attacks, Jan–Nov 2025", "1,234", "+15% vs 1,073 in Jan–Nov 2024")
    zero = card.copy()
    zero[["earlier", "change_pct"]] = [0.0, None]
    assert kpi_card(zero, row) == ("Attacks, Jan–Nov 2025", "1,234", "+1,234 vs 0 in Jan–Nov 2024")  # in numbers


SOURCES = ("Synthetic test source: https://example.org/1", "Second synthetic source: https://example.org/2")


def briefing_inputs(folder, sources=SOURCES):
    data = load_dataset(folder)
    figures = data.figures
    comparison = compare_years(periods(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", "month"), 2025)
    context = comparison_context(comparison, "PICSS", "militant_attacks", "Pakistan", sources, data.data_as_of)
    cards = kpis(figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024)
    return cards, comparison, "A sentence.", data.events, data.geo, context


def briefing(file_format: str, folder, sources=SOURCES) -> bytes:
    return briefing_file(file_format, *briefing_inputs(folder, sources))


def test_briefing_png_has_the_a4_landscape_aspect(synthetic_dir):
    image = Image.open(io.BytesIO(briefing("png", synthetic_dir)))
    assert image.width / image.height == pytest.approx(A4_ASPECT, abs=0.005)
    assert image.width > 2000
    assert image.text["Source"] == "\n".join(SOURCES)
    assert image.text["Title"] == "Durand Line Monitor briefing, Data as of 15 Jan 2026"


def test_briefing_pdf_is_one_a4_landscape_page_with_its_context_kpis_sources_and_data_date(synthetic_dir):
    pdf = PdfReader(io.BytesIO(briefing("pdf", synthetic_dir)))
    assert len(pdf.pages) == 1
    page = pdf.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_POINTS, abs=1)
    text = " ".join(page.extract_text().split())
    assert "PICSS, militant attacks only · Pakistan · full year 2025 vs full year 2024 · Data as of 15 Jan 2026" in text
    cards = kpis(load_dataset(synthetic_dir).figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024)
    attacks = cards.cards.iloc[0]
    change = f"{attacks.change_pct:+.0f}% vs {attacks.earlier:,.0f} in full year 2024"
    assert f"Attacks, full year 2025 {attacks.later:,.0f} {change}" in text
    assert "Sources:" in text
    for source in SOURCES:
        assert source in text
    assert pdf.metadata.title == "Durand Line Monitor briefing, Data as of 15 Jan 2026"
    assert pdf.metadata.subject == "Sources: " + "; ".join(SOURCES)
    assert pdf.metadata["/Keywords"] == "data as of 2026-01-15"


def test_briefing_wraps_long_sources_rather_than_cutting_them(synthetic_dir):
    long_source = "Long source: https://example.org/" + "a-very-long-path-segment/" * 20
    text = PdfReader(io.BytesIO(briefing("pdf", synthetic_dir, (long_source, *SOURCES)))).pages[0].extract_text()
    assert long_source.replace(" ", "") in re.sub(r"\s", "", text)


def test_briefing_blocks_stay_on_the_page_and_apart(synthetic_dir):
    """Header, KPI cards, map (with legend), chart (with tick labels), sentence, sources and footer:
    each inside the page, none over another."""
    figure = briefing_figure(*briefing_inputs(synthetic_dir, SOURCES * 4))
    renderer = figure.canvas.get_renderer()
    assert tuple(figure.get_size_inches()) == PAGE
    boxes = [text.get_window_extent(renderer) for text in figure.texts]
    boxes += [axis.get_tightbbox(renderer) for axis in figure.axes]
    page = figure.bbox
    for box in boxes:
        assert page.x0 <= box.x0
        assert box.x1 <= page.x1
        assert page.y0 <= box.y0
        assert box.y1 <= page.y1
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second), (first, second)


def test_a_large_selection_is_counted_per_cell_on_the_briefing_map(synthetic_dir):
    """77,808 uploaded events took 22 s and made a 13.5 MB PDF when every event was plotted."""
    import time

    cards, comparison, sentence, _, geo, context = briefing_inputs(synthetic_dir)
    events = many_events(80_000, seed=3)
    start = time.perf_counter()
    pdf = briefing_file("pdf", cards, comparison, sentence, events, geo, context)
    assert time.perf_counter() - start < 10
    assert len(pdf) < 2_000_000
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "80,000 events in" in text


def test_the_one_page_briefing_cites_the_outlets_behind_its_own_figures_and_no_other():
    """It cited the last three outlets of the whole PICSS attack series (Arab News for January 2026, on no
    part of a 2025-vs-2024 page). Read off tracker_stats.csv: every PICSS outlet cited reports a figure of the
    measures and years the page shows, every month drawn has one of its outlets cited, every incident outlet
    is an account's in incidents.csv; the page says where the ones it has no room for are listed."""
    import csv

    from components.trends import HEADLINE, METRIC_LABELS, comparison_sentence
    from components.ui.panels import _briefing_context
    from components.vocabulary import SOURCE_KINDS
    from tests.test_reading_pages import shown_figures

    data = load_dataset(BUNDLED_DATA_DIR)
    tracker, series = HEADLINE
    view, comparison, context = _briefing_context(data, data.events, ())
    cards = kpis(data.figures, tracker, series, view.region, comparison.later, comparison.earlier)
    sentence = comparison_sentence(comparison, "Attacks", tracker, series, view.region)
    pdf = PdfReader(io.BytesIO(briefing_file("pdf", cards, comparison, sentence, data.events, data.geo, context)))
    text = " ".join(pdf.pages[0].extract_text().split())
    later, earlier = map(int, re.search(r"Attacks per month, (\d{4}) vs (\d{4})", text).groups())
    measures = {metric for metric, label in METRIC_LABELS.items() if f" {label}, " in f" {text}"}
    assert "attacks" in measures
    rows = [
        row
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"]) == (tracker, series, "month", "Pakistan")
        and int(row["period_start"][:4]) in (later, earlier)
    ]
    outlets = {row["source_name"] for row in rows if row["metric"] in measures}
    repost = f" ({SOURCE_KINDS.label('repost')})"
    cited = [source.removesuffix(repost) for source in pdf.metadata.subject.removeprefix("Sources: ").split("; ")]
    picss = [
        source.removeprefix(f"{tracker} figures as reported by ") for source in cited if source.startswith(tracker)
    ]
    assert picss
    assert set(picss) <= outlets, set(picss) - outlets
    assert len(picss) == len(set(picss))  # each outlet once
    for month in {row["period_start"] for row in rows if row["metric"] == "attacks"}:  # every bar drawn
        assert {row["source_name"] for row in rows if (row["period_start"], row["metric"]) == (month, "attacks")} & set(
            picss
        ), month
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        account_outlets = {row["source_name"] for row in csv.DictReader(handle)}
    incidents = [source for source in cited if not source.startswith(tracker)]
    assert incidents
    assert all(s.removeprefix("Incidents on the map as reported by ") in account_outlets for s in incidents)
    assert cited[0] in text
    assert f"{tracker} figures as reported by" in text
    left = len(cited) - MAX_SOURCES
    assert f"… and {left} more: every source is listed on the Durand Line Monitor's Data & sources page" in text


def test_the_one_page_trend_labels_a_month_with_no_figure_in_words_above_its_baseline():
    """The one-page briefing drew Dec 2024 (no figure in the file) as a tiny × at zero in 2024's pale colour,
    with no key: it read as a small value. It is now words standing where the bar would be, in dark type."""
    from components.palette import NEUTRAL
    from components.trends import NOT_FOUND
    from tests.colour_science import contrast

    figure = briefing_figure(*briefing_inputs(BUNDLED_DATA_DIR))
    renderer = figure.canvas.get_renderer()
    trend = next(axis for axis in figure.axes if axis.containers)  # the one with bars
    comparison = briefing_inputs(BUNDLED_DATA_DIR)[1]
    table = comparison.table
    expected = [
        f"{year}: {NOT_FOUND}"
        for column, year in (("earlier", comparison.earlier), ("later", comparison.later))
        for _ in table.index[table[f"{column}_note"] == NOT_FOUND]
    ]
    assert expected == [f"{comparison.earlier}: {NOT_FOUND}"]  # Dec 2024, the reviewer's month
    labels = [text for text in trend.texts if NOT_FOUND in text.get_text()]
    assert [text.get_text() for text in labels] == expected
    assert not trend.collections  # no marker at zero that reads as a value
    baseline = trend.transData.transform((0, 0))[1]
    top = trend.get_window_extent(renderer).y1
    for label in labels:
        box = label.get_window_extent(renderer)
        assert label.get_rotation() == 90
        assert baseline < box.y0  # above the axis line
        assert box.y1 <= top  # inside the chart, clear of its title
        assert contrast(label.get_color(), NEUTRAL["white"]) >= 4.5


def test_the_one_page_briefing_says_which_filters_its_map_follows():
    """A page drawn for Balochistan's suicide bombings named neither: forwarded, its map read as every incident
    and its tracker cards as the filtered type's."""
    import csv

    from components.export import with_filters
    from components.incidents import IncidentFilter
    from components.trends import HEADLINE, comparison_sentence
    from components.ui.panels import _briefing_context

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2025, 1, 1), dt.date(2025, 12, 31), ("Balochistan",), (), ("suicide_bombing",))
    events = selection.apply(data.events)
    tracker, series = HEADLINE
    view, comparison, context = _briefing_context(data, events, selection.provinces)
    context = with_filters(context, selection, len(events))
    cards = kpis(data.figures, tracker, series, view.region, comparison.later, comparison.earlier)
    sentence = comparison_sentence(comparison, "Attacks", tracker, series, view.region)
    pdf = PdfReader(io.BytesIO(briefing_file("pdf", cards, comparison, sentence, events, data.geo, context)))
    text = " ".join(pdf.pages[0].extract_text().split())
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        ids = {
            row["incident_id"]
            for row in csv.DictReader(handle)
            if row["event_type"] == "suicide_bombing"
            and row["date"].startswith("2025")
            and "Balochistan" in (row["province"], *row["provinces"].split("; "))
        }
    assert len(events) == len(ids)
    assert f"Map: {len(ids)} incidents, 1 Jan 2025–31 Dec 2025, Balochistan, all actors, Suicide bombing." in text
    assert "Tracker totals cover every attack type, in the months shown: the period and type filters do not" in text


@pytest.mark.parametrize("start", ["2026-03-17", "2026-03-01"])
def test_the_one_page_briefing_says_where_the_incidents_stop_when_its_period_runs_past_them(start):
    """A page for 17 Mar-8 Apr 2026 read "0 notable incidents and the Durand Line" over an empty map: forwarded,
    three calm weeks. The curated incidents are kept up to datapackage.json's incidents_to, as the pages say."""
    import json

    from components.data_age import Coverage
    from components.export import with_filters
    from components.incidents import IncidentFilter
    from components.ui.panels import _briefing_context

    data = load_dataset(BUNDLED_DATA_DIR)
    meta = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    kept_to, as_of = (dt.date.fromisoformat(meta[key]) for key in ("incidents_to", "data_as_of"))
    selection = IncidentFilter(dt.date.fromisoformat(start), as_of)
    events = selection.apply(data.events)
    _, comparison, context = _briefing_context(data, events, selection.provinces)
    context = with_filters(context, selection, len(events), Coverage(dt.date(2024, 1, 1), kept_to))
    pdf = PdfReader(io.BytesIO(briefing_file("pdf", None, comparison, "", events, data.geo, context)))
    text = " ".join(pdf.pages[0].extract_text().split())
    kept = f"the curated incidents are kept up to {kept_to.day} {kept_to:%b %Y}"
    past = (as_of - max(selection.start, kept_to + dt.timedelta(days=1))).days + 1
    if selection.start > kept_to:
        assert events.empty
        assert f"No incident data for this period: {kept}" in text
        assert "0 notable incidents" not in text
        assert "The whole period lies after that: no data, not a quiet spell." in text
        assert f"Map: no incident data for {selection.start.day} Mar 2026–" in text  # it read "Map: 0 incidents"
        assert "Map: 0 incidents" not in text
    else:
        assert f"{len(events)} notable incidents and the Durand Line; {kept}" in text
        days = (as_of - selection.start).days + 1
        assert f"{past} of the period's {days} days lie after that: no data, not a quiet spell." in text


def test_the_sources_side_by_side_export_says_where_which_year_whose_figures_and_how_fresh():
    """Its PNG read "Attacks in 2025: trackers side by side" and nothing else, its file name had no date."""
    from components.export import context_lines, side_by_side_context
    from components.trends import annual_side_by_side

    data = load_dataset(BUNDLED_DATA_DIR)
    side = annual_side_by_side(data.figures, 2025, "attacks")
    context = side_by_side_context(data.figures, side, "attacks", "Pakistan", 2025, data.data_as_of)
    lines = " ".join(context_lines(context))
    assert "· Pakistan" in lines
    assert "Periods: full year 2025" in lines
    assert f"Data as of {format_day(data.data_as_of)}" in lines
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        picss = {
            row["source_name"]
            for row in csv.DictReader(handle)
            if (row["tracker"], row["series"], row["period_type"], row["period_start"], row["metric"], row["region"])
            == ("PICSS", "militant_attacks", "year", "2025-01-01", "attacks", "Pakistan")
        }
    assert any(f"PICSS: {name}" in lines for name in picss)
    assert export_file_name("sources_attacks", context, "png").endswith(f"_pakistan_2025_data-{data.data_as_of}.png")


def test_an_exported_chart_the_page_sizes_to_its_column_gets_a_width_of_its_own():
    """The cumulative chart's PNG came out 230 px wide: its month labels ran together ("JanFebMar...")."""
    from components.export import EXPORT_WIDTH_PX

    data = load_dataset(BUNDLED_DATA_DIR)
    comparison = compare(data.figures, "PICSS", "militant_attacks", "Pakistan", "attacks", 2025, 2024, "month")
    svg = ET.fromstring(chart_svg(cumulative_chart(comparison, "Attacks"), CONTEXT))
    assert float(svg.get("width")) > EXPORT_WIDTH_PX
    assert Image.open(io.BytesIO(chart_png(cumulative_chart(comparison, "Attacks"), CONTEXT, scale=1))).width > 640


def test_the_briefing_and_deck_file_names_carry_the_filters_codes(downloads):
    """The one-page briefing and the slides were named for tracker, region, years and data date only: one
    made for the BLA's ambushes in Balochistan read, forwarded, as every incident's. Their names now end in
    the codes of the link's filters (the actor group's code, not the label the link gave) before the data
    date of the bundled datapackage.json."""
    import json

    from components.vocabulary import ACTOR_GROUPS, EVENT_TYPES
    from tests.test_reading_pages import open_page

    actor, kind = ACTOR_GROUPS.label("bla"), EVENT_TYPES.label("ambush")
    assert (actor, kind) == ("BLA (Balochistan Liberation Army)", "Ambush")  # labels in the link, codes in the name
    open_page("views/briefing/briefing.py", province="Balochistan", actor=actor, type=kind)
    as_of = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["data_as_of"]
    named = {
        re.sub(r"_\d{4}-vs-\d{4}_", "_YEARS_", name)
        for name in downloads
        if name.startswith(("durand-line-briefing", "briefing_deck"))
    }
    assert named == {
        f"{subject}_picss-militant-attacks-only_balochistan_YEARS_balochistan_bla_ambush_data-{as_of}.{extension}"
        for subject, extensions in (("durand-line-briefing", ("png", "pdf")), ("briefing_deck", ("pptx", "pdf")))
        for extension in extensions
    }


def test_a_filter_of_many_codes_is_named_by_their_count_and_no_filter_adds_nothing():
    from components.export import filter_codes
    from components.incidents import IncidentFilter
    from components.vocabulary import EVENT_TYPES

    day = dt.date(2025, 1, 1)
    types = EVENT_TYPES.codes[:5]
    assert filter_codes(IncidentFilter(day, day)) == ""
    assert filter_codes(IncidentFilter(day, day, ("Khyber Pakhtunkhwa", "Balochistan"), (), types)) == (
        "khyber-pakhtunkhwa.balochistan_5-types"
    )
    assert re.fullmatch(r"[a-z0-9_.-]+", filter_codes(IncidentFilter(day, day, ("Peshāwar: <x>",), ("ttp",))))


def test_the_one_page_trend_legend_covers_no_bar():
    """Balochistan's one-page briefing drew its 2024/2025 key over February 2024's bar (57 attacks)."""
    data = load_dataset(BUNDLED_DATA_DIR)
    comparison = compare(data.figures, "PICSS", "militant_attacks", "Balochistan", "attacks", 2025, 2024)
    context = comparison_context(comparison, "PICSS", "militant_attacks", "Balochistan", SOURCES, data.data_as_of)
    cards = kpis(data.figures, "PICSS", "militant_attacks", "Balochistan", 2025, 2024)
    figure = briefing_figure(cards, comparison, "A sentence.", data.events, data.geo, context)
    renderer = figure.canvas.get_renderer()
    trend = next(axis for axis in figure.axes if axis.containers)
    key = trend.get_legend().get_window_extent(renderer)
    bars = [bar.get_window_extent(renderer) for container in trend.containers for bar in container]
    assert max(bar.height for bar in bars) > 0
    assert not [bar for bar in bars if bar.overlaps(key)]
    assert not [text for text in trend.texts if text.get_window_extent(renderer).overlaps(key)]


def test_a_charts_csv_reads_alone_and_marks_a_restated_figure():
    """The Trends CSV of PICSS's combined deaths read only 'period,2024,2025,change,change %,note' /
    'Full year,1950,3413,1463,75,': no tracker, layer, region or source, and 1,950 (a restatement of 1,969)
    with an empty note. Each row now names them, and the note says which figure the tracker restated."""
    import csv as csv_module

    from components.charts import comparison_chart
    from components.export import numbers_with_context, title_text
    from components.textsafe import csv_bytes
    from components.trends import comparison_table

    data = load_dataset(BUNDLED_DATA_DIR)
    comparison = compare(data.figures, "PICSS", "combined", "Pakistan", "deaths_total", 2025, 2024, "year")
    sources = source_names(periods(data.figures, "PICSS", "combined", "Pakistan", "deaths_total", "year"), (2025, 2024))
    context = comparison_context(comparison, "PICSS", "combined", "Pakistan", sources, data.data_as_of)
    chart = comparison_chart(comparison, "Deaths", [], "deaths_total")
    written = csv_bytes(numbers_with_context(comparison_table(comparison), chart, context)).decode("utf-8-sig")
    (row,) = list(csv_module.DictReader(io.StringIO(written)))
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        stated = [
            r
            for r in csv_module.DictReader(handle)
            if (r["tracker"], r["series"], r["period_type"], r["period_start"], r["region"], r["metric"])
            == ("PICSS", "combined", "year", "2024-01-01", "Pakistan", "deaths_total")
        ]
    restated = next(r for r in stated if r["status"] == "restated")
    assert float(row["2024"]) == float(restated["value"])
    assert row["note"] == "2024: restated by the tracker"
    assert (row["tracker"], row["counting_layer"], row["region"]) == ("PICSS", context.layer, "Pakistan")
    assert row["data_as_of"] == data.data_as_of.isoformat()
    assert row["chart"] == title_text(chart)
    assert title_text(chart)
    assert sources
    assert row["sources"] == "; ".join(sources)


def test_the_one_page_briefing_says_why_its_tracker_figures_are_national_under_two_provinces():
    """Balochistan and Sindh selected: the page's cards and trend are PICSS's national figures (trackers' figures
    are not added across provinces) and nothing on the page said so; the slides say it (trends.other_region)."""
    from components.export import with_filters
    from components.incidents import IncidentFilter
    from components.trends import HEADLINE, comparison_sentence, headline
    from components.ui.panels import _briefing_context

    data = load_dataset(BUNDLED_DATA_DIR)
    selection = IncidentFilter(dt.date(2025, 1, 1), dt.date(2025, 12, 31), ("Balochistan", "Sindh"), (), ())
    events = selection.apply(data.events)
    view, comparison, context = _briefing_context(data, events, selection.provinces)
    assert view.region == "Pakistan"
    assert view.reason
    context = with_filters(context, selection, len(events), region_reason=view.reason)
    tracker, series = HEADLINE
    cards = kpis(data.figures, tracker, series, view.region, comparison.later, comparison.earlier)
    sentence = comparison_sentence(comparison, "Attacks", tracker, series, view.region)
    pdf = PdfReader(io.BytesIO(briefing_file("pdf", cards, comparison, sentence, events, data.geo, context)))
    text = " ".join(pdf.pages[0].extract_text().split())
    assert (
        f"Tracker figures: Pakistan (the sidebar's province filter, Balochistan and Sindh, does not apply: "
        f"{headline(data.figures, ('Balochistan', 'Sindh')).reason})." in text
    )
    alone = IncidentFilter(dt.date(2025, 1, 1), dt.date(2025, 12, 31), ("Balochistan",), (), ())
    own = _briefing_context(data, alone.apply(data.events), alone.provinces)[0]
    assert not own.reason  # a province PICSS publishes is followed: nothing to say
