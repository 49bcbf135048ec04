"""Shipped wording in English and Japanese, kept as data in ``resources/texts/<table>.json``.

The Qt-free layers word replies, reports, article drafts and findings in the language of their reader (a
reply in the customer's language, whatever the window's), so these texts cannot live in Qt's catalogue. Each
table is a JSON object of ``{"key": {"en": "…", "ja": "…"}}``: the same en/ja pair every other shipped text
uses (see docs/translations.md), read here once and handed out as ``Label`` pairs. Texts with ``{name}``
fields are filled by the caller's values.
"""

from __future__ import annotations

from functools import cache

from cre_desk import resource_files
from cre_desk.core.vocabulary import Label


@cache
def table(name: str) -> dict[str, Label]:
    """Every text of ``resources/texts/<name>.json``; a text missing a language is an error, not a blank."""
    raw = resource_files.read_json("texts", f"{name}.json")
    out: dict[str, Label] = {}
    for key, pair in raw.items():
        if key.startswith("_"):
            continue  # "_about": a note for translators
        if not (isinstance(pair, dict) and isinstance(pair.get("en"), str) and isinstance(pair.get("ja"), str)
                and pair["en"] and pair["ja"]):
            raise ValueError(
                f"resources/texts/{name}.json: “{key}” needs both an English and a Japanese text"
            )
        out[key] = Label(pair["en"], pair["ja"])
    return out


def text(name: str, key: str, language: str, **values: object) -> str:
    """The text ``key`` of table ``name`` in ``language`` ("ja", else English), its fields filled."""
    wording = table(name)[key].get(language)
    return wording.format(**values) if values else wording


def label(name: str, key: str) -> Label:
    """Both languages of one text (for callers that hold a pair until they know the language)."""
    return table(name)[key]
