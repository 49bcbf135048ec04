"""Importing from the helpdesk accounts while the engineer works: on demand, on a timer, and stoppable.

A sync runs for minutes over the network, so it lives off the GUI thread, says how far it got in the
status bar, and resumes where a stopped one left off. The main window only offers the action and the
status-bar line; this object runs the imports and decides what the line says.

Its texts keep the "MainWindow" translation context they were written under.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from cre_desk.gui.main_window import MainWindow

#: The first background sync runs this long after the workspace opens (the window is usable first).
STARTUP_SYNC_DELAY_MS = 10_000
#: The status bar's last-sync line is cut to this many pixels (the whole text is in its tooltip).
SYNC_STATUS_MAX_WIDTH = 1100


class SyncRunner:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.job = None
        self.skip: dict = {}   # account id -> end of a long rate limit (that account waits alone)
        self.last_outcomes: list = []
        self.timer = QTimer(window)
        self.timer.timeout.connect(lambda: self.sync(background=True))
        #: The status bar's last-sync line, made once the workspace is open.
        self.status: QLabel

    def attach(self, ctx) -> None:
        """Show the last-sync line and start syncing in the background (soon, then on the timer)."""
        window = self.window
        self.status = QLabel(QCoreApplication.translate("MainWindow", "Not synced yet"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # Never let a long explanation widen the window: the full text is in the tooltip.
        self.status.setMinimumWidth(200)
        self.status.setMaximumWidth(SYNC_STATUS_MAX_WIDTH)
        window.statusBar().addPermanentWidget(self.status)
        self.start_timer()
        from cre_desk.actions.sync import accounts_to_sync

        if self.timer.isActive() and accounts_to_sync(ctx.settings):
            QTimer.singleShot(STARTUP_SYNC_DELAY_MS, window, lambda: self.sync(background=True))

    def sync(self, background: bool = False) -> None:
        """Import from every helpdesk account off the GUI thread; pressing again cancels.

        ``background``: started by the sync timer, so nothing pops up when there is nothing to sync.
        """
        window = self.window
        if self.job is not None:
            if background:
                return
            self.job.cancel()
            window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Stopping the import…"))
            return
        from cre_desk.actions.sync import accounts_to_sync, sync_helpdesks
        from cre_desk.db.imports import ImportStore
        from cre_desk.gui import messages
        from cre_desk.gui.tasks import run_in_background

        ctx = window.ctx
        if ctx is None:
            return
        accounts = accounts_to_sync(ctx.settings)
        if not accounts:
            if not background:
                messages.info(window, QCoreApplication.translate(
                    "MainWindow", "Add a helpdesk account first (File → Accounts)."))
            return
        from cre_desk.gui.tasks import OnDbThread

        # The network work runs on the general pool; its writes take their turn on the database thread.
        store = OnDbThread(ImportStore(ctx.tickets), service=OnDbThread(ctx.tickets))
        temp_dir, settings = ctx.paths.temp_dir, ctx.settings
        skip, interval = self.skip, max(0, int(ctx.settings.sync_interval_minutes))

        def work(progress):
            from cre_desk.errors import Cancelled

            try:
                return sync_helpdesks(store, settings, accounts, temp_dir=temp_dir,
                                      cancel=progress.should_stop, skip_until=skip, interval_minutes=interval,
                                      progress=lambda text: progress.update(0, 0, text))
            except Cancelled:
                return None     # stopped: every finished page is kept and the next sync resumes after it

        def finished(outcomes) -> None:
            self._done()
            if outcomes is None:
                self.status.setText(QCoreApplication.translate("MainWindow", "Sync stopped"))
                window.statusBar().showMessage(QCoreApplication.translate(
                    "MainWindow", "Import stopped; the next one resumes where this one stopped."), 15000)
                return
            self._show_outcomes(outcomes)
            if not background:
                window.statusBar().showMessage(QCoreApplication.translate(
                    "MainWindow", "Import finished: {0}").format(
                    "; ".join(o.line() for o in outcomes)[:300]), 15000)

        def failed(exc: BaseException) -> None:
            self._done()
            messages.report_exception(window, exc)

        window.act_sync.setText(QCoreApplication.translate("MainWindow", "Stop the import"))
        self.status.setText(QCoreApplication.translate("MainWindow", "Syncing {0} account(s)…").format(
            len(accounts)))
        if not background:
            window.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Importing from {0} account(s)…").format(len(accounts)))
        self.job = run_in_background(
            work, on_done=finished, on_error=failed,
            on_progress=lambda _d, _t, text: self.status.setText(text), receiver=window)

    def _done(self) -> None:
        self.job = None
        self.window.act_sync.setText(QCoreApplication.translate("MainWindow", "S&ync helpdesks"))
        if self.window.queue is not None:
            self.window.queue.reload()

    def _show_outcomes(self, outcomes) -> None:
        """The last sync's time in the status bar; failures in words that say what to do (tooltip: all)."""
        from datetime import datetime

        when = datetime.now().strftime("%H:%M")
        failed = [o for o in outcomes if not o.ok]
        lines = [o.line() for o in outcomes]
        lines += [f"{o.account_id}: {p}" for o in outcomes for p in o.problems[:5]]
        if failed:
            text = QCoreApplication.translate(
                "MainWindow", "Last sync {0} — {1} of {2} account(s) need attention. {3}").format(
                when, len(failed), len(outcomes), failed[0].line())
        else:
            text = QCoreApplication.translate(
                "MainWindow", "Last sync {0} — all {1} account(s) up to date").format(when, len(outcomes))
        self.status.setText(self.status.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                                 SYNC_STATUS_MAX_WIDTH))
        self.status.setToolTip("\n".join([text, *lines]) if failed else "\n".join(lines))
        self.last_outcomes = list(outcomes)

    def start_timer(self) -> None:
        """Background sync every ``sync_interval_minutes`` while the app runs (0 turns it off)."""
        ctx = self.window.ctx
        minutes = max(0, int(ctx.settings.sync_interval_minutes)) if ctx is not None else 0
        self.timer.stop()
        if minutes:
            self.timer.start(minutes * 60_000)

    def stop(self) -> None:
        """On closing: no new sync, and a running one stops within a moment (finished pages are kept)."""
        self.timer.stop()
        if self.job is not None:
            self.job.cancel()
