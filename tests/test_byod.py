"""An upload in the app, as a session sees it (AppTest runs app.py with Streamlit's own session state): the
sidebar period follows the events shown, and the pages say whose events they are."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from bench.synthetic_events import acled_frame
from components.dataset import load_dataset
from components.imports import import_events
from components.incidents import INCIDENT_HEADERS, incidents_table
from components.paths import BUNDLED_DATA_DIR, ROOT
from components.ui.widgets import SHOWN_ROWS
from components.vocabulary import EVENT_TYPES
from tests.test_briefing import unescaped

DATA_PAGE, MAP_PAGE = "views/data/sources.py", "views/map/map.py"


@pytest.fixture(scope="module")
def acled_bytes() -> bytes:
    """Synthetic ACLED events of 2018-2025, before the curated incidents begin (2024)."""
    return acled_frame(400).to_csv(index=False).encode()


def _span(data: bytes) -> tuple[dt.date, dt.date]:
    events = import_events(data, "x.csv", load_dataset(BUNDLED_DATA_DIR).geo["durand_line"]).events
    return events["date"].min().date(), events["date"].max().date()


def _period(app: AppTest) -> tuple[dt.date, dt.date]:
    return app.date_input(key="from").value, app.date_input(key="to").value


def _ran(app: AppTest) -> AppTest:
    assert not app.exception, [e.value for e in app.exception]
    return app


def _uploaded(data: bytes, name: str = "my_export.csv") -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    _ran(app.run())
    _ran(app.switch_page(DATA_PAGE).run())
    _ran(app.file_uploader(key="events_upload").upload(name, data, "text/csv").run())
    return app


def test_the_period_opens_on_the_uploads_span_and_back_on_the_curated_one(acled_bytes):
    """The date boxes kept 2024-01-01 to 2026-04-08 after an upload of 2018-2025 while the page counted
    another window."""
    curated_as_of = load_dataset(BUNDLED_DATA_DIR).data_as_of
    app = _uploaded(acled_bytes)
    assert _period(app) == _span(acled_bytes)
    _ran(app.switch_page(MAP_PAGE).run())
    assert _period(app) == _span(acled_bytes)  # another page keeps it

    _ran(app.switch_page(DATA_PAGE).run())
    _ran(app.radio(key="events_source_choice").set_value("curated").run())
    assert _period(app) == (dt.date(2024, 1, 1), curated_as_of)


def test_a_period_chosen_on_the_upload_stays_until_the_events_change(acled_bytes):
    app = _uploaded(acled_bytes)
    _ran(app.date_input(key="from").set_value(dt.date(2020, 3, 1)).run())
    _ran(app.switch_page(MAP_PAGE).run())
    assert _period(app)[0] == dt.date(2020, 3, 1)
    assert app.query_params["from"] == "2020-03-01"


def test_pages_showing_an_upload_name_it_and_give_no_curated_age_warning(acled_bytes):
    """The warning says incidents after the curated data's date are missing: not true of the user's file."""
    app = _uploaded(acled_bytes)
    for page in (DATA_PAGE, MAP_PAGE, "views/overview/home.py"):
        _ran(app.switch_page(page).run())
        assert not [w.value for w in app.warning if "Curated data as of" in w.value], page
        said = unescaped(" ".join(c.value for c in app.caption))
        assert "Events from your ACLED export (my_export.csv)" in said, page
        assert "Everything else on this page is curated. Data as of 8 Apr 2026" in said, page


# Every download each page offers while an upload is shown (button label, key; the key holds the file name).
# Those drawn from the events shown name the upload ("acled-my-export"); the briefing and the slides are made
# with the upload's context (export.with_events: its name in the file name, ACLED's attribution inside,
# tests/test_export_events.py and test_deck's); the rest are the curated trackers' figures and tables, named
# by tracker, layer, region, years and data date, or by the curated file they hold.
TRACKER_FILES = "picss-militant-attacks-only_pakistan_2025-vs-2024_data-2026-04-08"
UPLOAD_FILES = "2018-01-17-to-2025-09-04_acled-my-export_data-2026-04-08"  # the Map's tables: the upload's period
DOWNLOADS_WITH_AN_UPLOAD = {
    "views/overview/home.py": [
        ("Download CSV", f"download-headline_attacks_{TRACKER_FILES}.csv"),
        ("Chart as PNG", f"png-headline_attacks_{TRACKER_FILES}.png"),
        ("Chart as SVG", f"svg-headline_attacks_{TRACKER_FILES}.svg"),
        ("One-page briefing (PNG)", "briefing-png"),
        ("One-page briefing (PDF)", "briefing-pdf"),
    ],
    MAP_PAGE: [
        ("Download CSV", f"download-border_shares_{UPLOAD_FILES}.csv"),
        ("Download CSV", f"download-incidents_by_district_{UPLOAD_FILES}.csv"),
        ("Download CSV", f"download-incidents_shown_{UPLOAD_FILES}.csv"),
    ],
    "views/diplomacy/timeline.py": [
        ("Download CSV", f"download-diplomacy_shown_{UPLOAD_FILES}.csv"),
        ("Download CSV", f"download-deaths_per_month_picss_{UPLOAD_FILES}.csv"),
        ("Download CSV", f"download-incidents_per_month_{UPLOAD_FILES}.csv"),
        ("Download CSV", f"download-crossing_status_{UPLOAD_FILES}.csv"),
    ],
    "views/briefing/briefing.py": [
        ("One-page briefing (PNG)", "briefing-png"),
        ("One-page briefing (PDF)", "briefing-pdf"),
        ("Slides (PowerPoint)", "deck-pptx"),
        ("Slides (PDF)", "deck-pdf"),
    ],
    DATA_PAGE: [
        ("Download CSV", "download-incidents.csv"),  # the curated file as loaded, under its own name
        ("Download displayed figures (CSV)", "download-displayed-figures"),
        ("Download PICSS coverage (CSV, one row per period)", "download-coverage"),
        ("Download the list (CSV)", "download-import_problems_acled-my-export.csv"),  # the upload's bad rows
    ],
}


def _downloads(app: AppTest) -> list[tuple[str, str]]:
    return [(button.proto.label, button.proto.id.split("-", 2)[2]) for button in app.get("download_button")]


def test_every_download_with_an_upload_shown_names_the_events_it_was_made_from():
    frame = acled_frame(400).astype(str)
    frame.loc[3, "latitude"] = "north"  # one bad row, so the upload's problems can be downloaded
    app = _uploaded(frame.to_csv(index=False).encode())
    for page, expected in DOWNLOADS_WITH_AN_UPLOAD.items():
        _ran(app.switch_page(page).run())
        assert _downloads(app) == expected, page
    _ran(app.switch_page("views/trends/trends.py").run())  # trackers' figures only: none names the upload
    assert _downloads(app)
    assert not [key for _, key in _downloads(app) if "acled" in key or "incidents" in key]


@pytest.mark.parametrize("panel", ["map", "latest"])
def test_briefing_slides_of_an_upload_carry_its_attribution(acled_bytes, panel):
    """The slides' source lines are what the PowerPoint and PDF decks print on each slide and in its notes
    (tests/test_deck.py): with an upload they name the file and ACLED, not the curated incidents."""
    app = _uploaded(acled_bytes)
    app.query_params["panel"] = panel
    _ran(app.switch_page("views/briefing/briefing.py").run())
    sources = [unescaped(m.value) for m in app.markdown if m.value.startswith("Source")]
    assert len(sources) == 1
    assert sources[0].startswith(
        "Source: Events from your ACLED export (my_export.csv): Armed Conflict Location & Event Data (ACLED), "
        "acleddata.com. ACLED's terms of use apply"
    )
    assert "curated, not exhaustive" not in sources[0]


def test_the_maps_incidents_table_shows_the_first_rows_of_a_long_upload_with_headers_in_words():
    """More events than a table shows: the caption says how many, and the shown rows read as the CSV does
    (labels and headers in words), though only they are shaped on each run (widgets.table_with_download)."""
    data = acled_frame(3_000).to_csv(index=False).encode()
    events = import_events(data, "x.csv", load_dataset(BUNDLED_DATA_DIR).geo["durand_line"]).events
    assert len(events) > SHOWN_ROWS
    app = _uploaded(data)
    _ran(app.switch_page(MAP_PAGE).run())
    assert f"Showing the first {SHOWN_ROWS:,} of {len(events):,} rows; the download has all of them." in [
        c.value for c in app.caption
    ]
    shown = app.dataframe[-1].value
    expected = incidents_table(events.head(SHOWN_ROWS))
    assert list(shown.columns) == list(INCIDENT_HEADERS.values())
    assert shown["Type"].tolist() == expected["Type"].tolist()
    assert set(shown["Type"]) <= set(EVENT_TYPES.labels.values())


def test_an_uploads_events_are_not_called_notable_incidents_nor_their_toll_a_lowest_stated_figure(acled_bytes):
    """An upload's events read "233 notable incidents", and its one fatality figure "lowest stated figure", on the
    Overview, the Diplomacy page and the briefing's map slide (review, 2 Dec 2026)."""
    app = _uploaded(acled_bytes)
    _ran(app.switch_page("views/overview/home.py").run())
    assert "Events in the selection" in [h.value for h in app.subheader]
    assert "Notable incidents in the selection" not in [h.value for h in app.subheader]
    _ran(app.switch_page("views/diplomacy/timeline.py").run())
    said = " ".join(m.value.replace("\\", "") for m in app.markdown)
    assert re.search(r"diplomatic events? and [\d,]+ events?, ", said), said[:300]
    assert "notable incident" not in said
    app.query_params["panel"] = "map"
    _ran(app.switch_page("views/briefing/briefing.py").run())
    title = unescaped(app.get("title")[0].value)
    assert re.fullmatch(r"[\d,]+ events, [\d,]+ killed \(the file's fatality figure\)", title), title


def test_the_briefing_timeline_over_an_uploads_earlier_years_says_where_the_deaths_series_starts(acled_bytes):
    """With a 2018-2025 upload the Diplomacy-and-violence slide drew 2018-2023 as an empty axis with no words:
    no deaths and no talks, to a room. PICSS's monthly deaths in this data set start in Jan 2024."""
    app = _uploaded(acled_bytes)
    app.query_params["panel"] = "timeline"
    _ran(app.switch_page("views/briefing/briefing.py").run())
    title = unescaped(app.get("title")[0].value)
    assert "no figure found before Jan 2024" in title, title


def test_the_import_report_says_how_rows_are_counted_and_a_small_uploads_size(acled_bytes):
    """Its "row 3" was line 4 of the file, nothing said how rows are counted; "0 of 200 MB in use" for 150 kB."""
    app = _uploaded(acled_bytes)
    said = " ".join(m.value for m in app.markdown)
    assert "Row 1 is the first data row below the header: a spreadsheet's row 2." in said
    captions = " ".join(c.value for c in app.caption)
    in_use = re.search(r"at most \d+, ([\d.]+) of 200 MB in use", captions)
    assert in_use, captions
    assert float(in_use[1]) > 0  # the upload's memory, in tenths of a MB: never "0 of 200 MB" for a loaded file
