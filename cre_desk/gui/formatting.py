"""Small display helpers shared by views: ages, dates and vocabulary labels in the UI language."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from cre_desk.core.vocabulary import label


def ui_language() -> str:
    """'ja' when the UI runs in Japanese, else 'en'."""
    app = QCoreApplication.instance()
    lang = app.property("cre_desk_language") if app is not None else None
    return lang if lang in ("en", "ja") else "en"


def vocab(value: str) -> str:
    return label(value, ui_language())


def age(since: datetime, now: datetime | None = None) -> str:
    """A compact age like '3d 4h', '2h 05m' or '12m'."""
    now = now or datetime.now(UTC)
    seconds = max(0, int((now - since).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"


def local_time(when: datetime | None) -> str:
    if when is None:
        return ""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def plain_tooltip(text: str) -> str:
    """Tooltips guess rich text, so customer text is escaped into markup that shows it literally."""
    import html

    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_label(label=None, *, wrap: bool = False, selectable: bool = False):
    """A QLabel that shows text literally: customer text must never be guessed to be rich text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = label if label is not None else QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
