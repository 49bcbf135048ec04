"""A log pane's search: hits found off the GUI thread, then stepped through among the visible lines.

Search shares the pane with indexing and filtering, and one heavy job at a time keeps the window
responsive, so a search asked for while a filter runs waits for it. Hits outside the filter's rows
are skipped when stepping. Its wording keeps the ``LogPane`` translation context
(``QCoreApplication.translate("LogPane", …)``), so the Japanese catalogue still applies unchanged.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer

from cre_desk.errors import Cancelled
from cre_desk.gui.tasks import Progress, run_in_background
from cre_desk.logs.document import LogDocument
from cre_desk.logs.search_patterns import PatternError, compile_user_pattern

SEARCH_DELAY_MS = 300


class LogSearch(QObject):
    """Runs the search typed into ``pane.search_edit`` and moves the pane's current line between hits.

    ``pane`` is the ``LogPane`` that owns this (not imported here: it imports this module).
    """

    def __init__(self, pane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.job: Progress | None = None
        self.waiting = False   # a search asked for while a filter runs starts after it
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run)

    def run(self) -> None:
        pane = self.pane
        if pane.filtering.job is not None and pane.search_edit.text():
            # One heavy job at a time per pane: two would fight over the interpreter and stall the window.
            self.waiting = True
            pane.hit_label.setText(QCoreApplication.translate("LogPane", "Searching…"))
            return
        self.waiting = False
        if self.job is not None:
            self.job.cancel()
            self.job = None
        pane.search_edit.setStyleSheet("")
        text = pane.search_edit.text()
        doc = pane.doc
        if not text or doc is None or not doc.ready:
            pane.model.set_hits(np.zeros(0, dtype=np.int64))
            pane.hit_label.setText("")
            return
        try:
            compiled = compile_user_pattern(text, regex=pane.regex_box.isChecked(),
                                            case_sensitive=pane.case_box.isChecked())
        except PatternError as exc:
            pane.search_edit.setStyleSheet("QLineEdit { border: 1px solid #d33; }")
            pane.hit_label.setText(str(exc))
            return
        pane.hit_label.setText(QCoreApplication.translate("LogPane", "Searching…"))
        self.job = run_in_background(
            lambda progress: doc.search_lines(compiled, cancel=progress.should_stop),
            on_done=lambda hits: self._on_hits(doc, hits),
            on_error=lambda exc: self._on_search_failed(exc) if doc is pane.doc else None,
            on_progress=lambda *_: None, receiver=pane, progress=Progress())

    def _on_search_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            failed = QCoreApplication.translate("LogPane", "Search failed: {0}")
            self.pane.hit_label.setText(failed.format(exc))

    def _on_hits(self, doc: LogDocument, hits: np.ndarray) -> None:
        if doc is not self.pane.doc:
            return
        self.pane.model.set_hits(hits)
        self.update_hit_label()
        if len(self._visible_hits()):
            self.find_next(from_current=True)

    def _visible_hits(self) -> np.ndarray:
        model = self.pane.model
        hits = model.hits
        if model.filtered and len(hits):
            hits = hits[np.isin(hits, model.visible_lines(), assume_unique=True)]
        return hits

    def update_hit_label(self) -> None:
        pane = self.pane
        if not pane.search_edit.text() or pane.doc is None:
            pane.hit_label.setText("")
            return
        hits = self._visible_hits()
        if not len(hits):
            pane.hit_label.setText(QCoreApplication.translate("LogPane", "No hits"))
            return
        current = pane.current_line()
        pos = int(np.searchsorted(hits, current)) if current is not None else 0
        at = pos + 1 if pos < len(hits) and current is not None and hits[pos] == current else 0
        pane.hit_label.setText(QCoreApplication.translate("LogPane", "{0} / {1} lines").format(
            at or "–", f"{len(hits):,}"))

    def find_next(self, from_current: bool = False) -> None:
        self._step_hit(+1, inclusive=from_current)

    def find_previous(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, direction: int, inclusive: bool = False) -> None:
        hits = self._visible_hits()
        if not len(hits):
            if self.pane.search_edit.text() and self.job is None:
                self.run()
            return
        current = self.pane.current_line()
        current = -1 if current is None else current
        if direction > 0:
            pos = int(np.searchsorted(hits, current, side="left" if inclusive else "right"))
            target = hits[pos] if pos < len(hits) else hits[0]
        else:
            pos = int(np.searchsorted(hits, current, side="left")) - 1
            target = hits[pos] if pos >= 0 else hits[-1]
        self.pane.go_to_line(int(target), select=True)
        self.update_hit_label()
