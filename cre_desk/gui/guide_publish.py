"""The Articles window's Zendesk Guide controls: save as a draft there, and see whether it changed there.

The Guide round trip (which section, the user's yes, the background request, an edit made in Guide that
stops an update until the user chooses to replace it) is its own conversation with the help center, as
``intercom_publish`` is for Intercom; the window only lays out the button and the status line and tells
this which article is shown. The words keep the window's translation context ("ArticlesWindow").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from cre_desk.core import kb
from cre_desk.gui import messages
from cre_desk.gui.tasks import run_in_background


class GuidePublisher(QObject):
    """A button and a status line over the shown article's Guide copy.

    Signals:
        saved(ArticleRecord): Guide has the article; the record now carries the Guide copy's id and address.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget, ctx, current: Callable[[], kb.ArticleRecord | None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ctx = ctx
        self._current = current
        self.button = QPushButton(QCoreApplication.translate("ArticlesWindow", "Save to Zendesk &Guide…"))
        self.button.setToolTip(QCoreApplication.translate(
            "ArticlesWindow", "Create or update this article as a draft in Zendesk Guide; "
                              "someone publishes it there"))
        self.button.clicked.connect(lambda: self.save())
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._guide_target: tuple[int, int] | None = None

    def show_article(self, article: kb.ArticleRecord, changed: bool = False) -> None:
        if not article.remote_id:
            self.label.setText(QCoreApplication.translate("ArticlesWindow", "Not in Zendesk Guide yet"))
        elif changed:
            text = QCoreApplication.translate("ArticlesWindow",
                                              "Edited in Zendesk Guide since saved here: %1")
            self.label.setText(text.replace("%1", article.remote_url))
        else:
            text = QCoreApplication.translate("ArticlesWindow", "Draft in Zendesk Guide: %1")
            self.label.setText(text.replace("%1", article.remote_url))

    @classmethod
    def ask_guide_target(cls, parent: QWidget, previous: tuple[int, int] | None) -> tuple[int, int] | None:
        """The Guide section and permission group to create articles in (tests replace this)."""
        from PySide6.QtWidgets import QInputDialog

        title = QCoreApplication.translate("ArticlesWindow", "Zendesk Guide")
        section_label = QCoreApplication.translate("ArticlesWindow", "Section id:")
        section, ok = QInputDialog.getInt(parent, title, section_label,
                                          previous[0] if previous else 0, 0, 2**31 - 1)
        if not ok:
            return None
        group_label = QCoreApplication.translate("ArticlesWindow", "Permission group id:")
        group, ok = QInputDialog.getInt(parent, title, group_label,
                                        previous[1] if previous else 0, 0, 2**31 - 1)
        return (section, group) if ok else None

    def save(self, force: bool = False) -> None:
        """Save the shown article as a Guide draft once the user confirms; never over an edit made there."""
        from cre_desk.integrations.accounts import load_accounts

        parent = self._parent
        article = self._current()
        if article is None:
            messages.info(parent, QCoreApplication.translate("ArticlesWindow", "Save the article first."))
            return
        account = next((a for a in load_accounts(self.ctx.settings) if a.provider == "zendesk"), None)
        if account is None:
            messages.info(parent, QCoreApplication.translate(
                "ArticlesWindow", "Connect a Zendesk account first (File → Accounts)."))
            return
        if self._guide_target is None:
            target = self.ask_guide_target(parent, self._guide_target)
            if target is None:
                return
            self._guide_target = target
        if not force:
            if article.remote_id:
                question = QCoreApplication.translate(
                    "ArticlesWindow", "Update the draft of article #%1 in Zendesk Guide (%2)?")
            else:
                question = QCoreApplication.translate(
                    "ArticlesWindow", "Create article #%1 as a draft in Zendesk Guide (%2)?")
            question = question.replace("%1", str(article.id)).replace("%2", account.id)
            if not messages.confirm(parent, question):
                return
        section, group = self._guide_target
        knowledge = self.ctx.knowledge

        def work():
            from cre_desk.actions.publish_article import save_to_help_center
            from cre_desk.integrations.help_center import guide_for

            guide = guide_for(account)
            try:
                return save_to_help_center(knowledge, article.id, guide, section_id=section,
                                           permission_group_id=group, force=force)
            finally:
                guide.close()

        self.label.setText(QCoreApplication.translate("ArticlesWindow", "Saving to Zendesk Guide…"))
        run_in_background(work, receiver=self, on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, article: kb.ArticleRecord) -> None:
        self.saved.emit(article)
        self.show_article(article)

    def _on_failed(self, exc: BaseException) -> None:
        from cre_desk.integrations.help_center import RemoteChanged

        current = self._current()
        if isinstance(exc, RemoteChanged) and current is not None:
            self.show_article(current, changed=True)
            question = QCoreApplication.translate(
                "ArticlesWindow", "The article was edited in Zendesk Guide since it was saved from here. "
                                  "Replace the Guide copy with this one?")
            if messages.confirm(self._parent, question):
                self.save(force=True)
            return
        if current is not None:
            self.show_article(current)
        messages.report_exception(self._parent, exc)
