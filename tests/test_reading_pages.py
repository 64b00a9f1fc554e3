"""Reading tests: open pages on the bundled data and check the text a person reads against the data file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

from components.palette import HARM_FELL, HARM_ROSE
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.trends import CADENCES
from components.ui.widgets import CHANGE_COLOURS
from tests.test_pages import run_page

TRENDS = "views/trends/trends.py"
HARMS = (HARM_ROSE, HARM_FELL)


def open_page(page: str, **params) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def shown_figures() -> list[dict]:
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if r["status"] in ("published", "restated", "preliminary")]


def window_slots(heading: str, cadence: str) -> set[int]:
    """Periods named in a heading such as 'Jan, May–Jun, Aug–Sep 2025 against …'."""
    names = CADENCES[cadence]
    text = heading.strip("*").replace("\\", "").split("only ", 1)[-1].split(" 20")[0]
    slots: set[int] = set()
    for part in text.split(", "):
        first, _, last = part.partition("–")
        slots |= set(range(names.index(first) + 1, names.index(last or first) + 2))
    return slots


def heading_of(app: AppTest) -> str:
    return next(
        m.value for m in app.markdown if "against the same" in m.value or re.search(r"\*\*\d{4} against", m.value)
    )


@pytest.mark.parametrize(
    ("source", "cadence"),
    [
        ("PICSS:militant_attacks", "month"),
        ("PICSS:combined", "year"),  # its monthly layer shares too few months between years
        ("CRSS:overall_violence", "quarter"),
        ("PIPS:terrorist_attacks", "year"),
        ("GTI:gti", "year"),
    ],
)
def test_each_tracker_opens_on_a_pair_with_cards_and_no_na(source, cadence):
    app = open_page(TRENDS, source=source)
    selects = {s.label: s for s in app.selectbox}
    assert selects["Periods"].value == cadence
    later, earlier = selects["Year"].value, selects["Compared with"].value
    assert later > earlier
    assert app.metric, "headline cards are shown"
    for card in app.metric:
        assert card.value != "n/a"
        assert card.label.endswith(f" {later}") or card.label.endswith(f", {later}")
        assert card.delta is None or card.delta.endswith(f"vs {earlier}")
    assert not [i for i in app.info if "nothing to compare" in i.value]


def card_slots(label: str, heading: str, cadence: str) -> set[int]:
    """The periods a card counts, as a person reads them: its own label's span ('Attacks, Jan–Nov 2025'), else
    the heading above the cards ('… the other cards only Jan, May–Jun 2025 …' / 'Every card counts only …')."""
    span = label.rsplit(", ", 1)[1]
    if re.fullmatch(r"\d{4}", span):
        return set(range(1, len(CADENCES[cadence]) + 1))
    if " of " in span:  # '6 months of 2025': the heading names them
        return window_slots(heading, cadence)
    return window_slots(span, cadence)


def test_cards_sum_the_file_over_the_window_written_above_them():
    app = open_page(TRENDS, source="PICSS:militant_attacks")
    later, earlier = app.selectbox(key="year").value, app.selectbox(key="vs").value
    heading = heading_of(app)
    labels = {"Attacks": "attacks", "Deaths": "deaths_total", "Injured": "injured_total"}
    rows = shown_figures()
    for card in app.metric:
        name = card.label.rsplit(",", 1)[0]
        if name not in labels:
            continue
        slots = card_slots(card.label, heading, "month")
        values = {}
        for r in rows:
            if (r["tracker"], r["series"], r["period_type"], r["region"], r["metric"]) == (
                "PICSS",
                "militant_attacks",
                "month",
                "Pakistan",
                labels[name],
            ) and int(r["period_start"][5:7]) in slots:
                values[(r["period_start"], r["status"])] = float(r["value"])
        by_month: dict[str, float] = {}
        for (start, _status), value in sorted(values.items(), key=lambda item: item[0][1] != "restated"):
            by_month.setdefault(start, value)  # the restated value wins where both exist
        total = sum(v for s, v in by_month.items() if s.startswith(str(later)))
        assert card.value == f"{total:,.0f}", (name, heading)
        assert len([s for s in by_month if s.startswith(str(earlier))]) == len(slots)


def test_switching_tracker_never_lands_on_an_empty_pair():
    # A link made on PICSS monthly (2024 vs 2023) opened on PICSS combined, which has no 2023 months.
    app = open_page(TRENDS, source="PICSS:combined", year="2024", vs="2023")
    assert app.selectbox(key="vs").value != 2023
    assert app.metric
    assert all(m.value != "n/a" for m in app.metric)
    assert 2023 not in app.selectbox(key="year").options


def test_year_lists_offer_only_years_with_data():
    app = open_page(TRENDS, source="CRSS:overall_violence")
    assert app.selectbox(key="year").options == ["2025"]
    assert app.selectbox(key="vs").options == ["2024"]


def picss_national_attacks(period_start: str) -> list[dict]:
    return [
        r
        for r in shown_figures()
        if (r["tracker"], r["series"], r["region"], r["metric"], r["period_type"], r["period_start"])
        == ("PICSS", "militant_attacks", "Pakistan", "attacks", "month", period_start)
    ]


def test_a_month_with_no_figure_is_never_called_unpublished():
    """December 2024 is not in the file and data/coverage_notes.csv records a search that did not find it, not
    that PICSS did not publish it: the table and the sentences say only that this data set has no figure."""
    assert not picss_national_attacks("2024-12-01")
    assert picss_national_attacks("2025-12-01")
    trends = open_page(TRENDS, source="PICSS:militant_attacks", year="2025", vs="2024")
    table = trends.dataframe[0].value
    picss = {"tracker": "PICSS", "series": "militant_attacks", "region": "Pakistan", "metric": "attacks"}
    december = {row["status"] for row in file_rows(**picss, period_type="month", period_start="2025-12-01")}
    assert december == {"restated"}
    assert table[table["period"] == "Dec"].iloc[0]["note"] == (
        "2024: no figure found in this data set; 2025: restated by the tracker"
    )
    overview = open_page("views/overview/home.py")
    sentence = next(m.value for m in overview.markdown if "left out" in m.value).replace("\\", "")
    assert "Dec 2025 left out: this data set has no figure for it in 2024." in sentence
    for app in (trends, overview):
        shown = " ".join(e.value for e in [*app.markdown, *app.caption] if isinstance(e.value, str))
        assert "not published" not in shown
        assert "no published" not in shown.replace("\\", "")


def test_a_misattributed_figure_is_not_on_the_cards():
    # CRSS terror attacks 2024: 905 attacks / 1,177 deaths credited to CRSS are PICSS's.
    app = open_page(TRENDS, source="CRSS:terrorism", cadence="year")
    shown = {m.value for m in app.metric} | {t for i in app.info for t in re.findall(r"[\d,]+", i.value)}
    assert "905" not in shown
    assert "1,177" not in shown
    table = app.dataframe[0].value  # the figures CRSS published, listed because one year cannot be compared
    assert set(table["Value"]) == {909}
    assert "misattributed to this tracker" in table["Other values stated"].iloc[0]


def test_picss_august_2025_deaths_read_194_and_the_outlets_294_is_not_offered():
    """PakSouch's 294 added PICSS's combined-layer militants to its militant-attacks deaths (194): an outlet's
    error, which the Trends page once listed among the figures the sources disagree on."""
    app = open_page(TRENDS, source="PICSS:militant_attacks", cadence="month", metric="deaths_total", year="2025")
    table = app.dataframe[0].value
    assert table.loc[table["period"] == "Aug", "2025"].tolist() == [194]
    disputed = next(d.value for d in app.dataframe if "Charted" in d.value)
    august = disputed[
        (disputed["Tracker"] == "PICSS")
        & (disputed["Counting layer"] == "militant attacks only")
        & (disputed["Period"] == "Aug 2025")
        & (disputed["Measure"] == "Deaths")
    ]
    assert 294 not in set(august["Value"])
    assert "outlet's error, not the tracker's figure" not in set(disputed["Status"])


def test_the_data_page_lists_the_outlets_294_with_its_status_in_words():
    app = open_page("views/data/sources.py")
    app.selectbox(key="table").set_value("tracker_stats").run()
    assert not app.exception, [e.value for e in app.exception]
    rows = next(d.value for d in app.dataframe if "replaces" in d.value)
    assert len(rows) == len(list(csv.DictReader((BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8"))))
    paksouch = rows[(rows["source_name"] == "PakSouch") & (rows["value"] == 294)]
    assert paksouch["status"].tolist() == ["outlet's error, not the tracker's figure"]
    assert set(rows["status"]) == {
        "as published",
        "restated by the tracker",
        "preliminary",
        "misattributed to this tracker",
        "outlet's error, not the tracker's figure",
    }


def test_sources_side_by_side_opens_on_a_year_with_figures():
    app = open_page(TRENDS)
    assert not [i for i in app.info if "No tracker published" in i.value]
    year = app.selectbox(key="sources_year")
    assert year.value == year.options[0] if isinstance(year.options[0], int) else str(year.value) == year.options[0]


def test_overview_says_what_the_filters_do_and_follows_one_province():
    national = open_page("views/overview/home.py")
    note = next(c.value for c in national.caption if c.value.startswith("Cards and trend"))
    assert "national totals" in note
    assert (
        "Tracker totals cover every attack type and every actor group, in the months shown: the period, "
        "actor-group and type filters do not apply to them; the map and the lists follow every sidebar filter."
    ) in note.replace("\\", "")
    province = open_page("views/overview/home.py", province="Balochistan")
    note = next(c.value for c in province.caption if c.value.startswith("Cards and trend"))
    assert "Balochistan figures" in note
    assert [m.value for m in province.metric] != [m.value for m in national.metric]


LATEST_LINE = re.compile(r"^(\d{2} \w{3} \d{4}) · ")


@pytest.mark.parametrize(
    ("start", "end"), [("2026-03-20", "2026-03-30"), ("2025-06-01", "2025-06-30"), ("2024-01-01", "2024-03-31")]
)
def test_overview_latest_developments_stay_in_the_period(start, end):
    """An analyst set 20-30 Mar 2026 and read items of 2 Apr and 27 Feb: the list must follow the period,
    and say so when nothing falls in it."""
    app = open_page("views/overview/home.py", **{"from": start, "to": end})
    days = [
        dt.datetime.strptime(match.group(1), "%d %b %Y").date()
        for block in app.markdown
        if (match := LATEST_LINE.match(block.value))
    ]
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    with (BUNDLED_DATA_DIR / "diplomacy.csv").open(encoding="utf-8", newline="") as handle:
        talks_in = [  # a meeting running into the period is listed under its first day
            r for r in csv.DictReader(handle) if r["date_start"] <= end and (r["date_end"] or r["date_start"]) >= start
        ]
    began_before = {dt.date.fromisoformat(r["date_start"]) for r in talks_in}
    outside = [day for day in days if not first <= day <= last and day not in began_before]
    assert not outside, f"latest developments outside {start}..{end}: {outside}"
    if not days:
        assert not talks_in
        assert "Nothing recorded in this period." in [i.value for i in app.info]


def test_data_page_offers_the_displayed_figures():
    app = open_page("views/data/sources.py")
    assert "Figures the dashboard displays" in [h.value for h in app.header]


def test_what_each_tracker_counts_reads_in_words():
    """The table read 'tracker / series / counts' with layer codes such as 'militant_attacks'."""
    from components.trends import COUNTING_RULES

    app = open_page("views/data/sources.py")
    rules = next(d.value for d in app.dataframe if "What it counts" in d.value)
    assert list(rules.columns) == ["Tracker", "Counting layer", "What it counts"]
    assert list(rules["What it counts"]) == list(COUNTING_RULES.values())
    assert "attacks and security operations combined" in set(rules["Counting layer"])
    assert not set(rules["Counting layer"]) & {series for _, series in COUNTING_RULES}


def test_tables_show_dates_as_days_not_midnight_timestamps():
    """Tables showed "2024-01-08 00:00:00"; every date column is now configured as a day."""
    app = run_page("views/data/sources.py")
    incidents = next(d for d in app.dataframe if "incident_id" in d.value)
    config = json.loads(incidents.proto.columns)
    for column in ("date", "date_end"):
        assert config[column]["type_config"] == {"type": "date", "format": "D MMM YYYY"}


def test_a_link_reaching_past_the_data_says_where_it_was_cut():
    """?to=2026-12-31 was cut silently to the data date, and the page then read '1 Mar 2026–8 Apr 2026
    (period set in the sidebar)' though the viewer never set that end."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params.update({"from": "2026-03-01", "to": "2026-12-31"})
    app.run()  # the home page, as the link opens it
    warnings = [w.value for w in app.sidebar.warning]
    assert "The link's 'To' date, 31 Dec 2026, is outside the data (1 Jan 2024 – 8 Apr 2026): showing 8 Apr 2026." in (
        warnings
    ), warnings


def test_no_running_total_names_the_missing_months_not_the_published_ones():
    """Balochistan's notice read '2024 (Jan–Sep, Nov) or 2025 (Jan–Feb, May, Aug–Oct) has a gap': the months
    listed were the ones present."""
    app = open_page(TRENDS, region="Balochistan")
    notices = [info.value for info in app.info if info.value.startswith("No running total")]
    assert notices, [info.value for info in app.info]
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        months = {
            (row["period_start"][:4], int(row["period_start"][5:7]))
            for row in csv.DictReader(handle)
            if row["tracker"] == "PICSS"
            and row["series"] == "militant_attacks"
            and row["period_type"] == "month"
            and row["region"] == "Balochistan"
            and row["metric"] == "attacks"
            and row["status"] in ("published", "restated", "preliminary")
        }
    names = CADENCES["month"]
    body = notices[0].removeprefix("No running total: ").split(", and a running total")[0]
    listed = 0
    for part in re.split(r" and (?=20\d\d)", body):
        year, spans = re.fullmatch(r"(20\d\d) has no figure for (.+)", part).groups()
        for span in spans.split(", "):
            first, _, last = span.partition("–")
            for month in range(names.index(first) + 1, names.index(last or first) + 2):
                listed += 1
                assert (year, month) not in months, f"{names[month - 1]} {year} is published but listed as missing"
    assert listed


@pytest.mark.parametrize("page", [TRENDS, "views/overview/home.py"])
def test_a_change_badge_judges_only_a_rise_in_people_hurt(page):
    """'Militants killed +38%' in red read as a judgement (review of #19): that badge is grey. A rise in
    people hurt is the palette's magenta and a fall its dark green, never Streamlit's red and green, which a
    reader with a red-green deficiency cannot tell apart."""
    cards = {card.label.split(",")[0]: card for card in open_page(page).metric}
    colour = {name: card.proto.color for name, card in cards.items() if card.delta}
    grey, rose, fell = (Metric.MetricColor.Value(name.upper()) for name in ("gray", *map(CHANGE_COLOURS.get, HARMS)))
    assert colour["Militants killed"] == grey
    for name in ("Deaths", "Civilians killed", "Security forces killed"):
        assert colour[name] == (fell if cards[name].delta.startswith("-") else rose), name
    assert {rose, fell} <= set(colour.values()), "the bundled data have a rise and a fall in people hurt"
    assert not {Metric.MetricColor.RED, Metric.MetricColor.GREEN} & set(colour.values())


def file_rows(**key) -> list[dict]:
    """Rows of tracker_stats.csv that state a figure (published, restated, preliminary) matching `key`;
    `year` matches the period's first day."""
    year = key.pop("year", None)
    return [
        r
        for r in shown_figures()
        if all(r[k] == v for k, v in key.items()) and (year is None or r["period_start"].startswith(year))
    ]


def test_a_year_with_a_published_annual_total_does_not_say_there_is_none():
    """CRSS 2025: three quarters in the data and its annual report's total (3,417, News18 and PTI, 1 Jan 2026);
    the notice read 'no full-year total is shown'."""
    app = open_page(TRENDS, source="CRSS:overall_violence", metric="deaths_total")
    notice = next(i.value for i in app.info if i.value.startswith("2025 has figures for"))
    crss = {"tracker": "CRSS", "series": "overall_violence", "region": "Pakistan", "metric": "deaths_total"}
    annual = file_rows(**crss, period_type="year", year="2025")
    quarters = sorted({r["period_start"] for r in file_rows(**crss, period_type="quarter", year="2025")})
    assert {float(r["value"]) for r in annual} == {3417}
    assert len(quarters) == 3
    assert "2025-10-01" not in quarters
    plain = notice.replace("\\", "")
    assert "no full-year total" not in plain
    assert "Q4 2025: no figure in this data set" in plain
    assert "CRSS's published annual total for 2025 is 3,417 (" in plain
    sources = {r["source_name"] for r in annual}
    cited = plain.rsplit("(", 1)[1]
    assert any(cited.startswith(name) for name in sources), cited
    assert "1 Jan 2026" in cited


def test_a_sum_of_quarters_is_never_labelled_the_full_year():
    """CRSS 2024 deaths: the quarters add up to 432 + 380 + 722 + 1,028 = 2,562; CRSS's own (restated) annual
    total is 2,555. The running-total chart labelled the sum '2024 full year: 2,562'."""
    app = open_page(TRENDS, source="CRSS:overall_violence", metric="deaths_total")
    crss = {"tracker": "CRSS", "series": "overall_violence", "region": "Pakistan", "metric": "deaths_total"}
    quarters = {r["period_start"]: float(r["value"]) for r in file_rows(**crss, period_type="quarter", year="2024")}
    assert len(quarters) == 4
    total = sum(quarters.values())
    assert total == 2562
    assert {float(r["value"]) for r in file_rows(**crss, period_type="year", year="2024", status="restated")} >= {2555}
    frames = [
        convert_arrow_bytes_to_pandas_df(dataset.data.data)
        for chart in app.get("vega_lite_chart")
        for dataset in chart.proto.datasets
    ]
    labels = [
        label
        for frame in frames
        if "label" in frame
        for label in frame["label"]
        if isinstance(label, str) and f"{total:,.0f}" in label
    ]
    assert labels == [f"2024, sum of 4 quarters: {total:,.0f}"]
    page_text = " ".join(m.value for m in app.markdown)
    assert "full year: 2,562" not in page_text
    assert "full-year total of 2,562" not in page_text


def test_switching_to_crss_lands_on_its_quarters_not_on_picss_months():
    """From PICSS (monthly) to CRSS the page kept 'Monthly' and showed CRSS's one monthly value, a November 2024
    count from a repost site; CRSS publishes quarters (the file's CRSS monthly rows: that one month)."""
    crss_months = {r["period_start"] for r in file_rows(tracker="CRSS", series="overall_violence", period_type="month")}
    assert crss_months == {"2024-11-01"}
    app = open_page(TRENDS)
    assert app.selectbox(key="cadence").value == "month"
    app.selectbox(key="source").set_value("CRSS:overall_violence").run()
    assert app.selectbox(key="cadence").value == "quarter"
    assert app.metric, "CRSS's quarters are compared"
    app.selectbox(key="cadence").set_value("month").run()  # chosen for CRSS itself, it stays
    assert app.selectbox(key="cadence").value == "month"


def test_a_tracker_s_lone_figures_read_with_headers_in_words():
    """The table under 'nothing to compare' had the headers year, period, value, status, source_name, …"""
    app = open_page(TRENDS, source="CRSS:overall_violence", cadence="month", metric="deaths_total")
    table = app.dataframe[0].value
    assert list(table.columns) == [
        "Year",
        "Period",
        "Value",
        "Status",
        "Source",
        "Source kind",
        "Link",
        "Other values stated",
    ]
    (row,) = file_rows(tracker="CRSS", series="overall_violence", period_type="month", metric="deaths_total")
    shown = table.iloc[0]
    assert (shown["Year"], shown["Period"], shown["Value"]) == (2024, "Nov", float(row["value"]))
    config = json.loads(app.dataframe[0].proto.columns)["Value"]
    assert config["type_config"]["format"] == "localized"  # read with a thousands separator, sorted as numbers
    assert shown["Source"] == row["source_name"]
    assert shown["Source kind"] == "repost on an unrelated site"


def test_a_preliminary_figure_says_so_on_its_card_and_in_the_sentence():
    """PICSS's 2025 annual attacks (1,063) are preliminary in the file, yet the card and the sentence read as
    final; a card resting on a figure the file also gives as published (AP's final deaths) carries no mark."""

    def statuses(series: str, metric: str) -> dict[str, str]:
        return {
            r["status"]: r["value"]
            for r in shown_figures()
            if (r["tracker"], r["series"], r["metric"], r["period_type"], r["region"], r["period_start"])
            == ("PICSS", series, metric, "year", "Pakistan", "2025-01-01")
        }

    attacks = statuses("militant_attacks", "attacks")
    assert set(attacks) == {"preliminary"}
    app = open_page(TRENDS, source="PICSS:militant_attacks", cadence="year", year="2025", vs="2024")
    card = next(m for m in app.metric if m.label.startswith("Attacks"))
    assert card.label == "Attacks (preliminary), 2025"
    assert card.value == f"{float(attacks['preliminary']):,.0f}"
    sentence = next(m.value for m in app.markdown if "full year 2025" in m.value).replace("\\", "")
    assert f"full year 2025: {float(attacks['preliminary']):,.0f} (preliminary), against" in sentence
    assert set(statuses("combined", "injured_total")) == {"preliminary"}
    assert "published" in statuses("combined", "deaths_total")
    combined = open_page(TRENDS, source="PICSS:combined", cadence="year", year="2025", vs="2024")
    assert {m.label for m in combined.metric if "preliminary" in m.label} == {"Injured (preliminary), 2025"}


def test_the_values_the_sources_disagree_on_are_numbers_that_sort_as_numbers():
    """The table held each value as text, so sorting by Value put "1,010" before "143". Each value is the
    number its source states in tracker_stats.csv, shown with a thousands separator."""
    app = open_page(TRENDS)
    disputed = next(d for d in app.dataframe if "Charted" in d.value)
    table = disputed.value
    assert json.loads(disputed.proto.columns)["Value"]["type_config"]["format"] == "localized"
    assert pd.api.types.is_numeric_dtype(table["Value"])
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        stated = {(row["tracker"], row["source_url"], float(row["value"])) for row in csv.DictReader(handle)}
    assert set(zip(table["Tracker"], table["Link"], table["Value"], strict=True)) <= stated
    ordered = list(table.sort_values("Value")["Value"])
    assert ordered == sorted(ordered, key=float)
    assert ordered[0] < 1000 <= ordered[-1], "the data hold values on both sides of 1,000"


def test_trends_downloads_write_each_figure_as_the_data_file_writes_it(downloads):
    """The CSVs wrote PICSS's Aug 2025 attacks (143 in tracker_stats.csv) as "143.0" and its preliminary 2025
    annual total (1063) as "1,063": a figure is recorded exactly as its source gives it."""
    open_page(TRENDS, source="PICSS:militant_attacks", cadence="month", year="2025", vs="2024")
    written = {
        name: list(csv.DictReader(io.StringIO(make().decode("utf-8"))))
        for name, make in downloads.items()
        if name.endswith(".csv")
    }
    cells = [cell for rows in written.values() for row in rows for cell in row.values()]
    assert not [cell for cell in cells if re.fullmatch(r"-?\d+\.0", cell)], "a whole figure written with '.0'"
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        stated = {(row["source_url"], row["value"]) for row in csv.DictReader(handle)}
    disputed = written["disputed_figures.csv"]
    assert disputed
    assert {(row["Link"], row["Value"]) for row in disputed} <= stated
    picss = {"tracker": "PICSS", "series": "militant_attacks", "region": "Pakistan", "metric": "attacks"}

    def stated_value(**period) -> str:
        (value,) = {row["value"] for row in file_rows(**picss, **period)}
        return value

    side = next(
        rows for name, rows in written.items() if name.startswith("sources_attacks_") and "_pakistan_2025_data-" in name
    )
    annual = stated_value(period_type="year", year="2025")
    assert next(row for row in side if row["Tracker"] == "PICSS")["Annual total"] == annual == "1063"
    monthly = next(rows for name, rows in written.items() if name.startswith("attacks_month"))
    august = stated_value(period_type="month", period_start="2025-08-01")
    assert next(row for row in monthly if row["period"] == "Aug")["2025"] == august == "143"
    running = next(rows for name, rows in written.items() if name.startswith("cumulative_attacks"))
    assert running[0]["2025 running total"] == stated_value(period_type="month", period_start="2025-01-01")


def test_the_year_against_year_table_holds_numbers_and_marks_the_preliminary_one():
    """The comparison table held its figures as text ("1,063"), so they sorted as text and sat left-aligned.
    PICSS's 2025 annual attacks are preliminary in the file and 2024's (restated) are not: the table says so in
    words."""
    picss = {"tracker": "PICSS", "series": "militant_attacks", "region": "Pakistan", "metric": "attacks"}
    stated = {
        year: {(row["value"], row["status"]) for row in file_rows(**picss, period_type="year", year=year)}
        for year in ("2024", "2025")
    }
    ((value_2025, status_2025),) = stated["2025"]
    by_status_2024 = {status: value for value, status in stated["2024"]}  # PICSS's own 905, restated as 908
    assert (status_2025, set(by_status_2024)) == ("preliminary", {"published", "restated"})
    value_2024 = by_status_2024["restated"]  # a restatement beats the original (README, "Which figure is shown")
    app = open_page(TRENDS, source="PICSS:militant_attacks", cadence="year", year="2025", vs="2024")
    element = app.dataframe[0]
    (row,) = element.value.to_dict("records")
    assert (row["2024"], row["2025"]) == (float(value_2024), float(value_2025))
    assert row["note"] == "2024: restated by the tracker; 2025: preliminary"
    config = json.loads(element.proto.columns)
    assert {config[year]["type_config"]["format"] for year in ("2024", "2025", "change")} == {"localized"}
    assert config["change %"]["type_config"]["format"] == "%+d%%"
    months = open_page(TRENDS, source="PICSS:militant_attacks", cadence="month", year="2025", vs="2024")
    table = months.dataframe[0].value
    note = "2024: no figure found in this data set; 2025: restated by the tracker"  # December's, the 12th row
    assert table.loc[table["period"] == "Dec", "note"].tolist() == [note]  # sized to the first rows, it was cut
    width = json.loads(months.dataframe[0].proto.columns)["note"]["width"]
    assert width >= 6 * len(note)  # 14 px Source Sans: about 6 px a character, measured in Chromium
    assert all(pd.api.types.is_numeric_dtype(table[column]) for column in ("2024", "2025", "change", "change %"))
    august = {row["value"] for row in file_rows(**picss, period_type="month", period_start="2025-08-01")}
    assert table.loc[table["period"] == "Aug", "2025"].tolist() == [float(value) for value in august]


def test_a_restated_annual_total_passed_by_the_running_total_says_it_is_restated():
    """PICSS 2024 militant attacks: 905 as first published, 908 as the tracker's 2025 report restates it. The
    sentence read 'passed 908, 2024's published annual total', as if 908 were the figure first published."""
    app = open_page(TRENDS)
    sentence = next(m.value for m in app.markdown if "running total had passed" in m.value).replace("\\", "")
    picss = {"tracker": "PICSS", "series": "militant_attacks", "region": "Pakistan", "metric": "attacks"}
    annual = file_rows(**picss, period_type="year", year="2024")
    restated = {float(r["value"]) for r in annual if r["status"] == "restated"}
    assert restated == {908}
    assert "passed 908, 2024's published annual total, restated by the tracker." in sentence


def test_a_card_on_a_restated_annual_base_says_so():
    """PICSS yearly figures: 2024's attacks are the tracker's restatement in its 2025 report (908; 905 first):
    the card compared 2025 with it with no word of it. Its help says so; its label keeps to what makes the
    figure provisional, as the briefing's titles quote it."""
    app = open_page(TRENDS, cadence="year")
    labels = {m.label.replace("\\", ""): m for m in app.metric}
    picss = {"tracker": "PICSS", "series": "militant_attacks", "region": "Pakistan", "period_type": "year"}
    attacks_2024 = file_rows(**picss, metric="attacks", year="2024")
    assert {r["status"] for r in attacks_2024} == {"published", "restated"}  # 905, then 908: restated wins
    card = next(m for label, m in labels.items() if label.startswith("Attacks"))
    assert card.help.replace("\\", "") == "full year 2024: 908 (restated by the tracker)"


def test_the_map_table_gives_no_distance_for_an_incident_in_several_places():
    """The 26 Feb 2026 border offensive (drawn at Kabul, one of its provinces) read 86 km from the line and the
    13 Mar 2026 drones over Quetta, Kohat and Rawalpindi 190 km, 'exact': its details say 'no one distance'."""
    app = open_page("views/map/map.py", **{"from": "2024-01-01", "to": "2026-04-08"})
    table = next(d.value for d in app.dataframe if "Distance to the line (km)" in d.value.columns)
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))  # every account of every incident
    several = {
        (r["date"], r["place"])
        for r in rows
        if (r["multi_province"] == "true" and r["provinces"]) or ";" in r["district"]
    }
    assert ("2026-03-13", "Quetta, Kohat and Rawalpindi") in several
    shown = table.assign(day=pd.to_datetime(table["Date"]).dt.strftime("%Y-%m-%d"))
    listed = shown[[(day, place) in several for day, place in zip(shown["day"], shown["Place"], strict=True)]]
    assert len(listed) >= 3
    assert listed["Distance to the line (km)"].isna().all()
    assert (listed["Location known to"] == "several places: drawn at one").all()
    alone = shown.drop(listed.index)
    by_province = alone["Location known to"] == "province"  # drawn at the provincial capital: no distance either
    assert alone.loc[~by_province, "Distance to the line (km)"].notna().all()
    assert alone.loc[by_province, "Distance to the line (km)"].isna().all()
    # "exact" is a named place's gazetteer point, not a surveyed position: the table says "named place".
    assert set(alone["Location known to"]) == {"named place", "district", "province"}


def test_a_figure_not_found_is_never_said_to_be_unpublished():
    """coverage_notes.csv says PICSS's 2025 regional yearly figures were not found (state not_found), yet the
    page said 'PICSS publishes no Balochistan figures at this cadence': only the coverage matrix may say
    what a tracker did not publish, and only from its declared state."""
    with (BUNDLED_DATA_DIR / "coverage_notes.csv").open(encoding="utf-8", newline="") as handle:
        notes = list(csv.DictReader(handle))
    assert any(n["tracker"] == "PICSS" and n["period_type"] == "year" and n["state"] == "not_found" for n in notes)
    trends = open_page(TRENDS, source="PICSS:combined", cadence="year", metric="deaths_total", province="Balochistan")
    overview = open_page("views/overview/home.py", province="Balochistan")
    for app in (trends, overview):
        text = " ".join(e.value for kind in (app.caption, app.markdown, app.info) for e in kind).replace("\\", "")
        assert "publishes no" not in text
        assert "published for other periods only" not in text
    captions = [c.value.replace("\\", "") for c in trends.caption]
    assert "This data set has no PICSS figures for Balochistan at this cadence: showing Pakistan." in captions


def test_a_period_past_the_curated_incidents_is_no_data_not_calm():
    """The curated incidents stop on 16 Mar 2026 (data/README: almost nothing after mid-March), the data date
    is 8 Apr: a link to 17 Mar-8 Apr showed '0 incidents' with nothing else, and the Urumqi talks of 1 Apr
    'Incidents, 14 days before: 0'."""
    meta = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    kept_to = dt.date.fromisoformat(meta["incidents_to"])
    after = (kept_to + dt.timedelta(days=1)).isoformat()
    for page in ("views/map/map.py", "views/overview/home.py"):
        app = open_page(page, **{"from": after, "to": meta["data_as_of"]})
        notes = [i.value for i in app.info]
        assert f"The curated incidents are kept up to {kept_to.day} {kept_to:%b %Y}: " in notes[0], notes
        assert "The whole period lies after that: no data, not a quiet spell." in notes[0]
    talks = open_page("views/diplomacy/timeline.py", event="20260401-urumqi-talks")
    cards = {m.label: m.value for m in talks.metric}
    assert cards["Incidents, 14 days before"] == "no data"
    warning = " ".join(w.value for w in talks.warning)
    assert f"Before: none of the 14 days are covered by the data (data end {kept_to.day} {kept_to:%b %Y})" in warning
    inside = open_page("views/map/map.py", **{"from": "2026-01-01", "to": kept_to.isoformat()})
    assert not any("kept up to" in e.value for kind in (inside.info, inside.caption) for e in kind)
    across = open_page("views/map/map.py", **{"from": "2026-01-01", "to": meta["data_as_of"]})
    days = (dt.date.fromisoformat(meta["data_as_of"]) - dt.date(2026, 1, 1)).days + 1
    late = (dt.date.fromisoformat(meta["data_as_of"]) - kept_to).days
    assert not any("kept up to" in i.value for i in across.info)  # a line of the caption, not a box
    caption = next(c.value for c in across.caption if "kept up to" in c.value)
    assert caption.endswith(f"{late} of the period's {days} days lie after that: no data, not a quiet spell.")


def test_a_repost_is_said_to_be_one_in_the_latest_list_and_the_incidents_table():
    """outlets.csv lists longform.social as a repost; the Overview's latest developments and the Map's
    incidents table cited 'Dawn (via longform.social record)' like a major outlet."""
    with (BUNDLED_DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        kinds = {row["domain"]: row["kind"] for row in csv.DictReader(handle)}
    assert kinds["longform.social"] == "repost"
    overview = open_page("views/overview/home.py")
    lines = [m.value.replace("\\", "") for m in overview.markdown if "longform" in m.value]
    assert lines
    assert all("(via longform.social record) (repost on an unrelated site))" in line for line in lines), lines
    shown = open_page("views/map/map.py", **{"from": "2024-01-01", "to": "2026-04-08"})
    table = next(d.value for d in shown.dataframe if "Source link" in d.value.columns)
    reposted = table[table["Source link"].str.contains("longform.social", regex=False)]
    assert not reposted.empty
    assert reposted["Source"].str.endswith("(repost on an unrelated site)").all()
    # The briefing's latest-developments slide dropped the flag on the same items (review, 2 Dec 2026).
    slide = open_page("views/briefing/briefing.py", panel="latest")
    statements = [m.value.replace("\\", "") for m in slide.markdown if "longform" in m.value]
    assert statements
    assert all("(via longform.social record) (repost on an unrelated site))" in line for line in statements)


def test_an_injured_range_never_spans_two_groups():
    """Operation Ghazab lil-Haq read 'injured 104–855': UNAMA's civilians wounded to 2 Mar and the Pakistani
    government's tally of Taliban wounded, both in injured_total. Such counts of one group stay in notes."""
    with (BUNDLED_DATA_DIR / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["incident_id"] == "20260226-operation-ghazab-lil-haq-campaign"]
    assert {r["injured_total"] for r in rows} == {""}
    assert any("104" in r["notes"] for r in rows)
    assert any("855" in r["notes"] for r in rows)
    app = open_page("views/map/map.py", **{"from": "2026-02-26", "to": "2026-02-26"})
    table = next(d.value for d in app.dataframe if "Injured (lowest)" in d.value.columns)
    campaign = table[table["Place"].isin({r["place"] for r in rows})]
    assert len(campaign) == 1
    assert campaign[["Injured (lowest)", "Injured (highest)"]].isna().all(axis=None)


def _gti_values(metric: str) -> dict[int, set[str]]:
    """Each year's displayed GTI values for Pakistan, as written in the file."""
    values: dict[int, set[str]] = {}
    for row in shown_figures():
        if (row["tracker"], row["region"], row["metric"]) == ("GTI", "Pakistan", metric):
            values.setdefault(int(row["period_start"][:4]), set()).add(row["value"])
    return values


def _sentence(app: AppTest) -> str:
    said = (m.value.replace("\\", "") for m in app.markdown)  # the page escapes Markdown in its sentences
    return next(text for text in said if text.startswith("GTI (Global Terrorism Index), Pakistan:"))


def test_a_gti_rank_is_said_in_places_with_rank_1_the_most_affected_and_drawn_as_dots():
    """2 in 2024 to 1 in 2025 read "gti rank ... (down 1)" over a 2024 bar twice 2025's: a worsening read as a
    fall. Rank 1 is the most affected country."""
    ranks = _gti_values("gti_rank")
    assert ranks[2024] == {"2"}
    assert ranks[2025] == {"1"}
    app = open_page(TRENDS, source="GTI:gti", metric="gti_rank", year="2025", vs="2024")
    assert _sentence(app).endswith(
        "GTI rank in full year 2025: 1, against 2 in full year 2024 (1 place nearer rank 1, the most affected)."
    )
    spec = json.loads(next(c for c in app.get("vega_lite_chart") if "GTI rank" in c.proto.spec).proto.spec)
    layers = spec["layer"]
    assert layers[0]["mark"]["type"] == "point"  # no bar: its height would be the rank's number
    assert layers[0]["encoding"]["y"]["scale"]["reverse"] is True  # rank 1 at the top
    assert layers[0]["encoding"]["y"]["title"] == "GTI rank (1 = most affected)"


def test_a_gti_score_keeps_the_decimals_its_source_gives():
    """7.916 against 8.4 read "8, against 8 (no change)"."""
    scores = _gti_values("gti_score")
    app = open_page(TRENDS, source="GTI:gti", metric="gti_score", year="2024", vs="2023")
    sentence = _sentence(app)
    (earlier,) = scores[2023]
    later = re.search(r"full year 2024: ([\d.]+),", sentence)[1]
    assert later in scores[2024]  # one of the values the file gives, as written
    assert f"against {earlier} in full year 2023" in sentence
    difference = round(float(later) - float(earlier), 3)
    assert sentence.endswith(f"({'up' if difference > 0 else 'down'} {abs(difference):g}).")
    assert "no change" not in sentence


def test_another_year_compares_with_the_year_before_it_unless_chosen():
    """Year 2026 picked on the Trends page compared Jan 2026 with Jan 2024, the default pair's earlier year,
    though Jan 2025 has a figure (the Overview compared 2026 with 2025)."""
    app = open_page(TRENDS, source="PICSS:militant_attacks")
    assert app.selectbox(key="year").value == 2025
    app.selectbox(key="year").set_value(2026).run()
    assert app.selectbox(key="vs").value == 2025
    app.selectbox(key="vs").set_value(2024).run()  # chosen on purpose: it stays
    assert app.selectbox(key="vs").value == 2024
    linked = open_page(TRENDS, source="PICSS:militant_attacks", year="2026", vs="2024")  # a link's pair stays
    assert linked.selectbox(key="vs").value == 2024


def test_latest_developments_past_the_incidents_last_day_say_they_are_diplomacy_only():
    """The list ran "2 Apr ... 1 Apr ... 19 Mar talks, 16 Mar airstrike": three weeks of talks above the last
    incident read as three weeks without violence (review, 2 Dec 2026). The curated incidents are kept up to
    datapackage.json's incidents_to."""
    meta = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    kept_to = dt.date.fromisoformat(meta["incidents_to"])
    kept = f"the curated incidents are kept up to {kept_to.day} {kept_to:%b %Y}"
    overview = open_page("views/overview/home.py")
    captions = [c.value.replace("\\", "") for c in overview.caption]
    assert f"The {kept.removeprefix('the ')}: the lines after that day are diplomatic events only." in captions
    slide = open_page("views/briefing/briefing.py", panel="latest")
    assert slide.get("title")[0].value.replace("\\", "").endswith(f"; {kept}")
    before = open_page("views/overview/home.py", to=kept_to.isoformat())  # a period the incidents cover
    assert not any("diplomatic events only" in c.value for c in before.caption)


def test_the_briefing_map_key_past_the_incidents_last_day_says_no_data():
    """Its title said there was no incident data; its key said "Incidents: none in the period"."""
    meta = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    after = dt.date.fromisoformat(meta["incidents_to"]) + dt.timedelta(days=1)
    app = open_page("views/briefing/briefing.py", panel="map", **{"from": after.isoformat()})
    key = next(h.proto.body for h in app.get("html") if h.proto.body.startswith('<div class="dlm-legend"'))
    assert "no data for this period" in key
    assert "none in the period" not in key


def test_overview_attacks_card_reads_as_the_sentence_below_it():
    """The card read 'Attacks, 6 months of 2025: 538, +13%' above 'attacks in Jan–Nov 2025: 982, against 856
    ... (up 15%)'. Now both count Jan–Nov (the months PICSS has in both years) and the file gives the sum."""
    app = open_page("views/overview/home.py")
    card = next(m for m in app.metric if m.label.startswith("Attacks, "))
    sentence = next(m.value.replace("\\", "") for m in app.markdown if "attacks in " in m.value)
    window = re.search(r"attacks in (\S+) (\d{4}): ([\d,]+), against ([\d,]+) in \1 \d{4} \(up (\d+)%\)", sentence)
    assert window, sentence
    assert card.label == f"Attacks, {window[1]} {window[2]}"
    assert card.value == window[3]
    assert card.delta.startswith(f"+{window[5]}%")
    slots = window_slots(window[1], "month")
    later = int(window[2])
    total = 0.0
    seen = set()
    for row in sorted(shown_figures(), key=lambda r: r["status"] != "restated"):  # a restatement wins
        key = (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
        month = row["period_start"][:7]
        if key == ("PICSS", "militant_attacks", "month", "Pakistan", "attacks") and month not in seen:
            seen.add(month)
            if int(month[:4]) == later and int(month[5:]) in slots:
                total += float(row["value"])
    assert card.value == f"{total:,.0f}"


def test_a_card_with_no_change_never_reads_as_a_zero_count():
    """Khyber Pakhtunkhwa's deaths card read "54 / 0 vs 2024": 54 in both Septembers, not 0 in 2024."""
    app = open_page("views/overview/home.py", province="Khyber Pakhtunkhwa")
    cards = {card.label.split(",")[0]: card for card in app.metric}
    deaths = cards["Deaths"]
    assert deaths.label == "Deaths, Sep 2025"
    stated = {
        row["period_start"]: float(row["value"])
        for row in shown_figures()
        if (row["tracker"], row["series"], row["period_type"], row["region"], row["metric"])
        == ("PICSS", "militant_attacks", "month", "Khyber Pakhtunkhwa", "deaths_total")
        and row["period_start"] in ("2024-09-01", "2025-09-01")
    }
    assert stated["2024-09-01"] == stated["2025-09-01"] == float(deaths.value)
    assert deaths.delta == "±0% vs 2024"
    assert not [card for card in app.metric if card.delta and card.delta.startswith("0 ")]


def test_death_cards_that_do_not_add_up_say_why():
    """PICSS combined, Jan 2026 vs Jan 2025: Deaths read +47% against 245 (as first published) beside its parts
    against 57, 20 and 208 (two of them restated by PICSS): 285, more than the total, with nothing said."""
    app = open_page(TRENDS, source="PICSS:combined", cadence="month", year="2026", vs="2025")
    values: dict[str, dict[str, float]] = {}
    for row in sorted(shown_figures(), key=lambda r: r["status"] != "restated"):  # a restatement wins
        key = (row["tracker"], row["series"], row["period_type"], row["region"], row["period_start"])
        if key == ("PICSS", "combined", "month", "Pakistan", "2025-01-01"):
            values.setdefault(row["metric"], {"value": float(row["value"]), "status": row["status"]})
    parts = sum(values[m]["value"] for m in ("deaths_security_forces", "deaths_civilians", "deaths_militants"))
    total = values["deaths_total"]
    assert (parts, total["value"], total["status"]) == (285, 245, "published")
    said = [c.value.replace("\\", "") for c in app.caption]
    assert (
        f"In Jan 2025 security forces, civilians and militants killed add up to {parts:,.0f}, more than the "
        f"{total['value']:,.0f} deaths: the tracker restated some of the parts, and this data set holds no restated "
        "total."
    ) in said
    default = open_page(TRENDS, source="PICSS:combined", cadence="month")  # parts within their total: nothing said
    assert not [c for c in default.caption if "add up to" in c.value]


def test_the_gti_caption_warns_that_editions_revise_earlier_years_with_the_files_figures():
    """GTI deaths read "+5% vs 2024" (1,139 from the 2026 edition against 1,081 from the 2025 one) where the
    2026 edition's coverage says "up 6%": its own 2024 figure is revised. The caption says editions revise, with
    the revision the file holds (2023 deaths as first published and as restated)."""
    app = open_page(TRENDS, source="GTI:gti", metric="deaths_total")
    stated = {
        row["status"]: row["value"]
        for row in shown_figures()
        if (row["tracker"], row["period_start"], row["region"], row["metric"])
        == ("GTI", "2023-01-01", "Pakistan", "deaths_total")
    }
    caption = next(c.value.replace("\\", "") for c in app.caption if c.value.startswith("Global Terrorism Index"))
    assert f"2023 deaths: {stated['published']} in the 2024 edition, {stated['restated']} in the 2025" in caption


def test_a_province_picss_gives_in_parts_says_which_months_its_parts_cover():
    """Khyber Pakhtunkhwa's trend read "no figure found in this data set" for months whose mainland and
    tribal-district figures PICSS had published; it now names those months (the parts are not added up)."""
    app = open_page("views/overview/home.py", province="Khyber Pakhtunkhwa")
    note = next(c.value.replace("\\", "") for c in app.caption if "in parts for" in c.value)
    months = re.search(r"in parts for (.+): KP \(mainland\) and KP \(tribal districts\) each have a figure", note)[1]
    picss = {"tracker": "PICSS", "series": "militant_attacks", "period_type": "month", "metric": "attacks"}

    def starts(region: str) -> set[str]:
        return {row["period_start"][:7] for row in file_rows(**picss, region=region)}

    kp = starts("Khyber Pakhtunkhwa")
    both = starts("Khyber Pakhtunkhwa (mainland)") & starts("Khyber Pakhtunkhwa (tribal districts)")
    named = set()
    for span in months.split("; "):
        slots, year = span.rsplit(" ", 1)
        named |= {f"{year}-{slot:02d}" for slot in window_slots(slots, "month")}
    assert named == {month for month in both - kp if month[:4] in ("2024", "2025")}
    assert named
    assert not [c for c in open_page("views/overview/home.py", province="Balochistan").caption if "in parts" in c.value]
