"""Steps several GUI tests share: what an engineer does to get a ticket on screen."""

from __future__ import annotations

from contextlib import contextmanager


def open_ticket(qtbot, window, ticket_id: int) -> None:
    """Reload the queue, click the ticket, and wait until the ticket pane shows it."""
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.row_of(ticket_id) >= 0)
    window.queue.select_ticket(ticket_id)
    qtbot.waitUntil(lambda: window.pane.ticket is not None and window.pane.ticket.id == ticket_id)


@contextmanager
def japanese_window(qtbot, qapp, ctx, *, size=(1440, 900)):
    """The main window on ``ctx`` with the Japanese catalogue loaded; English and the locale come back after.

    Closes the window and waits for its background work before putting the language back, so nothing shown
    after the test ends is worded in the wrong language."""
    from PySide6.QtCore import QLocale

    from cre_desk.gui import app as gui_app
    from cre_desk.gui.main_window import MainWindow
    from cre_desk.gui.tasks import wait_for_all

    locale = QLocale()
    translators = gui_app.install_translations(qapp, "ja")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.attach_workspace(ctx)
        window.resize(*size)
        window.show()
        yield window
        window.close()
        wait_for_all()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setProperty("cre_desk_language", "en")
        QLocale.setDefault(locale)
