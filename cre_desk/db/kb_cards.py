"""Best-practice cards in a workspace: installing the starter set and finding the cards of a checklist item.

Cards live as best-practice articles (see ``core.best_practices``) so the team edits, reviews and retires
them like any article. A checklist item shows the team's cards that name it; a shipped card the workspace
does not hold yet is shown from the starter set, so the link works before anyone installed anything, and
a card the team marked outdated is not brought back from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from cre_desk.core import best_practices, kb
from cre_desk.core.vocabulary import Verdict
from cre_desk.db.id_lists import any_of
from cre_desk.db.kb_service import KnowledgeService
from cre_desk.db.models import ChecklistItem


@dataclass(frozen=True)
class CardView:
    """A card to show: the team's article (``article_id``) or the shipped text (``article_id`` None)."""

    fields: kb.ArticleFields
    article_id: int | None = None


class CardBook:
    """The workspace's best-practice cards."""

    def __init__(self, knowledge: KnowledgeService) -> None:
        self.knowledge = knowledge

    def install_starter(self, *, owner: str = "") -> int:
        """Add the shipped cards the workspace does not hold yet (even as outdated); how many were added."""
        held = {best_practices.starter_key(a.fields.tags)
                for a in self.knowledge.list_articles(kind=kb.ArticleKind.BEST_PRACTICE)}
        added = 0
        for card in best_practices.starter_cards():
            if card.key not in held:
                self.knowledge.create_article(card.article_fields(owner))
                added += 1
        return added

    def for_article(self, article: kb.ArticleRecord) -> list[CardView]:
        """The cards an FAQ article explains a piece of: named on it ("card:KEY", "item:…" tags) or sharing a
        confirmed or suspected checklist item with a ticket it answers."""
        if article.fields.kind == kb.ArticleKind.BEST_PRACTICE:
            return []
        keys = {best_practices.starter_key([t]) for t in article.fields.tags} - {""}
        items = set(best_practices.explained_items(article.fields.tags))
        if article.fields.ticket_ids:
            with self.knowledge.db.read() as session:
                items.update(f"{symptom}/{key}" for symptom, key in session.execute(
                    select(ChecklistItem.symptom, ChecklistItem.item_key).where(
                        any_of(ChecklistItem.ticket_id, article.fields.ticket_ids),
                        ChecklistItem.verdict.in_([Verdict.CONFIRMED, Verdict.SUSPECTED]))))
        held: set[str] = set()
        out: list[CardView] = []
        for card in self.knowledge.list_articles(kind=kb.ArticleKind.BEST_PRACTICE):
            key = best_practices.starter_key(card.fields.tags)
            held.add(key)
            explains = set(best_practices.explained_items(card.fields.tags))
            if card.fields.status != kb.ArticleStatus.OUTDATED and (key in keys or explains & items):
                out.append(CardView(card.fields, card.id))
        out.sort(key=lambda view: view.article_id or 0)
        out += [CardView(card.article_fields()) for card in best_practices.starter_cards()
                if card.key not in held and (card.key in keys or set(card.checklist_items) & items)]
        return out

    def for_item(self, symptom: str, item_key: str, sdk: str = "") -> list[CardView]:
        """The cards that explain one checklist item: the team's first, then shipped ones not held yet.

        A card written for one vendor's SDK is left out on a ticket about another SDK (a Braze ticket is
        not helped by OneSignal's card); with no SDK known, every card is offered.
        """
        wanted = f"{symptom}/{item_key}"
        held: set[str] = set()
        out: list[CardView] = []
        for article in self.knowledge.list_articles(kind=kb.ArticleKind.BEST_PRACTICE):
            held.add(best_practices.starter_key(article.fields.tags))
            if article.fields.status == kb.ArticleStatus.OUTDATED:
                continue
            if wanted in best_practices.explained_items(article.fields.tags):
                out.append(CardView(article.fields, article.id))
        out.sort(key=lambda view: view.article_id or 0)
        out += [CardView(card.article_fields()) for card in best_practices.starter_for_item(symptom, item_key)
                if card.key not in held]
        return [view for view in out if _fits_sdk(view.fields.tags, sdk)]


def load_demo_knowledge(knowledge: KnowledgeService) -> tuple[int, int]:
    """The demo workspace's articles and the starter cards: (articles added, cards added)."""
    return knowledge.load_demo_articles(), CardBook(knowledge).install_starter(owner="CRE Desk demo")


def _fits_sdk(tags, sdk: str) -> bool:
    """Whether a card tagged ``vendor:X`` (or not tagged: every SDK) holds for a ticket about ``sdk``."""
    vendors = [tag.split(":", 1)[1].strip().lower() for tag in tags if tag.lower().startswith("vendor:")]
    wanted = sdk.strip().lower()
    return not vendors or not wanted or any(v and (v in wanted or wanted in v) for v in vendors)
