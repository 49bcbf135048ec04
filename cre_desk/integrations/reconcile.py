"""Finding a reply whose answer was lost, without showing customers a marker.

Why this exists: when the connection drops after a reply was sent, the helpdesk may or may not have saved
it, and sending it again could give the customer the same answer twice. Freshdesk and Help Scout offer no
idempotency key, so a provider remembers what it was about to post (ticket, author, text, time) and,
after a lost answer, looks among the ticket's newest messages for one by the same author, with the same
words, written since the attempt began. Older posts that still carry a visible ``[ref:cre-desk:…]``
marker are recognised by that marker too. Qt-free.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cre_desk.integrations.html_text import html_to_text

#: How far a helpdesk's clock may be behind ours before a lost reply stops being recognised.
CLOCK_SLACK_S = 300.0
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text compared without markup or spacing differences (helpdesks re-wrap and re-format bodies)."""
    plain = html_to_text(text) if "<" in text else text
    return _SPACE.sub(" ", html.unescape(plain)).strip()


def strip_marker(body: str, marker: str) -> str:
    """The reply without our reconciliation marker: customers never see it."""
    if marker:
        body = body.replace(marker.strip(), "")
    return body.rstrip()


def plain_to_html(text: str) -> str:
    """The engineer's plain-text reply as the HTML helpdesks store: escaped, blank lines split paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line, quote=False) for line in p.strip("\n").split("\n")) + "</p>"
        for p in paragraphs
    )


@dataclass
class PendingReplies:
    """What each provider was asked to post, by marker, so a lost answer can be matched later."""

    now: Callable[[], float] = time.time
    _by_marker: dict[str, tuple[str, str, float]] = field(default_factory=dict)

    def remember(self, marker: str, ticket_id: str, text: str) -> None:
        if marker:
            self._by_marker[marker.strip()] = (ticket_id, normalise(text), self.now())

    def matches(self, marker: str, ticket_id: str, *, text: str, author_is_me: bool,
                created_at: datetime | None) -> bool:
        """True when a helpdesk message is the reply posted under ``marker`` (by marker, or by fingerprint)."""
        needle = marker.strip()
        if needle and needle in text:
            return True
        pending = self._by_marker.get(needle)
        if pending is None or pending[0] != ticket_id or not author_is_me:
            return False
        if created_at is not None:
            started = datetime.fromtimestamp(pending[2] - CLOCK_SLACK_S, UTC)
            if created_at < started:
                return False
        return normalise(text) == pending[1]
