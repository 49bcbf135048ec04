"""A log pane's filter: the typed query run off the GUI thread, its rows shown, and why none are.

Filtering is the pane's one long-running job besides indexing and search, with its own rules: a
level-only filter answers at once, a newer filter cancels the older, a filter that leaves no line
says so in words, and a search asked for meanwhile waits for it. Its wording keeps the ``LogPane``
translation context (``QCoreApplication.translate("LogPane", …)``), so the Japanese catalogue still
applies unchanged.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QInputDialog

from cre_desk.errors import Cancelled, UserError
from cre_desk.gui.formatting import plain_tooltip
from cre_desk.gui.tasks import Progress, run_in_background
from cre_desk.logs import filter_lang, filtering
from cre_desk.logs.document import LogDocument
from cre_desk.logs.entry import DEBUG, ERROR, FATAL, INFO, LEVEL_NAMES, VERBOSE, WARN

FILTER_DELAY_MS = 300


class LogFilter(QObject):
    """Runs the filter typed into ``pane.filter_edit`` and shows its result in the pane.

    ``pane`` is the ``LogPane`` that owns this (not imported here: it imports this module).
    """

    def __init__(self, pane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.job: Progress | None = None
        self.query: filter_lang.Query | None = None
        self.findings_by_line: dict[int, list[tuple[str, str]]] = {}
        self.timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self.timer.timeout.connect(self.apply)

    def set_findings(self, by_line: dict[int, list[tuple[str, str]]]) -> None:
        self.findings_by_line = by_line
        self.pane.model.set_findings(by_line)

    def set_filter(self, text: str) -> None:
        self.pane.filter_edit.setText(text)
        self.timer.stop()
        self.apply()

    def apply(self) -> None:
        """Parse the filter text and show only matching lines (level-only filters answer at once)."""
        pane = self.pane
        if self.job is not None:
            self.job.cancel()
            self.job = None
        pane.filter_edit.setStyleSheet("")
        pane.filter_edit.setToolTip("")
        doc = pane.doc
        text = pane.filter_edit.text()
        try:
            query = filter_lang.parse(text)
        except UserError as exc:
            pane.filter_edit.setStyleSheet("QLineEdit { border: 1px solid #d33; }")
            pane.filter_edit.setToolTip(plain_tooltip(str(exc)))   # U-1: the message quotes the pattern
            pane.filter_state.setText(QCoreApplication.translate("LogPane", "Filter not understood"))
            return
        if doc is None or not doc.ready:
            waiting = QCoreApplication.translate("LogPane", "Filter applies when indexing ends")
            pane.filter_state.setText(waiting if query else "")
            return
        anchor = pane.current_line()
        self.query = query
        if query is None:
            self.show_rows(None, anchor)
            return
        floor = filter_lang.level_floor(query)
        if floor is not None:
            self.show_rows(np.flatnonzero(doc.levels() >= floor), anchor)
            return
        now, findings = self._newest_time(), dict(self.findings_by_line)
        pane.filter_state.setText(QCoreApplication.translate("LogPane", "Filtering…"))
        self.job = run_in_background(
            lambda progress: filtering.filter_lines(doc, query, now=now, findings_by_line=findings,
                                                    cancel=progress.should_stop),
            on_done=lambda rows: self._on_filtered(doc, rows, anchor),
            on_error=lambda exc: self._on_filter_failed(exc) if doc is pane.doc else None,
            on_progress=lambda *_: None, receiver=pane, progress=Progress())

    def _on_filter_failed(self, exc: BaseException) -> None:
        self.job = None
        if not isinstance(exc, Cancelled):
            failed = QCoreApplication.translate("LogPane", "Filter failed: {0}")
            self.pane.filter_state.setText(failed.format(exc))
        if self.pane.searching.waiting:
            self.pane.run_search()

    def _on_filtered(self, doc: LogDocument, rows, anchor: int | None) -> None:
        self.job = None
        if doc is self.pane.doc:
            self.show_rows(rows, anchor)
        if self.pane.searching.waiting:
            self.pane.run_search()

    def _newest_time(self) -> float | None:
        doc = self.pane.doc
        if doc is None or not len(doc):
            return None
        for line in range(len(doc) - 1, max(-1, len(doc) - 200), -1):
            ts = doc.timestamp_of(line)
            if ts is not None:
                return ts
        return None

    def show_rows(self, rows, anchor: int | None) -> None:
        pane = self.pane
        pane.model.set_rows(rows)
        if rows is None:
            pane.filter_state.setText("")
        else:
            pane.filter_state.setText(QCoreApplication.translate("LogPane", "{0} of {1} lines").format(
                f"{len(rows):,}", f"{len(pane.doc):,}"))
        self._say_why_empty(rows is not None and len(rows) == 0 and len(pane.doc) > 0)
        if anchor is not None:
            pane.go_to_line(anchor, select=True)
        pane.searching.update_hit_label()

    def _say_why_empty(self, empty: bool) -> None:
        """A filter that leaves no line says so in words, and what a ``-level:X`` term probably meant."""
        if not empty:
            self.pane.empty_note.hide()
            return
        names = {VERBOSE: QCoreApplication.translate("LogPane", "Verbose"),
                 DEBUG: QCoreApplication.translate("LogPane", "Debug"),
                 INFO: QCoreApplication.translate("LogPane", "Info"),
                 WARN: QCoreApplication.translate("LogPane", "Warning"),
                 ERROR: QCoreApplication.translate("LogPane", "Error"),
                 FATAL: QCoreApplication.translate("LogPane", "Fatal")}
        lines = [QCoreApplication.translate(
            "LogPane", "No line matches this filter. Clear the filter box to see every line again.")]
        for code in filter_lang.negated_level_floors(self.query):
            letter, name = LEVEL_NAMES[code], names[code]
            text = QCoreApplication.translate(
                "LogPane", "“-level:{0}” hides every level from {1} up (as in Logcat).").format(letter, name)
            if code == VERBOSE:
                text += " " + QCoreApplication.translate("LogPane",
                                                         "To hide only Verbose lines, use “level:D”.")
            else:
                text += " " + QCoreApplication.translate(
                    "LogPane", "To hide only {1} lines, use “-level=:{0}”; to keep {1} and above, use "
                               "“level:{0}”.").format(letter, name)
            lines.append(text)
        self.pane.empty_note.setText("\n".join(lines))
        self.pane.empty_note.show()

    def fill_presets(self) -> None:
        pane = self.pane
        menu = pane.presets.menu()
        menu.clear()
        for name, text in filter_lang.PRESETS.items():
            menu.addAction(name, lambda t=text: self.set_filter(t))
        if pane.saved_filters:
            menu.addSeparator()
            for name, text in sorted(pane.saved_filters.items()):
                menu.addAction(name, lambda t=text: self.set_filter(t))
        menu.addSeparator()
        save = menu.addAction(QCoreApplication.translate("LogPane", "Save current filter…"), self.save_filter)
        save.setEnabled(bool(pane.filter_edit.text().strip()))

    def save_filter(self) -> None:
        pane = self.pane
        name, ok = QInputDialog.getText(pane, QCoreApplication.translate("LogPane", "Save filter"),
                                        QCoreApplication.translate("LogPane", "Name:"))
        if ok and name.strip():
            pane.saved_filters[name.strip()] = pane.filter_edit.text()
            pane.filters_saved.emit()
