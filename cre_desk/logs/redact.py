"""Remove secrets and personal data from a customer's log before it is stored with a ticket.

Customers paste logs with API keys, bearer tokens and e-mail addresses in them. The redacted copy
keeps every line (and its length class) so line numbers, timestamps and SDK evidence stay intact;
only the secret values are replaced with a label saying what was there.
"""

from __future__ import annotations

import hashlib
import mmap
import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from cre_desk.errors import Cancelled
from cre_desk.logs import linescan

#: Horizontal white space: a pattern never reaches across a line end, so many lines can be redacted in one
#: pass over them joined with newlines and give what line-by-line redaction gives.
_WS = rb"[^\S\n]"

_PATTERNS: tuple[tuple[str, re.Pattern[bytes], bool], ...] = (
    # (kind, pattern, folded): group 1, when the pattern has one, is the text kept before the secret; the rest
    # of the match is the secret. A folded pattern is case-insensitive: it is written in lower case and run on
    # the lower-cased text, where its literal words let the regular-expression engine jump between
    # occurrences (under an ignore-case flag it would try every position, ten times slower).
    ("bearer token", re.compile(
        rb"(\b(?:authorization" + _WS + rb"*[:=]" + _WS + rb"*)?bearer" + _WS + rb"+)"
        rb"[A-Za-z0-9\-._~+/]{12,}=*"),
     True),
    ("JSON web token", re.compile(rb"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), False),
    # A named credential: "apiKey=…", "API key: …", "devkey=…", "app_token: …", "App Token '…'",
    # "appSecret", "CleverTapToken: …" (any word may lead the name).
    ("API key", re.compile(
        rb"((?:api[ _-]?key|x-?braze-?api-?key|app[ _-]?key|dev[ _-]?key|write[ _-]?key|"
        rb"rest[_-]?api[_-]?key|secret|client[_-]?secret|password|passwd|access[_-]?token|auth[_-]?token|"
        rb"app[ _-]?token|account[ _-]?token)[\"']?(?:" + _WS + rb"*[:=]" + _WS + rb"*|" + _WS
        + rb"+(?=[\"']))"
        rb"[\"']?)[^\s\"',;&)]{6,}"), True),
    # Any other "…token: value" only when the value looks like one (holds a digit): "push token = …".
    ("API key", re.compile(
        rb"(token[\"']?" + _WS + rb"*[:=]" + _WS + rb"*[\"']?)(?=[^\s\"',;&)]*[0-9])[^\s\"',;&)]{6,}"), True),
    # SDK configuration dumps: Braze/Appboy "value for key: 'com_braze_api_key' and value: '…'".
    ("API key", re.compile(
        rb"(value for key:" + _WS + rb"*'?[a-z0-9_.]*(?:api_key|secret|token)[a-z0-9_.]*'?" + _WS
        + rb"+and value:" + _WS + rb"*'?)[^'\s]+"), True),
    ("API key", re.compile(rb"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\b(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b|"
                           rb"\bAIza[0-9A-Za-z_-]{35}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b"), False),
    ("push token", re.compile(rb"\b[A-Za-z0-9_-]{11,}:APA91[A-Za-z0-9_-]{60,}"), False),
    ("push token", re.compile(
        rb"((?:device token|devicetoken|push_token|registration token)[\"']?" + _WS + rb"*[:=]?" + _WS
        + rb"*[\"'<]?)(?:[0-9a-f]{64}|[A-Za-z0-9_:-]{100,})"), True),
    ("e-mail address",
     re.compile(rb"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}\b"), False),
)

_LABELS = tuple(f"[redacted {kind}]".encode() for kind, _, _ in _PATTERNS)


@dataclass
class RedactionReport:
    lines: int = 0
    counts: Counter = field(default_factory=Counter)
    sha256: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def describe(self) -> str:
        if not self.total:
            return "No secrets or e-mail addresses were found."
        parts = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in self.counts.most_common())
        return f"Redacted {parts}."


#: For each pattern above (same order), words one of which its match must contain (lower-case): text
#: without any of them skips the pattern's regular expression.
_PATTERN_WORDS: tuple[tuple[bytes, ...], ...] = (
    (b"bearer",), (b"eyj",),
    (b"key", b"secret", b"passw", b"token"), (b"token",), (b"value for key",),
    (b"akia", b"asia", b"sk_", b"pk_", b"rk_", b"aiza", b"ghp_", b"gho_", b"ghu_", b"ghs_", b"ghr_"),
    (b":apa91",), (b"token",), (b"@",),
)

#: What the native scan looks for, case-folded: some of these is in every line a pattern can change. Each
#: is four bytes or more, so the scan looks at every second byte only ("key" is looked for with the byte
#: that must follow a credential's name; "sk_" with the "live"/"test" that follows it).
SCAN_WORDS = sorted(
    {b"bearer", b"secret", b"passw", b"token", b"akia", b"asia", b"aiza", b":apa91"}
    | {b"gh" + c + b"_" for c in (b"p", b"o", b"u", b"s", b"r")}
    | {b"key" + c for c in (b'"', b"'", b" ", b"\t", b"\r", b"\f", b"\v", b":", b"=")}
    | {p + b"_" + s for p in (b"sk", b"pk", b"rk") for s in (b"l", b"t")})
#: …and two single bytes found with ``memchr``: the "@" of an e-mail address and the "J" of "eyJ", with
#: which every JSON web token starts (matched case-sensitively).
SCAN_BYTES = (b"@", b"J")

BLOCK = 16 * 1024 * 1024
#: Very long lines are redacted in their first megabyte: the patterns are linear, but memory is not free.
LINE_LIMIT = 1024 * 1024


def redact_line(line: bytes, counts: Counter | None = None) -> bytes:
    """Replace secret values in one line with ``[redacted <kind>]``."""
    return _redact_joined(line, counts)


def _redact_joined(text: bytes, counts: Counter | None) -> bytes:
    """Redact ``text`` (one line, or many joined with newlines: no pattern crosses a line end)."""
    original_lowered = lowered = text.lower()
    for (kind, pattern, folded), label, words in zip(_PATTERNS, _LABELS, _PATTERN_WORDS, strict=True):
        if not any(word in original_lowered for word in words):
            continue
        pieces, at, n = [], 0, 0
        for match in pattern.finditer(lowered if folded else text):
            cut = match.end(1) if pattern.groups else match.start()
            pieces += (text[at:cut], label)
            at = match.end()
            n += 1
        if n:
            pieces.append(text[at:])
            text = b"".join(pieces)
            lowered = text.lower()
            if counts is not None:
                counts[kind] += n
    return text


def _candidate_spans(block, native) -> np.ndarray:
    """(start, end) rows of the lines of ``block`` that may hold a secret, in order, each once."""
    if native is not None:
        found = [np.frombuffer(native.line_spans(block, SCAN_WORDS, 1), dtype=np.int64)]
        found += [np.frombuffer(native.line_spans(block, [byte], 0), dtype=np.int64) for byte in SCAN_BYTES]
        spans = np.concatenate(found).reshape(-1, 2)
        if len(found[1]) or len(found[2]):
            spans = np.unique(spans, axis=0)
        return spans
    lowered = bytes(block).lower()
    rows, pos = [], 0
    for line, folded in zip(bytes(block).split(b"\n"), lowered.split(b"\n"), strict=True):
        end = pos + len(line)
        if any(w in folded for w in SCAN_WORDS) or any(b in line for b in SCAN_BYTES):
            rows.append((pos, end))
        pos = end + 1
    return np.array(rows, dtype=np.int64).reshape(-1, 2)


def _redact_block(view: memoryview, first: int, stop: int, native, counts: Counter) -> tuple[object, int]:
    """Bytes ``first``..``stop`` of the map as they are to be written, and how many lines they hold: the
    span ``(first, stop)`` when nothing changes, else the rewritten block as one ``bytes``.

    Only the candidate lines are copied into Python objects; they are redacted together, joined with
    newlines, so a gigabyte with a hundred thousand tokens in it costs one regular-expression pass per
    pattern over those lines rather than a hundred thousand small ones, and one write and one hash update
    per block rather than one per token. No slice of the map outlives the call, so the map can always be
    closed (a cancel included).
    """
    with view[first:stop] as block:
        lines = native.count(block, 0, len(block), 10) if native is not None else bytes(block).count(b"\n")
        spans = _candidate_spans(block, native)
        if not len(spans):
            return (first, stop), lines
        starts = spans[:, 0].tolist()
        ends = np.minimum(spans[:, 1], spans[:, 0] + LINE_LIMIT).tolist()
        originals = [bytes(block[s:e]) for s, e in zip(starts, ends, strict=True)]
        cleaned = _redact_joined(b"\n".join(originals), counts).split(b"\n")
        pieces: list = []
        at = 0
        for start, end, old, new in zip(starts, ends, originals, cleaned, strict=True):
            if new != old:
                pieces += (block[at:start], new)
                at = end
        if not pieces:
            return (first, stop), lines
        pieces.append(block[at:])
        return b"".join(pieces), lines


#: Output is handed on in parts of at most this size, so a cancel is seen within one part's write.
PART = 4 * 1024 * 1024


def _each_part(view: memoryview, output, use: Callable, cancel: Callable[[], bool] = lambda: False) -> None:
    """Hand ``output`` (a span of the map, or rewritten bytes) to ``use`` in parts."""
    if isinstance(output, tuple):
        first, stop = output
        whole = view[first:stop]
    else:
        whole = memoryview(output)
    with whole:
        for at in range(0, len(whole), PART):
            if cancel():
                raise Cancelled()
            with whole[at:at + PART] as part:
                use(part)


def _cuts(view: memoryview) -> list[int]:
    """Block boundaries: after a newline near every ``BLOCK`` bytes (an enormous line is cut where it is)."""
    size, cuts, at = len(view), [0], 0
    data = view.obj if isinstance(view.obj, mmap.mmap) else bytes(view)
    while at + BLOCK < size:
        window_end = min(size, at + BLOCK + 4 * LINE_LIMIT)
        nl = data.find(b"\n", at + BLOCK, window_end)
        at = nl + 1 if nl >= 0 else (size if window_end == size else at + BLOCK)
        if at >= size:
            break
        cuts.append(at)
    cuts.append(size)
    return cuts


def redact_file(source: Path, target: Path, cancel: Callable[[], bool] = lambda: False,
                progress: Callable[[int, int], None] | None = None) -> RedactionReport:
    """Write a redacted copy of ``source`` (bytes in, bytes out: no encoding is ever damaged).

    The file is mapped, not read. Two workers scan 16 MB blocks natively (without the interpreter lock)
    for the few lines that could hold a secret, and rewrite only those; the main thread writes the blocks
    in order while a third thread hashes them, so attaching a gigabyte costs little more than copying it.
    The report carries the SHA-256 of what was written, so the copy need not be read again.
    """
    report = RedactionReport()
    total = source.stat().st_size
    native = linescan.native_module()
    try:
        with open(source, "rb") as src, open(target, "wb") as dst:
            if total == 0:
                report.sha256 = hashlib.sha256().hexdigest()
                return report
            with mmap.mmap(src.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                view = memoryview(mapped)
                try:
                    _stream(view, dst, native, report, cancel, progress)
                finally:
                    view.release()
        if _last_byte(source) != b"\n":
            report.lines += 1
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return report


def _stream(view: memoryview, dst, native, report: RedactionReport, cancel: Callable[[], bool],
            progress: Callable[[int, int], None] | None) -> None:
    """Scan ahead with two workers, hash and write behind in order; a cancel is seen between blocks."""
    cuts = _cuts(view)
    digest = hashlib.sha256()
    counts: list[Counter] = [Counter() for _ in range(len(cuts) - 1)]
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="redact") as scan, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="redact-hash") as hasher:
        ahead: list = []
        hashing = None
        next_block = 0
        try:
            for k in range(len(cuts) - 1):
                while next_block < len(cuts) - 1 and next_block < k + 3:
                    first, stop = cuts[next_block], cuts[next_block + 1]
                    ahead.append(scan.submit(_redact_block, view, first, stop, native, counts[next_block]))
                    next_block += 1
                if cancel():
                    raise Cancelled()
                output, lines = ahead.pop(0).result()
                report.lines += lines
                if hashing is not None:
                    hashing.result()
                hashing = hasher.submit(_each_part, view, output, digest.update)
                _each_part(view, output, dst.write, cancel)
                if progress is not None:
                    progress(cuts[k + 1], len(view))
            if hashing is not None:
                hashing.result()
        finally:
            for future in ahead:
                future.cancel()
    for block_counts in counts:
        report.counts.update(block_counts)
    report.sha256 = digest.hexdigest()


def _last_byte(path: Path) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1)
