"""Schemas of every curated table, declared once and used by the loader, the CLI and the tests.

Each CSV is read as text and validated here with pandera; rows that fail are reported and left out,
so one bad cell never hides a whole file. Typed columns (numbers, dates, true/false) are parsed from the text
by their declared dtype (components.validation.PARSERS) before these checks run, so none of them coerces:
pandera would turn any non-empty text into True and "inf" into a number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from components.dates import PUBLISHED
from components.vocabulary import (
    ACTOR_GROUPS,
    COORD_PRECISIONS,
    COUNTRIES,
    CROSSING_STATUSES,
    DIPLOMACY_TRACKS,
    EVENT_TYPES,
    FIGURE_STATUSES,
    LOCATION_PRECISIONS,
    METRICS,
    PERIOD_TYPES,
    PROVINCES,
    PUBLISHED_NOTES,
    SERIES,
    SOURCE_KINDS,
    TOLL_SCOPES,
    TRACKER_REGIONS,
    TRACKERS,
    UNKNOWN_ACTOR,
    CodeList,
)

# Pakistan and Afghanistan with a small margin: anything outside is a typo or swapped lat/lon.
LAT_RANGE = (23.0, 39.0)
LON_RANGE = (60.0, 78.0)
EARLIEST_DATE = pd.Timestamp("2000-01-01")

EARLIEST_IMPORT_DATE = pd.Timestamp("1989-01-01")  # UCDP GED starts in 1989, ACLED later
TOLL_COLUMNS = ("killed_total", "killed_security_forces", "killed_civilians", "killed_militants", "injured_total")
SLUG = r"^[a-z0-9][a-z0-9-]*$"
DATED_SLUG = r"^\d{8}-[a-z0-9][a-z0-9-]*$"
URL = r"^https?://[^\s/$.?#][^\s]*\.[^\s]*$"
DOMAIN = r"^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$"


def _today() -> pd.Timestamp:
    return pd.Timestamp(dt.date.today())


def _text(required: bool = True, **kwargs) -> pa.Column:
    return pa.Column(str, nullable=not required, coerce=True, **kwargs)


def _count(**kwargs) -> pa.Column:
    return pa.Column("Int64", pa.Check.ge(0, error="must be zero or more"), nullable=True, **kwargs)


def _past_date(required: bool = True) -> pa.Column:
    return pa.Column(
        "datetime64[ns]",
        [
            pa.Check.ge(EARLIEST_DATE, error="date before 2000"),
            pa.Check(lambda s: s <= _today(), element_wise=False, error="date in the future"),
        ],
        nullable=not required,
    )


def _any_date(required: bool = True) -> pa.Column:
    return pa.Column(
        "datetime64[ns]",
        pa.Check.ge(EARLIEST_DATE, error="date before 2000"),
        nullable=not required,
    )


def _choice(options: CodeList | tuple[str, ...], required: bool = True) -> pa.Column:
    """A code from a list of components/vocabulary.py (or a few more, for the coverage notes)."""
    codes = options.codes if isinstance(options, CodeList) else options
    long_list = isinstance(options, CodeList) and len(codes) > 20  # 41 provinces would swamp the message
    listed = f"the {options.name} codes of components/vocabulary.py" if long_list else ", ".join(codes)
    return _text(required, checks=pa.Check.isin(codes, error=f"not one of: {listed}"))


LIST_SEPARATOR = ";"


def split_list(cell) -> list[str]:
    """A list cell, 'Paktika; Khost', to ['Paktika', 'Khost']; blank to []."""
    if cell is None or pd.isna(cell):
        return []
    return [part.strip() for part in str(cell).split(LIST_SEPARATOR) if part.strip()]


def _code_list(options: CodeList) -> pa.Column:
    """Optional codes of one list, separated by ';'."""
    return _text(
        required=False,
        checks=pa.Check(
            lambda cell: all(code in options for code in split_list(cell)),
            element_wise=True,
            ignore_na=True,
            error=f"names something not in the {options.name} codes of components/vocabulary.py",
        ),
    )


def _source_columns() -> dict[str, pa.Column]:
    """Every row names the source that states it."""
    return {
        "source_name": _text(),
        "source_url": _text(checks=pa.Check.str_matches(URL, error="not an http(s) URL")),
        "source_published": _text(
            required=False,
            checks=pa.Check.str_matches(PUBLISHED, error="not a YYYY-MM-DD or YYYY-MM date"),
        ),
        "published_note": _choice(PUBLISHED_NOTES, required=False),
        "notes": _text(required=False),
    }


# Checks across columns start their message with the column they blame (validation.py relies on it).


def _dated_or_explained() -> pa.Check:
    """Every row shows its source's publication date or says, in a declared code, why it cannot."""
    return pa.Check(
        lambda df: df["source_published"].notna() != df["published_note"].notna(),
        error="published_note gives the reason a row has no source_published, and only then",
    )


def _ordered(start: str, end: str) -> pa.Check:
    return pa.Check(
        lambda df: df[end].isna() | (df[end] >= df[start]),
        error=f"{end} is before {start}",
    )


def _parts_within_total(total: str, parts: list[str]) -> pa.Check:
    """A stated total can never be smaller than one of its stated parts."""

    def check(df: pd.DataFrame) -> pd.Series:
        ok = pd.Series(True, index=df.index)
        for part in parts:
            ok &= df[total].isna() | df[part].isna() | (df[part] <= df[total])
        return ok.astype(bool)

    return pa.Check(check, error=f"{total} is smaller than one of its categories")


def _valid_lat_lon(required: bool = True) -> dict[str, pa.Column]:
    return {
        "lat": pa.Column(
            float,
            pa.Check.in_range(*LAT_RANGE, error=f"latitude outside {LAT_RANGE[0]}–{LAT_RANGE[1]}"),
            nullable=not required,
        ),
        "lon": pa.Column(
            float,
            pa.Check.in_range(*LON_RANGE, error=f"longitude outside {LON_RANGE[0]}–{LON_RANGE[1]}"),
            nullable=not required,
        ),
    }


def _provinces_listed(df: pd.DataFrame) -> pd.Series:
    """A multi-province row lists two or more provinces, its own among them; any other row lists none."""

    def fits(province, multi, listed) -> bool:
        named = split_list(listed)
        return (len(named) >= 2 and province in named) if pd.notna(multi) and multi else not named

    return pd.Series(map(fits, df["province"], df["multi_province"], df["provinces"]), index=df.index, dtype=bool)


def _province_in_country(df: pd.DataFrame) -> pd.Series:
    """Checked only where both are declared codes: an undeclared one is reported by its own column."""
    pairs = zip(df["province"], df["country"], strict=True)
    fits = [p not in PROVINCES or c not in COUNTRIES or PROVINCES[p].group == c for p, c in pairs]
    return pd.Series(fits, index=df.index, dtype=bool)


INCIDENTS = pa.DataFrameSchema(
    {
        "incident_id": _text(checks=pa.Check.str_matches(DATED_SLUG, error="not YYYYMMDD-slug")),
        "account": _text(),
        "date": _past_date(),
        "date_end": _past_date(required=False),
        "country": _choice(COUNTRIES),
        "province": _choice(PROVINCES),
        "district": _text(required=False),
        "place": _text(required=False),
        **_valid_lat_lon(),
        "location_precision": _choice(LOCATION_PRECISIONS),
        "coord_source": _text(),
        "event_type": _choice(EVENT_TYPES.where(curated=True)),
        "perpetrator": _text(),
        "claimed_by": _text(required=False),
        "target": _text(required=False),
        "killed_total": _count(),
        "killed_security_forces": _count(),
        "killed_civilians": _count(),
        "killed_militants": _count(),
        "injured_total": _count(),
        "cross_border": pa.Column("boolean"),  # nullable dtype, so a blank is reported missing, not False
        "summary": _text(),
        **_source_columns(),
        # The canonical group of `perpetrator` (kept verbatim); suspected_group only where it is unknown.
        "actor_group": _choice(ACTOR_GROUPS),
        "suspected_group": _choice(ACTOR_GROUPS, required=False),
        "multi_province": pa.Column("boolean"),
        "provinces": _code_list(PROVINCES),
        # Which stage of a multi-day event the account's toll covers; optional, so older files still load.
        "toll_scope": pa.Column(
            str,
            pa.Check.isin(TOLL_SCOPES.codes, error=f"not one of: {', '.join(TOLL_SCOPES.codes)}"),
            nullable=True,
            coerce=True,
            required=False,
        ),
    },
    checks=[
        _dated_or_explained(),
        _ordered("date", "date_end"),
        pa.Check(
            lambda df: df["suspected_group"].isna() | (df["actor_group"] == UNKNOWN_ACTOR),
            error="suspected_group is only for rows whose actor_group is unknown",
        ),
        pa.Check(
            _provinces_listed,
            error="provinces must list two or more provinces, province among them, when multi_province is true "
            "and be blank otherwise",
        ),
        pa.Check(_province_in_country, error="province is not a province of the row's country"),
        pa.Check(
            lambda df: (
                df["toll_scope"].isna() | df[list(TOLL_COLUMNS)].notna().any(axis=1)
                if "toll_scope" in df
                else pd.Series(True, index=df.index)
            ),
            error="toll_scope is given but the row states no toll",
        ),
        # Not killed_militants: a headline toll often leaves out the attackers ("8 killed; 10 attackers
        # also died"), and the total is recorded as stated.
        _parts_within_total("killed_total", ["killed_security_forces", "killed_civilians"]),
        pa.Check(
            lambda df: ~df.duplicated(["incident_id", "account", "source_url"]),
            error="incident_id repeats an earlier row with the same account and source",
        ),
    ],
    strict="filter",
    name="incidents",
)

TRACKER_STATS = pa.DataFrameSchema(
    {
        "tracker": _choice(TRACKERS),
        "series": _choice(SERIES),
        "period_type": _choice(PERIOD_TYPES),
        # A period can still be running (its end is ahead), but a figure for one not yet begun is a typo.
        "period_start": _past_date(),
        "period_end": _any_date(),
        "region": _choice(TRACKER_REGIONS),
        "metric": _choice(METRICS),
        "value": pa.Column(float, pa.Check.ge(0, error="must be zero or more")),
        "status": _choice(FIGURE_STATUSES),
        "replaces": _text(required=False),
        **_source_columns(),
    },
    checks=[
        _dated_or_explained(),
        _ordered("period_start", "period_end"),
        pa.Check(
            lambda df: (df["status"] != "restated") | df["replaces"].notna(),
            error="replaces must name the release a restated figure replaces",
        ),
        pa.Check(
            lambda df: (
                ~df.duplicated(["tracker", "series", "period_start", "period_end", "region", "metric", "source_url"])
            ),
            error="value repeats a figure an earlier row gives from the same source",
        ),
    ],
    strict="filter",
    name="tracker_stats",
)

CROSSINGS = pa.DataFrameSchema(
    {
        "crossing_id": _text(
            checks=pa.Check.str_matches(SLUG, error="not a lowercase slug"),
            unique=True,
            report_duplicates="exclude_first",
        ),
        "name": _text(),
        "pk_place": _text(required=False),
        "af_place": _text(required=False),
        "pk_province": _text(required=False),
        "af_province": _text(required=False),
        # A crossing known only by name stays in the table (and on the status bands) but off the map.
        **_valid_lat_lon(required=False),
        "coord_precision": _choice(COORD_PRECISIONS, required=False),
        "coord_source_name": _text(required=False),
        "coord_source_url": _text(required=False, checks=pa.Check.str_matches(URL, error="not an http(s) URL")),
        "notes": _text(required=False),
    },
    strict="filter",
    name="crossings",
)

CROSSING_STATUS = pa.DataFrameSchema(
    {
        "crossing_id": _text(checks=pa.Check.str_matches(SLUG, error="not a lowercase slug")),
        "status": _choice(CROSSING_STATUSES),
        "start_date": _past_date(),
        "end_date": _past_date(required=False),
        "reason": _text(required=False),
        "trade_impact": _text(required=False),
        **_source_columns(),
    },
    checks=[
        _dated_or_explained(),
        _ordered("start_date", "end_date"),
        pa.Check(
            lambda df: ~df.duplicated(["crossing_id", "status", "start_date", "source_url"]),
            error="crossing_id repeats an earlier period from the same source",
        ),
    ],
    strict="filter",
    name="crossing_status",
)

DIPLOMACY = pa.DataFrameSchema(
    {
        "event_id": _text(checks=pa.Check.str_matches(DATED_SLUG, error="not YYYYMMDD-slug")),
        "date_start": _past_date(),
        "date_end": _past_date(required=False),
        "track": _choice(DIPLOMACY_TRACKS),
        "title": _text(),
        "venue": _text(required=False),
        "parties": _text(),
        "mediators": _text(required=False),
        "outcome": _text(required=False),
        "summary": _text(required=False),
        **_source_columns(),
    },
    checks=[
        _dated_or_explained(),
        _ordered("date_start", "date_end"),
        pa.Check(
            lambda df: ~df.duplicated(["event_id", "source_url"]),
            error="event_id repeats an earlier row from the same source",
        ),
    ],
    strict="filter",
    name="diplomacy",
)

TOWNS = pa.DataFrameSchema(
    {
        "geonameid": pa.Column("Int64", unique=True, report_duplicates="exclude_first"),
        "name": _text(),
        "country": _choice(COUNTRIES),
        "province": _text(required=False),
        **_valid_lat_lon(),
        "population": _count(),
    },
    strict="filter",
    name="towns",
)

# An ACLED or UCDP file mapped onto the app's event columns (components/imports/). Values are typed before
# this runs, so every failure here is about a value, and the importer names the column of the user's file.
# No event has killed a million people; a larger count is a slip (or a placeholder such as 2**63) that would
# swamp every total and overflow sums.
MAX_KILLED_IN_ONE_EVENT = 1_000_000


def _killed_in_one_event() -> pa.Column:
    return pa.Column(
        "Int64",
        [
            pa.Check.ge(0, error="must be zero or more"),
            pa.Check.le(
                MAX_KILLED_IN_ONE_EVENT,
                error=f"more than {MAX_KILLED_IN_ONE_EVENT:,} killed in one event; not a plausible count",
            ),
        ],
        nullable=True,
    )


IMPORTED_EVENTS = pa.DataFrameSchema(
    {
        "incident_id": _text(unique=True, report_duplicates="exclude_first"),
        "date": pa.Column(
            "datetime64[ns]",
            [
                pa.Check.ge(EARLIEST_IMPORT_DATE, error="date before 1989"),
                pa.Check(lambda s: s <= _today(), element_wise=False, error="date in the future"),
            ],
        ),
        "country": _choice(COUNTRIES),
        **_valid_lat_lon(),
        "location_precision": _choice(LOCATION_PRECISIONS),
        "event_type": _choice(EVENT_TYPES.where(imported=True)),
        "killed_low": _killed_in_one_event(),
        "killed": _killed_in_one_event(),
        "killed_high": _killed_in_one_event(),
    },
    checks=[
        pa.Check(
            lambda df: df["killed_low"].isna() | df["killed"].isna() | (df["killed_low"] <= df["killed"]),
            error="killed_low is above the best estimate",
        ),
        pa.Check(
            lambda df: df["killed_high"].isna() | df["killed"].isna() | (df["killed"] <= df["killed_high"]),
            error="killed_high is below the best estimate",
        ),
    ],
    strict=False,
    name="imported_events",
)

BOUNDARY_LAYER = pa.DataFrameSchema(
    {
        "name": _text(),
        "geometry": pa.Column(
            checks=pa.Check(
                lambda g: g is not None and not g.is_empty and g.is_valid,
                element_wise=True,
                error="geometry missing, empty or invalid",
            )
        ),
    },
    checks=pa.Check(
        lambda df: df.geometry.bounds.pipe(lambda b: (b.minx >= 55) & (b.maxx <= 82) & (b.miny >= 20) & (b.maxy <= 42)),
        error="geometry outside the map region (wrong CRS or swapped coordinates?)",
    ),
    name="boundaries",
)


# The declared source registry: one row per web domain cited anywhere, with the outlet and its kind.
OUTLETS = pa.DataFrameSchema(
    {
        "domain": _text(
            checks=pa.Check.str_matches(DOMAIN, error="not a lowercase web domain without www."),
            unique=True,
            report_duplicates="exclude_first",
        ),
        "outlet": _text(),
        "kind": _choice(SOURCE_KINDS),
        "notes": _text(required=False),
    },
    strict="filter",
    name="outlets",
)


@dataclass(frozen=True)
class TableSpec:
    """Where a table lives and the schema its rows must satisfy."""

    name: str
    file: str
    schema: pa.DataFrameSchema
    description: str


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("incidents", "incidents.csv", INCIDENTS, "Notable incidents, one row per account"),
        TableSpec(
            "tracker_stats",
            "tracker_stats.csv",
            TRACKER_STATS,
            "Monthly, quarterly and annual totals as the trackers publish them",
        ),
        TableSpec("crossings", "crossings.csv", CROSSINGS, "Border crossing points"),
        TableSpec(
            "crossing_status",
            "crossing_status.csv",
            CROSSING_STATUS,
            "Open, closed and restricted periods of each crossing",
        ),
        TableSpec("diplomacy", "diplomacy.csv", DIPLOMACY, "Talks, ceasefires and other contacts"),
    )
}
# Not one of TABLES: it describes their sources (components/sources.py checks every cited domain against it).
OUTLET_REGISTRY = TableSpec("outlets", "outlets.csv", OUTLETS, "Every web domain cited, its outlet and kind")
