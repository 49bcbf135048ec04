"""Getting the reply to the customer: copied, saved to a file, posted to the helpdesk, or recorded as sent.

Every way out checks the private notes the reply quotes first, and a helpdesk post must reach the ticket
exactly once even when the connection drops mid-way. The composer drafts and saves; this object delivers
what the composer shows, and tells it when a reply went out.

Its texts keep the "ReplyComposer" translation context they were written under (the question that counts
private notes stays in the composer's tr(), the only form in which lupdate keeps it plural).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import QApplication, QFileDialog

from cre_desk import safe_write
from cre_desk.actions import replies as reply_actions
from cre_desk.gui import messages
from cre_desk.gui.tasks import OnDbThread, run_in_background

if TYPE_CHECKING:
    from cre_desk.gui.reply_composer import ReplyComposer



class ReplyDelivery:
    def __init__(self, composer: ReplyComposer) -> None:
        self.composer = composer
        #: The reference of a helpdesk post not yet confirmed: a retry carries it, so a lost post is found.
        self.marker: str | None = None

    def helpdesk_account(self):
        from cre_desk.integrations.accounts import HELPDESKS, account_for_ticket, load_accounts

        ticket = self.composer.ticket
        if ticket is None or ticket.source not in HELPDESKS or not ticket.external_id:
            return None
        return account_for_ticket(load_accounts(self.composer.ctx.settings), ticket.source,
                                  getattr(ticket, "account_id", ""), ticket.external_url)

    def copy_reply(self) -> None:
        composer = self.composer
        if not composer.private_notes_confirmed(QCoreApplication.translate("ReplyComposer", "Copy it")):
            return
        mime = QMimeData()
        mime.setText(composer.rendered("plain"))
        mime.setData("text/markdown", composer.rendered("markdown").encode("utf-8"))
        mime.setData("text/html", composer.rendered("html").encode("utf-8"))  # escaped by the renderer
        QApplication.clipboard().setMimeData(mime)
        composer.state.setText(QCoreApplication.translate("ReplyComposer",
                                                          "Copied as plain text, Markdown and HTML"))

    def save_as_file(self) -> None:
        composer = self.composer
        if composer.ticket is None or not composer.private_notes_confirmed(
                QCoreApplication.translate("ReplyComposer", "Save it")):
            return
        path, chosen = QFileDialog.getSaveFileName(
            composer, QCoreApplication.translate("ReplyComposer", "Save reply"),
            f"reply-{composer.ticket.id}.txt",
            QCoreApplication.translate("ReplyComposer", "Plain text (*.txt);;Markdown (*.md);;HTML (*.html)"))
        if path:
            self.write_file(Path(path), chosen)

    def write_file(self, path: Path, chosen_filter: str = "") -> None:
        composer = self.composer
        flavour = "markdown" if path.suffix == ".md" or "*.md" in chosen_filter else (
            "html" if path.suffix in (".html", ".htm") or "*.html" in chosen_filter else "plain")
        try:
            safe_write.write_text(path, composer.rendered(flavour))
        except OSError as exc:
            messages.report_exception(composer, exc)
            return
        composer.state.setText(QCoreApplication.translate("ReplyComposer", "Saved to {0}").format(path.name))

    def post_to_helpdesk(self) -> None:
        """Post the reply to the helpdesk ticket once; a lost answer is reconciled, never re-posted."""
        from cre_desk.integrations.accounts import PROVIDERS, provider_for
        from cre_desk.integrations.posting import new_marker

        composer = self.composer
        account = self.helpdesk_account()
        if account is None or composer.ticket is None:
            return
        public = bool(composer.visibility.currentData())
        kind = (QCoreApplication.translate("ReplyComposer", "public reply") if public
                else QCoreApplication.translate("ReplyComposer", "internal note"))
        if not messages.confirm(composer, QCoreApplication.translate(
                "ReplyComposer", "Post this reply to the {0} ticket {1} as a {2}?").format(
                PROVIDERS.get(account.provider, account.provider), composer.ticket.external_id, kind)):
            return
        body = composer.rendered("plain")
        self.marker = self.marker or new_marker()   # the same marker on a retry finds a lost post
        marker, ticket_id, external_id = self.marker, composer.ticket.id, composer.ticket.external_id
        language, audience = composer.language.currentData(), composer.audience.currentData()
        service, actor = OnDbThread(composer.ctx.tickets), composer.ctx.settings.user_name
        composer.post_button.setEnabled(False)
        composer.state.setText(QCoreApplication.translate("ReplyComposer", "Posting…"))

        def work():
            return reply_actions.post_reply(service, provider_for(account), ticket_id, external_id, body,
                                            public=public, marker=marker, language=language,
                                            audience=audience, channel=account.provider, actor=actor)

        def done(result) -> None:
            composer.post_button.setEnabled(True)
            if result is None:
                composer.state.setText(QCoreApplication.translate("ReplyComposer", "Not posted"))
                messages.warn(composer, QCoreApplication.translate(
                    "ReplyComposer", "The helpdesk did not receive the reply, so nothing was posted. "
                    "Your draft is kept; try again when the connection is back."))
                return
            self.marker = None
            composer.draft_version = None
            composer.generated = None
            composer.state.setText(QCoreApplication.translate("ReplyComposer", "Posted to the helpdesk"))
            composer.ctx.run_db(service.list_sent_replies, ticket_id, on_done=composer.show_history,
                                receiver=composer)
            composer.sent.emit()

        def failed(exc: BaseException) -> None:
            from cre_desk.integrations.http_errors import Offline, ReplyUncertain

            composer.post_button.setEnabled(True)
            if isinstance(exc, ReplyUncertain | Offline):
                # The reply may have reached the helpdesk: the draft and its reference stay for the next try.
                composer.state.setText(QCoreApplication.translate(
                    "ReplyComposer", "Not confirmed: {0} Posting again checks the ticket first, so the "
                    "reply is never sent twice.").format(messages.classify(exc)))
                return
            composer.state.setText(QCoreApplication.translate("ReplyComposer", "Not posted: {0}").format(
                messages.classify(exc)))

        run_in_background(work, on_done=done, on_error=failed, receiver=composer)

    def mark_sent(self) -> None:
        composer = self.composer
        if composer.ticket is None or not composer.private_notes_confirmed(
                QCoreApplication.translate("ReplyComposer", "Record it as sent")):
            return
        body = composer.rendered("plain")
        ticket_id = composer.ticket.id
        composer.stop_autosave()

        def done(_record) -> None:
            composer.draft_version = None
            composer.generated = None
            composer.state.setText(QCoreApplication.translate("ReplyComposer", "Recorded as sent"))
            composer.ctx.run_db(composer.ctx.tickets.list_sent_replies, ticket_id,
                                on_done=composer.show_history, receiver=composer)
            composer.sent.emit()

        composer.ctx.run_db(reply_actions.mark_sent, composer.ctx.tickets, ticket_id, body,
                            language=composer.language.currentData(),
                            audience=composer.audience.currentData(),
                            actor=composer.ctx.settings.user_name, draft_version=composer.draft_version,
                            on_done=done, receiver=composer)
