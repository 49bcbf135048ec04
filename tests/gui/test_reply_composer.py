"""The Reply tab: a draft from the investigation, edited, checked for jargon, copied, and never lost."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.gui.tasks import wait_for_all

ROOT = Path(__file__).resolve().parents[2]


def _ticket(ctx, **kw):
    fields = TicketFields(title="Coupon not shown", symptom="iam_not_shown", requester_name="Mika Tanaka",
                          requester_role="marketer", goal="Show a coupon right after the first purchase.",
                          sdk_name="Braze", sdk_version="30.4.0", **kw)
    ticket = ctx.tickets.create_ticket(fields, actor="aki")
    item = next(e for e in ticket.checklist if e.item_key == "d_display_manager_not_registered")
    ctx.tickets.set_verdict(item.id, verdict="confirmed", evidence="BRZ-04 at line 13",
                            expected_version=item.version)
    return ticket


def _open_reply(qtbot, window, ticket_id):
    open_ticket(qtbot, window, ticket_id)
    window.show_tab(4)
    composer = window.pane.reply
    qtbot.waitUntil(lambda: composer.editors["cause"].toPlainText() != "")
    return composer


def test_marketer_draft_is_plain_and_hands_details_to_the_developer(qtbot, window, ctx):
    composer = _open_reply(qtbot, window, _ticket(ctx).id)
    assert composer.audience.currentData() == "marketer"
    summary = composer.editors["summary"].toPlainText()
    assert "coupon" in summary.lower()
    assert "nowhere to show it" in composer.editors["cause"].toPlainText()
    assert not composer.boxes["developer_block"].isHidden()
    assert "Display manager" in composer.editors["developer_block"].toPlainText()
    preview = composer.preview.toPlainText()
    assert preview.startswith("Hello Mika Tanaka") and "For your developer" in preview


def test_switching_to_an_engineer_or_japanese_redrafts_untouched_parts_and_keeps_edits(qtbot, window, ctx):
    composer = _open_reply(qtbot, window, _ticket(ctx).id)
    composer.editors["summary"].setPlainText("My own summary.")
    composer.audience.setCurrentIndex(composer.audience.findData("engineer"))
    composer.audience.activated.emit(composer.audience.currentIndex())
    qtbot.waitUntil(lambda: "Kept your edits in: Summary" in composer.state.text())
    assert composer.editors["summary"].toPlainText() == "My own summary."
    assert composer.boxes["developer_block"].isHidden()
    composer.language.setCurrentIndex(composer.language.findData("ja"))
    composer.language.activated.emit(composer.language.currentIndex())
    qtbot.waitUntil(lambda: "。" in composer.editors["cause"].toPlainText())
    assert "概要" in composer.preview.toPlainText()


def test_jargon_is_flagged_for_marketers(qtbot, window, ctx):
    composer = _open_reply(qtbot, window, _ticket(ctx).id)
    composer.editors["cause"].setPlainText("The BrazeInAppMessageManager never got changeUser() before the FCM token.")
    composer._update_checks()
    flagged = [composer.issues_model.item(r).text() for r in range(composer.issues_model.rowCount())]
    assert any("BrazeInAppMessageManager" in f for f in flagged)
    assert any("changeUser" in f for f in flagged)
    assert any("FCM token" in f for f in flagged)
    assert composer.editors["cause"].extraSelections()


def test_copy_puts_plain_markdown_and_escaped_html_on_the_clipboard(qtbot, window, ctx, dialogs):
    dialogs.answers["confirm"] = True   # the draft quotes the checklist evidence, a private note
    composer = _open_reply(qtbot, window, _ticket(ctx).id)
    composer.editors["summary"].setPlainText("<script>alert(1)</script> summary")
    composer.copy_reply()
    mime = QApplication.clipboard().mimeData()
    assert mime.text().startswith("Hello Mika Tanaka")
    assert "## " in bytes(mime.data("text/markdown")).decode()
    html = bytes(mime.data("text/html")).decode()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_mark_as_sent_keeps_history_and_starts_the_first_response_clock(qtbot, window, ctx, tmp_path,
                                                                       dialogs):
    dialogs.answers["confirm"] = True   # the draft quotes the checklist evidence, a private note
    ticket = _ticket(ctx)
    composer = _open_reply(qtbot, window, ticket.id)
    composer.write_file(tmp_path / "reply.md")
    assert (tmp_path / "reply.md").read_text(encoding="utf-8").startswith("Hello")
    composer.mark_sent()
    wait_for_all()
    qtbot.waitUntil(lambda: composer.history_model.rowCount() == 1)
    detail = ctx.tickets.get_ticket(ticket.id)
    assert detail.first_response_at is not None
    assert ctx.tickets.list_sent_replies(ticket.id)[0].body.startswith("Hello Mika Tanaka")


def test_a_draft_survives_the_app_being_killed_right_after_typing(tmp_path):
    """RELIABILITY D-8: type, wait past the 1.5 s autosave, SIGKILL, restart: the text is there."""
    home = tmp_path / "home"
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from cre_desk.config import Settings, default_paths
        from cre_desk.core.tickets import TicketFields
        from cre_desk.db.workspace import open_workspace
        from cre_desk.gui.context import AppContext
        from cre_desk.gui.main_window import MainWindow
        app = QApplication([])
        ws = open_workspace(default_paths(Path({str(home)!r})))
        ticket = ws.tickets.create_ticket(TicketFields(title="Push not delivered", symptom="push_not_delivered"))
        ctx = AppContext(ws, Settings(user_name="Aki"), ws.paths)
        window = MainWindow(); window.attach_workspace(ctx); window.show()
        def spin(cond, limit=20):
            end = time.time() + limit
            while not cond() and time.time() < end:
                app.processEvents(); time.sleep(0.01)
        window.queue.reload()
        spin(lambda: window.queue.model.row_of(ticket.id) >= 0)
        window.queue.select_ticket(ticket.id)
        spin(lambda: window.pane.ticket is not None)
        composer = window.pane.reply
        spin(lambda: composer.editors["summary"].toPlainText() != "")
        composer.editors["summary"].setPlainText("Typed just before the crash")
        spin(lambda: False, 2.5)
        print("typed", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                            cwd=ROOT)
    assert "typed" in result.stdout, result.stderr[-2000:]
    assert result.returncode == -9
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(home))
    try:
        ticket = ws.tickets.list_queue()[0]
        assert ws.tickets.get_draft(ticket.id).summary == "Typed just before the crash"
    finally:
        ws.close()


def _unconfirmed_ticket(ctx, **kw):
    fields = TicketFields(title="Coupon not shown", symptom="iam_not_shown", requester_name="Mika Tanaka",
                          requester_role="marketer", goal="Show a coupon right after the first purchase.",
                          sdk_name="Braze", sdk_version="30.4.0", **kw)
    return ctx.tickets.create_ticket(fields, actor="aki")


def _confirm_with_alt3(qtbot, window, item_key):
    """On the Checklist tab, pick a cause and press Alt+3 (confirmed), as an engineer does."""
    from PySide6.QtCore import Qt

    from cre_desk.gui.checklist_model import ENTRY_ROLE

    window.pane.tabs.setCurrentIndex(1)
    view = window.pane.checklist
    model = view.tree.model()

    def find(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            entry = index.data(ENTRY_ROLE)
            if entry is not None and entry.item_key == item_key:
                return index
            found = find(index)
            if found is not None:
                return found
        return None

    view.tree.setCurrentIndex(find(view.tree.rootIndex()))
    button = next(b for b in view.verdict_buttons.buttons() if b.property("verdict") == "confirmed")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("language, before, after", [
    ("en", "We have not found the cause yet", "nowhere to show it"),
    ("ja", "原因の特定に至っておらず", "表示"),
])
def test_the_draft_follows_a_cause_confirmed_after_it_was_drafted(qtbot, window, ctx, language, before, after):
    """Confirming a cause on the Checklist tab rewrites the untouched parts of the draft at once and says
    so; the summary the engineer wrote stays."""
    ticket = _unconfirmed_ticket(ctx)
    composer = _open_reply(qtbot, window, ticket.id)
    composer.language.setCurrentIndex(composer.language.findData(language))
    composer.language.activated.emit(composer.language.currentIndex())
    qtbot.waitUntil(lambda: before in composer.editors["cause"].toPlainText())
    composer.editors["summary"].setPlainText("My own summary.")
    _confirm_with_alt3(qtbot, window, "d_display_manager_not_registered")
    window.show_tab(4)
    qtbot.waitUntil(lambda: before not in composer.editors["cause"].toPlainText(), timeout=5000)
    assert after in composer.editors["cause"].toPlainText()
    assert composer.editors["summary"].toPlainText() == "My own summary."
    assert "Cause" in composer.state.text() and "Kept your edits in: Summary" in composer.state.text()
    # The followed draft is saved like typing is: reopening the ticket shows it.
    qtbot.waitUntil(lambda: (d := ctx.tickets.get_draft(ticket.id)) is not None and before not in d.cause
                    and d.summary == "My own summary.", timeout=5000)


def test_a_restored_draft_catches_up_with_verdicts_set_since_it_was_saved(qtbot, window, ctx):
    ticket = _unconfirmed_ticket(ctx)
    composer = _open_reply(qtbot, window, ticket.id)
    composer.save_draft(force=True)
    qtbot.waitUntil(lambda: ctx.tickets.get_draft(ticket.id) is not None)
    other = _unconfirmed_ticket(ctx)
    open_ticket(qtbot, window, other.id)
    item = next(e for e in ctx.tickets.get_ticket(ticket.id).checklist
                if e.item_key == "d_display_manager_not_registered")
    ctx.tickets.set_verdict(item.id, verdict="confirmed", evidence="", expected_version=item.version)
    open_ticket(qtbot, window, ticket.id)
    qtbot.waitUntil(lambda: "nowhere to show it" in composer.editors["cause"].toPlainText(), timeout=5000)
    assert "Draft restored" in composer.state.text() and "rewritten" in composer.state.text()


def test_an_emptied_part_comes_back_with_a_new_draft(qtbot, window, ctx):
    composer = _open_reply(qtbot, window, _ticket(ctx).id)
    original = composer.editors["fix"].toPlainText()
    composer.editors["fix"].setPlainText("")
    composer.regenerate.click()
    qtbot.waitUntil(lambda: composer.editors["fix"].toPlainText() == original)


def test_after_a_language_switch_edited_parts_are_named_and_can_be_redrafted(qtbot, window, ctx):
    composer = _open_reply(qtbot, window, _ticket(ctx).id)
    composer.editors["summary"].setPlainText("My own summary.")
    composer.language.setCurrentIndex(composer.language.findData("ja"))
    composer.language.activated.emit(composer.language.currentIndex())
    qtbot.waitUntil(lambda: "other language: Summary" in composer.state.text())
    assert composer.editors["summary"].toPlainText() == "My own summary."
    assert composer.redraft_kept.isVisible()
    composer.redraft_kept.click()
    assert composer.editors["summary"].toPlainText() != "My own summary."
    assert "。" in composer.editors["summary"].toPlainText()
    assert not composer.redraft_kept.isVisible()


def test_the_draft_is_in_the_customers_language_whatever_the_interface_and_a_switch_sticks(
        qtbot, window, ctx):
    japanese = _ticket(ctx, asked="アプリを開いたときに表示するキャンペーンの2つ目が表示されません。")
    english = _ticket(ctx, asked="The coupon never shows after the first purchase.")
    composer = _open_reply(qtbot, window, japanese.id)            # an English interface
    assert composer.language.currentData() == "ja"
    assert "。" in composer.editors["cause"].toPlainText()

    composer.language.setCurrentIndex(composer.language.findData("en"))
    composer.language.activated.emit(composer.language.currentIndex())
    qtbot.waitUntil(lambda: "。" not in composer.editors["cause"].toPlainText())
    window.pane.reply.flush()
    wait_for_all()

    QApplication.instance().setProperty("cre_desk_language", "ja")   # a Japanese interface
    try:
        composer = _open_reply(qtbot, window, english.id)
        assert composer.language.currentData() == "en"
        assert "。" not in composer.editors["cause"].toPlainText()
        composer = _open_reply(qtbot, window, japanese.id)
        assert composer.language.currentData() == "en"             # the engineer's choice for this ticket
    finally:
        QApplication.instance().setProperty("cre_desk_language", "en")


def test_a_long_sent_reply_is_never_cut_silently_and_opens_whole(qtbot, window, ctx, dialogs):
    dialogs.answers["confirm"] = True   # the draft quotes the checklist evidence, a private note
    ticket = _ticket(ctx)
    composer = _open_reply(qtbot, window, ticket.id)
    ending = "This last sentence is what the customer read at the very end."
    composer.editors["fix"].setPlainText("Please change the setting. " * 40 + ending)
    composer.mark_sent()
    wait_for_all()
    qtbot.waitUntil(lambda: composer.history_model.rowCount() == 1)
    listed = composer.history_model.item(0).text()
    assert "…" in listed and "double-click" in listed
    composer.history_view.activated.emit(composer.history_model.index(0, 0))
    qtbot.waitUntil(lambda: getattr(composer, "sent_dialog", None) is not None
                    and composer.sent_dialog.isVisible())
    whole = composer.sent_dialog.text.toPlainText()
    assert whole == ctx.tickets.list_sent_replies(ticket.id)[0].body
    assert ending in whole
    composer.sent_dialog.close()
