"""The ticket's product team and kind on the Overview: the suggestion, confirmed in one click or one key.

A kind refines the ticket's category (the timers' field). Confirming a kind of another category asks the
Overview to change its category first (a normal save, with its conflict check); the kind is stored once that
save has landed. Linked shared items (requests, bugs, confusions) are listed and linked from here.

Signals:
    category_needed(str): the confirmed kind needs this category on the Overview form.
    tags_confirmed(int): the ticket's team and kind were stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.feedback import KIND_ORDER, Suggestion, category_for, kind_label
from cre_desk.core.tickets import TicketDetail
from cre_desk.db.feedback import ITEM_TYPES, FeedbackStore, FeedbackTag, ItemRecord
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import plain_tooltip, ui_language

ITEM_ROLE = Qt.ItemDataRole.UserRole + 7


def feedback_store(ctx: AppContext) -> FeedbackStore:
    """One store per workspace, kept on the context so every view shares it."""
    store = getattr(ctx, "_feedback_store", None)
    if store is None or store.db is not ctx.workspace.db:
        store = FeedbackStore(ctx.workspace.db)
        ctx._feedback_store = store  # type: ignore[attr-defined]
    return store


def _load(store: FeedbackStore, ticket_id: int) -> tuple[FeedbackTag, Suggestion, list, list[ItemRecord]]:
    return store.tag_of(ticket_id), store.suggestion(ticket_id), store.list_teams(), store.items_of(ticket_id)


class FeedbackTagsBox(QGroupBox):
    category_needed = Signal(str)
    tags_confirmed = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Product feedback"))
        self.ticket: TicketDetail | None = None
        self.suggested: Suggestion | None = None
        self._pending: tuple[int, str, str] | None = None  # (ticket, team, kind) waiting for its category

        self.team = QComboBox()
        self.kind = QComboBox()
        for index, kind in enumerate(KIND_ORDER, 1):
            self.kind.addItem(f"{index}  {kind_label(kind, ui_language())}", str(kind))
        self.kind.setToolTip(self.tr("Ctrl+Alt+1 … Ctrl+Alt+6 choose and confirm a kind"))
        self.suggestion = QLabel()
        self.suggestion.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestion.setWordWrap(True)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(self.tr("Accept suggestion"))
        self.accept_button.setToolTip(self.tr("Store the suggested team and kind (Ctrl+Alt+0)"))
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.confirm_button.setToolTip(self.tr("Store the team and kind chosen above"))
        self.confirm_button.clicked.connect(self.confirm_chosen)
        self.items = QLabel()
        self.items.setTextFormat(Qt.TextFormat.PlainText)
        self.items.setWordWrap(True)
        self.link_button = QPushButton(self.tr("Link to request or bug…"))
        self.link_button.clicked.connect(self.choose_item)

        form = QFormLayout()
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Kind"), self.kind)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.suggestion)
        layout.addLayout(buttons)
        layout.addWidget(self.state)
        layout.addWidget(self.items)
        layout.addWidget(self.link_button)
        from cre_desk.gui.upsell_box import UpsellBox

        self.upsell = UpsellBox(ctx)
        layout.addWidget(self.upsell)
        layout.addStretch(1)

        for index, kind in enumerate(KIND_ORDER, 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+Alt+{index}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda k=str(kind): self.confirm_kind(k))
        accept = QShortcut(QKeySequence("Ctrl+Alt+0"), self)
        accept.setContext(Qt.ShortcutContext.WindowShortcut)
        accept.activated.connect(self.accept_suggestion)
        self.setEnabled(False)

    # ----- showing -------------------------------------------------------------------------------

    def load(self, ticket: TicketDetail) -> None:
        """Show ``ticket``'s tags; a kind waiting for its category is stored once the category fits."""
        self.ticket = ticket
        if self.upsell.ticket_id != ticket.id:
            self.upsell.load(ticket.id)
        pending = self._pending
        if (
            pending is not None
            and pending[0] == ticket.id
            and category_for(pending[2]) == ticket.fields.category
        ):
            self._pending = None
            self._store(pending[1], pending[2])
            return
        self.ctx.run_db(
            _load,
            feedback_store(self.ctx),
            ticket.id,
            on_done=self._on_loaded,
            on_error=lambda _exc: None,
            receiver=self,
        )

    def _on_loaded(self, result) -> None:
        tag, suggestion, teams, items = result
        if self.ticket is None or tag.ticket_id != self.ticket.id:
            return
        language = ui_language()
        self.setEnabled(True)
        self.suggested = suggestion
        self.team.clear()
        self.team.addItem(self.tr("(no team)"), "")
        for team in teams:
            self.team.addItem(team.label(language), team.key)
        names = {t.key: t.label(language) for t in teams}
        shown_team = tag.team if tag.confirmed or tag.team else suggestion.team
        shown_kind = tag.kind if tag.confirmed else suggestion.kind
        self.team.setCurrentIndex(max(0, self.team.findData(shown_team)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(shown_kind)))
        team_name = names.get(suggestion.team, self.tr("no team"))
        self.suggestion.setText(
            self.tr("Suggested: {0} · {1}").format(team_name, kind_label(suggestion.kind, language))
        )
        self.suggestion.setToolTip(plain_tooltip("\n".join(suggestion.reasons)))
        if tag.confirmed:
            who = tag.confirmed_by or self.tr("someone")
            self.state.setText(
                self.tr("✓ Confirmed by {0}: {1} · {2}").format(
                    who, names.get(tag.team, self.tr("no team")), kind_label(tag.kind, language)
                )
            )
        else:
            self.state.setText(self.tr("Not confirmed yet"))
        same = tag.confirmed and (tag.team, tag.kind) == (suggestion.team, suggestion.kind)
        self.accept_button.setEnabled(not same)
        if items:
            lines = [f"• {i.title}" + (f"  ({i.github_url})" if i.github_url else "") for i in items]
            self.items.setText(self.tr("Linked:") + "\n" + "\n".join(lines))
        else:
            self.items.setText(self.tr("Not linked to a shared request or bug."))

    # ----- confirming ----------------------------------------------------------------------------

    def accept_suggestion(self) -> None:
        if self.suggested is not None and self.isEnabled():
            self._confirm(self.suggested.team, self.suggested.kind)

    def confirm_chosen(self) -> None:
        if self.isEnabled():
            self._confirm(self.team.currentData() or "", self.kind.currentData())

    def confirm_kind(self, kind: str) -> None:
        if self.isEnabled():
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            self._confirm(self.team.currentData() or "", kind)

    def _confirm(self, team: str, kind: str) -> None:
        if self.ticket is None:
            return
        needed = category_for(kind)
        if needed != self.ticket.fields.category:
            self._pending = (self.ticket.id, team, kind)
            self.state.setText(self.tr("Changing the category first…"))
            self.category_needed.emit(needed)
            return
        self._store(team, kind)

    def _store(self, team: str, kind: str) -> None:
        if self.ticket is None:
            return
        ticket_id, store = self.ticket.id, feedback_store(self.ctx)
        self.ctx.run_db(
            store.confirm,
            ticket_id,
            team=team,
            kind=kind,
            actor=self.ctx.user,
            on_done=lambda _tag: self._on_stored(ticket_id),
            on_error=lambda exc: messages.report_exception(self, exc),
            receiver=self,
        )

    def _on_stored(self, ticket_id: int) -> None:
        self.tags_confirmed.emit(ticket_id)
        if self.ticket is not None and self.ticket.id == ticket_id:
            self.load(self.ticket)

    # ----- items ---------------------------------------------------------------------------------

    def choose_item(self) -> None:
        if self.ticket is None:
            return
        ticket_id = self.ticket.id
        self.ctx.run_db(
            feedback_store(self.ctx).list_items,
            on_done=lambda items: self._pick(ticket_id, items),
            on_error=lambda exc: messages.report_exception(self, exc),
            receiver=self,
        )

    def _pick(self, ticket_id: int, items: list[ItemRecord]) -> None:
        if self.ticket is None or self.ticket.id != ticket_id:
            return
        ticket = self.ticket
        store = feedback_store(self.ctx)
        dialog = ItemPickerDialog(items, ticket.fields.title, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen, new = dialog.chosen(), dialog.new_item()
        team = self.team.currentData() or ""

        def link():
            item_id = chosen
            if item_id is None and new is not None:
                item_id = store.create_item(new[0], new[1], team=team, github_url=new[2]).id
            if item_id is not None:
                store.link(ticket.id, item_id)

        self.ctx.run_db(
            link,
            on_done=lambda _r: self.load(ticket),
            on_error=lambda exc: messages.report_exception(self, exc),
            receiver=self,
        )


class ItemPickerDialog(QDialog):
    """Pick an existing shared item (filtered as you type) or describe a new one."""

    def __init__(self, items: list[ItemRecord], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to a shared request or bug"))
        self._items = items
        self.filter = QLineEdit(placeholderText=self.tr("Filter existing items"))
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        self.filter.textChanged.connect(self._fill)
        self.new_type = QComboBox()
        for key, text in zip(
            ITEM_TYPES, (self.tr("Request"), self.tr("Bug"), self.tr("Confusion")), strict=True
        ):
            self.new_type.addItem(text, key)
        self.new_title = QLineEdit(title)
        self.new_url = QLineEdit(placeholderText="https://github.com/owner/repo/issues/12")
        new_box = QGroupBox(self.tr("…or a new item"))
        new_form = QFormLayout(new_box)
        new_form.addRow(self.tr("Type"), self.new_type)
        new_form.addRow(self.tr("Title"), self.new_title)
        new_form.addRow(self.tr("GitHub issue"), self.new_url)
        self.create_new = QPushButton(self.tr("Create and link"))
        self.create_new.clicked.connect(self._accept_new)
        new_form.addRow(self.create_new)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(new_box)
        layout.addWidget(buttons)
        self._new = False
        self._fill("")
        self.resize(560, 480)

    def _fill(self, text: str) -> None:
        words = text.lower().split()
        self.model.clear()
        for item in self._items:
            if all(w in item.title.lower() for w in words):
                row = QStandardItem(
                    self.tr("{0}  ·  {1} customers, {2} tickets").format(
                        item.title, item.customers, item.tickets
                    )
                )
                row.setData(item.id, ITEM_ROLE)
                row.setToolTip(plain_tooltip(item.title))
                self.model.appendRow(row)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _accept_new(self) -> None:
        self._new = True
        self.accept()

    def chosen(self) -> int | None:
        if self._new:
            return None
        index = self.view.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def new_item(self) -> tuple[str, str, str] | None:
        if not self._new:
            return None
        return self.new_type.currentData(), self.new_title.text(), self.new_url.text()
