"""The Help menu's windows: every keyboard shortcut in one list, and About (version, where files live)."""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.vocabulary import Verdict
from cre_desk.gui.formatting import vocab


def _plain_name(text: str) -> str:
    """A menu text without its mnemonic: '&Save' -> 'Save', '保存(&S)' -> '保存', 'Settings…'."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def _key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _fixed_shortcuts() -> list[tuple[str, list[tuple[str, str]]]]:
    """Shortcuts that live inside a tab or window (the main window's own are read from its actions)."""
    verdicts = [(key, vocab(verdict)) for key, verdict in (
        ("Alt+1", Verdict.RULED_OUT), ("Alt+2", Verdict.SUSPECTED), ("Alt+3", Verdict.CONFIRMED),
        ("Alt+4", Verdict.NOT_APPLICABLE), ("Alt+0", Verdict.NOT_CHECKED))]
    return [
        (QCoreApplication.translate("help", "Checklist tab"),
         [*verdicts, ("Ctrl+J", QCoreApplication.translate("help", "Next unchecked cause"))]),
        (QCoreApplication.translate("help", "Logs tab"), [
            ("Ctrl+F", QCoreApplication.translate("help", "Search the log")),
            ("Enter / F3 / Shift+F3", QCoreApplication.translate("help", "Next hit, previous hit")),
            ("Ctrl+Shift+F", QCoreApplication.translate("help", "Filter the log")),
            ("Ctrl+L", QCoreApplication.translate("help", "Go to line")),
            ("Ctrl+T", QCoreApplication.translate("help", "Jump to a time")),
            ("Ctrl+M", QCoreApplication.translate("help", "Mark the line, with a note")),
            ("Ctrl+C", QCoreApplication.translate("help", "Copy the selected lines")),
        ]),
        (QCoreApplication.translate("help", "Overview tab"), [
            ("Ctrl+Alt+0", QCoreApplication.translate("help", "Accept the suggested product team and kind")),
            ("Ctrl+Alt+1 … 6", QCoreApplication.translate(
                "help", "Confirm a kind: bug, missing, unclear, hidden, spec question, troubleshooting")),
        ]),
        (QCoreApplication.translate("help", "Resolution dashboard"), [
            ("Esc", QCoreApplication.translate("help", "Close the dashboard")),
        ]),
    ]


class ShortcutsDialog(QDialog):
    """Every shortcut, grouped by where it works; the main window's are read from its live actions."""

    def __init__(self, actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("Action")])
        seen = set()
        for action in actions:
            keys = [_key_text(s) for s in action.shortcuts() if not s.isEmpty()]
            name = _plain_name(action.text())
            if not keys or name in seen:
                continue
            seen.add(name)
            self._add(self.tr("Everywhere"), " / ".join(keys), name)
        for where, rows in _fixed_shortcuts():
            for written, name in rows:
                self._add(where, written, name)
        view = QTableView()
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.view = view
        self.resize(620, 640)

    def _add(self, where: str, keys: str, name: str) -> None:
        cells = [QStandardItem(where), QStandardItem(keys), QStandardItem(name)]
        for cell in cells:
            cell.setToolTip(cell.text())
        self.model.appendRow(cells)

    def text(self) -> str:
        """The list as plain lines ("Where | Keys | Action"), for copying and for tests."""
        return "\n".join(" | ".join(self.model.item(r, c).text() for c in range(3))
                         for r in range(self.model.rowCount()))


def show_about_box(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)   # paths may hold anything
    box.exec()


def about(parent: QWidget | None, paths=None, database: str = "") -> None:
    """Version, Qt and Python, and where data, settings and the log file are (what a bug report needs)."""
    import PySide6
    from PySide6.QtCore import qVersion

    from cre_desk import __version__

    lines = [QCoreApplication.translate("help", "CRE Desk {0}").format(__version__),
             QCoreApplication.translate(
                 "help", "Desktop triage for Customer Reliability Engineering teams at mobile-SDK vendors."),
             "",
             QCoreApplication.translate("help", "Qt {0} (PySide6 {1}), Python {2}").format(
                 qVersion(), PySide6.__version__, sys.version.split()[0])]
    if database:
        lines.append(QCoreApplication.translate("help", "Database: {0}").format(database))
    if paths is not None:
        lines += [QCoreApplication.translate("help", "Data folder: {0}").format(paths.data_dir),
                  QCoreApplication.translate("help", "Settings: {0}").format(paths.settings_file),
                  QCoreApplication.translate("help", "Log file: {0}").format(paths.log_file)]
    show_about_box(parent, QCoreApplication.translate("help", "About CRE Desk"), "\n".join(lines))
