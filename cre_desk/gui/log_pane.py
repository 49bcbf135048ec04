"""One log on screen: filter bar, search bar, the highlighted lines, and the file's status line.

The pane opens a file instantly and indexes it in the background (rows appear as they are found);
filters and searches also run off the GUI thread and a newer one cancels the older. The pane knows
nothing about tickets: marks and evidence are requested through signals the workbench handles.

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

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cre_desk.errors import Cancelled, UserError
from cre_desk.gui.formatting import plain_tooltip
from cre_desk.gui.log_delegate import LogLineDelegate
from cre_desk.gui.log_model import NUMBER_COLUMN, TEXT_COLUMN, LogLinesModel
from cre_desk.gui.notice_labels import ElidedLabel, never_wider
from cre_desk.gui.tasks import Progress, run_in_background
from cre_desk.gui.wrap_row import WrapRow
from cre_desk.logs import filter_lang, filtering
from cre_desk.logs.document import LogDocument
from cre_desk.logs.entry import DEBUG, ERROR, FATAL, INFO, LEVEL_NAMES, VERBOSE, WARN
from cre_desk.logs.search_patterns import PatternError, compile_user_pattern
from cre_desk.logs.visible import visible

FILTER_DELAY_MS = 300
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
        self._filter_job: Progress | None = None
        self._search_job: Progress | None = None
        self._search_waiting = False   # a search asked for while a filter runs starts after it
        self._findings_by_line: dict[int, list[tuple[str, str]]] = {}
        self.model = LogLinesModel(self)

        self.title = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter, e.g.  tag:Braze level:W  -message:chatty  (Ctrl+Shift+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setCompleter(QCompleter(sorted(set(filter_lang.completions(""))), self.filter_edit))
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.presets = QToolButton()
        self.presets.setText(self.tr("Presets"))
        self.presets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.presets.setMenu(QMenu(self.presets))
        self.presets.menu().aboutToShow.connect(self._fill_presets)
        self.filter_state = ElidedLabel(min_chars=6)
        self.empty_note = never_wider(QLabel(wordWrap=True))    # why a filter shows no line, in words
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_note.hide()
        self._query: filter_lang.Query | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search (Ctrl+F), Enter for next"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.find_next)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
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

        self.table = QTableView()
        self.table.setModel(self.model)
        self.delegate = LogLineDelegate("auto", self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.delegate.metrics.height() + 2)
        self.table.horizontalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NUMBER_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._fit_number_column(10 ** 7)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
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

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self._search_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
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

    def _fit_number_column(self, lines: int) -> None:
        """Line numbers as wide as the log's longest one (the message, not the gutter, gets the width)."""
        digits = max(3, len(str(max(lines, 1))))
        self.table.setColumnWidth(NUMBER_COLUMN, self.delegate.metrics.horizontalAdvance("0") * digits + 20)

    def _on_built(self, doc: LogDocument) -> None:
        if doc is not self.doc:
            return
        self._poll.stop()
        self.progress.hide()
        self.delegate.clear_cache()
        self.model.indexing_finished()
        self._fit_number_column(len(doc))
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
        for job in (self._build_job, self._filter_job, self._search_job):
            if job is not None:
                job.cancel()
        self._poll.stop()
        self.model.set_document(None)
        doc, self.doc = self.doc, None
        self._findings_by_line = {}
        if doc is not None:
            doc.close()

    def reset(self) -> None:
        """Close the log and forget what was typed and shown for it (another ticket is being opened)."""
        self.close_document()
        self._filter_job = self._search_job = None
        self._search_waiting = False
        for timer in (self._filter_timer, self._search_timer):
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
        self._findings_by_line = by_line
        self.model.set_findings(by_line)

    def set_filter(self, text: str) -> None:
        self.filter_edit.setText(text)
        self._filter_timer.stop()
        self.apply_filter()

    def apply_filter(self) -> None:
        """Parse the filter text and show only matching lines (level-only filters answer at once)."""
        if self._filter_job is not None:
            self._filter_job.cancel()
            self._filter_job = None
        self.filter_edit.setStyleSheet("")
        self.filter_edit.setToolTip("")
        doc = self.doc
        text = self.filter_edit.text()
        try:
            query = filter_lang.parse(text)
        except UserError as exc:
            self.filter_edit.setStyleSheet("QLineEdit { border: 1px solid #d33; }")
            self.filter_edit.setToolTip(plain_tooltip(str(exc)))   # U-1: the message quotes the pattern
            self.filter_state.setText(self.tr("Filter not understood"))
            return
        if doc is None or not doc.ready:
            self.filter_state.setText(self.tr("Filter applies when indexing ends") if query else "")
            return
        anchor = self.current_line()
        self._query = query
        if query is None:
            self._show_rows(None, anchor)
            return
        floor = filter_lang.level_floor(query)
        if floor is not None:
            self._show_rows(np.flatnonzero(doc.levels() >= floor), anchor)
            return
        now, findings = self._newest_time(), dict(self._findings_by_line)
        self.filter_state.setText(self.tr("Filtering…"))
        self._filter_job = run_in_background(
            lambda progress: filtering.filter_lines(doc, query, now=now, findings_by_line=findings,
                                                    cancel=progress.should_stop),
            on_done=lambda rows: self._on_filtered(doc, rows, anchor),
            on_error=lambda exc: self._on_filter_failed(exc) if doc is self.doc else None,
            on_progress=lambda *_: None, receiver=self, progress=Progress())

    def _on_filter_failed(self, exc: BaseException) -> None:
        self._filter_job = None
        if not isinstance(exc, Cancelled):
            self.filter_state.setText(self.tr("Filter failed: {0}").format(exc))
        if self._search_waiting:
            self.run_search()

    def _on_filtered(self, doc: LogDocument, rows, anchor: int | None) -> None:
        self._filter_job = None
        if doc is self.doc:
            self._show_rows(rows, anchor)
        if self._search_waiting:
            self.run_search()

    def _newest_time(self) -> float | None:
        doc = self.doc
        if doc is None or not len(doc):
            return None
        for line in range(len(doc) - 1, max(-1, len(doc) - 200), -1):
            ts = doc.timestamp_of(line)
            if ts is not None:
                return ts
        return None

    def _show_rows(self, rows, anchor: int | None) -> None:
        self.model.set_rows(rows)
        if rows is None:
            self.filter_state.setText("")
        else:
            self.filter_state.setText(self.tr("{0} of {1} lines").format(f"{len(rows):,}", f"{len(self.doc):,}"))
        self._say_why_empty(rows is not None and len(rows) == 0 and len(self.doc) > 0)
        if anchor is not None:
            self.go_to_line(anchor, select=True)
        self._update_hit_label()

    def _say_why_empty(self, empty: bool) -> None:
        """A filter that leaves no line says so in words, and what a ``-level:X`` term probably meant."""
        if not empty:
            self.empty_note.hide()
            return
        names = {VERBOSE: self.tr("Verbose"), DEBUG: self.tr("Debug"), INFO: self.tr("Info"),
                 WARN: self.tr("Warning"), ERROR: self.tr("Error"), FATAL: self.tr("Fatal")}
        lines = [self.tr("No line matches this filter. Clear the filter box to see every line again.")]
        for code in filter_lang.negated_level_floors(self._query):
            letter, name = LEVEL_NAMES[code], names[code]
            text = self.tr("“-level:{0}” hides every level from {1} up (as in Logcat).").format(letter, name)
            if code == VERBOSE:
                text += " " + self.tr("To hide only Verbose lines, use “level:D”.")
            else:
                text += " " + self.tr("To hide only {1} lines, use “-level=:{0}”; to keep {1} and above, use "
                                      "“level:{0}”.").format(letter, name)
            lines.append(text)
        self.empty_note.setText("\n".join(lines))
        self.empty_note.show()

    def _fill_presets(self) -> None:
        menu = self.presets.menu()
        menu.clear()
        for name, text in filter_lang.PRESETS.items():
            menu.addAction(name, lambda t=text: self.set_filter(t))
        if self.saved_filters:
            menu.addSeparator()
            for name, text in sorted(self.saved_filters.items()):
                menu.addAction(name, lambda t=text: self.set_filter(t))
        menu.addSeparator()
        save = menu.addAction(self.tr("Save current filter…"), self._save_filter)
        save.setEnabled(bool(self.filter_edit.text().strip()))

    def _save_filter(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name:"))
        if ok and name.strip():
            self.saved_filters[name.strip()] = self.filter_edit.text()
            self.filters_saved.emit()

    # -- searching --------------------------------------------------------------------------------

    def run_search(self) -> None:
        if self._filter_job is not None and self.search_edit.text():
            # One heavy job at a time per pane: two would fight over the interpreter and stall the window.
            self._search_waiting = True
            self.hit_label.setText(self.tr("Searching…"))
            return
        self._search_waiting = False
        if self._search_job is not None:
            self._search_job.cancel()
            self._search_job = None
        self.search_edit.setStyleSheet("")
        text = self.search_edit.text()
        doc = self.doc
        if not text or doc is None or not doc.ready:
            self.model.set_hits(np.zeros(0, dtype=np.int64))
            self.hit_label.setText("")
            return
        try:
            compiled = compile_user_pattern(text, regex=self.regex_box.isChecked(),
                                            case_sensitive=self.case_box.isChecked())
        except PatternError as exc:
            self.search_edit.setStyleSheet("QLineEdit { border: 1px solid #d33; }")
            self.hit_label.setText(str(exc))
            return
        self.hit_label.setText(self.tr("Searching…"))
        self._search_job = run_in_background(
            lambda progress: doc.search_lines(compiled, cancel=progress.should_stop),
            on_done=lambda hits: self._on_hits(doc, hits),
            on_error=lambda exc: self._on_search_failed(exc) if doc is self.doc else None,
            on_progress=lambda *_: None, receiver=self, progress=Progress())

    def _on_search_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            self.hit_label.setText(self.tr("Search failed: {0}").format(exc))

    def _on_hits(self, doc: LogDocument, hits: np.ndarray) -> None:
        if doc is not self.doc:
            return
        self.model.set_hits(hits)
        self._update_hit_label()
        if len(self._visible_hits()):
            self.find_next(from_current=True)

    def _visible_hits(self) -> np.ndarray:
        hits = self.model.hits
        if self.model.filtered and len(hits):
            hits = hits[np.isin(hits, self.model.visible_lines(), assume_unique=True)]
        return hits

    def _update_hit_label(self) -> None:
        if not self.search_edit.text() or self.doc is None:
            self.hit_label.setText("")
            return
        hits = self._visible_hits()
        if not len(hits):
            self.hit_label.setText(self.tr("No hits"))
            return
        current = self.current_line()
        pos = int(np.searchsorted(hits, current)) if current is not None else 0
        at = pos + 1 if pos < len(hits) and current is not None and hits[pos] == current else 0
        self.hit_label.setText(self.tr("{0} / {1} lines").format(at or "–", f"{len(hits):,}"))

    def find_next(self, from_current: bool = False) -> None:
        self._step_hit(+1, inclusive=from_current)

    def find_previous(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, direction: int, inclusive: bool = False) -> None:
        hits = self._visible_hits()
        if not len(hits):
            if self.search_edit.text() and self._search_job is None:
                self.run_search()
            return
        current = self.current_line()
        current = -1 if current is None else current
        if direction > 0:
            pos = int(np.searchsorted(hits, current, side="left" if inclusive else "right"))
            target = hits[pos] if pos < len(hits) else hits[0]
        else:
            pos = int(np.searchsorted(hits, current, side="left")) - 1
            target = hits[pos] if pos >= 0 else hits[-1]
        self.go_to_line(int(target), select=True)
        self._update_hit_label()

    # -- navigation -------------------------------------------------------------------------------

    def current_line(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.line_of_row(index.row())

    def top_line(self) -> int | None:
        row = self.table.rowAt(0)
        return self.model.line_of_row(row) if row >= 0 else None

    def go_to_line(self, line: int, *, select: bool = True, top: bool = False) -> bool:
        row = self.model.row_of_line(line)
        if row is None:
            return False
        index = self.model.index(row, TEXT_COLUMN)
        hint = QAbstractItemView.ScrollHint.PositionAtTop if top else QAbstractItemView.ScrollHint.PositionAtCenter
        self.table.scrollTo(index, hint)
        if self.table.rowAt(0) < 0 or (top and self.table.rowAt(0) != row):
            # Rows added in this same turn of the event loop are not laid out yet, so the view could not
            # scroll to them: do it again once they are.
            QTimer.singleShot(0, self, lambda: self._scroll_to_row(row, hint))
        if select:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _scroll_to_row(self, row: int, hint) -> None:
        if row < self.model.rowCount():
            self.table.scrollTo(self.model.index(row, TEXT_COLUMN), hint)

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
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows(TEXT_COLUMN)})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.line_of_row(r) for r in rows]

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
