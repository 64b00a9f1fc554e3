"""Where the data lives, so no module hard-codes a path.

`DLM_DATA_DIR` points the app at another folder laid out like `data/` (tests use it); the boundary
layers always come from the bundled `data/geo/`.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA_DIR = ROOT / "data"
DATA_DIR = Path(os.environ.get("DLM_DATA_DIR", BUNDLED_DATA_DIR))
GEO_DIR = BUNDLED_DATA_DIR / "geo"
