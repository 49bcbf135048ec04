"""The Overview tab: the ticket's fields, the two "asked / really trying to achieve" texts, the
conversation and the attached files (drop log files anywhere on the tab to attach them).

Signals:
    edited(): the user changed a field (the pane schedules an autosave).
    files_dropped(list): local file paths dropped onto the tab.
    attach_requested(): the user pressed Attach… (the pane asks which files).
    remove_requested(int): the user asked to remove the attachment with this id (the pane confirms).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from cre_desk.core.tickets import TicketDetail, TicketFields
from cre_desk.core.vocabulary import Category, Platform, Role, Symptom
from cre_desk.gui.formatting import local_time, plain_tooltip, vocab
from cre_desk.gui.forms.ui_overview_form import Ui_OverviewForm
from cre_desk.gui.notice_labels import shorten_long_words

PRIORITIES = ("low", "normal", "high", "urgent")


def priority_names() -> dict[str, str]:
    """Priority labels in the UI language (literal calls, so the catalogue has them)."""
    return {"low": QCoreApplication.translate("OverviewForm", "Low"),
            "normal": QCoreApplication.translate("OverviewForm", "Normal"),
            "high": QCoreApplication.translate("OverviewForm", "High"),
            "urgent": QCoreApplication.translate("OverviewForm", "Urgent")}


def _fill(box: QComboBox, values) -> None:
    for value in values:
        box.addItem(vocab(value), str(value))


class OverviewForm(QWidget):
    edited = Signal()
    files_dropped = Signal(list)
    attach_requested = Signal()
    remove_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._loading = False
        self.ui = ui = Ui_OverviewForm()
        ui.setupUi(self)
        # The widgets the ticket pane and the tests reach, under the names they have always had.
        self.title, self.category = ui.title, ui.category
        self.asked, self.goal, self.notes, self.conversation = ui.asked, ui.goal, ui.notes, ui.conversation
        self.attachments, self.attach_button = ui.attachments, ui.attach_button
        self.remove_button = ui.remove_button
        self.side_column = ui.side_column   # attached logs, and what the pane adds below

        font = ui.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        ui.title.setFont(font)
        for combo, values in ((ui.requester_role, Role), (ui.platform, Platform), (ui.symptom, Symptom),
                              (ui.category, Category)):
            _fill(combo, values)
        names = priority_names()
        for p in PRIORITIES:
            ui.priority.addItem(names[p], p)

        self.attachments_model = QStandardItemModel(self)
        ui.attachments.setModel(self.attachments_model)
        ui.attachments.customContextMenuRequested.connect(self._attachment_menu)
        ui.attach_button.clicked.connect(self.attach_requested)
        ui.remove_button.clicked.connect(self._remove_selected)
        ui.attachments.selectionModel().currentChanged.connect(
            lambda current, _previous: ui.remove_button.setEnabled(current.isValid()))
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), ui.attachments)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self._remove_selected)
        # Conversation and Notes are what people read and write: one above the other they get the width
        # (beside each other they were a word per line); the files, issues and feedback boxes take the rest.
        ui.lower.setStretchFactor(0, 3)
        ui.lower.setStretchFactor(1, 2)
        ui.lower.setSizes([480, 320])
        ui.talk.setSizes([260, 260])
        ui.split.setStretchFactor(0, 1)
        ui.split.setStretchFactor(1, 1)

        for line in (ui.title, ui.customer, ui.app_name, ui.requester_name, ui.os_version,
                     ui.sdk_version, ui.app_version, ui.assignee, ui.tags):
            line.textEdited.connect(self._on_field_edited)
        ui.sdk_name.editTextChanged.connect(self._on_field_edited)
        for combo in (ui.requester_role, ui.platform, ui.symptom, ui.category, ui.priority):
            combo.activated.connect(self._on_field_edited)
        for box in (ui.asked, ui.goal, ui.notes):
            box.textChanged.connect(self._on_field_edited)

    # ----- data ----------------------------------------------------------------------------------

    def load(self, ticket: TicketDetail) -> None:
        """Show ``ticket``; customer text is set as plain text everywhere."""
        self._loading = True
        try:
            f, ui = ticket.fields, self.ui
            if ui.title.text() != f.title:
                ui.title.setText(f.title)
                ui.title.setCursorPosition(0)   # a long title shows its start, not its end
            for line, value in ((ui.customer, f.customer), (ui.app_name, f.app_name),
                                (ui.requester_name, f.requester_name), (ui.os_version, f.os_version),
                                (ui.sdk_version, f.sdk_version), (ui.app_version, f.app_version),
                                (ui.assignee, f.assignee), (ui.tags, ", ".join(f.tags))):
                line.setText(value)
                line.setCursorPosition(0)
            ui.sdk_name.setEditText(f.sdk_name)
            for combo, value in ((ui.requester_role, f.requester_role), (ui.platform, f.platform),
                                 (ui.symptom, f.symptom), (ui.category, f.category),
                                 (ui.priority, f.priority)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            for box, value in ((ui.asked, f.asked), (ui.goal, f.goal), (ui.notes, f.notes)):
                if box.toPlainText() != value:
                    box.setPlainText(value)
            self.show_extras(ticket)
        finally:
            self._loading = False

    def show_extras(self, ticket: TicketDetail) -> None:
        """Refresh the read-only parts (meta line, conversation, attachments)."""
        source = ticket.source if ticket.source != "manual" else self.tr("entered by hand")
        self.ui.meta.setText(self.tr("#{0} · {1} · opened {2}").format(ticket.id, source,
                                                                        local_time(ticket.created_at)))
        lines = []
        for m in ticket.messages:
            who = m.author_name or (self.tr("Customer") if m.from_customer else self.tr("Support"))
            visibility = "" if m.public else self.tr(" (internal note)")
            lines.append(f"── {who}{visibility} · {local_time(m.created_at)}\n{m.body}\n")
        self.ui.conversation.setPlainText("\n".join(lines))
        self.attachments_model.clear()
        for a in ticket.attachments:
            item = QStandardItem(f"{shorten_long_words(a.file_name, 48)}  ({_size(a.size)})")
            item.setData(a.id, Qt.ItemDataRole.UserRole)
            item.setToolTip(plain_tooltip(a.file_name))
            self.attachments_model.appendRow(item)
        self.remove_button.setEnabled(self.attachments.currentIndex().isValid())

    def fields(self) -> TicketFields:
        ui = self.ui
        return TicketFields(
            title=ui.title.text(), customer=ui.customer.text().strip(),
            app_name=ui.app_name.text().strip(), requester_name=ui.requester_name.text().strip(),
            requester_role=ui.requester_role.currentData(), platform=ui.platform.currentData(),
            os_version=ui.os_version.text().strip(), sdk_name=ui.sdk_name.currentText().strip(),
            sdk_version=ui.sdk_version.text().strip(), app_version=ui.app_version.text().strip(),
            symptom=ui.symptom.currentData(), category=ui.category.currentData(),
            priority=ui.priority.currentData(), tags=tuple(ui.tags.text().split(",")),
            assignee=ui.assignee.text().strip(), asked=ui.asked.toPlainText(),
            goal=ui.goal.toPlainText(), notes=ui.notes.toPlainText(),
        )

    def _on_field_edited(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    # ----- attachments ---------------------------------------------------------------------------

    def _remove_selected(self) -> None:
        index = self.attachments.currentIndex()
        if index.isValid():
            self.remove_requested.emit(index.data(Qt.ItemDataRole.UserRole))

    def _attachment_menu(self, pos) -> None:
        index = self.attachments.indexAt(pos)
        menu = QMenu(self)
        menu.addAction(self.tr("Attach…"), self.attach_requested.emit)
        if index.isValid():
            self.attachments.setCurrentIndex(index)
            menu.addAction(self.tr("Remove from the ticket…"), self._remove_selected)
        menu.exec(self.attachments.viewport().mapToGlobal(pos))

    # ----- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font
