"""Signals state what the latest published month shows, by their stated rule, and a gap is never a zero."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from components.dataset import load_dataset
from components.figures import DISPLAYED_STATUSES, displayed_figures
from components.paths import BUNDLED_DATA_DIR
from components.signals import (
    figure,
    main,
    months_beyond,
    run_length,
    signals,
    signals_slide,
)
from components.vocabulary import METRICS, SERIES, SIGNAL_RULES, TRACKER_REGIONS, TRACKERS

START = pd.Period("2024-01", freq="M")
BELOW_150 = [100, 120, 105, 125, 110, 130, 100, 120, 105, 125, 135, 130, 140]  # 13 months, no run of 3, no outlier


def stats(values: list[float | None], region="Balochistan", metric="deaths_total", statuses=None) -> pd.DataFrame:
    """Synthetic tracker rows, one per month from Jan 2024; None leaves that month unpublished."""
    rows = []
    for offset, value in enumerate(values):
        if value is None:
            continue
        month = START + offset
        rows.append(
            {
                "tracker": "PICSS",
                "series": "militant_attacks",
                "period_type": "month",
                "period_start": month.start_time,
                "period_end": month.end_time.normalize(),
                "region": region,
                "metric": metric,
                "value": float(value),
                "status": (statuses or {}).get(offset, "published"),
                "source_name": "PICSS",
                "source_url": f"https://example.org/picss/{month}",
                "source_published": f"{month + 1}-05",
                "source_kind": "tracker_site",
            }
        )
    return pd.DataFrame(rows)


def found(values, **kwargs):
    return signals(displayed_figures(stats(values, **kwargs)))


def rules(values, **kwargs) -> list[str]:
    return [signal.rule for signal in found(values, **kwargs)]


def test_highest_in_14_months_names_the_months_it_beat():
    values = [200, *BELOW_150, 150]  # Jan 2024 higher, then 13 lower months, then Mar 2025
    (signal,) = found(values)
    assert signal.rule == "highest_since"
    assert signal.headline == "Balochistan deaths highest in 14 months"
    assert signal.sentence == (
        "Balochistan deaths highest in 14 months: 150 in Mar 2025, above every month from Feb 2024 to Feb 2025. "
        "Source: PICSS, militant attacks only."
    )
    assert signal.month.isoformat() == "2025-03-01"
    assert signal.rule_text.startswith("Highest in N months: the latest month with a figure is above each")


def test_a_gap_ends_the_look_back_instead_of_counting_as_a_low_month():
    assert rules([*BELOW_150, 150]) == ["highest_since"]
    with_gap = [*BELOW_150[:9], None, *BELOW_150[10:], 150]  # Oct 2024 unpublished: 3 months known lower
    assert months_beyond(found_values(with_gap), above=True) == 4
    assert rules(with_gap) == []


def found_values(values) -> pd.Series:
    """The published months as signals read them."""
    index = pd.PeriodIndex([START + i for i, v in enumerate(values) if v is not None])
    return pd.Series([float(v) for v in values if v is not None], index=index)


def test_lowest_in_n_months():
    (signal,) = found([50, 60, 70, 65, 80, 75, 40], region="Khyber Pakhtunkhwa (mainland)", metric="attacks")
    assert signal.headline == "Khyber Pakhtunkhwa (mainland) attacks lowest in 7 months"
    assert "40 in Jul 2024, below every month from Jan 2024 to Jun 2024" in signal.sentence


def test_a_tie_is_not_a_new_high():
    assert months_beyond(found_values([90, 95, 99, 97, 98, 99]), above=True) == 3


def test_third_month_of_decline():
    (signal,) = found([None, 120, 100, 90, 80])
    assert signal.rule == "falling_run"
    assert signal.headline == "Balochistan deaths: third month of decline in a row"
    assert signal.sentence.startswith(
        "Balochistan deaths: third month of decline in a row: 120 in Feb 2024, 100 in Mar 2024, 90 in Apr 2024, "
        "80 in May 2024."
    )


def test_an_unpublished_month_breaks_a_run():
    assert run_length(found_values([120, 100, 90, 80]), rising=False) == 3
    gap = [120, 100, None, 90, 80, 70]  # the Mar 2024 gap: only Apr-Jun are known to fall month on month
    assert run_length(found_values(gap), rising=False) == 2
    assert rules(gap) == []


def test_rise_for_four_months():
    (signal,) = found([10, 12, 15, 16, 20], metric="attacks", region="Pakistan")
    assert signal.rule == "rising_run"
    assert signal.headline == "Pakistan attacks: fourth month of rise in a row"


def test_far_above_the_median_says_how_many_months_it_rests_on():
    values = [100, None, 100, 100, None, 100, 100, 100, 100, 100, None, 100, 160]  # 9 of the 12 published
    (signal,) = found(values)
    assert signal.rule == "above_median"
    assert signal.headline == "Balochistan deaths 60% above the 12-month median (9 of 12 months found)"
    assert signal.sentence.startswith(f"{signal.headline}: 160 in Jan 2025, against a median of 100. Source: ")


def test_no_median_signal_on_too_few_published_months():
    rule = SIGNAL_RULES["above_median"]
    few = [None] * (rule.window - rule.published + 1) + [100] * (rule.published - 1) + [300]
    assert "above_median" not in rules(few)
    enough = [None] * (rule.window - rule.published) + [100] * rule.published + [300]
    assert "above_median" in rules(enough)


def test_far_below_the_median():
    values = [100, 90, 110, 100, 95, 105, 100, 100, 40]  # below but not the lowest of every month: 98 in May
    values[4] = 30
    assert rules(values) == ["below_median"]
    (signal,) = found(values)
    assert signal.headline == "Balochistan deaths 60% below the 12-month median (8 of 12 months found)"


def test_only_displayed_figures_are_read():
    """A superseded row's value never makes a signal; the month keeps its published figure."""
    rows = stats([100, 110] * 6 + [105])
    assert signals(displayed_figures(rows.assign(value=rows["value"].where(rows.index < 12, 900.0)))) != []
    wrong = rows.iloc[[-1]].assign(value=900.0, status="superseded", source_url="https://example.org/old")
    figures = displayed_figures(pd.concat([rows, wrong], ignore_index=True))
    assert signals(figures) == []


def test_link_opens_the_series_on_the_trends_page_by_codes():
    (signal,) = found([*BELOW_150, 150])
    url = urlsplit(signal.link)
    assert url.path == "trends"
    assert parse_qs(url.query) == {
        "source": ["PICSS:militant_attacks"],
        "cadence": ["month"],
        "region": ["Balochistan"],
        "metric": ["deaths_total"],
        "year": ["2025"],
        "vs": ["2024"],
    }
    (linked,) = signals(displayed_figures(stats([*BELOW_150, 150])), app_url="https://dlm.example/")
    assert linked.link.startswith("https://dlm.example/trends?")


@pytest.fixture(scope="module")
def bundled():
    data = load_dataset(BUNDLED_DATA_DIR)
    return data, signals(data.figures)


def literal_figures() -> dict[tuple, set[str]]:
    """Each monthly figure's values exactly as data/tracker_stats.csv writes them, from displayed rows."""
    out: dict[tuple, set[str]] = {}
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["period_type"] == "month" and row["status"] in DISPLAYED_STATUSES:
                key = (row["tracker"], row["series"], row["region"], row["metric"], row["period_start"][:7])
                out.setdefault(key, set()).add(row["value"])
    return out


def test_bundled_signals_quote_the_data_file_figures(bundled):
    """Every 'N in Mon YYYY' a real signal states is a value the data file gives for that month."""
    _, found_now = bundled
    assert found_now, "the bundled data yield no signal"
    literal = literal_figures()
    for signal in found_now:
        quoted = re.findall(r"([\d,.]+) in (\w{3} \d{4})", signal.sentence)
        assert quoted, signal.sentence
        for value, month in quoted:
            key = (signal.tracker, signal.series, signal.region, signal.metric, f"{pd.Period(month, 'M')}")
            assert value.replace(",", "") in literal[key], (signal.sentence, literal.get(key))


def test_bundled_signals_use_declared_codes_newest_month_first(bundled):
    _, found_now = bundled
    for signal in found_now:
        assert signal.rule in SIGNAL_RULES
        assert signal.tracker in TRACKERS
        assert signal.series in SERIES
        assert signal.region in TRACKER_REGIONS
        assert signal.metric in METRICS
        assert signal.sentence.startswith(f"{signal.headline}: ")
        assert signal.sentence.endswith(f". Source: {signal.tracker}, {SERIES.label(signal.series)}.")
    months = [signal.month for signal in found_now]
    assert months == sorted(months, reverse=True)


def test_signals_slide_lists_every_signal_once_and_states_the_rules(bundled):
    data, found_now = bundled
    slide = signals_slide(found_now, data.data_as_of)
    assert slide.code == "signals"
    assert slide.title.endswith(f": {found_now[0].headline}, and {len(found_now) - 1} more signals")
    assert list(slide.table["Signal"]) == [s.headline for s in found_now]
    assert list(slide.table["Rule"]) == [SIGNAL_RULES.label(s.rule) for s in found_now]
    (rules,) = slide.statements  # the table holds the signals: a statement of one printed it twice
    for signal in found_now:  # every rule met is stated in words once
        assert rules.count(signal.rule_text) == 1
    assert "Data as of 8 Apr 2026" in slide.source_line
    assert {s.link for s in found_now} <= set(slide.links)


def test_no_signal_says_so_and_states_the_rules():
    slide = signals_slide([], None)
    assert slide.title == "No tracker series stands out in its latest month with a figure"
    assert len(slide.statements) == len(SIGNAL_RULES)
    assert "Data date unknown" in slide.source_line


def test_module_prints_the_current_signals(bundled, capsys, monkeypatch):
    monkeypatch.setenv("DLM_DATA_DIR", str(BUNDLED_DATA_DIR))
    assert main() == 0
    printed = capsys.readouterr().out
    _, found_now = bundled
    assert printed.startswith(f"{len(found_now)} signals, data as of 8 Apr 2026")
    assert found_now[0].sentence in printed


def test_every_figure_on_the_signals_slide_names_its_counting_layer(bundled):
    """The slide put a Feb 2026 figure of PICSS's combined layer beside Oct 2025 militant-attacks-only ones under
    a source line naming both layers, so no figure said whose count it was: its title, each row of its table and
    the source line now name the layer (vocabulary.SERIES), each layer with its own latest month in the file."""
    data, found_now = bundled
    slide = signals_slide(found_now, data.data_as_of)
    first = found_now[0]
    assert slide.title.startswith(f"{first.tracker}, {SERIES.short(first.series)}: {first.headline}")
    for signal, row in zip(found_now, slide.table.itertuples(index=False), strict=True):
        assert (row.Month, row.Figure) == (f"{signal.month:%b %Y}", figure(signal.value))
        layer = row[slide.table.columns.get_loc("Tracker and layer")]
        assert layer == f"{signal.tracker}, {SERIES.label(signal.series)}"
    signalled = {(s.tracker, s.series, s.region, s.metric) for s in found_now}
    latest: dict[tuple[str, str], set[str]] = {}
    with (BUNDLED_DATA_DIR / "tracker_stats.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["tracker"], row["series"], row["region"], row["metric"])
            if row["period_type"] == "month" and row["status"] in DISPLAYED_STATUSES and key in signalled:
                latest.setdefault(key[:2], set()).add(row["period_start"][:7])
    assert {series for _, series in latest} == {"combined", "militant_attacks"}  # two layers on one slide
    for (tracker, series), months in latest.items():
        month = f"{pd.Period(max(months), 'M'):%b %Y}"
        assert f"{month} in {tracker} ({SERIES.label(series)})" in slide.source_line
    assert "Feb 2026 in PICSS (attacks and security operations combined)" in slide.source_line
    assert "Oct 2025 in PICSS (militant attacks only)" in slide.source_line


def test_the_signals_slide_says_when_a_latest_figure_comes_from_a_repost():
    """The slide said 'monthly figures as published' whatever published the latest month."""
    found = signals(load_dataset(BUNDLED_DATA_DIR).figures)
    assert found
    assert all(s.source_kind != "repost" for s in found)
    assert "repost" not in signals_slide(found, None).source_line
    reposted = [replace(found[0], source_name="Dawn (via longform.social record)", source_kind="repost"), *found[1:]]
    assert (
        "monthly figures as published, latest month from Dawn (via longform.social record) "
        "(repost on an unrelated site) · " in signals_slide(reposted, None).source_line
    )
