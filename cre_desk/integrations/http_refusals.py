"""What a refused answer (not 2xx, not 304) means, and whether asking again may help.

Why a module of its own: this is the retry and rate-limit policy every integration relies on. A 429, a
rate-limit 403 or (for reads) a passing 5xx becomes ``RetryLater`` with the wait the server asked for
(``Retry-After``, rate-limit reset headers); a write is repeated only when the server refused it before
doing anything (429), and a 504 after a write is ``ReplyUncertain``. Everything else becomes a typed
``IntegrationError`` in plain words, with the service's own explanation when its body gives one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import NoReturn

import requests

from cre_desk.integrations.http_errors import (
    AuthFailed,
    BadResponse,
    IntegrationError,
    NotFound,
    ReplyUncertain,
    ServerError,
)

_GET_RETRY_STATUSES = (429, 500, 502, 503, 504)
#: A 429 says the request was refused before any processing: safe to send again. A 503 is not retried for a
#: write: proxies and load balancers send it after the service behind them may have acted (RELIABILITY N-5).
_WRITE_RETRY_STATUSES = (429,)
_ERROR_BODY_PEEK = 64 * 1024


class RetryLater(Exception):  # noqa: N818 - internal control flow, never escapes ApiClient
    """An attempt failed in a way that may succeed if repeated after ``wait`` seconds (None = backoff)."""

    def __init__(self, error: IntegrationError, *, wait: float | None = None, rate_limited: bool = False,
                 min_wait: float = 0.0, reason: str = "") -> None:
        super().__init__(error.message)
        self.error = error
        self.wait = wait
        self.rate_limited = rate_limited
        self.min_wait = min_wait
        self.reason = reason or error.message


def raise_refusal(resp: requests.Response, host: str, *, write: bool,
                  header_wait: Callable[..., float | None]) -> NoReturn:
    """Raise the typed error for a refused answer, or ``RetryLater`` when the same request may succeed.

    ``header_wait(headers, rate_limited=...)`` is the client's reading of the server's wait hints
    (``ApiClient._header_wait``, which vendor clients extend with their own headers)."""
    status = resp.status_code
    headers = resp.headers
    if status == 429 or (status == 403 and is_rate_limit_403(resp)):
        err = IntegrationError(f"{host} is rate limiting requests.", status=status)
        wait = header_wait(headers, rate_limited=True)
        # A rate-limit 403 with no hint (GitHub secondary limit): wait at least a minute.
        min_wait = 60.0 if status == 403 and wait is None else 0.0
        raise RetryLater(err, wait=wait, rate_limited=True, min_wait=min_wait, reason="rate limited")
    if status in (401, 403):
        raise AuthFailed(f"{host} refused the credentials (HTTP {status}). Check the account's token and "
                         "permissions in File → Accounts.", status=status)
    if status == 404:
        raise NotFound(f"{host} could not find that item (HTTP 404).", status=404)
    if status == 504 and write:
        # A gateway timeout says nothing about whether the service behind it saved the write.
        raise ReplyUncertain(f"{host} timed out (HTTP 504) after receiving the request, so it may or may not "
                             "have been saved. CRE Desk checks the ticket before trying again.", status=504)
    if status >= 500:
        err = ServerError(status, f"{host} had a problem (HTTP {status}). Try again later.")
        retry_set = _WRITE_RETRY_STATUSES if write else _GET_RETRY_STATUSES
        if status in retry_set:
            raise RetryLater(err, wait=header_wait(headers, rate_limited=False),
                             reason=f"server error {status}")
        raise err
    if 300 <= status < 400:
        raise BadResponse(f"{host} sent an unexpected redirect (HTTP {status}).", status=status)
    reason = error_explanation(resp)
    explained = f": {reason}" if reason else "."
    raise IntegrationError(f"{host} rejected the request (HTTP {status}){explained}", status=status)


def error_explanation(resp: requests.Response) -> str:
    """The service's own words for a refused request (Zendesk ``description``/``details``, Intercom and
    GitHub ``errors[].message``), as one plain line; "" when the body says nothing usable."""
    try:
        peek = resp.raw.read1(_ERROR_BODY_PEEK, decode_content=True) or b""
        data = json.loads(peek)
    except Exception:  # noqa: BLE001 - an unreadable error body simply adds nothing
        return ""
    found: list[str] = []

    def add(value) -> None:
        if isinstance(value, str) and value.strip() and value.strip() not in found:
            found.append(value.strip())

    if isinstance(data, dict):
        error = data.get("error")
        add(data.get("description"))
        add(data.get("message"))
        if isinstance(error, dict):
            add(error.get("message"))
        details = data.get("details")
        if isinstance(details, dict):
            for items in details.values():
                for item in items if isinstance(items, list) else [items]:
                    add(item.get("description") if isinstance(item, dict) else item)
        for item in data.get("errors") or [] if isinstance(data.get("errors"), list) else []:
            add(item.get("message") if isinstance(item, dict) else item)
        if not found:
            add(error if isinstance(error, str) else None)
    text = " — ".join(found)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text[:300] + ("…" if len(text) > 300 else "")


def is_rate_limit_403(resp: requests.Response) -> bool:
    headers = resp.headers
    if headers.get("x-ratelimit-remaining") == "0" or "Retry-After" in headers:
        return True
    try:
        peek = resp.raw.read1(_ERROR_BODY_PEEK, decode_content=True) or b""
    except Exception:
        return False
    return b"rate limit" in peek.lower()


def wait_from_headers(headers: Mapping[str, str], *, rate_limited: bool, now: float) -> float | None:
    """Seconds to wait from Retry-After (seconds or HTTP-date) or, for rate limits, reset headers."""
    value = (headers.get("Retry-After") or "").strip()
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=UTC)
                return max(0.0, when.timestamp() - now)
    if not rate_limited:
        return None
    value = (headers.get("X-RateLimit-Reset") or "").strip()
    if value:
        try:
            reset = float(value)
        except ValueError:
            reset = None
        if reset is not None:
            delta = reset - now if reset > 1_000_000_000 else reset
            return max(1.0, delta)
    value = (headers.get("ratelimit-reset") or "").strip()  # IETF draft: seconds until reset
    if value:
        try:
            return max(1.0, float(value))
        except ValueError:
            return None
    return None
