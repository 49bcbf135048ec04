"""Syntax highlighting for single SDK log lines, without Qt.

The log view paints only the rows on screen and caches what it paints, so highlighting works on ONE
line at a time and must be cheap. Each log format is a small pygments ``RegexLexer``: a few header
states (timestamp, pid/tid, level, tag) that hand over to a shared message state which picks out
numbers, strings, URLs, UUIDs, hex, exception names and stack frames. The token stream is reduced to
``(start, length, kind)`` spans; the GUI maps each kind to a palette colour.

Positions are Python string indices (code points); a Qt painter must convert them to UTF-16 offsets
when a line holds characters outside the Basic Multilingual Plane.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pygments.lexer import RegexLexer, bygroups, default, include
from pygments.token import Generic, Keyword, Literal, Name, Number, Punctuation, String, Text, Token

from cre_desk.logs.entry import level_code

KINDS = ("timestamp", "pid", "level_v", "level_d", "level_i", "level_w", "level_e", "level_f", "tag",
         "number", "string", "url", "uuid", "hex", "exception", "frame", "key", "punct", "text")
FORMATS = ("threadtime", "studio", "brief", "ios", "firebase_ios", "jsonl", "generic")
MAX_LEXED = 4000  # longer lines are highlighted only up to here

# Token types: standard pygments types where one fits, so any pygments formatter renders them sensibly.
TIMESTAMP = Literal.Date
PID = Number.Pid
LEVEL_TOKENS = (Text, Keyword.Level.V, Keyword.Level.D, Keyword.Level.I, Keyword.Level.W, Keyword.Level.E,
                Keyword.Level.F)
TAG = Name.Tag
URL = String.Url
UUID = Literal.Uuid
HEX = Number.Hex
EXCEPTION = Name.Exception
FRAME = Generic.Traceback
KEY = Name.Attribute

_KIND_OF_TOKEN = {
    TIMESTAMP: "timestamp", PID: "pid", TAG: "tag", Number: "number", String: "string", URL: "url",
    UUID: "uuid", HEX: "hex", EXCEPTION: "exception", FRAME: "frame", KEY: "key", Punctuation: "punct",
    Text: "text", Token: "text",
}
_KIND_OF_TOKEN.update({tok: "text" if code == 0 else "level_" + "vdiwef"[code - 1]
                       for code, tok in enumerate(LEVEL_TOKENS)})


def level_kind(level_code: int) -> str:
    """Span kind for an entry level code (1..6 = verbose..fatal); anything else is plain text."""
    if isinstance(level_code, int) and 1 <= level_code <= 6:
        return ("level_v", "level_d", "level_i", "level_w", "level_e", "level_f")[level_code - 1]
    return "text"


def _kind(tok) -> str:
    """Kind for a token type, walking up to the nearest mapped parent (result memoised)."""
    kind = _KIND_OF_TOKEN.get(tok)
    if kind is None:
        parent = tok
        while kind is None and parent is not None:
            parent = parent.parent
            kind = _KIND_OF_TOKEN.get(parent)
        kind = kind or "text"
        _KIND_OF_TOKEN[tok] = kind
    return kind


def _level(lexer, match, ctx=None):
    """bygroups action: colour a level letter or word by its severity."""
    yield match.start(), LEVEL_TOKENS[level_code(match.group())], match.group()


# --- shared pieces ------------------------------------------------------------------------------

_ISO_TS = r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?"
_TAG_TO_COLON = r"(\S[^\n]{0,200}?)?(\s*)(:)(?=\s|$)"  # "Tag   : " -> tag without its padding
_STR = r'"(?:[^"\\\n]|\\.)*"'
_IOS_NSLOG = (r"(\s+)([^\s\[][^\[\n]{0,100}?)(\[)(\d+)(:)([0-9a-fA-Fx]+)(\])",
              bygroups(Text, TAG, Text, PID, Text, PID, Text))
_IOS_LEVELS = r"(Default|Info|Debug|Error|Fault|Notice|Warning)"

# A run of ordinary words and separators: the common case, consumed in one token. A word stays out of
# the run when it could start something coloured: a frame ("at ..."), an exception name, a dotted or
# qualified name, a URL scheme, a key (word=), a UUID or a number glued to it.
_PLAIN = (r"(?:(?!at\s)(?![A-Za-z_$]*(?:Exception|Error)\b)[A-Za-z]+(?![\w.:/=$'\"-])"
          r"[ \t,;!?()\[\]{}<>|&*~^%#@]*)+")


class _LogLexer(RegexLexer):
    """Message highlighting shared by every format; subclasses add header states in front of it."""

    name = "CRE Desk log message"
    flags = re.MULTILINE
    tokens = {
        "root": [default("msgstart")],
        "msgstart": [
            # iOS crash frame: "3   CoreFoundation   0x00000001a2b3c4d5 __exceptionPreprocess + 164"
            (r"(\s*)(\d+)(\s+)(\S+)(\s+)(0x[0-9a-fA-F]+)(\s+)(\S[^\n]*?)(\s*)$",
             bygroups(Text, Number, Text, FRAME, Text, HEX, Text, FRAME, Text), "message"),
            default("message"),
        ],
        "message": [
            (_PLAIN, Text),
            (r"\s+", Text),
            # Java frame: "at com.acme.Foo.bar(Foo.java:12)"
            (r"(?<![\w.$])at(\s+)[\w$.<>/-]+\([^()\n]{0,300}\)", FRAME),
            (r"(?<![\w.$-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
             r"(?![\w-])", UUID),
            (r"(?<![\w.])0[xX][0-9a-fA-F]+", HEX),
            (r"(?<![\w.])\d+(?:\.\d+)*", Number),
            (r"(?<![\w.$])[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s\"'<>`]*[^\s\"'<>`.,;:!?)\]}]", URL),
            (r"(?<![\w.$])(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error)\b", EXCEPTION),
            (r"[A-Za-z_][\w.-]{0,100}(?==)", KEY),
            (r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*", Text),
            # 'NSInternalInconsistencyException' in quotes is an exception name, not a string
            (r"(?<!\w)(['\"])((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error))(\1)",
             bygroups(Text, EXCEPTION, Text)),
            (_STR, String),
            (r"(?<!\w)'[^'\n]{0,500}'(?!\w)", String),
            (r"\w+", Text),
            (r"\x1b\[[0-9;?]*[ -/]*[@-~]", Text),  # ANSI escape: shown as-is, nothing inside coloured
            (r"[^\w\s\"'\x1b]+", Text),
            (r"[\s\S]", Text),
        ],
    }


class ThreadtimeLexer(_LogLexer):
    """``adb logcat -v threadtime``: ``11-20 10:14:02.118  8812  8812 I Tag: msg`` (year optional)."""

    name = "Logcat threadtime"
    tokens = {
        "root": [
            (r"(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?:\s[+-]\d{4})?", TIMESTAMP, "tt_ids"),
            default("msgstart"),
        ],
        "tt_ids": [
            (r"(\s+)(\d+)(\s+)(\d+)(?=\s)", bygroups(Text, PID, Text, PID), "tt_level"),
            (r"(\s+)(\d+)(?=\s)", bygroups(Text, PID), "tt_level"),
            default("tt_level"),
        ],
        "tt_level": [
            (r"(\s+)([VDIWEFA])(\s+)", bygroups(Text, _level, Text), "tt_tag"),
            default("msgstart"),
        ],
        "tt_tag": [
            (_TAG_TO_COLON, bygroups(TAG, Text, Text), "msgstart"),
            default("msgstart"),
        ],
    }


class StudioLexer(_LogLexer):
    """Android Studio Logcat exports, both the current column layout and the older ``pid-tid/pkg L/Tag:``."""

    name = "Android Studio logcat"
    tokens = {
        "root": [
            (r"(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d(?:\.\d+)?", TIMESTAMP, "st_ids"),
            default("msgstart"),
        ],
        "st_ids": [
            (r"(\s+)(\d+)(-)(\d+)", bygroups(Text, PID, Text, PID), "st_rest"),
            default("msgstart"),
        ],
        "st_rest": [
            # old: "8812-8812/com.acme.shop I/Braze: msg"
            (r"(/\S*)(\s+)([VDIWEFA])(/)" + _TAG_TO_COLON,
             bygroups(Text, Text, _level, Text, TAG, Text, Text), "msgstart"),
            # new: "8812-8812  Braze  com.acme.shop  I  msg"
            (r"(\s+)(\S[^\n]{0,200}?)(\s+)(\S{1,200})(\s+)([VDIWEFA])(?=\s|$)",
             bygroups(Text, TAG, Text, Text, Text, _level), "msgstart"),
            default("msgstart"),
        ],
    }


class BriefLexer(_LogLexer):
    """``adb logcat -v brief`` / ``-v tag``: ``I/Braze( 8812): msg`` and ``I/Braze: msg``."""

    name = "Logcat brief"
    tokens = {
        "root": [
            (r"([VDIWEFA])(/)", bygroups(_level, Text), "br_tag"),
            default("msgstart"),
        ],
        "br_tag": [
            (r"([^\n]{0,200}?)(\s*)(\()(\s*)(\d+)(\))(:)(?=\s|$)",
             bygroups(TAG, Text, Text, Text, PID, Text, Text), "msgstart"),
            (_TAG_TO_COLON, bygroups(TAG, Text, Text), "msgstart"),
            default("msgstart"),
        ],
    }


class IosLexer(_LogLexer):
    """Xcode console / NSLog (``Acme[123:4567] msg``) and ``log show`` lines."""

    name = "iOS console"
    tokens = {
        "root": [
            (_ISO_TS, TIMESTAMP, "ios_after_ts"),
            default("msgstart"),
        ],
        "ios_after_ts": [
            # log show: "0x1a2b  Default  0x0  123  0  Acme: (BrazeKit) [com.braze:sdk] msg"
            (r"(\s+)(0x[0-9a-fA-F]+)(\s+)" + _IOS_LEVELS + r"(\s+)(0x[0-9a-fA-F]+)(\s+)(\d+)(\s+)(\d+)(\s+)",
             bygroups(Text, PID, Text, _level, Text, HEX, Text, PID, Text, Number, Text), "ios_proc"),
            _IOS_NSLOG + ("msgstart",),
            default("msgstart"),
        ],
        "ios_proc": [
            (r"([^\s:][^:\n]{0,100}?)(:)", bygroups(TAG, Text), "ios_source"),
            default("msgstart"),
        ],
        "ios_source": [
            (r"(\s+)(\()([^()\n]{1,100})(\))", bygroups(Text, Text, TAG, Text)),
            (r"(\s+)(\[)([^\[\]\n]{1,200})(\])", bygroups(Text, Text, TAG, Text)),
            default("msgstart"),
        ],
    }


class FirebaseIosLexer(_LogLexer):
    """Firebase iOS SDK logger: ``10.21.0 - [FirebaseInAppMessaging][I-IAM130004] msg``, with or without
    the Xcode console prefix, plus the older ``[Firebase/InAppMessaging][I-IAM...]`` form."""

    name = "Firebase iOS"
    tokens = {
        "root": [
            (_ISO_TS, TIMESTAMP, "fb_after_ts"),
            include("fb_version"),
            include("fb_tags"),
            default("msgstart"),
        ],
        "fb_after_ts": [
            _IOS_NSLOG + ("fb_space",),
            default("msgstart"),
        ],
        "fb_space": [
            (r"\s+", Text, "fb_version"),
            default("msgstart"),
        ],
        "fb_version": [
            (r"(\d+\.\d+\.\d+(?:[-.][\w.]+)?)(\s+-\s+)", bygroups(Number, Text), "fb_tags"),
        ],
        "fb_tags": [
            (r"(\[)([^\[\]\n]{1,100})(\])(\[)([^\[\]\n]{1,40})(\])",
             bygroups(Text, TAG, Text, Text, TAG, Text), "msgstart"),
            default("msgstart"),
        ],
    }


def _json_pair(lexer, match, ctx=None):
    """A ``"key": "value"`` pair; the values of level/time/tag keys get their header colours."""
    key, ws1, colon, ws2, value = match.groups()
    name = key[1:-1].lower()
    tok = String
    if name in ("level", "lvl", "severity", "loglevel", "log_level", "priority"):
        tok = LEVEL_TOKENS[level_code(value[1:-1])] if level_code(value[1:-1]) else String
    elif name in ("ts", "time", "timestamp", "@timestamp", "date", "datetime"):
        tok = TIMESTAMP
    elif name in ("tag", "logger", "category", "subsystem"):
        tok = TAG
    pos = match.start()
    for part, part_tok in ((key, KEY), (ws1, Text), (colon, Punctuation), (ws2, Text), (value, tok)):
        if part:
            yield pos, part_tok, part
        pos += len(part)


class JsonlLexer(RegexLexer):
    """One JSON object per line: keys, strings, numbers and punctuation."""

    name = "JSON lines"
    flags = re.MULTILINE
    tokens = {
        "root": [
            (r"\s+", Text),
            (r"(" + _STR + r")(\s*)(:)(\s*)(" + _STR + r")", _json_pair),
            (r"(" + _STR + r")(\s*)(:)", bygroups(KEY, Text, Punctuation)),
            (_STR, String),
            (r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", Number),
            (r"[{}\[\],:]", Punctuation),
            (r"true|false|null", Keyword.Constant),
            (r"[^\s\"{}\[\],:\d-]+", Text),
            (r"[\s\S]", Text),
        ],
    }


class GenericLexer(_LogLexer):
    """Anything else: an optional leading timestamp and level word, then the message."""

    name = "Generic log"
    tokens = {
        "root": [
            (r"(\[?)(" + _ISO_TS + r"|\d\d:\d\d:\d\d(?:[.,]\d+)?)(\]?)", bygroups(Text, TIMESTAMP, Text),
             "gen_level"),
            include("gen_level"),
        ],
        "gen_level": [
            (r"(\s*)(\[?)((?i:verbose|trace|debug|info|notice|warn(?:ing)?|error|fault|fatal|critical)|[VDIWEF])"
             r"(\]?)(?=[\s:/]|$)", bygroups(Text, Text, _level, Text), "gen_tag"),
            default("msgstart"),
        ],
        "gen_tag": [
            (r"(\s*)(\[)([^\[\]\s]{1,60})(\])", bygroups(Text, Text, TAG, Text), "msgstart"),
            default("msgstart"),
        ],
    }


_LEXERS = {
    "threadtime": ThreadtimeLexer(), "studio": StudioLexer(), "brief": BriefLexer(), "ios": IosLexer(),
    "firebase_ios": FirebaseIosLexer(), "jsonl": JsonlLexer(), "generic": GenericLexer(),
}

_DETECT = re.compile(
    r"(?P<jsonl>\s*\{)"
    r"|(?P<brief>[VDIWEFA]/)"
    r"|(?P<firebase_ios>\d+\.\d+\.\d+ - \[|\[Firebase/)"
    r"|(?P<threadtime>(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d+\s+\d+\s+\d+\s)"
    r"|(?P<studio>(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d+\s+\d+-\d+[\s/])"
    r"|(?P<ios>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+(?:[+-]\d{4} | +(?:0x[0-9a-fA-F]+ |[^\s\[]+\[\d+:)))"
)
_FIREBASE_AFTER_PREFIX = re.compile(r"\] \d+\.\d+\.\d+ - \[")


def detect_format(line: str) -> str:
    """Guess a line's format from its first characters; ``generic`` when nothing fits."""
    m = _DETECT.match(line, 0, 80)
    if m is None:
        return "generic"
    fmt = m.lastgroup
    if fmt == "ios" and _FIREBASE_AFTER_PREFIX.search(line, 0, 300):
        return "firebase_ios"
    return fmt


@lru_cache(maxsize=4096)
def _spans(line: str, fmt: str) -> tuple[tuple[int, int, str], ...]:
    if fmt == "auto":
        fmt = detect_format(line)
    out: list[list] = []
    for pos, tok, value in _LEXERS[fmt].get_tokens_unprocessed(line):
        kind = _KIND_OF_TOKEN.get(tok) or _kind(tok)
        if kind == "text" or not value:
            continue
        if out and out[-1][2] == kind and out[-1][0] + out[-1][1] == pos:
            out[-1][1] += len(value)
        else:
            out.append([pos, len(value), kind])
    return tuple((s, n, k) for s, n, k in out)


def spans(line: str, fmt: str = "auto") -> list[tuple[int, int, str]]:
    """Highlight one log line: sorted, non-overlapping ``(start, length, kind)`` spans.

    Plain text is left out. Only the first 4,000 characters are lexed. ``fmt`` is one of FORMATS or
    ``"auto"`` (detected per line).
    """
    if fmt != "auto" and fmt not in _LEXERS:
        raise ValueError(f"unknown log format {fmt!r}")
    if not line:
        return []
    return list(_spans(line[:MAX_LEXED], fmt))
