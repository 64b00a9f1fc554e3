"""Where the data lives, so no module hard-codes a path.

`DLM_DATA_DIR` points the app at another folder laid out like `data/` (tests and analysts with their
own copy use it); the boundary layers come from its `geo/` folder, or the bundled `data/geo/` when it has none.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA_DIR = ROOT / "data"
GEO_DIR = BUNDLED_DATA_DIR / "geo"


def data_dir() -> Path:
    """The data folder for this run, read when asked so a test can switch it."""
    return Path(os.environ.get("DLM_DATA_DIR", BUNDLED_DATA_DIR))
