"""Best-practice cards: per SDK feature, what the team should know before answering about it.

A checklist item says what may have gone wrong; a card says how the feature is meant to be used: what only
this feature does, recommended use, pitfalls when starting, constraints. The starter set ships as data
(``resources/best_practices/cards.json``, English and Japanese). In a workspace each card becomes a
best-practice article the team can edit; its tags say which checklist items it explains
(``item:<symptom>/<item_key>``) and which starter card it came from (``card:<key>``), so a checklist item
finds the team's current wording first and the shipped one otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from cre_desk.core import kb, shipped_texts

ITEM_TAG = "item:"
CARD_TAG = "card:"



@dataclass(frozen=True)
class Card:
    key: str
    feature: str  # in_app_messages | push | events
    vendor: str   # "" when the card holds for every SDK
    title: dict[str, str]
    only_this: dict[str, str]
    recommended: dict[str, tuple[str, ...]]
    pitfalls: dict[str, tuple[str, ...]]
    constraints: dict[str, tuple[str, ...]]
    checklist_items: tuple[str, ...]  # "symptom/item_key"
    sources: tuple[str, ...]

    def body(self, language: str) -> str:
        """The card as an article body ("## " headings, "1. " lists), in ``language``."""
        def heading(key: str) -> str:
            return shipped_texts.text("best_practice_cards", key, language)

        parts = [f"## {heading('only_this')}\n{self.only_this[language]}"]
        for name in ("recommended", "pitfalls", "constraints"):
            lines = getattr(self, name)[language]
            if lines:
                numbered = "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
                parts.append(f"## {heading(name)}\n{numbered}")
        if self.sources:
            parts.append(f"## {heading('sources')}\n" + "\n".join(self.sources))
        return "\n\n".join(parts)

    def article_fields(self, owner: str = "") -> kb.ArticleFields:
        """The card as a reviewed best-practice article, tagged with what it explains."""
        tags = [f"{CARD_TAG}{self.key}", f"feature:{self.feature}", "team:cre", "kind:best_practice"]
        if self.vendor:
            tags.append(f"vendor:{self.vendor}")
        tags += [f"{ITEM_TAG}{item}" for item in self.checklist_items]
        return kb.ArticleFields(
            title_en=self.title["en"], title_ja=self.title["ja"], body_en=self.body("en"),
            body_ja=self.body("ja"), kind=kb.ArticleKind.BEST_PRACTICE, status=kb.ArticleStatus.REVIEWED,
            owner=owner, tags=tuple(tags))


def _texts(raw: dict, name: str) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(raw[name][lang]) for lang in ("en", "ja")}


@lru_cache(maxsize=1)
def starter_cards() -> tuple[Card, ...]:
    """The shipped starter set."""
    from cre_desk import resource_files

    data = resource_files.read_json("best_practices", "cards.json")
    return tuple(
        Card(key=raw["key"], feature=raw["feature"], vendor=raw.get("vendor", ""), title=dict(raw["title"]),
             only_this=dict(raw["only_this"]), recommended=_texts(raw, "recommended"),
             pitfalls=_texts(raw, "pitfalls"), constraints=_texts(raw, "constraints"),
             checklist_items=tuple(raw["checklist_items"]), sources=tuple(raw.get("sources", ())))
        for raw in data["cards"]
    )


def starter_for_item(symptom: str, item_key: str) -> list[Card]:
    """The shipped cards that explain one checklist item."""
    wanted = f"{symptom}/{item_key}"
    return [card for card in starter_cards() if wanted in card.checklist_items]


def explained_items(tags: Iterable[str]) -> tuple[str, ...]:
    """The checklist items ("symptom/item_key") an article's tags say it explains."""
    return tuple(t[len(ITEM_TAG):] for t in tags if t.startswith(ITEM_TAG))


def starter_key(tags: Iterable[str]) -> str:
    """The starter card an article came from ("" when written by the team)."""
    return next((t[len(CARD_TAG):] for t in tags if t.startswith(CARD_TAG)), "")
