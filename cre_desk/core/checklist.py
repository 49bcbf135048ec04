"""Cause checklists: templates shipped as data in ``resources/checklists/`` and the walk over them.

Templates are data, not code, so a support lead can add a cause without a release of the logic.
Loading validates every file and says which file and which field is wrong, because a silently
skipped item would make an engineer believe a cause had been ruled out.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cre_desk import resource_files
from cre_desk.core.vocabulary import DECIDED_VERDICTS, Area, Label, Symptom
from cre_desk.errors import UserError

SCHEMA_VERSION = 1
LANGUAGES = ("en", "ja")


@dataclass(frozen=True)
class TemplateItem:
    key: str
    area: str
    title: Label
    question: Label
    how_to_verify: Label
    plain_cause: Label
    fix: Label
    log_patterns: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()
    vendors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    symptom: str
    title: Label
    scoping_questions: tuple[Label, ...]
    items: tuple[TemplateItem, ...]

    def item(self, key: str) -> TemplateItem | None:
        return next((i for i in self.items if i.key == key), None)


class TemplateError(UserError):
    """A checklist file is malformed; the message names the file and the field."""


_KEY = re.compile(r"^[a-e]_[a-z0-9_]+$")


def _label(value, where: str) -> Label:
    if not isinstance(value, Mapping):
        raise TemplateError(f"{where}: expected an object with 'en' and 'ja' texts.")
    texts = {}
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise TemplateError(f"{where}: the '{language}' text is missing or empty.")
        texts[language] = text.strip()
    return Label(**texts)


def _strings(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TemplateError(f"{where}: expected a list of texts.")
    return tuple(value)


def parse_template(data, source: str) -> Template:
    """Validate one template document; ``source`` names it in error messages."""
    if not isinstance(data, Mapping):
        raise TemplateError(f"{source}: the file does not hold a checklist object.")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise TemplateError(f"{source}: schema_version {data.get('schema_version')!r} is not supported "
                            f"(this version reads {SCHEMA_VERSION}).")
    symptom = data.get("symptom")
    if symptom not in {s.value for s in Symptom}:
        raise TemplateError(f"{source}: unknown symptom {symptom!r}.")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise TemplateError(f"{source}: the checklist has no items.")
    items: list[TemplateItem] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_items):
        where = f"{source}, item {index + 1}"
        if not isinstance(raw, Mapping):
            raise TemplateError(f"{where}: expected an object.")
        key = raw.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            raise TemplateError(f"{where}: key {key!r} must look like 'd_sdk_not_initialized'.")
        if key in seen:
            raise TemplateError(f"{where}: key {key!r} is used twice.")
        seen.add(key)
        where = f"{source}, item {key}"
        area = raw.get("area")
        if area not in {a.value for a in Area}:
            raise TemplateError(f"{where}: area {area!r} is not one of A–E.")
        patterns = _strings(raw.get("log_patterns"), f"{where}, log_patterns")
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise TemplateError(f"{where}: log pattern {pattern!r} is not a valid expression ({exc}).") from exc
        items.append(TemplateItem(
            key=key, area=area,
            title=_label(raw.get("title"), f"{where}, title"),
            question=_label(raw.get("question"), f"{where}, question"),
            how_to_verify=_label(raw.get("how_to_verify"), f"{where}, how_to_verify"),
            plain_cause=_label(raw.get("plain_cause"), f"{where}, plain_cause"),
            fix=_label(raw.get("fix"), f"{where}, fix"),
            log_patterns=patterns,
            rule_ids=_strings(raw.get("rule_ids"), f"{where}, rule_ids"),
            vendors=_strings(raw.get("vendors"), f"{where}, vendors"),
            sources=_strings(raw.get("sources"), f"{where}, sources"),
        ))
    questions = data.get("scoping_questions") or []
    if not isinstance(questions, list):
        raise TemplateError(f"{source}: scoping_questions must be a list.")
    return Template(
        symptom=symptom,
        title=_label(data.get("title"), f"{source}, title"),
        scoping_questions=tuple(_label(q, f"{source}, scoping question {n + 1}") for n, q in enumerate(questions)),
        items=tuple(items),
    )


@functools.cache
def load_templates() -> dict[str, Template]:
    """Every shipped template keyed by symptom; cached because the files never change at runtime."""
    templates: dict[str, Template] = {}
    for node in resource_files.iter_files("checklists", ".json"):
        name = node.name
        source = f"checklists/{name}"
        try:
            data = json.loads(node.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise TemplateError(f"{source} is not valid JSON ({exc}).") from exc
        template = parse_template(data, source)
        if f"{template.symptom}.json" != name:
            raise TemplateError(f"{source}: declares symptom {template.symptom!r}; the file name must match.")
        templates[template.symptom] = template
    return templates


def template_for(symptom: str | None) -> Template | None:
    """The template of ``symptom``, or ``None`` when no checklist applies (no symptom chosen yet)."""
    if not symptom:
        return None
    return load_templates().get(symptom)


def items_by_area(items: Iterable) -> dict[str, list]:
    """Group anything with an ``area`` attribute under the five areas, keeping walk order inside each."""
    grouped: dict[str, list] = {area.value: [] for area in Area}
    for item in items:
        grouped.setdefault(item.area, []).append(item)
    return grouped


@dataclass(frozen=True)
class Progress:
    decided: int
    total: int
    confirmed_causes: tuple[str, ...]

    @property
    def fraction(self) -> float:
        return self.decided / self.total if self.total else 0.0


def progress(entries: Sequence) -> Progress:
    """How far the walk got: entries need ``verdict`` and ``item_key``."""
    decided = [e for e in entries if e.verdict in DECIDED_VERDICTS]
    confirmed = tuple(e.item_key for e in entries if e.verdict == "confirmed")
    return Progress(decided=len(decided), total=len(entries), confirmed_causes=confirmed)


def next_unchecked(entries: Sequence, after_key: str | None = None):
    """The next entry in walk order without a decided verdict, wrapping round once; ``None`` when all are done."""
    ordered = sorted(entries, key=lambda e: e.position)
    start = 0
    if after_key is not None:
        start = next((n + 1 for n, e in enumerate(ordered) if e.item_key == after_key), 0)
    for entry in ordered[start:] + ordered[:start]:
        if entry.verdict not in DECIDED_VERDICTS:
            return entry
    return None


def rule_index(templates: Mapping[str, Template]) -> dict[str, list[tuple[str, str]]]:
    """Log rule id -> the (symptom, item key) pairs it is evidence for; used to turn findings into links."""
    index: dict[str, list[tuple[str, str]]] = {}
    for symptom, template in templates.items():
        for item in template.items:
            for rule_id in item.rule_ids:
                index.setdefault(rule_id, []).append((symptom, item.key))
    return index
