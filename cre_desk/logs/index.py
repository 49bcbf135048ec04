"""A line index over a memory-mapped log file: line starts plus columns of every header.

A 1 GB log is never loaded. Blocks are scanned on two threads by the native scanner (no interpreter
lock held), the first small block is published at once so the view shows rows within milliseconds,
and each header's level, tag, pid/tid and package land in compact columns (ids into small tables of
distinct values), so filters on them are array operations instead of parsing text.
"""

from __future__ import annotations

import codecs
import mmap
import os
import threading
from bisect import bisect_right
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from cre_desk.errors import Cancelled
from cre_desk.logs import linescan, workers
from cre_desk.logs.formats import LineParser

try:
    from cre_desk.logs import _mapguard  # type: ignore[attr-defined]  # native, may be absent
except ImportError:   # built without a C compiler: a truncated file can still end the app (I-6)
    _mapguard = None

CHUNK = 16 * 1024 * 1024
#: The first chunk is small so the first rows appear within milliseconds on any file size.
FIRST_CHUNK = 1024 * 1024
MAX_LINE_BYTES = 64 * 1024
#: Formats whose headers are parsed while indexing (the others are parsed by the document afterwards).
VECTOR_FORMATS = frozenset(linescan.NATIVE_FORMATS)
#: Formats whose lines name the app's package (a column worth keeping).
PACKAGE_FORMATS = frozenset({"studio", "studio_new"})

__all__ = ["CHUNK", "FIRST_CHUNK", "VECTOR_FORMATS", "Cancelled", "Columns", "LineIndex"]


class _Interned:
    """Distinct values of one column (tags, pid/tid pairs, packages) and their global ids."""

    def __init__(self) -> None:
        self.values: list = []
        self.ids: dict = {}
        self.lock = threading.Lock()

    def lookup(self, local_values: list) -> np.ndarray:
        """Global ids for a block's local table (a small array used as a lookup table)."""
        with self.lock:
            # Ids fit two bytes while a column has few distinct values (nearly always): the block's
            # id arrays made from this table are then half the size.
            out = np.empty(len(local_values), dtype=np.uint16 if len(self.values) + len(local_values) < 0xFFFF
                           else np.uint32)
            for i, value in enumerate(local_values):
                found = self.ids.get(value)
                if found is None:
                    found = self.ids[value] = len(self.values)
                    self.values.append(value)
                out[i] = found
            return out

    def __len__(self) -> int:
        return len(self.values)


class Columns:
    """Per-line header columns and the tables their ids point into."""

    def __init__(self) -> None:
        self.tags = _Interned()
        self.pairs = _Interned()          # (pid, tid); None where the format has none
        self.packages = _Interned()
        self.tag_ids: np.ndarray | None = None
        self.pair_ids: np.ndarray | None = None
        self.package_ids: np.ndarray | None = None
        # Id 0 is always "nothing": lines that are not headers point at it.
        self.tags.lookup([""])
        self.pairs.lookup([(None, None)])
        self.packages.lookup([""])

    @staticmethod
    def _narrow(ids: np.ndarray, table: _Interned) -> np.ndarray:
        return ids.astype(np.uint16) if len(table) <= 65535 and ids.dtype != np.uint16 else ids

    def finish(self, tag_ids: np.ndarray, pair_ids: np.ndarray, package_ids: np.ndarray | None) -> None:
        self.tag_ids = self._narrow(tag_ids, self.tags)
        self.pair_ids = self._narrow(pair_ids, self.pairs)
        # Most formats have no package: one shared empty table entry, no per-line array.
        self.package_ids = self._narrow(package_ids, self.packages) if package_ids is not None and \
            len(self.packages) > 1 else None


class LineIndex:
    """Offsets of every line of ``path``; safe to read from the GUI thread while ``build`` runs."""

    def __init__(self, path: Path, newline: bytes = b"\n") -> None:
        self.path = Path(path)
        self.newline = newline[0]
        self._file = open(self.path, "rb")  # noqa: SIM115 - lives as long as the index
        self.size = self.path.stat().st_size
        self._mm = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if self.size else None
        # A file truncated while mapped reads as NUL bytes instead of killing the app with SIGBUS (I-6).
        self._guard = _mapguard.guard(self._mm) if self._mm is not None and _mapguard is not None else -1
        # 4 bytes per line instead of 8 while offsets fit: a 1 GB log's index stays near 40 MB.
        self._offset_type = np.uint32 if self.size < 2**32 - 1 else np.int64
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []       # line start offsets, per published chunk
        self._level_chunks: list[np.ndarray] = []
        self._ends: list[int] = []               # cumulative line counts
        self.starts: np.ndarray | None = None    # all starts, once done
        self.levels: np.ndarray | None = None
        self.columns = Columns()
        self.indexed_bytes = 0
        self.done = False
        self.non_utf8_lines = 0
        self.deferred_lines = 0
        if not self.size:
            self.starts = np.zeros(0, dtype=np.int64)
            self.levels = np.zeros(0, dtype=np.uint8)
            self.columns.finish(*(np.zeros(0, np.uint32),) * 3)
            self.done = True

    # -- building ---------------------------------------------------------------------------------

    def _scan(self, offset: int, length: int, fmt: str, parser: LineParser, force_python: bool):
        block = linescan.scan_block(self._mm, offset, length, self.newline, fmt, parser, force_python=force_python)
        cols = self.columns
        tag_ids = cols.tags.lookup(block.tags or [""])[block.tag_ids]
        pair_ids = cols.pairs.lookup(block.pairs or [(None, None)])[block.pair_ids]
        package_ids = cols.packages.lookup(block.packages or [""])[block.package_ids]
        native = linescan.native_module()
        if native is not None:
            bad = native.bad_utf8(self._mm, offset, length)
        else:
            arr = np.frombuffer(self._mm, dtype=np.uint8, count=length, offset=offset)
            bad = self._count_bad_lines(offset, length) if bool((arr >= 0x80).any()) else 0
        return block.starts, block.levels, tag_ids, pair_ids, package_ids, bad, block.deferred

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
              cancel: Callable[[], bool] | None = None, threads: int | None = None, parser: LineParser | None = None,
              force_python: bool = False) -> None:
        """Index the whole file; publishes each chunk as it completes. Raises ``Cancelled``.

        The line count is taken first (a byte count, no lock held) so every column is written once
        into its final array: no concatenation, no second copy of the index at the end.
        """
        if self.done:
            return
        parser = parser or LineParser(fmt)
        threads = threads or workers.count()
        ranges = [(0, min(FIRST_CHUNK, self.size))]
        offset = ranges[0][1]
        while offset < self.size:
            length = min(CHUNK, self.size - offset)
            ranges.append((offset, length))
            offset += length
        first = self._scan(*ranges[0], fmt, parser, force_python)
        self._publish(first[0], first[1], first[5], first[6], ranges[0][1])
        if progress:
            progress(self.indexed_bytes, self.size)
        # Lines = newlines + 1, less a final newline at the very end of the file.
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="log-count") as pool:
            total = 1 + sum(pool.map(lambda r: linescan.count_byte(self._mm, r[0], r[1], self.newline), ranges))
        if self._mm[self.size - 1] == self.newline:
            total -= 1
        starts = np.empty(total, dtype=self._offset_type)
        levels = np.empty(total, dtype=np.uint8)
        # Two bytes a line per column while the tables stay small (they nearly always do); widened on demand.
        tag_ids = np.empty(total, dtype=np.uint16)
        pair_ids = np.empty(total, dtype=np.uint16)
        with_packages = fmt in PACKAGE_FORMATS
        package_ids = np.empty(total if with_packages else 0, dtype=np.uint16)
        filled = 0

        def put(column: np.ndarray, values: np.ndarray, start: int, end: int) -> np.ndarray:
            if len(values) and column.dtype == np.uint16 and int(values.max()) > 0xFFFF:
                column = column.astype(np.uint32)
            column[start:end] = values
            return column

        def store(result) -> tuple[np.ndarray, np.ndarray]:
            nonlocal filled, tag_ids, pair_ids, package_ids
            count = len(result[0])
            end = filled + count
            starts[filled:end] = result[0]
            levels[filled:end] = result[1]
            tag_ids = put(tag_ids, result[2], filled, end)
            pair_ids = put(pair_ids, result[3], filled, end)
            if with_packages:
                package_ids = put(package_ids, result[4], filled, end)
            views = starts[filled:end], levels[filled:end]
            filled = end
            return views

        store(first)
        with ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="log-index") as pool:
            pending = [pool.submit(self._scan, off, length, fmt, parser, force_python)
                       for off, length in ranges[1:2 + threads]]
            queued = 1 + len(pending)
            for _offset, length in ranges[1:]:
                if cancel and cancel():
                    for future in pending:
                        future.cancel()
                    raise Cancelled()
                result = pending.pop(0).result()
                if queued < len(ranges):
                    pending.append(pool.submit(self._scan, *ranges[queued], fmt, parser, force_python))
                    queued += 1
                chunk_starts, chunk_levels = store(result)
                self._publish(chunk_starts, chunk_levels, result[5], result[6], length)
                if progress:
                    progress(self.indexed_bytes, self.size)
        if filled != total:  # pragma: no cover - a file that changed while it was read
            starts, levels = starts[:filled], levels[:filled]
            tag_ids, pair_ids, package_ids = tag_ids[:filled], pair_ids[:filled], package_ids[:filled]
        self.columns.finish(tag_ids, pair_ids, package_ids if with_packages else None)
        with self._lock:
            self.starts = starts
            self.levels = levels
            self._chunks = [self.starts]
            self._level_chunks = [self.levels]
            self._ends = [len(self.starts)]
            self.done = True

    def _publish(self, starts: np.ndarray, levels: np.ndarray, bad: int, deferred: int, length: int) -> None:
        with self._lock:
            self._chunks.append(starts)
            self._level_chunks.append(levels)
            self._ends.append((self._ends[-1] if self._ends else 0) + len(starts))
            self.indexed_bytes += length
            self.non_utf8_lines += bad
            self.deferred_lines += deferred

    def set_columns(self, levels: np.ndarray, tags: list[str], tag_ids: np.ndarray,
                    pairs: list[tuple[int | None, int | None]], pair_ids: np.ndarray,
                    packages: list[str], package_ids: np.ndarray) -> None:
        """Replace the header columns (formats parsed by the document after indexing fill them in)."""
        cols = Columns()
        tag_ids = cols.tags.lookup(tags or [""])[tag_ids]
        pair_ids = cols.pairs.lookup(pairs or [(None, None)])[pair_ids]
        package_ids = cols.packages.lookup(packages or [""])[package_ids]
        cols.finish(tag_ids, pair_ids, package_ids)
        with self._lock:
            self.levels = levels
            self._level_chunks = [levels]
            self.columns = cols

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

    def shrunk(self) -> bool:
        """True when the file got shorter after it was mapped (someone truncated it): the lost part of
        the index reads as NUL bytes."""
        try:
            return os.fstat(self._file.fileno()).st_size < self.size
        except (OSError, ValueError):
            return False

    def close(self) -> None:
        with self._lock:
            if self._mm is not None:
                try:
                    self._mm.close()
                    if self._guard >= 0 and _mapguard is not None:
                        _mapguard.unguard(self._guard)
                except BufferError:
                    # A numpy view of the map is still alive somewhere: dropping our reference lets
                    # the map close when that view goes (still guarded); the file handle is closed now.
                    pass
                self._mm = None
            self._file.close()
