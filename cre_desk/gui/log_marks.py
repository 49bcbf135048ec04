"""The Logs tab's marks: lines the engineer marked (with a note) and lines quoted as checklist evidence.

Marks are kept on the ticket's own logs in the database and shown in both panes; a marked or any other line
can be quoted into the checklist item it is evidence for. The marks belong to the ticket on screen, so this
panel works for the Logs tab (``LogWorkbench``), which holds that ticket, its marks and its open logs. Its
texts keep that view's translation context ("LogWorkbench", where they are translated): they are written as
``QCoreApplication.translate`` calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLabel, QListView, QVBoxLayout, QWidget

from cre_desk.actions import checklist as checklist_actions
from cre_desk.core.tickets import MarkRecord
from cre_desk.gui import messages
from cre_desk.gui.formatting import plain_label, plain_tooltip, ui_language
from cre_desk.gui.log_pane import LogPane
from cre_desk.gui.notice_labels import never_wider
from cre_desk.gui.wrapping_delegate import wrap_rows

if TYPE_CHECKING:
    from cre_desk.gui.log_workbench import LogWorkbench


class MarksPanel(QWidget):
    """The Marks tab of the Logs tab; marking and quoting lines of either pane."""

    def __init__(self, bench: LogWorkbench) -> None:
        super().__init__()
        self.bench = bench
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        wrap_rows(self.view)
        self.view.doubleClicked.connect(self._go_to_mark)
        hint = QCoreApplication.translate(
            "LogWorkbench", "Ctrl+M marks the current line. Double-click a mark to go to it; "
                            "right-click a line to quote it as checklist evidence.")
        m = QVBoxLayout(self)
        m.addWidget(never_wider(plain_label(QLabel(hint), wrap=True, selectable=True)))
        m.addWidget(self.view, 1)

    def load(self) -> None:
        """Read the ticket's marks again (after opening it, adding or removing one)."""
        bench = self.bench
        if bench.ticket is None:
            return
        ticket_id, generation = bench.ticket.id, bench.generation

        def done(marks: list[MarkRecord]) -> None:
            if bench.is_current(generation):
                self._on_marks(marks)

        bench.ctx.run_db(bench.ctx.tickets.list_marks, ticket_id, on_done=done, receiver=self)

    def _on_marks(self, marks: list[MarkRecord]) -> None:
        self.bench.marks = marks
        self.model.clear()
        for mark in marks:
            item = QStandardItem(mark.citation())
            item.setToolTip(plain_tooltip(mark.citation()))   # U-1: the quoted line is customer text
            self.model.appendRow(item)
        self.apply()

    def apply(self) -> None:
        """Show each pane's marks in its log."""
        for pane in (self.bench.left, self.bench.right):
            name = pane.doc.name if pane.doc else None
            pane.model.set_marks({m.line_no: m.note for m in self.bench.marks if m.log_name == name})

    def toggle_mark(self, pane: LogPane, line: int, text: str) -> None:
        bench = self.bench
        if bench.ticket is None or pane.doc is None:
            return
        attachment_id = bench.attachment_of(pane)
        if attachment_id is None:
            messages.info(bench, QCoreApplication.translate(
                "LogWorkbench", "Marks are kept on the ticket's own logs, not on baselines."))
            return
        name = pane.doc.name
        existing = next((m for m in bench.marks if m.log_name == name and m.line_no == line), None)
        service = bench.ctx.tickets
        if existing is not None:
            bench.ctx.run_db(service.delete_mark, existing.id, on_done=lambda _r: self.load(), receiver=self)
            return
        title = QCoreApplication.translate("LogWorkbench", "Mark line {0}").format(line + 1)
        prompt = QCoreApplication.translate("LogWorkbench", "Note (optional):")
        note, ok = QInputDialog.getText(bench, title, prompt)
        if not ok:
            return
        bench.ctx.run_db(service.add_mark, bench.ticket.id, attachment_id, line, text, log_name=name,
                         note=note, actor=bench.ctx.settings.user_name, on_done=lambda _r: self.load(),
                         receiver=self)

    def _go_to_mark(self, index) -> None:
        bench = self.bench
        if not index.isValid() or index.row() >= len(bench.marks):
            return
        mark = bench.marks[index.row()]
        for pane in (bench.left, bench.right):
            if pane.doc is not None and pane.doc.name == mark.log_name:
                pane.go_to_line(mark.line_no)
                return
        for i in range(bench.log_combo.count()):
            choice = bench.log_combo.itemData(i)
            if choice.name == mark.log_name:
                bench.log_combo.setCurrentIndex(i)
                bench.open_doc(bench.left, choice, on_ready=lambda _d: bench.left.go_to_line(mark.line_no))
                return

    def quote_line(self, pane: LogPane, line: int, text: str) -> None:
        """Ask which checklist item the line is evidence for, then append it there."""
        bench = self.bench
        if bench.ticket is None or pane.doc is None:
            return
        if not bench.ticket.checklist:
            messages.info(bench, QCoreApplication.translate(
                "LogWorkbench", "Choose the ticket's symptom first: it gives the ticket its checklist."))
            return
        findings = bench.analysis.findings if bench.analysis else []
        ordered = checklist_actions.ordered_for_line(bench.ticket, findings, line)
        from cre_desk.gui.checklist_texts import texts_for

        texts = texts_for(bench.ticket.fields.symptom, ui_language())
        labels = [f"{e.area} · {texts[e.item_key].title if e.item_key in texts else e.title}"
                  for e in ordered]
        label, ok = QInputDialog.getItem(
            bench, QCoreApplication.translate("LogWorkbench", "Quote as evidence"),
            QCoreApplication.translate("LogWorkbench",
                                       "Which possible cause is line {0} evidence for?").format(line + 1),
            labels, 0, False)
        if not ok:
            return
        entry = ordered[labels.index(label)]
        note = next((m.note for m in bench.marks if m.log_name == pane.doc.name and m.line_no == line), "")
        bench.ctx.run_db(checklist_actions.quote_line, bench.ctx.tickets, entry, pane.doc.name, line, text,
                         note=note, actor=bench.ctx.settings.user_name,
                         on_done=lambda _e: bench.evidence_added.emit(), receiver=self)
