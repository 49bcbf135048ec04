"""A line index over a memory-mapped log file: line start offsets plus one level byte per line.

A 1 GB log is never loaded: newlines are found with numpy in 64 MB chunks on two threads (numpy
releases the GIL), the first chunk is published at once so the view can show rows while the rest is
indexed, and Android log levels are read straight from the bytes so a level filter never parses text.
"""

from __future__ import annotations

import codecs
import mmap
import threading
from bisect import bisect_right
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from cre_desk.logs.entry import LEVEL_LETTERS

CHUNK = 4 * 1024 * 1024  # small chunks stay in the CPU cache: faster than big ones, and less memory
#: The first chunk is small so the first rows appear within milliseconds on any file size.
FIRST_CHUNK = 1024 * 1024
MAX_LINE_BYTES = 64 * 1024

_LEVEL_TABLE = np.zeros(256, dtype=np.uint8)
for _letter, _code in LEVEL_LETTERS.items():
    _LEVEL_TABLE[ord(_letter)] = _code

#: Where the level letter can sit, per format: (first offset, last offset, byte before, byte after).
_LEVEL_SLOTS = {
    "threadtime": (18, 48, 32, 32),   # "MM-DD HH:MM:SS.mmm  PID  TID L Tag: msg" (year form is longer)
    "studio": (24, 200, 32, 47),      # "... PID-TID/pkg L/Tag: msg"
    "studio_new": (28, 220, 32, 32),  # "... PID-TID  Tag  pkg  L  msg"
    "time": (18, 26, 32, 47),         # "MM-DD HH:MM:SS.mmm L/Tag(PID): msg"
    "brief": (0, 0, None, 47),        # "L/Tag(PID): msg"
}
VECTOR_FORMATS = frozenset(_LEVEL_SLOTS)


from cre_desk.errors import Cancelled  # noqa: E402,F401 - raised by build() when the caller cancels

#: Where the level letter sits on most lines (logcat pads pids with "%5d"), tried first on every line.
_USUAL_OFFSET = {"threadtime": 13}
_DIGITS = np.zeros(256, dtype=bool)
_DIGITS[ord("0"):ord("9") + 1] = True


def _chunk_levels(arr: np.ndarray, starts: np.ndarray, fmt: str) -> np.ndarray:
    """Level code of every line starting at ``starts`` (positions inside ``arr``); 0 when not found.

    Each step works only on the lines still unresolved, and the usual position is tried first, so a
    standard logcat chunk costs about one pass over its lines.
    """
    levels = np.zeros(len(starts), dtype=np.uint8)
    if fmt not in _LEVEL_SLOTS or not len(starts):
        return levels
    first, last, before, after = _LEVEL_SLOTS[fmt]
    size = len(arr)
    if fmt == "threadtime":
        # With a year ("2024-11-20 ...") the header is 5 bytes longer.
        year = (starts + 4 < size) & (arr[np.minimum(starts + 4, size - 1)] == 45)
        base = starts + np.where(year, first + 5, first)
    else:
        base = starts + first
    todo = np.arange(len(starts))

    def attempt(k: int, need_digit_before: bool) -> None:
        nonlocal todo
        if not len(todo):
            return
        pos = base[todo] + k
        ok = pos + 1 < size
        p = np.where(ok, pos, 0)
        code = _LEVEL_TABLE[arr[p]]
        hit = ok & (code > 0) & (arr[np.minimum(p + 1, size - 1)] == after)
        if before is not None:
            hit &= arr[np.maximum(p - 1, 0)] == before
        if need_digit_before:
            hit &= _DIGITS[arr[np.maximum(p - 2, 0)]]
        levels[todo[hit]] = code[hit]
        todo = todo[~hit]

    usual = _USUAL_OFFSET.get(fmt)
    if usual is not None:
        # The tid's last digit right before " L " proves this is the header, not a message.
        attempt(usual, True)
    for k in range(0, last - first + 1):
        if not len(todo):
            break
        attempt(k, False)
    return levels


class LineIndex:
    """Offsets of every line of ``path``; safe to read from the GUI thread while ``build`` runs."""

    def __init__(self, path: Path, newline: bytes = b"\n") -> None:
        self.path = Path(path)
        self.newline = newline[0]
        self._file = open(self.path, "rb")  # noqa: SIM115 - lives as long as the index
        self.size = self.path.stat().st_size
        self._mm = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if self.size else None
        # 4 bytes per line instead of 8 while offsets fit: a 1 GB log's index stays near 40 MB.
        self._offset_type = np.uint32 if self.size < 2**32 - 1 else np.int64
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []       # line start offsets, per chunk
        self._level_chunks: list[np.ndarray] = []
        self._ends: list[int] = []               # cumulative line counts
        self.starts: np.ndarray | None = None    # all starts, once done
        self.levels: np.ndarray | None = None
        self.indexed_bytes = 0
        self.done = False
        self.non_utf8_lines = 0
        if not self.size:
            self.starts = np.zeros(0, dtype=np.int64)
            self.levels = np.zeros(0, dtype=np.uint8)
            self.done = True

    # -- building ---------------------------------------------------------------------------------

    def _scan(self, offset: int, length: int, fmt: str) -> tuple[np.ndarray, np.ndarray, int]:
        arr = np.frombuffer(self._mm, dtype=np.uint8, count=length, offset=offset)
        local = np.flatnonzero(arr == self.newline) + 1
        starts = local.astype(self._offset_type) + offset
        if offset == 0:
            starts = np.concatenate((np.zeros(1, dtype=starts.dtype), starts))
            local = np.concatenate((np.zeros(1, dtype=np.int64), local))
        # Starts at the very end of the file are not lines.
        keep = starts < self.size
        starts, local = starts[keep], local[keep]
        if fmt in VECTOR_FORMATS:
            # Level letters may sit just past this chunk's end: read a little beyond it.
            tail = min(self.size - offset, length + 256)
            wide = np.frombuffer(self._mm, dtype=np.uint8, count=tail, offset=offset)
            levels = _chunk_levels(wide, local, fmt)
        else:
            levels = np.zeros(len(starts), dtype=np.uint8)
        bad = 0
        if bool((arr >= 0x80).any()):
            bad = self._count_bad_lines(offset, length)
        return starts, levels, bad

    def _count_bad_lines(self, offset: int, length: int) -> int:
        """Count characters that are not valid UTF-8, decoding 1 MB at a time (bounded memory)."""
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        bad = 0
        step = 1024 * 1024
        for at in range(offset, offset + length, step):
            piece = self._mm[at:min(at + step, offset + length)]
            try:
                decoder.decode(piece, final=False)
            except UnicodeDecodeError:
                bad += piece.decode("utf-8", "replace").count("\ufffd")
                decoder.reset()
        return bad

    def build(self, fmt: str, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None, threads: int = 2) -> None:
        """Index the whole file; publishes each chunk as it completes. Raises ``Cancelled``."""
        if self.done:
            return
        ranges = [(0, min(FIRST_CHUNK, self.size))]
        offset = ranges[0][1]
        while offset < self.size:
            length = min(CHUNK, self.size - offset)
            ranges.append((offset, length))
            offset += length
        self._publish(*self._scan(*ranges[0], fmt), ranges[0][1])
        if progress:
            progress(self.indexed_bytes, self.size)
        with ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="log-index") as pool:
            pending = [pool.submit(self._scan, off, length, fmt) for off, length in ranges[1:1 + threads * 2]]
            queued = 1 + len(pending)
            for _offset, length in ranges[1:]:
                if cancel and cancel():
                    for future in pending:
                        future.cancel()
                    raise Cancelled()
                result = pending.pop(0).result()
                if queued < len(ranges):
                    pending.append(pool.submit(self._scan, *ranges[queued], fmt))
                    queued += 1
                self._publish(*result, length)
                if progress:
                    progress(self.indexed_bytes, self.size)
        with self._lock:
            self.starts = np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.int64)
            self.levels = np.concatenate(self._level_chunks) if self._level_chunks else np.zeros(0, np.uint8)
            self._chunks = [self.starts]
            self._level_chunks = [self.levels]
            self._ends = [len(self.starts)]
            self.done = True

    def _publish(self, starts: np.ndarray, levels: np.ndarray, bad: int, length: int) -> None:
        with self._lock:
            self._chunks.append(starts)
            self._level_chunks.append(levels)
            self._ends.append((self._ends[-1] if self._ends else 0) + len(starts))
            self.indexed_bytes += length
            self.non_utf8_lines += bad

    def set_levels(self, levels: np.ndarray) -> None:
        """Replace the level bytes (formats whose levels need parsing fill them in afterwards)."""
        with self._lock:
            self.levels = levels
            self._level_chunks = [levels]

    # -- reading ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:
            return self._ends[-1] if self._ends else (0 if self.starts is None else len(self.starts))

    def _locate(self, line: int) -> tuple[int, int | None]:
        """Start offset of ``line`` and of the next line (None at the end of what is indexed)."""
        with self._lock:
            if self.done and self.starts is not None:
                starts = self.starts
                nxt = int(starts[line + 1]) if line + 1 < len(starts) else None
                return int(starts[line]), nxt
            chunk = bisect_right(self._ends, line)
            base = self._ends[chunk - 1] if chunk else 0
            start = int(self._chunks[chunk][line - base])
            if line + 1 - base < len(self._chunks[chunk]):
                return start, int(self._chunks[chunk][line + 1 - base])
            if chunk + 1 < len(self._chunks) and len(self._chunks[chunk + 1]):
                return start, int(self._chunks[chunk + 1][0])
            return start, None

    def line_bytes(self, line: int) -> bytes:
        """The raw bytes of one line without its line ending, cut at ``MAX_LINE_BYTES``."""
        if line < 0 or line >= len(self):
            raise IndexError(line)
        start, nxt = self._locate(line)
        end = self.size if nxt is None else nxt
        end = min(end, start + MAX_LINE_BYTES + 2)
        data = self._mm[start:end]
        return data.rstrip(b"\r\n")[:MAX_LINE_BYTES]

    def line_length(self, line: int) -> int:
        start, nxt = self._locate(line)
        return (self.size if nxt is None else nxt) - start

    def line_text(self, line: int) -> str:
        return self.line_bytes(line).decode("utf-8", "replace")

    def level_array(self) -> np.ndarray:
        """Level bytes of the lines indexed so far (a copy-free view once indexing is done)."""
        with self._lock:
            if self.done and self.levels is not None:
                return self.levels
            return np.concatenate(self._level_chunks) if self._level_chunks else np.zeros(0, np.uint8)

    def start_array(self) -> np.ndarray:
        with self._lock:
            if self.done and self.starts is not None:
                return self.starts
            return np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.int64)

    def buffer(self):
        """The mapped file (read-only) for whole-file searches."""
        return self._mm

    def close(self) -> None:
        with self._lock:
            if self._mm is not None:
                self._mm.close()
                self._mm = None
            self._file.close()
