"""Light and dark palettes; "system" follows the OS colour scheme and its changes at run time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(37, 39, 43), QColor(28, 30, 33), QColor(225, 227, 230)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor(44, 47, 51))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor(48, 51, 56))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(47, 128, 237))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor(50, 53, 58))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(140, 144, 150))
        p.setColor(group, QPalette.ColorRole.Link, QColor(100, 160, 255))
    disabled = QColor(120, 123, 128)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(44, 46, 50))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    return p


def wants_dark(preference: str) -> bool:
    if preference == "dark":
        return True
    if preference == "light":
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def chart_text_colour(dark: bool) -> str:
    """Chart titles and labels: readable on the dark and on the light palette."""
    return "#c9d1d9" if dark else "#334155"


def apply(app: QApplication, preference: str) -> None:
    """Use the Fusion style everywhere (consistent on all OSes) with a light or dark palette."""
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if wants_dark(preference) else app.style().standardPalette())
    app.setProperty("cre_desk_dark", wants_dark(preference))


def follow_system(app: QApplication, preference_getter) -> None:
    """Re-apply the palette when the OS switches between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply(app, preference_getter()))
