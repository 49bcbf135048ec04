"""A user's search text turned into something that can scan a gigabyte log safely and fast.

Searches are typed by people, so they run on RE2 (linear time: no pattern can freeze the app), and
plain words take a faster path than an alternation. The document, the filters and the view all
compile searches the same way, through this module.
"""

from __future__ import annotations

import re2

from cre_desk.errors import UserError

MAX_PATTERN = 1000


class PatternError(UserError):
    """A search pattern that RE2 cannot run; the message says why in plain words."""


class LiteralSet:
    """``a|b|c`` of plain words: RE2 scans one literal several times faster than an alternation."""

    def __init__(self, patterns: list, words: list[str] | None = None, case_sensitive: bool = True) -> None:
        self.patterns = patterns
        self.words = words or []           # the plain words, for the native scan
        self.case_sensitive = case_sensitive

    def starts(self, buffer, newline: int = 10) -> list[int]:
        found: set[int] = set()
        for pattern in self.patterns:
            found.update(first_hit_per_line(pattern, buffer, 0, len(buffer), newline))
        return sorted(found)


def first_hit_per_line(pattern, buffer, start: int, end: int, newline: int = 10) -> list[int]:
    """Where ``pattern`` first matches on each line of ``buffer[start:end]``, in order.

    The search jumps to the next line after a hit instead of collecting every match: a 50 MB line that
    matches millions of times is one hit, found in one pass (it took minutes and gigabytes otherwise).
    """
    hits: list[int] = []
    find = buffer.find if hasattr(buffer, "find") else bytes(buffer).find
    pos = start
    while pos < end:
        match = pattern.search(buffer, pos, end)
        if match is None:
            break
        at = match.start()
        hits.append(at)
        nl = find(bytes((newline,)), at, end)
        if nl < 0:
            break
        pos = nl + 1
    return hits


REGEX_SYNTAX = set("\\.^$*+?()[]{}")


def literal_alternatives(pattern: str) -> list[str] | None:
    """The words of ``word|word|…`` when the pattern is nothing else; None for any real regex."""
    parts = pattern.split("|")
    if len(parts) < 2 or len(parts) > 8 or any(not p or set(p) & REGEX_SYNTAX for p in parts):
        return None
    return parts


def compile_user_pattern(pattern: str, *, regex: bool, case_sensitive: bool):
    """Compile a user's search on RE2 (linear time: no pattern can freeze the app)."""
    if len(pattern) > MAX_PATTERN:
        raise PatternError(f"The pattern is too long ({len(pattern)} characters; "
                           f"the limit is {MAX_PATTERN}).")
    words = literal_alternatives(pattern) if regex else ([pattern] if pattern else None)
    if words is not None and all(w.isascii() for w in words):
        return LiteralSet([_compile_re2(re2.escape(word), case_sensitive) for word in words], words,
                          case_sensitive)
    if words is not None and regex:
        return LiteralSet([compile_user_pattern(word, regex=False, case_sensitive=case_sensitive)
                           for word in words])
    # Multi-line mode: ^ and $ mean the start and end of every line, as in grep, not of the
    # search block the file happens to be cut into.
    body = "(?m)" + pattern if regex else re2.escape(pattern)
    return _compile_re2(body, case_sensitive)


def _compile_re2(body: str, case_sensitive: bool):
    flags = "" if case_sensitive else "(?i)"
    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile((flags + body).encode("utf-8"), options=options)
    except re2.error as exc:
        raise PatternError(f"The pattern cannot be used: {exc}. Backreferences and look-around are not "
                           "supported; plain text search works for any text.") from exc
