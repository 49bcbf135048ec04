"""The Articles window's Intercom Articles controls: save as a draft there, and see whether it changed there.

Teams whose help center is Intercom get the same care as with Zendesk Guide: nothing is sent without a
yes, the copy's address is remembered and shown, an edit made in Intercom since the last save is shown
as soon as the article is opened (checked in the background) and stops an update until the user
chooses to replace it, and a live (published) Intercom article is only replaced after its own question.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QSizePolicy, QWidget

from cre_desk.core import kb
from cre_desk.gui import messages
from cre_desk.gui.tasks import run_in_background


class IntercomPublisher(QObject):
    """A button and a status line; the window tells it which article is shown."""

    def __init__(self, parent: QWidget, ctx, current: Callable[[], kb.ArticleRecord | None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ctx = ctx
        self._current = current
        self._collection: int | None = None
        self.button = QPushButton(self.tr("Save to &Intercom…"))
        self.button.setToolTip(self.tr("Create or update this article as a draft in Intercom Articles; "
                                       "someone publishes it there"))
        self.button.clicked.connect(lambda: self.save())
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long article address must not widen the window: the label may shrink, and the whole text
        # stays selectable and in the tooltip.
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._shown: int | None = None

    def _say(self, text: str) -> None:
        self.label.setText(text)
        self.label.setToolTip(text)

    def _account(self):
        from cre_desk.integrations.accounts import load_accounts

        return next((a for a in load_accounts(self.ctx.settings) if a.provider == "intercom"), None)

    def show_article(self, article: kb.ArticleRecord | None) -> None:
        """Show the article's Intercom copy; if there is one, check in the background whether it changed."""
        self._shown = article.id if article else None
        account = self._account()
        self.button.setVisible(account is not None)
        self.label.setVisible(account is not None)
        self._say("")
        if article is None or account is None:
            return
        from cre_desk.db.kb_remotes import INTERCOM, RemoteCopies

        copies = RemoteCopies(self.ctx.workspace.db)
        article_id = article.id

        def check():
            from cre_desk.actions.publish_article import intercom_copy_changed
            from cre_desk.integrations.intercom_articles import articles_for

            copy = copies.get(article_id, INTERCOM)
            if copy is None:
                return article_id, None, False
            client = articles_for(account)
            try:
                return article_id, copy, bool(intercom_copy_changed(copies, article_id, client))
            finally:
                client.close()

        run_in_background(check, receiver=self.label, on_done=self._on_checked,
                          on_error=lambda exc: self._on_check_failed(article_id, exc))

    def _on_checked(self, result) -> None:
        article_id, copy, changed = result
        if article_id != self._shown:
            return
        if copy is None:
            self._say(self.tr("Not in Intercom yet"))
        elif changed:
            self._say(self.tr("Edited in Intercom since saved here: %1").replace("%1", self._where(copy)))
        else:
            self._say(self.tr("In Intercom: %1").replace("%1", self._where(copy)))

    def _on_check_failed(self, article_id: int, exc: BaseException) -> None:
        if article_id == self._shown:
            self._say(self.tr("Intercom could not be checked: %1").replace("%1", str(exc)))

    def _where(self, copy) -> str:
        return copy.url or self.tr("article %1").replace("%1", copy.remote_id)

    @staticmethod
    def ask_collection(parent: QWidget, previous: int | None) -> int | None:
        """The Intercom collection new articles go to; 0: outside any collection (tests replace this)."""
        from PySide6.QtCore import QCoreApplication

        value, ok = QInputDialog.getInt(
            parent, QCoreApplication.translate("IntercomPublisher", "Intercom Articles"),
            QCoreApplication.translate("IntercomPublisher", "Collection id (0: none):"),
            previous or 0, 0, 2**31 - 1)
        return value if ok else None

    def save(self, *, force: bool = False, replace_live: bool = False) -> None:
        """Save the shown article as an Intercom draft once the user says yes."""
        from cre_desk.db.kb_remotes import INTERCOM, RemoteCopies

        article = self._current()
        if article is None:
            messages.info(self._parent, self.tr("Save the article first."))
            return
        account = self._account()
        if account is None:
            messages.info(self._parent, self.tr("Connect an Intercom account first (File → Accounts)."))
            return
        copies = RemoteCopies(self.ctx.workspace.db)
        known = copies.get(article.id, INTERCOM)
        if known is None and self._collection is None:
            collection = self.ask_collection(self._parent, self._collection)
            if collection is None:
                return
            self._collection = collection
        if not (force or replace_live):
            question = (self.tr("Update the draft of article #%1 in Intercom (%2)?") if known
                        else self.tr("Create article #%1 as a draft in Intercom (%2)?"))
            if not messages.confirm(self._parent,
                                    question.replace("%1", str(article.id)).replace("%2", account.id)):
                return
        knowledge, collection, article_id = self.ctx.knowledge, self._collection or None, article.id

        def work():
            from cre_desk.actions.publish_article import save_to_intercom
            from cre_desk.integrations.intercom_articles import articles_for

            client = articles_for(account)
            try:
                return save_to_intercom(knowledge, copies, article_id, client, account_id=account.id,
                                        collection_id=collection, force=force, replace_live=replace_live)
            finally:
                client.close()

        self._say(self.tr("Saving to Intercom…"))
        run_in_background(work, receiver=self.label, on_done=self._on_saved,
                          on_error=lambda exc: self._on_failed(exc, force, replace_live))

    def _on_saved(self, copy) -> None:
        if copy.article_id == self._shown:
            self._say(self.tr("In Intercom: %1").replace("%1", self._where(copy)))

    def _on_failed(self, exc: BaseException, force: bool, replace_live: bool) -> None:
        from cre_desk.integrations.help_center import RemoteChanged
        from cre_desk.integrations.intercom_articles import RemoteLive

        if isinstance(exc, RemoteChanged):
            self._say(self.tr("Edited in Intercom since saved here"))
            if messages.confirm(self._parent, self.tr(
                    "The article was edited in Intercom since it was saved from here. "
                    "Replace the Intercom copy with this one?")):
                self.save(force=True, replace_live=replace_live)
            return
        if isinstance(exc, RemoteLive):
            self._say(self.tr("Published in Intercom"))
            if messages.confirm(self._parent, self.tr(
                    "This article is published in Intercom: customers would see the new text at once. "
                    "Replace the live article?")):
                self.save(force=force, replace_live=True)
            return
        self._say("")
        messages.report_exception(self._parent, exc)
