"""Show text from data files as text: Streamlit renders Markdown in most elements, and spreadsheets run
formulas in CSV cells, so both are neutralised here."""

from __future__ import annotations

import re

import pandas as pd

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def escape_markdown(text: object) -> str:
    """Backslash-escape every Markdown/HTML-significant character so it displays literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def blank_missing_text(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its missing text cells empty: a table showed a missing district or venue as "None".
    Date and number columns keep their gaps, which a table shows as a dash and a CSV leaves empty."""
    text = [column for column in frame.columns if pd.api.types.is_string_dtype(frame[column])]
    return frame.assign(**{column: frame[column].fillna("") for column in text})


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def exact_number(value: float) -> str:
    """A number as its source writes it: 1010, not the "1010.0" pandas writes for a float column (a column
    with a gap, or one holding 8.374 beside 83, is float), and 8.374 in its shortest exact form."""
    return str(int(value)) if value.is_integer() else repr(float(value))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of `frame` in which no text cell can run as a spreadsheet formula, and every number reads
    as its source writes it (exact_number).

    A cell such as =HYPERLINK(...) in a summary would run when an analyst opens the download in Excel or
    LibreOffice; a leading apostrophe (OWASP's advice) shows it as text there. Numbers are left alone.
    """
    text_columns = frame.select_dtypes(include=["object", "string"]).columns
    safe = frame.copy()
    for column in text_columns:
        risky = safe[column].astype("string").str.startswith(_FORMULA_START).fillna(False).astype(bool)
        safe.loc[risky, column] = "'" + safe.loc[risky, column].astype(str)
    return safe.to_csv(index=False, float_format=exact_number).encode("utf-8")
