"""Scan a block of a log into line starts and header columns, natively where the scanner is built.

The native scanner (``_linescan.c``) parses Android log headers without the interpreter lock; lines it
cannot decide with plain ASCII rules are handed back and parsed here by the same ``LineParser`` the
views use, so a column always says what the parsed entry says. Where the native module is missing
(no compiler at install time) the whole block is parsed in Python: same results, slower.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from cre_desk.errors import Cancelled
from cre_desk.logs import workers
from cre_desk.logs.formats import LineParser

try:  # built by setup.py; optional
    from cre_desk.logs import _linescan as _native
except ImportError:  # pragma: no cover - exercised by forcing the fallback in tests
    _native = None

#: Formats whose headers the native scanner parses (the codes are the C enum).
NATIVE_FORMATS = {"threadtime": 0, "studio": 1, "studio_new": 2, "time": 3, "brief": 4}
MAX_LINE_BYTES = 64 * 1024
NO_TIME = np.iinfo(np.int64).min


def native_available() -> bool:
    return _native is not None


def native_module():
    """The native scanner module, or None where it was not built."""
    return _native


@dataclass
class Block:
    """One scanned block: per-line arrays plus the block's own (local) tables of distinct values."""

    starts: np.ndarray                     # int64 absolute offsets
    levels: np.ndarray                     # uint8 level codes, 0 = not a header
    tag_ids: np.ndarray                    # uint32 indexes into ``tags``
    tags: list[str]
    pair_ids: np.ndarray                   # uint32 indexes into ``pairs``
    pairs: list[tuple[int | None, int | None]]
    package_ids: np.ndarray
    packages: list[str]
    deferred: int = 0                      # lines the Python parser decided
    extra: dict = field(default_factory=dict)


class _Table:
    """Distinct values in order of first sight, for the Python side of a block."""

    def __init__(self, values: list) -> None:
        self.values = values
        self.ids = {v: i for i, v in enumerate(values)}

    def get(self, value) -> int:
        found = self.ids.get(value)
        if found is None:
            found = self.ids[value] = len(self.values)
            self.values.append(value)
        return found


def _line_at(buffer, start: int, newline: int, size: int) -> str:
    end = buffer.find(bytes((newline,)), start, min(size, start + MAX_LINE_BYTES + 2))
    data = buffer[start:(min(size, start + MAX_LINE_BYTES + 2) if end < 0 else end)]
    return data.rstrip(b"\r\n")[:MAX_LINE_BYTES].decode("utf-8", "replace")


def _apply_parser(block: Block, local: np.ndarray, buffer, newline: int, size: int, parser: LineParser) -> None:
    """Parse the given local line numbers in Python and write their columns into ``block``."""
    tags, pairs, packages = _Table(block.tags), _Table(block.pairs), _Table(block.packages)
    for i in local.tolist():
        entry = parser.parse(0, _line_at(buffer, int(block.starts[i]), newline, size))
        if entry is None:
            block.levels[i] = block.tag_ids[i] = block.pair_ids[i] = block.package_ids[i] = 0
            continue
        block.levels[i] = entry.level
        block.tag_ids[i] = tags.get(entry.tag)
        block.pair_ids[i] = pairs.get((entry.pid, entry.tid))
        block.package_ids[i] = packages.get(entry.package)


def _starts_numpy(buffer, offset: int, length: int, newline: int, size: int) -> np.ndarray:
    arr = np.frombuffer(buffer, dtype=np.uint8, count=length, offset=offset)
    starts = np.flatnonzero(arr == newline).astype(np.int64) + 1 + offset
    if offset == 0:
        starts = np.concatenate((np.zeros(1, dtype=np.int64), starts))
    return starts[starts < size]


def scan_block(buffer, offset: int, length: int, newline: int, fmt: str, parser: LineParser,
               *, force_python: bool = False) -> Block:
    """Line starts of ``buffer[offset:offset+length]`` (plus line 0 for the first block) and, for
    Android formats, every header's level, tag, pid/tid and package."""
    size = len(buffer)
    code = NATIVE_FORMATS.get(fmt, -1)
    if _native is not None and not force_python:
        raw = _native.scan(buffer, offset, length, newline, code)
        deferred = np.asarray(raw[8], dtype=np.int64)
        fix = code >= 0 and len(deferred) > 0
        # The native results are read-only views; copied only when the Python parser must fill in lines
        # (a copy per block of every column would be the largest transient of indexing).
        column = (lambda data, dtype: np.frombuffer(data, dtype=dtype).copy()) if fix else \
            (lambda data, dtype: np.frombuffer(data, dtype=dtype))
        block = Block(
            starts=np.frombuffer(raw[0], dtype=np.int64), levels=column(raw[1], np.uint8),
            tag_ids=column(raw[2], np.uint32), tags=[b.decode("utf-8", "replace") for b in raw[3]],
            pair_ids=column(raw[4], np.uint32),
            pairs=[(None if p < 0 else p, None if t < 0 else t) for p, t in raw[5]],
            package_ids=column(raw[6], np.uint32),
            packages=[b.decode("utf-8", "replace") for b in raw[7]])
        if fix:
            _apply_parser(block, deferred, buffer, newline, size, parser)
            block.deferred = len(deferred)
        return block
    starts = _starts_numpy(buffer, offset, length, newline, size)
    count = len(starts)
    block = Block(starts=starts, levels=np.zeros(count, np.uint8), tag_ids=np.zeros(count, np.uint32), tags=[""],
                  pair_ids=np.zeros(count, np.uint32), pairs=[(None, None)],
                  package_ids=np.zeros(count, np.uint32), packages=[""])
    if code >= 0 and count:
        _apply_parser(block, np.arange(count), buffer, newline, size, parser)
        block.deferred = count
    return block


def count_byte(buffer, offset: int, length: int, byte: int) -> int:
    """How often ``byte`` occurs in a block (without the interpreter lock where native)."""
    if _native is not None:
        return _native.count(buffer, offset, length, byte)
    return int(np.count_nonzero(np.frombuffer(buffer, dtype=np.uint8, count=length, offset=offset) == byte))


def header_fields(buffer, starts: np.ndarray, lines: np.ndarray, newline: int, fmt: str, parser: LineParser,
                  *, force_python: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Message offset inside the line (-1: not a header) and time in microseconds since the epoch
    (``NO_TIME`` when none) of each line in ``lines``."""
    lines = np.ascontiguousarray(lines, dtype=np.int64)
    code = NATIVE_FORMATS.get(fmt, -1)
    if _native is not None and not force_python and code >= 0:
        starts = np.ascontiguousarray(starts)
        offs_raw, times_raw = _native.fields(buffer, starts, starts.itemsize, lines, newline, code, parser.year,
                                             parser.latest_month)
        offsets = np.frombuffer(offs_raw, dtype=np.int32).astype(np.int64)
        times = np.frombuffer(times_raw, dtype=np.int64).copy()
        undecided = np.flatnonzero(offsets == -2)
    else:
        offsets = np.full(len(lines), -1, dtype=np.int64)
        times = np.full(len(lines), NO_TIME, dtype=np.int64)
        undecided = np.arange(len(lines))
    size = len(buffer)
    for i in undecided.tolist():
        text = _line_at(buffer, int(starts[lines[i]]), newline, size)
        entry = parser.parse(0, text)
        if entry is None:
            offsets[i] = -1
            continue
        at = text.find(entry.message) if entry.message else len(text)
        # Offsets are in bytes: the message's position in the encoded line; -2 when the parsed message is
        # not a piece of the line as it is (escape codes removed): only the parser can judge such a line.
        offsets[i] = len(text[:at].encode("utf-8")) if at >= 0 else -2
        if entry.timestamp is not None:
            times[i] = round(entry.timestamp * 1_000_000)
    return offsets, times


def _find_python(buffer, starts: np.ndarray, first: int, last: int, needles: list[bytes], icase: bool,
                 region: bool, fmt: str, newline: int, parser: LineParser) -> tuple[np.ndarray, np.ndarray]:
    """Reference implementation of ``find_lines`` (used where the native module is missing)."""
    size = len(buffer)
    found: list[int] = []
    for line in range(first, last):
        start = int(starts[line])
        end = int(starts[line + 1]) if line + 1 < len(starts) else size
        data = bytes(buffer[start:end]).rstrip(b"\r\n")
        if icase:
            data = bytes(c + 32 if 65 <= c <= 90 else c for c in data)
        if region:
            entry = parser.parse(0, data.decode("utf-8", "replace")) if fmt in NATIVE_FORMATS else None
            if entry is not None:
                text = data.decode("utf-8", "replace")
                at = text.find(entry.message) if entry.message else len(text)
                data = text[max(at, 0):].encode("utf-8")
        if any(n in data for n in needles):
            found.append(line)
    return np.asarray(found, dtype=np.int64), np.zeros(0, dtype=np.int64)


def find_lines(buffer, starts: np.ndarray, needles: list[bytes], *, icase: bool, region: bool, fmt: str,
               newline: int, parser: LineParser, threads: int | None = None, cancel=None,
               force_python: bool = False, lines: tuple[int, int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Line numbers that contain any of ``needles`` (lower-case when ``icase``), in order, plus the
    lines whose header only the Python parser can judge (``region``: only the message part counts).

    The file is cut into pieces of whole lines searched on ``threads`` threads; the native search holds
    no interpreter lock, so the window stays responsive while a gigabyte is searched.
    """
    count = len(starts)
    if not count or not needles or buffer is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    code = NATIVE_FORMATS.get(fmt, -1) if region else -1
    first, last = lines or (0, count)
    if _native is None or force_python:
        return _find_python(buffer, starts, first, last, needles, icase, region, fmt, newline, parser)
    return _in_pieces(
        starts, lambda s, a, b: _native.find_lines(buffer, s, s.itemsize, a, b, list(needles),
                                                   int(icase), int(region and code >= 0), code),
        (np.int64, np.int64), threads, cancel, (first, last))


def _in_pieces(starts: np.ndarray, native_call, dtypes: tuple, threads: int | None, cancel,
               lines: tuple[int, int] | None = None) -> tuple:
    """Run a native scan over pieces of whole lines (all, or ``lines`` = [first, last)) on a few threads
    (no interpreter lock held) and join each of its byte-string results, in file order, as arrays of
    ``dtypes``. Raises ``Cancelled``."""
    starts = np.ascontiguousarray(starts)
    first, last = lines or (0, len(starts))
    pieces = max(1, min(64, (last - first) // 50_000))
    bounds = np.linspace(first, last, pieces + 1).astype(np.int64)

    def run(k: int):
        if cancel is not None and cancel():
            return None
        return native_call(starts, int(bounds[k]), int(bounds[k + 1]))

    parts: list[list[np.ndarray]] = [[] for _ in dtypes]
    with ThreadPoolExecutor(max_workers=threads or workers.count(), thread_name_prefix="log-scan") as pool:
        for result in pool.map(run, range(pieces)):
            if result is None:
                raise Cancelled()
            for slot, raw, dtype in zip(parts, result, dtypes, strict=True):
                slot.append(np.frombuffer(raw, dtype=dtype))
    return tuple(np.concatenate(slot) for slot in parts)


def needle_lines(buffer, starts: np.ndarray, needles: list[bytes], *, icase: bool, threads: int | None = None,
                 cancel=None) -> tuple[np.ndarray, np.ndarray]:
    """Every (line, needle index) pair where a needle occurs in a line, in file order (each pair once)."""
    count = len(starts)
    if not count or not needles or buffer is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    if _native is None:
        lines, ids = [], []
        size = len(buffer)
        for line in range(count):
            start = int(starts[line])
            end = int(starts[line + 1]) if line + 1 < count else size
            data = bytes(buffer[start:end])
            if icase:
                data = data.lower()
            for k, needle in enumerate(needles):
                if needle in data:
                    lines.append(line)
                    ids.append(k)
        return np.asarray(lines, dtype=np.int64), np.asarray(ids, dtype=np.int32)
    return _in_pieces(
        starts, lambda s, first, last: _native.needle_lines(buffer, s, s.itemsize, first, last, list(needles),
                                                            int(icase)),
        (np.int64, np.int32), threads, cancel)


def entry_spans(buffer, needles: list[bytes], *, icase: bool, region: bool, fmt: str,
                threads: int | None = None, pieces: int | None = None) -> tuple[np.ndarray, bool] | None:
    """The entries of an unindexed "\n"-separated buffer that hold any of ``needles``, as rows of (first
    byte, end byte, line count), and whether a line only the Python parser can judge was met (then the
    answer is incomplete and the caller must index). None where the native scanner is missing.

    The buffer is cut anywhere into one piece per thread; the scanner moves each cut to the next entry
    start, so the pieces hold whole entries and their results simply follow each other.
    """
    code = NATIVE_FORMATS.get(fmt)
    if _native is None or code is None or buffer is None or not needles:
        return None
    size = len(buffer)
    pieces = pieces or max(1, min(threads or workers.count(), size // (8 * 1024 * 1024) or 1))
    bounds = [size * k // pieces for k in range(pieces + 1)]
    with ThreadPoolExecutor(max_workers=min(pieces, threads or workers.count()),
                            thread_name_prefix="log-scan") as pool:
        results = list(pool.map(lambda k: _native.entry_spans(buffer, bounds[k], bounds[k + 1], list(needles),
                                                               int(icase), int(region), code), range(pieces)))
    spans = np.concatenate([np.frombuffer(raw, dtype=np.int64) for raw, _unsure in results]).reshape(-1, 3)
    return spans, any(unsure for _raw, unsure in results)
