"""Logs that are not UTF-8 with LF line endings, made readable by the line index.

The index maps a file and splits it on one newline byte. A UTF-16 file (Windows tools, some iOS
exports) is streamed into a UTF-8 copy first, and a CR-only file is split on CR instead.
"""

from __future__ import annotations

import codecs
import os
import time
from collections.abc import Callable
from pathlib import Path

from cre_desk.logs.index import Cancelled


def sniff_text(path: Path) -> tuple[str, bytes]:
    """Return (encoding, newline byte): UTF-16 files are transcoded; CR-only files split on CR."""
    with open(path, "rb") as fh:
        head = fh.read(1024 * 1024)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", b"\n"
    if len(head) >= 64:
        even_nuls = head[1:4096:2].count(0)
        odd_nuls = head[0:4096:2].count(0)
        pairs = min(len(head), 4096) // 2
        if even_nuls > pairs * 0.8 and odd_nuls < pairs * 0.1:
            return "utf-16-le", b"\n"
        if odd_nuls > pairs * 0.8 and even_nuls < pairs * 0.1:
            return "utf-16-be", b"\n"
    if b"\n" not in head and b"\r" in head:
        return "utf-8", b"\r"
    return "utf-8", b"\n"


def transcode(path: Path, encoding: str, work_dir: Path, cancel: Callable[[], bool]) -> Path:
    """Stream a UTF-16 file into UTF-8 so it can be indexed like any other log."""
    work_dir.mkdir(parents=True, exist_ok=True)
    target = work_dir / f"utf8-{os.getpid()}-{time.monotonic_ns()}.log"
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with open(path, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(8 * 1024 * 1024):
            if cancel():
                dst.close()
                target.unlink(missing_ok=True)
                raise Cancelled()
            dst.write(decoder.decode(chunk).encode("utf-8"))
        dst.write(decoder.decode(b"", final=True).encode("utf-8"))
    return target
