"""Edit one account's field mapping: which helpdesk field fills platform, OS, SDK, app version, priority
and category (see ``core.field_mapping``).

Why this exists: each team stores these in its own custom fields; the user names them once per account
and every import fills the ticket. A table, one row per field of ours, with the helpdesk's field typed in
the form its API uses; the hint under the table says what that form is for this helpdesk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from cre_desk.core.field_mapping import MAPPABLE, parse, render


def field_names() -> dict[str, str]:
    """Our field names in the UI language (literal calls, so the catalogue has them)."""
    return {
        "platform": QCoreApplication.translate("FieldMappingDialog", "Platform"),
        "os_version": QCoreApplication.translate("FieldMappingDialog", "OS version"),
        "sdk_name": QCoreApplication.translate("FieldMappingDialog", "SDK"),
        "sdk_version": QCoreApplication.translate("FieldMappingDialog", "SDK version"),
        "app_version": QCoreApplication.translate("FieldMappingDialog", "App version"),
        "priority": QCoreApplication.translate("FieldMappingDialog", "Priority"),
        "category": QCoreApplication.translate("FieldMappingDialog", "Category"),
    }


def _hint(provider: str) -> str:
    """Where this helpdesk shows a custom field's API name, and the form to type it in."""
    if provider == "zendesk":
        return QCoreApplication.translate(
            "FieldMappingDialog",
            "Zendesk: custom_fields.ID, with the field's ID from Admin Center → Objects "
            "and rules → Tickets → Fields (e.g. custom_fields.360001234).",
        )
    if provider == "intercom":
        return QCoreApplication.translate(
            "FieldMappingDialog",
            "Intercom: custom_attributes.NAME, with the conversation data attribute's "
            "name as shown in Settings (e.g. custom_attributes.SDK version).",
        )
    if provider == "freshdesk":
        return QCoreApplication.translate(
            "FieldMappingDialog",
            "Freshdesk: custom_fields.cf_NAME, the field's API name from Admin → Ticket "
            "Fields (e.g. custom_fields.cf_sdk_version).",
        )
    if provider == "helpscout":
        return QCoreApplication.translate(
            "FieldMappingDialog",
            "Help Scout: customFields.NAME or customFields.ID of the mailbox's custom "
            "field (e.g. customFields.Platform).",
        )
    return ""


class FieldMappingDialog(QDialog):
    def __init__(self, provider: str, mapping_text: str, parent=None, *, triage_tags: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Field mapping"))
        mapping = parse(mapping_text)
        names = field_names()
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("CRE Desk field"), self.tr("Helpdesk field")])
        for key in MAPPABLE:
            ours = QStandardItem(names[key])
            ours.setEditable(False)
            ours.setData(key, Qt.ItemDataRole.UserRole)
            self.model.appendRow([ours, QStandardItem(mapping.get(key, ""))])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        intro = QLabel(
            self.tr(
                "Each import fills these fields from the helpdesk. A value you edit here is kept; "
                "values that fit none of our choices (an unknown platform) are left out."
            )
        )
        hint = QLabel(_hint(provider))
        for label in (intro, hint):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.triage = QCheckBox(self.tr("Send symptom and category to the helpdesk as tags"))
        self.triage.setToolTip(self.tr(
            "Adds tags such as cre-symptom-push_not_delivered and cre-category-bug at each sync, so the "
            "helpdesk's reports can use them"))
        self.triage.setChecked(triage_tags)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.triage)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def mapping_text(self) -> str:
        """The edited mapping in its stored form."""
        mapping = {}
        for row in range(self.model.rowCount()):
            key = self.model.item(row, 0).data(Qt.ItemDataRole.UserRole)
            mapping[key] = " ".join(self.model.item(row, 1).text().split())
        return render(mapping)
