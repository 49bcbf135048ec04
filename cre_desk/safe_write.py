"""Files the app writes for the user (exports, reports, settings) appear whole or not at all.

Writing in place leaves a half-written file when the app is stopped mid-write, and lets anyone who opens
the file early (a user's editor, a sync client, a test watching for it) read it empty. The text goes to a
temporary file beside the target, is flushed to disk, and then replaces the target in one step.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (the old file, if any, stays until the new one is complete)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
