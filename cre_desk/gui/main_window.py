"""The main window: ticket queue on the left, the open ticket on the right, actions with shortcuts.

The window paints first with a light "opening" page; the views (and the database libraries they
need) are built once the workspace is open, so start-up feels instant.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QToolBar,
)

from cre_desk.gui.formatting import hide_password
from cre_desk.gui.sync_runner import SyncRunner
from cre_desk.gui.tool_windows import ToolWindows
from cre_desk.gui.workspace_upkeep import WorkspaceUpkeep

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals:
        first_painted(): the window has been drawn once; heavy start-up work may begin.
    """

    first_painted = Signal()

    def __init__(self, window_settings: QSettings | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("CRE Desk"))
        self.window_settings = window_settings
        self.ctx = None
        self.queue = None
        self.pane = None
        self._painted = False
        self.sync_runner = SyncRunner(self)
        self.upkeep = WorkspaceUpkeep(self)
        self.tool_windows = ToolWindows(self)

        self.loading = QLabel(self.tr("Opening your workspace…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        self.setCentralWidget(self.stack)
        self.setStatusBar(QStatusBar())
        self.resize(1280, 800)
        self._make_actions()
        if window_settings is not None:
            geometry = window_settings.value("main/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)

    # ----- actions -------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        action.setEnabled(False)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.act_new = self._action(self.tr("&New ticket"), "Ctrl+N", self.new_ticket,
                                    self.tr("Open a new ticket (Ctrl+N)"))
        self.act_save = self._action(self.tr("&Save"), "Ctrl+S", self.save, self.tr("Save now (Ctrl+S)"))
        self.act_find = self._action(self.tr("&Find tickets"), "Ctrl+F", self.find,
                                     self.tr("Search the queue (Ctrl+F)"))
        self.act_status = self._action(self.tr("Change &status"), "Ctrl+Shift+S", self.change_status)
        self.act_refresh = self._action(self.tr("&Refresh"), "F5", self.refresh)
        self.act_attach = self._action(
            self.tr("&Attach files…"), "Ctrl+Shift+A", self.attach_files,
            self.tr("Attach log files or archives to the open ticket (Ctrl+Shift+A)"))
        self.act_request_log = self._action(
            self.tr("Request a &log…"), None, self.request_log,
            self.tr("Ask the customer for a verbose log from app start, written for their SDK and platform"))
        self.act_demo = self._action(self.tr("Load &demo workspace"), None, self.load_demo)
        self.act_settings = self._action(self.tr("Se&ttings…"), "Ctrl+,", self.open_settings)
        self.act_delete = self._action(self.tr("&Delete ticket"), None, self.delete_ticket)
        self.act_retag = self._action(
            self.tr("Re-&tag selected tickets…"), "Ctrl+Shift+T", self._retag_selected,
            self.tr("Set the product team and/or kind of the tickets selected in the queue"))
        self.act_accounts = self._action(self.tr("&Accounts…"), None, self.open_accounts,
                                         self.tr("Helpdesk and GitHub accounts (tokens stay in the system keyring)"))
        self.act_sync = self._action(self.tr("S&ync helpdesks"), "F6", self.sync_helpdesks,
                                     self.tr("Import new and changed tickets from the helpdesk accounts"))
        self.act_tabs = []
        tab_names = (self.tr("Show &Overview"), self.tr("Show &Checklist"), self.tr("Show &Timeline"),
                     self.tr("Show &Logs"), self.tr("Show &Reply"))
        for n, name in enumerate(tab_names, start=1):
            self.act_tabs.append(self._action(name, f"Ctrl+{n}", lambda _c=False, i=n - 1: self.show_tab(i)))
        self.act_shortcuts = self._action(self.tr("&Keyboard shortcuts"), None, self.show_shortcuts,
                                          self.tr("Every keyboard shortcut (F1)"))
        self.act_shortcuts.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+?")])
        self.act_shortcuts.setEnabled(True)
        self.act_about = self._action(self.tr("&About CRE Desk"), None, self.show_about)
        self.act_about.setEnabled(True)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for a in (self.act_new, self.act_save, None, self.act_sync, self.act_accounts, None, self.act_demo,
                  self.act_settings, None):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        file_menu.addAction(quit_action)
        ticket_menu = menu.addMenu(self.tr("&Ticket"))
        for a in (self.act_find, self.act_status, self.act_attach, self.act_request_log, self.act_retag,
                  self.act_refresh, None, self.act_delete):
            ticket_menu.addSeparator() if a is None else ticket_menu.addAction(a)
        view_menu = menu.addMenu(self.tr("&View"))
        self.act_queue = self._action(self.tr("Ticket &queue"), "Ctrl+B", self.toggle_queue,
                                      self.tr("Show or hide the ticket queue (more room for logs)"))
        self.act_queue.setCheckable(True)
        self.act_queue.setChecked(True)
        view_menu.addAction(self.act_queue)
        self.act_dashboard = self._action(self.tr("Resolution &dashboard"), "Ctrl+Shift+D", self.show_dashboard,
                                          self.tr("Medians against targets, trends, pauses and tickets at risk"))
        view_menu.addAction(self.act_dashboard)
        self.act_feedback = self._action(self.tr("&Product-feedback dashboard"), "Ctrl+Shift+P",
                                         self.show_feedback_dashboard,
                                         self.tr("Tickets by product team and kind, trends, anomalies "
                                                 "and the most requested items"))
        view_menu.addAction(self.act_feedback)
        self.act_articles = self._action(
            self.tr("&Articles"), "Ctrl+Shift+K", self.show_articles,
            self.tr("FAQ and best-practice articles, FAQ candidates and FAQ health"))
        view_menu.addAction(self.act_articles)
        view_menu.addSeparator()
        for a in self.act_tabs:
            view_menu.addAction(a)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for a in (self.act_new, self.act_save, self.act_find, self.act_refresh):
            toolbar.addAction(a)
        self.addToolBar(toolbar)

    # ----- building the views once the workspace is open -----------------------------------------

    def attach_workspace(self, ctx) -> None:
        """Build the real views on an open workspace (imports of the heavier modules happen here)."""
        from cre_desk.gui.queue_view import QueueView
        from cre_desk.gui.ticket_pane import TicketPane

        self.ctx = ctx
        self.queue = QueueView(ctx)
        self.pane = TicketPane(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 1040])
        self.stack.addWidget(self.splitter)
        self.stack.setCurrentWidget(self.splitter)
        self.queue.ticket_activated.connect(self.pane.show_ticket)
        self._connect_retagging(self.queue)
        ctx.ticket_saved.connect(self._on_ctx_ticket_saved)
        for action in self.actions():
            action.setEnabled(True)
        # Load the look-alike index now, off the database thread, rather than when the first ticket opens.
        from cre_desk.gui.tasks import run_in_background

        run_in_background(ctx.knowledge.ensure_index, receiver=self,
                          on_error=lambda exc: log.warning("Similarity index not loaded: %s", exc))
        if self.window_settings is not None:
            state = self.window_settings.value("main/splitter")
            if state is not None:
                self.splitter.restoreState(state)
        where = ctx.workspace.db.url if not ctx.workspace.db.is_sqlite else str(ctx.paths.database)
        mode = self.tr("team server") if not ctx.workspace.db.is_sqlite else self.tr("local file")
        self.statusBar().showMessage(self.tr("Workspace: {0} ({1})").format(hide_password(where), mode), 8000)
        self.queue.reload()
        self.sync_runner.attach(ctx)
        self.upkeep.attach(ctx)

    # ----- slots ---------------------------------------------------------------------------------

    def new_ticket(self) -> None:
        from cre_desk.actions.tickets import create_ticket
        from cre_desk.gui.new_ticket_dialog import NewTicketDialog

        fields = NewTicketDialog.ask(self, assignee=self.ctx.user)
        if fields is None:
            return
        service, actor = self.ctx.tickets, self.ctx.user

        def done(ticket) -> None:
            self.queue.select_after_reload(ticket.id)
            self.pane.show_ticket(ticket.id)
            self.upkeep.changed_since_backup = True

        self.ctx.run_db(create_ticket, service, fields, actor=actor, on_done=done, receiver=self)

    def save(self) -> None:
        if self.pane is not None:
            self.pane.flush()

    def find(self) -> None:
        if self.pane is not None and self.pane.search_logs():
            return
        if self.queue is not None:
            self.queue.focus_search()

    def change_status(self) -> None:
        if self.pane is not None and self.pane.ticket is not None:
            self.pane.focus_status()

    def attach_files(self) -> None:
        if self.pane is not None and self.pane.ticket is not None:
            self.pane.attacher.choose()

    def request_log(self) -> None:
        if self.pane is not None and self.pane.ticket is not None:
            from cre_desk.gui.log_request_dialog import LogRequestDialog

            self.log_request = LogRequestDialog(self.ctx, self.pane.ticket, self)
            self.log_request.requested.connect(lambda _t: self.refresh())
            self.log_request.open()

    def refresh(self) -> None:
        if self.queue is not None:
            self.queue.reload()
        if self.pane is not None:
            self.pane._refresh_quietly()  # noqa: SLF001 - same window family

    def show_dashboard(self) -> None:
        if self.queue is not None:
            self.tool_windows.show_dashboard(self.pane.ctx)

    def _connect_retagging(self, queue) -> None:
        queue.retagging.connect(self._before_retagging)
        queue.retagged.connect(self._on_retagged)

    def _before_retagging(self, _ticket_ids: list) -> None:
        pane = self.pane
        if pane is not None:
            pane.flush()  # the open ticket's typing is saved before its category may change

    def _retag_selected(self) -> None:
        queue = self.queue
        if queue is not None:
            queue.retag_selected()

    def _on_retagged(self, ticket_ids: list) -> None:
        """After a bulk re-tag: the open ticket and an open product-feedback dashboard show the new tags."""
        pane = self.pane
        if pane is not None and pane.ticket is not None and pane.ticket.id in ticket_ids:
            pane._refresh_quietly()  # noqa: SLF001 - same window family
        self.tool_windows.refresh_feedback_dashboard()

    def show_feedback_dashboard(self) -> None:
        if self.queue is not None:
            self.tool_windows.show_feedback_dashboard(self.pane.ctx)

    def show_articles(self) -> None:
        if self.queue is not None:
            self.tool_windows.show_articles(self.pane.ctx)

    def open_ticket(self, ticket_id: int) -> None:
        """Show a ticket chosen in another window (a dashboard)."""
        self.toggle_queue(True)
        if not self.queue.select_ticket(ticket_id):
            self.pane.show_ticket(ticket_id)
        self.raise_()
        self.activateWindow()

    def toggle_queue(self, visible: bool | None = None) -> None:
        if self.queue is None:
            return
        visible = self.act_queue.isChecked() if visible is None or not isinstance(visible, bool) else visible
        self.act_queue.setChecked(visible)
        self.queue.setVisible(visible)

    def show_tab(self, index: int) -> None:
        if self.pane is not None and self.pane.ticket is not None:
            self.pane.tabs.setCurrentIndex(index)

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMenu

        from cre_desk.gui.help_dialogs import ShortcutsDialog

        in_menus = []
        for entry in self.menuBar().actions():
            menu = entry.menu()
            if isinstance(menu, QMenu):
                in_menus.extend(menu.actions())
        ShortcutsDialog([*in_menus, *self.actions()], self).exec()

    def show_about(self) -> None:
        from cre_desk.gui import help_dialogs

        database = ""
        if self.ctx is not None:
            db = self.ctx.workspace.db
            database = str(self.ctx.paths.database) if db.is_sqlite else hide_password(db.url)
        help_dialogs.about(self, self.ctx.paths if self.ctx is not None else None, database)

    def delete_ticket(self) -> None:
        from cre_desk.actions.tickets import delete_ticket
        from cre_desk.gui import messages

        if self.pane is None or self.pane.ticket is None:
            return
        ticket = self.pane.ticket
        if not messages.confirm(self, self.tr("Delete ticket #{0} “{1}” and its checklist, history and "
                                              "attachments? This cannot be undone.").format(
                                                  ticket.id, ticket.fields.title)):
            return
        ticket_id = ticket.id
        self.pane.clear()

        def done(_result) -> None:
            self.ctx.ticket_deleted.emit(ticket_id)

        self.ctx.run_db(delete_ticket, self.ctx.tickets, ticket_id, on_done=done, receiver=self)

    def load_demo(self) -> None:
        from cre_desk.core import demo

        service = self.ctx.tickets

        def done(count: int) -> None:
            self.statusBar().showMessage(self.tr("Loaded %n demo ticket(s).", "", count), 8000)
            self.ctx.queue_changed.emit()

        from cre_desk.db.feedback import FeedbackStore

        feedback = FeedbackStore(service.db)

        def load() -> int:
            from cre_desk.db.kb_cards import load_demo_knowledge
            from cre_desk.db.kb_service import KnowledgeService

            count = demo.load_demo(service, feedback=feedback)
            load_demo_knowledge(KnowledgeService(service.db))
            return count

        self.ctx.run_db(load, on_done=done, receiver=self)

    def open_accounts(self) -> None:
        from cre_desk.gui.accounts_dialog import AccountsDialog

        AccountsDialog(self.ctx.settings, self, save_settings=self.ctx.save_settings).exec()

    def sync_helpdesks(self, background: bool = False) -> None:
        self.sync_runner.sync(background)

    def open_settings(self) -> None:
        from cre_desk.gui.settings_dialog import SettingsDialog

        settings = self.ctx.settings
        before = (settings.language, settings.db_url, settings.theme)
        if SettingsDialog.ask(self, settings):
            from cre_desk.integrations import transport

            self.ctx.save_settings()
            transport.configure(ca_bundle=settings.ca_bundle)
            self.sync_runner.start_timer()
            if settings.theme != before[2]:
                from PySide6.QtWidgets import QApplication

                from cre_desk.gui import theme

                app = QApplication.instance()
                if isinstance(app, QApplication):
                    theme.apply(app, settings.theme)   # at once: no restart for colours
                from cre_desk.gui.log_delegate import LogLineDelegate

                for delegate in self.findChildren(LogLineDelegate):    # log highlighting has its own colours
                    delegate.refresh_colours()
                    delegate.clear_cache()
            if (settings.language, settings.db_url) != before[:2]:
                text = self.tr("Settings saved. Language and database changes apply after a restart.")
            else:
                text = self.tr("Settings saved.")
            self.statusBar().showMessage(text, 8000)

    def _on_ctx_ticket_saved(self, _ticket_id: int) -> None:
        self.upkeep.changed_since_backup = True

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def bring_to_front(self) -> None:
        """Another start of CRE Desk asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.sync_runner.stop()
        if self.pane is not None:
            self.pane.attacher.cancel()   # closing stops a copy in progress rather than waiting for it
            self.pane.flush()
        from cre_desk.gui.tasks import wait_for_all

        wait_for_all(15_000)
        QApplication.processEvents()   # deliver the outcome of those last saves
        from cre_desk.gui import messages

        unsaved: list[int] = self.pane.unsaved_tickets() if self.pane is not None else []
        if unsaved and not messages.confirm(self, self.tr(
                "Edits on ticket(s) {0} could not be saved (see the earlier message: is the disk full?). "
                "If you close now they are lost.\n\nClose anyway?").format(
                ", ".join(f"#{n}" for n in unsaved))):
            event.ignore()   # D-3: the text stays in the window until it can be saved
            return
        if self.pane is not None:
            self.pane.logs.close_logs()
        if self.window_settings is not None:
            self.window_settings.setValue("main/geometry", self.saveGeometry())
            if self.pane is not None:
                self.window_settings.setValue("main/splitter", self.splitter.saveState())
            self.window_settings.sync()
        event.accept()

