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
import threading
import time
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


class PendingReplies:
    """What a provider was asked to post, by marker, so a lost answer can be matched later.

    One instance is shared by every client of a helpdesk in this process (a retry from the reply tab builds a
    new client), and each helpdesk message is matched to at most one marker, so two identical replies are
    never taken for one another. ``ticket_id`` names the account too (its address and the ticket number):
    two accounts may number their tickets and messages alike.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_marker: dict[str, tuple[str, str, float]] = {}
        self._claimed: dict[str, str] = {}

    def remember(self, marker: str, ticket_id: str, text: str) -> None:
        """Record a reply before it is sent; a retry under the same marker keeps the first attempt's time."""
        if not marker:
            return
        with self._lock:
            if len(self._by_marker) > 10_000:   # a long-running app: forget the oldest
                for key in list(self._by_marker)[:5_000]:
                    del self._by_marker[key]
            self._by_marker.setdefault(marker.strip(), (ticket_id, normalise(text), time.time()))

    def claim(self, marker: str, ticket_id: str, message_id: str) -> None:
        """The helpdesk confirmed ``message_id`` as the reply under ``marker``: never match it to another."""
        if marker:
            with self._lock:
                self._claimed.setdefault(f"{ticket_id}#{message_id}", marker.strip())

    def matches(self, marker: str, ticket_id: str, *, message_id: str, text: str, author_is_me: bool,
                created_at: datetime | None) -> bool:
        """True when a helpdesk message is the reply posted under ``marker`` (by marker or fingerprint)."""
        needle = marker.strip()
        if not needle:
            return False
        if needle not in text:
            with self._lock:
                pending = self._by_marker.get(needle)
            if pending is None or pending[0] != ticket_id or not author_is_me:
                return False
            if created_at is not None and created_at < datetime.fromtimestamp(
                pending[2] - CLOCK_SLACK_S, UTC
            ):
                return False
            if normalise(text) != pending[1]:
                return False
        with self._lock:
            return self._claimed.setdefault(f"{ticket_id}#{message_id}", needle) == needle
