"""Answer a filter from the columns and from scans of the raw bytes, never entry by entry in Python.

``tag:``, ``pid:``, ``tid:``, ``package:`` and ``level:`` are looked up in the small tables of distinct
values the index keeps and turned into masks with one array lookup; text terms (bare words, ``message:``,
``~regex``, ``is:crash``) scan the mapped file natively or with RE2 and map hits back to lines. Only the
rare lines the scans cannot judge alone are parsed in Python. The result is the same as applying
``filter_lang.matcher`` to every entry (the tests hold the two side by side); an entry matches a text term
when one of its lines does.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import re2

from cre_desk.errors import Cancelled
from cre_desk.logs import filter_lang, linescan
from cre_desk.logs.entry import FATAL
from cre_desk.logs.filter_lang import And, Node, Not, Query, Term

CancelFn = Callable[[], bool]
SEARCH_BLOCK = 16 * 1024 * 1024
_CRASH_NEEDLES = [m.encode("utf-8") for m in filter_lang.CRASH_MARKERS]
_STACK_LINE = re2.compile(rb"(?m)^(?:\tat |    at |\d+[ \t]+[^\s]+[ \t]+0x[0-9a-fA-F])")


def _never() -> bool:
    return False


class _Evaluator:
    def __init__(self, doc, findings_by_line: Mapping[int, Sequence[tuple[str, str]]] | None, now: float | None,
                 cancel: CancelFn) -> None:
        self.doc = doc
        self.index = doc.index
        self.count = len(doc)
        self.findings = findings_by_line
        self.now = now
        self.cancel = cancel
        self.columns = doc.index.columns
        self.levels = doc.index.level_array()
        self.headers = doc.headers
        self.native_format = doc.format in linescan.NATIVE_FORMATS

    # -- helpers ----------------------------------------------------------------------------------

    def _empty(self) -> np.ndarray:
        return np.zeros(self.count, dtype=bool)

    def _mark_entries(self, lines: np.ndarray) -> np.ndarray:
        """A mask with the entries holding ``lines`` set (at their first lines)."""
        mask = self._empty()
        if len(lines):
            heads = lines if self.doc.entry_of is None else self.doc.entry_of[lines]
            mask[heads] = True
        return mask

    def _column_mask(self, ids: np.ndarray | None, values: list, test: Callable[[object], bool]) -> np.ndarray:
        lut = np.fromiter((bool(test(v)) for v in values), dtype=bool, count=len(values))
        if ids is None:  # the column has one value (no package in this format)
            return np.full(self.count, bool(lut[0]) if len(lut) else False)
        return lut[ids]

    def _find(self, needles: list[bytes], *, icase: bool, region: bool) -> tuple[np.ndarray, np.ndarray]:
        idx = self.index
        sure, unsure = linescan.find_lines(idx.buffer(), idx.start_array(), needles, icase=icase, region=region,
                                           fmt=self.doc.format, newline=idx.newline, parser=self.doc.parser,
                                           cancel=self.cancel)
        if region and not self.native_format:
            # Only the Python parser knows where the message starts in these formats.
            return np.zeros(0, dtype=np.int64), np.union1d(sure, unsure)
        return sure, unsure

    def _regex_hits(self, pattern) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(line, start, end) of every hit of a bytes RE2 pattern, scanning the map block by block."""
        mm = self.index.buffer()
        size = self.index.size
        if mm is None:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        starts_all = self.index.start_array()
        view = memoryview(mm)
        spans: list[tuple[int, int]] = []
        try:
            offset = 0
            while offset < size:
                if self.cancel():
                    raise Cancelled()
                end = min(size, offset + SEARCH_BLOCK)
                if end < size:
                    nl = mm.find(b"\n", end)
                    end = size if nl < 0 else nl + 1
                spans.extend((m.start() + offset, m.end() + offset) for m in pattern.finditer(view[offset:end]))
                offset = end
        finally:
            view.release()
        if not spans:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        arr = np.asarray(spans, dtype=np.int64)
        lines = np.searchsorted(starts_all, arr[:, 0].astype(starts_all.dtype), side="right").astype(np.int64) - 1
        return lines, arr[:, 0], arr[:, 1]

    def _line_end(self, lines: np.ndarray) -> np.ndarray:
        """Offset just past each line's text (before its line ending)."""
        starts = self.index.start_array()
        nxt = np.where(lines + 1 < len(starts), starts[np.minimum(lines + 1, len(starts) - 1)].astype(np.int64),
                       self.index.size)
        # Exclude the newline (and a CR before it) from the line.
        mm = self.index.buffer()
        ends = nxt.copy()
        for i in np.flatnonzero(nxt > starts[lines].astype(np.int64)).tolist():
            e = int(nxt[i])
            while e > int(starts[lines[i]]) and mm[e - 1] in (10, 13):
                e -= 1
            ends[i] = e
        return ends

    def _line_message(self, line: int) -> str:
        """The part of one physical line a ``message:`` term looks at."""
        if self.headers is not None and self.headers[line]:
            entry = self.doc.parser.parse(line, self.doc.line_text(line))
            return entry.message if entry is not None else self.doc.line_text(line)
        return self.doc.line_text(line)

    # -- terms ------------------------------------------------------------------------------------

    def term(self, t: Term) -> np.ndarray:
        cols = self.columns
        if t.key == "level":
            return self.levels == t.arg if t.op == "=:" else self.levels >= t.arg
        if t.key in ("tag", "package"):
            table = cols.tags if t.key == "tag" else cols.packages
            ids = cols.tag_ids if t.key == "tag" else cols.package_ids
            return self._column_mask(ids, table.values, _string_test(t))
        if t.key in ("pid", "tid"):
            slot = 0 if t.key == "pid" else 1
            return self._column_mask(cols.pair_ids, cols.pairs.values, lambda pair: pair[slot] == t.arg)
        if t.key == "age":
            return self._age(t)
        if t.key == "is":
            return self._crash() if t.arg == "crash" else self._stacktrace()
        if t.key in ("rule", "area"):
            return self._findings(t)
        if t.key == "message":
            return self._message(t)
        return self._text(t)

    def _age(self, t: Term) -> np.ndarray:
        if self.now is None:
            return self._empty()
        heads = np.flatnonzero(self.headers)
        _offsets, times = linescan.header_fields(self.index.buffer(), self.index.start_array(), heads,
                                                 self.index.newline, self.doc.format, self.doc.parser)
        oldest = self.now - t.arg
        limit = math.floor(oldest * 1_000_000 + 0.5)
        mask = self._empty()
        mask[heads[(times != linescan.NO_TIME) & (times >= limit)]] = True
        return mask

    def _crash(self) -> np.ndarray:
        sure, unsure = self._find(_CRASH_NEEDLES, icase=False, region=False)
        return (self.levels >= FATAL) | self._mark_entries(np.union1d(sure, unsure))

    def _stacktrace(self) -> np.ndarray:
        lines, _s, _e = self._regex_hits(_STACK_LINE)
        if self.headers is not None and len(lines):
            lines = lines[~self.headers[lines]]   # a frame counts on a continuation line only
        return self._mark_entries(np.unique(lines))

    def _findings(self, t: Term) -> np.ndarray:
        mask = self._empty()
        if not self.findings:
            return mask
        for line, found in self.findings.items():
            if 0 <= line < self.count:
                if t.key == "rule":
                    hit = any(filter_lang.regex_search(t.arg, rule) for rule, _ in found)
                else:
                    hit = any(t.arg in filter_lang.area_letters(area) for _, area in found)
                if hit:
                    mask[line] = True
        return mask

    def _text(self, t: Term) -> np.ndarray:
        """Bare words and ``~regex``: a line of the entry contains it."""
        if t.op == "~:":
            return self._mark_entries(np.unique(self._regex_lines(t.value, message=False)))
        needle: str = t.arg  # type: ignore[assignment]
        if needle.isascii():
            sure, _unsure = self._find([needle.encode("ascii")], icase=True, region=False)
            return self._mark_entries(sure)
        lines, _s, _e = self._regex_hits(_literal_pattern(needle))
        return self._mark_entries(np.unique(lines))

    def _message(self, t: Term) -> np.ndarray:
        if t.op == "~:":
            return self._mark_entries(np.unique(self._regex_lines(t.value, message=True)))
        needle: str = t.arg  # type: ignore[assignment]
        if needle.isascii() and needle:
            sure, unsure = self._find([needle.encode("ascii")], icase=True, region=True)
        else:
            lines, _s, _e = self._regex_hits(_literal_pattern(needle)) if needle else (np.arange(self.count),) * 3
            sure, unsure = np.zeros(0, dtype=np.int64), np.unique(lines)
        checked = [line for line in unsure.tolist() if needle in self._line_message(line).lower()]
        candidates = np.union1d(sure, np.asarray(checked, dtype=np.int64))
        if t.op == "=:":
            # Equality is on the whole message: check the (few) entries that contain it at all.
            heads = np.unique(candidates if self.doc.entry_of is None else self.doc.entry_of[candidates])
            keep = [h for h in heads.tolist() if (self.doc.entry(h).message or "").lower() == needle]
            mask = self._empty()
            mask[np.asarray(keep, dtype=np.int64)] = True
            return mask
        return self._mark_entries(candidates)

    def _regex_lines(self, value: str, *, message: bool) -> np.ndarray:
        """Lines with a hit of a user regex, judged line by line (and on the message part for ``message:``)."""
        text_pattern = filter_lang.compile_regex(value)
        try:
            pattern = re2.compile(("(?im)" + value).encode("utf-8"), _bytes_options())
        except re2.error:
            pattern = None
        anchored = "^" in value or "\\A" in value
        if pattern is None or (message and anchored):
            # The message starts mid-line, where a line-anchored scan cannot look: judge each entry's lines.
            return self._python_lines(text_pattern, message)
        lines, begins, ends = self._regex_hits(pattern)
        if not len(lines):
            return lines
        line_ends = self._line_end(lines)
        inside = ends <= line_ends
        if message and self.headers is not None:
            is_head = self.headers[lines]
            offsets, _t = linescan.header_fields(self.index.buffer(), self.index.start_array(),
                                                 lines[is_head], self.index.newline, self.doc.format,
                                                 self.doc.parser)
            msg_start = np.zeros(len(lines), dtype=np.int64)
            line_starts = self.index.start_array()[lines].astype(np.int64)
            head_offsets = np.where(offsets >= 0, offsets, 0)
            msg_start[is_head] = line_starts[is_head] + head_offsets
            undecided = np.zeros(len(lines), dtype=bool)
            undecided[np.flatnonzero(is_head)[offsets == -2]] = True
            accepted = inside & (begins >= msg_start) & ~undecided
            # A hit that began before the message may hide one inside it: look at those lines again.
            recheck = (~accepted) & (undecided | (ends > msg_start) | ~inside)
        else:
            accepted = inside
            recheck = ~inside
        good = set(np.unique(lines[accepted]).tolist())
        for line in np.unique(lines[recheck]).tolist():
            if line in good:
                continue
            text = self._line_message(line) if message else self.doc.line_text(line)
            if filter_lang.regex_search(text_pattern, text):
                good.add(line)
        return np.asarray(sorted(good), dtype=np.int64)

    def _python_lines(self, text_pattern, message: bool) -> np.ndarray:
        found = []
        for line in range(self.count):
            if line % 20000 == 0 and self.cancel():
                raise Cancelled()
            text = self._line_message(line) if message else self.doc.line_text(line)
            if filter_lang.regex_search(text_pattern, text):
                found.append(line)
        return np.asarray(found, dtype=np.int64)

    # -- tree -------------------------------------------------------------------------------------

    def node(self, node: Node) -> np.ndarray:
        if self.cancel():
            raise Cancelled()
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, Not):
            return ~self.node(node.item)
        masks = [self.node(item) for item in node.items]
        out = masks[0].copy()
        for mask in masks[1:]:
            if isinstance(node, And):
                out &= mask
            else:
                out |= mask
        return out


def _string_test(t: Term) -> Callable[[object], bool]:
    if t.op == "~:":
        return lambda value: filter_lang.regex_search(t.arg, filter_lang.cap(value))
    needle = t.arg
    if t.op == "=:":
        return lambda value: filter_lang.cap(value).lower() == needle
    return lambda value: needle in filter_lang.cap(value).lower()  # type: ignore[operator]


def _bytes_options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    return options


def _literal_pattern(needle: str):
    return re2.compile(("(?i)" + re2.escape(needle)).encode("utf-8"), _bytes_options())


def filter_lines(doc, query: Query | None, *, now: float | None = None,
                 findings_by_line: Mapping[int, Sequence[tuple[str, str]]] | None = None,
                 cancel: CancelFn = _never) -> np.ndarray | None:
    """Line numbers (every line of each matching entry) for ``query``; None means "all lines"."""
    if query is None:
        return None
    if doc.headers is None:
        raise RuntimeError("build() first")
    mask = _Evaluator(doc, findings_by_line, now, cancel).node(query.root)
    mask &= doc.headers
    if doc.entry_of is not None:
        mask = mask[doc.entry_of]
    return np.flatnonzero(mask)
