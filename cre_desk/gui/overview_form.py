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
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.tickets import TicketDetail, TicketFields
from cre_desk.core.vocabulary import Category, Platform, Role, Symptom
from cre_desk.gui.formatting import local_time, plain_tooltip, vocab
from cre_desk.gui.notice_labels import shorten_long_words

PRIORITIES = ("low", "normal", "high", "urgent")


def priority_names() -> dict[str, str]:
    """Priority labels in the UI language (literal calls, so the catalogue has them)."""
    return {"low": QCoreApplication.translate("OverviewForm", "Low"),
            "normal": QCoreApplication.translate("OverviewForm", "Normal"),
            "high": QCoreApplication.translate("OverviewForm", "High"),
            "urgent": QCoreApplication.translate("OverviewForm", "Urgent")}


def _combo(values) -> QComboBox:
    box = QComboBox()
    for value in values:
        box.addItem(vocab(value), str(value))
    return box


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class OverviewForm(QWidget):
    edited = Signal()
    files_dropped = Signal(list)
    attach_requested = Signal()
    remove_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._loading = False

        self.title = QLineEdit(placeholderText=self.tr("Title: the customer's problem in a few words"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)

        self.customer = QLineEdit()
        self.app_name = QLineEdit()
        self.requester_name = QLineEdit()
        self.requester_role = _combo(Role)
        self.platform = _combo(Platform)
        self.os_version = QLineEdit(placeholderText=self.tr("e.g. Android 14"))
        self.sdk_name = QComboBox(editable=True)
        self.sdk_name.addItems(["", "Braze", "Firebase In-App Messaging", "OneSignal", "Repro", "Airship",
                                "CleverTap", "Leanplum", "Iterable"])
        self.sdk_version = QLineEdit(placeholderText=self.tr("e.g. 30.4.0"))
        self.app_version = QLineEdit()
        self.symptom = _combo(Symptom)
        self.category = _combo(Category)
        self.priority = QComboBox()
        names = priority_names()
        for p in PRIORITIES:
            self.priority.addItem(names[p], p)
        self.assignee = QLineEdit()
        self.tags = QLineEdit(placeholderText=self.tr("comma-separated, e.g. braze, android"))
        self.asked = _text_box(self.tr("Paste or summarise the customer's literal question."))
        self.goal = _text_box(self.tr("What outcome do they want? e.g. “show a coupon after the first purchase”"))
        self.notes = _text_box(self.tr("Your working notes (not sent to the customer)."))

        left = QFormLayout()
        left.addRow(self.tr("Customer"), self.customer)
        left.addRow(self.tr("App"), self.app_name)
        left.addRow(self.tr("Requester"), self.requester_name)
        left.addRow(self.tr("Requester role"), self.requester_role)
        left.addRow(self.tr("Platform"), self.platform)
        left.addRow(self.tr("OS version"), self.os_version)
        middle = QFormLayout()
        middle.addRow(self.tr("SDK"), self.sdk_name)
        middle.addRow(self.tr("SDK version"), self.sdk_version)
        middle.addRow(self.tr("App version"), self.app_version)
        middle.addRow(self.tr("Symptom"), self.symptom)
        middle.addRow(self.tr("Category"), self.category)
        middle.addRow(self.tr("Priority"), self.priority)
        right = QFormLayout()
        right.addRow(self.tr("Assignee"), self.assignee)
        right.addRow(self.tr("Tags"), self.tags)
        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.meta.setForegroundRole(self.meta.foregroundRole())
        right.addRow(self.meta)
        for form in (left, middle, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setHorizontalSpacing(8)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(middle, 0, 1)
        grid.addLayout(right, 0, 2)
        for c in range(3):
            grid.setColumnStretch(c, 1)
        grid.setHorizontalSpacing(18)

        asked_box = QGroupBox(self.tr("What they asked"))
        QVBoxLayout(asked_box).addWidget(self.asked)
        goal_box = QGroupBox(self.tr("What they are really trying to achieve"))
        QVBoxLayout(goal_box).addWidget(self.goal)
        texts = QHBoxLayout()
        texts.addWidget(asked_box)
        texts.addWidget(goal_box)

        self.conversation = QPlainTextEdit(readOnly=True)
        self.conversation.setPlaceholderText(self.tr("No messages yet."))
        self.attachments_model = QStandardItemModel(self)
        self.attachments = QListView()
        self.attachments.setModel(self.attachments_model)
        self.attachments.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.attachments.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.attachments.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.attachments.customContextMenuRequested.connect(self._attachment_menu)
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Choose log files or archives to attach (Ctrl+Shift+A); you "
                                              "can also drop them here"))
        self.attach_button.clicked.connect(self.attach_requested)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setToolTip(self.tr("Remove the selected file from the ticket (Delete)"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._remove_selected)
        self.attachments.selectionModel().currentChanged.connect(
            lambda current, _previous: self.remove_button.setEnabled(current.isValid()))
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.attachments)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self._remove_selected)
        notes_box = QGroupBox(self.tr("Notes"))
        QVBoxLayout(notes_box).addWidget(self.notes)
        conv_box = QGroupBox(self.tr("Conversation"))
        QVBoxLayout(conv_box).addWidget(self.conversation)
        files_box = QGroupBox(self.tr("Attached logs (drop files here)"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.attachments)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.attach_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        files_layout.addLayout(file_buttons)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(conv_box)
        lower.addWidget(notes_box)
        self.side_column = QSplitter(Qt.Orientation.Vertical)   # attached logs, and what the pane adds below
        self.side_column.addWidget(files_box)
        lower.addWidget(self.side_column)
        lower.setSizes([520, 300, 300])

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addLayout(grid)
        top_layout.addLayout(texts, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        for line in (self.title, self.customer, self.app_name, self.requester_name, self.os_version,
                     self.sdk_version, self.app_version, self.assignee, self.tags):
            line.textEdited.connect(self._on_field_edited)
        self.sdk_name.editTextChanged.connect(self._on_field_edited)
        for combo in (self.requester_role, self.platform, self.symptom, self.category, self.priority):
            combo.activated.connect(self._on_field_edited)
        for box in (self.asked, self.goal, self.notes):
            box.textChanged.connect(self._on_field_edited)

    # ----- data ----------------------------------------------------------------------------------

    def load(self, ticket: TicketDetail) -> None:
        """Show ``ticket``; customer text is set as plain text everywhere."""
        self._loading = True
        try:
            f = ticket.fields
            self.title.setText(f.title)
            for line, value in ((self.customer, f.customer), (self.app_name, f.app_name),
                                (self.requester_name, f.requester_name), (self.os_version, f.os_version),
                                (self.sdk_version, f.sdk_version), (self.app_version, f.app_version),
                                (self.assignee, f.assignee), (self.tags, ", ".join(f.tags))):
                line.setText(value)
                line.setCursorPosition(0)
            self.sdk_name.setEditText(f.sdk_name)
            for combo, value in ((self.requester_role, f.requester_role), (self.platform, f.platform),
                                 (self.symptom, f.symptom), (self.category, f.category),
                                 (self.priority, f.priority)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            for box, value in ((self.asked, f.asked), (self.goal, f.goal), (self.notes, f.notes)):
                if box.toPlainText() != value:
                    box.setPlainText(value)
            self.show_extras(ticket)
        finally:
            self._loading = False

    def show_extras(self, ticket: TicketDetail) -> None:
        """Refresh the read-only parts (meta line, conversation, attachments)."""
        source = ticket.source if ticket.source != "manual" else self.tr("entered by hand")
        self.meta.setText(self.tr("#{0} · {1} · opened {2}").format(ticket.id, source,
                                                                     local_time(ticket.created_at)))
        lines = []
        for m in ticket.messages:
            who = m.author_name or (self.tr("Customer") if m.from_customer else self.tr("Support"))
            visibility = "" if m.public else self.tr(" (internal note)")
            lines.append(f"── {who}{visibility} · {local_time(m.created_at)}\n{m.body}\n")
        self.conversation.setPlainText("\n".join(lines))
        self.attachments_model.clear()
        for a in ticket.attachments:
            item = QStandardItem(f"{shorten_long_words(a.file_name, 48)}  ({_size(a.size)})")
            item.setData(a.id, Qt.ItemDataRole.UserRole)
            item.setToolTip(plain_tooltip(a.file_name))
            self.attachments_model.appendRow(item)
        self.remove_button.setEnabled(self.attachments.currentIndex().isValid())

    def fields(self) -> TicketFields:
        return TicketFields(
            title=self.title.text(), customer=self.customer.text().strip(),
            app_name=self.app_name.text().strip(), requester_name=self.requester_name.text().strip(),
            requester_role=self.requester_role.currentData(), platform=self.platform.currentData(),
            os_version=self.os_version.text().strip(), sdk_name=self.sdk_name.currentText().strip(),
            sdk_version=self.sdk_version.text().strip(), app_version=self.app_version.text().strip(),
            symptom=self.symptom.currentData(), category=self.category.currentData(),
            priority=self.priority.currentData(), tags=tuple(self.tags.text().split(",")),
            assignee=self.assignee.text().strip(), asked=self.asked.toPlainText(),
            goal=self.goal.toPlainText(), notes=self.notes.toPlainText(),
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
