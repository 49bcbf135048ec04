"""Attaching files to a ticket: copies made off the GUI thread, queued, cancellable, and removed again.

Files dropped or chosen while others are still being copied wait their turn, each for the ticket that was
open when it was chosen; what became of every file is told in the attach bar. This bookkeeping is the same
whichever tab the files came from, so the ticket pane hands it here and only lends its bar, its log
workbench (marks on a removed file go too) and its refresh. The words keep the pane's translation context
("TicketPane").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from cre_desk.actions import attach
from cre_desk.core.tickets import TicketDetail
from cre_desk.gui import messages
from cre_desk.gui.attach_bar import AttachBar, AttachDialog
from cre_desk.gui.tasks import Progress, run_in_background


class TicketAttacher(QObject):
    """Attach, cancel and remove files of the ticket the pane shows."""

    def __init__(self, pane: QWidget, ctx, bar: AttachBar, logs, ticket: Callable[[], TicketDetail | None], *,
                 refresh: Callable[[], None]) -> None:
        super().__init__(pane)
        self._pane = pane
        self.ctx = ctx
        self.bar = bar
        self._logs = logs
        self._ticket = ticket
        self._refresh = refresh
        self._job: Progress | None = None   # files being copied in
        self._waiting: list[tuple[int, list[Path]]] = []   # (ticket id, files) chosen meanwhile
        self._lines: list[str] = []   # outcomes of files attached before the ones still waiting
        self._dir = str(Path.home())
        bar.cancel_requested.connect(self.cancel)

    def choose(self) -> None:
        """Attach… : pick files in a dialog and attach them to the open ticket."""
        if self._ticket() is None:
            return
        paths = AttachDialog.ask(self._pane, self._dir)
        if paths:
            self._dir = str(paths[0].parent)
            self.attach(paths)

    def attach(self, paths: list, ticket_id: int | None = None) -> None:
        """Copy files into a ticket off the GUI thread, with progress and Cancel; say what became of each.

        Files chosen while others are still being copied are attached right after them (to the ticket
        that was open when they were chosen).
        """
        shown = self._ticket()
        if ticket_id is None and shown is not None:
            ticket_id = shown.id
        if ticket_id is None or not paths:
            return
        paths = [Path(p) for p in paths]
        if self._job is not None:
            self._waiting.append((ticket_id, paths))
            return
        redact, temp_dir = self.ctx.settings.redact_logs, self.ctx.paths.temp_dir / "attach"

        def prepare(progress):
            def report(done: int, total: int, name: str) -> None:
                progress.update(int(1000 * done / max(total, 1)), 1000, name)

            return attach.prepare(paths, temp_dir, redact=redact, cancel=progress.should_stop,
                                  progress=report)

        self.bar.start(len(paths))
        job = run_in_background(prepare,
                                on_done=lambda items: self._on_prepared(job, ticket_id, items),
                                on_error=lambda exc: self._on_failed(job, exc),
                                on_progress=self.bar.show_progress, receiver=self)
        self._job = job

    def cancel(self) -> None:
        """Stop at once: the copies made so far are removed in the background and nothing is attached."""
        job, self._job = self._job, None
        if job is None:
            return
        job.cancel()
        self._waiting = []
        earlier, self._lines = self._lines, []
        if earlier:
            self.bar.finish(earlier + [QCoreApplication.translate(
                "TicketPane", "Attaching stopped: the files still being copied were not attached.")])
        else:
            self.bar.finish([QCoreApplication.translate(
                "TicketPane", "Attaching stopped: none of the files was attached.")])

    def _on_prepared(self, job, ticket_id: int, items: list) -> None:
        if job.cancelled or job is not self._job:
            run_in_background(attach.discard, items, on_done=lambda _r: None, receiver=self)
            return
        self.bar.storing()

        def failed(exc: BaseException) -> None:
            attach.discard(items)
            self._on_failed(job, exc)

        self.ctx.run_db(attach.store, self.ctx.tickets, ticket_id, items,
                        on_done=lambda outcomes: self._on_stored(ticket_id, outcomes), on_error=failed,
                        receiver=self)

    def _on_failed(self, job, exc: BaseException) -> None:
        if job is not self._job:
            return
        self._job = None
        self._waiting = []
        earlier, self._lines = self._lines, []
        self.bar.finish(earlier + [QCoreApplication.translate(
            "TicketPane", "The files could not be attached: {0}").format(messages.classify(exc))])
        messages.report_exception(self._pane, exc)

    def _on_stored(self, ticket_id: int, outcomes: list) -> None:
        self._job = None
        ticket = self._ticket()
        shown = ticket is not None and ticket.id == ticket_id
        heading = [] if shown else [
            QCoreApplication.translate("TicketPane", "Ticket #{0}:").format(ticket_id)]
        lines = self._lines + heading + [self.bar.outcome_text(o) for o in outcomes]
        if any(o.attached for o in outcomes):
            if shown:
                self._refresh()
            else:
                self.ctx.ticket_saved.emit(ticket_id)
        if self._waiting:
            self._lines = lines
            next_ticket, paths = self._waiting.pop(0)
            self.attach(paths, ticket_id=next_ticket)
            return
        self._lines = []
        self.bar.finish(lines)

    def remove(self, attachment_id: int) -> None:
        """Remove one attached file after asking; the workspace's copy is deleted (the original is not)."""
        ticket = self._ticket()
        if ticket is None:
            return
        record = next((a for a in ticket.attachments if a.id == attachment_id), None)
        if record is None:
            return
        marks = sum(1 for m in self._logs.marks if m.attachment_id == attachment_id)
        text = "\n\n".join(part for part in (
            QCoreApplication.translate("TicketPane", "Remove “{0}” from ticket #{1}?").format(
                record.file_name, ticket.id),
            QCoreApplication.translate("TicketPane", "The copy kept in the workspace is deleted. The file "
                                                     "you attached it from is not touched."),
            QCoreApplication.translate("TicketPane", "%n mark(s) on its lines will be removed too.", "",
                                       marks) if marks else "",
            QCoreApplication.translate("TicketPane", "This cannot be undone; to have it back, attach the "
                                                     "file again.")) if part)
        title = QCoreApplication.translate("TicketPane", "Remove attachment")
        if not messages.confirm(self._pane, text, title=title):
            return
        self._logs.release_attachment(attachment_id)

        def done(removed) -> None:
            self.bar.finish([QCoreApplication.translate(
                "TicketPane", "{0}: removed from the ticket, and its copy deleted from the workspace").format(
                    removed.file_name)])
            self._refresh()

        def failed(exc: BaseException) -> None:
            messages.report_exception(self._pane, exc)
            self._refresh()

        self.ctx.run_db(self.ctx.tickets.remove_attachment, attachment_id, on_done=done, on_error=failed,
                        receiver=self)
