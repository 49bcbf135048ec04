"""The ticket's Reply tab: a Summary / Cause / Fix reply drafted from the investigation, then edited.

The draft comes from confirmed causes, accepted findings and marks, worded for the requester's role.
Every keystroke is saved to the database within seconds, and a fresh draft never replaces text the
engineer edited without saying so. Customer text is shown and copied as plain text only.

Signals:
    sent(): a reply was recorded as sent (the ticket's clocks changed).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from cre_desk.actions import replies as reply_actions
from cre_desk.core import jargon, replies
from cre_desk.core.tickets import DraftRecord, TicketDetail
from cre_desk.core.vocabulary import Role
from cre_desk.errors import ConflictError
from cre_desk.gui import messages
from cre_desk.gui.autosave import AutosaveTimer
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import local_time, ui_language, vocab
from cre_desk.gui.forms.ui_reply_composer import Ui_ReplyComposer
from cre_desk.gui.sent_reply_view import SentReplyDialog, preview
from cre_desk.gui.tasks import OnDbThread, run_in_background

PARTS = ("summary", "cause", "fix", "developer_block")


def _reply_json(reply: replies.Reply | None, excluded=()) -> str:
    """What is stored beside the draft: the last generated parts (to tell edits apart) and the private
    notes the engineer excluded from the reply."""
    data = {part: getattr(reply, part) for part in PARTS} if reply is not None else {}
    if excluded:
        data["excluded"] = sorted(excluded)
    return json.dumps(data, ensure_ascii=False) if data else ""


def _excluded_from_json(text: str) -> set[str]:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return set()
    found = data.get("excluded") if isinstance(data, dict) else None
    return {str(key) for key in found} if isinstance(found, list) else set()


def _reply_from_json(text: str) -> replies.Reply | None:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    if not isinstance(data, dict) or not any(part in data for part in PARTS):
        return None
    return replies.Reply(**{part: str(data.get(part, "")) for part in PARTS})


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
        self._excluded: set[str] = set()
        self._private: tuple[replies.PrivateItem, ...] = ()
        self.private_model = QStandardItemModel(self)
        self.private_model.itemChanged.connect(self._on_private_item_changed)
        self.private_list.setModel(self.private_model)
        self.private_list.clicked.connect(self._on_private_list_clicked)
        # Beside the preview, so what will be sent and the private notes in it are read together.
        self.private_view.hide()
        self.preview_tab.setSizes([380, 260])
        self.private_notice.clicked.connect(self._show_private_notes)
        self.private_notice.hide()

        self.copy_button.clicked.connect(self.copy_reply)
        self.save_button.clicked.connect(self.save_as_file)
        self.sent_button.clicked.connect(self.mark_sent)
        self.visibility.addItem(self.tr("Public reply"), True)
        self.visibility.addItem(self.tr("Internal note"), False)
        self.post_button.clicked.connect(self.post_to_helpdesk)
        self._marker: str | None = None
        ui.split.setSizes([560, 420])

        self._autosave = AutosaveTimer(self)
        self._saving = False
        self._save_again = False
        # Drafts whose save failed (disk full, server down), by ticket id: (reply, language, audience, the
        # draft version it was typed on). Kept until a save succeeds and shown when the ticket is (D-3).
        self._unsaved: dict[int, tuple[replies.Reply, str, str, int | None]] = {}
        self._autosave.timeout.connect(self.save_draft)
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

    def _helpdesk_account(self):
        from cre_desk.integrations.accounts import HELPDESKS, account_for_ticket, load_accounts

        if self.ticket is None or self.ticket.source not in HELPDESKS or not self.ticket.external_id:
            return None
        return account_for_ticket(load_accounts(self.ctx.settings), self.ticket.source,
                                  getattr(self.ticket, "account_id", ""), self.ticket.external_url)

    def _on_fetched(self, ticket_id: int, draft: DraftRecord | None, marks, history) -> None:
        if self.ticket is None or self.ticket.id != ticket_id:
            return
        can_post = self._helpdesk_account() is not None
        self.post_button.setVisible(can_post)
        self.visibility.setVisible(can_post)
        self._marker = None
        self._marks = tuple(marks)
        self._show_history(history)
        self._excluded = _excluded_from_json(draft.generated_json) if draft is not None else set()
        pending = self._unsaved.get(ticket_id)
        if pending is not None:
            reply, language, audience, self.draft_version = pending
            self._set_combo(self.language, language)
            self._set_combo(self.audience, audience)
            self.generated = None
            self._show_reply(reply)
            self._hide_redraft()
            self.state.setText(self.tr("Not saved: your draft is kept and will be saved when possible"))
        elif draft is not None:
            self._set_combo(self.language, draft.language)
            self._set_combo(self.audience, draft.audience)
            self.generated = _reply_from_json(draft.generated_json)
            self.draft_version = draft.version
            self._show_reply(replies.Reply(draft.summary, draft.cause, draft.fix, draft.developer_block))
            self.state.setText(self.tr("Draft restored (saved {0})").format(local_time(draft.updated_at)))
            self._hide_redraft()
            if self.generated is not None:
                # The ticket may have moved on since the draft was saved (a verdict set in another session).
                self._apply_fresh(explicit=False,
                                  prefix=self.tr("Draft restored (saved {0})").format(local_time(draft.updated_at)))
        else:
            # The customer's language, not the interface's; a switch is saved with the draft and sticks.
            self._set_combo(self.language, reply_actions.draft_language(self.ticket, None, ui_language()))
            role = self.ticket.fields.requester_role
            self._set_combo(self.audience, role if role in {r.value for r in Role} else Role.MARKETER.value)
            self.draft_version = None
            reply = reply_actions.build_draft(self._inputs())
            self.generated = reply
            self._show_reply(reply)
            self._hide_redraft()
            self.state.setText(self.tr("New draft from the ticket"))
        self._apply_audience()
        self._fill_private()

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _inputs(self) -> replies.ReplyInputs:
        return reply_actions.reply_inputs(
            self.ticket, language=self.language.currentData(), audience=self.audience.currentData(),
            accepted_findings=self.accepted_findings(), marks=self._marks,
            engineer_name=self.ctx.settings.user_name, excluded=self._excluded)

    def _show_reply(self, reply: replies.Reply) -> None:
        self._loading = True
        try:
            for part in PARTS:
                self.editors[part].setPlainText(getattr(reply, part))
        finally:
            self._loading = False
        self._update_checks()

    # -- private notes ----------------------------------------------------------------------------

    def _fill_private(self) -> None:
        """List the private notes the draft would quote, ticked unless the engineer excluded them."""
        if self.ticket is None:
            return
        self._private = replies.private_items(self._inputs())
        kinds = {"evidence": self.tr("Checklist evidence"), "mark_note": self.tr("Note on a marked line")}
        self.private_model.blockSignals(True)
        try:
            self.private_model.clear()
            for item in self._private:
                row = QStandardItem(f"{kinds.get(item.kind, item.kind)} · {item.source}\n{item.text}")
                row.setCheckable(True)
                excluded = item.key in self._excluded
                row.setCheckState(Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked)
                row.setData(item.key, Qt.ItemDataRole.UserRole)
                row.setToolTip(self.tr("Ticked: sent to the customer. Unticked: left out of the reply."))
                self.private_model.appendRow(row)
        finally:
            self.private_model.blockSignals(False)
        self._say_private()
        self._mark_private_in_preview()

    def sent_private_items(self) -> list[replies.PrivateItem]:
        """The private notes the reply as it stands would send (including ones kept in edited text)."""
        text = self.rendered("plain")
        return [item for item in self._private if item.text and item.text in text]

    def _say_private(self) -> None:
        sent = self.sent_private_items()
        leaked = [item for item in sent if item.key in self._excluded]
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
        self.private_view.setVisible(bool(self._private))
        self.private_view.setTitle(self.tr("Private notes") + (f" ({len(sent)})" if sent else ""))

    def _on_private_list_clicked(self, index) -> None:
        """Scroll the preview to where the note is quoted."""
        item = next((i for i in self._private if i.key == index.data(Qt.ItemDataRole.UserRole)), None)
        lines = [line.strip() for line in item.text.splitlines() if line.strip()] if item else []
        cursor = self.preview.document().find(lines[0]) if lines else None
        if cursor is not None and not cursor.isNull():
            self.preview.setTextCursor(cursor)
            self.preview.ensureCursorVisible()

    def _show_private_notes(self) -> None:
        self.side.setCurrentWidget(self.preview_tab)
        self.private_list.setFocus()

    def _on_private_item_changed(self, row: QStandardItem) -> None:
        key = row.data(Qt.ItemDataRole.UserRole)
        if row.checkState() == Qt.CheckState.Checked:
            self._excluded.discard(key)
        else:
            self._excluded.add(key)
        # Rebuilt after the click is fully handled: the rebuild refills the list this item belongs to.
        QTimer.singleShot(0, self._on_private_choice_changed)

    def _on_private_choice_changed(self) -> None:
        if self.ticket is None:
            return
        self._apply_fresh(explicit=False)   # untouched parts are rebuilt without (or with) the note
        self._say_private()
        self._schedule_save()

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
            self._apply_fresh(explicit=explicit, language_changed=language_changed)

        self.ctx.run_db(fetch, on_done=done, receiver=self)

    def _part_names(self, parts) -> str:
        names = {"summary": self.tr("Summary"), "cause": self.tr("Cause"), "fix": self.tr("Fix"),
                 "developer_block": self.tr("Developer block")}
        return ", ".join(names.get(p, p) for p in parts)

    def _apply_fresh(self, *, explicit: bool, language_changed: bool = False, prefix: str = "") -> None:
        """Merge a draft built from the ticket as it is now into the editors and say what changed."""
        redraft = reply_actions.rebuild_draft(self._inputs(), self.generated, self.current_reply(),
                                              explicit=explicit)
        fresh, merged, kept, rewritten = redraft.fresh, redraft.merged, list(redraft.kept), redraft.rewritten
        if not explicit and fresh == (self.generated or replies.Reply("", "", "", "")):
            self._fill_private()
            return
        self.generated = fresh
        self._show_reply(merged)
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
        self._fill_private()
        self._schedule_save()

    def _say_save_state(self, text: str) -> None:
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
        self._show_reply(merged)
        self._hide_redraft()
        self.state.setText(self.tr("Re-drafted: {0}").format(self._part_names(parts)))
        self._schedule_save()

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
            templates = replies.load_templates(language)
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
        self._schedule_save()
        self._check_timer.start()

    def _schedule_save(self) -> None:
        self._autosave.start()

    def rendered(self, flavour: str = "plain") -> str:
        reply = self.current_reply()
        if self.audience.currentData() == Role.ENGINEER.value:
            reply = replies.Reply(reply.summary, reply.cause, reply.fix, "")
        render = {"plain": replies.render_plain, "markdown": replies.render_markdown,
                  "html": replies.render_html}[flavour]
        name = self.ticket.fields.requester_name if self.ticket else ""
        return render(reply, self.language.currentData(), greeting_name=name,
                      signature=self.ctx.settings.user_name)

    def _update_checks(self) -> None:
        self.preview.setPlainText(self.rendered("plain"))
        self.issues_model.clear()
        marketer = self.audience.currentData() != Role.ENGINEER.value
        language = self.language.currentData()
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        underline.setUnderlineColor(QColor("#d97706"))
        count = 0
        for part in PARTS:
            editor = self.editors[part]
            selections = []
            if marketer and part != "developer_block":
                for issue in jargon.check(editor.toPlainText(), language):
                    selection = QTextEdit.ExtraSelection()
                    cursor = QTextCursor(editor.document())
                    cursor.setPosition(issue.start)
                    cursor.setPosition(issue.end, QTextCursor.MoveMode.KeepAnchor)
                    selection.cursor = cursor
                    selection.format = underline
                    selections.append(selection)
                    item = QStandardItem(f"“{issue.text[:60]}” — {issue.suggestion}")
                    item.setData((part, issue.start, issue.end), Qt.ItemDataRole.UserRole)
                    self.issues_model.appendRow(item)
                    count += 1
            editor.setExtraSelections(selections)
        label = self.tr("Plain words") + (f" ({count})" if count else "")
        self.side.setTabText(1, label)
        self._mark_private_in_preview()
        if self._private:
            self._say_private()

    def _mark_private_in_preview(self) -> None:
        """Private notes in the preview get a background, so what leaves the desk is plain to see."""
        document = self.preview.document()
        highlight = QTextCharFormat()
        highlight.setBackground(QColor(252, 211, 77, 110))
        selections = []
        for item in self._private:
            for line in {line.strip() for line in item.text.splitlines() if line.strip()}:
                cursor = document.find(line)   # one block at a time: the preview finds no line breaks
                while not cursor.isNull():
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor
                    selection.format = highlight
                    selections.append(selection)
                    cursor = document.find(line, cursor)
        self.preview.setExtraSelections(selections)

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

    def _show_history(self, history) -> None:
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

    # -- saving -----------------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self._autosave.isActive() or (self.ticket is not None and self.ticket.id in self._unsaved)

    def unsaved_tickets(self) -> set[int]:
        return set(self._unsaved)

    def flush(self) -> None:
        if self.has_unsaved():
            self._autosave.stop()
            self.save_draft()

    def save_draft(self, force: bool = False) -> None:
        if self.ticket is None:
            return
        if self._saving:
            # One save at a time: the next one must carry the version the running one produces.
            self._save_again = True
            return
        reply = self.current_reply()
        ticket_id = self.ticket.id
        language, audience = self.language.currentData(), self.audience.currentData()
        typed_on = self.draft_version
        self._saving = True
        self._say_save_state(self.tr("Saving…"))
        self.ctx.run_db(
            self.ctx.tickets.save_draft, ticket_id, language=self.language.currentData(),
            audience=self.audience.currentData(), summary=reply.summary, cause=reply.cause, fix=reply.fix,
            developer_block=reply.developer_block,
            generated_json=_reply_json(self.generated, self._excluded),
            expected_version=self.draft_version, force=force, actor=self.ctx.settings.user_name,
            on_done=lambda draft: self._on_saved(ticket_id, draft),
            on_error=lambda exc: self._on_save_failed(ticket_id, exc, (reply, language, audience, typed_on)),
            receiver=self)

    def _save_finished(self) -> None:
        self._saving = False
        if self._save_again:
            self._save_again = False
            self.save_draft()

    def _on_saved(self, ticket_id: int, draft: DraftRecord) -> None:
        self._unsaved.pop(ticket_id, None)
        if self.ticket is not None and self.ticket.id == ticket_id:
            self.draft_version = draft.version
            if not self._autosave.isActive():
                self._say_save_state(self.tr("Draft saved"))
        self._save_finished()

    def _on_save_failed(self, ticket_id: int, exc: BaseException, typed=None) -> None:
        self._saving = False
        self._save_again = False
        if isinstance(exc, ConflictError):
            if self.ticket is None or self.ticket.id != ticket_id:
                return
            if isinstance(exc.theirs, dict):
                self._keep_both(exc.theirs)
            else:   # the teammate's save was still landing: look again shortly
                self._autosave.start()
            return
        if typed is not None:
            self._unsaved[ticket_id] = typed   # kept until a save succeeds, whichever ticket is shown (D-3)
        if self.ticket is not None and self.ticket.id == ticket_id:
            self.state.setText(self.tr("Not saved: {0}").format(messages.classify(exc)))
            self._autosave.start()  # try again; the text stays in the window meanwhile

    def _keep_both(self, theirs: dict) -> None:
        """A teammate saved this draft meanwhile (C-1): keep both texts, theirs under ours, and say so."""
        by = theirs.get("by") or self.tr("a teammate")
        mine = self.current_reply()
        merged = {}
        for part in PARTS:
            ours, other = getattr(mine, part).rstrip(), str(theirs.get(part, "")).rstrip()
            if other and other != ours and other not in ours:
                divider = self.tr("──── {0}'s version ────").format(by)
                merged[part] = f"{ours}\n\n{divider}\n{other}" if ours else other
            else:
                merged[part] = ours
        self.draft_version = theirs.get("version")
        self._show_reply(replies.Reply(**merged))
        self._schedule_save()
        text = self.tr(
            "{0} saved this reply draft while you were editing it. Nothing was replaced: their text is now "
            "below yours in each part, under a line with their name. Edit the draft down to one reply.")
        messages.warn(self, text.format(by), self.tr("Saved by someone else"))

    # -- output -----------------------------------------------------------------------------------

    def _private_notes_confirmed(self, action: str) -> bool:
        """Whether to go on with ``action`` (copying, marking as sent) while the reply quotes private notes."""
        sent = self.sent_private_items()
        if not sent:
            return True
        return messages.confirm(self, self.tr(
            "The reply quotes %n of your private note(s) (see Private notes beside the preview). {0} anyway?", "",
            len(sent)).format(action))

    def copy_reply(self) -> None:
        if not self._private_notes_confirmed(self.tr("Copy it")):
            return
        mime = QMimeData()
        mime.setText(self.rendered("plain"))
        mime.setData("text/markdown", self.rendered("markdown").encode("utf-8"))
        mime.setData("text/html", self.rendered("html").encode("utf-8"))  # escaped by the renderer
        QApplication.clipboard().setMimeData(mime)
        self.state.setText(self.tr("Copied as plain text, Markdown and HTML"))

    def save_as_file(self) -> None:
        if self.ticket is None or not self._private_notes_confirmed(self.tr("Save it")):
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save reply"), f"reply-{self.ticket.id}.txt",
            self.tr("Plain text (*.txt);;Markdown (*.md);;HTML (*.html)"))
        if path:
            self.write_file(Path(path), chosen)

    def write_file(self, path: Path, chosen_filter: str = "") -> None:
        flavour = "markdown" if path.suffix == ".md" or "*.md" in chosen_filter else (
            "html" if path.suffix in (".html", ".htm") or "*.html" in chosen_filter else "plain")
        try:
            path.write_text(self.rendered(flavour), encoding="utf-8")
        except OSError as exc:
            messages.report_exception(self, exc)
            return
        self.state.setText(self.tr("Saved to {0}").format(path.name))

    def post_to_helpdesk(self) -> None:
        """Post the reply to the helpdesk ticket once; a lost answer is reconciled, never re-posted."""
        from cre_desk.integrations.accounts import PROVIDERS, provider_for
        from cre_desk.integrations.posting import new_marker

        account = self._helpdesk_account()
        if account is None or self.ticket is None:
            return
        public = bool(self.visibility.currentData())
        kind = self.tr("public reply") if public else self.tr("internal note")
        if not messages.confirm(self, self.tr("Post this reply to the {0} ticket {1} as a {2}?").format(
                PROVIDERS.get(account.provider, account.provider), self.ticket.external_id, kind)):
            return
        body = self.rendered("plain")
        self._marker = self._marker or new_marker()   # the same marker on a retry finds a lost post
        marker, ticket_id, external_id = self._marker, self.ticket.id, self.ticket.external_id
        language, audience = self.language.currentData(), self.audience.currentData()
        service, actor = OnDbThread(self.ctx.tickets), self.ctx.settings.user_name
        self.post_button.setEnabled(False)
        self.state.setText(self.tr("Posting…"))

        def work():
            return reply_actions.post_reply(service, provider_for(account), ticket_id, external_id, body,
                                            public=public, marker=marker, language=language, audience=audience,
                                            channel=account.provider, actor=actor)

        def done(result) -> None:
            self.post_button.setEnabled(True)
            if result is None:
                self.state.setText(self.tr("Not posted"))
                messages.warn(self, self.tr("The helpdesk did not receive the reply, so nothing was posted. "
                                            "Your draft is kept; try again when the connection is back."))
                return
            self._marker = None
            self.draft_version = None
            self.generated = None
            self.state.setText(self.tr("Posted to the helpdesk"))
            self.ctx.run_db(service.list_sent_replies, ticket_id, on_done=self._show_history, receiver=self)
            self.sent.emit()

        def failed(exc: BaseException) -> None:
            from cre_desk.integrations.http_errors import Offline, ReplyUncertain

            self.post_button.setEnabled(True)
            if isinstance(exc, ReplyUncertain | Offline):
                # The reply may have reached the helpdesk: the draft and its reference stay for the next try.
                self.state.setText(self.tr("Not confirmed: {0} Posting again checks the ticket first, so the "
                                           "reply is never sent twice.").format(messages.classify(exc)))
                return
            self.state.setText(self.tr("Not posted: {0}").format(messages.classify(exc)))

        run_in_background(work, on_done=done, on_error=failed, receiver=self)

    def mark_sent(self) -> None:
        if self.ticket is None or not self._private_notes_confirmed(self.tr("Record it as sent")):
            return
        body = self.rendered("plain")
        ticket_id = self.ticket.id
        self._autosave.stop()

        def done(_record) -> None:
            self.draft_version = None
            self.generated = None
            self.state.setText(self.tr("Recorded as sent"))
            self.ctx.run_db(self.ctx.tickets.list_sent_replies, ticket_id, on_done=self._show_history,
                            receiver=self)
            self.sent.emit()

        self.ctx.run_db(reply_actions.mark_sent, self.ctx.tickets, ticket_id, body,
                        language=self.language.currentData(), audience=self.audience.currentData(),
                        actor=self.ctx.settings.user_name, draft_version=self.draft_version, on_done=done,
                        receiver=self)
