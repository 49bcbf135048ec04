"""Care the open workspace needs while the window stays open for a working day.

Backups after changes (D-6), a database change log kept bounded (D-11), and linked GitHub issues asked
about now and then: each runs on its own timer and speaks only in the status bar. The main window owns
the timers' lifetime; this object owns what they do.

Its texts keep the "MainWindow" translation context they were written under.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

if TYPE_CHECKING:
    from cre_desk.gui.main_window import MainWindow

ISSUE_REFRESH_MS = 15 * 60 * 1000
BACKUP_INTERVAL_MS = 30 * 60 * 1000
WAL_CHECK_MS = 60 * 1000


class WorkspaceUpkeep:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.changed_since_backup = False

    def attach(self, ctx) -> None:
        """Start the timers on an open workspace (backups and the change log only for a local file)."""
        window = self.window
        self._issue_timer = QTimer(window, interval=ISSUE_REFRESH_MS)
        self._issue_timer.timeout.connect(self.refresh_issue_links)
        self._issue_timer.start()
        if ctx.workspace.db.is_sqlite:
            self._backup_timer = QTimer(window, interval=BACKUP_INTERVAL_MS)
            self._backup_timer.timeout.connect(self.backup_if_changed)
            self._backup_timer.start()
            self._wal_timer = QTimer(window, interval=WAL_CHECK_MS)
            self._wal_timer.timeout.connect(self.check_wal)
            self._wal_timer.start()

    def refresh_issue_links(self) -> None:
        """Ask GitHub about every linked issue (conditional requests); say when one has closed."""
        from cre_desk.actions.issue_links import github_account, refresh_links
        from cre_desk.gui.tasks import OnDbThread, run_in_background

        window = self.window
        pane = window.pane
        if pane is None:
            return
        ctx = pane.ctx
        if github_account(ctx.settings) is None:
            return

        def done(closed) -> None:
            if closed:
                refs = ", ".join(link.ref for link in closed[:5])
                window.statusBar().showMessage(QCoreApplication.translate(
                    "MainWindow", "Linked GitHub issues closed: {0}. Open the ticket to draft "
                    "the customer notice.").format(refs), 60000)
                if pane.ticket is not None:
                    pane.issue_links.load(pane.ticket.id)

        run_in_background(refresh_links, OnDbThread(ctx.tickets), ctx.settings, on_done=done,
                          on_error=lambda exc: None, receiver=window)

    def backup_if_changed(self) -> None:
        """Any change since the newest backup (a field, a verdict, a draft, an import) gets one (D-6)."""
        ctx = self.window.ctx
        if ctx is None:
            return
        self.changed_since_backup = False
        ctx.run_db(ctx.workspace.backup_if_changed, receiver=self.window)

    def check_wal(self) -> None:
        """Keep the database's write-ahead log bounded; say so when a long read stops that (D-11)."""
        ctx = self.window.ctx
        if ctx is None:
            return

        def done(status) -> None:
            if status is not None and status.starved:
                self.window.statusBar().showMessage(QCoreApplication.translate(
                    "MainWindow",
                    "The database's change log is {0} MiB and cannot shrink while another program or a long "
                    "report reads the database.").format(status.size_after >> 20), 30_000)

        ctx.run_db(ctx.workspace.db.keep_wal_small, on_done=done, receiver=self.window)
