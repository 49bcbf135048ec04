"""The dialogs designed in ui/*.ui: the committed Python matches the forms, and each form is in use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from cre_desk.gui.damaged_dialog import DamagedDatabaseDialog

ROOT = Path(__file__).resolve().parents[2]


def test_generated_forms_match_their_ui_files():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "build_forms.py"), "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, f"run python tools/build_forms.py:\n{out.stdout}{out.stderr}"


def test_every_form_is_used_by_a_view():
    views = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "cre_desk" / "gui").glob("*.py"))
    forms = sorted(p.stem for p in (ROOT / "ui").glob("*.ui"))
    assert forms, "no Designer forms in ui/"
    unused = [name for name in forms if f"cre_desk.gui.forms.ui_{name} import" not in views]
    assert not unused, f"forms no view uses: {unused}"


def test_damaged_database_offers_the_newest_backup_and_restores_it_on_request(qtbot):
    backup = Path("cre_desk-2026-11-27.db")
    dialog = DamagedDatabaseDialog("file is not a database", backup)
    qtbot.addWidget(dialog)
    assert "file is not a database" in dialog.ui.explanation.text()
    assert backup.name in dialog.ui.restore_question.text() and not dialog.ui.restore_question.isHidden()
    assert dialog.ui.no_backup.isHidden()
    assert [b.text() for b in dialog.ui.buttons.buttons()] == ["Restore backup", "Start empty"]
    dialog.start_empty.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().restore.click())
    assert DamagedDatabaseDialog.ask(None, "file is not a database", backup) is True
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().start_empty.click())
    assert DamagedDatabaseDialog.ask(None, "file is not a database", backup) is False


def test_damaged_database_without_a_backup_only_says_a_new_one_starts(qtbot):
    dialog = DamagedDatabaseDialog("disk I/O error", None)
    qtbot.addWidget(dialog)
    assert not dialog.ui.no_backup.isHidden() and dialog.ui.restore_question.isHidden()
    assert dialog.ui.buttons.standardButtons() == QDialogButtonBox.StandardButton.Ok
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().ui.buttons.button(
        QDialogButtonBox.StandardButton.Ok).click())
    assert DamagedDatabaseDialog.ask(None, "disk I/O error", None) is False
