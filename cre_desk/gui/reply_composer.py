"""The ticket's Reply tab: a Summary / Cause / Fix reply drafted from the investigation, then edited.

The draft comes from confirmed causes, accepted findings and marks, worded for the requester's role.
Every keystroke is saved to the database within seconds, and a fresh draft never replaces text the
engineer edited without saying so. Customer text is shown and copied as plain text only.

Signals:
    sent(): a reply was recorded as sent (the ticket's clocks changed).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from cre_desk.actions import replies as reply_actions
from cre_desk.core import replies, reply_render, reply_templates
from cre_desk.core.tickets import DraftRecord, TicketDetail
from cre_desk.core.vocabulary import Role
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import local_time, ui_language, vocab
from cre_desk.gui.forms.ui_reply_composer import Ui_ReplyComposer
from cre_desk.gui.reply_delivery import ReplyDelivery
from cre_desk.gui.reply_draft_json import PARTS, excluded_from_json, reply_from_json
from cre_desk.gui.reply_draft_saving import DraftSaver
from cre_desk.gui.reply_highlights import underline_jargon
from cre_desk.gui.reply_private_notes import PrivateNotes
from cre_desk.gui.sent_reply_view import SentReplyDialog, preview


class ReplyComposer(QWidget):
    sent = Signal()

    def __init__(self, ctx: AppContext, accepted_findings=lambda: (), parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.accepted_findings = accepted_findings
        self.ticket: TicketDetail | None = None
        self.draft_version: int | None = None
        self.generated: replies.Reply | None = None
        self._loading = False
        self._marks = ()

        # The frame and its texts live in ui/reply_composer.ui; lists, models and behaviour are set up here.
        self.ui = ui = Ui_ReplyComposer()
        ui.setupUi(self)
        self.language, self.audience = ui.language, ui.audience
        self.regenerate, self.templates = ui.regenerate, ui.templates
        self.state, self.redraft_kept, self.private_notice = ui.state, ui.redraft_kept, ui.private_notice
        self.preview, self.preview_tab = ui.preview, ui.preview_tab
        self.private_view, self.private_list, self.side = ui.private_view, ui.private_list, ui.side
        self.issues_view, self.history_view = ui.issues_view, ui.history_view
        self.copy_button, self.save_button, self.sent_button = ui.copy_button, ui.save_button, ui.sent_button
        self.visibility, self.post_button = ui.visibility, ui.post_button

        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        for role in Role:
            self.audience.addItem(vocab(role), role.value)
        self.language.activated.connect(lambda _i: self._on_audience_or_language(language=True))
        self.audience.activated.connect(lambda _i: self._on_audience_or_language(language=False))
        self.regenerate.clicked.connect(lambda: self.refresh_draft(explicit=True))
        self.templates.setMenu(QMenu(self.templates))
        self.templates.menu().aboutToShow.connect(self._fill_templates)
        self.redraft_kept.clicked.connect(self._redraft_kept_parts)
        self.redraft_kept.hide()
        self._kept: list[str] = []
        self._fresh: replies.Reply | None = None

        self.editors: dict[str, QPlainTextEdit] = {part: getattr(ui, part) for part in PARTS}
        self.boxes: dict[str, QGroupBox] = {part: getattr(ui, f"{part}_box") for part in PARTS}
        for editor in self.editors.values():
            editor.textChanged.connect(self._on_edited)

        self.issues_model = QStandardItemModel(self)
        self.issues_view.setModel(self.issues_model)
        self.issues_view.clicked.connect(self._go_to_issue)
        self.history_model = QStandardItemModel(self)
        self.history_view.setModel(self.history_model)
        self.history_view.activated.connect(self._open_sent)
        self.private_notes = PrivateNotes(self)
        self.private_model = self.private_notes.model

        self.delivery = ReplyDelivery(self)
        self.copy_button.clicked.connect(self.copy_reply)
        self.save_button.clicked.connect(self.save_as_file)
        self.sent_button.clicked.connect(self.mark_sent)
        self.visibility.addItem(self.tr("Public reply"), True)
        self.visibility.addItem(self.tr("Internal note"), False)
        self.post_button.clicked.connect(self.post_to_helpdesk)
        ui.split.setSizes([560, 420])

        self.saver = DraftSaver(self)
        self._check_timer = QTimer(self, singleShot=True, interval=300)
        self._check_timer.timeout.connect(self._update_checks)

    # -- loading ----------------------------------------------------------------------------------

    def load(self, ticket: TicketDetail) -> None:
        """Show the ticket's saved draft, or draft one from the ticket when there is none."""
        same = self.ticket is not None and self.ticket.id == ticket.id
        if same:
            changed = ticket != self.ticket
            self.ticket = ticket
            if changed and (self.generated is not None or self.draft_version is not None):
                self.refresh_draft(explicit=False)   # the draft follows verdicts, findings, marks and goal
            return
        self.flush()
        self.ticket = ticket
        ticket_id = ticket.id
        service = self.ctx.tickets

        def fetch():
            return service.get_draft(ticket_id), service.list_marks(ticket_id), service.list_sent_replies(ticket_id)

        self.ctx.run_db(fetch, on_done=lambda r: self._on_fetched(ticket_id, *r), receiver=self)

    def _on_fetched(self, ticket_id: int, draft: DraftRecord | None, marks, history) -> None:
        if self.ticket is None or self.ticket.id != ticket_id:
            return
        can_post = self.delivery.helpdesk_account() is not None
        self.post_button.setVisible(can_post)
        self.visibility.setVisible(can_post)
        self.delivery.marker = None
        self._marks = tuple(marks)
        self.show_history(history)
        self.private_notes.excluded = excluded_from_json(draft.generated_json) if draft is not None else set()
        pending = self.saver.unsaved.get(ticket_id)
        if pending is not None:
            reply, language, audience, self.draft_version = pending
            self._set_combo(self.language, language)
            self._set_combo(self.audience, audience)
            self.generated = None
            self.show_reply(reply)
            self._hide_redraft()
            self.state.setText(self.tr("Not saved: your draft is kept and will be saved when possible"))
        elif draft is not None:
            self._set_combo(self.language, draft.language)
            self._set_combo(self.audience, draft.audience)
            self.generated = reply_from_json(draft.generated_json)
            self.draft_version = draft.version
            self.show_reply(replies.Reply(draft.summary, draft.cause, draft.fix, draft.developer_block))
            self.state.setText(self.tr("Draft restored (saved {0})").format(local_time(draft.updated_at)))
            self._hide_redraft()
            if self.generated is not None:
                # The ticket may have moved on since the draft was saved (a verdict set in another session).
                self.apply_fresh(explicit=False,
                                  prefix=self.tr("Draft restored (saved {0})").format(local_time(draft.updated_at)))
        else:
            # The customer's language, not the interface's; a switch is saved with the draft and sticks.
            self._set_combo(self.language, reply_actions.draft_language(self.ticket, None, ui_language()))
            role = self.ticket.fields.requester_role
            self._set_combo(self.audience, role if role in {r.value for r in Role} else Role.MARKETER.value)
            self.draft_version = None
            reply = reply_actions.build_draft(self.inputs())
            self.generated = reply
            self.show_reply(reply)
            self._hide_redraft()
            self.state.setText(self.tr("New draft from the ticket"))
        self._apply_audience()
        self.private_notes.fill()

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def inputs(self) -> replies.ReplyInputs:
        return reply_actions.reply_inputs(
            self.ticket, language=self.language.currentData(), audience=self.audience.currentData(),
            accepted_findings=self.accepted_findings(), marks=self._marks,
            engineer_name=self.ctx.settings.user_name,
            excluded=self.private_notes.excluded)

    def show_reply(self, reply: replies.Reply) -> None:
        self._loading = True
        try:
            for part in PARTS:
                self.editors[part].setPlainText(getattr(reply, part))
        finally:
            self._loading = False
        self._update_checks()

    # -- private notes (see reply_private_notes) --------------------------------------------------

    def sent_private_items(self) -> list[replies.PrivateItem]:
        """The private notes the reply as it stands would send (including ones kept in edited text)."""
        return self.private_notes.sent_items()

    def say_private(self) -> None:
        sent = self.sent_private_items()
        leaked = [item for item in sent if item.key in self.private_notes.excluded]
        if leaked:
            self.private_notice.setText(self.tr(
                "%n excluded note(s) still in text you edited: remove it there or re-draft that part", "",
                len(leaked)))
            self.private_notice.setStyleSheet("color: #c0262d; text-align: left; font-weight: bold;")
        else:
            self.private_notice.setText(self.tr("The reply quotes %n of your private note(s): review before "
                                                "sending", "", len(sent)))
            self.private_notice.setStyleSheet("color: #b45309; text-align: left;")
        self.private_notice.setVisible(bool(sent))
        self.private_view.setVisible(bool(self.private_notes.items))
        self.private_view.setTitle(self.tr("Private notes") + (f" ({len(sent)})" if sent else ""))

    def private_notes_confirmed(self, action: str) -> bool:
        """Whether to go on with ``action`` (copying, marking as sent) while the reply quotes private notes."""
        sent = self.sent_private_items()
        if not sent:
            return True
        return messages.confirm(self, self.tr(
            "The reply quotes %n of your private note(s) (see Private notes beside the preview). {0} anyway?", "",
            len(sent)).format(action))

    def current_reply(self) -> replies.Reply:
        return replies.Reply(**{part: self.editors[part].toPlainText() for part in PARTS})

    # -- drafting ---------------------------------------------------------------------------------

    def refresh_draft(self, explicit: bool = True, language_changed: bool = False) -> None:
        """Build a new draft from the ticket, keeping any part the engineer has edited.

        ``explicit`` is the "New draft" button: a part the engineer emptied is drafted again. Otherwise the
        draft is following a change of the ticket (a verdict, an accepted finding, a mark, the goal) and says
        which parts it rewrote."""
        if self.ticket is None:
            return
        service, ticket_id = self.ctx.tickets, self.ticket.id

        def fetch():
            return service.get_ticket(ticket_id), service.list_marks(ticket_id)

        def done(result) -> None:
            ticket, marks = result
            if self.ticket is None or self.ticket.id != ticket_id:
                return
            self.ticket, self._marks = ticket, tuple(marks)
            self.apply_fresh(explicit=explicit, language_changed=language_changed)

        self.ctx.run_db(fetch, on_done=done, receiver=self)

    def _part_names(self, parts) -> str:
        names = {"summary": self.tr("Summary"), "cause": self.tr("Cause"), "fix": self.tr("Fix"),
                 "developer_block": self.tr("Developer block")}
        return ", ".join(names.get(p, p) for p in parts)

    def apply_fresh(self, *, explicit: bool, language_changed: bool = False, prefix: str = "") -> None:
        """Merge a draft built from the ticket as it is now into the editors and say what changed."""
        redraft = reply_actions.rebuild_draft(self.inputs(), self.generated, self.current_reply(),
                                              explicit=explicit)
        fresh, merged, kept, rewritten = redraft.fresh, redraft.merged, list(redraft.kept), redraft.rewritten
        if not explicit and fresh == (self.generated or replies.Reply("", "", "", "")):
            self.private_notes.fill()
            return
        self.generated = fresh
        self.show_reply(merged)
        if rewritten:
            text = self.tr("Draft updated from the ticket: {0} rewritten").format(self._part_names(rewritten))
        else:
            text = self.tr("Draft is up to date with the ticket")
        if kept:
            if language_changed:
                text += ". " + self.tr("Your edited parts are still in the other language: {0}").format(
                    self._part_names(kept))
            else:
                text += ". " + self.tr("Kept your edits in: {0}").format(self._part_names(kept))
            self._kept, self._fresh = kept, fresh
            self.redraft_kept.show()
        else:
            self._hide_redraft()
        self._notice = f"{prefix} · {text}" if prefix else text
        self.state.setText(self._notice)
        self.private_notes.fill()
        self.schedule_save()

    def say_save_state(self, text: str) -> None:
        """Autosave's status; a notice of what the draft changed stays beside it until the next edit."""
        notice = getattr(self, "_notice", "")
        self.state.setText(f"{notice} · {text}" if notice else text)

    def _hide_redraft(self) -> None:
        self._notice = ""
        self._kept, self._fresh = [], None
        self.redraft_kept.hide()

    def _redraft_kept_parts(self) -> None:
        """Replace the parts kept as edited with the newest draft (after a language switch, say)."""
        if self._fresh is None:
            return
        parts = self._kept
        merged = replace(self.current_reply(), **{p: getattr(self._fresh, p) for p in parts})
        self.show_reply(merged)
        self._hide_redraft()
        self.state.setText(self.tr("Re-drafted: {0}").format(self._part_names(parts)))
        self.schedule_save()

    def _on_audience_or_language(self, language: bool) -> None:
        self._apply_audience()
        if self.ticket is not None:
            self.refresh_draft(explicit=False, language_changed=language)

    def _apply_audience(self) -> None:
        marketer = self.audience.currentData() != Role.ENGINEER.value
        self.boxes["developer_block"].setVisible(marketer)
        self._update_checks()

    def _fill_templates(self) -> None:
        menu = self.templates.menu()
        menu.clear()
        language = self.language.currentData()
        try:
            templates = reply_templates.load_templates(language)
        except Exception as exc:  # noqa: BLE001 - a broken snippet file must not break the composer
            menu.addAction(str(exc)).setEnabled(False)
            return
        for _name, template in sorted(templates.items()):
            menu.addAction(template.title, lambda t=template: self.insert_template(t))

    def insert_template(self, template) -> None:
        """Append a snippet's parts (placeholders filled from the ticket) to the matching editors."""
        if self.ticket is None:
            return
        filled_reply = template.filled(self.ticket, engineer=self.ctx.settings.user_name)
        for part in ("summary", "cause", "fix"):
            filled = getattr(filled_reply, part)
            editor = self.editors[part]
            if not filled:
                continue
            current = editor.toPlainText().rstrip()
            editor.setPlainText(f"{current}\n\n{filled}" if current else filled)

    def append_to_part(self, part: str, text: str) -> None:
        """Append ``text`` to one part of the draft (an article, or an earlier reply's Cause or Fix)."""
        editor = self.editors.get(part)
        if editor is None or self.ticket is None or not text.strip():
            return
        current = editor.toPlainText().rstrip()
        editor.setPlainText(f"{current}\n\n{text.strip()}" if current else text.strip())

    # -- checks and preview -----------------------------------------------------------------------

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._notice = ""
        self.state.setText(self.tr("Editing…"))
        self.schedule_save()
        self._check_timer.start()

    def schedule_save(self) -> None:
        self.saver.autosave.start()

    def rendered(self, flavour: str = "plain") -> str:
        reply = self.current_reply()
        if self.audience.currentData() == Role.ENGINEER.value:
            reply = replies.Reply(reply.summary, reply.cause, reply.fix, "")
        render = {"plain": reply_render.render_plain, "markdown": reply_render.render_markdown,
                  "html": reply_render.render_html}[flavour]
        name = self.ticket.fields.requester_name if self.ticket else ""
        return render(reply, self.language.currentData(), greeting_name=name,
                      signature=self.ctx.settings.user_name)

    def _update_checks(self) -> None:
        self.preview.setPlainText(self.rendered("plain"))
        self.issues_model.clear()
        marketer = self.audience.currentData() != Role.ENGINEER.value
        language = self.language.currentData()
        count = underline_jargon(self.editors, self.issues_model, marketer=marketer, language=language)
        label = self.tr("Plain words") + (f" ({count})" if count else "")
        self.side.setTabText(1, label)
        self.private_notes.mark_in_preview()
        if self.private_notes.items:
            self.say_private()

    def _go_to_issue(self, index) -> None:
        data = index.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        part, start, end = data
        editor = self.editors[part]
        cursor = editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.setFocus()

    def show_history(self, history) -> None:
        self.history_model.clear()
        more = self.tr("(double-click to read the whole reply)")
        for reply in reversed(history):
            heading = f"{local_time(reply.sent_at)} · {self._how_sent(reply)}"
            item = QStandardItem(f"{heading}\n{preview(reply.body, more)}")
            item.setData((heading, reply.body), Qt.ItemDataRole.UserRole)
            self.history_model.appendRow(item)

    def _open_sent(self, index) -> None:
        """The whole of a sent reply, in a window of its own."""
        heading, body = index.data(Qt.ItemDataRole.UserRole)
        self.sent_dialog = SentReplyDialog(heading, body, self)
        self.sent_dialog.show()

    def _how_sent(self, reply) -> str:
        """'Marked as sent by Aki', 'Posted to Zendesk' — words, never the stored channel key."""
        if reply.channel == "marked_sent":
            how = self.tr("Marked as sent by {0}") if reply.sent_by else self.tr("Marked as sent")
        else:
            how = self.tr("Posted to {1} by {0}") if reply.sent_by else self.tr("Posted to {1}")
        return how.format(reply.sent_by, reply.channel.title())

    # -- saving (see reply_draft_saving) ---------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self.saver.has_unsaved()

    def unsaved_tickets(self) -> set[int]:
        return self.saver.unsaved_tickets()

    def flush(self) -> None:
        self.saver.flush()

    def save_draft(self, force: bool = False) -> None:
        self.saver.save_draft(force)

    # -- output (see reply_delivery) -------------------------------------------------------------

    def stop_autosave(self) -> None:
        self.saver.autosave.stop()

    def copy_reply(self) -> None:
        self.delivery.copy_reply()

    def save_as_file(self) -> None:
        self.delivery.save_as_file()

    def write_file(self, path: Path, chosen_filter: str = "") -> None:
        self.delivery.write_file(path, chosen_filter)

    def post_to_helpdesk(self) -> None:
        self.delivery.post_to_helpdesk()

    def mark_sent(self) -> None:
        self.delivery.mark_sent()
