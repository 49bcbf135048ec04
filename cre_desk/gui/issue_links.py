"""GitHub issues a ticket waits on: link by URL or owner/repo#n, see their state, draft the customer notice.

States are refreshed in the background with conditional requests (an unchanged issue costs GitHub
nothing). Links open in the browser only for github.com addresses and only after confirmation.

Signals:
    notice_requested(str): the engineer wants a customer notice drafted for this closed issue (its text).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGroupBox,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from cre_desk.actions.issue_links import create_issue, github_account, link_issue, refresh_links
from cre_desk.core.tickets import IssueLinkRecord
from cre_desk.errors import UserError
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import plain_tooltip
from cre_desk.gui.tasks import OnDbThread, run_in_background
from cre_desk.gui.wrap_row import WrapRow
from cre_desk.gui.wrapping_delegate import wrap_rows

LINK_ROLE = 0x0101

__all__ = ["IssueLinksBox", "github_account", "notice_text", "refresh_links"]


def notice_text(link: IssueLinkRecord) -> str:
    """A first draft for the customer once the SDK issue is fixed (the engineer edits it)."""
    return (f"Good news: the problem tracked as {link.ref} (“{link.title}”) has been fixed. "
            "Please update the SDK to the release that contains the fix, release your app, and check again on a "
            "test device. If anything still looks wrong, reply here with a fresh log from app launch.")


class IssueLinksBox(QGroupBox):
    notice_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(self.tr("GitHub issues"), parent)
        self.ctx = ctx
        self.ticket_id: int | None = None
        self.links: list[IssueLinkRecord] = []
        self.ref = QLineEdit()
        self.ref.setPlaceholderText(self.tr("owner/repo#123 or issue URL"))
        self.ref.returnPressed.connect(self.link_from_field)
        link_button = QPushButton(self.tr("Link"))
        link_button.clicked.connect(self.link_from_field)
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        wrap_rows(self.view)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_current)
        self.notice_button = QPushButton(self.tr("Draft customer notice"))
        self.notice_button.clicked.connect(self.draft_notice)
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.clicked.connect(self.unlink_current)
        self.create_button = QPushButton(self.tr("New issue…"))
        self.create_button.setToolTip(self.tr("File an issue for the SDK team with this ticket's evidence"))
        self.create_button.clicked.connect(self.create_issue)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        # In the Overview's narrow side column the buttons wrap rather than squeezing Conversation and Notes.
        top = WrapRow(main=self.ref, main_min=160, claim_lines=True)
        top.addWidget(link_button)
        top.addWidget(self.create_button)
        buttons = WrapRow(claim_lines=True)
        for button in (self.open_button, self.notice_button, self.unlink_button, self.refresh_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def load(self, ticket_id: int) -> None:
        self.ticket_id = ticket_id
        self.ctx.run_db(self.ctx.tickets.list_issue_links, ticket_id, on_done=self._show, receiver=self)

    def _show(self, links: list[IssueLinkRecord]) -> None:
        if links and self.ticket_id is not None and links[0].ticket_id != self.ticket_id:
            return
        self.links = links
        self.model.clear()
        for link in links:
            if link.state == "closed":
                state = self.tr("closed ({0})").format(link.state_reason or self.tr("done"))
            elif link.state == "open":
                state = self.tr("open")
            elif link.state == "deleted":
                state = self.tr("deleted on GitHub")
            elif link.state == "unavailable":
                state = self.tr("not found, or this token may not see it")
            else:
                state = self.tr("not checked yet")
            item = QStandardItem(f"{link.ref} — {state}" + (f"\n{link.title}" if link.title else ""))
            item.setToolTip(plain_tooltip(link.url))   # U-1: the URL comes from GitHub
            self.model.appendRow(item)
        self._update_buttons()

    def _current(self) -> IssueLinkRecord | None:
        row = self.view.currentIndex().row()
        return self.links[row] if 0 <= row < len(self.links) else None

    def _update_buttons(self) -> None:
        link = self._current()
        for button in (self.open_button, self.unlink_button):
            button.setEnabled(link is not None)
        self.notice_button.setEnabled(link is not None and link.state == "closed")
        self.refresh_button.setEnabled(bool(self.links))

    def _web_hosts(self) -> tuple[str, ...]:
        from cre_desk.integrations.accounts import github_web_host

        account = github_account(self.ctx.settings)
        host = github_web_host(account.base_url) if account is not None and account.base_url else ""
        return (host,) if host and host != "github.com" else ()

    def link_from_field(self) -> None:
        from cre_desk.integrations.github import parse_issue_ref

        if self.ticket_id is None:
            return
        text, hosts = self.ref.text(), self._web_hosts()
        try:
            parse_issue_ref(text, hosts=hosts)   # a typing slip is said at once, before any database work
        except UserError as exc:
            messages.warn(self, str(exc))
            return
        self.ref.clear()
        ticket_id = self.ticket_id
        self.ctx.run_db(link_issue, self.ctx.tickets, ticket_id, text, hosts=hosts,
                        on_done=lambda _l: (self.load(ticket_id), self.refresh()), receiver=self)

    def create_issue(self) -> None:
        """File a GitHub issue with the evidence bundle, then link it to the ticket."""
        from PySide6.QtWidgets import QInputDialog

        from cre_desk.integrations.accounts import provider_for

        account = github_account(self.ctx.settings)
        if account is None or self.ticket_id is None:
            messages.info(self, self.tr("Add a GitHub account first (File → Accounts)."))
            return
        repo, ok = QInputDialog.getText(self, self.tr("New GitHub issue"), self.tr("Repository (owner/repo):"))
        if not ok or "/" not in repo.strip():
            return
        owner, name = repo.strip().split("/", 1)
        service, ticket_id = OnDbThread(self.ctx.tickets), self.ticket_id

        def work():
            return create_issue(service, provider_for(account), ticket_id, owner, name)

        run_in_background(work, on_done=lambda _url: (self.load(ticket_id), self.refresh()),
                          on_error=lambda exc: messages.report_exception(self, exc), receiver=self)

    def refresh(self) -> None:
        if self.ticket_id is None:
            return
        ticket_id = self.ticket_id
        run_in_background(refresh_links, OnDbThread(self.ctx.tickets), self.ctx.settings, ticket_id,
                          on_done=lambda _closed: self.load(ticket_id),
                          on_error=lambda exc: self.setTitle(self.tr("GitHub issues — {0}").format(
                              messages.classify(exc))), receiver=self)

    def open_current(self) -> None:
        link = self._current()
        if link is None:
            return
        url = QUrl(link.url)
        if url.scheme() != "https" or url.host() not in ("github.com", "www.github.com", *self._web_hosts()):
            messages.warn(self, self.tr("Only GitHub addresses of your accounts are opened from here."))
            return
        if messages.confirm(self, self.tr("Open this address in your browser?\n{0}").format(url.toString())):
            QDesktopServices.openUrl(url)

    def unlink_current(self) -> None:
        link = self._current()
        if link is not None and self.ticket_id is not None:
            ticket_id = self.ticket_id
            self.ctx.run_db(self.ctx.tickets.unlink_issue, link.id, on_done=lambda _r: self.load(ticket_id),
                            receiver=self)

    def draft_notice(self) -> None:
        link = self._current()
        if link is not None and link.state == "closed":
            self.notice_requested.emit(notice_text(link))
            self.ctx.run_db(self.ctx.tickets.update_issue_link, link.id, notified=True, receiver=self)
