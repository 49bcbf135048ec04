"""The note kept beside a saved reply draft, read back when the draft is restored.

A saved draft is only the engineer's text; to tell their edits from generated text after a restart (and to
keep the private notes they left out of the reply), the last generated parts and those exclusions are
stored with it as JSON. Reading must survive anything an older version or a damaged row left there.
"""

from __future__ import annotations

import json

from cre_desk.core import replies

PARTS = ("summary", "cause", "fix", "developer_block")


def reply_json(reply: replies.Reply | None, excluded=()) -> str:
    """What is stored beside the draft: the last generated parts (to tell edits apart) and the private
    notes the engineer excluded from the reply."""
    data = {part: getattr(reply, part) for part in PARTS} if reply is not None else {}
    if excluded:
        data["excluded"] = sorted(excluded)
    return json.dumps(data, ensure_ascii=False) if data else ""


def excluded_from_json(text: str) -> set[str]:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return set()
    found = data.get("excluded") if isinstance(data, dict) else None
    return {str(key) for key in found} if isinstance(found, list) else set()


def reply_from_json(text: str) -> replies.Reply | None:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    if not isinstance(data, dict) or not any(part in data for part in PARTS):
        return None
    return replies.Reply(**{part: str(data.get(part, "")) for part in PARTS})
