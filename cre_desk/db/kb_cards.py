"""Best-practice cards in a workspace: installing the starter set and finding the cards of a checklist item.

Cards live as best-practice articles (see ``core.best_practices``) so the team edits, reviews and retires
them like any article. A checklist item shows the team's cards that name it; a shipped card the workspace
does not hold yet is shown from the starter set, so the link works before anyone installed anything, and
a card the team marked outdated is not brought back from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cre_desk.core import best_practices, kb
from cre_desk.db.kb_service import KnowledgeService


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

    def for_item(self, symptom: str, item_key: str) -> list[CardView]:
        """The cards that explain one checklist item: the team's first, then shipped ones not held yet."""
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
        return out


def load_demo_knowledge(knowledge: KnowledgeService) -> tuple[int, int]:
    """The demo workspace's articles and the starter cards: (articles added, cards added)."""
    return knowledge.load_demo_articles(), CardBook(knowledge).install_starter(owner="CRE Desk demo")
