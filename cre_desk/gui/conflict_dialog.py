"""Shown when a teammate saved the same ticket first: both versions side by side, nothing discarded."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from cre_desk.core.tickets import TicketFields

_LABELS = {"title": "Title", "customer": "Customer", "app_name": "App", "requester_name": "Requester",
           "requester_role": "Requester role", "platform": "Platform", "os_version": "OS version",
           "sdk_name": "SDK", "sdk_version": "SDK version", "app_version": "App version", "symptom": "Symptom",
           "category": "Category", "priority": "Priority", "tags": "Tags", "assignee": "Assignee",
           "team": "Team", "asked": "What they asked", "goal": "What they are really trying to achieve",
           "notes": "Notes"}


def describe_differences(mine: TicketFields, theirs: TicketFields) -> str:
    """Plain-text list of the fields that differ, with both values."""
    parts = []
    for name, label in _LABELS.items():
        a, b = getattr(mine, name), getattr(theirs, name)
        if a != b:
            a = ", ".join(a) if isinstance(a, tuple) else a
            b = ", ".join(b) if isinstance(b, tuple) else b
            parts.append(f"■ {label}\n  Yours:   {a}\n  Theirs:  {b}")
    return "\n\n".join(parts)


class ConflictDialog(QDialog):
    def __init__(self, mine: TicketFields, theirs: TicketFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved by someone else"))
        intro = QLabel(self.tr("A teammate saved this ticket while you were editing it. Compare the two "
                               "versions, then keep yours (saved on top of theirs) or take theirs."))
        intro.setWordWrap(True)
        text = QPlainTextEdit(readOnly=True)
        text.setPlainText(describe_differences(mine, theirs))
        buttons = QDialogButtonBox()
        self.keep_mine = buttons.addButton(self.tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_theirs = buttons.addButton(self.tr("Take theirs"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    @classmethod
    def ask(cls, parent: QWidget | None, mine: TicketFields, theirs: TicketFields) -> bool:
        """True to keep the user's version."""
        return cls(mine, theirs, parent).exec() == QDialog.DialogCode.Accepted
