"""Two incidents that read alike in a picker each open their own details, from the picker and from a link.

A bound picker writes its label into the URL, so labels must be distinct (components/pickers.py). Seen
before: two "16 May 2025 · Wana · Armed clash" rows of an ACLED file, and a link to the first opened the
second (40 killed instead of 3).
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.synthetic_events import acled_frame, write_csv
from components.pickers import unique_labels

ROOT = Path(__file__).resolve().parent.parent


def test_labels_shared_by_several_keys_take_the_next_fact_then_the_key():
    labels = {"a": "16 May · Wana", "b": "16 May · Wana", "c": "16 May · Wana", "d": "17 May · Tank"}
    actors = {"a": "TTP", "b": "TTP", "c": "BLA", "d": "TTP"}
    tolls = {"a": "3 killed", "b": "40 killed", "c": "3 killed", "d": "1 killed"}
    assert unique_labels(labels, actors, tolls) == {
        "a": "16 May · Wana · TTP · 3 killed",
        "b": "16 May · Wana · TTP · 40 killed",
        "c": "16 May · Wana · BLA",
        "d": "17 May · Tank",
    }
    assert unique_labels({"x": "same", "y": "same"}, {"x": "TTP", "y": "TTP"}) == {
        "x": "same · TTP · x",
        "y": "same · TTP · y",
    }


@pytest.fixture
def twin_clashes(tmp_path, monkeypatch):
    """An ACLED file whose two events share date, place and type, and differ only in their toll."""
    frame = acled_frame(2, date_style="api")
    same = ["event_date", "year", "event_type", "sub_event_type", "actor1", "inter1", "country", "admin1"]
    same += ["admin2", "location", "latitude", "longitude", "iso", "geo_precision"]
    for column in same:
        frame.loc[1, column] = frame.loc[0, column]
    frame["fatalities"] = [3, 40]
    path = write_csv(frame, tmp_path / "acled.csv")
    monkeypatch.setenv("DLM_EVENTS_FILE", str(path))
    return frame


def map_page(query: dict[str, str]) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params.update({"from": "2010-01-01", **query})
    app.run()
    app.switch_page("views/map/map.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_twin_incidents_open_their_own_details_from_a_link(twin_clashes):
    picker = map_page({}).selectbox(key="incident")
    labels = picker.options
    assert len(set(labels)) == len(labels) == 2, labels
    for label in labels:
        killed = "40" if "40 killed" in label else "3"
        opened = map_page({"incident": label})
        assert opened.selectbox(key="incident").value is not None
        lines = [m.value.replace("\\", "") for m in opened.markdown]  # as read: Markdown escapes removed
        assert any(line.startswith(f"Killed {killed} · ") for line in lines), label
