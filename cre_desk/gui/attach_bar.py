"""The strip under a ticket's header: an attach in progress with its Cancel, then what became of each file.

Signals:
    cancel_requested(): the user pressed Cancel while files were being copied.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cre_desk.db.attach import FileOutcome
from cre_desk.gui.notice_labels import ElidedLabel, NoticeLabel


class AttachDialog:
    """The file dialog behind one function, so tests can answer it."""

    @staticmethod
    def ask(parent: QWidget, start_dir: str) -> list[Path]:
        def tr(text: str) -> str:
            # lupdate files this nested tr() under the empty context
            return QCoreApplication.translate("", text)

        names, _filter = QFileDialog.getOpenFileNames(
            parent, tr("Attach logs to the ticket"), start_dir,
            tr("Logs and archives (*.log *.txt *.gz *.zip);;All files (*)"))
        return [Path(name) for name in names]


class AttachBar(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop attaching; nothing of these files is kept"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.busy = QWidget()
        row = QHBoxLayout(self.busy)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)

        self.notices = NoticeLabel()
        self.dismiss = QToolButton()
        self.dismiss.setText("✕")
        self.dismiss.setToolTip(self.tr("Hide these notices"))
        self.dismiss.clicked.connect(self.clear)
        self.done = QWidget()
        notes = QHBoxLayout(self.done)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.notices, 1)
        notes.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.busy)
        layout.addWidget(self.done)
        self.clear()

    @property
    def running(self) -> bool:
        return not self.busy.isHidden()

    def start(self, count: int) -> None:
        """Files are being copied: show progress and Cancel."""
        self.done.hide()
        self.state.setText(self.tr("Attaching %n file(s)…", "", count))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.busy.show()
        self.show()

    def show_progress(self, permille: int, _total: int, name: str) -> None:
        if self.running:
            self.progress.setValue(permille)
            self.state.setText(self.tr("Attaching {0}…").format(name))

    def storing(self) -> None:
        """The copies are made; moving them into the ticket takes a moment and cannot be cancelled."""
        self.progress.setValue(1000)
        self.cancel_button.setEnabled(False)

    def finish(self, lines: list[str]) -> None:
        """Show one line per file (or other notice) until dismissed."""
        self.busy.hide()
        self.notices.set_lines(lines)
        self.done.setVisible(bool(lines))
        self.setVisible(bool(lines))

    def clear(self) -> None:
        self.busy.hide()
        self.done.hide()
        self.notices.set_lines([])
        self.hide()

    def lines(self) -> list[str]:
        return self.notices.lines() if not self.done.isHidden() else []

    def outcome_text(self, outcome: FileOutcome) -> str:
        """One file's outcome in the UI language."""
        name = outcome.name
        if outcome.status == "attached":
            text = self.tr("{0}: attached").format(name)
            if outcome.redacted:
                text += " " + self.tr("(%n secret(s) or e-mail address(es) removed)", "", outcome.redacted)
            return text
        if outcome.status == "already_attached":
            return self.tr("{0}: already attached to this ticket (same content), not added again").format(
                name)
        if outcome.status == "empty":
            return self.tr("{0}: not attached, the file is empty (there is nothing to read in it)").format(
                name)
        if outcome.status == "binary":
            return self.tr("{0}: not attached, it is not a text log but {1}. Attach text logs (.log, .txt) "
                           "or .zip/.gz archives of them.").format(name, self._binary_kind(outcome.detail))
        if outcome.status == "not_a_file":
            return self.tr("{0}: not attached, it is not a file (a folder, or it no longer exists)").format(
                name)
        return self.tr("{0}: not attached: {1}").format(name, outcome.detail)

    def _binary_kind(self, kind: str) -> str:
        return {
            "png": self.tr("a PNG image"), "jpeg": self.tr("a JPEG image"), "gif": self.tr("a GIF image"),
            "pdf": self.tr("a PDF document"), "elf": self.tr("a program (ELF executable)"),
            "mach-o": self.tr("a program (Mach-O executable)"), "sqlite": self.tr("an SQLite database"),
            "tar": self.tr("a tar archive (not supported: use .zip or .gz)"),
        }.get(kind, self.tr("binary data"))
