"""The Overview's "Helpdesk" box: which side wins for each field, and a conflict waiting for a decision.

Why this exists: an imported ticket is edited in two places. The engineer must be able to see, before
editing, that title and requester follow the helpdesk while status, tags and priority made here are sent
back at the next sync; and when a field changed on both sides, see both values and choose, field by field
or all at once. Conflicts come from the database as data and are worded here in the UI language; the values
they quote (agent names) are shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cre_desk.actions.helpdesk_writeback import resolve_conflict, ticket_conflict
from cre_desk.core.sync_conflicts import FieldConflict
from cre_desk.core.tickets import TicketDetail
from cre_desk.gui.formatting import vocab
from cre_desk.gui.overview_form import priority_names

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
        self.vendor = ""
        self.conflict = _plain_label()   # "Changed in both places:" and, per field, both values below it
        self.conflict_rows = QWidget()
        self._rows = QGridLayout(self.conflict_rows)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.conflicts: list[FieldConflict] = []
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
        layout.addWidget(self.conflict_rows)
        layout.addLayout(buttons)
        self._show_conflict([])
        self.hide()

    def load(self, ticket: TicketDetail) -> None:
        name = _HELPDESKS.get(ticket.source)
        self.setVisible(name is not None)
        if name is None:
            self.ticket_id = None
            return
        self.ticket_id = ticket.id
        self.vendor = name
        self.rules.setText(
            self.tr(
                "Title and requester follow {0}; so do mapped fields (platform, SDK…) unless you edit them "
                "here. Status, assignee, tags and priority changed here are sent to {0} at the next sync. A "
                "field changed in both places is kept as it is here and shown below; nothing is overwritten "
                "until you choose."
            ).format(name)
        )
        if ticket.source == "intercom":
            self.rules.setText(self.rules.text() + " " + self.tr(
                "Intercom's API cannot set a conversation's priority: priority set here stays here."))
        elif ticket.source == "helpscout":
            self.rules.setText(self.rules.text() + " " + self.tr(
                "Help Scout has no priority: priority set here stays here."))
        self.take_theirs.setText(self.tr("Take {0}'s").format(name))
        self._fit()
        self.ctx.run_db(
            ticket_conflict,
            self.ctx.tickets,
            ticket.id,
            receiver=self,
            on_done=lambda text, tid=ticket.id: self._on_conflict(tid, text),
        )

    def _on_conflict(self, ticket_id: int, conflicts: list[FieldConflict]) -> None:
        if ticket_id == self.ticket_id:
            self._show_conflict(conflicts)

    def field_name(self, field: str) -> str:
        return {"status": self.tr("Status"), "priority": self.tr("Priority"),
                "assignee": self.tr("Assignee")}.get(field, field)

    def value_text(self, conflict: FieldConflict, value: str) -> str:
        if conflict.field == "assignee":
            return value or self.tr("nobody")
        if conflict.field == "priority":
            return priority_names().get(value, value)
        return vocab(value)

    def describe(self, conflict: FieldConflict) -> str:
        """One conflict in the UI language: "Status: Waiting on customer here, On hold in Zendesk"."""
        return self.tr("{0}: {1} here, {2} in {3}").format(
            self.field_name(conflict.field), self.value_text(conflict, conflict.here),
            self.value_text(conflict, conflict.there), self.vendor or self.tr("the helpdesk"))

    def _show_conflict(self, conflicts: list[FieldConflict]) -> None:
        self.conflicts = list(conflicts)
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)   # out of the box at once (findChildren, layouts), freed later
                widget.deleteLater()
        for row, conflict in enumerate(self.conflicts):
            text = _plain_label()
            text.setText(self.describe(conflict))
            text.setObjectName(f"conflict_{conflict.field}")
            # the text on its own line, its buttons under it: the box is a narrow side column
            self._rows.addWidget(text, 2 * row, 0, 1, 3)
            if len(self.conflicts) > 1:   # one decision per field; the buttons below decide them all
                mine = QPushButton(self.tr("Keep mine"))
                mine.setObjectName(f"keep_{conflict.field}")
                mine.clicked.connect(lambda _c=False, f=conflict.field: self._resolve(True, {f}))
                theirs = QPushButton(self.tr("Take {0}'s").format(self.vendor))
                theirs.setObjectName(f"take_{conflict.field}")
                theirs.clicked.connect(lambda _c=False, f=conflict.field: self._resolve(False, {f}))
                self._rows.addWidget(mine, 2 * row + 1, 1)
                self._rows.addWidget(theirs, 2 * row + 1, 2)
        self._rows.setColumnStretch(0, 1)
        several = len(self.conflicts) > 1
        self.conflict.setText(self.tr("Changed in both places:") if self.conflicts else "")
        self.keep_here.setText(self.tr("Keep all mine") if several else self.tr("Keep mine"))
        self.take_theirs.setText((self.tr("Take all of {0}'s") if several else self.tr("Take {0}'s"))
                                 .format(self.vendor or self.tr("the helpdesk")))
        for widget in (self.conflict, self.conflict_rows, self.keep_here, self.take_theirs):
            widget.setVisible(bool(self.conflicts))
        self._fit()

    def _fit(self) -> None:
        """Wrapped text needs the height its width calls for: the splitter it sits in must not squeeze it."""
        layout = self.layout()
        if layout is not None and self.width() > 0:
            self.setMinimumHeight(layout.totalHeightForWidth(self.width()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _resolve(self, keep_here: bool, fields: set[str] | None = None) -> None:
        if self.ticket_id is None:
            return
        self._before_resolve()
        self.ctx.run_db(
            resolve_conflict,
            self.ctx.tickets,
            self.ticket_id,
            keep_here=keep_here,
            fields=fields,
            receiver=self,
            on_done=lambda _r, tid=self.ticket_id: self._after_resolve(tid),
        )

    def _after_resolve(self, ticket_id: int) -> None:
        """Show what is still undecided (another field may be), and let the pane reload the ticket."""
        self.ctx.run_db(ticket_conflict, self.ctx.tickets, ticket_id, receiver=self,
                        on_done=lambda rest, tid=ticket_id: self._on_conflict(tid, rest))
        self.resolved.emit()
