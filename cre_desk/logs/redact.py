"""Remove secrets and personal data from a customer's log before it is stored with a ticket.

Customers paste logs with API keys, bearer tokens and e-mail addresses in them. The redacted copy
keeps every line (and its length class) so line numbers, timestamps and SDK evidence stay intact;
only the secret values are replaced with a label saying what was there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cre_desk.errors import Cancelled

_PATTERNS: tuple[tuple[str, re.Pattern[bytes], int], ...] = (
    # (kind, pattern, group holding the secret; 0 = the whole match)
    ("bearer token", re.compile(rb"(?i)\b(?:authorization\s*[:=]\s*)?bearer\s+([A-Za-z0-9\-._~+/]{12,}=*)"), 1),
    ("JSON web token", re.compile(rb"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), 0),
    ("API key", re.compile(
        rb"(?i)\b(?:api[_-]?key|x-?braze-?api-?key|app[_-]?key|rest[_-]?api[_-]?key|secret|client[_-]?secret|"
        rb"password|passwd|access[_-]?token|auth[_-]?token)[\"']?\s*[:=]\s*[\"']?([^\s\"',;&]{6,})"), 1),
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

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def describe(self) -> str:
        if not self.total:
            return "No secrets or e-mail addresses were found."
        parts = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in self.counts.most_common())
        return f"Redacted {parts}."


def redact_line(line: bytes, counts: Counter | None = None) -> bytes:
    """Replace secret values in one line with ``[redacted <kind>]``."""
    for kind, pattern, group in _PATTERNS:
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


def redact_file(source: Path, target: Path, cancel: Callable[[], bool] = lambda: False) -> RedactionReport:
    """Write a redacted copy of ``source`` (read as bytes, so no encoding is ever damaged)."""
    report = RedactionReport()
    with open(source, "rb") as src, open(target, "wb") as dst:
        for number, line in enumerate(src):
            if number % 50_000 == 0 and cancel():
                dst.close()
                target.unlink(missing_ok=True)
                raise Cancelled()
            report.lines += 1
            # Very long lines are kept as they are past 1 MB: the patterns are linear, but memory is not free.
            head, tail = line[: 1024 * 1024], line[1024 * 1024:]
            dst.write(redact_line(head, report.counts) + tail)
    return report
