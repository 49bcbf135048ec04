"""Private checklist evidence and mark notes never reach the customer unseen: the Reply tab lists what
the reply quotes, each can be excluded, and the choice is kept with the draft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core import replies
from cre_desk.core.tickets import TicketFields

EVIDENCE = "Their admin told me on Slack the staging key leaked; do not repeat to the customer"
NOTE = "internal: same crash as ENG-4411, fix not public yet"


def _ticket(ctx, tmp_path):
    fields = TicketFields(title="Coupon not shown", symptom="iam_not_shown", requester_name="Mika Tanaka",
                          requester_role="marketer", sdk_name="Braze", goal="Show a coupon after purchase.")
    ticket = ctx.tickets.create_ticket(fields, actor="aki")
    item = next(e for e in ticket.checklist if e.item_key == "d_display_manager_not_registered")
    ctx.tickets.set_verdict(item.id, verdict="confirmed", evidence=EVIDENCE, expected_version=item.version)
    log = tmp_path / "device.log"
    log.write_text("11-20 10:14:02.118  8812  8812 W Braze: In-app message display manager not registered\n")
    attachment = ctx.tickets.attach_file(ticket.id, log)
    ctx.tickets.add_mark(ticket.id, attachment.id, 0, log.read_text().strip(), log_name="device.log",
                         note=NOTE)
    return ticket


def _open_reply(qtbot, window, ticket_id):
    open_ticket(qtbot, window, ticket_id)
    window.show_tab(4)
    composer = window.pane.reply
    qtbot.waitUntil(lambda: composer.private_model.rowCount() == 2, timeout=5000)
    return composer


def _row(composer, key):
    return next(composer.private_model.item(r) for r in range(composer.private_model.rowCount())
                if composer.private_model.item(r).data(Qt.ItemDataRole.UserRole) == key)


def test_the_reply_shows_which_private_notes_it_sends(qtbot, window, ctx, tmp_path):
    composer = _open_reply(qtbot, window, _ticket(ctx, tmp_path).id)
    block = composer.editors["developer_block"].toPlainText()
    assert EVIDENCE in block and NOTE in block
    assert not composer.private_notice.isHidden() and not composer.private_view.isHidden()
    assert "2" in composer.private_notice.text()
    listed = [composer.private_model.item(r).text() for r in range(composer.private_model.rowCount())]
    assert any(EVIDENCE in t for t in listed) and any(NOTE in t for t in listed)
    assert all(composer.private_model.item(r).checkState() == Qt.CheckState.Checked for r in range(2))
    assert composer.preview.extraSelections(), "private notes are highlighted in the preview"
    composer.private_list.clicked.emit(composer.private_model.index(0, 0))
    assert composer.preview.textCursor().selectedText() == EVIDENCE   # the preview shows where it is quoted


def test_excluding_a_note_rebuilds_the_reply_without_it_and_the_choice_is_saved(qtbot, window, ctx, tmp_path):
    ticket = _ticket(ctx, tmp_path)
    composer = _open_reply(qtbot, window, ticket.id)
    keys = [composer.private_model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(2)]
    mark_key = next(k for k in keys if k.startswith("mark:"))
    _row(composer, mark_key).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: NOTE not in composer.editors["developer_block"].toPlainText())
    assert NOTE not in composer.rendered("plain")
    # the marked line itself stays
    assert "display manager not registered" in composer.editors["developer_block"].toPlainText()
    assert EVIDENCE in composer.rendered("plain")
    _row(composer, "evidence:d_display_manager_not_registered").setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: EVIDENCE not in composer.rendered("plain"))
    assert composer.private_notice.isHidden()
    composer.flush()
    qtbot.waitUntil(lambda: ctx.tickets.get_draft(ticket.id) is not None and
                    "excluded" in ctx.tickets.get_draft(ticket.id).generated_json)

    # Another ticket and back: the draft comes back with both notes still excluded.
    other = ctx.tickets.create_ticket(TicketFields(title="Other"), actor="aki")
    open_ticket(qtbot, window, other.id)
    open_ticket(qtbot, window, ticket.id)
    qtbot.waitUntil(lambda: composer.private_model.rowCount() == 2)
    assert all(composer.private_model.item(r).checkState() == Qt.CheckState.Unchecked for r in range(2))
    assert EVIDENCE not in composer.rendered("plain") and NOTE not in composer.rendered("plain")


def test_an_excluded_note_kept_in_edited_text_is_called_out(qtbot, window, ctx, tmp_path):
    composer = _open_reply(qtbot, window, _ticket(ctx, tmp_path).id)
    editor = composer.editors["developer_block"]
    editor.setPlainText(editor.toPlainText() + "\nMy own line.")   # the engineer edited this part
    _row(composer, "evidence:d_display_manager_not_registered").setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: "still in text you edited" in composer.private_notice.text())
    assert EVIDENCE in editor.toPlainText()   # edits are never rewritten silently...
    assert not composer.private_notice.isHidden()   # ...but the engineer is told


def test_core_leaves_excluded_notes_out_for_every_audience(ctx, tmp_path):
    ticket = _ticket(ctx, tmp_path)
    detail = ctx.tickets.get_ticket(ticket.id)
    marks = tuple(ctx.tickets.list_marks(ticket.id))
    inputs = replies.ReplyInputs(detail, "en", "marketer", marks=marks)
    keys = {item.key for item in replies.private_items(inputs)}
    for audience in ("marketer", "engineer"):
        for language in ("en", "ja"):
            kept = replies.draft(replies.ReplyInputs(detail, language, audience, marks=marks))
            text = "\n".join((kept.cause, kept.developer_block))
            assert EVIDENCE in text and NOTE in text
            cut = replies.draft(replies.ReplyInputs(detail, language, audience, marks=marks,
                                                    excluded=frozenset(keys)))
            text = "\n".join((cut.summary, cut.cause, cut.fix, cut.developer_block))
            assert EVIDENCE not in text and NOTE not in text, (audience, language)


def test_copying_or_marking_sent_a_reply_that_quotes_private_notes_asks_first(qtbot, window, ctx, tmp_path,
                                                                               dialogs):
    from PySide6.QtWidgets import QApplication

    ticket = _ticket(ctx, tmp_path)
    composer = _open_reply(qtbot, window, ticket.id)
    QApplication.clipboard().setText("before")
    dialogs.answers["confirm"] = False
    composer.copy_reply()
    composer.mark_sent()
    qtbot.wait(50)
    assert QApplication.clipboard().text() == "before"
    assert ctx.tickets.list_sent_replies(ticket.id) == []

    dialogs.answers["confirm"] = True
    composer.copy_reply()
    assert NOTE in QApplication.clipboard().text()

    for row in range(composer.private_model.rowCount()):    # nothing private left: no question asked
        composer.private_model.item(row).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not composer.sent_private_items())
    dialogs.answers["confirm"] = False
    composer.copy_reply()
    assert NOTE not in QApplication.clipboard().text() and "Mika Tanaka" in QApplication.clipboard().text()
    composer.mark_sent()
    qtbot.waitUntil(lambda: len(ctx.tickets.list_sent_replies(ticket.id)) == 1)
