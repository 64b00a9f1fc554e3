"""Year-over-year arithmetic checked against values worked out by hand from tests/synthetic.py's formulas.

2024 attacks per month are 50 + m (Jan 51 … Dec 62, year 678); 2025 are 60 + 2m (Jan 62 … Dec 84, year 876).
"""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest

from components.charts import GAP_WORDS, comparison_chart, cumulative_chart, sources_chart
from components.dataset import load_dataset
from components.paths import BUNDLED_DATA_DIR
from components.trends import (
    AFTER_DATA,
    NOT_FOUND,
    KpiRow,
    annual_side_by_side,
    compare,
    compare_years,
    comparison_sentence,
    comparison_table,
    default_pair,
    kpis,
    options,
    partial_year,
    pct_change,
    periods,
    side_by_side_table,
    slots_label,
    source_choices,
)


@pytest.fixture(scope="module")
def figures(synthetic_dir):
    return load_dataset(synthetic_dir).figures


@pytest.fixture(scope="module")
def attacks(figures):
    return periods(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", "month")


def test_full_year_comparison(attacks):
    comparison = compare_years(attacks, 2025)
    assert comparison.earlier == 2024
    assert comparison.earlier_full_year == 678
    assert comparison.window_earlier == 678
    assert comparison.window_later == 876
    assert comparison.window_change_pct == pytest.approx(198 / 678 * 100)
    assert comparison.table.loc[0, "change_pct"] == pytest.approx(11 / 51 * 100)
    assert not comparison.is_partial
    assert comparison.window == "full year"


def test_a_sum_resting_on_some_preliminary_quarters_counts_them_as_quarters():
    """The mark counted periods as months whatever the cadence: "(1 months preliminary)" for one quarter."""
    quarters = pd.DataFrame(
        {
            "year": [2024] * 4 + [2025] * 4,
            "slot": [1, 2, 3, 4] * 2,
            "value": [10.0, 20.0, 30.0, 40.0, 11.0, 21.0, 31.0, 41.0],
            "status": ["published"] * 7 + ["preliminary"],
        }
    )
    comparison = compare_years(quarters, 2025, cadence="quarter")
    assert comparison.provisional("later") == " (1 quarter preliminary)"
    assert comparison.provisional("earlier") == ""


def test_period_the_later_year_passed_the_earlier_full_year(attacks):
    # 2025 running total: Sep 630, Oct 710 > 678.
    comparison = compare_years(attacks, 2025)
    assert comparison.passed_slot == 10
    assert comparison.table.loc[8, "cum_later"] == 630
    assert comparison.table.loc[9, "cum_later"] == 710
    # The 678 is a sum of months, never read as the tracker's own annual figure.
    assert comparison_sentence(comparison, "Attacks", "PICSS", "militant_attacks", "Pakistan").endswith(
        "By the end of Oct 2025 the running total had passed 678, the sum of 2024's 12 months."
    )
    rule = [row for rows in cumulative_chart(comparison, "Attacks").to_dict()["datasets"].values() for row in rows]
    assert [row["label"] for row in rule if "total" in row] == ["2024, sum of 12 months: 678"]


def test_partial_year_same_window_and_no_estimate(attacks):
    partial = attacks[~((attacks["year"] == 2025) & (attacks["slot"] > 6))]
    comparison = compare_years(partial, 2025, data_as_of=dt.date(2025, 8, 10))
    assert comparison.is_partial
    assert comparison.later_slots == (1, 2, 3, 4, 5, 6)
    assert comparison.window_earlier == 321
    assert comparison.window_later == 402
    assert partial_year(comparison) == (
        "2025 has figures for Jan–Jun only: no full-year total is shown, and none is estimated from the periods "
        "published."
    )
    # July ended before the data date and has no figure: none found. August onwards: after the data date.
    assert comparison.table.loc[6, "later_note"] == NOT_FOUND
    assert set(comparison.table.loc[7:, "later_note"]) == {AFTER_DATA}


def test_missing_month_is_a_gap_never_a_zero(attacks):
    gap = attacks[~((attacks["year"] == 2024) & (attacks["slot"] == 3))]
    comparison = compare_years(gap, 2025)
    assert comparison.window_slots == (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12)
    assert pd.isna(comparison.table.loc[2, "cum_earlier"])  # the running total stops instead of adding zero
    assert not comparison.contiguous
    table = comparison_table(comparison)
    assert pd.isna(table.loc[2, "2024"])  # a gap, never a zero
    assert table.loc[2, "note"] == "2024: no figure found in this data set"
    assert table.loc[2, "2025"] == 66
    spec = comparison_chart(comparison, "Attacks").to_dict()
    gaps = [d for d in spec["datasets"].values() if d and d[0].get("note") == NOT_FOUND]
    assert [(g["label"], g["year"], g["zero"]) for g in gaps[0]] == [("Mar", "2024", 0)]
    # Labelled where its bar would stand, in words that say which year and what the gap is: no key needed.
    assert [g["gap_label"] for g in gaps[0]] == ["2024: no figure found"]
    assert NOT_FOUND.startswith(GAP_WORDS)  # the same words as the table's, cut short
    assert spec["layer"][1]["mark"]["type"] == "text"
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"][2] == "Mar"  # the month keeps its slot


def test_pct_change_refuses_a_zero_or_missing_base():
    assert pct_change(0, 5) is None
    assert pct_change(None, 5) is None
    assert pct_change(10, 15) == 50


def test_quarters_and_annual_cadences(figures):
    quarters = pd.DataFrame(
        {"year": [2024, 2024, 2025, 2025, 2025], "slot": [1, 2, 1, 2, 3], "value": [10, 20, 15, 30, 5]}
    )
    comparison = compare_years(quarters, 2025, cadence="quarter")
    assert comparison.window_slots == (1, 2)
    assert comparison.window == "Q1–Q2"
    assert list(comparison.table["label"]) == ["Q1", "Q2", "Q3", "Q4"]
    assert comparison.window_change_pct == pytest.approx(50)
    annual = compare(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", 2025, 2024, "year")
    assert (annual.window_earlier, annual.window_later) == (683, 881)


def test_slots_label_joins_runs():
    assert slots_label((1, 2, 3, 5, 7, 8, 9), "month") == "Jan–Mar, May, Jul–Sep"
    assert slots_label((1, 2), "month") == "Jan–Feb"
    assert slots_label(range(1, 13), "month") == "full year"
    assert slots_label((2, 3), "quarter") == "Q2–Q3"


def test_default_pair_is_the_latest_with_a_real_window():
    assert default_pair({2026: (1,), 2025: tuple(range(1, 13)), 2024: tuple(range(1, 12))}) == (2025, 2024)
    assert default_pair({2026: (1, 2, 3), 2025: tuple(range(1, 13)), 2024: (1,)}) == (2026, 2025)
    assert default_pair({2025: (1, 2), 2024: (3, 4)}) is None


def test_published_annual_is_kept_beside_the_sum_of_months(figures):
    side = annual_side_by_side(figures, 2024, "attacks").iloc[0]
    assert (side["published_annual"], side["sum_of_periods"], side["difference"]) == (683, 678, 5)


def test_kpis_cover_one_window_and_the_sentence(figures, attacks):
    row = kpis(figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024)
    card = row.cards.set_index("metric").loc["attacks"]
    assert (card["later"], card["earlier"]) == (876, 678)
    assert row.heading == "2025 against 2024"
    assert row.span(card["slots"]) == "2025"
    sentence = comparison_sentence(compare_years(attacks, 2025), "Attacks", "PICSS", "militant_attacks", "Pakistan")
    assert "876" in sentence
    assert "up 29%" in sentence
    assert "end of Oct 2025" in sentence


def test_a_card_label_never_reads_as_the_whole_year_when_it_is_not():
    cards = pd.DataFrame({"metric": ["deaths_total"], "label": ["Deaths"], "slots": [(1, 5, 6)]})
    assert KpiRow(cards, "month", 2025, 2024, ()).span((1, 5, 6)) == "3 months of 2025"
    assert KpiRow(cards, "month", 2025, 2024, ()).span(tuple(range(1, 12))) == "Jan–Nov 2025"
    assert KpiRow(cards, "quarter", 2025, 2024, ()).span((1, 2, 3)) == "Q1–Q3 2025"
    heading = KpiRow(cards, "month", 2025, 2024, ()).heading
    assert heading.startswith("Every card counts only Jan, May–Jun 2025 against the same months of 2024")


def test_the_attacks_card_counts_the_months_of_the_sentence_below_it():
    """Bundled PICSS: the attacks card read +13% over the 6 months every card shared, above the headline
    sentence's +15% over Jan–Nov; the card now counts the sentence's months, the casualty cards their own."""
    figures = load_dataset(BUNDLED_DATA_DIR).figures
    row = kpis(figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024)
    comparison = compare(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", 2025, 2024)
    attacks = row.cards.set_index("metric").loc["attacks"]
    assert attacks["slots"] == comparison.window_slots == tuple(range(1, 12))
    assert (attacks["later"], attacks["earlier"]) == (comparison.window_later, comparison.window_earlier)
    others = set(row.cards["slots"].iloc[1:])
    assert len(others) == 1, "the casualty cards share one set of months, so deaths and their parts add up"
    shared = others.pop()
    assert row.heading == (
        "Attacks: Jan–Nov 2025, every month this data set has in both years; the other cards only "
        f"{slots_label(shared, 'month')} 2025, the months for which it holds all of them in both years; "
        "each against the same months of 2024"
    )
    others = f"other cards: {slots_label(shared, 'month')} 2025"
    assert row.windows == f"Attacks: Jan–Nov 2025; {others}; vs the same months of 2024"


def test_a_thin_measure_has_its_own_window_rather_than_narrow_the_attacks_card():
    rows = []
    for year in (2024, 2025):
        for month in range(1, 13):
            for metric, present in (("attacks", True), ("deaths_total", month == 5)):
                if present:
                    start = pd.Timestamp(year, month, 1)
                    rows.append(
                        {
                            "tracker": "PICSS",
                            "series": "militant_attacks",
                            "period_type": "month",
                            "period_start": start,
                            "period_end": start + pd.offsets.MonthEnd(0),
                            "region": "Pakistan",
                            "metric": metric,
                            "value": 10.0,
                            "status": "published",
                            "source_name": "s",
                            "source_url": "https://example.org/s",
                            "source_kind": "major_outlet",
                            "other_values": "",
                        }
                    )
    row = kpis(pd.DataFrame(rows), "PICSS", "militant_attacks", "Pakistan", 2025, 2024)
    # Deaths (May only) no longer narrows the attacks card to May: each card says the months it counts.
    assert list(row.cards["metric"]) == ["attacks", "deaths_total"]
    assert list(row.cards["slots"]) == [tuple(range(1, 13)), (5,)]
    assert [row.span(slots) for slots in row.cards["slots"]] == ["2025", "May 2025"]
    assert row.left_out == ()


def test_chart_builders_carry_exactly_the_compared_numbers(attacks, figures):
    comparison = compare_years(attacks, 2025)
    bars = comparison_chart(comparison, "Attacks").to_dict()["datasets"]
    values = [v for d in bars.values() for v in d if v.get("value") is not None]
    assert {(v["year"], v["label"], v["value"]) for v in values} >= {("2024", "Jan", 51), ("2025", "Dec", 84)}
    assert len(values) == 24
    cumulative = cumulative_chart(comparison, "Attacks").to_dict()
    marks = [d for d in cumulative["datasets"].values() if d and "label_passed" in d[0]]
    assert any(d[0]["label_passed"] == "passed in Oct" and d[0]["value"] == 710 for d in marks)
    side = annual_side_by_side(figures, 2024, "attacks")
    source_values = next(iter(sources_chart(side, "Attacks", 2024).to_dict()["datasets"].values()))
    assert sorted(v["value"] for v in source_values) == [678, 683]


def test_headline_layer_comes_first(figures):
    assert source_choices(options(figures))[0] == "PICSS:militant_attacks"


def _annual_total_in_file(tracker: str, series: str, region: str, metric: str, start: str) -> float:
    """The annual total tracker_stats.csv gives: a restatement by a later release when there is one (all of
    them agreeing), else the published figure."""
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(newline="", encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if (row["tracker"], row["series"], row["period_type"], row["period_start"], row["region"], row["metric"])
            == (tracker, series, "year", start, region, metric)
        ]
    values = {float(r["value"]) for r in rows if r["status"] == "restated"} or {
        float(r["value"]) for r in rows if r["status"] == "published"
    }
    assert len(values) == 1, values
    return values.pop()


def test_bundled_picss_2025_against_2024_by_hand():
    """PICSS militant attacks as bundled: 2024 lacks December, so the window is Jan–Nov.

    Jan–Nov 2024: 93+97+56+77+86+69+79+83+77+68+71 = 856; Jan–Nov 2025: 74+79+105+81+85+78+82+143+69+89+97 = 982.
    """
    figures = load_dataset(BUNDLED_DATA_DIR).figures
    comparison = compare_years(periods(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", "month"), 2025)
    assert comparison.window_slots == tuple(range(1, 12))
    assert comparison.window_earlier == 856
    assert comparison.window_later == 982
    assert comparison.table.loc[0, "change_pct"] == pytest.approx((74 - 93) / 93 * 100)  # January: -20.4%
    assert comparison.earlier_full_year is None  # no December 2024 figure, so no sum of 12 months
    # With PICSS's 2024 annual total as the data file gives it (the 2025 annual report restates The Nation's
    # 905 as 908): 2025 running total is 885 by October, 982 by November.
    published = compare(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", 2025, 2024)
    annual_2024 = _annual_total_in_file("PICSS", "militant_attacks", "Pakistan", "attacks", "2024-01-01")
    assert (published.earlier_full_year, published.full_year_basis) == (annual_2024, "published annual total")
    assert published.table.loc[9, "cum_later"] == 885
    assert published.passed_slot == 11


def test_a_preliminary_annual_total_says_so_beside_the_sum_of_its_months():
    """PICSS's 2025 annual attacks (1,063) came out on 28 Dec 2025, before December was counted: it was drawn
    as 'annual total as published' and a caption said a difference usually means a later revision."""
    figures = load_dataset(BUNDLED_DATA_DIR).figures
    side = annual_side_by_side(figures, 2025, "attacks")
    picss = side[side["tracker"] == "PICSS"].iloc[0]
    assert picss["status"] == "preliminary"
    assert picss["published_annual"] == 1063
    rows = next(iter(sources_chart(side, "Attacks", 2025).to_dict()["datasets"].values()))
    assert {row["source"] for row in rows if row["tracker"] == "PICSS"} == {
        "PICSS · militant attacks only (annual total: preliminary)"
    }
    assert {row["figure"] for row in rows} == {"Annual total", "Sum of its periods"}  # the table's headers
    table = side_by_side_table(side)
    shown = table[table["Tracker"] == "PICSS"].iloc[0]
    assert shown["Status of the annual total"] == "preliminary"
    assert shown["Annual total"] == 1063  # a number: it sorts as one and a download writes 1063
    assert "None" not in table.to_string()


def test_a_card_says_how_many_of_its_periods_the_tracker_restated():
    figures = load_dataset(BUNDLED_DATA_DIR).figures
    row = kpis(figures, "PICSS", "militant_attacks", "Pakistan", 2025, 2024)
    rows = periods(figures, "PICSS", "militant_attacks", "Pakistan", "attacks", "month")
    for year, column in ((2025, "later_note"), (2024, "earlier_note")):
        shown = rows[(rows["year"] == year) & rows["slot"].isin(row.cards.set_index("metric").loc["attacks", "slots"])]
        restated = int((shown["status"] == "restated").sum())
        note = row.cards.set_index("metric").loc["attacks", column]
        if restated == 0:
            assert note == ""
        elif restated == len(shown):
            assert note == " (restated by the tracker)"
        else:
            assert note == f" ({restated} of {len(shown)} months restated by the tracker)"


def test_a_restated_annual_total_is_not_drawn_as_the_figure_first_published():
    """PICSS restated 2024's attacks as 908 (first 905): the side-by-side chart's legend called its bar 'annual
    total as published'."""
    figures = load_dataset(BUNDLED_DATA_DIR).figures
    side = annual_side_by_side(figures, 2024, "attacks")
    picss = side[(side["tracker"] == "PICSS") & (side["series"] == "militant_attacks")].iloc[0]
    assert (picss["status"], picss["published_annual"]) == ("restated", 908)
    rows = next(iter(sources_chart(side, "Attacks", 2024).to_dict()["datasets"].values()))
    labels = {row["source"] for row in rows if row["tracker"] == "PICSS" and row["series"] == "militant_attacks"}
    assert labels == {"PICSS · militant attacks only (annual total: restated by the tracker)"}
    assert not any("as published" in row["figure"] for row in rows)


def test_the_side_by_side_key_lists_only_the_figures_drawn():
    """2025's deaths: every tracker has an annual total and none a full year of periods, yet the key listed "Sum
    of its periods", a bar the chart does not draw; an annual total keeps its full ink whichever is drawn."""
    figures = load_dataset(BUNDLED_DATA_DIR).figures
    side = annual_side_by_side(figures, 2025, "deaths_total")
    assert side["sum_of_periods"].isna().all()
    assert side["published_annual"].notna().all()
    spec = sources_chart(side, "Deaths", 2025).to_dict()
    opacity = spec["encoding"]["opacity"]["scale"]
    assert opacity == {"domain": ["Annual total"], "range": [1.0]}
    summed = side.assign(sum_of_periods=side["published_annual"])  # as when every month is in the data set
    both = sources_chart(summed, "Deaths", 2025).to_dict()["encoding"]["opacity"]["scale"]
    assert both == {"domain": ["Annual total", "Sum of its periods"], "range": [1.0, 0.45]}
    assert spec["encoding"]["x"]["axis"]["tickCount"] <= 6
