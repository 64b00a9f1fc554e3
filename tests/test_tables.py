"""No table shows "None" (issue #19): an empty cell reads as a dash, and a number column stays numbers, so
it still sorts as numbers. The grid is drawn on a canvas, so the test reads what the page tells the grid to
draw for an empty cell (the element's placeholder); the screenshots in the issue show the result."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from components.paths import ROOT
from components.ui.widgets import NO_VALUE
from tests.test_pages import run_page


@pytest.mark.parametrize("page", ["views/map/map.py", "views/data/sources.py"])
def test_empty_cells_read_as_a_dash(page):
    tables = list(run_page(page).dataframe)
    with_gaps = [table.value for table in tables if table.value.isna().to_numpy().any()]
    assert with_gaps, "no empty cell on this page, so nothing here is tested"
    assert [table.proto.placeholder for table in tables] == [NO_VALUE] * len(tables)
    if page == "views/map/map.py":  # "Incidents shown": blanks in number columns, which still sort as numbers
        assert any(
            pd.api.types.is_numeric_dtype(column) and column.isna().any()
            for frame in with_gaps
            for _, column in frame.items()
        )


def test_every_table_goes_through_the_one_that_shows_a_dash():
    callers = [
        path.relative_to(ROOT).as_posix()
        for path in [*ROOT.glob("components/**/*.py"), *ROOT.glob("views/**/*.py"), ROOT / "app.py"]
        if re.search(r"\.dataframe\(", path.read_text(encoding="utf-8"))
    ]
    assert callers == ["components/ui/widgets.py"]
