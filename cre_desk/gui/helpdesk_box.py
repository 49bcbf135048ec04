"""The Overview's "Helpdesk" box: which side wins for each field, and a conflict waiting for a decision.

Why this exists: an imported ticket is edited in two places. The engineer must be able to see, before
editing, that title and requester follow the helpdesk while status, tags and priority made here are sent
back at the next sync; and when a field changed on both sides, see both values and choose one. Conflict
text comes from the database as plain text (it quotes helpdesk values) and is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from cre_desk.actions.helpdesk_writeback import resolve_conflict, ticket_conflict
from cre_desk.core.tickets import TicketDetail

_HELPDESKS = {
    "zendesk": "Zendesk",
    "intercom": "Intercom",
    "freshdesk": "Freshdesk",
    "helpscout": "Help Scout",
}


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class HelpdeskBox(QGroupBox):
    """Hidden for tickets entered by hand; ``resolved`` is emitted after a conflict is decided."""

    resolved = Signal()

    def __init__(self, ctx, parent=None, *, before_resolve=lambda: None) -> None:
        super().__init__(self.tr("Helpdesk"), parent)
        self.ctx = ctx
        self._before_resolve = before_resolve  # saves the Overview's typing first
        self.ticket_id: int | None = None
        self.rules = _plain_label()
        self.conflict = _plain_label()
        self.keep_here = QPushButton(self.tr("Keep mine"))
        self.keep_here.setToolTip(
            self.tr("Keep this ticket's values; they are sent to the helpdesk at the next sync")
        )
        self.keep_here.clicked.connect(lambda: self._resolve(True))
        self.take_theirs = QPushButton(self.tr("Take the helpdesk's"))
        self.take_theirs.setToolTip(self.tr("Replace this ticket's values with the helpdesk's"))
        self.take_theirs.clicked.connect(lambda: self._resolve(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_here)
        buttons.addWidget(self.take_theirs)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules)
        layout.addWidget(self.conflict)
        layout.addLayout(buttons)
        self._show_conflict("")
        self.hide()

    def load(self, ticket: TicketDetail) -> None:
        name = _HELPDESKS.get(ticket.source)
        self.setVisible(name is not None)
        if name is None:
            self.ticket_id = None
            return
        self.ticket_id = ticket.id
        self.rules.setText(
            self.tr(
                "Title and requester follow {0}; so do mapped fields (platform, SDK…) unless you edit them "
                "here. Status, tags and priority changed here are sent to {0} at the next sync. A field "
                "changed in both places is kept as it is here and shown below; nothing is overwritten until "
                "you choose."
            ).format(name)
        )
        self._fit()
        self.ctx.run_db(
            ticket_conflict,
            self.ctx.tickets,
            ticket.id,
            receiver=self,
            on_done=lambda text, tid=ticket.id: self._on_conflict(tid, text),
        )

    def _on_conflict(self, ticket_id: int, text: str) -> None:
        if ticket_id == self.ticket_id:
            self._show_conflict(text)

    def _show_conflict(self, text: str) -> None:
        self.conflict.setText(self.tr("Changed in both places: {0}.").format(text) if text else "")
        for widget in (self.conflict, self.keep_here, self.take_theirs):
            widget.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """Wrapped text needs the height its width calls for: the splitter it sits in must not squeeze it."""
        layout = self.layout()
        if layout is not None and self.width() > 0:
            self.setMinimumHeight(layout.totalHeightForWidth(self.width()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _resolve(self, keep_here: bool) -> None:
        if self.ticket_id is None:
            return
        self._before_resolve()
        self.ctx.run_db(
            resolve_conflict,
            self.ctx.tickets,
            self.ticket_id,
            keep_here=keep_here,
            receiver=self,
            on_done=lambda _r: self._after_resolve(),
        )

    def _after_resolve(self) -> None:
        self._show_conflict("")
        self.resolved.emit()
