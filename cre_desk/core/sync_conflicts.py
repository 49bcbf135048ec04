"""A field changed both here and in the helpdesk since the last sync: which field, and the two values.

Conflicts are kept as data, not sentences, so the Overview can show them in the engineer's language and let
them decide field by field; ``describe`` gives the English sentence for sync reports and the command line.
Stored as JSON in ``remote_state.conflict``; text written by earlier versions ("status is solved here but
open in the helpdesk; …") is still read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

#: The fields a conflict can be about (tags never conflict: both sides' edits are merged).
FIELDS = ("status", "priority", "assignee")

_LEGACY = re.compile(r"^(status|priority|assignee) is (.*) here but (.*) in (?:the helpdesk|[A-Z][\w ]*)$")


@dataclass(frozen=True)
class FieldConflict:
    field: str  # one of FIELDS
    here: str  # our value ("" for nobody / none)
    there: str  # the helpdesk's value


def describe(conflict: FieldConflict, where: str = "the helpdesk") -> str:
    """The English sentence: "status is solved here but open in Zendesk"."""

    def words(value: str) -> str:
        if conflict.field == "assignee":
            return value or "nobody"
        return value.replace("_", " ")

    return f"{conflict.field} is {words(conflict.here)} here but {words(conflict.there)} in {where}"


def describe_all(conflicts: list[FieldConflict], where: str = "the helpdesk") -> str:
    return "; ".join(describe(c, where) for c in conflicts)


def encode(conflicts: list[FieldConflict]) -> str:
    """The stored form; one entry per field, the newest values winning; "" when there is none."""
    by_field: dict[str, FieldConflict] = {}
    for conflict in conflicts:
        by_field[conflict.field] = conflict
    if not by_field:
        return ""
    return json.dumps([[c.field, c.here, c.there] for c in by_field.values()], ensure_ascii=False)


def decode(text: str | None) -> list[FieldConflict]:
    """The stored conflicts (JSON, or the sentences of earlier versions)."""
    if not text:
        return []
    try:
        rows = json.loads(text)
    except ValueError:
        rows = None
    if isinstance(rows, list):
        return [FieldConflict(str(r[0]), str(r[1]), str(r[2])) for r in rows
                if isinstance(r, list) and len(r) == 3 and r[0] in FIELDS]
    out = []
    for sentence in text.split("; "):
        match = _LEGACY.match(sentence.strip())
        if match is None:
            continue
        field, here, there = match.groups()
        if field == "assignee":
            here, there = ("" if v == "nobody" else v for v in (here, there))
        else:
            here, there = here.replace(" ", "_"), there.replace(" ", "_")
        out.append(FieldConflict(field, here, there))
    return out


def merged(stored: str | None, new: list[FieldConflict]) -> str:
    """``stored`` with ``new`` added (a field conflicting again shows its newest values)."""
    return encode([*decode(stored), *new])


def without(stored: str | None, fields: set[str]) -> str:
    """``stored`` with the conflicts on ``fields`` decided."""
    return encode([c for c in decode(stored) if c.field not in fields])
