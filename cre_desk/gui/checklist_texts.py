"""Display texts of checklist items in the UI language, read from the shipped checklist templates."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ItemTexts:
    title: str
    question: str
    how_to_verify: str
    plain_cause: str
    log_patterns: tuple[str, ...]


def _pick(value, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value.get(language) or value.get("en", "")
    getter = getattr(value, "get", None)
    if callable(getter):
        return getter(language) or getter("en") or ""
    return getattr(value, language, None) or getattr(value, "en", "") or str(value)


@functools.cache
def texts_for(symptom: str, language: str) -> dict[str, ItemTexts]:
    """Item key -> texts for the checklist of ``symptom``."""
    from cre_desk.core import checklist

    template = checklist.template_for(symptom)
    if template is None:
        return {}
    return {
        item.key: ItemTexts(
            title=_pick(item.title, language),
            question=_pick(item.question, language),
            how_to_verify=_pick(item.how_to_verify, language),
            plain_cause=_pick(getattr(item, "plain_cause", None), language),
            log_patterns=tuple(getattr(item, "log_patterns", ()) or ()),
        )
        for item in template.items
    }


@functools.cache
def scoping_text(symptom: str, language: str) -> str:
    """The scoping questions to ask first, as one short paragraph (``language`` picks the questions from
    the shipped checklist; the heading is UI text, from the Qt catalogue, which follows the UI language)."""
    from cre_desk.core import checklist

    template = checklist.template_for(symptom)
    questions = getattr(template, "scoping_questions", ()) if template is not None else ()
    if not questions:
        return ""
    lines = [_pick(q, language) for q in questions]
    heading = QCoreApplication.translate("checklist_texts", "First narrow it down:")
    return heading + "\n" + "\n".join(f"• {line}" for line in lines if line)
