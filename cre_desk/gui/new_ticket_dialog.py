"""Asks for the few things needed to open a ticket; the rest is filled in on the Overview tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Category, Platform, Role, Symptom
from cre_desk.gui.formatting import vocab


class NewTicketDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, assignee: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New ticket"))
        self.title = QLineEdit(placeholderText=self.tr("e.g. Coupon message not shown after purchase"))
        self.customer = QLineEdit()
        self.requester = QLineEdit()
        self.role = QComboBox()
        self.platform = QComboBox()
        self.symptom = QComboBox()
        self.category = QComboBox()
        for combo, values in ((self.role, Role), (self.platform, Platform), (self.symptom, Symptom),
                              (self.category, Category)):
            for value in values:
                combo.addItem(vocab(value), value.value)
        self.asked = QPlainTextEdit()
        self.asked.setPlaceholderText(self.tr("The customer's question, as they wrote it."))
        self.asked.setTabChangesFocus(True)
        self.assignee = assignee
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Requester"), self.requester)
        form.addRow(self.tr("Requester role"), self.role)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Symptom"), self.symptom)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("What they asked"), self.asked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 440)

    def fields(self) -> TicketFields:
        return TicketFields(title=self.title.text(), customer=self.customer.text().strip(),
                            requester_name=self.requester.text().strip(), requester_role=self.role.currentData(),
                            platform=self.platform.currentData(), symptom=self.symptom.currentData(),
                            category=self.category.currentData(), asked=self.asked.toPlainText(),
                            assignee=self.assignee)

    def _on_buttons_accepted(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Give the ticket a title."))
            self.title.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, assignee: str = "") -> TicketFields | None:
        dialog = cls(parent, assignee)
        return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None
