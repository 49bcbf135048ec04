"""Shown when a teammate saved the same ticket first: both versions side by side, nothing discarded."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cre_desk.core.tickets import TicketFields
from cre_desk.gui.formatting import vocab
from cre_desk.gui.forms.ui_conflict_dialog import Ui_ConflictDialog

# Marked for translation here, looked up when shown (the UI language is known only then).
_LABELS = {
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "Title"),
    "customer": QT_TRANSLATE_NOOP("ConflictDialog", "Customer"),
    "app_name": QT_TRANSLATE_NOOP("ConflictDialog", "App"),
    "requester_name": QT_TRANSLATE_NOOP("ConflictDialog", "Requester"),
    "requester_role": QT_TRANSLATE_NOOP("ConflictDialog", "Requester role"),
    "platform": QT_TRANSLATE_NOOP("ConflictDialog", "Platform"),
    "os_version": QT_TRANSLATE_NOOP("ConflictDialog", "OS version"),
    "sdk_name": QT_TRANSLATE_NOOP("ConflictDialog", "SDK"),
    "sdk_version": QT_TRANSLATE_NOOP("ConflictDialog", "SDK version"),
    "app_version": QT_TRANSLATE_NOOP("ConflictDialog", "App version"),
    "symptom": QT_TRANSLATE_NOOP("ConflictDialog", "Symptom"),
    "category": QT_TRANSLATE_NOOP("ConflictDialog", "Category"),
    "priority": QT_TRANSLATE_NOOP("ConflictDialog", "Priority"),
    "tags": QT_TRANSLATE_NOOP("ConflictDialog", "Tags"),
    "assignee": QT_TRANSLATE_NOOP("ConflictDialog", "Assignee"),
    "team": QT_TRANSLATE_NOOP("ConflictDialog", "Team"),
    "asked": QT_TRANSLATE_NOOP("ConflictDialog", "What they asked"),
    "goal": QT_TRANSLATE_NOOP("ConflictDialog", "What they are really trying to achieve"),
    "notes": QT_TRANSLATE_NOOP("ConflictDialog", "Notes"),
}
_VOCABULARY_FIELDS = ("requester_role", "platform", "symptom", "category")


def _value(name: str, value) -> str:
    """A field's value as the Overview shows it: vocabulary and priorities in the UI language."""
    if isinstance(value, tuple):
        return ", ".join(value)
    if name in _VOCABULARY_FIELDS:
        return vocab(value)
    if name == "priority":
        from cre_desk.gui.overview_form import priority_names

        return priority_names().get(value, value)
    return value


def describe_differences(mine: TicketFields, theirs: TicketFields) -> str:
    """Plain-text list of the fields that differ, with both values."""
    yours = QCoreApplication.translate("ConflictDialog", "Yours:")
    others = QCoreApplication.translate("ConflictDialog", "Theirs:")
    width = max(len(yours), len(others)) + 1
    parts = []
    for name, label in _LABELS.items():
        a, b = getattr(mine, name), getattr(theirs, name)
        if a != b:
            parts.append(f"■ {QCoreApplication.translate('ConflictDialog', str(label))}\n"
                         f"  {yours.ljust(width)}{_value(name, a)}\n  {others.ljust(width)}{_value(name, b)}")
    return "\n\n".join(parts)


class ConflictDialog(QDialog):
    """The layout and its texts live in ``ui/conflict_dialog.ui``; this class fills in the differences."""

    def __init__(self, mine: TicketFields, theirs: TicketFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.ui.differences.setPlainText(describe_differences(mine, theirs))
        buttons = self.ui.buttons
        self.keep_mine = buttons.addButton(self.tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_theirs = buttons.addButton(self.tr("Take theirs"), QDialogButtonBox.ButtonRole.RejectRole)

    @classmethod
    def ask(cls, parent: QWidget | None, mine: TicketFields, theirs: TicketFields) -> bool:
        """True to keep the user's version."""
        return cls(mine, theirs, parent).exec() == QDialog.DialogCode.Accepted
