"""Freed memory goes back to the system after a script run (components/memory.py).

Without it the served app's resident size ratcheted up with every filter change (473 -> 787 MB over 40
changes on a 100k import). Measured in a fresh interpreter so this test's own heap does not interfere.
"""

import subprocess
import sys

import pytest

from components.memory import can_return_memory

FRAGMENTED_HEAP = """
import sys
from components.memory import return_freed_memory

def rss_mb():
    with open("/proc/self/status") as status:
        return int(next(l for l in status if l.startswith("VmRSS")).split()[1]) / 1024

blocks = [bytes(2_000) for _ in range(100_000)]  # 200 MB of malloc'd (not pymalloc) blocks
keep = blocks[::50]  # one block in fifty stays, so the heap cannot shrink from its top
del blocks
held = rss_mb()
return_freed_memory()
print(held, rss_mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="resident size read from /proc")
def test_freed_heap_pages_leave_the_process():
    assert can_return_memory(), "glibc's malloc_trim not found: the server's memory would only grow"
    run = subprocess.run([sys.executable, "-c", FRAGMENTED_HEAP], capture_output=True, text=True, check=True)
    held, after = map(float, run.stdout.split())
    assert held > 150, f"the fragmented heap should hold the freed 200 MB first (held {held:.0f} MB)"
    assert after < held - 100, f"only {held - after:.0f} MB of ~196 MB freed went back ({held:.0f} -> {after:.0f})"
