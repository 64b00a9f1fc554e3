"""Memory after a script run: freed pages handed back to the operating system, and long-lived objects kept
out of the garbage collection Streamlit runs after every run.

glibc keeps freed blocks inside its heaps for reuse, so a long-running server's resident size ratchets up
as viewers change filters even when every cache is bounded: on a 100k-row import, 40 "To" date changes
took the server from 473 to 787 MB. Trimming after each run held it near 550 MB (bench/bench_memory.py,
README). Elsewhere (macOS, musl) there is no malloc_trim and this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache


@cache
def _malloc_trim():
    library = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(library), "malloc_trim", None) if library else None
    if trim is not None:
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def can_return_memory() -> bool:
    """True where the C library can give freed heap pages back (glibc)."""
    return _malloc_trim() is not None


def return_freed_memory() -> None:
    """Release free pages of every malloc heap (well under a millisecond at this app's sizes)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache  # once per process: gc.get_freeze_count() walks every frozen object (17 ms for 125,000)
def freeze_long_lived_objects() -> None:
    """Leave what is alive after the process's first run out of every later garbage collection.

    A full collection walks every tracked object: with pandas, Altair, geopandas and the dataset loaded about
    230,000, 0.17-0.2 s, spent on every rerun by Streamlit's collection after each run (`runner.postScriptGC`,
    now off in .streamlit/config.toml) and still by Python's own full collections. What is alive then
    (modules, the loaded data) lives as long as the process; objects made later are still collected. The first
    session's own objects are frozen too: any of them left in a reference cycle when it ends stays, once."""
    gc.freeze()
