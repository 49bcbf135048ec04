"""Retrying a write transaction the team server rolled back only because of a race (C-3).

PostgreSQL aborts one of two colliding transactions with a serialization failure (SQLSTATE 40001) or a
deadlock (40P01). Nothing of the aborted transaction was written, so running the whole unit of work
again is safe and usually succeeds; a few attempts with random pauses keep two clients from colliding in
lock-step. After that the user is told in plain words, never "the database could not be reached".
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError

from cre_desk.errors import EnvironmentFault

log = logging.getLogger(__name__)

#: serialization_failure and deadlock_detected: the server rolled the transaction back, nothing was written.
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01"})
RETRIES = 3
#: Pause before retry n (1-based) is uniform in [0, BASE_DELAY_S * 2**n): jitter so two clients part ways.
BASE_DELAY_S = 0.05

P = ParamSpec("P")
R = TypeVar("R")


def sqlstate(exc: BaseException) -> str:
    """The SQLSTATE of a server error wrapped by SQLAlchemy, or '' (SQLite errors have none)."""
    orig = getattr(exc, "orig", None) if isinstance(exc, DBAPIError) else None
    return str(getattr(orig, "sqlstate", "") or "")


def is_transient(exc: BaseException) -> bool:
    return sqlstate(exc) in TRANSIENT_SQLSTATES


def gave_up(exc: BaseException) -> EnvironmentFault:
    deadlock = sqlstate(exc) == "40P01"
    what = "two saves waited on each other (a deadlock)" if deadlock else \
        "teammates were changing the same records at the same moment"
    return EnvironmentFault(
        f"Nothing was saved: {what}, and CRE Desk tried {RETRIES + 1} times.",
        action="Your text is still in the window. Wait a moment and save again.",
        detail=str(exc))


def retry_transient(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` again (at most RETRIES more times) when the server aborted it as a race."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(RETRIES + 1):
            try:
                return fn(*args, **kwargs)
            except DBAPIError as exc:
                if not is_transient(exc):
                    raise
                if attempt == RETRIES:
                    raise gave_up(exc) from exc
                log.info("%s: %s (SQLSTATE %s); retrying", fn.__name__, type(exc.orig).__name__,
                         sqlstate(exc))
                time.sleep(random.uniform(0, BASE_DELAY_S * 2 ** (attempt + 1)))
        raise AssertionError("unreachable")

    return wrapper
