"""The windows opened from the View menu beside the main window: dashboards and articles.

Each is built the first time it is asked for (its module and queries cost start-up time otherwise),
then raised and refreshed on every later request. A ticket chosen in a dashboard opens in the main window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from cre_desk.gui.articles_window import ArticlesWindow
    from cre_desk.gui.dashboard import DashboardView
    from cre_desk.gui.feedback_dashboard import FeedbackDashboardView
    from cre_desk.gui.main_window import MainWindow


class ToolWindows:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dashboard: DashboardView | None = None
        self.feedback_dashboard: FeedbackDashboardView | None = None
        self.articles: ArticlesWindow | None = None

    def show_dashboard(self, ctx) -> None:
        """Open (or raise) the lead dashboard in its own window."""
        from cre_desk.gui.dashboard import DashboardView

        if self.dashboard is None:
            self.dashboard = DashboardView(ctx)
            self.dashboard.setWindowFlag(Qt.WindowType.Window, True)
            self.dashboard.setParent(self.window, Qt.WindowType.Window)
            self.dashboard.resize(1200, 820)
            self.dashboard.open_ticket.connect(self.window.open_ticket)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        self.dashboard.refresh()

    def show_feedback_dashboard(self, ctx) -> None:
        """Open (or raise) the product-feedback dashboard in its own window."""
        from cre_desk.gui.feedback_dashboard import FeedbackDashboardView

        if self.feedback_dashboard is None:
            self.feedback_dashboard = FeedbackDashboardView(ctx)
            self.feedback_dashboard.setParent(self.window, Qt.WindowType.Window)
            self.feedback_dashboard.resize(1240, 840)
            self.feedback_dashboard.open_ticket.connect(self.window.open_ticket)
        self.feedback_dashboard.show()
        self.feedback_dashboard.raise_()
        self.feedback_dashboard.activateWindow()
        self.feedback_dashboard.refresh()

    def show_articles(self, ctx) -> None:
        """Open (or raise) the Articles window."""
        from cre_desk.gui.articles_window import ArticlesWindow

        if self.articles is None:
            self.articles = ArticlesWindow(ctx, self.window)
        self.articles.show()
        self.articles.raise_()
        self.articles.activateWindow()
        self.articles.reload()

    def refresh_feedback_dashboard(self) -> None:
        """After a bulk re-tag, an open product-feedback dashboard shows the new tags."""
        board = self.feedback_dashboard
        if board is not None and board.isVisible():
            board.refresh()
