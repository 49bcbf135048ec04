"""The parsed form of one log entry, shared by parsers, rules, filters and views.

Kept tiny and Qt-free: the log view parses only the rows it paints, so an ``Entry`` is created on
demand and never held for every line of a large file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Level codes stored as one byte per line in the line index (0 = unknown).
VERBOSE, DEBUG, INFO, WARN, ERROR, FATAL = 1, 2, 3, 4, 5, 6
LEVEL_LETTERS = {"V": VERBOSE, "D": DEBUG, "I": INFO, "W": WARN, "E": ERROR, "F": FATAL, "A": FATAL}
LEVEL_NAMES = {0: "", VERBOSE: "V", DEBUG: "D", INFO: "I", WARN: "W", ERROR: "E", FATAL: "F"}
#: Words used by iOS, JSON and generic logs, mapped onto the same scale.
LEVEL_WORDS = {
    "verbose": VERBOSE, "trace": VERBOSE, "debug": DEBUG, "info": INFO, "information": INFO, "notice": INFO,
    "default": INFO, "warn": WARN, "warning": WARN, "error": ERROR, "err": ERROR, "fault": FATAL,
    "fatal": FATAL, "critical": FATAL, "crit": FATAL, "assert": FATAL, "panic": FATAL,
}


def level_code(text: str | None) -> int:
    """Map a level letter or word (any case) to its code; unknown levels are 0."""
    if not text:
        return 0
    text = text.strip()
    if len(text) == 1:
        return LEVEL_LETTERS.get(text.upper(), 0)
    return LEVEL_WORDS.get(text.lower(), 0)


@dataclass(slots=True)
class Entry:
    """One log entry: a first line plus any continuation lines (stack traces, wrapped text)."""

    line_no: int                 # 0-based number of the entry's first physical line
    end_line: int                # exclusive; end_line - line_no > 1 when continuation lines belong to it
    message: str                 # message text; continuation lines are appended after "\n"
    level: int = 0               # one of the codes above
    tag: str = ""
    pid: int | None = None
    tid: int | None = None
    package: str = ""
    timestamp: float | None = None  # seconds since the Unix epoch, UTC; None when the line has no time
    parsed: bool = True          # False when no format matched and the line is shown as-is
    extra: dict = field(default_factory=dict)

    @property
    def level_letter(self) -> str:
        return LEVEL_NAMES.get(self.level, "")
