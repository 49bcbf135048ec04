"""The query language of the log view's filter box, modelled on Android Studio Logcat.

Support engineers already know Logcat's ``tag:Braze level:W -tag:chatty`` queries, so the log view speaks
the same language instead of inventing one, plus CRE Desk's own keys for findings (``rule:``, ``area:``).
The text is typed live by a user and often pasted from tickets, so parsing never fails with anything but
a ``FilterError`` that points at the offending character, and user regexes always run on RE2 (linear
time, no catastrophic backtracking on hostile log lines).

Grammar (``&`` binds tighter than ``|``; plain juxtaposition binds tighter than both)::

    query   := or
    or      := and ("|" and)*
    and     := juxt ("&" juxt)*
    juxt    := unary+                 # AND, except positive terms with the same key are OR-ed
    unary   := "-"* (group | term)
    group   := "(" or ")"
    term    := key (":" | "=:" | "~:") value | "~" value | value

All text comparisons are case-insensitive: ``:`` is "contains", ``=:`` is "equals", ``~:`` is an RE2
regex search. An unknown key such as ``foo:bar`` is a plain text search for ``foo:bar``, as in Logcat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import re2

from cre_desk.errors import UserError
from cre_desk.logs.entry import LEVEL_NAMES, level_code

MAX_QUERY_CHARS = 10_000
MAX_REGEX_CHARS = 1000
MAX_DEPTH = 64
#: Longest text a single term looks at; hostile lines longer than this are searched in their first part.
MAX_MATCH_CHARS = 1_000_000

STRING_KEYS = ("tag", "message", "package")
KEYS = ("tag", "message", "package", "level", "pid", "tid", "age", "is", "rule", "area")
_OPS = {
    "tag": (":", "=:", "~:"), "message": (":", "=:", "~:"), "package": (":", "=:", "~:"),
    "rule": (":", "=:", "~:"), "level": (":", "=:"), "pid": (":", "=:"), "tid": (":", "=:"),
    "is": (":", "=:"), "area": (":", "=:"), "age": (":",),
}
_IS_VALUES = ("crash", "stacktrace")
_AREAS = "ABCDE"
_AGE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_KEY_RE = re.compile(r"([A-Za-z]+)(=:|~:|:)")
_AGE_RE = re.compile(r"(\d{1,9})([smhd])", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d{1,10}")
CRASH_MARKERS = ("FATAL EXCEPTION", "Fatal signal", "*** Terminating app due to uncaught exception")
# Our own fixed pattern: a Java/Kotlin "at" frame or an iOS frame ("0   CoreFoundation   0x...").
STACK_RE = re.compile(r"\n(?:\tat |    at |\d+[ \t]+[^\s]+[ \t]+0x[0-9a-fA-F])")
_STOP = frozenset("()&|")

PRESETS: dict[str, str] = {
    "FIAM": "tag:FIAM",
    "Braze": 'tag:Braze | message:"Braze v"',
    "OneSignal": "tag:OneSignal",
    "Push / system": 'tag:GCM | tag:GCM-DMM | tag:GTalkService | tag:NotificationService '
                     '| tag:FirebaseMessaging | message:"c2dm"',
    "Hide system noise": "-tag:chatty -tag:ViewRootImpl -tag:InputMethodManager -tag:OpenGLRenderer "
                         "-tag:EGL_emulation -tag:Choreographer -tag:libc -tag:SurfaceFlinger",
    "Errors": "level:E",
}


class FilterError(UserError):
    """The filter text cannot be understood; ``position`` is the 0-based character it goes wrong at."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.position = position


# --------------------------------------------------------------------------- AST


@dataclass(frozen=True)
class Term:
    """One condition. ``key`` is "" for a plain text search; ``arg`` holds the prepared value."""

    key: str
    op: str
    value: str
    position: int = field(default=0, compare=False)
    arg: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


Node = Term | Not | And | Or


@dataclass(frozen=True)
class Query:
    """A parsed filter: the tree plus the text it came from."""

    root: Node
    text: str = field(default="", compare=False)


# --------------------------------------------------------------------------- tokenizer


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(", ")", "&", "|", "-", "term"
    pos: int
    term: Term | None = None


def compile_regex(pattern: str, position: int = 0) -> object:
    """A user's regex on RE2, case-insensitive; FilterError (pointing at ``position``) when unusable."""
    if len(pattern) > MAX_REGEX_CHARS:
        raise FilterError(f"The regular expression is too long (over {MAX_REGEX_CHARS} characters)", position)
    options = re2.Options()
    options.log_errors = False
    options.never_capture = True
    try:
        return re2.compile("(?i)" + pattern, options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) \
            else str(exc)
        reason = reason.replace("(?i)", "", 1)
        hint = " (look-arounds and back-references are not supported)" if "perl operator" in reason \
            or "escape" in reason else ""
        raise FilterError(f"Not a valid regular expression: {reason}{hint}", position) from None
    except (UnicodeError, ValueError, TypeError):
        raise FilterError("The regular expression contains characters that cannot be searched for",
                          position) from None


def _read_quoted(text: str, i: int) -> tuple[str, int]:
    """Read a quoted string starting at ``text[i]``; ``\\"`` and ``\\\\`` are unescaped, other
    backslashes are kept so regexes like ``"\\d+"`` survive."""
    quote = text[i]
    out: list[str] = []
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\" and j + 1 < len(text) and text[j + 1] in (quote, "\\"):
            out.append(text[j + 1])
            j += 2
            continue
        if ch == quote:
            return "".join(out), j + 1
        out.append(ch)
        j += 1
    raise FilterError("This quote is never closed", i)


def _read_bare(text: str, i: int) -> tuple[str, int]:
    """Read an unquoted value: up to whitespace, or an unbalanced ``)``, ``&`` or ``|``."""
    depth = 0
    j = i
    while j < len(text):
        ch = text[j]
        if ch.isspace():
            break
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        elif ch in "&|" and depth == 0:
            break
        j += 1
    return text[i:j], j


def _read_value(text: str, i: int) -> tuple[str, int, bool]:
    if i < len(text) and text[i] in "\"'":
        value, j = _read_quoted(text, i)
        return value, j, True
    value, j = _read_bare(text, i)
    return value, j, False


def _ends_term(text: str, i: int) -> bool:
    return i >= len(text) or text[i].isspace() or text[i] in _STOP


def _make_term(key: str, op: str, value: str, key_pos: int, value_pos: int) -> Term:
    """Validate a keyed term and prepare its argument."""
    if op not in _OPS[key]:
        raise FilterError(f'"{key}" cannot be used with "{op}"; use "{key}:"', key_pos)
    if key in STRING_KEYS or key == "rule":
        if op == "~:":
            return Term(key, op, value, key_pos, compile_regex(value, value_pos))
        if key == "rule":
            parts = [re2.escape(p) for p in value.split("*")]
            return Term(key, op, value, key_pos, compile_regex("^" + ".*".join(parts) + "$", value_pos))
        return Term(key, op, value, key_pos, value.lower())
    if key == "level":
        code = level_code(value)
        if not code:
            raise FilterError("Unknown level; use V, D, I, W, E, F or A (or a word like warning)", value_pos)
        return Term(key, op, value, key_pos, code)
    if key in ("pid", "tid"):
        if not _NUMBER_RE.fullmatch(value):
            raise FilterError(f"{key}: needs a number, like {key}:1234", value_pos)
        return Term(key, op, value, key_pos, int(value))
    if key == "age":
        m = _AGE_RE.fullmatch(value)
        if not m:
            raise FilterError("age: needs a number and a unit s, m, h or d, like age:5m", value_pos)
        return Term(key, op, value, key_pos, int(m.group(1)) * _AGE_UNITS[m.group(2).lower()])
    if key == "is":
        if value.lower() not in _IS_VALUES:
            raise FilterError("is: can be is:crash or is:stacktrace", value_pos)
        return Term(key, op, value, key_pos, value.lower())
    # area
    if len(value) != 1 or value.upper() not in _AREAS:
        raise FilterError("area: needs a checklist area letter A, B, C, D or E", value_pos)
    return Term(key, op, value, key_pos, value.upper())


def _read_term(text: str, i: int) -> tuple[Term, int]:
    """Read one term starting at ``text[i]`` (not whitespace, not an operator)."""
    if text[i] == "~" and not _ends_term(text, i + 1):
        value, j, _ = _read_value(text, i + 1)
        return Term("", "~:", value, i, compile_regex(value, i + 1)), j
    m = _KEY_RE.match(text, i)
    if m:
        key, op = m.group(1).lower(), m.group(2)
        value_pos = m.end()
        if key in _OPS:
            if value_pos >= len(text) or text[value_pos].isspace() or text[value_pos] in ")&|":
                raise FilterError(f'"{key}{op}" needs a value after it', value_pos)
            value, j, _ = _read_value(text, value_pos)
            return _make_term(key, op, value, i, value_pos), j
        # Unknown key: Logcat searches for the whole thing as text.
        value, j, _ = _read_value(text, value_pos)
        word = m.group(0) + value
        return Term("", ":", word, i, word.lower()), j
    value, j, _ = _read_value(text, i)
    return Term("", ":", value, i, value.lower()), j


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Tok(ch, i))
            i += 1
        elif ch in "&|":
            tokens.append(_Tok(ch, i))
            i += 2 if text.startswith(ch * 2, i) else 1  # accept && and || too
        elif ch == "-" and (text.startswith("-(", i) or not _ends_term(text, i + 1)):
            tokens.append(_Tok("-", i))
            i += 1
        else:
            term, i = _read_term(text, i)
            tokens.append(_Tok("term", term.position, term))
    return tokens


# --------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, text: str, tokens: list[_Tok]) -> None:
        self.text = text
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "|":
            self.i += 1
            items.append(self.parse_and())
        return _flatten(Or, items)

    def parse_and(self) -> Node:
        items = [self.parse_juxt()]
        while (tok := self.peek()) is not None and tok.kind == "&":
            self.i += 1
            items.append(self.parse_juxt())
        return _flatten(And, items)

    def parse_juxt(self) -> Node:
        items = [self.parse_unary()]
        while (tok := self.peek()) is not None and tok.kind in ("term", "(", "-"):
            items.append(self.parse_unary())
        return _group_same_keys(items)

    def parse_unary(self) -> Node:
        negations = 0
        while (tok := self.peek()) is not None and tok.kind == "-":
            negations += 1
            self.i += 1
        tok = self.peek()
        if tok is None:
            raise FilterError("Something is missing at the end of the filter", len(self.text))
        if tok.kind == "term":
            self.i += 1
            node: Node = tok.term  # type: ignore[assignment]
        elif tok.kind == "(":
            self.i += 1
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise FilterError(f"Too many nested parentheses (more than {MAX_DEPTH})", tok.pos)
            close = self.peek()
            if close is not None and close.kind == ")":
                raise FilterError("Empty parentheses", tok.pos)
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != ")":
                raise FilterError("This parenthesis is never closed", tok.pos)
            self.i += 1
            self.depth -= 1
        elif tok.kind == ")":
            raise FilterError("This closing parenthesis has no opening one", tok.pos)
        else:
            raise FilterError(f'"{tok.kind}" needs a condition on each side', tok.pos)
        return Not(node) if negations % 2 else node


def _flatten(kind: type[And] | type[Or], items: list[Node]) -> Node:
    if len(items) == 1:
        return items[0]
    flat: list[Node] = []
    for item in items:
        flat.extend(item.items if isinstance(item, kind) else (item,))
    return kind(tuple(flat))


def _group_same_keys(items: list[Node]) -> Node:
    """Logcat's rule: positive terms with the same key are OR-ed, everything else AND-ed."""
    slots: list[list[Node]] = []
    by_key: dict[str, list[Node]] = {}
    for item in items:
        if isinstance(item, Term) and item.key:
            if item.key in by_key:
                by_key[item.key].append(item)
                continue
            by_key[item.key] = [item]
            slots.append(by_key[item.key])
        else:
            slots.append([item])
    return _flatten(And, [_flatten(Or, slot) for slot in slots])


def parse(text: str) -> Query | None:
    """Parse filter text; None when it is empty. Raises FilterError for anything it cannot understand."""
    if not isinstance(text, str):
        raise FilterError("The filter must be text", 0)
    if len(text) > MAX_QUERY_CHARS:
        raise FilterError(f"The filter is too long (over {MAX_QUERY_CHARS} characters)", MAX_QUERY_CHARS)
    tokens = _tokenize(text)
    if not tokens:
        return None
    parser = _Parser(text, tokens)
    root = parser.parse_or()
    extra = parser.peek()
    if extra is not None:
        if extra.kind == ")":
            raise FilterError("This closing parenthesis has no opening one", extra.pos)
        raise FilterError("Unexpected text", extra.pos)  # pragma: no cover - parse_juxt consumes the rest
    return Query(root, text)


# --------------------------------------------------------------------------- describe / level_floor


def _short(value: str, limit: int = 60) -> str:
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _describe_term(t: Term) -> str:
    subject = t.key or "line"
    if t.key in ("", *STRING_KEYS):
        if t.op == "~:":
            return f"{subject} matches /{t.value if len(t.value) <= 60 else t.value[:59] + '…'}/"
        return f"{subject} {'is' if t.op == '=:' else 'contains'} {_short(t.value)}"
    if t.key == "level":
        return f"level {'≥' if t.op == ':' else 'is'} {LEVEL_NAMES.get(t.arg, '?')}"  # type: ignore[arg-type]
    if t.key in ("pid", "tid"):
        return f"{t.key} is {t.arg}"
    if t.key == "age":
        return f"at most {t.value.lower()} before the last entry"
    if t.key == "is":
        return "is a crash" if t.arg == "crash" else "has a stack trace"
    if t.key == "rule":
        return f"finding {'matches' if t.op == '~:' else 'is'} {_short(t.value)}"
    return f"finding in area {t.arg}"


def _describe(node: Node, parent: type | None) -> str:
    if isinstance(node, Term):
        return _describe_term(node)
    if isinstance(node, Not):
        inner = _describe(node.item, Not)
        return f"not {inner}"
    joiner = " and " if isinstance(node, And) else " or "
    text = joiner.join(_describe(item, type(node)) for item in node.items)
    return f"({text})" if parent is not None else text


def describe(query: Query | None) -> str:
    """A short human summary of the filter, e.g. 'level ≥ W and (tag contains "Braze" or ...)'."""
    if query is None:
        return "all lines"
    return _describe(query.root, None)


def _floor(node: Node) -> int | None:
    if isinstance(node, Term):
        return node.arg if node.key == "level" and node.op == ":" else None  # type: ignore[return-value]
    if isinstance(node, (And, Or)):
        floors = [_floor(item) for item in node.items]
        if any(f is None for f in floors):
            return None
        return max(floors) if isinstance(node, And) else min(floors)  # type: ignore[type-var]
    return None


def level_floor(query: Query | None) -> int | None:
    """The minimum level code when the query is nothing but ``level:`` terms, else None.

    Lets the view answer from its per-line level array without parsing a single line.
    """
    return None if query is None else _floor(query.root)


def _negated_floors(node: Node, negated: bool) -> list[int]:
    if isinstance(node, Term):
        return [node.arg] if negated and node.key == "level" and node.op == ":" else []  # type: ignore[list-item]
    if isinstance(node, Not):
        return _negated_floors(node.item, not negated)
    return [code for item in node.items for code in _negated_floors(item, negated)]


def negated_level_floors(query: Query | None) -> list[int]:
    """The level codes of ``-level:X`` terms: each hides X *and every level above it* (as in Logcat).

    Read as "hide X" they empty the view; the view names them when nothing is left to show.
    """
    return [] if query is None else _negated_floors(query.root, False)


# --------------------------------------------------------------------------- completion


def completions(prefix: str) -> list[str]:
    """Candidates for the auto-completer that start with ``prefix`` (the word being typed), any case."""
    neg = "-" if prefix.startswith("-") else ""
    word = prefix[len(neg):]
    lowered = word.lower()
    m = _KEY_RE.match(word)
    if m and m.group(1).lower() in _OPS:
        key, op = m.group(1).lower(), m.group(2)
        start = word[m.end():].lower()
        values: list[str] = []
        if key == "level":
            values = list("VDIWEF")
        elif key == "is":
            values = list(_IS_VALUES)
        elif key == "area":
            values = list(_AREAS)
        elif key == "age":
            values = ["30s", "5m", "1h", "1d"]
        return [f"{neg}{key}{op}{v}" for v in values if v.lower().startswith(start)]
    out: list[str] = []
    for key in KEYS:
        if not key.startswith(lowered):
            continue
        out.append(f"{neg}{key}:")
        if lowered:
            out.extend(f"{neg}{key}{op}" for op in _OPS[key] if op != ":")
    return out
