"""The Checklist tab: walk the possible causes area by area, record a verdict and evidence for each.

Signals:
    verdict_saved(object): a ChecklistEntry was saved.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cre_desk.actions.checklist import set_verdict
from cre_desk.core.tickets import ChecklistEntry, TicketDetail
from cre_desk.core.vocabulary import DECIDED_VERDICTS, Verdict
from cre_desk.errors import ConflictError
from cre_desk.gui import messages
from cre_desk.gui.autosave import AutosaveTimer
from cre_desk.gui.best_practice_card import CardLinks
from cre_desk.gui.checklist_model import ENTRY_ROLE, ChecklistModel
from cre_desk.gui.checklist_texts import ItemTexts, scoping_text, texts_for
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import ui_language, vocab


def _plain_label(word_wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(word_wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class ChecklistView(QWidget):
    verdict_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket: TicketDetail | None = None
        self._texts: dict[str, ItemTexts] = {}
        self._current: ChecklistEntry | None = None
        self._loading = False

        self.model = ChecklistModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m causes checked"))
        self.scope = _plain_label()
        self.scope.setObjectName("scopeHint")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.scope)

        self.item_title = _plain_label()
        font = self.item_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.item_title.setFont(font)
        self.area_label = _plain_label()
        self.question = _plain_label()
        self.how_to = _plain_label()
        self.plain_cause = _plain_label()
        self.patterns = QPlainTextEdit(readOnly=True)
        self.patterns.setMaximumHeight(90)
        self.patterns.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = self.patterns.font()
        mono.setFamily("monospace")
        mono.setStyleHint(mono.StyleHint.TypeWriter)
        self.patterns.setFont(mono)
        self.verdict_buttons = QButtonGroup(self)
        verdict_row = QGridLayout()  # three per row, so long (Japanese) labels never push the pane wider
        verdict_row.setHorizontalSpacing(6)
        shortcuts = {Verdict.RULED_OUT: "Alt+1", Verdict.SUSPECTED: "Alt+2", Verdict.CONFIRMED: "Alt+3",
                     Verdict.NOT_APPLICABLE: "Alt+4", Verdict.NOT_CHECKED: "Alt+0"}
        for verdict in (Verdict.RULED_OUT, Verdict.SUSPECTED, Verdict.CONFIRMED, Verdict.NOT_APPLICABLE,
                        Verdict.NOT_CHECKED):
            button = QPushButton(vocab(verdict))
            button.setCheckable(True)
            button.setProperty("verdict", verdict.value)
            button.setToolTip(shortcuts[verdict])
            QShortcut(QKeySequence(shortcuts[verdict]), self, activated=button.click)
            self.verdict_buttons.addButton(button)
            slot = len(self.verdict_buttons.buttons()) - 1
            verdict_row.addWidget(button, slot // 3, slot % 3)
        self.verdict_buttons.buttonClicked.connect(self._on_verdict_clicked)
        self.evidence = QPlainTextEdit()
        self.evidence.setPlaceholderText(self.tr(
            "Evidence: what you checked and what you saw (log lines, dashboard settings, test results)."))
        self.evidence.textChanged.connect(self._on_evidence_changed)
        self.next_button = QPushButton(self.tr("Next unchecked cause"))
        self.next_button.setShortcut(QKeySequence("Ctrl+J"))
        self.next_button.setToolTip(self.tr("Ctrl+J"))
        self.next_button.clicked.connect(self.select_next_unchecked)
        self.saved_label = QLabel()

        # The cause's texts scroll; the verdict buttons, the evidence and Next stay in view below them
        # however long the texts are (Japanese ones with log lines to look for ran past the window).
        texts = QWidget()
        d = QVBoxLayout(texts)
        d.addWidget(self.area_label)
        d.addWidget(self.item_title)
        self.cards = CardLinks(ctx)
        d.addWidget(self.cards)
        d.addWidget(self._caption(self.tr("Question")))
        d.addWidget(self.question)
        d.addWidget(self._caption(self.tr("How to verify")))
        d.addWidget(self.how_to)
        d.addWidget(self._caption(self.tr("If this is the cause, the customer hears")))
        d.addWidget(self.plain_cause)
        self.patterns_caption = self._caption(self.tr("Log lines to look for"))
        d.addWidget(self.patterns_caption)
        d.addWidget(self.patterns)
        d.addStretch(1)
        self.texts_scroll = QScrollArea()
        self.texts_scroll.setWidgetResizable(True)
        self.texts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.texts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.texts_scroll.setWidget(texts)
        self.evidence.setMinimumHeight(self.evidence.fontMetrics().lineSpacing() * 3 + 12)

        detail = QWidget()   # the right-hand side: texts above, decisions below
        r = QVBoxLayout(detail)
        r.setContentsMargins(0, 0, 0, 0)
        r.addWidget(self.texts_scroll, 3)
        decisions = QVBoxLayout()
        decisions.setContentsMargins(9, 0, 9, 0)
        decisions.addWidget(self._caption(self.tr("Verdict")))
        decisions.addLayout(verdict_row)
        decisions.addWidget(self._caption(self.tr("Evidence")))
        decisions.addWidget(self.evidence, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.next_button)
        decisions.addLayout(bottom)
        r.addLayout(decisions, 2)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(detail)
        split.setSizes([600, 420])   # the cause names need the width more than the wrapped texts
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self._evidence_timer = AutosaveTimer(self)
        # Evidence whose save failed (disk full, server down), by checklist item id: (ticket id, verdict,
        # evidence). Kept until a save succeeds and shown again when the item is (D-3).
        self._unsaved: dict[int, tuple[int, str, str]] = {}
        self._in_flight: set[int] = set()
        self._evidence_timer.timeout.connect(self.save_current)
        self._set_detail_enabled(False)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    # ----- loading -------------------------------------------------------------------------------

    def load(self, ticket: TicketDetail) -> None:
        """Show the checklist of ``ticket``; keeps the selected item when it is the same ticket."""
        same_ticket = self.ticket is not None and self.ticket.id == ticket.id
        keep = self._current.id if (same_ticket and self._current) else None
        if same_ticket and self.has_unsaved():
            self.save_current()
        self.ticket = ticket
        self._texts = texts_for(ticket.fields.symptom, ui_language())
        titles = {key: t.title for key, t in self._texts.items()}
        self.model.set_entries(ticket.checklist, titles)
        self.tree.expandAll()
        self._update_progress()
        scoping = scoping_text(ticket.fields.symptom, ui_language())
        self.scope.setText(scoping)
        self.scope.setVisible(bool(scoping))
        if keep is not None and self.model.index_of(keep).isValid():
            self._select(self.model.index_of(keep))
        elif ticket.checklist:
            self.select_next_unchecked(from_start=True)
        else:
            self._show_entry(None)

    def _update_progress(self) -> None:
        entries = self.model.entries()
        self.progress.setMaximum(max(1, len(entries)))
        self.progress.setValue(sum(1 for e in entries if e.verdict in DECIDED_VERDICTS))

    def _select(self, index) -> None:
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)

    def select_next_unchecked(self, _checked: bool = False, *, from_start: bool = False) -> None:
        """Move to the next item without a verdict, in the walk order the checklist file gives."""
        entries = sorted(self.model.entries(), key=lambda e: e.position)
        if not entries:
            return
        start = -1 if from_start or self._current is None else self._current.position
        ordered = [e for e in entries if e.position > start] + [e for e in entries if e.position <= start]
        target = next((e for e in ordered if e.verdict == Verdict.NOT_CHECKED), None)
        if target is None:
            target = entries[0] if from_start else None
            if target is None:
                self.saved_label.setText(self.tr("Every cause has a verdict."))
                return
        self._select(self.model.index_of(target.id))

    # ----- detail --------------------------------------------------------------------------------

    def _on_tree_current_changed(self, current, _previous) -> None:
        if self.has_unsaved():
            self.save_current()
        self._show_entry(current.data(ENTRY_ROLE) if current.isValid() else None)

    def _set_detail_enabled(self, enabled: bool) -> None:
        for button in self.verdict_buttons.buttons():
            button.setEnabled(enabled)
        self.evidence.setEnabled(enabled)

    def _show_entry(self, entry: ChecklistEntry | None) -> None:
        self._loading = True
        try:
            self._current = entry
            self._set_detail_enabled(entry is not None)
            self.texts_scroll.verticalScrollBar().setValue(0)   # each cause is read from its top
            if entry is None:
                for label in (self.item_title, self.area_label, self.question, self.how_to, self.plain_cause):
                    label.clear()
                self.item_title.setText(self.tr("Choose a cause on the left."))
                self.cards.show_for(None, None)
                self.patterns.clear()
                self.evidence.clear()
                return
            texts = self._texts.get(entry.item_key)
            self.cards.show_for(entry.symptom, entry.item_key,
                                self.ticket.fields.sdk_name if self.ticket is not None else "")
            self.area_label.setText(f"{entry.area} · {vocab(entry.area)}")
            self.item_title.setText(texts.title if texts else entry.title)
            self.question.setText(texts.question if texts else "")
            self.how_to.setText(texts.how_to_verify if texts else "")
            self.plain_cause.setText(texts.plain_cause if texts else "")
            patterns = "\n".join(texts.log_patterns) if texts else ""
            self.patterns.setPlainText(patterns)
            self.patterns.setVisible(bool(patterns))
            self.patterns_caption.setVisible(bool(patterns))
            pending = self._unsaved.get(entry.id)
            verdict, evidence = (pending[1], pending[2]) if pending else (entry.verdict, entry.evidence)
            for button in self.verdict_buttons.buttons():
                button.setChecked(button.property("verdict") == verdict)
            if self.evidence.toPlainText() != evidence:
                self.evidence.setPlainText(evidence)
            if pending:
                self.saved_label.setText(self.tr("Not saved: your text is kept; press Ctrl+S to try again"))
            else:
                self.saved_label.clear()
        finally:
            self._loading = False

    def _on_verdict_clicked(self, button) -> None:
        if self._current is None:
            return
        self.save_current(verdict=button.property("verdict"))

    def _on_evidence_changed(self) -> None:
        if not self._loading and self._current is not None:
            self.saved_label.setText(self.tr("Editing…"))
            self._evidence_timer.start()

    def has_unsaved(self) -> bool:
        """Typing not saved yet, or an earlier save of the shown item that failed."""
        current = self._current
        return self._evidence_timer.isActive() or (current is not None and current.id in self._unsaved)

    def unsaved_tickets(self) -> set[int]:
        return {ticket_id for ticket_id, _verdict, _evidence in self._unsaved.values()}

    def save_current(self, verdict: str | None = None) -> None:
        """Save the shown item's verdict and evidence (evidence autosaves shortly after typing stops)."""
        self._evidence_timer.stop()
        entry = self._current
        if entry is None:
            return
        pending = self._unsaved.get(entry.id)
        new_verdict = verdict or (pending[1] if pending else entry.verdict)
        evidence = self.evidence.toPlainText()
        if new_verdict == entry.verdict and evidence == entry.evidence:
            if entry.id not in self._in_flight:   # typed back to what is saved
                self._unsaved.pop(entry.id, None)
            return
        self._in_flight.add(entry.id)
        # Optimistically show the result; the saved entry replaces it when the database answers.
        provisional = ChecklistEntry(**{**entry.__dict__, "verdict": new_verdict, "evidence": evidence})
        self._current = provisional
        self.model.update_entry(provisional)
        self._update_progress()
        self.saved_label.setText(self.tr("Saving…"))
        service, actor = self.ctx.tickets, self.ctx.user
        ticket_id = self.ticket.id if self.ticket is not None else 0
        self.ctx.run_db(set_verdict, service, entry, new_verdict, evidence, actor=actor,
                        on_done=self._on_saved,
                        on_error=lambda exc: self._on_save_failed(entry, exc, new_verdict, evidence,
                                                                  ticket_id),
                        receiver=self)

    def _on_saved(self, saved: ChecklistEntry) -> None:
        self._in_flight.discard(saved.id)
        pending = self._unsaved.get(saved.id)
        if pending is not None and pending[2] == saved.evidence:
            del self._unsaved[saved.id]
        self.model.update_entry(saved)
        if self._current is not None and self._current.id == saved.id:
            self._current = saved if saved.evidence == self.evidence.toPlainText() else \
                ChecklistEntry(**{**saved.__dict__, "evidence": saved.evidence})
        self._update_progress()
        self.saved_label.setText(self.tr("Saved"))
        self.verdict_saved.emit(saved)

    def _on_save_failed(self, original: ChecklistEntry, exc: BaseException, verdict: str = "",
                        evidence: str = "", ticket_id: int = 0) -> None:
        self._in_flight.discard(original.id)
        self.saved_label.setText(self.tr("Not saved"))
        if not isinstance(exc, ConflictError):
            # Keep the text until a save succeeds: Ctrl+S, reopening the item or closing tries again (D-3).
            self._unsaved[original.id] = (ticket_id, verdict or original.verdict, evidence)
            self.saved_label.setText(self.tr("Not saved: your text is kept; press Ctrl+S to try again"))
        if isinstance(exc, ConflictError) and isinstance(exc.theirs, dict):
            text = self.tr(
                "Someone else changed this cause while you were editing.\n\nTheir verdict: {0}\nTheir "
                "evidence:\n{1}\n\nYour evidence is still in the editor; reload the ticket to merge.").format(
                vocab(exc.theirs.get("verdict", "")), exc.theirs.get("evidence", ""))
            messages.warn(self, text, self.tr("Saved by someone else"))
            self.model.update_entry(original)
            return
        self.model.update_entry(original)
        if self._current is not None and self._current.id == original.id:
            self._current = ChecklistEntry(**{**original.__dict__, "evidence": original.evidence})
        messages.report_exception(self, exc)
