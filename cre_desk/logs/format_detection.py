"""Which format a file uses, decided from a sample of its first lines before anything is parsed.

The parser for a whole file is picked once, up front, by counting which header expression most of a
sample matches; a file that matches nothing clearly is still shown, through the generic format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from cre_desk.logs.format_patterns import (
    ANSI,
    BRIEF,
    BRIEF_NOPID,
    FIREBASE_IOS,
    IOS_CONSOLE,
    IOS_LOGSHOW,
    IOS_XCODE,
    JSON_MAX,
    LONG_HEADER,
    STUDIO_COLUMNS,
    STUDIO_NEW,
    STUDIO_OLD,
    STUDIO_OLD_SHORT,
    THREADTIME,
    TIME_FMT,
    columns_kept,
)

#: Detection order matters where two expressions can match the same line.
FORMATS = (
    "threadtime",
    "studio",
    "studio_new",
    "time",
    "brief",
    "long",
    "ios_logshow",
    "ios",
    "firebase_ios",
    "studio_columns",
    "ios_console",
    "jsonl",
    "generic",
)
LABELS = {
    "threadtime": "Android logcat (threadtime)",
    "studio": "Android Studio export",
    "studio_new": "Android Studio Logcat (new)",
    "time": "Android logcat (time)",
    "brief": "Android logcat (brief)",
    "long": "Android logcat (long)",
    "ios_logshow": "macOS/iOS log show",
    "ios": "Xcode console",
    "firebase_ios": "Firebase iOS console",
    "studio_columns": "Android Studio Logcat (some columns hidden)",
    "ios_console": "macOS Console (copied)",
    "jsonl": "JSON lines",
    "generic": "Plain text",
}


@dataclass(frozen=True)
class Detection:
    format: str
    matched: int
    sampled: int

    @property
    def label(self) -> str:
        return LABELS.get(self.format, self.format)


_DETECTORS = {
    "threadtime": THREADTIME,
    "studio": STUDIO_OLD,
    "studio_new": STUDIO_NEW,
    "time": TIME_FMT,
    "brief": BRIEF,
    "long": LONG_HEADER,
    "ios_logshow": IOS_LOGSHOW,
    "ios": IOS_XCODE,
    "firebase_ios": FIREBASE_IOS,
    "ios_console": IOS_CONSOLE,
}


def _studio_columns(line: str) -> bool:
    """An Android Studio line with hidden columns: it must keep a time, a pid or an indented tag column."""
    if STUDIO_OLD_SHORT.match(line):
        return True
    m = STUDIO_COLUMNS.match(line)
    return m is not None and columns_kept(line, m)



def detect(lines: Iterable[str], sample: int = 400) -> Detection:
    """Pick the format most sample lines match; JSON lines and the generic fallback come last."""
    counts = dict.fromkeys(FORMATS, 0)
    seen = 0
    for line in lines:
        if seen >= sample:
            break
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if "\x1b" in line:
            line = ANSI.sub("", line)
        seen += 1
        for name, expr in _DETECTORS.items():
            if expr.match(line):
                counts[name] += 1
        if not BRIEF.match(line) and BRIEF_NOPID.match(line):
            counts["brief"] += 1
        if _studio_columns(line):
            counts["studio_columns"] += 1
        stripped = line.lstrip()
        if stripped.startswith("{") and stripped.rstrip().endswith("}"):
            try:
                if isinstance(json.loads(stripped[:JSON_MAX]), dict):
                    counts["jsonl"] += 1
            except (ValueError, RecursionError):
                pass
    if not seen:
        return Detection("generic", 0, 0)
    best = max(FORMATS[:-1], key=lambda f: (counts[f], -FORMATS.index(f)))
    if counts[best] == 0 or counts[best] < seen * 0.2:
        return Detection("generic", 0, seen)
    return Detection(best, counts[best], seen)
