"""How many threads heavy log work (indexing, scans, searches) may run at once.

The scans run natively without the interpreter lock, so they really use every core they get. In the
desktop app one core is kept for the window: on a two-core laptop a log indexed on both cores left the
window's painting starved for tens of milliseconds. Headless commands use every core.
"""

from __future__ import annotations

import os

_reserved = 0


def keep_cores_free(count: int) -> None:
    """Leave ``count`` cores to other work (the GUI keeps one for the window)."""
    global _reserved
    _reserved = max(0, count)


def count() -> int:
    cores = os.cpu_count() or 1
    return max(1, min(8, cores - _reserved))
