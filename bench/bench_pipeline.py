"""Time the data pipeline on synthetic incidents (generated here, never shown as real).

    python -m bench.bench_pipeline [--sizes 1000 10000 100000]

Prints, per size: CSV validation, event building, distance to the Durand Line, one filter + border
aggregation, and the bytes of the map's incident layer as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from components.dataset import load_dataset
from components.geo import border_shares
from components.incidents import IncidentFilter
from components.map_layers import incident_layers
from tests.synthetic import write_dataset


def _timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def run(size: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        write_dataset(Path(folder), incidents=size)
        data, load_s = _timed(lambda: load_dataset(Path(folder)))
        events, events_s = _timed(lambda: data.events)
        selection = IncidentFilter(dt.date(2025, 1, 1), dt.date(2025, 12, 31), provinces=("Khyber Pakhtunkhwa",))
        shares, filter_s = _timed(lambda: border_shares(selection.apply(events)))
        layers = incident_layers(selection.apply(events))
        payload = sum(len(json.dumps(layer.data)) for layer in layers)
    return {
        "events": size,
        "load_validate_s": load_s,
        "events_and_distance_s": events_s,
        "filter_aggregate_s": filter_s,
        "map_payload_kB": payload / 1024,
        "shares_rows": len(shares),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    print(f"{'events':>9} {'load+validate s':>16} {'events+distance s':>18} {'filter+agg s':>13} {'map kB':>9}")
    for size in args.sizes:
        row = run(size)
        print(
            f"{row['events']:>9,} {row['load_validate_s']:>16.2f} {row['events_and_distance_s']:>18.2f} "
            f"{row['filter_aggregate_s']:>13.3f} {row['map_payload_kB']:>9.0f}"
        )


if __name__ == "__main__":
    main()
