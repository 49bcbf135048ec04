"""Dark mode chosen in Settings applies at once, to the window and to the dashboard's charts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from cre_desk.gui import theme
from cre_desk.gui.settings_dialog import SettingsDialog


@pytest.fixture
def restore_palette(qapp):
    palette, style = qapp.palette(), qapp.style().name()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("cre_desk_dark", None)


def _choose(monkeypatch, value):
    def ask(cls, parent, settings):
        settings.theme = value
        return True

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(ask))


def test_dark_mode_applies_when_settings_are_saved(qtbot, window, ctx, monkeypatch, restore_palette):
    from cre_desk.gui.log_delegate import LogLineDelegate, palette_colours

    window.show_dashboard()
    board = window.tool_windows.dashboard
    log_colours = LogLineDelegate("auto", window.pane)     # as an open log's view holds one
    _choose(monkeypatch, "dark")
    window.open_settings()
    app = QApplication.instance()
    assert app.property("cre_desk_dark") is True
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    qtbot.waitUntil(lambda: board.palette().color(QPalette.ColorRole.Base).lightness() < 80)
    assert board.trend.plotItem.titleLabel.opts["color"] == theme.chart_text_colour(True)
    assert log_colours.colours == palette_colours(True)
    assert "restart" not in window.statusBar().currentMessage().lower()
    _choose(monkeypatch, "light")
    window.open_settings()
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() > 180)
    qtbot.waitUntil(lambda: board.trend.plotItem.titleLabel.opts["color"] == theme.chart_text_colour(False))
    assert board.trend.plotItem.titleLabel.opts["color"] == theme.chart_text_colour(False)
