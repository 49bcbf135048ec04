"""How many threads heavy log work (indexing, scans, searches) may run at once.

The scans run natively without the interpreter lock, so they really use every core they get. In the
desktop app one core is kept for the window: on a two-core laptop a log indexed on both cores left the
window's painting starved for tens of milliseconds. Headless commands use every core.
"""

from __future__ import annotations

import os
import time

_reserved = 0


def keep_cores_free(count: int) -> None:
    """Leave ``count`` cores to other work (the GUI keeps one for the window)."""
    global _reserved
    _reserved = max(0, count)


def count() -> int:
    cores = os.cpu_count() or 1
    return max(1, min(8, cores - _reserved))


#: Python steps between two voluntary hand-overs of the interpreter in long background loops.
YIELD_EVERY = 64


def yield_interpreter() -> None:
    """Let a waiting thread (the window's) take the interpreter now rather than after a switch interval.

    A background loop of small Python steps keeps the interpreter lock nearly all the time; the window's
    thread, which gives the lock up at every call into Qt, then waits up to 5 ms for it each time, and a
    repaint of a few hundred calls stalls. A zero sleep hands the lock over at once.
    """
    time.sleep(0)
