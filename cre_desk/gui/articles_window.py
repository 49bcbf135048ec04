"""The Articles window: write, review and retire FAQ and best-practice articles; see what to write next.

Three tabs: the articles with an editor (English and Japanese side by side, owner, status, SDK versions,
tags, linked tickets), FAQ candidates (groups of look-alike resolved tickets no article covers, largest
first) and FAQ health (per article: suggested, inserted, look-alike tickets after publishing).
A save that collides with a teammate's keeps the edits and says so.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core import kb
from cre_desk.errors import ConflictError, UserError
from cre_desk.gui import messages
from cre_desk.gui.best_practice_card import CardLinks
from cre_desk.gui.context import AppContext
from cre_desk.gui.guide_publish import GuidePublisher
from cre_desk.gui.intercom_publish import IntercomPublisher
from cre_desk.gui.kb_panel import ui_is_japanese
from cre_desk.gui.rows_table import RowsModel, rows_table


class ArticlesWindow(QWidget):
    """A top-level window over the knowledge base of the open workspace."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Articles"))
        self.resize(1100, 720)
        self.current: kb.ArticleRecord | None = None

        self.list_model = RowsModel(
            [self.tr("#"), self.tr("Title"), self.tr("Kind"), self.tr("Status"), self.tr("Owner")], self
        )
        self.list_view = rows_table(self.list_model)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_list_current_changed)
        # The title takes the width; the other columns fit their (Japanese) headers and values.
        header = self.list_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list_empty = QLabel()
        self.list_empty.setWordWrap(True)
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_empty.hide()   # until the list is read and turns out empty
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), "")
        self.kind = QComboBox()
        self.status = QComboBox()
        for status, label in self._status_labels().items():
            self.status_filter.addItem(label, status)
            self.status.addItem(label, status)
        self.kind.addItem(self.tr("FAQ"), kb.ArticleKind.FAQ.value)
        self.kind.addItem(self.tr("Best practice"), kb.ArticleKind.BEST_PRACTICE.value)
        self.status_filter.activated.connect(lambda _i: self.reload())
        new_button = QPushButton(self.tr("&New article"))
        new_button.clicked.connect(self.new_article)
        self.cards_button = QPushButton(self.tr("Add starter &cards"))
        self.cards_button.setToolTip(self.tr("Add the shipped best-practice cards (in-app messages, push, "
                                             "events) this workspace does not hold yet"))
        self.cards_button.clicked.connect(self.add_starter_cards)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(self.cards_button)
        top.addWidget(new_button)
        lv.addLayout(top)
        lv.addWidget(self.list_view, 1)
        lv.addWidget(self.list_empty)

        self.title_en, self.title_ja = QLineEdit(), QLineEdit()
        self.body_en, self.body_ja = QPlainTextEdit(), QPlainTextEdit()
        self.owner, self.versions, self.tags, self.tickets = (
            QLineEdit(),
            QLineEdit(),
            QLineEdit(),
            QLineEdit(),
        )
        self.versions.setPlaceholderText(self.tr("e.g. Braze Android SDK >= 30.0; one range per comma"))
        self.tags.setPlaceholderText(self.tr("e.g. symptom:iam_not_shown, team:mobile"))
        self.tickets.setPlaceholderText(self.tr("e.g. 12, 15"))
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("SDK versions"), self.versions)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Linked tickets"), self.tickets)
        self.cards = CardLinks(ctx)  # the best-practice cards this article explains a piece of
        form.addRow("", self.cards)
        bodies = QSplitter(Qt.Orientation.Horizontal)
        for label, title, body in (
            (self.tr("English"), self.title_en, self.body_en),
            (self.tr("Japanese"), self.title_ja, self.body_ja),
        ):
            box = QWidget()
            bv = QVBoxLayout(box)
            bv.setContentsMargins(0, 0, 0, 0)
            bv.addWidget(QLabel(label))
            title.setPlaceholderText(self.tr("Title"))
            bv.addWidget(title)
            bv.addWidget(body, 1)
            bodies.addWidget(box)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.guide = GuidePublisher(self, ctx, lambda: self.current)
        self.guide.saved.connect(self._on_guide_saved)
        self.intercom = IntercomPublisher(self, ctx, lambda: self.current)
        self.intercom.show_article(None)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        editor = QWidget()
        ev = QVBoxLayout(editor)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.addLayout(form)
        ev.addWidget(bodies, 1)
        centers = QHBoxLayout()  # the help-center copies get a row of their own: long in Japanese
        centers.addWidget(self.guide.label)
        centers.addWidget(self.guide.button)
        centers.addStretch(1)
        centers.addWidget(self.intercom.label)
        centers.addWidget(self.intercom.button)
        ev.addLayout(centers)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.save_button)
        ev.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(editor)
        split.setSizes([440, 760])

        self.candidates_model = RowsModel(
            [self.tr("Tickets"), self.tr("Common words"), self.tr("Titles")], self
        )
        self.health_model = RowsModel(
            [
                self.tr("#"),
                self.tr("Title"),
                self.tr("Status"),
                self.tr("Suggested"),
                self.tr("Inserted"),
                self.tr("Look-alikes after publishing"),
            ],
            self,
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Articles"))
        self.tabs.addTab(rows_table(self.candidates_model), self.tr("FAQ candidates"))
        self.tabs.addTab(rows_table(self.health_model), self.tr("FAQ health"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._set_editor_enabled(False)

    def _status_labels(self) -> dict[str, str]:
        return {
            kb.ArticleStatus.DRAFT.value: self.tr("Draft"),
            kb.ArticleStatus.REVIEWED.value: self.tr("Reviewed"),
            kb.ArticleStatus.PUBLISHED.value: self.tr("Published"),
            kb.ArticleStatus.OUTDATED.value: self.tr("Outdated"),
        }

    # ----- list ----------------------------------------------------------------------------------

    def add_starter_cards(self) -> None:
        """Install the shipped best-practice cards as the team's articles (the ones not held yet)."""
        from cre_desk.db.kb_cards import CardBook

        def done(added: int) -> None:
            self.state.setText(self.tr("Starter cards added: %1").replace("%1", str(added)))
            self.reload()

        self.ctx.run_db(CardBook(self.ctx.knowledge).install_starter, owner=self.ctx.user, receiver=self,
                        on_done=done, on_error=lambda exc: messages.report_exception(self, exc))

    def reload(self, select_id: int | None = None) -> None:
        status = self.status_filter.currentData() or None
        self.ctx.run_db(
            self.ctx.knowledge.list_articles,
            status=status,
            receiver=self,
            on_done=lambda rows: self._on_listed(rows, select_id),
            on_error=lambda exc: messages.report_exception(self, exc),
        )

    def _on_listed(self, articles: list[kb.ArticleRecord], select_id: int | None) -> None:
        labels = self._status_labels()
        kinds = {
            kb.ArticleKind.FAQ.value: self.tr("FAQ"),
            kb.ArticleKind.BEST_PRACTICE.value: self.tr("Best practice"),
        }
        language = "ja" if ui_is_japanese() else "en"
        self.list_model.set_rows(
            [
                (
                    a,
                    [
                        str(a.id),
                        a.fields.title(language),
                        kinds.get(a.fields.kind, a.fields.kind),
                        labels.get(a.fields.status, a.fields.status),
                        a.fields.owner,
                    ],
                )
                for a in articles
            ]
        )
        if self.status_filter.currentData():
            empty = self.tr("No articles with this status.")
        else:
            empty = self.tr("No articles yet. Write one with New article, or turn a solved ticket into an "
                            "FAQ article with Make an FAQ article under Similar tickets and articles.")
        self.list_empty.setText("" if articles else empty)
        self.list_empty.setVisible(not articles)
        wanted = select_id if select_id is not None else (self.current.id if self.current else None)
        for row, (article, _cells) in enumerate(self.list_model.rows):
            if article.id == wanted:
                self.list_view.selectRow(row)
                return
        if articles and self.current is None:
            self.list_view.selectRow(0)

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article = self.list_model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if article is not None:
            self.show_article(article)

    def show_article(self, article: kb.ArticleRecord) -> None:
        self.current = article
        f = article.fields
        self.kind.setCurrentIndex(max(0, self.kind.findData(f.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(f.status)))
        self.owner.setText(f.owner)
        self.versions.setText(", ".join(f.sdk_versions))
        self.tags.setText(", ".join(f.tags))
        self.tickets.setText(", ".join(str(t) for t in f.ticket_ids))
        self.title_en.setText(f.title_en)
        self.title_ja.setText(f.title_ja)
        self.body_en.setPlainText(f.body_en)
        self.body_ja.setPlainText(f.body_ja)
        when = article.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.state.setText(
            self.tr("Article #%1, saved %2").replace("%1", str(article.id)).replace("%2", when)
        )
        self.guide.show_article(article)
        self.intercom.show_article(article)
        self.cards.show_for_article(article)
        self._set_editor_enabled(True)

    def new_article(self) -> None:
        self.current = None
        for widget in (self.title_en, self.title_ja, self.versions, self.tags, self.tickets):
            widget.clear()
        self.body_en.clear()
        self.body_ja.clear()
        self.owner.setText(self.ctx.user)
        self.status.setCurrentIndex(self.status.findData(kb.ArticleStatus.DRAFT.value))
        self.list_view.clearSelection()
        self.state.setText(self.tr("New article: not saved yet"))
        self.guide.label.clear()
        self.intercom.show_article(None)
        self.cards.show_for_article(None)
        self._set_editor_enabled(True)
        self.title_en.setFocus()

    def _set_editor_enabled(self, enabled: bool) -> None:
        for widget in (
            self.kind,
            self.status,
            self.owner,
            self.versions,
            self.tags,
            self.tickets,
            self.title_en,
            self.title_ja,
            self.body_en,
            self.body_ja,
            self.save_button,
            self.guide.button,
            self.intercom.button,
        ):
            widget.setEnabled(enabled)

    # ----- saving --------------------------------------------------------------------------------

    def fields(self) -> kb.ArticleFields:
        def split(text: str) -> tuple[str, ...]:
            return tuple(p.strip() for p in re.split(r"[,、\n]", text) if p.strip())

        ticket_ids = []
        for part in split(self.tickets.text()):
            digits = part.lstrip("#")
            if not digits.isdigit():
                raise UserError(
                    self.tr("Linked tickets are ticket numbers separated by commas, like 12, 15.")
                )
            ticket_ids.append(int(digits))
        return kb.ArticleFields(
            title_en=self.title_en.text(),
            title_ja=self.title_ja.text(),
            body_en=self.body_en.toPlainText(),
            body_ja=self.body_ja.toPlainText(),
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            owner=self.owner.text(),
            sdk_versions=split(self.versions.text()),
            tags=split(self.tags.text()),
            ticket_ids=tuple(ticket_ids),
        )

    def save(self) -> None:
        try:
            fields = self.fields()
        except UserError as exc:
            messages.warn(self, str(exc))
            return
        knowledge, current = self.ctx.knowledge, self.current
        if current is None:
            self.ctx.run_db(
                knowledge.create_article,
                fields,
                receiver=self,
                on_done=self._on_saved,
                on_error=self._on_save_failed,
            )
        else:
            self.ctx.run_db(
                knowledge.update_article,
                current.id,
                fields,
                expected_version=current.version,
                receiver=self,
                on_done=self._on_saved,
                on_error=self._on_save_failed,
            )

    def _on_saved(self, article: kb.ArticleRecord) -> None:
        self.current = article
        self.state.setText(self.tr("Saved"))
        self.reload(select_id=article.id)

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError) and isinstance(exc.theirs, kb.ArticleRecord):
            # Keep the typed text on screen; the next save goes on top of the teammate's version.
            self.current = exc.theirs
            self.state.setText(
                self.tr(
                    "Not saved: a teammate saved this article meanwhile. Your text is kept; "
                    "check it and save again."
                )
            )
            return
        messages.report_exception(self, exc)

    def _on_guide_saved(self, article: kb.ArticleRecord) -> None:
        if self.current is not None and self.current.id == article.id:
            self.current = article

    # ----- candidates and health -----------------------------------------------------------------

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 1:
            self.ctx.run_db(
                self.ctx.knowledge.faq_candidates,
                receiver=self,
                on_done=self._on_candidates,
                on_error=lambda exc: messages.report_exception(self, exc),
            )
        elif index == 2:
            self.ctx.run_db(
                self.ctx.knowledge.faq_health,
                receiver=self,
                on_done=self._on_health,
                on_error=lambda exc: messages.report_exception(self, exc),
            )

    def _on_candidates(self, candidates: list[kb.Candidate]) -> None:
        self.candidates_model.set_rows(
            [
                (c, [", ".join(f"#{t}" for t in c.ticket_ids), ", ".join(c.top_terms), " / ".join(c.titles)])
                for c in candidates
            ]
        )

    def _on_health(self, rows) -> None:
        labels = self._status_labels()
        self.health_model.set_rows(
            [
                (
                    h,
                    [
                        str(h.article_id),
                        h.title,
                        labels.get(h.status, h.status),
                        str(h.suggested),
                        str(h.inserted),
                        str(h.after_publishing),
                    ],
                )
                for h in rows
            ]
        )
