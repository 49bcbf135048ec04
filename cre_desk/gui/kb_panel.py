"""The side panel next to an open ticket: resolved look-alike tickets and articles, each with why.

One action puts an article's text into the reply, or copies an earlier reply's Cause and Fix into the
draft; on a resolved ticket, "Make an FAQ article" drafts one from its reply. Titles are customer text:
the model hands them to the view as plain text only.

Signals:
    insert_requested(str, str): put text into the reply draft (part "cause" or "fix", the text).
    article_created(int): an FAQ article was drafted from this ticket (its id).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core import kb
from cre_desk.core.tickets import TicketDetail
from cre_desk.core.vocabulary import RESOLVED_STATUSES
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import plain_tooltip
from cre_desk.gui.wrapping_delegate import wrap_rows

_Index = QModelIndex | QPersistentModelIndex


def ui_is_japanese() -> bool:
    """Whether the interface runs in Japanese (article titles then show in Japanese where they exist)."""
    app = QCoreApplication.instance()
    return app is not None and app.property("cre_desk_language") == "ja"


class SuggestionModel(QAbstractListModel):
    """Suggestions as list rows: the title on the first line, why on the second."""

    SuggestionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[kb.Suggestion] = []

    def set_rows(self, rows: list[kb.Suggestion]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        japanese = ui_is_japanese()
        title = row.title_ja if japanese and row.title_ja else row.title
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.kind_label(row)}  {title}\n    {self.why(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{title}\n{self.why(row)}")
        if role == self.SuggestionRole:
            return row
        return None

    def kind_label(self, row: kb.Suggestion) -> str:
        if row.kind == "article":
            return self.tr("Article #%1").replace("%1", str(row.ref_id))
        return self.tr("Ticket #%1").replace("%1", str(row.ref_id))

    def why(self, row: kb.Suggestion) -> str:
        """The reasons in the user's language; the evidence itself (words, rule ids) is shown as found."""
        parts = []
        for reason in row.reasons:
            items = ", ".join(reason.items)
            if reason.kind == "text":
                parts.append(self.tr("similar words: %1").replace("%1", items))
            elif reason.kind == "findings":
                parts.append(self.tr("same log findings: %1").replace("%1", items))
            elif reason.kind == "area":
                parts.append(self.tr("same suspected area: %1").replace("%1", items))
            elif reason.kind == "linked":
                parts.append(self.tr("answers look-alike ticket %1").replace("%1", items))
            elif reason.kind == "this_ticket":
                parts.append(self.tr("linked to this ticket"))
        return "; ".join(parts)

    def suggestion(self, row: int) -> kb.Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class SimilarPanel(QWidget):
    insert_requested = Signal(str, str)
    article_created = Signal(int)

    def __init__(
        self, ctx: AppContext, reply_language: Callable[[], str] = lambda: "en", parent=None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reply_language = reply_language
        self.ticket: TicketDetail | None = None
        self.title = QLabel(self.tr("Similar tickets and articles"))
        self.title.setStyleSheet("font-weight: bold")
        self.title.setWordWrap(True)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.model = SuggestionModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        wrap_rows(self.view)   # Japanese reasons in full, never cut at the row's foot
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.view.setToolTip(self.tr("Resolved tickets and reviewed articles that look like this ticket"))
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _i: self.use_selected())
        self.use_button = QPushButton(self.tr("Use in reply"))
        self.use_button.setToolTip(
            self.tr(
                "Article: insert its text into the Fix. "
                "Ticket: copy the Cause and Fix of its reply into the draft."
            )
        )
        self.use_button.clicked.connect(self.use_selected)
        self.faq_button = QPushButton(self.tr("Make an FAQ article"))
        self.faq_button.setToolTip(
            self.tr("Draft an FAQ article in English and Japanese from this resolved ticket's reply")
        )
        self.faq_button.clicked.connect(self.make_faq)
        # Stacked, not side by side: the panel must stay narrow enough for a 1,400-pixel-wide window.
        buttons = QVBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.faq_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self._update_buttons()

    def load(self, ticket: TicketDetail) -> None:
        """Show look-alikes of ``ticket`` (computed on the database thread)."""
        same = self.ticket is not None and self.ticket.id == ticket.id
        self.ticket = ticket
        self.faq_button.setEnabled(ticket.status in RESOLVED_STATUSES)
        if same:
            return
        self.model.set_rows([])
        self.state.setText(self.tr("Looking for similar tickets…"))
        ticket_id = ticket.id
        self.ctx.run_db(
            self.ctx.knowledge.suggest,
            ticket_id,
            receiver=self,
            on_done=lambda rows: self._on_suggested(ticket_id, rows),
            on_error=lambda exc: self._on_failed(ticket_id, exc),
        )

    def _on_suggested(self, ticket_id: int, rows: list[kb.Suggestion]) -> None:
        if self.ticket is None or self.ticket.id != ticket_id:
            return
        self.model.set_rows(rows)
        self.state.setText(self.tr("Nothing similar yet.") if not rows else "")
        if rows:
            self.view.setCurrentIndex(self.model.index(0))
        self._update_buttons()

    def _on_failed(self, ticket_id: int, exc: BaseException) -> None:
        if self.ticket is not None and self.ticket.id == ticket_id:
            self.state.setText(self.tr("Similar tickets could not be looked up."))
        messages.report_exception(self, exc)

    def _update_buttons(self, *_args) -> None:
        self.use_button.setEnabled(self.selected() is not None)

    def selected(self) -> kb.Suggestion | None:
        index = self.view.currentIndex()
        return self.model.suggestion(index.row()) if index.isValid() else None

    def use_selected(self) -> None:
        """Insert the selected article's text, or copy the selected ticket's Cause and Fix, into the draft."""
        chosen, ticket = self.selected(), self.ticket
        if chosen is None or ticket is None:
            return
        knowledge = self.ctx.knowledge
        language = "ja" if self.reply_language() == "ja" else "en"
        if chosen.kind == "article":

            def fetch_article():
                article = knowledge.get_article(chosen.ref_id)
                knowledge.record_inserted(chosen.ref_id, ticket.id)
                return article

            self.ctx.run_db(
                fetch_article,
                receiver=self,
                on_done=lambda a: self._insert_article(a, language),
                on_error=lambda exc: messages.report_exception(self, exc),
            )
        else:
            self.ctx.run_db(
                knowledge.previous_answer,
                chosen.ref_id,
                receiver=self,
                on_done=self._insert_answer,
                on_error=lambda exc: messages.report_exception(self, exc),
            )

    def _insert_article(self, article: kb.ArticleRecord, language: str) -> None:
        from cre_desk.core import kb_drafting

        body = article.fields.body(language)
        fix = kb_drafting.section(body, "fix", language) or body
        title = article.fields.title(language)
        self.insert_requested.emit("fix", f"{title}\n{fix}")

    def _insert_answer(self, answer) -> None:
        if answer is None:
            messages.info(self, self.tr("That ticket has no saved or sent reply to copy."))
            return
        if answer.cause:
            self.insert_requested.emit("cause", answer.cause)
        if answer.fix:
            self.insert_requested.emit("fix", answer.fix)

    def make_faq(self) -> None:
        ticket = self.ticket
        if ticket is None:
            return
        self.ctx.run_db(
            self.ctx.knowledge.make_faq,
            ticket,
            owner=self.ctx.user,
            receiver=self,
            on_done=self._on_faq_made,
            on_error=lambda exc: messages.report_exception(self, exc),
        )

    def _on_faq_made(self, article: kb.ArticleRecord) -> None:
        self.state.setText(
            self.tr("FAQ article #%1 drafted: review it in Articles (Ctrl+Shift+K).").replace(
                "%1", str(article.id)
            )
        )
        self.article_created.emit(article.id)
