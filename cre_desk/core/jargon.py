"""Jargon check for replies to marketers: flags code, log debris and technical terms, with plain-word hints.

Many askers are marketers. A reply that says ``changeUser`` or "FCM token" sends them back with a second
question, or stalls while they find a developer to translate it. Before a reply goes out, this check points
at the words a marketer is unlikely to understand: names from code, stack frames, file paths, hex ids,
glossary terms (``resources/glossary/<language>.json``, with a plain-word suggestion each) and sentences
too long to read in one go. It is a hint for the engineer, never a blocker, so it leans towards *not*
flagging ordinary prose: a false alarm on every reply would teach people to ignore it.

Japanese has no spaces between words, so every code pattern uses ASCII-only boundaries (``re.ASCII`` and
explicit look-arounds): ``changeUserを呼び出す`` still finds ``changeUser``. Japanese sentence length is
counted in characters, not words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cre_desk import resource_files
from cre_desk.core import shipped_texts
from cre_desk.errors import UserError

KINDS = ("identifier", "stack_frame", "path", "hex", "glossary", "long_sentence")
MAX_WORDS_EN = 30
MAX_CHARS_JA = 80


@dataclass(frozen=True)
class Issue:
    """One flagged span of ``text[start:end]``.

    ``suggestion`` is the plain words to use instead for ``glossary`` issues (and for an identifier that is
    also a glossary term); for the other kinds it is a short instruction in the checked language.
    """

    start: int
    end: int
    text: str
    kind: str
    suggestion: str


# ------------------------------------------------- advice texts (resources/texts/jargon_advice.json)

def _advice(kind: str, language: str) -> str:
    return shipped_texts.text("jargon_advice", kind, language)


def _long_advice(size: int, language: str) -> str:
    limit = MAX_CHARS_JA if language == "ja" else MAX_WORDS_EN
    return shipped_texts.text("jargon_advice", "long_sentence", language, size=size, limit=limit)


# ---------------------------------------------------------------- code patterns

_A = r"A-Za-z0-9_$"                     # what counts as part of a code word (ASCII only, for Japanese)
_IDENT = r"[A-Za-z_$][A-Za-z0-9_$]*"

#: Mixed-case product names written that way on purpose; never flagged as identifiers.
BRAND_WORDS = frozenset({
    "iOS", "iPhone", "iPad", "iPadOS", "macOS", "watchOS", "tvOS", "visionOS", "iCloud", "iTunes",
    "iMessage", "eBay", "eSIM", "eCommerce", "mParticle", "YouTube", "GitHub", "GitLab", "PayPal", "WhatsApp",
    "LinkedIn", "JavaScript", "TypeScript", "TestFlight", "OneSignal", "CleverTap", "MoEngage", "AppsFlyer",
    "PowerPoint", "WordPress", "FaceTime", "AirDrop", "HarmonyOS", "ColorOS", "MIUI", "OnePlus", "PlayStation",
    "McDonald", "SaaS", "PaaS", "FinTech", "AdMob", "DoubleClick", "HubSpot", "SendGrid", "MailChimp",
    "SurveyMonkey",
})

#: Humps that make a two-part PascalCase word look like a class name (``MainActivity``) and not a person's
#: name (``DeShawn``, ``McKenzie``).
_CODE_HUMPS = frozenset({
    "Activity", "Manager", "View", "Controller", "Service", "Delegate", "Fragment", "Exception", "Error",
    "Listener", "Handler", "Callback", "Receiver", "Provider", "Factory", "Builder", "Helper", "Config",
    "Configuration", "Message", "Messages", "Notification", "Notifications", "Application", "App", "Impl",
    "Adapter", "Request", "Response", "Event", "Events", "Token", "Util", "Utils", "Id", "ID", "Client",
    "Session", "Intent", "Context", "Layout", "Button", "Data", "Info", "Type", "State", "Screen", "Task",
    "Worker", "Queue", "Thread", "Logger", "Log", "Api", "API", "Sdk", "SDK", "Url", "URL", "Json", "JSON",
    "Key", "Value", "Map", "List", "Array", "String", "Int", "Bool", "Object", "Class", "Module", "Instance",
    "Messaging", "Store", "Cache", "Bridge", "Plugin", "Kit", "Scene", "Window", "Null",
})

_HUMP = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")

_CAMEL = re.compile(r"^[a-z][a-z0-9]*[A-Z]")
_PASCAL_INNER = re.compile(r"^[A-Z][a-z0-9]+[A-Z]")
_ACRONYM_WORD = re.compile(r"^[A-Z]{2,}[a-z]{3,}")        # FCMToken, UIViewController, NSError (not URLs, IDs)
_SNAKE = re.compile(r"[A-Za-z0-9]_[A-Za-z0-9]|^_[A-Za-z]")

_WORD = re.compile(rf"(?<![{_A}]){_IDENT}(?![{_A}])", re.ASCII)
# Member access and calls chained onto a name: Foo.bar, com.acme.Foo.bar(), Braze.getInstance(context)
_CODE = re.compile(rf"(?<![{_A}.]){_IDENT}(?:\.{_IDENT}|\([^()\n]{{0,80}}\))+(?![{_A}])", re.ASCII)

_STACK_FRAMES = (
    # Java / Kotlin: at com.acme.Foo.bar(Foo.java:12)
    re.compile(rf"\bat\s+(?:{_IDENT}\.)+[A-Za-z0-9_$<>]+\([^()\n]*\)", re.ASCII),
    # JavaScript: at foo (app.js:10:5)
    re.compile(r"\bat\s+[A-Za-z0-9_$.<>]+\s+\([^()\n]*:\d+(?::\d+)?\)", re.ASCII),
    # Python: File "x.py", line 12
    re.compile(r"File \"[^\"\n]+\", line \d+"),
    # iOS / macOS crash report: 3   MyApp   0x0000000100a1b2c3 ...
    re.compile(r"(?m)^[ \t]*\d+[ \t]+[A-Za-z0-9_.+-]+[ \t]+0x[0-9a-fA-F]+[^\n]*"),
)

_PATH_ABS = re.compile(r"(?<![A-Za-z0-9_./:~\\-])~?/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+/?", re.ASCII)
_PATH_WIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]:\\[A-Za-z0-9_.\\$-]*", re.ASCII)
_PATH_REL = re.compile(r"(?<![A-Za-z0-9_./:\\-])[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+){2,}/?", re.ASCII)
_REL_ROOTS = frozenset({"app", "src", "lib", "libs", "res", "main", "java", "kotlin", "ios", "android", "Pods",
                        "build", "Library", "sdcard", "storage", "data", "home", "Users", "var", "tmp", ".", ".."})
_CODE_FILE = re.compile(
    rf"(?<![{_A}./-])[A-Za-z0-9_-]{{2,}}(?:\.[A-Za-z0-9_-]+)*\."
    rf"(?:java|kt|kts|swift|m|mm|h|gradle|xml|plist|json|js|ts|tsx|py|dart|so|aar|jar|dex|xcconfig|entitlements)"
    rf"(?![{_A}]|\.[A-Za-z0-9])",
    re.ASCII,
)

_HEX = (
    re.compile(rf"(?<![{_A}])0x[0-9a-fA-F]+(?![{_A}])", re.ASCII),
    re.compile(r"(?<![0-9A-Za-z-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
               r"(?![0-9A-Za-z-])", re.ASCII),
    # A long run of hex digits with at least one digit and one letter (plain numbers and words are not ids).
    re.compile(rf"(?<![{_A}])(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{{8,}}(?![{_A}])", re.ASCII),
)

# Readers understand addresses: URLs, e-mail addresses and domain names are never flagged.
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'）」]+|www\.[^\s<>\"'）」]+", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", re.ASCII)
_DOMAIN = re.compile(
    r"(?<![A-Za-z0-9_.-])(?!(?:com|org|net|io|jp|de|uk|fr)\.)(?:[A-Za-z0-9-]+\.)+"
    r"(?:com|net|org|io|jp|co|dev|app|info|biz|me|ai|us|uk|de|fr|cn|kr|tw|sg|in|eu)(?![A-Za-z0-9_])",
    re.ASCII,
)


def _masked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for rx in (_URL, _EMAIL, _DOMAIN) for m in rx.finditer(text)]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _looks_like_identifier(word: str) -> bool:
    if word in BRAND_WORDS or len(word) < 3:
        return False
    if _SNAKE.search(word):
        return True
    if _CAMEL.match(word):
        return True
    if _ACRONYM_WORD.match(word):
        return True
    if _PASCAL_INNER.match(word):
        humps = _HUMP.findall(word)
        return len(humps) >= 3 or any(h in _CODE_HUMPS for h in humps[1:])
    return False


def _looks_like_code(expr: str) -> bool:
    """Decide whether a dotted or called expression (``Foo.bar``, ``foo()``, ``user(s)``) is code."""
    if "()" in expr:
        return True
    head = expr.split("(", 1)[0]
    names = head.split(".")
    if any(_looks_like_identifier(n) for n in names):
        return True
    dotted = len(names) > 1
    if "(" in expr:
        return dotted
    if not dotted or all(len(n) <= 2 for n in names):   # e.g., i.e., a.m.
        return False
    return len(names) >= 3 or (names[0][:1].isupper() and names[-1][:1].islower())


def _is_relative_path(path: str) -> bool:
    parts = [p for p in path.split("/") if p]
    if not any(re.search(r"[A-Za-z]", p) for p in parts):
        return False                                                # 2024/05/01
    return (parts[0] in _REL_ROOTS or path.endswith("/...") or path.endswith("/")
            or bool(re.search(r"\.[A-Za-z]{1,6}$", parts[-1])) or "/src/" in path or "/main/" in path)


def _code_candidates(text: str, language: str) -> list[Issue]:
    found: list[Issue] = []

    def add(start: int, end: int, kind: str) -> None:
        found.append(Issue(start, end, text[start:end], kind, _advice(kind, language)))

    for rx in _STACK_FRAMES:
        for m in rx.finditer(text):
            add(m.start(), m.end(), "stack_frame")
    for m in _PATH_ABS.finditer(text):
        add(m.start(), m.end(), "path")
    for m in _PATH_WIN.finditer(text):
        if len(m.group()) > 3:
            add(m.start(), m.end(), "path")
    for m in _PATH_REL.finditer(text):
        if _is_relative_path(m.group()):
            add(m.start(), m.end(), "path")
    for m in _CODE_FILE.finditer(text):
        add(m.start(), m.end(), "path")
    for rx in _HEX:
        for m in rx.finditer(text):
            add(m.start(), m.end(), "hex")
    for m in _CODE.finditer(text):
        if _looks_like_code(m.group()):
            add(m.start(), m.end(), "identifier")
    for m in _WORD.finditer(text):
        if _looks_like_identifier(m.group()):
            add(m.start(), m.end(), "identifier")
    return found


# ---------------------------------------------------------------- glossary


@dataclass(frozen=True)
class Term:
    term: str
    suggestion: str
    pattern: re.Pattern


def _term_pattern(forms: list[str], language: str, case_sensitive: bool) -> re.Pattern:
    alternatives = []
    for form in sorted(forms, key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in form.split())
        if language == "en" and form[-1:].isalpha():
            body += "(?:s|es)?"                                    # plurals: FCM tokens, payloads
        lead = rf"(?<![{_A}])" if form[:1].isascii() and form[:1].isalnum() else ""
        trail = rf"(?![{_A}])" if form[-1:].isascii() and form[-1:].isalnum() else ""
        alternatives.append(f"{lead}{body}{trail}")
    flags = 0 if (case_sensitive or language == "ja") else re.IGNORECASE
    return re.compile("|".join(alternatives), flags)


def parse_glossary(data, source: str, language: str) -> tuple[Term, ...]:
    """Validate one glossary document; raises ``UserError`` naming the file and the entry."""
    if not isinstance(data, dict) or data.get("schema_version") != 1 or not isinstance(data.get("terms"), list):
        raise UserError(f"{source}: expected schema_version 1 and a 'terms' list.")
    terms = []
    for n, raw in enumerate(data["terms"], start=1):
        where = f"{source}, term {n}"
        if not isinstance(raw, dict):
            raise UserError(f"{where}: expected an object.")
        term, suggestion = raw.get("term"), raw.get("suggestion")
        if not isinstance(term, str) or not term.strip() or not isinstance(suggestion, str) or not suggestion.strip():
            raise UserError(f"{where}: needs a non-empty 'term' and 'suggestion'.")
        variants = raw.get("variants", [])
        if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
            raise UserError(f"{where} ({term}): 'variants' must be a list of texts.")
        forms = [term.strip(), *(v.strip() for v in variants)]
        terms.append(Term(term.strip(), suggestion.strip(),
                          _term_pattern(forms, language, bool(raw.get("case_sensitive", False)))))
    return tuple(terms)


@functools.cache
def load_glossary(language: str) -> tuple[Term, ...]:
    """The shipped glossary of ``language`` ("en" or "ja"); cached because the files never change at runtime."""
    language = "ja" if language == "ja" else "en"
    source = f"glossary/{language}.json"
    try:
        data = resource_files.read_json("glossary", f"{language}.json")
    except FileNotFoundError:
        return ()
    except ValueError as exc:
        raise UserError(f"{source} is not valid JSON ({exc}).") from exc
    return parse_glossary(data, source, language)


def _glossary_candidates(text: str, language: str) -> list[Issue]:
    found = []
    for term in load_glossary(language):
        for m in term.pattern.finditer(text):
            found.append(Issue(m.start(), m.end(), m.group(), "glossary", term.suggestion))
    return found


# ---------------------------------------------------------------- sentences

_SENTENCE_EN = re.compile(r"[^\n]+?(?:[.!?]+(?=\s|$)|$)", re.MULTILINE)
_SENTENCE_JA = re.compile(r"[^\n。！？!?]+[。！？!?]*")


def _long_sentences(text: str, language: str) -> list[Issue]:
    found = []
    if language == "ja":
        for m in _SENTENCE_JA.finditer(text):
            sentence = m.group().strip()
            size = len("".join(sentence.rstrip("。！？!?").split()))   # the characters between the stops
            if size > MAX_CHARS_JA:
                start = m.start() + (len(m.group()) - len(m.group().lstrip()))
                found.append(Issue(start, start + len(sentence), sentence, "long_sentence",
                                   _long_advice(size, language)))
        return found
    for m in _SENTENCE_EN.finditer(text):
        sentence = m.group().strip()
        size = len(sentence.split())
        if size > MAX_WORDS_EN:
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            found.append(Issue(start, start + len(sentence), sentence, "long_sentence",
                               _long_advice(size, language)))
    return found


# ---------------------------------------------------------------- the check

_PRIORITY = {"stack_frame": 0, "path": 1, "hex": 2, "identifier": 3, "glossary": 4}


def _without_overlaps(candidates: list[Issue]) -> list[Issue]:
    """Keep the longest, most specific span where candidates overlap."""
    ordered = sorted(candidates, key=lambda i: (-(i.end - i.start), _PRIORITY[i.kind], i.start))
    kept: list[Issue] = []
    for issue in ordered:
        if all(issue.end <= k.start or issue.start >= k.end for k in kept):
            kept.append(issue)
    return kept


def check(text: str, language: str) -> list[Issue]:
    """Every jargon issue in ``text`` ("en" or "ja"), sorted by start; plain prose yields an empty list."""
    language = "ja" if language == "ja" else "en"
    if not text:
        return []
    masked = _masked_spans(text)
    glossary = [i for i in _glossary_candidates(text, language) if not _inside((i.start, i.end), masked)]
    code = [i for i in _code_candidates(text, language) if not _inside((i.start, i.end), masked)]
    # A code name that is also a glossary term (changeUser, Info.plist) stays an identifier but borrows the
    # glossary's plain words, which help more than the generic advice.
    plain_words = {(g.start, g.end): g.suggestion for g in glossary}
    code = [Issue(i.start, i.end, i.text, i.kind, plain_words.get((i.start, i.end), i.suggestion)) for i in code]
    kept = _without_overlaps(code)
    kept += _without_overlaps([g for g in glossary if all(g.end <= k.start or g.start >= k.end for k in kept)])
    kept += _long_sentences(text, language)
    return sorted(kept, key=lambda i: (i.start, i.end, KINDS.index(i.kind)))
