"""Best-practice cards where they help: under a checklist cause and under an article, a link opens the card.

While walking the checklist an engineer often needs the other half of the story: not what went wrong, but
how the feature is meant to be used (what only it does, recommended use, pitfalls, constraints). Each
checklist item (and each FAQ article) shows one button per card that explains it; the card opens
read-only, in the interface language, saying whether it is the team's copy (edited in Articles) or the
shipped text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cre_desk.gui.formatting import ui_language


class CardDialog(QDialog):
    """One card, read-only (its text may be edited by anyone on the team: always plain text)."""

    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        language = ui_language()
        fields = view.fields
        self.setWindowTitle(self.tr("Best practice"))
        self.title = QLabel(fields.title(language))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.body = QPlainTextEdit(fields.body(language))
        self.body.setReadOnly(True)
        if view.article_id is not None:
            origin = self.tr("The team's card: article #%1, edited in the Articles window.").replace(
                "%1", str(view.article_id))
        else:
            origin = self.tr(
                "Shipped with CRE Desk. Articles → Add starter cards makes it the team's to edit.")
        self.origin = QLabel(origin)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.origin.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.origin)
        layout.addWidget(buttons)
        self.resize(640, 560)


class CardLinks(QWidget):
    """The buttons under a checklist item, one per card that explains it (hidden when there is none)."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._row = QVBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._asked: tuple | None = None
        self.buttons: list[QPushButton] = []
        self.dialog: CardDialog | None = None
        self.setVisible(False)

    def show_for(self, symptom: str | None, item_key: str | None, sdk: str = "") -> None:
        """The cards of a checklist item (None: none), for a ticket about ``sdk``."""
        from cre_desk.db.kb_cards import CardBook

        asked = (symptom, item_key, sdk) if symptom and item_key else None
        book = CardBook(self.ctx.knowledge)
        self._look_up(asked, lambda: book.for_item(symptom or "", item_key or "", sdk))

    def show_for_article(self, article) -> None:
        """The cards an article explains a piece of (None: none)."""
        from cre_desk.db.kb_cards import CardBook

        asked = ("article", article.id, article.version) if article is not None else None
        self._look_up(asked, lambda: CardBook(self.ctx.knowledge).for_article(article))

    def _look_up(self, asked, lookup) -> None:
        """Look up in the background; clear at once so a stale card never shows."""
        self._clear()
        self._asked = asked
        if asked is None:
            return
        self.ctx.run_db(lookup, receiver=self, on_done=lambda views: self._fill(asked, views),
                        on_error=lambda exc: None)

    def _clear(self) -> None:
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.setVisible(False)

    def _fill(self, asked, views) -> None:
        if asked != self._asked:
            return
        self._clear()
        language = ui_language()
        for position, view in enumerate(views):
            button = QPushButton(self.tr("Best practice: %1").replace("%1", view.fields.title(language)))
            button.setToolTip(self.tr("Open the team's best-practice card for this feature"))
            button.clicked.connect(lambda _checked=False, v=view: self.open_card(v))
            self._row.insertWidget(position, button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)
        self.setVisible(bool(views))

    def open_card(self, view) -> None:
        self.dialog = CardDialog(view, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()
