"""Best-practice cards in a workspace: starter set, the team's edits, and what a checklist item shows."""

from __future__ import annotations

from cre_desk.core import best_practices, kb
from cre_desk.db.kb_cards import CardBook
from cre_desk.db.kb_service import KnowledgeService


def test_a_checklist_item_shows_the_shipped_card_then_the_teams_copy(database):
    knowledge = KnowledgeService(database)
    book = CardBook(knowledge)
    shown = book.for_item("push_not_delivered", "d_multiple_push_sdks")
    assert [v.fields.title_en for v in shown] == ["Android push through FCM"] and shown[0].article_id is None
    assert book.for_item("iam_not_shown", "no_such_item") == []

    assert book.install_starter(owner="aki") == len(best_practices.starter_cards())
    assert book.install_starter() == 0                  # installed once, never duplicated
    shown = book.for_item("push_not_delivered", "d_multiple_push_sdks")
    assert len(shown) == 1 and shown[0].article_id is not None

    card = knowledge.get_article(shown[0].article_id)
    edited = kb.ArticleFields(**{**card.fields.__dict__, "body_en": card.fields.body_en + "\n\nTeam note."})
    knowledge.update_article(card.id, edited, expected_version=card.version)
    shown = book.for_item("push_not_delivered", "d_multiple_push_sdks")
    assert shown[0].fields.body_en.endswith("Team note.")

    retired = kb.ArticleFields(**{**edited.__dict__, "status": kb.ArticleStatus.OUTDATED})
    knowledge.update_article(card.id, retired, expected_version=card.version + 1)
    assert book.for_item("push_not_delivered", "d_multiple_push_sdks") == []  # not brought back from the set
    assert book.install_starter() == 0

    own = knowledge.create_article(kb.ArticleFields(
        title_en="Our own push card", kind=kb.ArticleKind.BEST_PRACTICE, status=kb.ArticleStatus.REVIEWED,
        tags=("item:push_not_delivered/d_multiple_push_sdks",)))
    assert [v.article_id for v in book.for_item("push_not_delivered", "d_multiple_push_sdks")] == [own.id]


def test_cre_desk_demo_loads_articles_and_cards_headless(tmp_path, capsys):
    from cre_desk import cli
    from cre_desk.config import default_paths
    from cre_desk.core import kb
    from cre_desk.db.workspace import open_workspace

    home = tmp_path / "home"
    assert cli.main(["--home", str(home), "demo", "--no-feedback"]) == 0
    out = capsys.readouterr().out
    assert f"and {len(best_practices.starter_cards())} best-practice card(s)" in out
    ws = open_workspace(default_paths(home))
    try:
        knowledge = KnowledgeService(ws.db)
        published = knowledge.list_articles(status=kb.ArticleStatus.PUBLISHED)
        cards = knowledge.list_articles(kind=kb.ArticleKind.BEST_PRACTICE)
        assert published and len(cards) > len(best_practices.starter_cards())  # the demo's own card too
    finally:
        ws.close()
    assert cli.main(["--home", str(home), "demo", "--no-feedback"]) == 0
    assert "Added 0 demo article(s) and 0 best-practice card(s)." in capsys.readouterr().out


def test_an_faq_article_links_the_cards_of_what_its_tickets_confirmed(database, service):
    from cre_desk.core.tickets import TicketFields
    from cre_desk.core.vocabulary import Verdict
    from cre_desk.db.models import ChecklistItem

    knowledge = KnowledgeService(database)
    book = CardBook(knowledge)
    ticket = service.create_ticket(TicketFields(title="No push on Xiaomi", symptom="push_not_delivered"))
    with database.write() as session:   # the verdict the engineer recorded on the real checklist item
        session.add(ChecklistItem(ticket_id=ticket.id, symptom="push_not_delivered",
                                  item_key="e_force_stop", area="E", position=99, verdict=Verdict.CONFIRMED))
    faq = knowledge.create_article(kb.ArticleFields(title_en="Push on Xiaomi", ticket_ids=(ticket.id,)))
    assert [v.fields.title_en for v in book.for_article(faq)] == ["Android push through FCM"]
    named = knowledge.create_article(kb.ArticleFields(title_en="Topic mismatch",
                                                      tags=("card:ios_push_apns",)))
    assert [v.fields.title_en for v in book.for_article(named)] == ["iOS push through APNs"]
    assert book.for_article(knowledge.create_article(kb.ArticleFields(title_en="Unrelated"))) == []
    book.install_starter()
    views = book.for_article(faq)
    assert len(views) == 1 and views[0].article_id is not None          # the team's copy once installed
    assert book.for_article(knowledge.get_article(views[0].article_id)) == []  # a card links no card


def test_a_card_written_for_one_sdk_is_not_offered_on_a_ticket_about_another(database):
    book = CardBook(KnowledgeService(database))
    item = ("iam_not_shown", "b_user_not_in_segment")           # explained by OneSignal's card only
    assert [v.fields.title_en for v in book.for_item(*item)] == ["OneSignal in-app messages"]
    assert [v.fields.title_en for v in book.for_item(*item, sdk="OneSignal")] == ["OneSignal in-app messages"]
    assert book.for_item(*item, sdk="Braze") == []
    both = ("iam_not_shown", "d_rate_limit_interval")             # Braze's and Firebase's cards
    shown = [v.fields.title_en for v in book.for_item(*both, sdk="Braze")]
    assert shown == ["Braze triggered in-app messages"]
    assert len(book.for_item("push_not_delivered", "e_force_stop", sdk="Braze")) == 1  # for every SDK
    book.install_starter()                                        # the team's copies follow the same rule
    assert book.for_item(*item, sdk="Braze") == []
    assert len(book.for_item(*item, sdk="onesignal")) == 1
