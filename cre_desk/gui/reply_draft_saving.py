"""Saving the reply draft as it is typed, without ever losing or silently replacing text.

A save may fail (disk full, server down) or meet a teammate's save of the same draft. Failed drafts are
kept by ticket until a save succeeds (D-3); a conflict keeps both texts (C-1). Only one save runs at a
time, so each carries the version the previous one produced. The composer shows the draft; this object
decides when and how it reaches the database.

Its texts keep the "ReplyComposer" translation context they were written under.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from cre_desk.core import replies
from cre_desk.core.tickets import DraftRecord
from cre_desk.errors import ConflictError
from cre_desk.gui import messages
from cre_desk.gui.autosave import AutosaveTimer
from cre_desk.gui.reply_draft_json import PARTS, reply_json

if TYPE_CHECKING:
    from cre_desk.gui.reply_composer import ReplyComposer


class DraftSaver:
    def __init__(self, composer: ReplyComposer) -> None:
        self.composer = composer
        self.autosave = AutosaveTimer(composer)
        self._saving = False
        self._save_again = False
        # Drafts whose save failed (disk full, server down), by ticket id: (reply, language, audience, the
        # draft version it was typed on). Kept until a save succeeds and shown when the ticket is (D-3).
        self.unsaved: dict[int, tuple[replies.Reply, str, str, int | None]] = {}
        self.autosave.timeout.connect(self.save_draft)

    def has_unsaved(self) -> bool:
        ticket = self.composer.ticket
        return self.autosave.isActive() or (ticket is not None and ticket.id in self.unsaved)

    def unsaved_tickets(self) -> set[int]:
        return set(self.unsaved)

    def flush(self) -> None:
        if self.has_unsaved():
            self.autosave.stop()
            self.save_draft()

    def save_draft(self, force: bool = False) -> None:
        composer = self.composer
        if composer.ticket is None:
            return
        if self._saving:
            # One save at a time: the next one must carry the version the running one produces.
            self._save_again = True
            return
        reply = composer.current_reply()
        ticket_id = composer.ticket.id
        language, audience = composer.language.currentData(), composer.audience.currentData()
        typed_on = composer.draft_version
        self._saving = True
        composer.say_save_state(QCoreApplication.translate("ReplyComposer", "Saving…"))
        composer.ctx.run_db(
            composer.ctx.tickets.save_draft, ticket_id, language=composer.language.currentData(),
            audience=composer.audience.currentData(), summary=reply.summary, cause=reply.cause, fix=reply.fix,
            developer_block=reply.developer_block,
            generated_json=reply_json(composer.generated, composer.private_notes.excluded),
            expected_version=composer.draft_version, force=force, actor=composer.ctx.settings.user_name,
            on_done=lambda draft: self._on_saved(ticket_id, draft),
            on_error=lambda exc: self._on_save_failed(ticket_id, exc, (reply, language, audience, typed_on)),
            receiver=composer)

    def _save_finished(self) -> None:
        self._saving = False
        if self._save_again:
            self._save_again = False
            self.save_draft()

    def _on_saved(self, ticket_id: int, draft: DraftRecord) -> None:
        composer = self.composer
        self.unsaved.pop(ticket_id, None)
        if composer.ticket is not None and composer.ticket.id == ticket_id:
            composer.draft_version = draft.version
            if not self.autosave.isActive():
                composer.say_save_state(QCoreApplication.translate("ReplyComposer", "Draft saved"))
        self._save_finished()

    def _on_save_failed(self, ticket_id: int, exc: BaseException, typed=None) -> None:
        composer = self.composer
        self._saving = False
        self._save_again = False
        if isinstance(exc, ConflictError):
            if composer.ticket is None or composer.ticket.id != ticket_id:
                return
            if isinstance(exc.theirs, dict):
                self._keep_both(exc.theirs)
            else:   # the teammate's save was still landing: look again shortly
                self.autosave.start()
            return
        if typed is not None:
            self.unsaved[ticket_id] = typed   # kept until a save succeeds, whichever ticket is shown (D-3)
        if composer.ticket is not None and composer.ticket.id == ticket_id:
            composer.state.setText(QCoreApplication.translate("ReplyComposer", "Not saved: {0}").format(
                messages.classify(exc)))
            self.autosave.start()  # try again; the text stays in the window meanwhile

    def _keep_both(self, theirs: dict) -> None:
        """A teammate saved this draft meanwhile (C-1): keep both texts, theirs under ours, and say so."""
        composer = self.composer
        by = theirs.get("by") or QCoreApplication.translate("ReplyComposer", "a teammate")
        mine = composer.current_reply()
        merged = {}
        for part in PARTS:
            ours, other = getattr(mine, part).rstrip(), str(theirs.get(part, "")).rstrip()
            if other and other != ours and other not in ours:
                divider = QCoreApplication.translate("ReplyComposer", "──── {0}'s version ────").format(by)
                merged[part] = f"{ours}\n\n{divider}\n{other}" if ours else other
            else:
                merged[part] = ours
        composer.draft_version = theirs.get("version")
        composer.show_reply(replies.Reply(**merged))
        self.autosave.start()
        text = QCoreApplication.translate(
            "ReplyComposer",
            "{0} saved this reply draft while you were editing it. Nothing was replaced: their text is now "
            "below yours in each part, under a line with their name. Edit the draft down to one reply.")
        messages.warn(composer, text.format(by),
                      QCoreApplication.translate("ReplyComposer", "Saved by someone else"))
