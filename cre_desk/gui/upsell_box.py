"""Flagging an upsell signal on the Overview: the customer showed interest in a paid feature.

Kept apart from the product-feedback tags on purpose: account managers read these in their own section of
the customer-voice report and they never enter the support figures.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cre_desk.db.upsell import UpsellRecord, UpsellStore
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import plain_tooltip


def _short(line: str, limit: int = 48) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


class UpsellDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Upsell signal"))
        self.setMinimumWidth(440)
        intro = QLabel(self.tr("The customer showed interest in a paid feature. Account managers see this in "
                               "the customer-voice report; it is not counted in the support figures."))
        intro.setWordWrap(True)
        self.feature = QLineEdit(placeholderText=self.tr("e.g. Data export add-on, higher MAU plan"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What the customer said or asked"))
        self.note.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("Paid feature"), self.feature)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.feature.textChanged.connect(self._enable)
        self._enable()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.feature.text().strip()))


class UpsellBox(QWidget):
    """The ticket's upsell signals and a button to flag one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id: int | None = None
        self.listing = QLabel()
        self.listing.setTextFormat(Qt.TextFormat.PlainText)
        self.listing.setWordWrap(False)  # one line; every signal with its note in the tooltip
        self.listing.hide()  # until the ticket has a signal
        self.flag_button = QPushButton(self.tr("Upsell signal…"))
        self.flag_button.setToolTip(self.tr("Note that the customer showed interest in a paid feature"))
        self.flag_button.clicked.connect(self.flag)
        row = QHBoxLayout()
        row.addWidget(self.flag_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.listing)
        layout.addLayout(row)

    def store(self) -> UpsellStore:
        return UpsellStore(self.ctx.workspace.db)

    def load(self, ticket_id: int) -> None:
        self.ticket_id = ticket_id
        self.ctx.run_db(self.store().of_ticket, ticket_id, on_done=lambda found: self._show(ticket_id, found),
                        on_error=lambda exc: messages.report_exception(self, exc), receiver=self)

    def _show(self, ticket_id: int, found: list[UpsellRecord]) -> None:
        if ticket_id != self.ticket_id:
            return
        lines = [f"• {s.feature}" + (f" — {s.note}" if s.note else "") for s in found]
        features = ", ".join(dict.fromkeys(s.feature for s in found))
        self.listing.setText(_short(self.tr("Upsell signals: {0}").format(features)))
        self.listing.setToolTip(plain_tooltip("\n".join(lines)))
        self.listing.setHidden(not lines)

    def flag(self) -> None:
        if self.ticket_id is None:
            return
        dialog = UpsellDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.record(self.ticket_id, dialog.feature.text(), dialog.note.toPlainText())

    def record(self, ticket_id: int, feature: str, note: str) -> None:
        self.ctx.run_db(self.store().flag, ticket_id, feature, note, actor=self.ctx.user,
                        on_done=lambda _s: self.load(ticket_id),
                        on_error=lambda exc: messages.report_exception(self, exc), receiver=self)
