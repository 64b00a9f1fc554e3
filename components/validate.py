"""Check every bundled data file: `python -m components.validate [DATA_DIR]`.

Prints one line per problem (file, row, column, reason) and exits 1 if any row or file was rejected,
so curators can run it before committing data.
"""

from __future__ import annotations

import sys
from pathlib import Path

from components.dataset import load_dataset
from components.paths import data_dir


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    dataset = load_dataset(Path(args[0]) if args else data_dir())
    for result in dataset.tables.values():
        kept = len(result.frame)
        print(f"{result.file}: {kept} valid rows, {result.rows_rejected} rejected")
    for problem in dataset.problems:
        print(f"  {problem}")
    blocking = [p for p in dataset.problems if p.reason != "unknown column, ignored"]
    print("OK" if not blocking else f"{len(blocking)} problem(s)")
    return 1 if blocking else 0


if __name__ == "__main__":
    sys.exit(main())
