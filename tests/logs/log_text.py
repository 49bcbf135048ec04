"""Turn threadtime log text into entries with the real parser, for tests that feed rules and baselines."""

from __future__ import annotations

from cre_desk.logs.entry import Entry
from cre_desk.logs.formats import LineParser

_PARSER = LineParser("threadtime")


def entries_from(text: str) -> list[Entry]:
    out = []
    for no, line in enumerate(text.splitlines()):
        entry = _PARSER.parse(no, line)
        out.append(entry if entry is not None else Entry(no, no + 1, line, parsed=False))
    return out
