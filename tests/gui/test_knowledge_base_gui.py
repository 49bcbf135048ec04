"""The similar-tickets side panel and the Articles window, driven as an engineer would."""

from __future__ import annotations

import os
from pathlib import Path

from ui_steps import japanese_window, open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core import kb, replies, reply_render
from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Status
from cre_desk.gui.tasks import wait_for_all

SHOTS = os.environ.get("CRE_DESK_SHOTS", "")


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def _row_fits(view, row: int) -> bool:
    """Whether the row is tall enough for its text wrapped as the view paints it (nothing cut off).

    Painted lines all take the tallest line's height (a Latin-only line under Japanese ones too)."""
    from PySide6.QtGui import QTextLayout, QTextOption

    index = view.model().index(row, 0)
    rect = view.visualRect(index)
    layout = QTextLayout(index.data().replace("\n", "\u2028"), view.font())   # as item views lay it out
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    heights = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(rect.width() - 6)   # the item's text margins
        heights.append(line.height())
    layout.endLayout()
    return rect.height() >= int(len(heights) * max(heights))


def _resolved(ctx, title, body, cause, fix):
    t = ctx.tickets.create_ticket(
        TicketFields(
            title=title,
            symptom="push_not_delivered",
            platform="android",
            sdk_name="Braze",
            sdk_version="30.1.0",
        ),
        status=Status.OPEN,
    )
    ctx.tickets.add_message(t.id, body, author_name="Customer", from_customer=True)
    reply = replies.Reply(summary="Push did not arrive.", cause=cause, fix=fix)
    ctx.tickets.record_sent_reply(t.id, reply_render.render_plain(reply, "en"), language="en",
                                  audience="marketer")
    ctx.tickets.change_status(t.id, Status.SOLVED)
    return t.id


def _workspace(ctx):
    first = _resolved(
        ctx,
        "Push notifications not delivered on Android 13",
        "Since targeting Android 13 our push notifications are not delivered; no permission prompt.",
        "Android 13 needs the notification permission; the app never asked for it.",
        "Request POST_NOTIFICATIONS at a moment the user understands, then register the token.",
    )
    _resolved(
        ctx,
        "Android 13 devices get no push",
        "Android 13 phones receive no push notification at all.",
        "The notification permission was never requested.",
        "Ask for the notification permission.",
    )
    ctx.knowledge.create_article(
        kb.ArticleFields(
            title_en="Push on Android 13 needs the notification permission",
            status="published",
            title_ja="Android 13 ではプッシュ通知の許可が必要です",
            body_en="## Question\nPush is not delivered on Android 13.\n\n## Fix\nRequest the notification "
            "permission before the first push.",
            ticket_ids=(first,),
        )
    )
    new = ctx.tickets.create_ticket(
        TicketFields(title="Push not delivered after Android 13 update", symptom="push_not_delivered")
    )
    ctx.tickets.add_message(
        new.id, "Our Android 13 users no longer get push notifications.", from_customer=True
    )
    return first, new.id


def test_side_panel_lists_look_alikes_with_why_and_fills_the_reply(qtbot, window, ctx):
    first, new = _workspace(ctx)
    window.resize(1440, 900)
    open_ticket(qtbot, window, new)
    panel = window.pane.similar
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 3)
    rows = [panel.model.suggestion(i) for i in range(panel.model.rowCount())]
    assert rows[0].kind == "article"
    assert {r.ref_id for r in rows if r.kind == "ticket"} >= {first}
    shown = panel.model.data(panel.model.index(0))
    assert "Article #" in shown and "similar words" in shown or "answers look-alike ticket" in shown
    assert not panel.faq_button.isEnabled()  # an open ticket has no final answer yet
    _shot(window, "side_panel_en.png")

    panel.view.setCurrentIndex(panel.model.index(0))
    panel.use_selected()
    composer = window.pane.reply
    qtbot.waitUntil(lambda: "notification permission" in composer.editors["fix"].toPlainText())
    assert window.pane.tabs.currentWidget() is composer
    ticket_row = next(i for i, r in enumerate(rows) if r.kind == "ticket" and r.ref_id == first)
    panel.view.setCurrentIndex(panel.model.index(ticket_row))
    panel.use_selected()
    qtbot.waitUntil(lambda: "never asked for it" in composer.editors["cause"].toPlainText())
    assert "POST_NOTIFICATIONS" in composer.editors["fix"].toPlainText()
    wait_for_all()
    health = {h.article_id: h for h in ctx.knowledge.faq_health()}
    assert [(h.suggested, h.inserted) for h in health.values()] == [(1, 1)]


def test_make_faq_then_edit_it_in_the_articles_window(qtbot, window, ctx, dialogs):
    first, _new = _workspace(ctx)
    window.pane.show_ticket(first)  # solved tickets are not in the default queue view
    qtbot.waitUntil(lambda: window.pane.ticket is not None and window.pane.ticket.id == first)
    panel = window.pane.similar
    assert panel.faq_button.isEnabled()
    created = []
    panel.article_created.connect(created.append)
    panel.make_faq()
    qtbot.waitUntil(lambda: bool(created))
    window.show_articles()
    articles = window.tool_windows.articles
    qtbot.waitUntil(lambda: articles.list_model.rowCount() == 2)
    row = next(i for i, (a, _c) in enumerate(articles.list_model.rows) if a.id == created[0])
    articles.list_view.selectRow(row)
    qtbot.waitUntil(lambda: articles.current is not None and articles.current.id == created[0])
    assert "## Question" in articles.body_en.toPlainText() and "## ご質問" in articles.body_ja.toPlainText()
    assert articles.status.currentData() == "draft"
    articles.resize(1280, 800)
    _shot(articles, "articles_window_en.png")
    articles.status.setCurrentIndex(articles.status.findData("reviewed"))
    articles.owner.setText("Aki Sato")
    articles.tickets.setText("abc")
    articles.save()
    assert dialogs.shown and "ticket numbers" in dialogs.shown[-1][1]
    articles.tickets.setText(f"#{first}")
    articles.save()
    qtbot.waitUntil(lambda: ctx.knowledge.get_article(created[0]).fields.status == "reviewed")
    saved = ctx.knowledge.get_article(created[0])
    assert saved.fields.owner == "Aki Sato" and saved.fields.ticket_ids == (first,)
    articles.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: articles.health_model.rowCount() == 2)
    articles.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: articles.tabs.currentIndex() == 1)
    wait_for_all()


def test_a_teammates_save_keeps_my_article_text(qtbot, window, ctx):
    _workspace(ctx)
    window.show_articles()
    articles = window.tool_windows.articles
    qtbot.waitUntil(lambda: articles.current is not None)
    mine = articles.current
    ctx.knowledge.update_article(
        mine.id, kb.ArticleFields(**{**mine.fields.__dict__, "owner": "Ken"}), expected_version=mine.version
    )
    articles.body_en.setPlainText("My better text")
    articles.save()
    qtbot.waitUntil(lambda: "teammate" in articles.state.text())
    assert articles.body_en.toPlainText() == "My better text"
    articles.save()
    qtbot.waitUntil(lambda: ctx.knowledge.get_article(mine.id).fields.body_en == "My better text")


def test_panel_and_articles_window_in_japanese(qtbot, qapp, ctx, dialogs):
    with japanese_window(qtbot, qapp, ctx) as window:
        ja = ctx.tickets.create_ticket(
            TicketFields(title="Android 13でプッシュ通知が届かない", symptom="push_not_delivered"),
            status=Status.OPEN,
        )
        ctx.tickets.add_message(ja.id, "Android 13の端末でプッシュ通知が届きません。通知許可が出ません。")
        ctx.tickets.change_status(ja.id, Status.SOLVED)
        new = ctx.tickets.create_ticket(
            TicketFields(title="プッシュ通知が届きません（Android 13）", symptom="push_not_delivered")
        )
        ctx.tickets.add_message(new.id, "targetSdkを33にしてからプッシュ通知が届かなくなりました。")
        ctx.knowledge.create_article(
            kb.ArticleFields(
                title_en="Push on Android 13",
                title_ja="Android 13 ではプッシュ通知の許可が必要です",
                status="reviewed",
                body_ja="## 対応方法\n最初の通知の前に通知許可を求めてください。",
                ticket_ids=(ja.id,),
            )
        )
        open_ticket(qtbot, window, new.id)
        panel = window.pane.similar
        qtbot.waitUntil(lambda: panel.model.rowCount() >= 2)
        assert panel.title.text() == "類似チケットと記事"
        assert "似た語" in panel.model.data(panel.model.index(1)) or "類似チケット" in panel.model.data(
            panel.model.index(0)
        )
        qtbot.waitUntil(lambda: all(_row_fits(panel.view, i) for i in range(panel.model.rowCount())))
        _shot(window, "side_panel_ja.png")
        from cre_desk.integrations import accounts

        accounts.save_account(ctx.settings, accounts.Account(id="intercom-main", provider="intercom",
                                                             base_url="http://127.0.0.1:9"), "token")
        window.show_articles()
        articles = window.tool_windows.articles
        qtbot.waitUntil(lambda: articles.current is not None)
        assert articles.tabs.tabText(1) == "FAQ 候補"
        qtbot.waitUntil(lambda: articles.intercom.label.text() != "", timeout=10000)
        assert articles.intercom.label.text() == "Intercom にはまだありません"
        assert articles.intercom.button.text() == "Intercom に保存(&I)…"
        articles.resize(1280, 800)
        _shot(articles, "articles_window_ja.png")


def test_an_analysed_log_makes_tickets_with_the_same_findings_look_alike(qtbot, window, ctx):
    demo = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs"
    demo = demo / "braze-android-iam-failing.log"
    earlier = ctx.tickets.create_ticket(TicketFields(title="Banner missing", symptom="iam_not_shown"))
    ctx.tickets.attach_file(earlier.id, demo)
    ctx.tickets.change_status(earlier.id, Status.SOLVED)
    now = ctx.tickets.create_ticket(TicketFields(title="Coupon popup absent", symptom="iam_not_shown"))
    ctx.tickets.attach_file(now.id, demo)
    for ticket_id in (earlier.id, now.id):
        window.pane.show_ticket(ticket_id)
        qtbot.waitUntil(lambda t=ticket_id: window.pane.ticket is not None and window.pane.ticket.id == t)
        window.show_tab(3)
        logs = window.pane.logs
        qtbot.waitUntil(lambda lg=logs: lg.analysis is not None, timeout=10000)
        wait_for_all()
    found = ctx.knowledge.suggest(now.id, record=False)
    assert [s.ref_id for s in found] == [earlier.id]
    assert "BRZ-04" in next(r for r in found[0].reasons if r.kind == "findings").items


def test_save_to_zendesk_guide_asks_first_and_shows_when_guide_changed(qtbot, window, ctx, dialogs,
                                                                       monkeypatch):
    from cre_desk.gui.guide_publish import GuidePublisher
    from cre_desk.integrations import accounts
    from tests.integrations.test_help_center import EMAIL, TOKEN, FakeGuide

    server = FakeGuide()
    try:
        account = accounts.Account(id="zendesk-acme", provider="zendesk", subdomain="acme", email=EMAIL,
                                   base_url=server.url)
        accounts.save_account(ctx.settings, account, TOKEN)
        _workspace(ctx)
        monkeypatch.setattr(GuidePublisher, "ask_guide_target", classmethod(lambda cls, parent, prev: (7, 5)))
        window.show_articles()
        articles = window.tool_windows.articles
        qtbot.waitUntil(lambda: articles.current is not None)
        assert articles.guide.label.text() == "Not in Zendesk Guide yet"
        dialogs.answers["confirm"] = False
        articles.guide.save()
        assert server.requests == []                        # nothing is sent without the user's yes
        dialogs.answers["confirm"] = True
        articles.guide.save()
        qtbot.waitUntil(lambda: articles.guide.label.text().startswith("Draft in Zendesk Guide: https://"))
        remote_id = int(articles.current.remote_id)
        server.translations[(remote_id, "en-us")]["body"] = "edited in Guide"
        server.articles[remote_id]["edited_at"] = server.edited()
        dialogs.answers["confirm"] = False                  # first yes to update, then no to replacing
        confirms = iter([True, False])
        monkeypatch.setattr("cre_desk.gui.messages.confirm", lambda parent, text, title="": next(confirms))
        articles.guide.save()
        qtbot.waitUntil(
            lambda: articles.guide.label.text().startswith("Edited in Zendesk Guide since saved here"))
        assert server.translations[(remote_id, "en-us")]["body"] == "edited in Guide"
        wait_for_all()
    finally:
        server.close()


def test_save_to_intercom_asks_first_shows_the_copy_and_an_edit_made_there(qtbot, window, ctx, dialogs,
                                                                          monkeypatch):
    from cre_desk.gui.intercom_publish import IntercomPublisher
    from cre_desk.integrations import accounts
    from tests.integrations.test_intercom_articles import TOKEN as INTERCOM_TOKEN
    from tests.integrations.test_intercom_articles import FakeIntercom

    server = FakeIntercom()
    try:
        accounts.save_account(ctx.settings, accounts.Account(id="intercom-main", provider="intercom",
                                                             base_url=server.url), INTERCOM_TOKEN)
        _workspace(ctx)
        monkeypatch.setattr(IntercomPublisher, "ask_collection", staticmethod(lambda parent, previous: 145))
        window.show_articles()
        articles = window.tool_windows.articles
        qtbot.waitUntil(lambda: articles.current is not None)
        publisher = articles.intercom
        assert publisher.button.isVisibleTo(articles)
        qtbot.waitUntil(lambda: publisher.label.text() == "Not in Intercom yet")
        dialogs.answers["confirm"] = False
        publisher.save()
        assert server.requests == []                        # nothing is sent without the user's yes
        dialogs.answers["confirm"] = True
        publisher.save()
        qtbot.waitUntil(lambda: publisher.label.text() == "In Intercom: article 9001")
        articles.resize(1280, 800)
        _shot(articles, "articles_intercom_en.png")
        assert server.articles["9001"]["state"] == "draft" and server.articles["9001"]["parent_id"] == 145
        server.articles["9001"]["body"] = "<p>edited in Intercom</p>"
        server.articles["9001"]["updated_at"] = server.tick()
        articles.show_article(articles.current)             # opening it again checks Intercom
        qtbot.waitUntil(lambda: publisher.label.text().startswith("Edited in Intercom since saved here"))
        confirms = iter([True, False])                      # yes to update, then no to replacing their edit
        monkeypatch.setattr("cre_desk.gui.messages.confirm", lambda parent, text, title="": next(confirms))
        publisher.save()
        qtbot.waitUntil(lambda: publisher.label.text() == "Edited in Intercom since saved here")
        assert server.articles["9001"]["body"] == "<p>edited in Intercom</p>"
        wait_for_all()
    finally:
        server.close()


def test_the_demo_workspace_has_articles_the_panel_suggests(qtbot, window, ctx):
    from cre_desk.core.best_practices import starter_cards

    expected = 3 + len(starter_cards())                  # the demo's articles and the starter cards
    window.load_demo()   # with a year of product-feedback tickets it takes several seconds
    qtbot.waitUntil(lambda: len(ctx.knowledge.list_articles()) == expected, timeout=60000)
    wait_for_all(60000)
    window.load_demo()                                   # loading twice adds nothing
    wait_for_all(60000)
    assert len(ctx.knowledge.list_articles()) == expected
    coupon = next(s for s in ctx.tickets.list_queue() if s.title.startswith("Coupon in-app message"))
    assert ctx.knowledge.list_articles(status="published")[-1].fields.ticket_ids == (coupon.id,)
    open_ticket(qtbot, window, coupon.id)
    panel = window.pane.similar
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 1, timeout=10000)
    first = panel.model.suggestion(0)
    assert first.kind == "article" and "in-app message manager" in first.title
