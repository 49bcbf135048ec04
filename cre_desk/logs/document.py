"""One opened log: its line index, detected format, entries (header + continuation lines) and searches.

Everything here runs without Qt so the same engine serves the desktop views and ``cre-desk analyze``.
Long operations take ``cancel`` and ``progress`` callbacks; the GUI runs them off its thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cre_desk.logs import format_detection, formats, linescan, workers
from cre_desk.logs.entry import Entry
from cre_desk.logs.entry_map import EntryMap, false_positions
from cre_desk.logs.index import VECTOR_FORMATS, Cancelled, LineIndex
from cre_desk.logs.log_encoding import sniff_text, transcode
from cre_desk.logs.search_patterns import LiteralSet, first_hit_per_line

#: Continuation lines kept in one entry's message (a runaway stack trace stays readable).
MAX_CONTINUATION = 400
SEARCH_BLOCK = 16 * 1024 * 1024
#: Lines searched first, alone, so the first hits of a search over a gigabyte show within milliseconds.
FIRST_SEARCH_LINES = 50_000

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def _never() -> bool:
    return False


def _release_freed_memory() -> None:
    """Give the indexing threads' freed buffers back to the OS (glibc keeps them in per-thread arenas)."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


@dataclass
class LogStats:
    lines: int
    entries: int
    unparsed: int
    non_utf8: int


class LogDocument:
    """A log file ready to read: index it with ``build`` (in the background), then query it."""

    def __init__(self, path: Path, *, name: str = "", fmt: str | None = None, work_dir: Path | None = None,
                 cancel: CancelFn = _never) -> None:
        self.source_path = Path(path)
        self.name = name or self.source_path.name
        encoding, newline = sniff_text(self.source_path)
        self.encoding = encoding
        self._temporary: Path | None = None
        read_path = self.source_path
        if encoding != "utf-8":
            read_path = transcode(self.source_path, encoding, work_dir or self.source_path.parent, cancel)
            self._temporary = read_path
        self.index = LineIndex(read_path, newline=newline)
        mtime = time.gmtime(self.source_path.stat().st_mtime)
        self.detection = format_detection.detect(self._head_lines(400))
        self.format = fmt or self.detection.format
        self.parser = formats.LineParser(self.format, year=mtime.tm_year, latest_month=mtime.tm_mon)
        self.headers: np.ndarray | None = None     # bool per line: starts an entry
        self.entry_of: EntryMap | None = None      # first line of each line's entry (None: every line is one)
        self.unparsed = 0
        self.ready = False

    def head_lines(self, count: int) -> list[str]:
        """The first ``count`` lines (from the first 256 KB), decoded."""
        return self._head_lines(count)

    def _head_lines(self, count: int) -> list[str]:
        mm = self.index.buffer()
        if mm is None:
            return []
        head = mm[: min(self.index.size, 256 * 1024)].decode("utf-8", "replace")
        return head.splitlines()[:count]

    @property
    def format_label(self) -> str:
        return format_detection.LABELS.get(self.format, self.format)

    # -- indexing ---------------------------------------------------------------------------------

    def build(self, progress: ProgressFn | None = None, cancel: CancelFn = _never, *,
              force_python: bool = False) -> None:
        """Index lines, then work out which lines start entries (and the columns, for text formats)."""
        self.index.build(self.format, progress=progress, cancel=cancel, parser=self.parser,
                         force_python=force_python)
        count = len(self.index)
        if self.format in VECTOR_FORMATS:
            levels = self.index.level_array()
            headers = levels > 0
            self.unparsed = int(count - np.count_nonzero(headers))
            if count and not headers[0]:
                headers = headers.copy()
                headers[0] = True
        else:
            headers = self._parse_all(count, cancel)
        raw = self.index.level_array()
        if bool(headers.all()):
            # Every line starts an entry (plain logcat): no per-line map needed, 4 bytes a line saved.
            self.entry_of = None
            self._levels = raw
        else:
            self._continuation = false_positions(headers)
            self.entry_of = EntryMap(count, self._continuation)
            if len(raw) == count:
                # Continuation lines take their entry's level in place (their own byte was 0): no copy.
                raw[self._continuation] = raw[self.entry_of[self._continuation]]
            self._levels = raw
        self.headers = headers
        if self.entry_of is None:
            self._continuation = None
        self.ready = True
        _release_freed_memory()

    def _parse_all(self, count: int, cancel: CancelFn) -> np.ndarray:
        """Parse every line of a text format in Python, filling the same columns Android logs get."""
        headers = np.zeros(count, dtype=bool)
        levels = np.zeros(count, dtype=np.uint8)
        tag_ids = np.zeros(count, dtype=np.uint32)
        pair_ids = np.zeros(count, dtype=np.uint32)
        package_ids = np.zeros(count, dtype=np.uint32)
        tags: dict[str, int] = {"": 0}
        pairs: dict[tuple, int] = {(None, None): 0}
        packages: dict[str, int] = {"": 0}
        generic = self.format == "generic"
        unparsed = 0
        for line in range(count):
            if line % 20000 == 0 and cancel():
                raise Cancelled()
            text = self.index.line_text(line)
            entry = self.parser.parse(line, text)
            if entry is None:
                unparsed += 1
                continue
            if generic and (not entry.parsed) and line and (not text.strip() or text[:1] in " \t"):
                continue  # an indented or blank line continues the entry above it
            headers[line] = True
            levels[line] = entry.level
            tag_ids[line] = tags.setdefault(entry.tag, len(tags))
            pair_ids[line] = pairs.setdefault((entry.pid, entry.tid), len(pairs))
            package_ids[line] = packages.setdefault(entry.package, len(packages))
        if count:
            headers[0] = True
        self.unparsed = unparsed
        self.index.set_columns(levels, list(tags), tag_ids, list(pairs), pair_ids, list(packages), package_ids)
        return headers

    # -- reading ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.index)

    def line_text(self, line: int) -> str:
        return self.index.line_text(line)

    def continuation_lines(self) -> np.ndarray:
        """Lines that continue the entry above them (stack frames, wrapped text), computed once."""
        cached = getattr(self, "_continuation", None)
        if cached is None or (self.entry_of is None and len(cached)):
            cached = self._continuation = (np.flatnonzero(~self.headers) if self.headers is not None
                                           else np.zeros(0, dtype=np.int64))
        return cached

    def entry_start(self, line: int) -> int:
        # A header line starts its own entry: only continuation lines need the (searched) entry map.
        if (self.entry_of is not None and self.headers is not None and line < len(self.entry_of)
                and not self.headers[line]):
            return int(self.entry_of[line])
        return line

    def entry_end(self, start: int) -> int:
        """Exclusive end line of the entry starting at ``start``."""
        if self.headers is None:
            return start + 1
        limit = min(len(self.headers), start + 1 + MAX_CONTINUATION)
        following = np.flatnonzero(self.headers[start + 1:limit])
        return start + 1 + int(following[0]) if len(following) else limit

    def entry(self, line: int) -> Entry:
        """The entry ``line`` belongs to, with its continuation lines in the message."""
        start = self.entry_start(line)
        text = self.index.line_text(start)
        entry = self.parser.parse(start, text)
        if entry is None:
            entry = Entry(line_no=start, end_line=start + 1, message=text, parsed=False)
        end = self.entry_end(start)
        if end > start + 1:
            extra = [self.index.line_text(n) for n in range(start + 1, end)]
            entry.message = "\n".join(([entry.message] if entry.message else []) + extra)
        entry.end_line = end
        return entry

    def line_entry(self, line: int) -> Entry:
        """Header fields for painting one physical line (continuation lines inherit their entry's)."""
        start = self.entry_start(line)
        if start == line:
            entry = self.parser.parse(line, self.index.line_text(line))
            return entry or Entry(line_no=line, end_line=line + 1, message=self.index.line_text(line), parsed=False)
        head = self.parser.parse(start, self.index.line_text(start))
        text = self.index.line_text(line)
        if head is None:
            return Entry(line_no=line, end_line=line + 1, message=text, parsed=False)
        return Entry(line_no=line, end_line=line + 1, message=text, level=head.level, tag=head.tag, pid=head.pid,
                     tid=head.tid, package=head.package, timestamp=head.timestamp, extra={"continuation": True})

    def iter_entries(self, start: int = 0, stop: int | None = None, cancel: CancelFn = _never,
                     lines: np.ndarray | None = None) -> Iterator[Entry]:
        """Entries in order (or only those starting at ``lines``, an array of header line numbers)."""
        if self.headers is None:
            raise RuntimeError("build() first")
        heads = np.flatnonzero(self.headers) if lines is None else lines
        if stop is not None or start:
            heads = heads[(heads >= start) & (heads < (stop if stop is not None else len(self)))]
        for n, head in enumerate(heads):
            if n % 5000 == 0 and cancel():
                raise Cancelled()
            yield self.entry(int(head))

    def levels(self) -> np.ndarray:
        """Level per physical line, continuation lines taking their entry's level."""
        if self.ready and getattr(self, "_levels", None) is not None:
            return self._levels
        raw = self.index.level_array()
        if self.entry_of is None or len(self.entry_of) != len(raw):
            return raw
        return raw[self.entry_of[np.arange(len(raw))]]

    def timestamp_of(self, line: int) -> float | None:
        return self.line_entry(line).timestamp

    def stats(self) -> LogStats:
        entries = int(np.count_nonzero(self.headers)) if self.headers is not None else 0
        return LogStats(lines=len(self), entries=entries, unparsed=self.unparsed,
                        non_utf8=self.index.non_utf8_lines)

    # -- whole-file queries ------------------------------------------------------------------------

    def search_lines(self, compiled, cancel: CancelFn = _never, progress: ProgressFn | None = None,
                     first_hits: Callable[[np.ndarray], None] | None = None, threads: int | None = None) -> np.ndarray:
        """Line numbers with at least one hit of a compiled RE2 pattern, scanning the raw bytes.

        Blocks are searched on two threads (RE2 releases the GIL) and gathered in file order, so the
        first hits are reported while the rest of the file is still being searched.
        """
        mm = self.index.buffer()
        if mm is None:
            return np.zeros(0, dtype=np.int64)
        starts = self.index.start_array()
        if isinstance(compiled, LiteralSet) and compiled.words and linescan.native_available():
            return self._search_words(compiled, starts, cancel, first_hits)
        size = self.index.size
        blocks: list[tuple[int, int]] = []
        offset = 0
        first_block = min(size, SEARCH_BLOCK // 16)   # small first block: first hits within milliseconds
        while offset < size:
            end = min(size, offset + (first_block if not blocks else SEARCH_BLOCK))
            if end < size:  # finish the block at a line end so no match is cut in two
                nl = mm.find(b"\n", end)
                end = size if nl < 0 else nl + 1
            blocks.append((offset, end))
            offset = end
        view = memoryview(mm)
        newline = self.index.newline

        def scan(block: tuple[int, int]) -> np.ndarray:
            if cancel():
                return np.zeros(0, dtype=np.int64)
            start, end = block
            if isinstance(compiled, LiteralSet):
                hits = [at + start for at in compiled.starts(view[start:end], newline)]
            else:
                hits = first_hit_per_line(compiled, mm, start, end, newline)
            if hits and hits[-1] >= size and size and mm[size - 1] == newline:
                hits.pop()   # an empty match after the final line ending is not a line of the file
            if not hits:
                return np.zeros(0, dtype=np.int64)
            # Same dtype as ``starts``: a mixed-type searchsorted would copy the whole index on every block.
            offsets = np.asarray(hits, dtype=np.int64).astype(starts.dtype, copy=False)
            found = np.searchsorted(starts, offsets, side="right").astype(np.int64) - 1
            return np.unique(found)

        found: list[np.ndarray] = []
        try:
            # The small first block is searched right here, so the first hits show before any thread starts.
            head = scan(blocks[0])
            if len(head):
                found.append(head)
                if first_hits is not None:
                    first_hits(head)
            with ThreadPoolExecutor(max_workers=threads or workers.count(), thread_name_prefix="log-search") as pool:
                for number, (result, (_start, end)) in enumerate(zip(pool.map(scan, blocks[1:]), blocks[1:],
                                                                      strict=True)):
                    if cancel():
                        raise Cancelled()
                    if len(result):
                        found.append(result)
                        if first_hits is not None and len(found) == 1:
                            first_hits(result)
                    if progress and number % 4 == 0:
                        progress(end, size)
        finally:
            view.release()
        if not found:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate(found)

    def _search_words(self, words: LiteralSet, starts: np.ndarray, cancel: CancelFn,
                      first_hits: Callable[[np.ndarray], None] | None) -> np.ndarray:
        """Plain words by the native scan: the first lines are searched alone so hits show at once."""
        needles = [w.encode("ascii") if words.case_sensitive else w.lower().encode("ascii") for w in words.words]
        head = min(len(starts), FIRST_SEARCH_LINES)

        def find(first: int, last: int) -> np.ndarray:
            sure, _unsure = linescan.find_lines(self.index.buffer(), starts, needles, icase=not words.case_sensitive,
                                                region=False, fmt=self.format, newline=self.index.newline,
                                                parser=self.parser, cancel=cancel, lines=(first, last))
            return sure

        found = find(0, head)
        if len(found) and first_hits is not None:
            first_hits(found)
        if head == len(starts):
            return found
        return np.concatenate((found, find(head, len(starts))))

    def filter_lines(self, predicate: Callable[[Entry, str], bool], *, candidates: np.ndarray | None = None,
                     cancel: CancelFn = _never, progress: ProgressFn | None = None) -> np.ndarray:
        """Lines of every entry the predicate accepts (entries are tested with their raw first line)."""
        if candidates is None:
            heads = np.flatnonzero(self.headers)
        else:
            heads = np.unique(candidates if self.entry_of is None else self.entry_of[candidates])
        keep: list[int] = []
        total = len(heads)
        for n, head in enumerate(heads):
            if n % 5000 == 0:
                if cancel():
                    raise Cancelled()
                if progress:
                    progress(n, total)
            entry = self.entry(int(head))
            if predicate(entry, self.index.line_text(int(head))):
                keep.extend(range(entry.line_no, entry.end_line))
        return np.asarray(keep, dtype=np.int64)

    def line_at_or_after(self, timestamp: float) -> int | None:
        """First line whose entry time is at or after ``timestamp`` (binary search; logs are mostly ordered)."""
        heads = np.flatnonzero(self.headers) if self.headers is not None else np.arange(len(self))
        lo, hi = 0, len(heads)
        while lo < hi:
            mid = (lo + hi) // 2
            ts = self._nearest_time(int(heads[mid]), heads)
            if ts is None or ts < timestamp:
                lo = mid + 1
            else:
                hi = mid
        return int(heads[lo]) if lo < len(heads) else None

    def _nearest_time(self, line: int, heads: np.ndarray) -> float | None:
        ts = self.timestamp_of(line)
        if ts is not None:
            return ts
        pos = int(np.searchsorted(heads, line))
        for probe in heads[max(0, pos - 20):pos][::-1]:
            ts = self.timestamp_of(int(probe))
            if ts is not None:
                return ts
        return None

    def close(self) -> None:
        self.index.close()
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
