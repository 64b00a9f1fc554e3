"""What kind of site each cited page sits on, from the declared registry data/outlets.csv.

Every source URL of every curated table must name a registered web domain; a row whose domain is not
registered is reported and left out like any other invalid row. Each kept row gets the registry's kind in
`source_kind`, so pages can say when a figure comes from a repost on an unrelated site. Nothing here reads
`source_name` or `notes`.

`python -m components.sources` prints, per table, the share of rows citing a tracker's own site or a major
outlet, and the rows with no publication date.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from components.paths import data_dir
from components.schemas import OUTLET_REGISTRY, TABLES
from components.validation import LoadResult, Problem, load_table
from components.vocabulary import SOURCE_KINDS

# The column holding each table's cited URL.
SOURCE_URL_COLUMNS = {
    "tracker_stats": "source_url",
    "incidents": "source_url",
    "diplomacy": "source_url",
    "crossing_status": "source_url",
    "crossings": "coord_source_url",
}
SOURCE_KIND_HEADER = "Source kind"  # the header of source_kind in words, in every table that shows it
# The tracker's own site and major outlets: what issue #16 asks every row to cite.
PRIMARY_KINDS = SOURCE_KINDS.codes[:2]


def domain(url: str) -> str:
    """The URL's host in lowercase, without a leading www.: the key of outlets.csv."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def with_source_kinds(result: LoadResult, outlets: LoadResult) -> LoadResult:
    """The table's rows with `source_kind` from the registry; a row citing an unregistered domain is left out.

    When the registry itself cannot be used (its own problem says why), kinds stay unknown and no row is
    blamed for it.
    """
    column = SOURCE_URL_COLUMNS[result.name]
    frame = result.frame
    if outlets.file_rejected or column not in frame:
        return replace(result, frame=frame.assign(source_kind=pd.Series(None, index=frame.index, dtype=object)))
    kinds = outlets.frame.set_index("domain")["kind"]
    domains = frame[column].map(domain, na_action="ignore")
    unregistered = frame[column].notna() & ~domains.isin(kinds.index)
    problems = [
        Problem(result.file, int(row), column, f"its domain ({host}) is not in {OUTLET_REGISTRY.file}", url)
        for row, url, host in zip(
            frame.loc[unregistered, "source_row"], frame.loc[unregistered, column], domains[unregistered], strict=True
        )
    ]
    kept = frame[~unregistered].assign(source_kind=domains[~unregistered].map(kinds))
    return replace(result, frame=kept.reset_index(drop=True), problems=result.problems + problems)


def source_label(kind: str | None) -> str:
    """The kind in plain words, '' when unknown."""
    return SOURCE_KINDS.label(kind) if isinstance(kind, str) else ""


def cited(name: str, kind: str | None) -> str:
    """A source's name as lists show it: a repost says so."""
    return f"{name} ({SOURCE_KINDS.label('repost')})" if kind == "repost" else name


def cited_names(frame: pd.DataFrame) -> pd.Series:
    """`cited` for every row of a frame with source_name (and source_kind when it has one: imported events,
    whose sources are not in outlets.csv, have none)."""
    kinds = frame["source_kind"] if "source_kind" in frame else pd.Series(None, index=frame.index, dtype=object)
    return pd.Series(
        [cited(name, kind) for name, kind in zip(frame["source_name"], kinds, strict=True)],
        index=frame.index,
        dtype=object,
    )


def source_shares(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per table with sources: rows, rows citing a tracker's site or a major outlet, that share, undated rows."""
    out = []
    for name, frame in tables.items():
        if name not in SOURCE_URL_COLUMNS or "source_kind" not in frame:
            continue
        primary = int(frame["source_kind"].isin(PRIMARY_KINDS).sum())
        undated = int(frame["source_published"].isna().sum()) if "source_published" in frame else 0
        out.append(
            {
                "table": name,
                "rows": len(frame),
                "tracker_or_major": primary,
                "share": primary / len(frame) if len(frame) else 0.0,
                "repost": int((frame["source_kind"] == "repost").sum()),
                "no_publication_date": undated,
            }
        )
    return pd.DataFrame(out)


def load_sourced(folder: Path) -> dict[str, LoadResult]:
    """Every curated table, validated and checked against the folder's registry, and the registry itself."""
    outlets = load_table(folder / OUTLET_REGISTRY.file, OUTLET_REGISTRY.schema, OUTLET_REGISTRY.file)
    tables = {name: load_table(folder / spec.file, spec.schema, spec.file) for name, spec in TABLES.items()}
    return {name: with_source_kinds(result, outlets) for name, result in tables.items()} | {"outlets": outlets}


def main() -> int:
    """Print the shares for the configured data folder; rejected rows go to stderr."""
    results = load_sourced(data_dir())
    for result in results.values():
        for problem in result.problems:
            print(problem, file=sys.stderr)
    shares = source_shares({name: result.frame for name, result in results.items()})
    shares["share"] = shares["share"].map(lambda s: f"{s:.1%}")
    sys.stdout.write(shares.to_string(index=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
