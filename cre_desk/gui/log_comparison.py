"""The Logs tab side by side: the second log scrolled in step by time, and what each log has that the other
lacks.

Comparing two logs reads both in full, so it runs off the GUI thread, and a result is shown only while the
same two logs are still open. A baseline's milestones name the first expected step the customer's log never
reaches. This is part of the Logs tab's view, so its texts keep that view's translation context
("LogWorkbench", where they are translated): they are written as ``QCoreApplication.translate`` calls.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLabel, QTreeView, QVBoxLayout, QWidget

from cre_desk.gui import messages
from cre_desk.gui.formatting import plain_label, plain_tooltip, ui_language
from cre_desk.gui.log_pane import LogPane
from cre_desk.gui.notice_labels import never_wider
from cre_desk.gui.tasks import Progress, run_in_background
from cre_desk.logs import analysis as analysis_module
from cre_desk.logs import baselines as baselines_module
from cre_desk.logs.document import LogDocument

#: Where a milestone row keeps the (1-based) line it was seen on.
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class ComparisonPanel(QWidget):
    """The Comparison tab, and the time offset that keeps the right log at the left log's moment."""

    shown = Signal()            # a comparison is on screen (the Logs tab brings this panel forward)
    line_requested = Signal(int)   # 0-based line of the left log a milestone points at

    def __init__(self, left: LogPane, right: LogPane, parent=None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self._syncing = False
        self.offset = 0.0      # right time minus left time, set by aligning two lines
        self.aligned = False   # the engineer aligned two lines (else both logs start together)
        self._job: Progress | None = None
        self.sync_box = QCheckBox(QCoreApplication.translate("LogWorkbench", "Scroll together by time"))
        self.sync_box.setChecked(True)
        self.model = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self._go_to_milestone)
        self.summary = never_wider(plain_label(QLabel(self.nothing_compared()), wrap=True, selectable=True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def nothing_compared(self) -> str:
        return QCoreApplication.translate(
            "LogWorkbench", "Choose a log or a known-good baseline in “Compare with” to see what is missing.")

    def clear(self) -> None:
        """Nothing compared: no result and no job."""
        self.cancel()
        self.model.clear()
        self.summary.setText(self.nothing_compared())

    def forget(self) -> None:
        """Another ticket: nothing compared, and its logs will start together until aligned."""
        self.clear()
        self.offset, self.aligned = 0.0, False

    def comparing(self) -> None:
        """A second log is being opened: the old result goes, the logs start together again."""
        self.model.clear()
        self.offset, self.aligned = 0.0, False
        self.summary.setText(QCoreApplication.translate("LogWorkbench", "Comparing…"))

    # -- scrolling in step ------------------------------------------------------------------------

    def align(self, left_line: int | None = None, right_line: int | None = None) -> None:
        """Use the given (or current) lines of both panes as the same moment in time."""
        if self.left.doc is None or self.right.doc is None:
            messages.info(self, QCoreApplication.translate("LogWorkbench",
                                                           "Open a second log in “Compare with” first."))
            return
        left_line = left_line if left_line is not None else self.left.current_line()
        right_line = right_line if right_line is not None else self.right.current_line()
        if left_line is None or right_line is None:
            messages.info(self, QCoreApplication.translate(
                "LogWorkbench", "Select the matching line in the other log first, then align."))
            return
        lt, rt = self.left.doc.timestamp_of(left_line), self.right.doc.timestamp_of(right_line)
        if lt is None or rt is None:
            messages.info(self, QCoreApplication.translate(
                "LogWorkbench", "One of the two lines has no time stamp, so the logs cannot be aligned."))
            return
        self.offset, self.aligned = rt - lt, True
        self.sync_box.setChecked(True)
        self.sync_from_left(self.left.top_line() or 0)

    def sync_from_left(self, line: int) -> None:
        if self._syncing or not self.sync_box.isChecked():
            return
        if self.right.doc is None or not self.right.doc.ready:
            return
        if self.left.doc is None or not self.left.doc.ready:
            return
        ts = self.left.doc.timestamp_of(line)
        if ts is None:
            return
        target = self.right.doc.line_at_or_after(ts + self.offset)
        if target is None:
            return
        self._syncing = True
        try:
            self.right.go_to_line(target, select=False, top=True)
        finally:
            self._syncing = False

    # -- comparing --------------------------------------------------------------------------------

    def compare(self, baseline: str | None) -> None:
        """Compare the two open logs (and the left one with ``baseline``'s milestones, when it is one)."""
        left, right = self.left.doc, self.right.doc
        if left is None or right is None or not left.ready or not right.ready:
            return
        if not self.aligned:
            lt = next((t for t in (left.timestamp_of(n) for n in range(min(len(left), 50))) if t), None)
            rt = next((t for t in (right.timestamp_of(n) for n in range(min(len(right), 50))) if t), None)
            if lt is not None and rt is not None:
                self.offset = rt - lt   # start both logs together until the engineer aligns them

        def work(progress):
            result = {}
            if baseline:
                result["baseline"] = analysis_module.compare_with_baseline(left, baseline,
                                                                           cancel=progress.should_stop)
            only_left, only_right = baselines_module.diff_normalized(
                (e.message for e in left.iter_entries(cancel=progress.should_stop)),
                (e.message for e in right.iter_entries(cancel=progress.should_stop)))
            result["only_left"], result["only_right"] = only_left, only_right
            return result

        self.cancel()
        self._job = run_in_background(
            work,
            on_done=lambda result: self._show_comparison(result) if self._showing(left, right) else None,
            on_error=lambda exc: self._on_compare_failed(exc) if self._showing(left, right) else None,
            on_progress=lambda *_: None, receiver=self)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def _showing(self, left: LogDocument, right: LogDocument) -> bool:
        """A late result belongs on screen only while the same two logs are still open."""
        return self.left.doc is left and self.right.doc is right

    def _on_compare_failed(self, exc: BaseException) -> None:
        self.summary.setText(QCoreApplication.translate(
            "LogWorkbench", "The two logs could not be compared: {0}").format(messages.classify(exc)))

    def _show_comparison(self, result: dict) -> None:
        self.model.clear()
        only_left, only_right = len(result["only_left"]), len(result["only_right"])
        self.summary.setText(
            QCoreApplication.translate("LogWorkbench", "%n kind(s) of line only in this log", "", only_left)
            + " · " + QCoreApplication.translate("LogWorkbench", "%n only in the other log", "", only_right))
        if "baseline" in result:
            self.show_milestones(result["baseline"])
        root = self.model.invisibleRootItem()
        this_log = QCoreApplication.translate("LogWorkbench", "Only in this log (%n)", "", only_left)
        other_log = QCoreApplication.translate("LogWorkbench", "Only in the other log (%n)", "", only_right)
        for title, items in ((this_log, result["only_left"]), (other_log, result["only_right"])):
            head = QStandardItem(title)
            for text in items[:200]:
                child = QStandardItem(text[:300])
                child.setToolTip(plain_tooltip(text[:2000]))   # U-1: customer log text
                head.appendRow(child)
            root.appendRow(head)
        self.view.expandAll() if self.model.rowCount() < 4 else None
        self.shown.emit()

    def show_milestones(self, data: dict) -> None:
        """A baseline's milestones, seen or missing, above the rest, and the first missing one named."""
        existing = self.model.findItems(QCoreApplication.translate("LogWorkbench", "Milestones"))
        for item in existing:
            self.model.removeRow(item.row())
        head = QStandardItem(QCoreApplication.translate("LogWorkbench", "Milestones"))
        language = ui_language()
        for milestone in data["milestones"]:
            seen = milestone["line"] is not None
            title = milestone["title"][language]
            text = (f"✓ {title} — " + QCoreApplication.translate("LogWorkbench", "line {0}").format(
                milestone["line"])) if seen else (
                f"✗ {title} — " + QCoreApplication.translate("LogWorkbench", "missing (area {0})").format(
                    milestone["area"]))
            child = QStandardItem(text)
            child.setData(milestone["line"], LINE_ROLE)
            head.appendRow(child)
        self.model.insertRow(0, head)
        self.view.expand(head.index())
        first = data["first_missing"]
        if first:
            self.summary.setText(QCoreApplication.translate(
                "LogWorkbench",
                "The first expected step missing from this log is “{0}”: "
                "start with checklist area {1}.").format(
                first["title"][language], first["area"]))
        else:
            self.summary.setText(QCoreApplication.translate(
                "LogWorkbench", "Every expected step of the known-good log appears in this log."))

    def _go_to_milestone(self, index) -> None:
        line = index.data(LINE_ROLE)
        if isinstance(line, int):
            self.line_requested.emit(line - 1)
