"""An upload in the app, as a session sees it (AppTest runs app.py with Streamlit's own session state): the
sidebar period follows the events shown, and the pages say whose events they are."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from bench.synthetic_events import acled_frame
from components.dataset import load_dataset
from components.imports import import_events
from components.paths import BUNDLED_DATA_DIR, ROOT
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
        assert not [w.value for w in app.warning if "curated data are" in w.value], page
        said = unescaped(" ".join(c.value for c in app.caption))
        assert "Events from your ACLED export (my_export.csv)" in said, page
        assert "Everything else on this page is curated. Data as of 08 Apr 2026" in said, page
