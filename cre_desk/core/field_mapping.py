"""Which helpdesk field fills which ticket field, per account: platform, OS, SDK and app versions, priority,
category.

Why this exists: every support team records the SDK version or platform somewhere different (a Zendesk
custom field 360001234, an Intercom conversation attribute "SDK version", a Freshdesk ``cf_platform``).
Engineers should not re-type what the helpdesk already knows, so each account keeps a small mapping the
user edits in File → Accounts. Providers flatten their custom fields into ``{"custom_fields.360001234":
"5.2.1"}``-style keys (``RemoteTicket.fields``); this module reads the mapping and turns values into ours
(a free-text "iOS 17" becomes the platform ``ios``; values that fit none of our choices are left out
rather than guessed). Qt-free.
"""

from __future__ import annotations

import re

from cre_desk.core.vocabulary import Category, Platform

#: Our fields a helpdesk field may fill, in the order the accounts dialog shows them.
MAPPABLE = ("platform", "os_version", "sdk_name", "sdk_version", "app_version", "priority", "category")
_MAX_VALUE = 200
_PRIORITIES = {"low": "low", "normal": "normal", "medium": "normal", "high": "high", "urgent": "urgent"}
_CATEGORY_WORDS = (
    ("bug", Category.BUG),
    ("defect", Category.BUG),
    ("feature", Category.FEATURE_REQUEST),
    ("request", Category.FEATURE_REQUEST),
    ("question", Category.SPEC_QUESTION),
    ("spec", Category.SPEC_QUESTION),
    ("how", Category.SPEC_QUESTION),
    ("trouble", Category.TROUBLESHOOTING),
    ("problem", Category.TROUBLESHOOTING),
    ("incident", Category.TROUBLESHOOTING),
)


def parse(text: str) -> dict[str, str]:
    """``platform = custom_fields.360001234`` lines -> {our field: helpdesk field}; others are dropped."""
    mapping: dict[str, str] = {}
    for line in (text or "").splitlines():
        ours, sep, theirs = line.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if sep and ours in MAPPABLE and theirs:
            mapping[ours] = theirs
    return mapping


def render(mapping: dict[str, str]) -> str:
    """The stored form of a mapping (one ``ours = theirs`` line per field, in ``MAPPABLE`` order)."""
    return "\n".join(f"{k} = {mapping[k].strip()}" for k in MAPPABLE if (mapping.get(k) or "").strip())


def platform_of(value: str) -> str | None:
    text = value.lower()
    if re.search(r"\b(ios|ipados|iphone|ipad|swift)\b", text):
        return Platform.IOS.value
    if re.search(r"\b(android|kotlin)\b", text):
        return Platform.ANDROID.value
    if re.search(r"\b(web|javascript|browser|js)\b", text):
        return Platform.WEB.value
    return None


def category_of(value: str) -> str | None:
    text = value.lower().replace("_", " ")
    if text in {c.value.replace("_", " ") for c in Category}:
        return text.replace(" ", "_")
    return next((c.value for word, c in _CATEGORY_WORDS if word in text), None)


def mapped_values(remote_fields: dict[str, str], mapping: dict[str, str]) -> dict[str, str]:
    """Our field -> value for every mapped helpdesk field that has a usable value."""
    out: dict[str, str] = {}
    for ours, theirs in mapping.items():
        raw = remote_fields.get(theirs)
        if raw is None:
            continue
        value = " ".join(str(raw).split())[:_MAX_VALUE]
        if not value:
            continue
        if ours == "platform":
            converted = platform_of(value)
        elif ours == "category":
            converted = category_of(value)
        elif ours == "priority":
            converted = _PRIORITIES.get(value.lower())
        else:
            converted = value
        if converted:
            out[ours] = converted
    return out


def flatten(prefix: str, values) -> dict[str, str]:
    """``{"prefix.name": "text"}`` for a vendor's dict or list of custom fields; lists, booleans as text."""
    out: dict[str, str] = {}
    items: list[tuple[object, object]] = []
    if isinstance(values, dict):
        items = list(values.items())
    elif isinstance(values, list):
        for entry in values:
            if isinstance(entry, dict):
                value = entry.get("text", entry.get("value"))
                for label in ("id", "name"):
                    if entry.get(label) not in (None, ""):
                        items.append((entry[label], value))
    else:
        return out
    for key, raw in items:
        if raw is None or isinstance(raw, dict):
            continue
        if isinstance(raw, bool):
            text = "yes" if raw else "no"
        elif isinstance(raw, list):
            text = ", ".join(str(v) for v in raw if v is not None)
        else:
            text = str(raw)
        out[f"{prefix}.{key}"] = text
    return out


#: Tags CRE Desk writes to carry its symptom and category (when the account asks for it); an import leaves
#: them out of the ticket's own tags, since they only mirror fields the ticket already has.
TRIAGE_PREFIXES = ("cre-symptom-", "cre-category-")


def is_triage(tag: str) -> bool:
    return str(tag).lower().startswith(TRIAGE_PREFIXES)


def triage_tags(symptom: str, category: str) -> tuple[str, ...]:
    """The tags that tell the helpdesk our symptom and category, e.g. ``cre-symptom-push_not_delivered``."""
    pairs = zip(TRIAGE_PREFIXES, (symptom, category), strict=True)
    return tuple(sorted(f"{prefix}{value}" for prefix, value in pairs if value))
