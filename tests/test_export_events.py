"""Every export names the events it was made from (issue #20, point 5): a briefing or table drawn from an
imported ACLED file says so and carries ACLED's attribution, never "curated, not exhaustive"."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from bench.synthetic_events import acled_frame
from components.dataset import load_dataset
from components.export import CURATED_EVENTS, briefing_file, events_file_name, export_file_name, with_events
from components.imports import import_events
from components.paths import BUNDLED_DATA_DIR
from tests.test_export import briefing_inputs


@pytest.fixture(scope="module")
def acled():
    data = acled_frame(40).to_csv(index=False).encode()
    return import_events(data, "pakistan 2025.csv", load_dataset(BUNDLED_DATA_DIR).geo["durand_line"])


def _pdf_text(cards, comparison, sentence, events, geo, context) -> str:
    pdf = briefing_file("pdf", cards, comparison, sentence, events, geo, context)
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_a_briefing_of_an_acled_upload_names_the_file_and_acled_not_the_curated_incidents(synthetic_dir, acled):
    cards, comparison, sentence, _, geo, context = briefing_inputs(synthetic_dir)
    text = _pdf_text(cards, comparison, sentence, acled.events, geo, with_events(context, acled))
    assert f"{len(acled.events):,} events from an imported ACLED file." in text
    assert "Armed Conflict Location & Event Data (ACLED), acleddata.com" in text
    assert "pakistan 2025.csv" in text
    assert "curated" not in text


def test_a_briefing_of_the_curated_incidents_still_says_so(synthetic_dir):
    inputs = briefing_inputs(synthetic_dir)
    assert with_events(inputs[-1], None) == inputs[-1]
    assert CURATED_EVENTS in _pdf_text(*inputs)


def test_file_names_of_an_upload_name_its_format_and_file(synthetic_dir, acled):
    context = with_events(briefing_inputs(synthetic_dir)[-1], acled)
    name = export_file_name("durand-line-briefing", context, "pdf")
    assert "_acled-pakistan-2025_" in name
    assert events_file_name("incidents_shown", acled) == "incidents_shown_acled-pakistan-2025.csv"
    assert events_file_name("incidents_shown", None) == "incidents_shown.csv"


def test_the_map_pages_tables_are_named_for_their_period_filters_and_data_date(downloads):
    """The Map page's CSVs were "border_shares.csv", "incidents_by_district.csv" and "incidents_shown.csv"
    whatever the sidebar kept: forwarded, a Balochistan-and-KP 2025 table read as the whole data set, of no
    date. Each is now named, as the charts' exports are, for its period, its filters' codes (the link's, not
    their labels) and the data date of the bundled datapackage.json; the incidents' file holds the incidents
    the page's sentence counts."""
    import csv
    import json
    import re

    from tests.test_reading_pages import open_page

    app = open_page(
        "views/map/map.py",
        **{"from": "2025-01-01", "to": "2025-12-31", "province": ["Balochistan", "Khyber Pakhtunkhwa"]},
    )
    as_of = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["data_as_of"]
    named = "2025-01-01-to-2025-12-31_balochistan.khyber-pakhtunkhwa"
    for subject in ("border_shares", "incidents_by_district", "incidents_shown"):
        assert f"{subject}_{named}_data-{as_of}.csv" in downloads, sorted(downloads)
    sentence = next(m.value.replace("\\", "") for m in app.markdown if re.match(r"\d+ incidents, ", m.value))
    assert "1 Jan 2025–31 Dec 2025, Balochistan or Khyber Pakhtunkhwa" in sentence
    rows = list(csv.DictReader(io.StringIO(downloads[f"incidents_shown_{named}_data-{as_of}.csv"]().decode())))
    assert len(rows) == int(sentence.split()[0].replace(",", "")) > 0
    assert {row["Province"] for row in rows} <= {"Balochistan", "Khyber Pakhtunkhwa"}
