"""The one way CRE Desk tells the user something: log it, then show it in plain words.

Exceptions are sorted the way the core raises them: ``UserError`` is shown as is, ``EnvironmentFault``
with its suggested action, ``ConflictError`` offers both versions, and anything else is a bug that
goes to the crash path. Dialogs sit behind small functions that tests replace.
"""

from __future__ import annotations

import logging
import sqlite3
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DatabaseError, OperationalError

from cre_desk.errors import ConflictError, CreDeskError, EnvironmentFault, UserError

log = logging.getLogger("cre_desk.messages")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under the empty context


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote customer data
    if detail:
        box.setDetailedText(detail)
    box.exec()


class Dialogs:
    """Indirection so tests can replace every modal dialog."""

    @staticmethod
    def show(parent: QWidget | None, level: str, title: str, text: str, detail: str = "") -> None:
        icon = {"error": QMessageBox.Icon.Critical, "warning": QMessageBox.Icon.Warning}.get(
            level, QMessageBox.Icon.Information)
        _box(parent, icon, title, text, detail)

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


def info(parent: QWidget | None, text: str, title: str = "") -> None:
    log.info("%s", text)
    Dialogs.show(parent, "info", title or tr("CRE Desk"), text)


def warn(parent: QWidget | None, text: str, title: str = "", detail: str = "") -> None:
    log.warning("%s", text)
    Dialogs.show(parent, "warning", title or tr("CRE Desk"), text, detail)


def confirm(parent: QWidget | None, text: str, title: str = "") -> bool:
    return Dialogs.confirm(parent, title or tr("CRE Desk"), text)


def classify(exc: BaseException) -> BaseException:
    """Turn low-level environment errors into EnvironmentFault with a suggested action."""
    if isinstance(exc, CreDeskError):
        return exc
    if isinstance(exc, DatabaseError | sqlite3.DatabaseError) and _damaged(exc):
        return EnvironmentFault(
            tr("The database file is damaged, so this could not be read or saved."),
            action=tr("Restart CRE Desk: it checks the file when it starts, moves a damaged one aside "
                      "(nothing is deleted) and offers your newest good backup."), detail=str(exc))
    if isinstance(exc, OperationalError):
        text = str(exc.orig or exc).lower()
        if "locked" in text or "busy" in text:
            return EnvironmentFault(tr("The database is busy."), action=tr(
                "Another program is writing to it. Wait a moment and try again."), detail=str(exc))
        if "disk" in text and "full" in text or "database or disk is full" in text:
            return EnvironmentFault(tr("The disk is full, so nothing could be saved."), action=tr(
                "Free some disk space and save again; your unsaved text is still in the window."),
                detail=str(exc))
        return EnvironmentFault(tr("The database could not be reached."), action=tr(
            "Check the team server connection (or the data folder) and try again."), detail=str(exc))
    if isinstance(exc, sqlite3.OperationalError | OSError):
        if getattr(exc, "errno", None) == 28 or "full" in str(exc).lower():
            return EnvironmentFault(tr("The disk is full, so nothing could be saved."), action=tr(
                "Free some disk space and save again; your unsaved text is still in the window."),
                detail=str(exc))
        if isinstance(exc, OSError):
            return EnvironmentFault(tr("A file could not be read or written: {0}").format(
                exc.strerror or str(exc)), action=tr("Check the file exists and you have access to it."),
                detail=str(exc))
    return exc


def _damaged(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "malformed" in text or "file is not a database" in text or "database corrupt" in text


def report_exception(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception the right way; bugs go to the crash dialog."""
    exc = classify(exc)
    if isinstance(exc, ConflictError):
        log.info("Conflict: %s", exc)
        Dialogs.show(parent, "warning", tr("Saved by someone else"), exc.message)
    elif isinstance(exc, EnvironmentFault):
        log.warning("%s (%s)", exc.message, exc.detail)
        text = exc.message + ("\n\n" + exc.action if exc.action else "")
        Dialogs.show(parent, "warning", tr("CRE Desk"), text, exc.detail)
    elif isinstance(exc, UserError | CreDeskError):
        log.info("User error: %s", exc.message)
        Dialogs.show(parent, "warning", tr("CRE Desk"), exc.message, exc.detail)
    else:
        from cre_desk.gui import crash

        crash.handle(type(exc), exc, exc.__traceback__)


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
