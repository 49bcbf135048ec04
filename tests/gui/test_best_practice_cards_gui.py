"""A checklist item links to the best-practice card of its feature, in English and Japanese."""

from __future__ import annotations

import os
from pathlib import Path

from ui_steps import japanese_window, open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.db.kb_cards import CardBook
from cre_desk.gui.tasks import wait_for_all

SHOTS = os.environ.get("CRE_DESK_SHOTS", "")


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def _open_item(qtbot, window, ctx, item_key: str):
    ticket = ctx.tickets.create_ticket(TicketFields(title="Push never arrives", symptom="push_not_delivered"))
    open_ticket(qtbot, window, ticket.id)
    window.pane.tabs.setCurrentIndex(1)
    view = window.pane.checklist
    entry = next(e for e in view.model.entries() if e.item_key == item_key)
    view._select(view.model.index_of(entry.id))
    return view


def test_a_checklist_item_opens_its_card_and_shows_the_teams_copy(qtbot, window, ctx):
    window.resize(1440, 900)
    view = _open_item(qtbot, window, ctx, "d_multiple_push_sdks")
    qtbot.waitUntil(lambda: len(view.cards.buttons) == 1)
    assert view.cards.buttons[0].text() == "Best practice: Android push through FCM"
    view.cards.buttons[0].click()
    dialog = view.cards.dialog
    assert dialog.title.text() == "Android push through FCM"
    assert "Pitfalls when starting" in dialog.body.toPlainText()
    assert dialog.origin.text().startswith("Shipped with CRE Desk")
    _shot(window, "checklist_card_link_en.png")
    _shot(dialog, "card_en.png")
    dialog.close()

    CardBook(ctx.knowledge).install_starter(owner="aki")
    entry = next(e for e in view.model.entries() if e.item_key == "e_force_stop")
    view._select(view.model.index_of(entry.id))
    qtbot.waitUntil(lambda: len(view.cards.buttons) == 1 and view.cards.buttons[0].isVisible())
    view.cards.buttons[0].click()
    assert view.cards.dialog.origin.text().startswith("The team's card: article #")
    view.cards.dialog.close()
    other = next(e for e in view.model.entries() if e.item_key == "c_trigger_not_fired_wrong_id")
    view._select(view.model.index_of(other.id))
    qtbot.waitUntil(lambda: not view.cards.isVisibleTo(view))  # no card explains this one
    wait_for_all()


def test_the_card_in_japanese(qtbot, qapp, ctx, dialogs):
    with japanese_window(qtbot, qapp, ctx) as window:
        view = _open_item(qtbot, window, ctx, "d_apns_environment_topic_mismatch")
        qtbot.waitUntil(lambda: len(view.cards.buttons) == 1)
        assert view.cards.buttons[0].text() == "ベストプラクティス: APNs による iOS プッシュ通知"
        view.cards.buttons[0].click()
        dialog = view.cards.dialog
        assert "使い始めの落とし穴" in dialog.body.toPlainText()
        assert dialog.windowTitle() == "ベストプラクティス"
        _shot(window, "checklist_card_link_ja.png")
        _shot(dialog, "card_ja.png")
        dialog.close()


def test_an_article_links_the_card_it_explains(qtbot, window, ctx):
    from cre_desk.core import kb

    ctx.knowledge.create_article(kb.ArticleFields(
        title_en="Test pushes fail on TestFlight builds", status="published",
        body_en="## Fix\nUse the production APNs environment for TestFlight builds.",
        tags=("card:ios_push_apns",)))
    window.show_articles()
    articles = window.tool_windows.articles
    qtbot.waitUntil(lambda: articles.current is not None)
    qtbot.waitUntil(lambda: len(articles.cards.buttons) == 1)
    assert articles.cards.buttons[0].text() == "Best practice: iOS push through APNs"
    articles.cards.buttons[0].click()
    assert "BadDeviceToken" in articles.cards.dialog.body.toPlainText()
    articles.resize(1280, 800)
    _shot(articles, "article_card_link_en.png")
    articles.cards.dialog.close()
    wait_for_all()
