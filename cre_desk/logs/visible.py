"""Characters in customer logs that change how text is drawn, made visible instead (RELIABILITY I-5).

A bidi override (U+202E) in a tag reverses the rest of the line on screen; zero-width characters hide
inside words so what you read is not what a search matches. Both are shown as ``\\uXXXX`` escapes, C0
controls as ``\\xXX``; tabs are kept where the caller lays text out with them.
"""

from __future__ import annotations

import re

#: C0 controls (not tab/newline), DEL, Arabic letter mark, zero-width and direction marks, bidi embeddings,
#: overrides and isolates, word joiner and invisible operators, and the zero-width no-break space (BOM).
_INVISIBLE = "\x00-\x08\x0b-\x1f\x7f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
INVISIBLE = re.compile(f"[{_INVISIBLE}]")
INVISIBLE_OR_TAB = re.compile(f"[\t{_INVISIBLE}]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_tabs: bool = True) -> str:
    """``text`` with every invisible or direction-changing character written as an escape."""
    pattern = INVISIBLE if keep_tabs else INVISIBLE_OR_TAB
    return pattern.sub(_escape, text) if pattern.search(text) else text
