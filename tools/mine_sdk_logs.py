#!/usr/bin/env python3
"""Mine an SDK's public source tree for its WARNING/ERROR log statements and write candidate rules.

Every log call of a known shape (``Log.w(TAG, ...)``, ``brazelog(E, e) { ... }``, ``FIRLogError(...)``,
``os_log(.error, ...)``, ``NSLog(@"...")``...) at warn/error/fault level is read with its message
expression; string literals become the literal text of a regex and every runtime value (concatenated
expressions, Kotlin ``$x``/``${...}``, Swift ``\\(x)``, printf ``%@ %d %s``...) becomes a group. The
output is a *draft*: engineers pick the diagnostic ones, write their meaning and move them to
``resources/rules/mined/``. ``--diff OLD.json`` shows what a new SDK release added, removed or changed.

    python tools/mine_sdk_logs.py SRC --vendor braze --platform android \\
        --repository braze-inc/braze-android-sdk --sdk-version 30.4.0 --out braze-android.json
    python tools/mine_sdk_logs.py SRC ... --diff braze-android-30.4.0.json     # mine, then compare
    python tools/mine_sdk_logs.py NEW.json --diff OLD.json                      # compare two outputs

Stdlib only. The call shapes are data (``CALL_SHAPES``/``BLOCK_SHAPES`` below): add a row to teach the
miner a new vendor logger.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# ------------------------------------------------------------------------------------------ data

LANGS = {".java": "java", ".kt": "kotlin", ".kts": "kotlin", ".swift": "swift",
         ".m": "objc", ".mm": "objc", ".h": "objc"}
JVM = ("java", "kotlin")
APPLE = ("swift", "objc")
ALL = JVM + APPLE
PLATFORM_OF = {"java": "android", "kotlin": "android", "swift": "ios", "objc": "ios"}

#: Method/level words -> rule level. Words mapped to None are recognised and skipped (debug, info...).
LEVEL_WORDS: dict[str, str | None] = {
    "w": "W", "warn": "W", "warning": "W", "logw": "W",
    "e": "E", "err": "E", "error": "E", "loge": "E", "severe": "E",
    "wtf": "F", "f": "F", "fault": "F", "fatal": "F", "critical": "F", "assert": "F",
    "v": None, "d": None, "i": None, "verbose": None, "debug": None, "info": None, "notice": None,
    "default": None, "trace": None, "logd": None, "logi": None,
}
LEVELS = ("W", "E", "F", "unknown")
VENDOR_CODES = {"braze": "BRZ", "fiam": "FIAM", "fcm": "FCM", "onesignal": "OS", "airship": "AIR",
                "clevertap": "CT"}


@dataclass(frozen=True)
class CallShape:
    """One way an SDK writes a log line.

    ``regex`` runs on the code with comments removed and string contents blanked; it must end on the
    call's opening ``(``, on ``{`` (a Kotlin lambda without arguments) or on ``:`` (an ObjC message
    send, closed by ``]``). The level comes from ``level`` (fixed), else the regex's ``level`` group,
    else the first argument that fully matches ``level_arg`` (its first non-empty group), else
    ``default_level``; it is mapped through ``LEVEL_WORDS`` and calls below warning are dropped.
    ``message`` is an argument index, ``"first_string"`` (the first argument holding a string literal)
    or ``"lambda"`` (the trailing ``{ ... }``). ``fmt``: ``plain``; ``printf`` (``%@ %d``... are values);
    ``printf-if-args`` (printf only when arguments follow the message, as Timber does). ``tag``: ``|``-
    separated sources tried in order: ``arg:N``, ``args`` (the first argument naming a text constant),
    ``group:NAME`` (a regex group), ``class`` (the file's class), ``const:Class.NAME``, ``=literal``.
    ``code``: ``arg:N`` or ``arg:N:FORMAT`` (FORMAT applied to an integer constant, e.g. ``I-FCM{:06d}``).
    """

    name: str
    langs: tuple[str, ...]
    regex: str
    message: int | str = 0
    fmt: str = "plain"
    level: str | None = None
    level_arg: str | None = None
    default_level: str | None = None
    tag: str = ""
    code: str = ""


@dataclass(frozen=True)
class BlockShape:
    """Messages returned from a block, e.g. Swift ``var logDescription: String { switch ... return "..." }``.

    ``header`` ends on the block's ``{``; every ``return <string expression>`` inside is a template.
    """

    name: str
    langs: tuple[str, ...]
    header: str
    level: str = "E"


_JVM_LEVEL = r"(?P<level>wtf|w|e)"
CALL_SHAPES: tuple[CallShape, ...] = (
    # Android
    CallShape(
        "android.Log",
        JVM,
        r"(?<![\w.])(?:android\.util\.)?Log\s*\.\s*" + _JVM_LEVEL + r"\s*\(",
        message=1,
        tag="arg:0",
    ),
    CallShape(
        "timber",
        JVM,
        r"\bTimber\s*(?:\.\s*tag\s*\((?P<tagexpr>[^()]*)\)\s*)?\.\s*" + _JVM_LEVEL + r"\s*\(",
        message="first_string",
        fmt="printf-if-args",
        tag="group:tagexpr|class",
    ),
    CallShape(
        "braze.brazelog",
        JVM,
        r"\bbrazelog\s*[({]",
        message="lambda",
        level_arg=r"(?:priority\s*=\s*)?(?:BrazeLogger\s*\.\s*)?(?:Priority\s*\.\s*)?([VDIWE])",
        default_level="d",
        tag="args|class",
    ),
    CallShape(
        "kotlin.lambda-logger",
        ("kotlin",),
        r"\b(?:logger|log|LOG|Log)\s*\.\s*(?P<level>warn|warning|error|w|e)\s*\{",
        message="lambda",
        tag="class",
    ),
    CallShape(
        "vendor.Logging",
        JVM,
        r"\b(?:OneSignal\s*\.\s*)?Logging\s*\.\s*(?P<level>error|warn|warning|fatal|loge|logw)\s*\(",
        message="first_string",
        fmt="printf-if-args",
        tag="args|const:Logging.TAG",
    ),
    CallShape(
        "vendor.Logger",
        JVM,
        r"(?<![\w.])(?:[A-Za-z_][\w.]*\.)?(?:Logger|logger|LOGGER|log|LOG|CLog|ULog|UALog)\s*\.\s*"
        r"(?P<level>wtf|w|e|warn|warning|error|severe|fatal)\s*\(",
        message="first_string",
        fmt="printf-if-args",
        tag="args|const:Logger.TAG|class",
    ),
    CallShape(
        "c.log-macro",
        ALL,
        r"\bA?LOG_?(?P<level>[EWF])\s*\(",
        message="first_string",
        fmt="printf",
        tag="args",
    ),
    # Apple
    CallShape(
        "apple.os_log",
        APPLE,
        r"\bos_log(?:_with_type)?\s*\(",
        message="first_string",
        fmt="printf",
        level_arg=r"(?:type\s*:\s*)?(?:OSLogType)?\s*\.\s*(error|fault)|OS_LOG_TYPE_(ERROR|FAULT)",
    ),
    CallShape(
        "apple.os_log_level",
        ("objc",),
        r"\bos_log_(?P<level>error|fault)\s*\(",
        message="first_string",
        fmt="printf",
    ),
    CallShape(
        "firebase.FIRLog",
        ("objc", "swift"),
        r"\bFIRLog(?P<level>Error|Warning)\s*\(",
        message=2,
        fmt="printf",
        code="arg:1",
    ),
    CallShape(
        "firebase.FIRMessagingLogger",
        ("objc",),
        r"\bFIRMessagingLogger(?P<level>Error|Warn)\s*\(",
        message=1,
        fmt="printf",
        code="arg:0:I-FCM{:06d}",
    ),
    CallShape("airship.UA_L", ("objc",), r"\bUA_L(?P<level>ERR|WARN)\s*\(", message=0, fmt="printf"),
    CallShape(
        "onesignal.objc",
        ("objc",),
        r"\[\s*OneSignal(?:Log)?\s+onesignalLog\s*:\s*ONE_S_LL_(?P<level>ERROR|WARN|FATAL)\s+message\s*:",
        message=0,
    ),
    CallShape(
        "onesignal.swift",
        ("swift",),
        r"\bOneSignalLog\s*\.\s*onesignalLog\s*\(",
        message="first_string",
        level_arg=r"(?:OneSignal)?(?:ONE_S_LOG_LEVEL)?\s*\.\s*LL_(ERROR|WARN|FATAL)",
    ),
    CallShape(
        "objc.logger-send",
        ("objc",),
        r"\[\s*(?:ALog|BRZLogger|ABKLogger|UALogger)\s+(?P<level>error|warn|warning|fault)\w*\s*:",
        message="first_string",
        fmt="printf",
    ),
    CallShape(
        "swift.logger",
        ("swift",),
        r"(?:\bLogger\s*\([^()\n]*\)|\b[A-Za-z_]\w*(?:Log|Logger|LOG)\b|\b[Ll]og(?:ger)?\b)"
        r"\s*\.\s*(?P<level>error|warning|warn|fault|critical)\s*\(",
        message="first_string",
    ),
    CallShape("apple.NSLog", ("objc", "swift"), r"\bNSLog\s*\(", message=0, fmt="printf", level="unknown"),
)

BLOCK_SHAPES: tuple[BlockShape, ...] = (
    BlockShape(
        "swift.error-description",
        ("swift",),
        r"\bvar\s+(?:logDescription|errorDescription|debugDescription)\s*:\s*String\??\s*\{",
    ),
)

#: Calls whose value is known text, e.g. Braze's ``getBrazeLogTag(Foo::class.java)`` tag is ``Foo``.
CONST_FUNCTIONS: tuple[tuple[str, str], ...] = (
    (r"(?:BrazeLogger\s*\.\s*)?getBrazeLogTag\s*\(\s*(\w+)(?:::class(?:\.java)?|\.class)\s*\)", r"\1"),
)

#: Path components (lower-cased, fnmatch) and file stems that are never SDK code: tests, samples, builds.
DEFAULT_EXCLUDES = (
    "test",
    "tests",
    "*tests",
    "androidtest",
    "testfixtures",
    "testutil*",
    "testing",
    "example",
    "examples",
    "sample",
    "samples",
    "build",
    "pods",
    ".*",
    "*mocks",
)
TEST_STEM = re.compile(r"(?:Test|Tests|Spec|Mock|Fake)$")

# ------------------------------------------------------------------------------------------ lexing

_IDENT = re.compile(r"[A-Za-z_]\w*")
_QUALIFIED = re.compile(r"[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*")
_CHAR_LIT = re.compile(r"'(?:\\[^\n]{1,6}?|[^'\\\n]{1,4})'")
_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "0": "\0",
    "b": "\b",
    "f": "\f",
    "'": "'",
    '"': '"',
    "\\": "\\",
    "$": "$",
    "a": "\a",
    "v": "\v",
    "e": "\x1b",
}


@dataclass
class Lit:
    """A string literal as parsed: its end offset and its parts (('lit', text) | ('ph', kind, expr))."""

    end: int
    parts: list[tuple]
    triple: bool = False


def read_string(text: str, i: int, lang: str) -> Lit | None:
    """The string literal starting at ``i`` (``"..."``, ``@"..."``, ``\"\"\"...\"\"\"``, Swift ``#"..."#``)."""
    n = len(text)
    at, hashes = i, 0
    if lang == "objc" and text.startswith('@"', i):
        at = i + 1
    elif lang == "swift" and i < n and text[i] == "#":
        j = i
        while j < n and text[j] == "#":
            j += 1
        if j >= n or text[j] != '"':
            return None
        at, hashes = j, j - i
    if at >= n or text[at] != '"':
        return None
    triple = lang in ("java", "kotlin", "swift") and text.startswith('"""', at)
    close = ('"""' if triple else '"') + "#" * hashes
    raw = lang == "kotlin" and triple
    escape = "\\" + "#" * hashes
    j = at + (3 if triple else 1)
    parts: list[tuple] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            parts.append(("lit", "".join(buf)))
            buf.clear()

    def placeholder(expr: str) -> None:
        flush()
        parts.append(("ph", "any", expr.strip()))

    while j < n:
        if text.startswith(close, j):
            flush()
            lit = Lit(j + len(close), parts, triple)
            if triple:
                _dedent(lit)
            return lit
        c = text[j]
        if c == "\n" and not triple:
            break  # unterminated: stop at the line end
        if lang == "kotlin" and c == "$":
            if text.startswith("${", j):
                end = skip_balanced(text, j + 2, "{", "}", lang)
                placeholder(text[j + 2 : end - 1])
                j = end
                continue
            m = _IDENT.match(text, j + 1)
            if m:
                placeholder(m.group())
                j = m.end()
                continue
        if c == "\\" and not raw and text.startswith(escape, j):
            k = j + len(escape)
            if k >= n:
                break
            e = text[k]
            if lang == "swift" and e == "(":
                end = skip_balanced(text, k + 1, "(", ")", lang)
                placeholder(text[k + 1 : end - 1])
                j = end
                continue
            if e == "u" and lang == "swift" and text.startswith("{", k + 1):
                end = text.find("}", k)
                try:
                    buf.append(chr(int(text[k + 2 : end], 16)))
                except ValueError:
                    pass
                j = end + 1
                continue
            if e == "u" and re.match(r"[0-9a-fA-F]{4}", text[k + 1 : k + 5]):
                buf.append(chr(int(text[k + 1 : k + 5], 16)))
                j = k + 5
                continue
            if e == "\n":  # line continuation
                j = k + 1
                continue
            buf.append(_ESCAPES.get(e, e))
            j = k + 1
            continue
        buf.append(c)
        j += 1
    flush()
    return Lit(j, parts, triple)


def _dedent(lit: Lit) -> None:
    """Multi-line literals: drop the opening/closing line breaks and the common indentation."""
    joined = "".join(p[1] if p[0] == "lit" else "\x00" for p in lit.parts)
    lines = joined.split("\n")
    indents = [len(line) - len(line.lstrip(" \t")) for line in lines[1:] if line.strip(" \t")]
    indent = min(indents) if indents else 0
    if lines and not lines[0].strip(" \t"):
        lines = lines[1:]
    if lines and not lines[-1].strip(" \t"):
        lines = lines[:-1]
    text = "\n".join(line[indent:] if line[:indent].strip(" \t") == "" else line.lstrip() for line in lines)
    placeholders = iter(p for p in lit.parts if p[0] == "ph")
    parts: list[tuple] = []
    for k, chunk in enumerate(text.split("\x00")):
        if k:
            parts.append(next(placeholders))
        if chunk:
            parts.append(("lit", chunk))
    lit.parts = parts


def skip_char(text: str, i: int, lang: str) -> int:
    """End of a character literal at ``i`` (Java/Kotlin/C), or ``i`` when there is none."""
    if lang == "swift":
        return i
    m = _CHAR_LIT.match(text, i)
    return m.end() if m else i


def skip_balanced(text: str, i: int, open_: str, close: str, lang: str) -> int:
    """Index just after the ``close`` that balances an already-consumed ``open_`` (strings skipped)."""
    depth, n = 1, len(text)
    while i < n:
        c = text[i]
        if c in '"@#':
            lit = read_string(text, i, lang)
            if lit is not None:
                i = lit.end
                continue
        if c == "'":
            j = skip_char(text, i, lang)
            if j != i:
                i = j
                continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def mask(text: str, lang: str) -> tuple[str, str]:
    """(code without comments, code without comments and with string contents blanked); same lengths."""
    n, i = len(text), 0
    code: list[str] = []
    shape: list[str] = []

    def blank(chunk: str) -> str:
        return re.sub(r"[^\n]", " ", chunk)

    nesting = lang in ("kotlin", "swift")
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            code.append(blank(text[i:j]))
            shape.append(blank(text[i:j]))
            i = j
            continue
        if c == "/" and text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if nesting and text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            code.append(blank(text[i:j]))
            shape.append(blank(text[i:j]))
            i = j
            continue
        if c in '"@#':
            lit = read_string(text, i, lang)
            if lit is not None:
                chunk = text[i : lit.end]
                code.append(chunk)
                shape.append(chunk[0] + blank(chunk[1:-1]) + chunk[-1] if len(chunk) > 1 else chunk)
                i = lit.end
                continue
        if c == "'":
            j = skip_char(text, i, lang)
            if j != i:
                code.append(text[i:j])
                shape.append(blank(text[i:j]))
                i = j
                continue
        code.append(c)
        shape.append(c)
        i += 1
    return "".join(code), "".join(shape)


_OPEN = {"(": ")", "[": "]", "{": "}"}


def parse_args(code: str, i: int, closer: str, lang: str) -> tuple[list[tuple[int, int]], int]:
    """Top-level argument spans from ``i`` up to ``closer``, and the index just after it."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start, n = i, len(code)
    while i < n:
        c = code[i]
        if c in '"@#':
            lit = read_string(code, i, lang)
            if lit is not None:
                i = lit.end
                continue
        if c == "'":
            j = skip_char(code, i, lang)
            if j != i:
                i = j
                continue
        if c in _OPEN:
            stack.append(_OPEN[c])
        elif c in ")]}":
            if stack:
                if stack[-1] == c:
                    stack.pop()
            elif c == closer:
                if code[start:i].strip():
                    spans.append((start, i))
                return spans, i + 1
            else:
                break
        elif c == "," and not stack:
            spans.append((start, i))
            start = i + 1
        i += 1
    if code[start:i].strip():
        spans.append((start, i))
    return spans, i


def split_top(text: str, sep: str, lang: str) -> list[str]:
    """Split ``text`` on ``sep`` outside strings and brackets (``++``/``+=`` are not separators)."""
    pieces, depth, start, i, n = [], 0, 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in '"@#':
            lit = read_string(text, i, lang)
            if lit is not None:
                i = lit.end
                continue
        if c == "'":
            j = skip_char(text, i, lang)
            if j != i:
                i = j
                continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == sep and depth == 0 and text[i + 1 : i + 2] not in (sep, "=") and text[i - 1 : i] != sep:
            pieces.append(text[start:i])
            start = i + 1
        i += 1
    pieces.append(text[start:])
    return pieces


def wrapped_in_parens(text: str, lang: str) -> bool:
    if not (text.startswith("(") and text.endswith(")")):
        return False
    _, end = parse_args(text, 1, ")", lang)
    return end == len(text)


# ------------------------------------------------------------------------------------------ constants


@dataclass
class ConstDef:
    path: str
    cls: str
    pos: int
    value: str
    lang: str


_CONST_PATTERNS: dict[str, tuple[re.Pattern, ...]] = {
    "java": (
        re.compile(r"\bString\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>[^;]+);"),
        re.compile(r"\b(?:int|long|short)\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>-?\d+)\s*;"),
    ),
    "kotlin": (
        re.compile(r"\b(?:val|var)\s+(?P<name>[A-Za-z_]\w*)\s*(?::\s*String\s*)?=\s*(?P<value>[^\n;]+)"),
    ),
    "swift": (
        re.compile(r"\b(?:let|var)\s+(?P<name>[A-Za-z_]\w*)\s*(?::\s*String\s*)?=\s*(?P<value>#*\"[^\n]*)"),
    ),
    "objc": (
        re.compile(
            r"\b(?:NSString|FIRLoggerService)\s*\*?\s*(?:const\s+)?(?P<name>[A-Za-z_]\w*)\s*=\s*"
            r"(?P<value>@\"[^;]*);"
        ),
        re.compile(r"(?m)^\s*#\s*define\s+(?P<name>[A-Za-z_]\w*)\s+(?P<value>@?\"[^\n]*)"),
        re.compile(r"(?m)^\s*(?P<name>k?[A-Za-z_]\w*)\s*=\s*(?P<value>-?\d+)\s*,"),
    ),
}


class Constants:
    """Text and integer constants of the whole tree, to resolve tags, codes and message pieces."""

    def __init__(self) -> None:
        self.defs: dict[str, list[ConstDef]] = {}
        self._busy: set[tuple] = set()

    def add_file(self, path: str, code: str, lang: str) -> None:
        cls = Path(path).stem
        for pattern in _CONST_PATTERNS[lang]:
            for m in pattern.finditer(code):
                value = m.group("value").strip()
                self.defs.setdefault(m.group("name"), []).append(ConstDef(path, cls, m.start(), value, lang))

    def _pick(self, name: str, qualifier: str | None, path: str, pos: int) -> ConstDef | None:
        defs = self.defs.get(name) or []
        if qualifier:
            defs = [d for d in defs if d.cls == qualifier]
        if not defs:
            return None
        if not qualifier:
            here = [d for d in defs if d.path == path]
            if here:
                before = [d for d in here if d.pos < pos]
                return before[-1] if before else here[0]
            folder = os.path.dirname(path)
            near = [d for d in defs if os.path.dirname(d.path) == folder]
            if near:
                return near[0]
            if len({d.value for d in defs}) > 1:
                return None  # ambiguous across the tree
        return max(defs, key=lambda d: len(os.path.commonprefix([d.path, path])))

    def value(self, expr: str, path: str, pos: int = 1 << 30) -> str | int | None:
        """The text (or integer) an identifier, qualified name, literal or concatenation stands for."""
        expr = expr.strip()
        if re.fullmatch(r"-?\d+", expr):
            return int(expr)
        m = _QUALIFIED.fullmatch(expr)
        if m:
            names = [p.strip() for p in expr.split(".")]
            qualifier = names[-2] if len(names) > 1 else None
            d = self._pick(names[-1], qualifier, path, pos)
            if d is None:
                return None
            key = (d.path, d.pos)
            if key in self._busy:
                return None
            self._busy.add(key)
            try:
                return (
                    self.value(d.value, d.path, d.pos)
                    if not re.fullmatch(r"-?\d+", d.value)
                    else int(d.value)
                )
            finally:
                self._busy.discard(key)
        for pattern, template in CONST_FUNCTIONS:
            fm = re.fullmatch(pattern, expr)
            if fm:
                return fm.expand(template)
        lang = LANGS.get(Path(path).suffix, "java")
        parsed = parse_expr(expr, lang, self, path, pos)
        if parsed is None or any(p[0] != "lit" for p in parsed.parts):
            return None
        return "".join(p[1] for p in parsed.parts)


# ------------------------------------------------------------------------------------------ expressions


@dataclass
class Parsed:
    parts: list[tuple] = field(default_factory=list)
    printf: bool = False
    has_literal: bool = False


_FORMAT_CALL = re.compile(r"(?:java\.lang\.)?String\s*\.\s*format\s*\(")
_SWIFT_FORMAT = re.compile(r"String\s*\(\s*format\s*:")
_OBJC_FORMAT = re.compile(r"\[\s*NSString\s+stringWithFormat\s*:")
_SUFFIX_FORMAT = re.compile(r"\.\s*format\s*\(")
_TRIM_SUFFIX = re.compile(r"\.\s*(?:trimIndent|trimMargin|trim|trimEnd|trimStart)\s*\(\s*\)\s*$")
_ARG_LABEL = {
    "swift": re.compile(r"^[A-Za-z_]\w*\s*:(?!:)\s*"),
    "kotlin": re.compile(r"^[A-Za-z_]\w*\s*=(?!=)\s*"),
}


def strip_label(text: str, lang: str) -> str:
    label = _ARG_LABEL.get(lang)
    text = text.strip()
    if label and not text.startswith(('"', "#")):
        text = label.sub("", text, count=1)
    return text


def parse_expr(
    text: str, lang: str, consts: Constants | None = None, path: str = "", pos: int = 1 << 30, depth: int = 0
) -> Parsed | None:
    """Parts of a message expression: literal text and ('ph', kind, expr) values; None if not text."""
    text = strip_label(text, lang)
    if not text or depth > 6:
        return None
    while wrapped_in_parens(text, lang):
        text = text[1:-1].strip()
    trimmed = _TRIM_SUFFIX.search(text)
    if trimmed:
        text = text[: trimmed.start()].rstrip()
    # String.format(fmt, args) / String(format:) / [NSString stringWithFormat:] / "...".format(args)
    for pattern, closer in ((_FORMAT_CALL, ")"), (_SWIFT_FORMAT, ")"), (_OBJC_FORMAT, "]")):
        m = pattern.match(text)
        if m:
            spans, end = parse_args(text, m.end(), closer, lang)
            if end == len(text.rstrip()) and spans:
                first = text[spans[0][0] : spans[0][1]].strip()
                if len(spans) > 1 and re.match(r"(?:java\.util\.)?Locale\b|null\b|nil\b", first):
                    spans = spans[1:]
                if pattern is _SWIFT_FORMAT:
                    spans = [(m.end(), spans[0][1])] + spans[1:]
                inner = parse_expr(text[spans[0][0] : spans[0][1]], lang, consts, path, pos, depth + 1)
                if inner is not None:
                    inner.printf = True
                return inner
    m = _SUFFIX_FORMAT.search(text)
    if m and lang == "kotlin":
        _, end = parse_args(text, m.end(), ")", lang)
        if end == len(text):
            inner = parse_expr(text[: m.start()], lang, consts, path, pos, depth + 1)
            if inner is not None:
                inner.printf = True
            return inner
    out = Parsed()
    pieces = [text] if lang == "objc" else split_top(text, "+", lang)
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            return None
        lits = _adjacent_literals(piece, lang)
        if lits is not None:
            out.parts.extend(lits)
            out.has_literal = True
            continue
        if wrapped_in_parens(piece, lang) or _TRIM_SUFFIX.search(piece) or _SUFFIX_FORMAT.search(piece):
            inner = parse_expr(piece, lang, consts, path, pos, depth + 1)
            if inner is not None and not inner.printf:
                out.parts.extend(inner.parts)
                out.has_literal = out.has_literal or inner.has_literal
                continue
        if consts is not None and _QUALIFIED.fullmatch(piece):
            value = consts.value(piece, path, pos)
            if isinstance(value, str):
                out.parts.append(("lit", value))
                continue
        out.parts.append(("ph", "any", piece))
    return out


def _adjacent_literals(piece: str, lang: str) -> list[tuple] | None:
    """Parts of ``piece`` when it is only string literals (C/ObjC adjacent literals are joined)."""
    parts: list[tuple] = []
    i, n = 0, len(piece)
    while i < n:
        lit = read_string(piece, i, lang)
        if lit is None:
            return None
        parts.extend(lit.parts)
        i = lit.end
        while i < n and piece[i].isspace():
            i += 1
        if i < n and lang not in ("objc",):
            return None
    return parts if parts or n else None


_PRINTF = re.compile(
    r"%(?:\d+\$)?(?:\{[^}]*\})?[-#+0,(']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|q|z|j|t|L)?([diouxXeEfFgGaAcCsSp@b])|%%"
)
_PRINTF_KIND = {
    "d": "int",
    "i": "int",
    "u": "uint",
    "o": "uint",
    "x": "hex",
    "X": "hex",
    "p": "hex",
    "e": "float",
    "E": "float",
    "f": "float",
    "F": "float",
    "g": "float",
    "G": "float",
    "a": "any",
    "A": "any",
}


def apply_printf(parts: list[tuple]) -> list[tuple]:
    out: list[tuple] = []
    for part in parts:
        if part[0] != "lit":
            out.append(part)
            continue
        text, last = part[1], 0
        for m in _PRINTF.finditer(text):
            if m.start() > last:
                out.append(("lit", text[last : m.start()]))
            if m.group() == "%%":
                out.append(("lit", "%"))
            else:
                out.append(("ph", _PRINTF_KIND.get(m.group(1), "any"), m.group()))
            last = m.end()
        if last < len(text):
            out.append(("lit", text[last:]))
    return out


# ------------------------------------------------------------------------------------------ patterns

_GROUP = {
    "any": "(.*?)",
    "int": r"(-?\d+)",
    "uint": r"(\d+)",
    "hex": r"((?:0x)?[0-9a-fA-F]+)",
    "float": r"(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)",
}


_SPECIAL = set(".^$*+?{}[]\\|()")


def _escape(text: str) -> str:
    """Like ``re.escape`` but readable: only characters special outside a character class are escaped."""
    out = []
    for ch in text:
        out.append({"\n": r"\n", "\t": r"\t", "\r": r"\r"}.get(ch) or ("\\" + ch if ch in _SPECIAL else ch))
    return "".join(out)


def normalise_parts(parts: list[tuple]) -> list[tuple]:
    """Merge neighbouring literals and values; cut at the first line break when the first line says enough."""
    merged: list[tuple] = []
    for part in parts:
        if part[0] == "lit" and not part[1]:
            continue
        if merged and merged[-1][0] == part[0] == "lit":
            merged[-1] = ("lit", merged[-1][1] + part[1])
        elif merged and merged[-1][0] == part[0] == "ph":
            merged[-1] = ("ph", "any", merged[-1][2] + " " + part[2])
        else:
            merged.append(part)
    for k, part in enumerate(merged):
        if part[0] == "lit" and "\n" in part[1]:
            head = merged[:k] + [("lit", part[1].split("\n", 1)[0])]
            if longest_literal(head) >= MIN_LITERAL:
                merged = [p for p in head if p[0] != "lit" or p[1]]
            break
    while merged and merged[0][0] == "ph":
        merged.pop(0)
    while merged and merged[-1][0] == "lit" and not merged[-1][1].strip():
        merged.pop()
    if merged and merged[0][0] == "lit":
        merged[0] = ("lit", merged[0][1].lstrip())
    if merged and merged[-1][0] == "lit":
        merged[-1] = ("lit", merged[-1][1].rstrip())
    return merged


def longest_literal(parts: Iterable[tuple]) -> int:
    return max((len(p[1].strip()) for p in parts if p[0] == "lit"), default=0)


def to_regex(parts: list[tuple]) -> str:
    out = []
    for k, part in enumerate(parts):
        if part[0] == "lit":
            out.append(_escape(part[1]))
        elif part[1] == "any" and k == len(parts) - 1:
            out.append("(.*)")
        else:
            out.append(_GROUP[part[1]])
    return "".join(out)


MIN_LITERAL = 6

# ------------------------------------------------------------------------------------------ mining


@dataclass
class Hit:
    path: str
    line: int
    lang: str
    level: str
    tag: str
    template: str
    pattern: str
    shape: str
    code: str = ""
    also: list[str] = field(default_factory=list)


class SourceFile:
    def __init__(self, path: Path, rel: str, lang: str) -> None:
        self.rel = rel
        self.lang = lang
        self.text = path.read_text(encoding="utf-8", errors="replace")
        self.code, self.shape_text = mask(self.text, lang)

    def line_of(self, pos: int) -> int:
        return self.text.count("\n", 0, pos) + 1


def iter_sources(roots: Iterable[Path], excludes: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """(file, language) for every source file below ``roots`` that is not excluded."""
    globs = [g.lower() for g in excludes]
    for top in roots:
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(
                d for d in dirnames if not any(fnmatch.fnmatchcase(d.lower(), g) for g in globs)
            )
            for name in sorted(filenames):
                suffix = os.path.splitext(name)[1]
                if suffix not in LANGS or TEST_STEM.search(os.path.splitext(name)[0]):
                    continue
                if any(fnmatch.fnmatchcase(name.lower(), g) for g in globs):
                    continue
                yield Path(dirpath) / name, LANGS[suffix]


class Miner:
    def __init__(
        self, shapes: Iterable[CallShape] = CALL_SHAPES, blocks: Iterable[BlockShape] = BLOCK_SHAPES
    ):
        self.shapes = [(s, re.compile(s.regex)) for s in shapes]
        self.blocks = [(b, re.compile(b.header)) for b in blocks]
        self.consts = Constants()
        self.files: list[SourceFile] = []
        self.skipped_short = 0

    def load(self, roots: list[Path], root: Path, excludes: Iterable[str]) -> None:
        for path, lang in iter_sources(roots, excludes):
            rel = path.resolve().relative_to(root.resolve()).as_posix()
            src = SourceFile(path, rel, lang)
            self.files.append(src)
            self.consts.add_file(rel, src.code, lang)

    def mine(self) -> list[Hit]:
        hits: list[Hit] = []
        for src in self.files:
            hits.extend(self._mine_file(src))
        return hits

    # -- one file

    def _mine_file(self, src: SourceFile) -> Iterator[Hit]:
        taken: list[tuple[int, int]] = []  # earlier shapes win where two match the same call
        for shape, regex in self.shapes:
            if src.lang not in shape.langs:
                continue
            for m in regex.finditer(src.shape_text):
                if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                    continue
                taken.append(m.span())
                hit = self._call(src, shape, m)
                if hit is not None:
                    yield hit
        for block, regex in self.blocks:
            if src.lang not in block.langs:
                continue
            for m in regex.finditer(src.shape_text):
                yield from self._block(src, block, m)

    def _level(self, shape: CallShape, m: re.Match, args: list[str]) -> str | None:
        word: str | None = shape.level
        if word is None and "level" in m.re.groupindex:
            word = m.group("level")
        if word is None and shape.level_arg:
            for arg in args:
                lm = re.fullmatch(shape.level_arg, arg.strip())
                if lm:
                    word = next((g for g in lm.groups() if g), None)
                    break
        if word is None:
            word = shape.default_level
        if word is None:
            return None
        if word in LEVELS:
            return word
        return LEVEL_WORDS.get(word.lower())

    def _call(self, src: SourceFile, shape: CallShape, m: re.Match) -> Hit | None:
        code, opener = src.code, src.code[m.end() - 1]
        lambda_span = None
        if opener == "{":
            spans, after = [], m.end() - 1
        else:
            spans, after = parse_args(code, m.end(), "]" if opener == ":" else ")", src.lang)
        args = [code[s:e] for s, e in spans]
        level = self._level(shape, m, args)
        if level not in LEVELS:
            return None
        if shape.message == "lambda":
            j = after
            while j < len(code) and code[j] in " \t":
                j += 1
            if j >= len(code) or code[j] != "{":
                return None
            end = skip_balanced(code, j + 1, "{", "}", src.lang)
            body = code[j + 1 : end - 1]
            if re.match(r"\s*[\w, ]+->", body):
                body = body.split("->", 1)[1]
            lambda_span = (j + 1, end - 1)
            msg_index = len(spans)
        elif shape.message == "first_string":
            msg_index = next(
                (
                    k
                    for k, a in enumerate(args)
                    if (p := parse_expr(a, src.lang)) is not None and p.has_literal
                ),
                None,
            )
            if msg_index is None:
                return None
        else:
            msg_index = int(shape.message)
            if msg_index >= len(args):
                return None
        span = lambda_span or spans[msg_index]
        parsed = parse_expr(code[span[0] : span[1]], src.lang, self.consts, src.rel, m.start())
        if parsed is None:
            return None
        fmt_args = len(args) - msg_index - 1 if lambda_span is None else 0
        printf = parsed.printf or shape.fmt == "printf" or (shape.fmt == "printf-if-args" and fmt_args > 0)
        tag = self._tag(src, shape, m, args, msg_index)
        code_value = self._code(src, shape, args)
        return self._hit(src, m.start(), level, tag, span, parsed, printf, shape.name, code_value)

    def _block(self, src: SourceFile, block: BlockShape, m: re.Match) -> Iterator[Hit]:
        code = src.code
        end = skip_balanced(code, m.end(), "{", "}", src.lang)
        for r in re.finditer(r"\breturn\b", src.shape_text[m.end() : end]):
            start = m.end() + r.end()
            span = read_expression(code, start, end, src.lang)
            if span is None:
                continue
            parsed = parse_expr(code[span[0] : span[1]], src.lang, self.consts, src.rel, start)
            if parsed is None or not parsed.has_literal:
                continue
            hit = self._hit(src, m.start() + r.start(), block.level, "", span, parsed, False, block.name, "")
            if hit is not None:
                yield hit

    def _hit(self, src, pos, level, tag, span, parsed, printf, shape_name, code_value) -> Hit | None:
        parts = apply_printf(parsed.parts) if printf else parsed.parts
        parts = normalise_parts(parts)
        if longest_literal(parts) < MIN_LITERAL:
            self.skipped_short += 1
            return None
        template = src.text[span[0] : span[1]].strip()
        return Hit(
            src.rel, src.line_of(pos), src.lang, level, tag, template, to_regex(parts), shape_name, code_value
        )

    def _resolve_text(self, src: SourceFile, expr: str) -> str | None:
        value = self.consts.value(strip_label(expr, src.lang), src.rel)
        return value if isinstance(value, str) and value else None

    def _tag(self, src: SourceFile, shape: CallShape, m: re.Match, args: list[str], msg_index: int) -> str:
        if src.lang not in JVM:
            return ""
        for source in filter(None, shape.tag.split("|")):
            kind, _, arg = source.partition(":")
            value = None
            if source.startswith("="):
                value = source[1:]
            elif kind == "arg" and int(arg) < len(args) and int(arg) != msg_index:
                value = self._resolve_text(src, args[int(arg)])
            elif kind == "args":
                for a in args[:msg_index]:
                    if _QUALIFIED.fullmatch(a.strip()) or a.strip().startswith('"'):
                        value = self._resolve_text(src, a)
                        if value:
                            break
            elif kind == "group" and m.group(arg):
                value = self._resolve_text(src, src.code[m.start(arg) : m.end(arg)])
            elif kind == "class":
                value = Path(src.rel).stem
            elif kind == "const":
                value = self._resolve_text(src, arg)
            if value:
                return value
        return ""

    def _code(self, src: SourceFile, shape: CallShape, args: list[str]) -> str:
        if not shape.code:
            return ""
        _, index, fmt = (shape.code.split(":", 2) + [""])[:3]
        if int(index) >= len(args):
            return ""
        value = self.consts.value(args[int(index)], src.rel)
        if isinstance(value, int) and fmt:
            return fmt.format(value)
        return value if isinstance(value, str) else ""


def read_expression(code: str, i: int, limit: int, lang: str) -> tuple[int, int] | None:
    """Span of the expression after ``return``: literals, names and calls joined by ``+``."""
    n = min(len(code), limit)
    while i < n and code[i].isspace():
        i += 1
    start = i
    while i < n:
        lit = read_string(code, i, lang)
        if lit is not None:
            i = lit.end
        else:
            m = _QUALIFIED.match(code, i)
            if not m:
                break
            i = m.end()
            while i < n and code[i] in "([":
                i = skip_balanced(code, i + 1, code[i], ")" if code[i] == "(" else "]", lang)
            while i < n and code[i] == "?":
                i += 1
        j = i
        while j < n and code[j].isspace():
            j += 1
        if j < n and code[j] == "+" and code[j + 1 : j + 2] != "=":
            i = j + 1
            while i < n and code[i].isspace():
                i += 1
            continue
        break
    return (start, i) if i > start else None


# ------------------------------------------------------------------------------------------ output


def dedupe(hits: list[Hit]) -> list[Hit]:
    seen: dict[tuple, Hit] = {}
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.path, h.line)):
        key = (hit.pattern, hit.level, hit.tag)
        if key in seen:
            seen[key].also.append(f"{hit.path}:{hit.line}")
            continue
        seen[key] = hit
        out.append(hit)
    return out


def to_document(hits: list[Hit], args: argparse.Namespace) -> dict:
    prefix = VENDOR_CODES.get(args.vendor, args.vendor.upper()[:4])
    rules = []
    for n, hit in enumerate(hits, 1):
        provenance = {
            "repository": args.repository,
            "path": hit.path,
            "line": str(hit.line),
            "sdk_version": args.sdk_version,
            "template": hit.template,
        }
        if args.commit:
            provenance["commit"] = args.commit
        rule = {
            "id": f"{prefix}-M{n:03d}",
            "vendor": args.vendor,
            "platform": args.platform if args.platform != "auto" else PLATFORM_OF[hit.lang],
            "tag": hit.tag,
            "pattern": hit.pattern,
            "level": hit.level,
            "provenance": provenance,
            "shape": hit.shape,
        }
        if hit.code:
            rule["code"] = hit.code
        if hit.also:
            rule["also_at"] = hit.also
        rules.append(rule)
    return {"schema_version": 1, "vendor": args.vendor, "draft": True, "rules": rules}


def _literal_text(pattern: str) -> str:
    return re.sub(r"\((?:[^()\\]|\\.)*\)", "…", pattern).replace("\\", "")


def diff_documents(old: dict, new: dict) -> dict[str, list]:
    """Templates added, removed and changed between two miner outputs (keyed by their regex and level)."""

    def key(rule: dict) -> tuple:
        return (rule["pattern"], rule.get("level", ""))

    old_rules = {key(r): r for r in old.get("rules", [])}
    new_rules = {key(r): r for r in new.get("rules", [])}
    removed = [r for k, r in old_rules.items() if k not in new_rules]
    added = [r for k, r in new_rules.items() if k not in old_rules]
    changed = []
    for gone in list(removed):
        best, score = None, 0.0
        for came in added:
            if came["provenance"]["path"] != gone["provenance"]["path"]:
                continue
            ratio = difflib.SequenceMatcher(
                None, _literal_text(gone["pattern"]), _literal_text(came["pattern"])
            ).ratio()
            if ratio > score:
                best, score = came, ratio
        if best is not None and score >= 0.6:
            changed.append((gone, best))
            removed.remove(gone)
            added.remove(best)
    return {"added": added, "removed": removed, "changed": changed}


def format_diff(diff: dict[str, list], old: dict, new: dict) -> str:
    def version(doc: dict) -> str:
        rules = doc.get("rules") or [{}]
        return rules[0].get("provenance", {}).get("sdk_version", "?")

    def where(rule: dict) -> str:
        p = rule["provenance"]
        return f"{p['path']}:{p['line']}"

    def template(rule: dict) -> str:
        return " ".join(rule["provenance"]["template"].split())

    lines = [
        f"SDK {version(old)} -> {version(new)}: {len(diff['added'])} added, {len(diff['removed'])} removed, "
        f"{len(diff['changed'])} changed"
    ]
    for rule in diff["added"]:
        lines.append(f"+ [{rule.get('level', '?')}] {where(rule)}  {template(rule)}")
    for rule in diff["removed"]:
        lines.append(f"- [{rule.get('level', '?')}] {where(rule)}  {template(rule)}")
    for gone, came in diff["changed"]:
        lines.append(f"~ [{came.get('level', '?')}] {where(came)}")
        lines.append(f"    was: {template(gone)}")
        lines.append(f"    now: {template(came)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "source",
        nargs="+",
        type=Path,
        help="source folder(s) to mine, or one earlier output .json to compare with --diff",
    )
    parser.add_argument(
        "--root",
        type=Path,
        help="repository root that paths are relative to (default: the first source folder)",
    )
    parser.add_argument("--vendor", help="vendor key: braze, fiam, fcm, onesignal, airship, clevertap")
    parser.add_argument("--platform", default="auto", choices=("android", "ios", "auto"))
    parser.add_argument("--repository", default="", help="owner/name of the public repository")
    parser.add_argument("--sdk-version", default="", help="SDK version of the mined tree")
    parser.add_argument("--commit", default="", help="commit of the mined tree (recorded in provenance)")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip folders/files whose name matches (repeatable)",
    )
    parser.add_argument(
        "--no-default-excludes", action="store_true", help="also mine tests, samples and examples"
    )
    parser.add_argument("--out", type=Path, help="write the candidates here (default: standard output)")
    parser.add_argument("--diff", type=Path, metavar="OLD.json", help="print templates added/removed/changed")
    args = parser.parse_args(argv)

    if len(args.source) == 1 and args.source[0].suffix == ".json" and args.source[0].is_file():
        if not args.diff:
            parser.error("a .json source only makes sense with --diff")
        new = json.loads(args.source[0].read_text(encoding="utf-8"))
    else:
        if not args.vendor:
            parser.error("--vendor is required when mining")
        for folder in args.source:
            if not folder.is_dir():
                parser.error(f"not a folder: {folder}")
        root = args.root or args.source[0]
        excludes = list(args.exclude) + ([] if args.no_default_excludes else list(DEFAULT_EXCLUDES))
        miner = Miner()
        try:
            miner.load(list(args.source), root, excludes)
        except ValueError:
            parser.error(f"every source folder must be inside --root {root}")
        hits = dedupe(miner.mine())
        new = to_document(hits, args)
        text = json.dumps(new, indent=2, ensure_ascii=False) + "\n"
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(text, encoding="utf-8")
            print(
                f"{len(hits)} candidates from {len(miner.files)} files -> {args.out} "
                f"({miner.skipped_short} calls skipped: literal text under {MIN_LITERAL} characters)",
                file=sys.stderr,
            )
        elif not args.diff:
            sys.stdout.write(text)
    if args.diff:
        old = json.loads(args.diff.read_text(encoding="utf-8"))
        print(format_diff(diff_documents(old, new), old, new))
    return 0


if __name__ == "__main__":
    sys.exit(main())
