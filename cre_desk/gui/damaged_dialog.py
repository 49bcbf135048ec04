"""Asks what to do when the local database is damaged: restore a backup, or start empty.

Either way the damaged file is moved aside and kept, never deleted. The layout and its texts live in
``ui/damaged_dialog.ui``; this class fills in the reason and the backup's name and picks the buttons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QStyle, QWidget

from cre_desk.gui.forms.ui_damaged_dialog import Ui_DamagedDatabaseDialog


class DamagedDatabaseDialog(QDialog):
    def __init__(self, reason: str, backup: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_DamagedDatabaseDialog()
        ui.setupUi(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        ui.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        ui.explanation.setText(ui.explanation.text().format(reason))
        ui.no_backup.setVisible(backup is None)
        ui.restore_question.setVisible(backup is not None)
        if backup is None:
            ui.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)
            ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
            return
        ui.restore_question.setText(ui.restore_question.text().format(backup.name))
        self.restore = ui.buttons.addButton(self.tr("Restore backup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_empty = ui.buttons.addButton(self.tr("Start empty"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore.setDefault(True)

    @classmethod
    def ask(cls, parent: QWidget | None, reason: str, backup: Path | None) -> bool:
        """True to restore ``backup`` (never when there is none)."""
        dialog = cls(reason, backup, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted and backup is not None
