"""Uploading an ACLED export in the browser, as an analyst would: the file's events replace the curated
incidents on every page of that session, with ACLED's attribution; a broken file is reported by row."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from bench.synthetic_events import acled_frame, write_csv
from tests.test_browser import SCREENSHOTS, open_page, settle, upload
from tests.test_deployment import CONFIG

UPLOAD_SPAN = ("2018-01-02", "2025-10-24")  # the first and last day of acled_frame(800)'s events


def sidebar_period(page) -> tuple[str, str]:
    """What the sidebar's From and To boxes show."""
    boxes = page.locator("[data-testid=stSidebar] [data-testid=stDateInput] input")
    return boxes.nth(0).input_value(), boxes.nth(1).input_value()


@pytest.fixture(scope="module")
def acled_upload(tmp_path_factory):
    frame = acled_frame(800, date_style="export", inter_style="text")
    frame["event_type"], frame["sub_event_type"] = "Explosions/Remote violence", "Suicide bomb"
    frame = frame.astype(str)
    frame.loc[4, "event_date"] = "31 February 2025"
    return write_csv(frame, tmp_path_factory.mktemp("upload") / "my_acled_export.csv")


def test_an_uploaded_acled_export_drives_every_page(browser, app_url, acled_upload):
    context, page, outside = open_page(browser, f"{app_url}/data")
    try:
        upload(page, str(acled_upload))
        # Reading the file ends in a rerun that draws the whole page; on a slow machine the page can look
        # quiet between the two, so wait for the choice to appear rather than count it at once.
        expect(page.get_by_text("Your upload: my_acled_export.csv")).to_have_count(1, timeout=60_000)
        settle(page)
        assert page.get_by_text("ACLED file: my_acled_export.csv").count() == 1
        assert page.get_by_text("Events from your ACLED export (my_acled_export.csv)").count() == 2  # top, report
        shown = page.locator("[data-testid=stMetric]").filter(has_text="Events shown")
        assert "799" in shown.inner_text()
        # The one bad row is named in the list below, with its reason.
        problems = page.locator("[data-testid=stDataFrame]").last
        assert problems.is_visible()
        page.screenshot(path=SCREENSHOTS / "import-report.png", full_page=True)

        # The date boxes show the file's span (they kept the curated 2024-01-01 to 2026-04-08 while the page
        # counted another window), and no page warns that the curated incidents are old.
        assert sidebar_period(page) == UPLOAD_SPAN
        assert page.get_by_text("Curated data as of").count() == 0

        page.get_by_role("link", name="Map").click()
        settle(page)
        assert page.get_by_text("Events from your ACLED export (my_acled_export.csv)").count() == 1
        assert page.get_by_text("curated, not exhaustive").count() == 0
        assert page.locator("[data-testid=stDeckGlJsonChart] canvas").count() >= 1
        assert sidebar_period(page) == UPLOAD_SPAN
        assert page.get_by_text("Curated data as of").count() == 0
        assert page.get_by_text("2 Jan 2018–24 Oct 2025").count() == 1  # the sentence counts that window
        page.screenshot(path=SCREENSHOTS / "map-imported.png")

        # The briefing a person downloads names the file in its name and carries ACLED's attribution.
        page.get_by_role("link", name="Overview").click()
        settle(page)
        assert sidebar_period(page) == UPLOAD_SPAN
        page.screenshot(path=SCREENSHOTS / "overview-imported.png")
        with page.expect_download(timeout=120_000) as briefing:
            page.get_by_role("button", name="One-page briefing (PDF)").click()
        assert "_acled-my-acled-export_" in briefing.value.suggested_filename
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(briefing.value.path()).pages).split())
        assert "Armed Conflict Location & Event Data (ACLED), acleddata.com" in text
        assert "curated, not exhaustive" not in text

        page.get_by_role("link", name="Data & sources").click()
        settle(page)
        page.get_by_text("Curated notable incidents (bundled)").click()
        settle(page)
        assert sidebar_period(page) == ("2024-01-01", "2026-04-08")  # back on the curated span
        assert not outside, outside
    finally:
        context.close()


def test_a_second_browser_session_still_sees_the_curated_incidents(browser, app_url, acled_upload):
    """An upload belongs to the session that made it; nobody else's view changes."""
    context, page, _ = open_page(browser, f"{app_url}/map")
    try:
        assert page.get_by_text("Notable incidents, curated, not exhaustive.").count() == 1
        assert page.get_by_text("my_acled_export.csv").count() == 0
    finally:
        context.close()


def test_an_empty_upload_is_reported_and_the_curated_incidents_stay(browser, app_url):
    context, page, outside = open_page(browser, f"{app_url}/data")
    try:
        upload(page, {"name": "empty.csv", "mimeType": "text/csv", "buffer": b""})
        assert page.get_by_text("Nothing in empty.csv can be shown; the report below says why.").count() == 1
        assert page.get_by_text("Notable incidents, curated, not exhaustive.").count() >= 1
        assert page.get_by_text("Your upload: empty.csv").count() == 0
        assert not outside, outside
    finally:
        context.close()


def test_an_upload_over_the_size_limit_is_refused_with_the_limit_named(browser, app_url, tmp_path):
    context, page, _ = open_page(browser, f"{app_url}/data")
    try:
        limit_mb = CONFIG["server"]["maxUploadSize"]
        assert page.get_by_text(f"Uploads may be up to {limit_mb} MB").count() == 1
        too_big = tmp_path / "huge.csv"
        too_big.write_bytes(b"event_id_cnty\n" + b"x" * (limit_mb * 1024 * 1024))
        upload(page, str(too_big))
        assert page.get_by_text(f"File must be {limit_mb}.0MB or smaller.").count() == 1
        assert page.get_by_text("Your upload: huge.csv").count() == 0
        assert page.get_by_text("Notable incidents, curated, not exhaustive.").count() >= 1
    finally:
        context.close()


def test_two_viewers_uploading_the_same_bytes_each_keep_their_own_file_and_name(browser, app_url, acled_upload):
    """Uploads are held per session: identical bytes under two names stay two uploads, a name is text (never
    Markdown), and one viewer's uploads and removals never change the other's pages."""
    content = acled_upload.read_bytes()
    first, first_page, outside = open_page(browser, f"{app_url}/data")
    second, second_page, _ = open_page(browser, f"{app_url}/data")
    try:
        upload(first_page, {"name": "analyst_one.csv", "mimeType": "text/csv", "buffer": content})
        tricky = "![x](http://example.org/x.png)_two.csv"
        upload(second_page, {"name": tricky, "mimeType": "text/csv", "buffer": content})
        # shown literally, once the rerun that follows reading the file has drawn it
        expect(second_page.get_by_text(f"Your upload: {tricky}")).to_have_count(1, timeout=60_000)
        settle(second_page)
        assert second_page.get_by_text("analyst_one.csv").count() == 0
        first_page.get_by_role("link", name="Trends").click()  # a rerun of the first session (a reload would
        settle(first_page)  # start a new session, which begins with the curated data by design)
        first_page.get_by_role("link", name="Data & sources").click()
        settle(first_page)
        assert first_page.get_by_text("Your upload: analyst_one.csv").count() == 1
        assert first_page.get_by_text("_two.csv").count() == 0

        # The second viewer removes their upload; the first still sees theirs on every page.
        second_page.get_by_role("button", name=f"Remove upload: {tricky}").click()
        settle(second_page)
        assert second_page.get_by_text("Notable incidents, curated, not exhaustive.").count() >= 1
        first_page.get_by_role("link", name="Map").click()
        settle(first_page)
        assert first_page.get_by_text("Events from your ACLED export (analyst_one.csv)").count() == 1
        assert not outside, outside
    finally:
        first.close()
        second.close()
