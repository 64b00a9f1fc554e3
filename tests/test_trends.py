"""Year-over-year arithmetic checked against values worked out by hand from tests/synthetic.py's formulas.

2024 attacks per month are 50 + m (Jan 51 … Dec 62, year 678); 2025 are 60 + 2m (Jan 62 … Dec 84, year 876).
"""

from __future__ import annotations

import pytest

from components.charts import cumulative_chart, monthly_comparison_chart, sources_chart
from components.dataset import load_dataset
from components.trends import (
    compare_with_published,
    compare_years,
    comparison_sentence,
    kpis,
    monthly,
    pct_change,
    sources_side_by_side,
)


@pytest.fixture(scope="module")
def figures(synthetic_dir):
    return load_dataset(synthetic_dir).figures


@pytest.fixture(scope="module")
def attacks(figures):
    return monthly(figures, "PICSS", "militant_attacks", "Pakistan", "attacks")


def test_full_year_comparison(attacks):
    comparison = compare_years(attacks, 2025)
    assert comparison.earlier == 2024
    assert comparison.earlier_full_year == 678
    assert comparison.window_earlier == 678
    assert comparison.window_later == 876
    assert comparison.window_change_pct == pytest.approx(198 / 678 * 100)
    assert comparison.table.loc[0, "change_pct"] == pytest.approx(11 / 51 * 100)
    assert not comparison.is_partial
    assert comparison.run_rate is None


def test_month_the_later_year_passed_the_earlier_full_year(attacks):
    # 2025 running total: Sep 630, Oct 710 > 678.
    comparison = compare_years(attacks, 2025)
    assert comparison.passed_month == 10
    assert comparison.table.loc[8, "cum_later"] == 630
    assert comparison.table.loc[9, "cum_later"] == 710


def test_partial_year_same_window_and_run_rate(attacks):
    partial = attacks[~((attacks["year"] == 2025) & (attacks["month"] > 6))]
    comparison = compare_years(partial, 2025)
    assert comparison.is_partial
    assert comparison.later_months == (1, 2, 3, 4, 5, 6)
    assert comparison.window_earlier == 321
    assert comparison.window_later == 402
    assert comparison.window_change_pct == pytest.approx(81 / 321 * 100)
    assert comparison.run_rate == pytest.approx(804)
    assert comparison.passed_month is None


def test_missing_month_stops_the_running_total_instead_of_counting_zero(attacks):
    gap = attacks[~((attacks["year"] == 2024) & (attacks["month"] == 5))]
    comparison = compare_years(gap, 2025)
    assert comparison.earlier_full_year is None
    assert comparison.passed_month is None
    assert comparison.table["cum_earlier"].isna().sum() == 8
    # Like for like: May is left out of both years (2024 May was 55, 2025 May 70).
    assert comparison.window_months == (1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12)
    assert comparison.window_earlier == 678 - 55
    assert comparison.window_later == 876 - 70


def test_pct_change_refuses_a_zero_or_missing_base():
    assert pct_change(0, 5) is None
    assert pct_change(None, 5) is None
    assert pct_change(40, 50) == 25


def test_the_value_most_sources_state_wins_over_a_later_lone_outlet():
    import pandas as pd

    from components.trends import resolve_figures

    row = {
        "tracker": "PICSS",
        "series": "militant_attacks",
        "period_type": "month",
        "region": "Pakistan",
        "metric": "attacks",
        "period_start": pd.Timestamp("2024-08-01"),
        "period_end": pd.Timestamp("2024-08-31"),
        "notes": None,
    }
    stats = pd.DataFrame(
        [
            {**row, "value": 83.0, "source_name": "Pakistan Today", "source_published": "2024-09-02"},
            {**row, "value": 83.0, "source_name": "Anadolu", "source_published": None},
            {**row, "value": 59.0, "source_name": "Urdu outlet", "source_published": "2024-09-19"},
        ]
    )
    resolved = resolve_figures(stats)
    assert resolved["value"].tolist() == [83.0]
    assert resolved["alternatives"].tolist() == ["59"]
    revised = stats.assign(notes=[None, None, "revised in the next month's release"])
    assert resolve_figures(revised)["value"].tolist() == [59.0]


def test_published_annual_is_kept_beside_the_sum_of_months(figures):
    side = sources_side_by_side(figures, 2024, ["attacks"]).iloc[0]
    assert (side["published_annual"], side["sum_of_months"], side["difference"]) == (683, 678, 5)


def test_kpis_and_sentence(figures, attacks):
    row = kpis(figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024).set_index("metric").loc["attacks"]
    assert (row["later"], row["earlier"], row["months"]) == (876, 678, "Jan–Dec")
    sentence = comparison_sentence(compare_years(attacks, 2025), "Attacks", "PICSS", "militant_attacks", "Pakistan")
    assert "876" in sentence
    assert "up 29%" in sentence
    assert "end of Oct 2025" in sentence


def test_chart_builders_carry_exactly_the_compared_numbers(attacks, figures):
    comparison = compare_years(attacks, 2025)
    bars = monthly_comparison_chart(comparison.table, 2024, 2025, "Attacks").to_dict()["datasets"]
    values = next(iter(bars.values()))
    assert {(v["year"], v["month"], v["value"]) for v in values} >= {("2024", 1, 51), ("2025", 12, 84)}
    assert len(values) == 24
    cumulative = cumulative_chart(comparison.table, 2024, 2025, "Attacks", 678, 10).to_dict()
    marks = [d for d in cumulative["datasets"].values() if d and "label" in d[0]]
    assert any(d[0]["label"] == "passed in Oct" and d[0]["value"] == 710 for d in marks)
    side = sources_side_by_side(figures, 2024, ["attacks"])
    source_values = next(iter(sources_chart(side, "Attacks").to_dict()["datasets"].values()))
    assert sorted(v["value"] for v in source_values) == [678, 683]


def test_defaults_pick_the_headline_layer_and_the_latest_full_year(figures):
    from components.trends import default_year, monthly_options, source_choices

    options = monthly_options(figures)
    assert source_choices(options)[0] == "PICSS:militant_attacks"
    partial = options.copy()
    partial.loc[partial["year"] == 2025, "months"] = 2
    assert default_year(options) == 2025
    assert default_year(partial) == 2024


def test_bundled_picss_2025_against_2024_by_hand():
    """PICSS militant attacks as bundled: 2024 lacks December, so the window is Jan–Nov.

    Jan–Nov 2024: 93+97+56+77+86+69+79+83+77+68+71 = 856; Jan–Nov 2025: 74+79+105+81+85+78+82+143+69+89+97 = 982.
    """
    from components.paths import BUNDLED_DATA_DIR

    figures = load_dataset(BUNDLED_DATA_DIR).figures
    comparison = compare_years(monthly(figures, "PICSS", "militant_attacks", "Pakistan", "attacks"), 2025)
    assert comparison.window_months == tuple(range(1, 12))
    assert comparison.window_earlier == 856
    assert comparison.window_later == 982
    assert comparison.window_change_pct == pytest.approx((982 - 856) / 856 * 100)  # +14.7%
    assert comparison.table.loc[0, "change_pct"] == pytest.approx((74 - 93) / 93 * 100)  # January: -20.4%
    assert comparison.earlier_full_year is None  # no December 2024 figure, so no sum of 12 months
    assert comparison.passed_month is None
    # With PICSS's published 2024 total (905): 2025 running total is 885 by October, 982 by November.
    published = compare_with_published(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", 2025, 2024)
    assert (published.earlier_full_year, published.full_year_basis) == (905, "published annual total")
    assert published.table.loc[9, "cum_later"] == 885
    assert published.passed_month == 11
