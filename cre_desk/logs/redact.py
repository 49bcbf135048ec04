"""Remove secrets and personal data from a customer's log before it is stored with a ticket.

Customers paste logs with API keys, bearer tokens and e-mail addresses in them. The redacted copy
keeps every line (and its length class) so line numbers, timestamps and SDK evidence stay intact;
only the secret values are replaced with a label saying what was there.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from cre_desk.errors import Cancelled
from cre_desk.logs import linescan

_PATTERNS: tuple[tuple[str, re.Pattern[bytes], int], ...] = (
    # (kind, pattern, group holding the secret; 0 = the whole match)
    ("bearer token", re.compile(rb"(?i)\b(?:authorization\s*[:=]\s*)?bearer\s+([A-Za-z0-9\-._~+/]{12,}=*)"), 1),
    ("JSON web token", re.compile(rb"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), 0),
    # A named credential: "apiKey=…", "API key: …", "devkey=…", "app_token: …", "App Token '…'",
    # "appSecret", "CleverTapToken: …" (any word may lead the name).
    ("API key", re.compile(
        rb"(?i)\b[a-z0-9_]*?(?:api[ _-]?key|x-?braze-?api-?key|app[ _-]?key|dev[ _-]?key|write[ _-]?key|"
        rb"rest[_-]?api[_-]?key|secret|client[_-]?secret|password|passwd|access[_-]?token|auth[_-]?token|"
        rb"app[ _-]?token|account[ _-]?token)[\"']?(?:\s*[:=]\s*|\s+(?=[\"']))[\"']?([^\s\"',;&)]{6,})"), 1),
    # Any other "…token: value" only when the value looks like one (holds a digit): "push token = …".
    ("API key", re.compile(
        rb"(?i)\b[a-z0-9_]*token[\"']?\s*[:=]\s*[\"']?((?=[^\s\"',;&)]*[0-9])[^\s\"',;&)]{6,})"), 1),
    # SDK configuration dumps: Braze/Appboy "value for key: 'com_braze_api_key' and value: '…'".
    ("API key", re.compile(
        rb"(?i)value for key:\s*'?[a-z0-9_.]*(?:api_key|secret|token)[a-z0-9_.]*'?\s+and value:\s*'?([^'\s]+)"), 1),
    ("API key", re.compile(rb"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\b(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b|"
                           rb"\bAIza[0-9A-Za-z_-]{35}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b"), 0),
    ("push token", re.compile(rb"\b[A-Za-z0-9_-]{11,}:APA91[A-Za-z0-9_-]{60,}"), 0),
    ("push token", re.compile(rb"(?i)(?:device token|devicetoken|push_token|registration token)[\"']?\s*[:=]?\s*"
                              rb"[\"'<]?([0-9a-f]{64}|[A-Za-z0-9_:-]{100,})"), 1),
    ("e-mail address", re.compile(rb"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}\b"), 0),
)


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


#: For each pattern above (same order), words one of which its match must contain (lower-case): a line
#: without any of them skips the pattern's regular expression.
_PATTERN_WORDS: tuple[tuple[bytes, ...], ...] = (
    (b"bearer",), (b"eyj",),
    (b"key", b"secret", b"passw", b"token"), (b"token",), (b"value for key",),
    (b"akia", b"asia", b"sk_", b"pk_", b"rk_", b"aiza", b"ghp_", b"gho_", b"ghu_", b"ghs_", b"ghr_"),
    (b":apa91",), (b"token",), (b"@",),
)


def redact_line(line: bytes, counts: Counter | None = None) -> bytes:
    """Replace secret values in one line with ``[redacted <kind>]``."""
    lowered = line.lower()
    for (kind, pattern, group), words in zip(_PATTERNS, _PATTERN_WORDS, strict=True):
        if not any(word in lowered for word in words):
            continue
        label = f"[redacted {kind}]".encode()

        def replace(match: re.Match[bytes], group=group, label=label, kind=kind) -> bytes:
            if counts is not None:
                counts[kind] += 1
            if group == 0:
                return label
            whole = match.group(0)
            start, end = match.span(group)
            return whole[: start - match.start()] + label + whole[end - match.start():]

        line = pattern.sub(replace, line)
    return line


#: Every secret pattern needs one of these (case-insensitive) in its line: only such lines are read.
TRIGGERS = sorted({word for words in _PATTERN_WORDS for word in words})
BLOCK = 8 * 1024 * 1024
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redact-scan")
#: Very long lines are redacted in their first megabyte: the patterns are linear, but memory is not free.
LINE_LIMIT = 1024 * 1024


def _spans(block: bytes) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``block`` that may hold a secret (the halves scanned in parallel)."""
    native = linescan.native_module()
    if native is not None:
        middle = block.find(b"\n", len(block) // 2) + 1 if len(block) > 1024 * 1024 else 0
        if middle <= 0:
            flat = np.frombuffer(native.line_spans(block, TRIGGERS, 1), dtype=np.int64)
        else:
            view = memoryview(block)
            second = _POOL.submit(native.line_spans, view[middle:], TRIGGERS, 1)
            first = np.frombuffer(native.line_spans(view[:middle], TRIGGERS, 1), dtype=np.int64)
            flat = np.concatenate((first, np.frombuffer(second.result(), dtype=np.int64) + middle))
        return list(zip(flat[0::2].tolist(), flat[1::2].tolist(), strict=True))
    lowered = block.lower()
    spans, pos = [], 0
    for line in lowered.split(b"\n"):
        end = pos + len(line)
        if any(t in line for t in TRIGGERS):
            spans.append((pos, end))
        pos = end + 1
    return spans


def _blocks(src, cancel: Callable[[], bool]):
    """The file in blocks of whole lines (an enormous line is cut into pieces)."""
    carry = b""
    while True:
        if cancel():
            raise Cancelled()
        chunk = src.read(BLOCK)
        if not chunk:
            if carry:
                yield carry
            return
        block = carry + chunk
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            if len(block) < 4 * LINE_LIMIT:
                carry = block          # keep collecting a long line
                continue
            cut = len(block)           # an enormous line is redacted piece by piece
        carry = block[cut:]
        yield block[:cut]


def redact_file(source: Path, target: Path, cancel: Callable[[], bool] = lambda: False,
                progress: Callable[[int, int], None] | None = None) -> RedactionReport:
    """Write a redacted copy of ``source`` (bytes in, bytes out: no encoding is ever damaged).

    The file streams through in 8 MB blocks; a native scan picks the few lines that could hold a secret
    and only those are rewritten, while the previous block is hashed and written (both without the
    interpreter lock), so a gigabyte attaches at close to copying speed. The report carries the SHA-256
    of what was written, so the copy need not be read again.
    """
    report = RedactionReport()
    total = source.stat().st_size
    digest = hashlib.sha256()
    done = 0
    native = linescan.native_module()

    def finish(pending) -> None:
        nonlocal done
        out, size = pending.result()
        digest.update(out)
        dst.write(out)
        done += size
        if progress is not None:
            progress(done, total)

    try:
        with open(source, "rb") as src, open(target, "wb") as dst, \
                ThreadPoolExecutor(max_workers=1, thread_name_prefix="redact") as pool:
            pending = None
            for block in _blocks(src, cancel):
                report.lines += native.count(block, 0, len(block), 10) if native else block.count(b"\n")
                ahead = pool.submit(lambda b=block: (_redact_block(b, report), len(b)))
                if pending is not None:
                    finish(pending)
                pending = ahead
            if pending is not None:
                finish(pending)
        if total and _last_byte(source) != b"\n":
            report.lines += 1
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    report.sha256 = digest.hexdigest()
    return report


def _last_byte(path: Path) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1)


def _redact_block(block: bytes, report: RedactionReport) -> bytes:
    pieces: list[bytes] = []
    at = 0
    for start, end in _spans(block):
        line = block[start:end]
        head, tail = line[:LINE_LIMIT], line[LINE_LIMIT:]
        clean = redact_line(head, report.counts) + tail
        if clean != line:
            pieces.append(block[at:start])
            pieces.append(clean)
            at = end
    if not pieces:
        return block
    pieces.append(block[at:])
    return b"".join(pieces)
