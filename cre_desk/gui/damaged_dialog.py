"""Asks what to do when the local database is damaged: restore a backup, or start empty.

Either way the damaged file is moved aside and kept, never deleted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under the empty context


class DamagedDatabaseDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, reason: str, backup: Path | None) -> bool:
        """True to restore ``backup``."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Database damaged"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        text = tr("CRE Desk's database file is damaged: {0}.\n\nThe damaged file will be moved aside and "
                  "kept, not deleted.").format(reason)
        if backup is None:
            box.setText(text + "\n\n" + tr("No usable backup was found, so a new empty database will be started."))
            box.addButton(QMessageBox.StandardButton.Ok)
            box.exec()
            return False
        box.setText(text + "\n\n" + tr("Restore the newest good backup ({0})?").format(backup.name))
        restore = box.addButton(tr("Restore backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Start empty"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is restore
