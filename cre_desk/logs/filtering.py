"""Answer a filter from the columns and from scans of the raw bytes, never entry by entry in Python.

``tag:``, ``pid:``, ``tid:``, ``package:`` and ``level:`` are looked up in the small tables of distinct
values the index keeps and turned into masks with one array lookup; text terms (bare words, ``message:``,
``~regex``, ``is:crash``) scan the mapped file natively or with RE2 and map hits back to lines. Only the
rare lines the scans cannot judge alone are parsed in Python. The result is the same as applying
``filter_match.matcher`` to every entry (the tests hold the two side by side); an entry matches a text term
when one of its lines does.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import re2

from cre_desk.errors import Cancelled
from cre_desk.logs import filter_lang, filter_match, linescan
from cre_desk.logs.entry import FATAL
from cre_desk.logs.filter_lang import And, Node, Not, Query, Term
from cre_desk.logs.search_patterns import REGEX_SYNTAX

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
        native = linescan.native_module()
        if native is not None and ids.dtype in (np.uint16, np.uint32) and ids.flags.c_contiguous:
            out = np.empty(len(ids), dtype=bool)
            native.lookup(lut.view(np.uint8).tobytes(), ids, ids.itemsize, out)
            return out
        return lut[ids]

    def _find(self, needles: list[bytes], *, icase: bool, region: bool) -> tuple[np.ndarray, np.ndarray]:
        idx = self.index
        sure, unsure = linescan.find_lines(idx.buffer(), idx.start_array(), needles, icase=icase, region=region,
                                           fmt=self.doc.format, newline=idx.newline, parser=self.doc.parser,
                                           cancel=self.cancel)
        if region and not self.native_format:
            # Only the Python parser knows where the message starts in these formats.
            return np.zeros(0, dtype=np.int64), np.concatenate((sure, unsure))
        return sure, unsure

    def _regex_hits(self, pattern) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(line, start, end) of the first hit of a bytes RE2 pattern on each line that has one.

        After a hit the search goes on from the next line: a line costs one call however many times
        the pattern occurs in it, and lines without a hit cost no Python at all.
        """
        mm = self.index.buffer()
        size = self.index.size
        empty = np.zeros(0, dtype=np.int64)
        if mm is None:
            return empty, empty, empty
        match = _raw_matcher(pattern)
        find = mm.find
        begins: list[int] = []
        ends: list[int] = []
        offset = 0
        while offset < size:
            if self.cancel():
                raise Cancelled()
            block_end = min(size, offset + SEARCH_BLOCK)
            if block_end < size:
                nl = find(b"\n", block_end)
                block_end = size if nl < 0 else nl + 1
            pos = offset
            while pos < block_end:
                span = match(mm, pos, block_end)
                if span is None:
                    break
                begins.append(span[0])
                ends.append(span[1])
                nl = find(b"\n", max(span[1], span[0] + 1) - 1 if span[1] > span[0] else span[0])
                if nl < 0:
                    break
                pos = nl + 1
            offset = block_end
        if not begins:
            return empty, empty, empty
        starts_all = self.index.start_array()
        b = np.fromiter(begins, dtype=np.int64, count=len(begins))
        lines = np.searchsorted(starts_all, b.astype(starts_all.dtype), side="right").astype(np.int64) - 1
        return lines, b, np.fromiter(ends, dtype=np.int64, count=len(ends))

    def _line_end(self, lines: np.ndarray) -> np.ndarray:
        """Offset just past each line's text (before its line ending)."""
        starts = self.index.start_array()
        size = self.index.size
        last = len(starts) - 1
        ends = np.where(lines < last, starts[np.minimum(lines + 1, last)].astype(np.int64), size)
        data = np.frombuffer(self.index.buffer(), dtype=np.uint8)
        line_starts = starts[lines].astype(np.int64)
        for byte in (10, 13):   # drop "\n", then a "\r" before it
            strip = (ends > line_starts) & (data[np.maximum(ends - 1, 0)] == byte)
            ends = ends - strip
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
        return (self.levels >= FATAL) | self._mark_entries(np.concatenate((sure, unsure)))

    def _stacktrace(self) -> np.ndarray:
        lines, _s, _e = self._regex_hits(_STACK_LINE)
        if self.headers is not None and len(lines):
            lines = lines[~self.headers[lines]]   # a frame counts on a continuation line only
        return self._mark_entries(lines)

    def _findings(self, t: Term) -> np.ndarray:
        mask = self._empty()
        if not self.findings:
            return mask
        for line, found in self.findings.items():
            if 0 <= line < self.count:
                if t.key == "rule":
                    hit = any(filter_match.regex_search(t.arg, rule) for rule, _ in found)
                else:
                    hit = any(t.arg in filter_match.area_letters(area) for _, area in found)
                if hit:
                    mask[line] = True
        return mask

    def _any_word(self, value: str, message: bool) -> np.ndarray | None:
        """``word|word|…`` (no other regex syntax, ASCII): the native scan for any of the words, case-folded."""
        words = value.split("|")
        if len(words) > 64 or any(not w or set(w) & REGEX_SYNTAX or not w.isascii() for w in words):
            return None
        sure, unsure = self._find([w.lower().encode("ascii") for w in words], icase=True, region=message)
        if len(unsure):
            checked = [line for line in unsure.tolist()
                       if any(w.lower() in (self._line_message(line) if message else self.doc.line_text(line)).lower()
                              for w in words)]
            sure = np.concatenate((sure, np.asarray(checked, dtype=np.int64)))
        return sure

    def _text(self, t: Term) -> np.ndarray:
        """Bare words and ``~regex``: a line of the entry contains it."""
        if t.op == "~:":
            words = self._any_word(t.value, message=False)
            if words is not None:
                return self._mark_entries(words)
            return self._mark_entries(self._regex_lines(t.value, message=False))
        needle: str = t.arg  # type: ignore[assignment]
        if needle.isascii():
            sure, _unsure = self._find([needle.encode("ascii")], icase=True, region=False)
            return self._mark_entries(sure)
        lines, _s, _e = self._regex_hits(_literal_pattern(needle))
        return self._mark_entries(lines)

    def _message(self, t: Term) -> np.ndarray:
        if t.op == "~:":
            words = self._any_word(t.value, message=True)
            if words is not None:
                return self._mark_entries(words)
            return self._mark_entries(self._regex_lines(t.value, message=True))
        needle: str = t.arg  # type: ignore[assignment]
        if needle.isascii() and needle:
            sure, unsure = self._find([needle.encode("ascii")], icase=True, region=True)
        else:
            lines, _s, _e = self._regex_hits(_literal_pattern(needle)) if needle else (np.arange(self.count),) * 3
            sure, unsure = np.zeros(0, dtype=np.int64), lines
        checked = [line for line in unsure.tolist() if needle in self._line_message(line).lower()]
        candidates = np.concatenate((sure, np.asarray(checked, dtype=np.int64)))
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
            # Only a line's first hit is known: one that began before the message may hide one inside it,
            # so such lines are looked at again (on their message alone).
            recheck = ~accepted
        else:
            accepted = inside
            recheck = ~inside
        # One hit per line, in file order: these arrays are already sorted and free of repeats.
        good = lines[accepted]
        again = lines[recheck]
        extra = [line for line in again.tolist()
                 if filter_match.regex_search(text_pattern,
                                             self._line_message(line) if message else self.doc.line_text(line))]
        return np.concatenate((good, np.asarray(extra, dtype=np.int64))) if extra else good

    def _python_lines(self, text_pattern, message: bool) -> np.ndarray:
        found = []
        for line in range(self.count):
            if line % 20000 == 0 and self.cancel():
                raise Cancelled()
            text = self._line_message(line) if message else self.doc.line_text(line)
            if filter_match.regex_search(text_pattern, text):
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
        return lambda value: filter_match.regex_search(t.arg, filter_match.cap(value))
    needle = t.arg
    if t.op == "=:":
        return lambda value: filter_match.cap(value).lower() == needle
    return lambda value: needle in filter_match.cap(value).lower()  # type: ignore[operator]


def _raw_matcher(pattern) -> Callable[[object, int, int], tuple[int, int] | None]:
    """``(buffer, pos, endpos) -> span | None`` for a compiled RE2 pattern, calling the engine directly
    where the binding allows (no match object per hit), else through ``search``."""
    regexp = getattr(pattern, "_regexp", None)
    anchor = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
    if regexp is not None and anchor is not None and hasattr(regexp, "Match"):
        raw = regexp.Match

        def match(buffer, pos: int, endpos: int):
            span = raw(anchor, buffer, pos, endpos)[0]
            return None if span[0] < 0 else span

        return match

    def search(buffer, pos: int, endpos: int):
        found = pattern.search(buffer, pos, endpos)
        return None if found is None else found.span()

    return search


def _bytes_options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.never_capture = True   # only where a hit is matters: capturing would slow every call
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
    if doc.entry_of is not None:
        # Continuation lines follow their entry; they are few, so only they are looked up.
        cont = doc.continuation_lines()
        mask[cont] = mask[doc.entry_of[cont]]
    return np.flatnonzero(mask)


def count_unindexed(buffer, fmt: str, newline: int, query: Query, *, pieces: int | None = None) -> int | None:
    """How many lines ``filter_lines`` gives for a one-term text query (a word, ``message:``, or ``~`` with
    plain words), read straight from the bytes without indexing the file; None when the query or the file
    needs the index (other terms, non-ASCII text, a line only the Python parser can judge).

    Counting matches in a file nobody will scroll then costs one native pass, like ``grep -c``.
    """
    t = query.root
    if not isinstance(t, Term) or t.key not in ("", "message") or newline != 10:
        return None
    if t.op == ":" and isinstance(t.arg, str) and t.arg and t.arg.isascii():
        needles = [t.arg.encode("ascii")]
    elif t.op == "~:":
        words = t.value.split("|")
        if len(words) > 64 or any(not w or set(w) & REGEX_SYNTAX or not w.isascii() for w in words):
            return None
        needles = [w.lower().encode("ascii") for w in words]
    else:
        return None
    found = linescan.entry_spans(buffer, needles, icase=True, region=t.key == "message", fmt=fmt,
                                  pieces=pieces)
    if found is None or found[1]:
        return None
    return int(found[0][:, 2].sum())
