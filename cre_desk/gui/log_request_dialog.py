""""Request a log…": read and adjust the drafted message, copy it, and let the ticket wait for the log.

The message is drafted in the customer's language for the requester's role (both can be changed here)
and stays editable. "Copy and wait for the log" puts it on the clipboard for the helpdesk and moves the
ticket to waiting-on-customer with "customer log" as the reason; "Copy" alone changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from cre_desk.core.tickets import TicketDetail
from cre_desk.core.vocabulary import Role
from cre_desk.gui import messages
from cre_desk.gui.formatting import vocab


class LogRequestDialog(QDialog):
    """The log request of one ticket."""

    # Emitted with the ticket once it waits on the customer.
    requested = Signal(object)

    def __init__(self, ctx, ticket: TicketDetail, parent=None) -> None:
        super().__init__(parent)
        from cre_desk.actions.request_log import draft_for

        self.ctx = ctx
        self.ticket = ticket
        self.setWindowTitle(self.tr("Request a log"))
        first = draft_for(ticket)
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Japanese"), "ja")
        self.language.setCurrentIndex(max(0, self.language.findData(first.language)))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(vocab(role), role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(first.role)))
        self.body = QPlainTextEdit(first.body)
        self.request = first
        self.language.activated.connect(lambda _i: self._redraft())
        self.role.activated.connect(lambda _i: self._redraft())
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Written for"), self.role)
        hint = QLabel(self.tr("Send it through the helpdesk; the ticket then waits for the customer's log."))
        hint.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.send_button = QPushButton(self.tr("Copy and &wait for the log"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.copy_and_wait)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(720, 600)

    def _redraft(self) -> None:
        from cre_desk.actions.request_log import draft_for

        if self.body.toPlainText() != self.request.body and not messages.confirm(
                self, self.tr("Replace your edits with a new draft?")):
            return
        self.request = draft_for(self.ticket, language=self.language.currentData(),
                                 role=self.role.currentData())
        self.body.setPlainText(self.request.body)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.body.toPlainText())

    def copy_and_wait(self) -> None:
        from cre_desk.actions.request_log import mark_log_requested

        self.copy()
        self.send_button.setEnabled(False)
        tickets, ticket_id, request, actor = self.ctx.tickets, self.ticket.id, self.request, self.ctx.user
        version = self.ticket.version

        def failed(exc: BaseException) -> None:
            self.send_button.setEnabled(True)
            messages.report_exception(self, exc)

        def done(ticket) -> None:
            self.requested.emit(ticket)
            self.accept()

        self.ctx.run_db(mark_log_requested, tickets, ticket_id, request, actor=actor,
                        expected_version=version, receiver=self, on_done=done, on_error=failed)
