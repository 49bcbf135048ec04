"""Reading vendors' JSON payloads defensively: a field of the wrong type reads as empty, never raises.

Helpdesk and GitHub answers are untrusted input; every client reads them through these few helpers.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time (``Z`` or an offset; naive means UTC), or None when absent or malformed."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def iso_utc(moment: datetime) -> str:
    """``2026-11-27T10:00:00Z``, the form the vendors' filters take."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_obj(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def raw_json(value: Any) -> str:
    """The payload kept as it came (sorted keys, so the same answer stores the same text)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
