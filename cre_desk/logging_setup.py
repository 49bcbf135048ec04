"""Log to a rotating file in the per-user log folder; the crash dialog points people at it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


def configure(log_file: Path, level: int = logging.INFO) -> None:
    """Send log records to ``log_file`` (1 MB × 5) and warnings to stderr."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_cre_desk", False):
            root.removeHandler(handler)
    file_handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5,
                                                        encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._cre_desk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter(_FORMAT))
    stderr._cre_desk = True  # type: ignore[attr-defined]
    root.addHandler(stderr)
