"""Every page runs without an exception on the bundled data, on synthetic data and on an empty folder."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.paths import ROOT

PAGES = {
    "views/overview/home.py": "Overview",
    "views/map/map.py": "Map of the Durand Line region",
    "views/trends/trends.py": "Year-over-year trends",
    "views/diplomacy/timeline.py": "Diplomacy timeline",
    "views/briefing/briefing.py": None,
    "views/data/sources.py": "Data and sources",
}


def run_page(page: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page(page)
    app.run()
    return app


def _assert_clean(app: AppTest, title: str | None) -> None:
    assert not app.exception, [e.value for e in app.exception]
    assert not list(app.error), [e.value for e in app.error]
    if title:
        assert title in [t.value for t in app.title]


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_page_runs_on_bundled_data(page, title):
    _assert_clean(run_page(page), title)


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_page_runs_on_synthetic_data(page, title, synthetic_dir, use_data_dir):
    use_data_dir(synthetic_dir)
    _assert_clean(run_page(page), title)


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_page_runs_with_no_data_files(page, title, tmp_path, use_data_dir):
    use_data_dir(tmp_path)
    app = run_page(page)
    assert not app.exception, [e.value for e in app.exception]
