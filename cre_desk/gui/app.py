"""Start-up of the desktop application: Qt, logging, crash path, language, theme, the instance lock,
the first paint, then the workspace (opened off the GUI thread)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from cre_desk import APP_ID, APP_NAME, ORG_NAME, __version__
from cre_desk.config import AppPaths, Settings, default_paths

log = logging.getLogger(__name__)


def choose_language(settings: Settings) -> str:
    if settings.language in ("en", "ja"):
        return settings.language
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load our Japanese catalogue and Qt's own (dialog buttons etc.)."""
    app.setProperty("cre_desk_language", language)
    if language != "ja":
        return []
    from cre_desk import resource_files

    installed = []
    ours = QTranslator(app)
    data = resource_files.read_bytes("translations", "cre_desk_ja.qm")
    if ours.load(data):
        app.installTranslator(ours)
        installed.append(ours)
    ours._data = data  # QTranslator.load(bytes) does not copy: keep the buffer alive
    # Qt's own dialogs (file dialogs, standard buttons), from the catalogues PySide6 ships; installed after
    # ours so they are asked first, and ours fills the few strings Qt's Japanese lacks (see qt_strings).
    for folder in _qt_translation_folders():
        qt = QTranslator(app)
        if qt.load("qtbase_ja", folder):
            app.installTranslator(qt)
            installed.append(qt)
            break
    else:
        log.warning("Qt's Japanese catalogue (qtbase_ja.qm) was not found; Qt's own dialogs stay in English")
    # Dates, month names and sizes in Qt's widgets (calendar pop-ups, the file dialog) follow the language.
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    return installed


def _qt_translation_folders() -> list[str]:
    """Where Qt's catalogues may be: Qt's configured folder, then PySide6's own (wheels and frozen builds)."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(base / "Qt" / "translations"), str(base / "translations")]
    return [f for n, f in enumerate(folders) if f and f not in folders[:n] and Path(f).is_dir()]


def window_settings(paths: AppPaths) -> QSettings:
    return QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)


def run_gui(db_url: str | None = None, home: Path | None = None, smoke_quit_ms: int | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    _set_icon(app)

    paths = default_paths(home)
    paths.ensure()
    from cre_desk import logging_setup
    from cre_desk.gui import crash, theme

    logging_setup.configure(paths.log_file)
    crash.install(paths.log_file)
    settings = Settings.load(paths.settings_file)
    from cre_desk.integrations import transport

    transport.configure(ca_bundle=settings.ca_bundle)   # a company certificate, for every helpdesk client
    install_translations(app, choose_language(settings))
    theme.apply(app, settings.theme)
    theme.follow_system(app, lambda: settings.theme)

    from cre_desk.gui import single_instance

    lock = single_instance.InstanceLock(paths.lock_file)
    name = single_instance.server_name(paths.data_dir)
    if not lock.acquire():
        text = app.translate("app", "CRE Desk is already running with this data folder ({0}).").format(
            lock.owner())
        if single_instance.ask_running_instance_to_activate(name):
            print(text + " " + app.translate("app", "Switched to its window."), file=sys.stderr)
            return 0
        from cre_desk.gui import messages

        messages.warn(None, text + "\n\n" + app.translate("app", "Close the other window first, then start "
                                                               "CRE Desk again."))
        return 1

    # Nothing else runs on this data folder now: what a crash or a kill left in the temporary folder goes.
    paths.sweep_temp()

    from cre_desk.gui.main_window import MainWindow

    window = MainWindow(window_settings(paths))
    server = single_instance.InstanceServer(name, window)
    server.activation_requested.connect(window.bring_to_front)
    starter = WorkspaceStarter(window, paths, settings, db_url if db_url is not None else settings.db_url)
    starter.smoke_quit_ms = smoke_quit_ms
    # Open the database only after the first paint, so the window appears at once.
    window.first_painted.connect(starter.start)
    window.show()
    try:
        return app.exec()
    finally:
        starter.close()
        lock.release()


class WorkspaceStarter:
    """Opens the workspace after the first paint and hands it to the window; handles a damaged file."""

    def __init__(self, window, paths: AppPaths, settings: Settings, db_url: str) -> None:
        self.window, self.paths, self.settings, self.db_url = window, paths, settings, db_url
        self.workspace = None

    def start(self) -> None:
        from cre_desk.db.workspace import check_local_database
        from cre_desk.gui.tasks import run_in_background

        if self.db_url:
            self._open(False)
            return
        run_in_background(check_local_database, self.paths, on_done=self._on_checked,
                          on_error=self._on_failed, receiver=self.window)

    def _on_checked(self, result) -> None:
        restore = False
        if not result.ok:
            from cre_desk.db import safety
            from cre_desk.gui.damaged_dialog import DamagedDatabaseDialog

            backup = safety.newest_good_backup(self.paths.backups_dir)
            restore = DamagedDatabaseDialog.ask(self.window, result.reason, backup)
        self._open(restore)

    def _open(self, restore: bool) -> None:
        from cre_desk.db.workspace import open_workspace
        from cre_desk.gui.tasks import run_in_background

        run_in_background(open_workspace, self.paths, self.db_url, restore_backup=restore,
                          calendar=_team_calendar(self.settings), on_done=self._on_opened,
                          on_error=self._on_failed, receiver=self.window)

    def _on_opened(self, workspace) -> None:
        from cre_desk.gui import messages
        from cre_desk.gui.context import AppContext

        self.workspace = workspace
        report = workspace.report
        ctx = AppContext(workspace, self.settings, self.paths, parent=self.window)
        self.window.attach_workspace(ctx)
        if getattr(self, "smoke_quit_ms", None) is not None:
            # Packaging smoke test: prove the real window and workspace come up, then leave cleanly.
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def leave() -> None:
                self.window.show_dashboard()   # also proves the charting library is packaged
                print(f"smoke: window opened ({workspace.tickets.count()} tickets)", flush=True)
                self.window.close()
                QApplication.instance().quit()

            QTimer.singleShot(self.smoke_quit_ms, leave)
            return
        if report.moved_aside is not None:
            restored = (QCoreApplication.translate("app", "It was restored from the backup of {0}.").format(report.restored_from.name)
                        if report.restored_from else QCoreApplication.translate("app", "A new, empty database was started."))
            messages.warn(self.window, QCoreApplication.translate("app",
                "The database file was damaged ({0}). It was moved aside, not deleted:\n{1}\n\n{2}").format(
                report.reason, report.moved_aside, restored))
        for notice in report.notices:   # e.g. the database is in a synced folder (D-10)
            messages.warn(self.window, notice)
        from cre_desk.gui.welcome_dialog import greet_first_start

        greet_first_start(self.window, ctx, report.created)

    def _on_failed(self, exc: BaseException) -> None:
        from cre_desk.gui import messages

        messages.report_exception(self.window, exc)
        self.window.loading.setText(QCoreApplication.translate("app",
            "The workspace could not be opened. Fix the problem shown, then restart CRE Desk.\n"
            "Log file: {0}").format(self.paths.log_file))

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()


def _team_calendar(settings):
    """The business calendar the settings name; the default one if that file is missing or broken."""
    from cre_desk.core.calendars import load_calendar

    try:
        return load_calendar(settings.calendar or "jp")
    except Exception:  # noqa: BLE001 - a bad setting must not stop the app from opening
        logging.getLogger(__name__).warning("calendar %r unusable; using the default", settings.calendar)
        return load_calendar()


def _set_icon(app) -> None:
    """The window and taskbar icon, from the shipped resources (works from a checkout and frozen)."""
    from PySide6.QtGui import QIcon, QPixmap

    from cre_desk import resource_files

    pixmap = QPixmap()
    try:
        if pixmap.loadFromData(resource_files.read_bytes("icons", "cre-desk.png")):
            app.setWindowIcon(QIcon(pixmap))
    except OSError:
        logging.getLogger(__name__).warning("application icon missing")
