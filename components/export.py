"""Files an analyst takes away: charts as PNG or SVG, and a one-page briefing (PNG or PDF) with its sources."""

from __future__ import annotations

import datetime as dt
import io
import textwrap

import altair as alt
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import vl_convert as vlc

from components.geo import GeoLayers
from components.palette import FAMILY_COLOURS, TYPE_FAMILIES, YEAR_COLOURS
from components.trends import KpiRow, YearComparison


def chart_png(chart: alt.TopLevelMixin) -> bytes:
    return vlc.vegalite_to_png(chart.to_json(), scale=2)


def chart_svg(chart: alt.TopLevelMixin) -> str:
    return vlc.vegalite_to_svg(chart.to_json())


BRIEFING_FORMATS = {"png": "image/png", "pdf": "application/pdf"}


def briefing_file(
    file_format: str,
    cards: KpiRow | None,
    comparison: YearComparison | None,
    sentence: str,
    events: pd.DataFrame,
    geo: GeoLayers,
    sources: list[str],
    data_as_of: dt.date | None,
) -> bytes:
    """The one-page briefing as PNG or PDF: the same page, its sources and data date printed on it and
    also written into the file's metadata, so they stay with the file when it is forwarded or filed."""
    as_of = f"Data as of {data_as_of:%d %b %Y}" if data_as_of else "Data date unknown"
    title = f"Durand Line Monitor briefing, {as_of}"
    if file_format == "png":
        metadata = {"Title": title, "Source": "\n".join(sources)}
    else:
        metadata = {
            "Title": title,
            "Subject": "Sources: " + "; ".join(sources),
            "Keywords": f"data as of {data_as_of:%Y-%m-%d}" if data_as_of else "data date unknown",
            "Creator": "Durand Line Monitor",
        }
    # TrueType (42) rather than Type 3 fonts, so the PDF's text can be searched, copied and read back.
    with plt.rc_context({"pdf.fonttype": 42}):
        figure = _briefing_figure(cards, comparison, sentence, events, geo, sources, as_of)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=file_format, bbox_inches="tight", metadata=metadata)
        plt.close(figure)
    return buffer.getvalue()


def _briefing_figure(cards: KpiRow | None, comparison, sentence, events, geo, sources, as_of: str):
    """A one-page A4-landscape briefing: KPIs, the trend, a static map and the sources."""
    figure = plt.figure(figsize=(16.5, 11.7), dpi=110)
    grid = figure.add_gridspec(3, 2, height_ratios=[0.5, 2.2, 1.1], width_ratios=[1.15, 1], hspace=0.3, wspace=0.12)
    figure.suptitle(f"Durand Line Monitor · briefing · {as_of}", fontsize=20, fontweight="bold", x=0.03, ha="left")

    kpi_axis = figure.add_subplot(grid[0, :])
    kpi_axis.axis("off")
    headline = cards.cards if cards is not None else pd.DataFrame()
    if cards is not None and not headline.empty:
        kpi_axis.text(0, 1.45, cards.heading, fontsize=12, va="top", transform=kpi_axis.transAxes)
    for index, row in enumerate(headline.itertuples(index=False)):
        change = (
            "" if row.change_pct is None or pd.isna(row.change_pct) else f"{row.change_pct:+.0f}% vs {cards.earlier}"
        )
        value = f"{row.later:,.0f}"
        x = index / max(len(headline), 1)
        label = textwrap.fill(f"{row.label}, {cards.later}", 26)
        kpi_axis.text(x, 1.0, label, fontsize=11, va="top", transform=kpi_axis.transAxes)
        kpi_axis.text(x, 0.0, f"{value}  {change}", fontsize=22, fontweight="bold", transform=kpi_axis.transAxes)

    map_axis = figure.add_subplot(grid[1, 0])
    _static_map(map_axis, events, geo)

    trend_axis = figure.add_subplot(grid[1, 1])
    if comparison is not None:
        table = comparison.table
        offsets = (-0.2, 0.2)
        for offset, column, year, colour in zip(
            offsets, ("earlier", "later"), (comparison.earlier, comparison.later), YEAR_COLOURS, strict=True
        ):
            trend_axis.bar(table["slot"] + offset, table[column], width=0.4, color=colour, label=str(year))
        trend_axis.set_xticks(table["slot"], table["label"])
        trend_axis.legend(frameon=False)
        trend_axis.set_title("Militant attacks per month (PICSS)", loc="left", fontsize=13)
        trend_axis.spines[["top", "right"]].set_visible(False)

    text_axis = figure.add_subplot(grid[2, :])
    text_axis.axis("off")
    lines = [*textwrap.wrap(sentence, 170), "", "Sources:"] + [textwrap.shorten(s, 170) for s in sources[:8]]
    lines.append("Notable incidents, curated, not exhaustive. Figures as published by each source.")
    # Source names come from data files: parse_math=False keeps "$...$" as text (mathtext would render it,
    # or fail on it and take the whole briefing down).
    text_axis.text(
        0,
        1,
        "\n".join(lines),
        va="top",
        fontsize=10,
        family="DejaVu Sans",
        transform=text_axis.transAxes,
        parse_math=False,
    )
    return figure


def _static_map(axis, events: pd.DataFrame, geo: GeoLayers) -> None:
    """Countries, provinces, the Durand Line and incidents drawn with geopandas, no tiles."""
    countries = geo["countries"]
    countries.plot(ax=axis, color="#F4F1EA", edgecolor="#888888", linewidth=0.6)
    geo["provinces"].boundary.plot(ax=axis, color="#AAAAAA", linewidth=0.4)
    geo["durand_line"].plot(ax=axis, color="#111111", linewidth=2)
    if not events.empty:
        colours = events["event_type"].map(TYPE_FAMILIES).map(FAMILY_COLOURS)
        sizes = 12 + events["killed"].fillna(0).astype(float).clip(upper=80) * 4
        axis.scatter(events["lon"], events["lat"], s=sizes, c=colours, alpha=0.8, edgecolors="white", linewidths=0.5)
    axis.set_xlim(60.5, 75.5)
    axis.set_ylim(24, 37.5)
    axis.set_axis_off()
    axis.set_title(f"{len(events)} notable incidents and the Durand Line", loc="left", fontsize=13)
