"""``ApiClient`` taught one vendor's rate-limit headers and error bodies.

Why this exists: the shared client honours ``Retry-After`` and reset epochs, but vendors add their own
signals. Help Scout says how long to wait in ``X-RateLimit-Retry-After``; Freshdesk and Help Scout both say
how much of the minute's budget is left, and a sync that keeps going at full speed until the 429 wastes
the budget the engineers' own helpdesk tabs share. Their 4xx bodies also explain what was wrong (a field
and a message), which the user needs to see instead of a bare status code. Subclasses name the headers
and how to read an error body; everything else stays in ``http.ApiClient``. Qt-free.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping

from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import IntegrationError

log = logging.getLogger(__name__)

_EXPLAINED_STATUSES = (400, 409, 412, 413, 422)
_PEEK = 64 * 1024
_MAX_EXPLANATION = 300
MAX_PACE_S = 5.0   # kept short: this wait happens outside the cancellable request


class VendorClient(ApiClient):
    """Reads ``retry_after_header`` on 429s, slows down as ``remaining_header`` nears 0, explains 4xx
    bodies."""

    vendor = "The helpdesk"
    retry_after_header = ""  # seconds to wait, sent with a 429
    remaining_header = ""  # requests left in the current window
    limit_header = ""  # requests allowed per window
    window_s = 60.0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pace_s = 0.0

    @staticmethod
    def explain(data) -> str:
        """The vendor's words for a rejected request, from its JSON error body ("" when there are none)."""
        return ""

    # -- rate limits ----------------------------------------------------------------------------------

    def _header_wait(self, headers: Mapping[str, str], *, rate_limited: bool) -> float | None:
        wait = super()._header_wait(headers, rate_limited=rate_limited)
        if wait is None and rate_limited and self.retry_after_header:
            value = (headers.get(self.retry_after_header) or "").strip()
            try:
                return max(0.0, float(value)) if value else None
            except ValueError:
                return None
        return wait

    def _note_budget(self, headers: Mapping[str, str]) -> None:
        """When the window's budget is nearly used, space the next request out instead of running into 429."""
        if not self.remaining_header:
            return
        try:
            remaining = int(headers.get(self.remaining_header) or "")
            limit = int(headers.get(self.limit_header) or "")
        except ValueError:
            return
        if limit <= 0:
            return
        reserve = max(2, math.ceil(limit * 0.05))
        if remaining <= reserve:
            self._pace_s = min(MAX_PACE_S, self.window_s / limit * (reserve - max(remaining, 0) + 1))

    def _execute(self, method, url, **kwargs):
        pace, self._pace_s = self._pace_s, 0.0
        if pace > 0:
            log.info(
                "%s: rate limit nearly used up; waiting %.1f s before the next request", self.vendor, pace
            )
            if self._on_wait is not None:
                self._on_wait(pace, "rate limit nearly used up")
            self._sleep(pace)
        return super()._execute(method, url, **kwargs)

    # -- responses ------------------------------------------------------------------------------------

    def _handle(self, resp, method, url, consume, deadline):
        status = resp.status_code
        if 200 <= status < 300:
            self._note_budget(resp.headers)
        elif status in _EXPLAINED_STATUSES:
            try:
                data = json.loads(resp.raw.read(_PEEK, decode_content=True) or b"null")
            except Exception:  # noqa: BLE001 - an unreadable error body falls back to the generic message
                data = None
            words = " ".join(self.explain(data).split())[:_MAX_EXPLANATION]
            if words:
                raise IntegrationError(
                    f"{self.vendor} rejected the request (HTTP {status}): {words}", status=status
                )
        return super()._handle(resp, method, url, consume, deadline)


def field_messages(errors, field_key: str) -> str:
    """``field: message; …`` from a list of ``{field_key, message}`` objects."""
    parts = []
    for error in errors if isinstance(errors, list) else []:
        if isinstance(error, dict) and error.get("message"):
            where = str(error.get(field_key) or "").strip()
            parts.append(f"{where}: {error['message']}" if where else str(error["message"]))
    return "; ".join(parts)
