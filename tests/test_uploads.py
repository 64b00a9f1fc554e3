"""Uploads are held per session within a session and a process budget (components/ui/uploads.py).

Each case runs a real Streamlit script (AppTest) that imports synthetic ACLED files, so session state is
Streamlit's own; a second AppTest is a second session."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.paths import ROOT


def _script(names: list[str], session_mb: float | None = None, process_mb: float | None = None) -> None:
    import streamlit as st

    from bench.synthetic_events import acled_frame
    from components.dataset import load_dataset
    from components.paths import BUNDLED_DATA_DIR
    from components.ui import uploads

    if session_mb is not None:
        uploads.SESSION_BUDGET_MB = session_mb
    if process_mb is not None:
        uploads.PROCESS_BUDGET_MB = process_mb
    line = load_dataset(BUNDLED_DATA_DIR).geo["durand_line"]
    for seed, name in enumerate(names):
        data = acled_frame(300, seed=seed).to_csv(index=False).encode()
        outcome = uploads.add_upload(data, name, line)
        st.text(f"{name}: {outcome.key is not None} {outcome.refused or ''}")
    st.text("held: " + ", ".join(upload.name for upload in uploads.session_uploads().values()))


def run(names, **budgets) -> list[str]:
    app = AppTest.from_function(_script, args=(names,), kwargs=budgets, default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return [t.value for t in app.text]


@pytest.fixture(autouse=True)
def _budgets():
    from components.ui import uploads

    saved = uploads.SESSION_BUDGET_MB, uploads.PROCESS_BUDGET_MB
    yield
    uploads.SESSION_BUDGET_MB, uploads.PROCESS_BUDGET_MB = saved


def test_a_session_keeps_at_most_two_uploads_and_says_why_a_third_is_refused():
    lines = run(["a.csv", "b.csv", "c.csv"])
    assert lines[0].startswith("a.csv: True")
    assert lines[1].startswith("b.csv: True")
    assert lines[2].startswith("c.csv: False This session already holds 2 uploads")
    assert lines[-1] == "held: a.csv, b.csv"


def test_an_upload_past_the_session_budget_is_refused_with_its_size():
    lines = run(["big.csv"], session_mb=0.01)
    assert "passes the 0.01 MB a session may hold" in lines[0]
    assert lines[-1] == "held:"


def test_an_upload_past_the_process_budget_is_refused():
    lines = run(["x.csv"], process_mb=0.01)
    assert "The server is holding other viewers' uploads" in lines[0]


def test_another_session_starts_with_none_of_them():
    assert run(["mine.csv"])[-1] == "held: mine.csv"
    assert run([])[-1] == "held:"  # a new AppTest is a new session


def _shows_an_upload() -> None:
    from bench.synthetic_events import acled_frame
    from components.dataset import load_dataset
    from components.paths import BUNDLED_DATA_DIR
    from components.ui import uploads
    from components.ui.byod import upload_link_notice
    from components.ui.store import show_events_from

    line = load_dataset(BUNDLED_DATA_DIR).geo["durand_line"]
    outcome = uploads.add_upload(acled_frame(300).to_csv(index=False).encode(), "mine.csv", line)
    show_events_from(outcome.key)
    upload_link_notice()


def test_a_view_of_an_upload_says_so_in_its_link_and_elsewhere_the_link_says_why_it_is_not_shown():
    """A reload or shared link used to fall back to the curated incidents without a word."""
    uploader = AppTest.from_function(_shows_an_upload, default_timeout=120)
    uploader.run()
    assert not uploader.exception, [e.value for e in uploader.exception]
    assert uploader.query_params["events"] == "upload"
    assert not uploader.warning

    opened = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    opened.query_params["events"] = "upload"
    opened.run()
    assert not opened.exception, [e.value for e in opened.exception]
    assert [w.value for w in opened.warning if "link" in w.value] == [
        "This link was made while an uploaded file was shown. Uploads stay in the browser session that made "
        "them, so this page shows the curated incidents: upload the file again on Data & sources to see it."
    ]
    plain = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    plain.run()
    assert not [w for w in plain.warning if "Uploads stay" in w.value]
