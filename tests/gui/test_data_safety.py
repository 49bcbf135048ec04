"""Nothing typed is lost: teammates' drafts (C-1), a full disk (D-3), steady typing (D-8)."""

from __future__ import annotations

from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields


def _open_reply(qtbot, window, ticket_id):
    open_ticket(qtbot, window, ticket_id)
    window.show_tab(4)
    composer = window.pane.reply
    qtbot.waitUntil(lambda: composer.editors["summary"].toPlainText() != "")
    return composer


def test_c1_a_teammates_draft_saved_meanwhile_is_kept_beside_mine_and_the_conflict_is_shown(
        qtbot, window, ctx, dialogs):
    """C-1: both open a ticket with no draft; the teammate's autosave lands first; mine must not replace it."""
    ticket = ctx.tickets.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"), actor="aki")
    composer = _open_reply(qtbot, window, ticket.id)
    assert composer.draft_version is None
    ctx.tickets.save_draft(ticket.id, language="en", audience="marketer", summary="Ben's summary for Mika.",
                           cause="", fix="", actor="Ben")
    composer.editors["summary"].setPlainText("Aki's summary.")
    composer.flush()
    qtbot.waitUntil(lambda: any("Ben saved this reply draft" in text for _level, text in dialogs.shown),
                    timeout=5000)
    text = composer.editors["summary"].toPlainText()
    assert "Aki's summary." in text and "Ben's summary for Mika." in text
    composer.flush()
    qtbot.waitUntil(lambda: (d := ctx.tickets.get_draft(ticket.id)) is not None and "Aki's summary." in d.summary,
                    timeout=5000)
    assert "Ben's summary for Mika." in ctx.tickets.get_draft(ticket.id).summary
