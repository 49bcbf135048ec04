"""The open ticket: a header with its status, and tabs for Overview, Checklist and Timeline.

Edits autosave shortly after typing stops, and are saved before switching tickets or closing, so
nothing typed is lost. A save that collides with a teammate's becomes a visible conflict.

Signals:
    ticket_loaded(int): a ticket is now shown.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cre_desk.actions.tickets import save_ticket
from cre_desk.core.tickets import TicketDetail, TicketFields
from cre_desk.core.vocabulary import Status
from cre_desk.errors import ConflictError
from cre_desk.gui import messages
from cre_desk.gui.attach_bar import AttachBar
from cre_desk.gui.autosave import AutosaveTimer
from cre_desk.gui.checklist_view import ChecklistView
from cre_desk.gui.context import AppContext
from cre_desk.gui.feedback_tags import FeedbackTagsBox
from cre_desk.gui.formatting import business_hours_text, due_text, due_tooltip, vocab
from cre_desk.gui.helpdesk_box import HelpdeskBox
from cre_desk.gui.issue_links import IssueLinksBox
from cre_desk.gui.kb_panel import SimilarPanel
from cre_desk.gui.log_workbench import LogWorkbench
from cre_desk.gui.notice_labels import ElidedLabel
from cre_desk.gui.overview_form import OverviewForm
from cre_desk.gui.reply_composer import ReplyComposer
from cre_desk.gui.ticket_attaching import TicketAttacher
from cre_desk.gui.timeline_view import TimelineView


class TicketPane(QWidget):
    ticket_loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket: TicketDetail | None = None
        self._saving = False
        self._save_again = False
        self._notice = ""   # a one-off message shown in place of "Saved" after the next refresh
        # Overview edits whose save failed (disk full, server down), by ticket id, with the version they were
        # typed on: kept until a save succeeds, shown again when the ticket is opened (D-3).
        self._unsaved: dict[int, tuple[TicketFields, int]] = {}

        self.status = QComboBox()
        for status in Status:
            self.status.addItem(vocab(status), status.value)
        self.status.setToolTip(self.tr("Status (Ctrl+Shift+S). Waiting statuses pause the resolution clock."))
        self.status.activated.connect(self._on_status_activated)
        self.save_state = ElidedLabel()
        self.clocks = QLabel()
        self.clocks.setTextFormat(Qt.TextFormat.PlainText)
        self._clock_timer = QTimer(self, interval=60_000)
        self._clock_timer.timeout.connect(self.update_clocks)
        self._clock_timer.start()

        self.overview = OverviewForm()
        self.checklist = ChecklistView(ctx)
        self.timeline = TimelineView()
        self.logs = LogWorkbench(ctx)
        self.reply = ReplyComposer(ctx, accepted_findings=lambda: tuple(self.logs.accepted_findings.items()))
        self.issue_links = IssueLinksBox(ctx)
        self.overview.side_column.addWidget(self.issue_links)
        self.issue_links.notice_requested.connect(self._draft_notice)
        self.helpdesk_box = HelpdeskBox(ctx, before_resolve=self.flush)
        self.overview.side_column.addWidget(self.helpdesk_box)
        self.helpdesk_box.resolved.connect(self._refresh_quietly)
        self.feedback_tags = FeedbackTagsBox(ctx)
        self.overview.side_column.addWidget(self.feedback_tags)
        self.feedback_tags.category_needed.connect(self._on_feedback_category_needed)
        self.tabs = QTabWidget()
        # The Overview holds many boxes (fields, texts, logs, issues, product feedback): it scrolls rather
        # than making the window taller than the screen.
        overview_scroll = QScrollArea()
        overview_scroll.setWidget(self.overview)
        overview_scroll.setWidgetResizable(True)
        overview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(overview_scroll, self.tr("&Overview"))
        self.tabs.addTab(self.checklist, self.tr("&Checklist"))
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        self.tabs.addTab(self.logs, self.tr("&Logs"))
        self.tabs.addTab(self.reply, self.tr("&Reply"))

        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Status")))
        header.addWidget(self.status)
        header.addSpacing(16)
        header.addWidget(self.clocks)
        header.addStretch(1)
        header.addWidget(self.save_state)
        content = QWidget()
        c = QVBoxLayout(content)
        c.setContentsMargins(0, 0, 0, 0)
        c.addLayout(header)
        self.attach_bar = AttachBar()
        c.addWidget(self.attach_bar)
        self.similar = SimilarPanel(ctx, reply_language=lambda: self.reply.language.currentData() or "en")
        self.similar.insert_requested.connect(self._on_similar_insert_requested)
        self.side_split = QSplitter(Qt.Orientation.Horizontal)
        self.side_split.addWidget(self.tabs)
        self.side_split.addWidget(self.similar)
        self.side_split.setStretchFactor(0, 1)
        self.side_split.setSizes([880, 200])
        c.addWidget(self.side_split, 1)

        self.empty = QLabel(self.tr("Select a ticket on the left, or create one with Ctrl+N."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._autosave = AutosaveTimer(self)
        self._autosave.timeout.connect(self.save)
        self.overview.edited.connect(self._on_overview_edited)
        self.attacher = TicketAttacher(self, ctx, self.attach_bar, self.logs, lambda: self.ticket,
                                       refresh=self._refresh_quietly)
        self.overview.files_dropped.connect(self.attacher.attach)
        self.overview.attach_requested.connect(self.attacher.choose)
        self.overview.remove_requested.connect(self.attacher.remove)
        self.logs.files_dropped.connect(self.attacher.attach)
        self.logs.attach_requested.connect(self.attacher.choose)
        self.checklist.verdict_saved.connect(lambda _e: self._refresh_quietly())
        self.logs.evidence_added.connect(self._refresh_quietly)
        self.reply.sent.connect(self._refresh_quietly)

    # ----- showing -------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._autosave.isActive() or (self.ticket is not None and self.ticket.id in self._unsaved)

    def unsaved_tickets(self) -> list[int]:
        """Tickets with typed text that is not in the database yet (Overview, Checklist or Reply)."""
        ids = set(self._unsaved) | self.checklist.unsaved_tickets() | self.reply.unsaved_tickets()
        if self.ticket is not None and (self._autosave.isActive() or self.checklist.has_unsaved()
                                        or self.reply.has_unsaved()):
            ids.add(self.ticket.id)
        return sorted(ids)

    def show_ticket(self, ticket_id: int) -> None:
        """Open a ticket, saving the one shown first."""
        if self.ticket is not None and self.ticket.id == ticket_id:
            return
        self.flush()
        self.ctx.run_db(self.ctx.tickets.get_ticket, ticket_id, on_done=self._on_ticket_fetched, receiver=self)

    def _on_ticket_fetched(self, ticket: TicketDetail) -> None:
        if not self.attach_bar.running:
            self.attach_bar.clear()   # what became of the previous ticket's files is not news on this one
        self._show(ticket)
        self.ticket_loaded.emit(ticket.id)

    def _show(self, ticket: TicketDetail, *, keep_form: bool = False) -> None:
        self.ticket = ticket
        self.stack.setCurrentIndex(1)
        pending = self._unsaved.get(ticket.id)
        if pending is not None and not keep_form:
            # Edits that could not be saved come back; saving them still detects a teammate's save since.
            mine, typed_on = pending
            self.overview.load(replace(ticket, fields=mine))
            self.ticket = replace(ticket, version=typed_on)
            self.overview.show_extras(ticket)
        elif not keep_form:
            self.overview.load(ticket)
        else:
            self.overview.show_extras(ticket)
        self.checklist.load(ticket)
        self.timeline.load(ticket)
        self.logs.load(ticket)
        self.reply.load(ticket)
        self.similar.load(ticket)
        if self.issue_links.ticket_id != ticket.id:
            self.issue_links.load(ticket.id)
        self.feedback_tags.load(ticket)
        self.helpdesk_box.load(ticket)
        self.status.setCurrentIndex(self.status.findData(ticket.status))
        self.update_clocks()
        if pending is not None and not keep_form:
            self.save_state.setText(self.tr("Not saved · Ctrl+S retries"))
        else:
            self.save_state.setText(self._notice or self.tr("Saved"))
        self._notice = ""

    def _on_similar_insert_requested(self, part: str, text: str) -> None:
        self.reply.append_to_part(part, text)
        self.tabs.setCurrentWidget(self.reply)

    def _draft_notice(self, text: str) -> None:
        """A linked SDK issue closed: put a first notice for the customer into the reply."""
        self.tabs.setCurrentWidget(self.reply)
        editor = self.reply.editors["summary"]
        current = editor.toPlainText().rstrip()
        editor.setPlainText(f"{current}\n\n{text}" if current else text)

    def update_clocks(self) -> None:
        """The running clocks of the open ticket, in business hours, with its target state."""
        ticket = self.ticket
        if ticket is None:
            self.clocks.clear()
            return
        from cre_desk.core import timers

        service = self.ctx.tickets
        try:
            clocks = timers.compute(ticket.created_at, ticket.history, first_response_at=ticket.first_response_at,
                                    category=ticket.fields.category, calendar=service.calendar,
                                    now=service.clock(), targets=service.targets)
        except Exception:  # noqa: BLE001 - a clock must never break the ticket view
            self.clocks.clear()
            return
        due = timers.clocks_due(clocks, service.clock(), service.calendar)
        parts = []
        if clocks.first_response_business_s is not None:
            parts.append(self.tr("First response {0} business h").format(
                business_hours_text(clocks.first_response_business_s)))
        else:
            parts.append(self.tr("No response yet"))
        used = business_hours_text(clocks.resolution_business_s)
        if clocks.allowed_business_s is not None:
            parts.append(self.tr("Resolution {0} of {1} business h").format(
                used, business_hours_text(clocks.allowed_business_s)))
        else:
            parts.append(self.tr("Resolution {0} business h").format(used))
        state = {timers.ON_TRACK: self.tr("on track"), timers.AT_RISK: self.tr("at risk"),
                 timers.BREACHED: self.tr("target missed"), timers.MET: self.tr("target met"),
                 timers.PAUSED: self.tr("paused")}.get(due.state, "")
        if state:
            parts.append(state)
        if due.state in (timers.ON_TRACK, timers.AT_RISK, timers.BREACHED) and not due.resolved:
            parts.append(due_text(due))   # the queue's Due words: 'in 5.5 h' or 'overdue 0.3 h'
        self.clocks.setText(" · ".join(parts))
        tip = due_tooltip(due, service.calendar.name)
        paused = business_hours_text(clocks.paused_business_s)
        if paused != business_hours_text(0.0):
            # Why resolution can read less than the first response: waiting statuses stop its clock.
            said = self.tr("Paused so far: {0} business hours, not counted in Resolution.").format(paused)
            tip = f"{said}\n{tip}"
        self.clocks.setToolTip(tip)
        colour = {timers.AT_RISK: "#b45309", timers.BREACHED: "#c0262d"}.get(due.state)
        self.clocks.setStyleSheet(f"color: {colour};" if colour else "")

    def clear(self) -> None:
        self.ticket = None
        self.stack.setCurrentIndex(0)

    def _refresh_quietly(self) -> None:
        """Reload after a change made elsewhere on this ticket, keeping any unsaved form edits."""
        if self.ticket is None:
            return
        ticket_id = self.ticket.id

        def done(ticket: TicketDetail) -> None:
            if self.ticket is not None and self.ticket.id == ticket_id:
                if self.dirty:
                    # adopt the new version but keep the user's typing in the form
                    self.ticket = ticket
                    self.overview.show_extras(ticket)
                    self.timeline.load(ticket)
                    self.logs.load(ticket)
                    self.update_clocks()
                else:
                    self._show(ticket)
                self.ctx.ticket_saved.emit(ticket_id)

        self.ctx.run_db(self.ctx.tickets.get_ticket, ticket_id, on_done=done, receiver=self)

    # ----- saving --------------------------------------------------------------------------------

    def _on_overview_edited(self) -> None:
        self.save_state.setText(self.tr("Editing…"))
        self._autosave.start()

    def flush(self) -> None:
        """Save pending edits now (before switching tickets or closing, and on Ctrl+S), including edits
        whose earlier save failed."""
        if self.dirty:
            self.save()
        if self.checklist.has_unsaved():
            self.checklist.save_current()
        self.reply.flush()

    def save(self) -> None:
        self._autosave.stop()
        if self.ticket is None:
            return
        if self._saving:
            self._save_again = True
            return
        fields = self.overview.fields()
        if fields == self.ticket.fields and self.ticket.id not in self._unsaved:
            self.save_state.setText(self.tr("Saved"))
            return
        self._saving = True
        self.save_state.setText(self.tr("Saving…"))
        ticket = self.ticket
        service, actor = self.ctx.tickets, self.ctx.user

        self.ctx.run_db(save_ticket, service, ticket, fields, actor=actor, on_done=self._on_saved,
                        on_error=lambda exc: self._on_save_failed(fields, exc, ticket), receiver=self)

    def _on_saved(self, ticket: TicketDetail) -> None:
        self._saving = False
        self._unsaved.pop(ticket.id, None)
        if self.ticket is not None and self.ticket.id != ticket.id:
            self.ctx.ticket_saved.emit(ticket.id)   # saved on the way to another ticket
            if self._save_again:
                self._save_again = False
                self.save()
            return
        symptom_changed = self.ticket is not None and self.ticket.fields.symptom != ticket.fields.symptom
        still_editing = self.dirty
        self.ticket = ticket
        self.overview.show_extras(ticket)
        if symptom_changed:
            self.checklist.load(ticket)
        self.timeline.load(ticket)
        self.update_clocks()   # a new category has a different target
        self.feedback_tags.load(ticket)
        self.save_state.setText(self.tr("Editing…") if still_editing else self.tr("Saved"))
        self.ctx.ticket_saved.emit(ticket.id)
        if self._save_again:
            self._save_again = False
            self.save()

    def _on_save_failed(self, mine: TicketFields, exc: BaseException, typed_on: TicketDetail) -> None:
        self._saving = False
        self._save_again = False
        shown = self.ticket is not None and self.ticket.id == typed_on.id
        if isinstance(exc, ConflictError) and isinstance(exc.theirs, TicketDetail):
            self._unsaved.pop(typed_on.id, None)
            if shown:
                self.save_state.setText(self.tr("Not saved"))
                self._resolve_conflict(mine, exc.theirs)
                return
            self._unsaved[typed_on.id] = (mine, typed_on.version)  # the conflict shows when it is reopened
        else:
            # Keep the text until a save succeeds: Ctrl+S, switching back or closing tries again (D-3).
            self._unsaved[typed_on.id] = (mine, typed_on.version)
        if shown:
            self.save_state.setText(self.tr("Not saved · Ctrl+S retries"))
        messages.report_exception(self, exc)

    def _resolve_conflict(self, mine: TicketFields, theirs: TicketDetail) -> None:
        """Show both versions; the user keeps theirs or re-applies their own on top."""
        from cre_desk.gui.conflict_dialog import ConflictDialog

        keep_mine = ConflictDialog.ask(self, mine, theirs.fields)
        self.ticket = theirs
        if keep_mine:
            self.overview.load(replace(theirs, fields=mine))
            self.save()
        else:
            self.overview.load(theirs)
            self.save_state.setText(self.tr("Saved"))

    # ----- actions -------------------------------------------------------------------------------

    def _on_feedback_category_needed(self, category: str) -> None:
        """A confirmed kind belongs to another category: change it on the form and save as usual."""
        self.overview.category.setCurrentIndex(max(0, self.overview.category.findData(category)))
        self.save()

    def _on_status_activated(self, _index: int) -> None:
        if self.ticket is None:
            return
        new_status = self.status.currentData()
        if new_status == self.ticket.status:
            return
        self.flush()
        service, actor, ticket_id = self.ctx.tickets, self.ctx.user, self.ticket.id

        def change():
            return service.change_status(ticket_id, new_status, actor=actor)

        def done(ticket: TicketDetail) -> None:
            self.ticket = ticket  # the form keeps any typing; save() compares against these fields
            self.timeline.load(ticket)
            self.status.setCurrentIndex(self.status.findData(ticket.status))
            self.update_clocks()   # a pause or a reopen changes the clock now, not at the next minute's tick
            self.ctx.ticket_saved.emit(ticket.id)

        def failed(exc: BaseException) -> None:
            self.status.setCurrentIndex(self.status.findData(self.ticket.status))
            messages.report_exception(self, exc)

        self.ctx.run_db(change, on_done=done, on_error=failed, receiver=self)

    def search_logs(self) -> bool:
        """Ctrl+F in the Logs tab searches the log; False elsewhere (the window then searches the queue)."""
        return self.tabs.currentWidget() is self.logs and self.logs.focus_search()

    def focus_status(self) -> None:
        self.status.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.status.showPopup()
