"""The filter language's reference meaning: a Python predicate over one entry and its raw line.

The log view never filters with it (``filtering.py`` answers every term from the index and native scans);
it is what those fast paths are held against in the tests, and what a query means when in doubt, kept
apart from the parser so each can be read on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from cre_desk.logs.entry import FATAL, Entry
from cre_desk.logs.filter_lang import (
    CRASH_MARKERS,
    MAX_MATCH_CHARS,
    STACK_RE,
    STRING_KEYS,
    And,
    Node,
    Not,
    Query,
    Term,
)


def cap(text: str | None) -> str:
    if not text:
        return ""
    return text if len(text) <= MAX_MATCH_CHARS else text[:MAX_MATCH_CHARS]


def regex_search(pattern: object, text: str) -> bool:
    try:
        return pattern.search(text) is not None  # type: ignore[attr-defined]
    except UnicodeError:  # lone surrogates from a badly decoded file
        return pattern.search(text.encode("utf-8", "replace").decode("utf-8")) is not None  # type: ignore


class _Line:
    """One (entry, raw line) pair with lazily computed, capped search texts."""

    __slots__ = ("entry", "raw", "_text", "_lower")

    def __init__(self, entry: Entry, raw: str) -> None:
        self.entry = entry
        self.raw = raw or ""
        self._text: str | None = None
        self._lower: dict[str, str] = {}

    def text(self) -> str:
        """The entry's lines as they are in the file, joined by newlines: the raw first line plus its
        continuation lines (or "tag: message" when no raw line is given)."""
        if self._text is None:
            raw, entry = self.raw, self.entry
            message = entry.message or ""
            if not raw:
                self._text = cap(f"{entry.tag or ''}: {message}")
            elif entry.end_line - entry.line_no > 1:
                continuation = message.split("\n")[-(entry.end_line - entry.line_no - 1):]
                self._text = cap("\n".join([raw, *continuation]))
            else:
                self._text = cap(raw)
        return self._text

    def field(self, key: str) -> str:
        if key == "":
            return self.text()
        return cap(getattr(self.entry, key) or "")

    def lower(self, key: str) -> str:
        value = self._lower.get(key)
        if value is None:
            value = self._lower[key] = self.field(key).lower()
        return value


Pred = Callable[[_Line], bool]


def _string_pred(t: Term) -> Pred:
    key = t.key
    if t.op == "~:":
        pattern = t.arg
        if key in ("", "message"):
            # Text regexes are judged line by line: an entry matches when one of its lines does.
            return lambda ln: any(regex_search(pattern, part) for part in ln.field(key).split("\n"))
        return lambda ln: regex_search(pattern, ln.field(key))
    needle = t.arg
    if t.op == "=:":
        return lambda ln: ln.lower(key) == needle
    return lambda ln: needle in ln.lower(key)  # type: ignore[operator]


def _term_pred(t: Term, now: float | None, findings: Mapping[int, Sequence[tuple[str, str]]] | None) -> Pred:
    if t.key in ("", *STRING_KEYS):
        return _string_pred(t)
    arg = t.arg
    if t.key == "level":
        if t.op == "=:":
            return lambda ln: ln.entry.level == arg
        return lambda ln: ln.entry.level >= arg  # type: ignore[operator]
    if t.key in ("pid", "tid"):
        attr = t.key
        return lambda ln: getattr(ln.entry, attr) == arg
    if t.key == "age":
        if now is None:
            return lambda ln: False
        oldest = now - arg  # type: ignore[operator]
        return lambda ln: ln.entry.timestamp is not None and ln.entry.timestamp >= oldest
    if t.key == "is":
        if arg == "crash":
            return lambda ln: ln.entry.level >= FATAL or any(m in ln.text() for m in CRASH_MARKERS)
        return lambda ln: STACK_RE.search(ln.text()) is not None
    if findings is None:
        return lambda ln: False
    if t.key == "rule":
        pattern = arg
        return lambda ln: any(regex_search(pattern, rule) for rule, _ in findings.get(ln.entry.line_no, ()))
    return lambda ln: any(arg in area_letters(area) for _, area in findings.get(ln.entry.line_no, ()))


def area_letters(area: str) -> list[str]:
    return [a.strip().upper() for a in (area or "").split("/")]


def _build(node: Node, now: float | None, findings: Mapping[int, Sequence[tuple[str, str]]] | None) -> Pred:
    if isinstance(node, Term):
        return _term_pred(node, now, findings)
    if isinstance(node, Not):
        inner = _build(node.item, now, findings)
        return lambda ln: not inner(ln)
    preds = [_build(item, now, findings) for item in node.items]
    if isinstance(node, And):
        return lambda ln: all(p(ln) for p in preds)
    return lambda ln: any(p(ln) for p in preds)


def matcher(
    query: Query | None,
    *,
    now: float | None,
    findings_by_line: Mapping[int, Sequence[tuple[str, str]]] | None = None,
) -> Callable[[Entry, str], bool]:
    """A predicate ``(entry, raw_line_text) -> bool`` for the query.

    ``now`` is the newest timestamp in the log (``age:`` counts back from it; None means no entry can
    satisfy ``age:``). ``findings_by_line`` maps an entry's ``line_no`` to its ``(rule_id, area)`` findings.
    """
    if query is None:
        return lambda entry, raw: True
    pred = _build(query.root, now, findings_by_line)

    def match(entry: Entry, raw: str) -> bool:
        return pred(_Line(entry, raw))

    return match
