"""One log on screen: filter bar, search bar, the highlighted lines, and the file's status line.

The pane opens a file instantly and indexes it in the background (rows appear as they are found);
filters and searches also run off the GUI thread and a newer one cancels the older. The pane knows
nothing about tickets: marks and evidence are requested through signals the workbench handles.
The filter's and the search's jobs live in ``log_filter`` and ``log_search``, the rows and moving
between them in ``log_lines_view``; the pane builds the widgets and ties them together.

Signals:
    mark_requested(int, str): toggle a mark on a line (line number, line text).
    evidence_requested(int, str): quote a line as checklist evidence.
    align_requested(int): use this line as the sync anchor for side-by-side scrolling.
    top_line_changed(int): the first visible line changed (for synchronised scrolling).
    filters_saved(): the user saved a named filter (the owner persists ``saved_filters``).
    indexed(): the whole file is indexed.
"""

from __future__ import annotations

import calendar
import re
import time

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cre_desk.errors import Cancelled
from cre_desk.gui.log_filter import LogFilter
from cre_desk.gui.log_lines_view import LogLinesView
from cre_desk.gui.log_model import TEXT_COLUMN, LogLinesModel
from cre_desk.gui.log_search import LogSearch
from cre_desk.gui.notice_labels import ElidedLabel, never_wider
from cre_desk.gui.tasks import Progress, run_in_background
from cre_desk.gui.wrap_row import WrapRow
from cre_desk.logs import filter_lang
from cre_desk.logs.document import LogDocument
from cre_desk.logs.visible import visible

POLL_MS = 80
#: The filter and search boxes keep at least this width; the options beside them wrap below instead.
FIELD_MIN_WIDTH = 180
#: Rows appended at once while indexing, then at most every GROW_INTERVAL_S seconds.
GROW_AT_ONCE = 2000
GROW_INTERVAL_S = 0.5


class LogPane(QWidget):
    mark_requested = Signal(int, str)
    evidence_requested = Signal(int, str)
    align_requested = Signal(int)
    top_line_changed = Signal(int)
    indexed = Signal()
    filters_saved = Signal()

    def __init__(self, parent=None, saved_filters: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.doc: LogDocument | None = None
        self.saved_filters = saved_filters if saved_filters is not None else {}
        self._build_job: Progress | None = None
        self.model = LogLinesModel(self)
        self.filtering = LogFilter(self)
        self.searching = LogSearch(self)

        self.title = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter, e.g.  tag:Braze level:W  -message:chatty  (Ctrl+Shift+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setCompleter(QCompleter(sorted(set(filter_lang.completions(""))), self.filter_edit))
        self.filter_edit.textChanged.connect(lambda _t: self.filtering.timer.start())
        self.presets = QToolButton()
        self.presets.setText(self.tr("Presets"))
        self.presets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.presets.setMenu(QMenu(self.presets))
        self.presets.menu().aboutToShow.connect(self.filtering.fill_presets)
        self.filter_state = ElidedLabel(min_chars=6)
        self.empty_note = never_wider(QLabel(wordWrap=True))    # why a filter shows no line, in words
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_note.hide()

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search (Ctrl+F), Enter for next"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.find_next)
        self.search_edit.textChanged.connect(lambda _t: self.searching.timer.start())
        self.regex_box = QCheckBox(".*")
        self.regex_box.setToolTip(self.tr("Regular expression (RE2 syntax)"))
        self.case_box = QCheckBox("Aa")
        self.case_box.setToolTip(self.tr("Match case"))
        self.compact_box = QCheckBox(self.tr("Compact"))
        self.compact_box.setToolTip(self.tr("Show time, level, tag and message only (hide date, process and "
                                            "thread ids)"))
        self.compact_box.setChecked(True)
        self.compact_box.toggled.connect(self._on_compact)
        for box in (self.regex_box, self.case_box):
            box.toggled.connect(lambda _c: self.run_search())
        self.prev_button = QToolButton(text="▲", toolTip=self.tr("Previous hit (Shift+F3)"))
        self.next_button = QToolButton(text="▼", toolTip=self.tr("Next hit (F3)"))
        self.prev_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.hit_label = ElidedLabel(min_chars=6)

        self.table = LogLinesView(self.model)
        self.delegate = self.table.delegate
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.verticalScrollBar().valueChanged.connect(self._on_scrolled)

        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setFont(self.delegate.font)
        self.detail.setMaximumHeight(self.delegate.metrics.height() * 4 + 12)
        self.detail.setPlaceholderText(self.tr("The selected line, in full."))
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = ElidedLabel()

        # Two logs side by side leave each pane narrow: the options wrap below a usable filter/search box.
        filter_row = WrapRow(main=self.filter_edit, main_min=FIELD_MIN_WIDTH)
        filter_row.addWidget(self.presets)
        filter_row.addWidget(self.filter_state)
        search_row = WrapRow(main=self.search_edit, main_min=FIELD_MIN_WIDTH)
        for widget in (self.regex_box, self.case_box, self.prev_button, self.next_button, self.hit_label,
                       self.compact_box):
            search_row.addWidget(widget)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(filter_row)
        layout.addLayout(search_row)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(status_row)

        self._poll = QTimer(self, interval=POLL_MS)
        self._last_grow = 0.0
        self._poll.timeout.connect(self._on_poll)
        self._add_shortcuts()
        self._show_status()

    def _show_detail(self, current, _previous=None) -> None:
        if self.doc is None or not current.isValid():
            self.detail.clear()
            return
        entry = self.doc.entry(self.model.line_of_row(current.row()))
        first = self.doc.line_text(entry.line_no)
        rest = [self.doc.line_text(n) for n in range(entry.line_no + 1, min(entry.end_line, entry.line_no + 200))]
        # I-5: bidi overrides and zero-width characters are shown as escapes, not obeyed.
        self.detail.setPlainText("\n".join(visible(line) for line in (first, *rest)))

    def _on_compact(self, on: bool) -> None:
        self.model.compact = on
        self.table.viewport().update()

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected to be typed over."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _add_shortcuts(self) -> None:
        def action(text: str, keys, slot) -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in (keys if isinstance(keys, list) else [keys])])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        # Ctrl+F is the main window's Find, which comes here in the Logs tab (a second binding would be
        # ambiguous, and Qt would then do nothing): see focus_search.
        self.act_filter = action(self.tr("Filter"), "Ctrl+Shift+F", lambda: (self.filter_edit.setFocus(),
                                                                             self.filter_edit.selectAll()))
        self.act_next = action(self.tr("Next hit"), "F3", self.find_next)
        self.act_prev = action(self.tr("Previous hit"), "Shift+F3", self.find_previous)
        self.act_goto = action(self.tr("Go to line…"), "Ctrl+L", self.ask_go_to_line)
        self.act_time = action(self.tr("Jump to time…"), "Ctrl+T", self.ask_jump_to_time)
        self.act_mark = action(self.tr("Mark line"), "Ctrl+M", self._mark_current)
        self.act_copy = action(self.tr("Copy lines"), QKeySequence.StandardKey.Copy, self.copy_selection)

    # -- opening ----------------------------------------------------------------------------------

    def open_document(self, doc: LogDocument, title: str = "") -> None:
        """Show ``doc`` at once and index it in the background."""
        self.close_document()
        self.doc = doc
        self.delegate.clear_cache()
        self.title.setText(title or doc.name)
        self.delegate.format = doc.format if doc.format in ("threadtime", "studio", "brief", "ios", "firebase_ios",
                                                             "jsonl") else "auto"
        self.model.set_document(doc)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.show()
        self._build_job = run_in_background(lambda progress: doc.build(cancel=progress.should_stop),
                                            on_done=lambda _r: self._on_built(doc),
                                            on_error=lambda exc: self._on_build_failed(exc) if doc is self.doc
                                            else None, on_progress=lambda *_: None,
                                            receiver=self, progress=Progress())
        self._poll.start()
        self._show_status()

    def _on_poll(self) -> None:
        if self.doc is None:
            self._poll.stop()
            return
        index = self.doc.index
        now = time.monotonic()
        # Appending rows repaints the whole view: do it for the first screenful at once, then at a
        # calm pace while the rest of a large log is indexed (the scroll bar catches up each time).
        if self.model.rowCount() < GROW_AT_ONCE or now - self._last_grow >= GROW_INTERVAL_S:
            self._last_grow = now
            self.model.grow()
        if index.size:
            self.progress.setValue(int(1000 * index.indexed_bytes / index.size))
        self._show_status()

    def _on_built(self, doc: LogDocument) -> None:
        if doc is not self.doc:
            return
        self._poll.stop()
        self.progress.hide()
        self.delegate.clear_cache()
        self.model.indexing_finished()
        self.table.fit_number_column(len(doc))
        self._show_status()
        if self.filter_edit.text().strip():
            self.apply_filter()
        if self.search_edit.text():
            self.run_search()
        self.indexed.emit()

    def _on_build_failed(self, exc: BaseException) -> None:
        self._poll.stop()
        self.progress.hide()
        if isinstance(exc, Cancelled):
            return
        self.status.setText(self.tr("The log could not be read: {0}").format(exc))

    def close_document(self) -> None:
        """Stop the log's work and release its file map (a cancelled job still running sees a closed log)."""
        for job in (self._build_job, self.filtering.job, self.searching.job):
            if job is not None:
                job.cancel()
        self._poll.stop()
        self.model.set_document(None)
        doc, self.doc = self.doc, None
        self.filtering.findings_by_line = {}
        if doc is not None:
            doc.close()

    def reset(self) -> None:
        """Close the log and forget what was typed and shown for it (another ticket is being opened)."""
        self.close_document()
        self.filtering.job = self.searching.job = None
        self.searching.waiting = False
        for timer in (self.filtering.timer, self.searching.timer):
            timer.stop()
        for edit in (self.filter_edit, self.search_edit):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
            edit.setStyleSheet("")
            edit.setToolTip("")
        self.model.set_marks({})
        for label in (self.title, self.filter_state, self.hit_label):
            label.clear()
        self.detail.clear()
        self.progress.hide()
        self._show_status()

    # -- status -----------------------------------------------------------------------------------

    def _show_status(self) -> None:
        doc = self.doc
        if doc is None:
            self.status.setText(self.tr("No log open."))
            return
        parts = [doc.format_label, self.tr("%n line(s)", "", len(doc))]
        if doc.ready:
            stats = doc.stats()
            parts.append(self.tr("%n entries", "", stats.entries))
            if stats.unparsed and doc.format != "generic":
                parts.append(self.tr("%n unparsed", "", stats.unparsed))
            if stats.non_utf8:
                parts.append(self.tr("%n undecodable character(s) replaced", "", stats.non_utf8))
        else:
            parts.append(self.tr("indexing…"))
        self.status.setText(" · ".join(parts))

    # -- filtering --------------------------------------------------------------------------------

    def set_findings(self, by_line: dict[int, list[tuple[str, str]]]) -> None:
        self.filtering.set_findings(by_line)

    def set_filter(self, text: str) -> None:
        self.filtering.set_filter(text)

    def apply_filter(self) -> None:
        """Parse the filter text and show only matching lines (level-only filters answer at once)."""
        self.filtering.apply()

    # -- searching --------------------------------------------------------------------------------

    def run_search(self) -> None:
        self.searching.run()

    def find_next(self, from_current: bool = False) -> None:
        self.searching.find_next(from_current)

    def find_previous(self) -> None:
        self.searching.find_previous()

    # -- navigation -------------------------------------------------------------------------------

    def current_line(self) -> int | None:
        return self.table.current_line()

    def top_line(self) -> int | None:
        return self.table.top_line()

    def go_to_line(self, line: int, *, select: bool = True, top: bool = False) -> bool:
        return self.table.go_to_line(line, select=select, top=top)

    def ask_go_to_line(self) -> None:
        if self.doc is None or not len(self.doc):
            return
        current = (self.current_line() or 0) + 1
        line, ok = QInputDialog.getInt(self, self.tr("Go to line"), self.tr("Line number:"), current, 1,
                                       len(self.doc))
        if ok:
            self.go_to_line(line - 1)

    def ask_jump_to_time(self) -> None:
        if self.doc is None or not self.doc.ready:
            return
        text, ok = QInputDialog.getText(self, self.tr("Jump to time"),
                                        self.tr("Time (HH:MM:SS, or YYYY-MM-DD HH:MM:SS):"))
        if ok and text.strip():
            if not self.jump_to_time_text(text):
                self.status.setText(self.tr("No line at or after {0}.").format(text.strip()))

    def jump_to_time_text(self, text: str) -> bool:
        """Jump to the first line at or after a typed time; a bare time uses the log's first date."""
        m = re.match(r"^\s*(?:(\d{4})-(\d\d)-(\d\d)[ T])?(\d{1,2}):(\d\d)(?::(\d\d)(?:\.(\d+))?)?\s*$", text)
        if not m or self.doc is None:
            return False
        first = next((ts for ts in (self.doc.timestamp_of(n) for n in range(min(len(self.doc), 200))) if ts), None)
        if m.group(1):
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        elif first is not None:
            year, month, day = time.gmtime(first)[:3]
        else:
            return False
        try:
            target = calendar.timegm((year, month, day, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)))
        except (ValueError, OverflowError):
            return False
        target += float("0." + m.group(7)) if m.group(7) else 0.0
        if m.group(1) is None and first is not None and target < first - 60:
            target += 86400  # a bare time earlier than the log's start means the next day
        line = self.doc.line_at_or_after(target)
        return line is not None and self.go_to_line(line)

    def _on_scrolled(self, _value: int) -> None:
        line = self.top_line()
        if line is not None:
            self.top_line_changed.emit(line)

    # -- actions on lines -------------------------------------------------------------------------

    def selected_lines(self) -> list[int]:
        return self.table.selected_lines()

    def copy_selection(self) -> None:
        if self.doc is None:
            return
        lines = self.selected_lines()[:100_000]
        QApplication.clipboard().setText("\n".join(self.doc.line_text(n) for n in lines))

    def _mark_current(self) -> None:
        line = self.current_line()
        if line is not None and self.doc is not None:
            self.mark_requested.emit(line, self.doc.line_text(line))

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid() or self.doc is None:
            return
        line = self.model.line_of_row(index.row())
        text = self.doc.line_text(line)
        menu = QMenu(self)
        menu.addAction(self.tr("Copy lines"), self.copy_selection)
        menu.addAction(self.tr("Remove mark") if line in self.model.marks else self.tr("Mark line… (Ctrl+M)"),
                       lambda: self.mark_requested.emit(line, text))
        menu.addAction(self.tr("Quote as checklist evidence…"), lambda: self.evidence_requested.emit(line, text))
        menu.addAction(self.tr("Align the other log here"), lambda: self.align_requested.emit(line))
        menu.addSeparator()
        entry = self.doc.line_entry(line)
        if entry.tag:
            menu.addAction(self.tr("Show only tag “{0}”").format(entry.tag[:40]),
                           lambda: self.set_filter(f'tag=:"{_quoted(entry.tag)}"'))
            menu.addAction(self.tr("Hide tag “{0}”").format(entry.tag[:40]),
                           lambda: self.set_filter((self.filter_edit.text() + f' -tag=:"{_quoted(entry.tag)}"').strip()))
        if entry.pid is not None:
            menu.addAction(self.tr("Show only process {0}").format(entry.pid),
                           lambda: self.set_filter(f"pid:{entry.pid}"))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def select_row_for_test(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, TEXT_COLUMN))

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
