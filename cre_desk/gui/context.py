"""The app-wide context views share: the open workspace, settings, and change notifications.

Signals:
    ticket_saved(int): a ticket was created or changed; views showing it should refresh.
    ticket_deleted(int): a ticket was removed.
    queue_changed(): several tickets changed at once (demo load, import).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from cre_desk.config import AppPaths, Settings
from cre_desk.db.workspace import Workspace
from cre_desk.gui.tasks import Progress, run_in_background


class AppContext(QObject):
    ticket_saved = Signal(int)
    ticket_deleted = Signal(int)
    queue_changed = Signal()

    def __init__(self, workspace: Workspace, settings: Settings, paths: AppPaths, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.paths = paths

    @property
    def tickets(self):
        return self.workspace.tickets

    @property
    def knowledge(self):
        """The knowledge-base service of the open workspace (one per workspace: it keeps its index)."""
        from cre_desk.db.kb_service import KnowledgeService

        current = getattr(self, "_knowledge", None)
        if current is None or current.db is not self.workspace.db:
            current = self._knowledge = KnowledgeService(self.workspace.db)
        return current

    @property
    def user(self) -> str:
        return self.settings.user_name

    def run_db(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, receiver: QObject | None = None,
               **kwargs: Any) -> Progress:
        """Run a database call on the ordered database thread; results come back on the GUI thread."""
        return run_in_background(fn, *args, on_done=on_done, on_error=on_error, receiver=receiver,
                                 database=True, **kwargs)

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)
