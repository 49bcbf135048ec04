"""The failures every helpdesk and GitHub integration can meet, as one family of plain-words errors.

Why a module of its own: the actions, the sync and the GUI catch these (``AuthFailed``, ``ReplyUncertain``,
``RateLimited``...) to decide what to tell the engineer, without needing the HTTP client that raises them.
Their messages never contain a token or a query string.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from cre_desk.errors import UserError


class IntegrationError(UserError):
    """Base for remote-service failures. The message is plain words and NEVER contains a token."""

    def __init__(self, message: str = "The remote service failed.", *, detail: str = "",
                 status: int | None = None) -> None:
        super().__init__(message, detail=detail)
        self.status = status


class AuthFailed(IntegrationError):
    """401/403 that is not a rate limit: the token is wrong, expired or lacks permission."""


class NotFound(IntegrationError):
    """404: the ticket, issue or endpoint does not exist (or the token may not see it)."""


class RateLimited(IntegrationError):
    """The service asked us to wait longer than we are willing to block; ``until`` (UTC) is when to retry."""

    def __init__(self, until: datetime | str | None = None, *, message: str | None = None, detail: str = "",
                 status: int | None = None, **kwargs) -> None:
        if isinstance(until, str):  # tolerate RateLimited("message", until=...)
            message, until = until, kwargs.pop("until", None)
        if until is None:
            until = datetime.now(UTC)
        when = cast(datetime, until)  # a str was taken as the message above
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        self.until = when.astimezone(UTC)
        if message is None:
            message = f"rate limited until {self.until.astimezone().strftime('%H:%M')}"
        super().__init__(message, detail=detail, status=status)


class ServerError(IntegrationError):
    """The service answered with a 5xx error (after retries, for GET)."""

    def __init__(self, status: int | str = 500, message: str | None = None, *, detail: str = "",
                 **kwargs) -> None:
        if isinstance(status, str):  # tolerate ServerError("message", status=502)
            message, status = status, kwargs.pop("status", 500)
        status = int(status)
        if message is None:
            message = f"The server had a problem (HTTP {status}). Try again later."
        super().__init__(message, detail=detail, status=status)


class BadResponse(IntegrationError):
    """Malformed or truncated JSON, an HTML page instead of data, a body over the size cap, a bad redirect."""


class Offline(IntegrationError):
    """DNS failure, connection refused or reset, connect/read timeout, overall deadline passed."""


class UntrustedServer(IntegrationError):
    """The TLS certificate could not be verified; there is deliberately no way to ignore this."""


class ReplyUncertain(IntegrationError):
    """A POST/PUT whose outcome is unknown (connection dropped after sending): reconcile, never re-post."""
