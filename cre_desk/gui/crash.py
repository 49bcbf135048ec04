"""The single crash path: log the traceback, then tell the user where the report is."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("cre_desk.crash")

_log_file: Path | None = None
_showing = False


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under the empty context


class CrashDialog:
    """Shown for unexpected errors; tests replace ``show``."""

    @staticmethod
    def show(summary: str, details: str, log_file: Path | None) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, tr("CRE Desk hit an unexpected problem"),
                          summary, QMessageBox.StandardButton.Ok)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            tr("Your saved work and drafts are safe. The details were written to:\n{0}\n"
               "Please send that file to the CRE Desk maintainers.").format(log_file or tr("(no log file)")))
        box.setDetailedText(details)
        box.exec()


def handle(exc_type, exc, tb) -> None:
    """Log and show an unexpected exception (safe to call from any thread)."""
    global _showing
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Unexpected error:\n%s", details)
    app = QApplication.instance()
    if app is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    if QThread.currentThread() is not app.thread():
        QMetaObject.invokeMethod(app, lambda: handle(exc_type, exc, tb), Qt.ConnectionType.QueuedConnection)
        return
    if _showing:
        return
    _showing = True
    try:
        CrashDialog.show(f"{exc_type.__name__}: {exc}", details, _log_file)
    finally:
        _showing = False


def install(log_file: Path | None) -> None:
    """Route uncaught exceptions (GUI thread and worker threads) to :func:`handle`."""
    global _log_file
    _log_file = log_file
    sys.excepthook = handle
    threading.excepthook = lambda args: handle(args.exc_type, args.exc_value, args.exc_traceback)
