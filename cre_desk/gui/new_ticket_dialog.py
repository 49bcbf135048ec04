"""Asks for the few things needed to open a ticket; the rest is filled in on the Overview tab.

The layout and its texts live in ``ui/new_ticket_dialog.ui``; this class fills the vocabulary lists,
checks the title and hands the fields back.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Category, Platform, Role, Symptom
from cre_desk.gui.formatting import vocab
from cre_desk.gui.forms.ui_new_ticket_dialog import Ui_NewTicketDialog


class NewTicketDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, assignee: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_NewTicketDialog()
        self.ui.setupUi(self)
        for combo, values in ((self.ui.role, Role), (self.ui.platform, Platform), (self.ui.symptom, Symptom),
                              (self.ui.category, Category)):
            if combo in (self.ui.symptom, self.ui.category):
                # No silent default: the checklist follows the symptom, the reports follow the category.
                combo.addItem(self.tr("Choose…"), None)
            for value in values:
                combo.addItem(vocab(value), value.value)
        self.assignee = assignee
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.ui.buttons.accepted.connect(self._on_buttons_accepted)

    def fields(self) -> TicketFields:
        ui = self.ui
        return TicketFields(title=ui.title.text(), customer=ui.customer.text().strip(),
                            requester_name=ui.requester.text().strip(), requester_role=ui.role.currentData(),
                            platform=ui.platform.currentData(), symptom=ui.symptom.currentData(),
                            category=ui.category.currentData(), asked=ui.asked.toPlainText(),
                            assignee=self.assignee)

    def _on_buttons_accepted(self) -> None:
        if not self.ui.title.text().strip():
            self.ui.error.setText(self.tr("Give the ticket a title."))
            self.ui.title.setFocus()
            return
        for combo, missing in ((self.ui.symptom, self.tr("Choose the symptom: the checklist follows it.")),
                               (self.ui.category, self.tr("Choose the category."))):
            if combo.currentData() is None:
                self.ui.error.setText(missing)
                combo.setFocus()
                return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, assignee: str = "") -> TicketFields | None:
        dialog = cls(parent, assignee)
        return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None
