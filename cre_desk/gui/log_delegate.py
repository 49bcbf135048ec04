"""Paints log lines with syntax colours, level tints, search hits, marks and finding markers.

Only rows on screen are painted, and the highlighter caches per line, so scrolling a huge file
costs the same as a small one. Colours come in a light and a dark set, both readable.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate

from cre_desk.gui.log_model import ENTRY_ROLE, FINDING_ROLE, HIT_ROLE, LEVEL_ROLE, MARKED_ROLE, NUMBER_COLUMN
from cre_desk.logs import highlight
from cre_desk.logs.entry import ERROR, FATAL, WARN

#: Characters painted per line; a longer line is cut with an ellipsis (its full text stays available).
PAINT_CHARS = 2000
_CLOCK = re.compile(r"\d\d:\d\d:\d\d(?:[.,]\d{1,6})?")
#: Control characters and bidi overrides: shown as escapes, never interpreted.
_CONTROL = re.compile("[\x00-\x1f\u202a-\u202e\u2066-\u2069]")
_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft

LIGHT = {
    "timestamp": "#5b6b7f", "pid": "#8a8f98", "level_v": "#8a8f98", "level_d": "#2f6f9f", "level_i": "#1f7a3a",
    "level_w": "#a35f00", "level_e": "#c0262d", "level_f": "#9c1c8f", "tag": "#6a3fb5", "number": "#0b6e79",
    "string": "#8a4b08", "url": "#1558d6", "uuid": "#0b6e79", "hex": "#0b6e79", "exception": "#c0262d",
    "frame": "#7a7f87", "key": "#6a3fb5", "punct": "#8a8f98",
    "tint_w": "#fff7e6", "tint_e": "#fdecec", "hit": "#ffe58a", "mark": "#3b82f6", "finding": "#e11d48",
}
DARK = {
    "timestamp": "#8fa3b8", "pid": "#7d8590", "level_v": "#7d8590", "level_d": "#79b8ff", "level_i": "#7ee787",
    "level_w": "#f2cc60", "level_e": "#ff7b72", "level_f": "#ff9bd2", "tag": "#d2a8ff", "number": "#56d4dd",
    "string": "#e3b341", "url": "#79c0ff", "uuid": "#56d4dd", "hex": "#56d4dd", "exception": "#ff7b72",
    "frame": "#8b949e", "key": "#d2a8ff", "punct": "#7d8590",
    "tint_w": "#3a3320", "tint_e": "#3d2326", "hit": "#6b5a12", "mark": "#60a5fa", "finding": "#fb7185",
}


def log_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def palette_colours(dark: bool | None = None) -> dict[str, QColor]:
    if dark is None:
        app = QApplication.instance()
        dark = bool(app.property("cre_desk_dark")) if app is not None else False
    return {k: QColor(v) for k, v in (DARK if dark else LIGHT).items()}


class LogLineDelegate(QStyledItemDelegate):
    """Draws the text column; the line-number column shows mark and finding markers."""

    def __init__(self, fmt: str, parent=None) -> None:
        super().__init__(parent)
        self.format = fmt if fmt in highlight.FORMATS else "auto"
        self.font = log_font()
        self.metrics = QFontMetrics(self.font)
        self.colours = palette_colours()

    def refresh_colours(self) -> None:
        self.colours = palette_colours()

    def sizeHint(self, option, index) -> QSize:
        return QSize(self.metrics.horizontalAdvance("0") * 120, self.metrics.height() + 2)

    def paint(self, painter, option, index) -> None:
        painter.save()
        try:
            self._paint(painter, option, index)
        finally:
            painter.restore()

    def _paint(self, painter, option, index) -> None:
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        level = index.data(LEVEL_ROLE) or 0
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif index.data(HIT_ROLE) and index.column() != NUMBER_COLUMN:
            painter.fillRect(rect, self.colours["hit"])
        elif level >= ERROR:
            painter.fillRect(rect, self.colours["tint_e"])
        elif level == WARN:
            painter.fillRect(rect, self.colours["tint_w"])
        painter.setFont(self.font)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        base = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        if index.column() == NUMBER_COLUMN:
            self._paint_gutter(painter, rect, text, index, base)
            return
        if len(text) > PAINT_CHARS:
            text = text[:PAINT_CHARS] + " …"
        model = index.model()
        if getattr(model, "compact", False):
            entry = index.data(ENTRY_ROLE)
            if entry is not None and entry.parsed and (entry.tag or entry.level):
                self._paint_compact(painter, rect, text, entry, base, selected)
                return
        x = rect.left() + 4
        baseline_rect = rect.adjusted(4, 0, -2, 0)
        if selected:
            painter.setPen(base)
            painter.drawText(baseline_rect, _LEFT, text)
            return
        position = 0
        for start, length, kind in highlight.spans(text, self.format):
            if start > position:
                x = self._draw(painter, rect, x, text[position:start], base)
            colour = self.colours.get(kind, base)
            if kind.startswith("level_") and level >= FATAL:
                colour = self.colours["level_f"]
            x = self._draw(painter, rect, x, text[start:start + length], colour)
            position = start + length
            if x > rect.right():
                return
        if position < len(text):
            self._draw(painter, rect, x, text[position:], base)

    def _paint_compact(self, painter, rect: QRect, raw: str, entry, base: QColor, selected: bool) -> None:
        """Time, level, tag and message only: two logs fit side by side."""
        def colour(kind: str) -> QColor:
            return base if selected else self.colours.get(kind, base)

        x = rect.left() + 4
        if entry.extra.get("continuation"):
            x += self.metrics.horizontalAdvance("0") * 4
            self._paint_message(painter, rect, x, raw, base, selected)
            return
        clock = _CLOCK.search(raw[:48])
        if clock:
            x = self._draw(painter, rect, x, clock.group(0) + " ", colour("timestamp"))
        letter = entry.level_letter or "·"
        x = self._draw(painter, rect, x, letter + " ", colour(highlight.level_kind(entry.level)))
        if entry.tag:
            x = self._draw(painter, rect, x, entry.tag[:60], colour("tag"))
            x = self._draw(painter, rect, x, ": ", colour("punct"))
        message = entry.message.split("\n", 1)[0][:PAINT_CHARS]
        self._paint_message(painter, rect, x, message, base, selected)

    def _paint_message(self, painter, rect: QRect, x: int, message: str, base: QColor, selected: bool) -> None:
        if selected:
            self._draw(painter, rect, x, message, base)
            return
        position = 0
        for start, length, kind in highlight.spans(message, "generic"):
            if start > position:
                x = self._draw(painter, rect, x, message[position:start], base)
            x = self._draw(painter, rect, x, message[start:start + length], self.colours.get(kind, base))
            position = start + length
            if x > rect.right():
                return
        if position < len(message):
            self._draw(painter, rect, x, message[position:], base)

    def _draw(self, painter, rect: QRect, x: int, piece: str, colour: QColor) -> int:
        if not piece or x > rect.right():
            return x
        if _CONTROL.search(piece):
            piece = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                 else f"\\u{ord(m.group()):04x}", piece)
        width = self.metrics.horizontalAdvance(piece)
        painter.setPen(colour)
        painter.drawText(QRect(x, rect.top(), width + 2, rect.height()), _LEFT, piece)
        return x + width

    def _paint_gutter(self, painter, rect: QRect, text: str, index, base: QColor) -> None:
        marker = rect.adjusted(2, 3, 0, -3)
        marker.setWidth(4)
        if index.data(MARKED_ROLE):
            painter.fillRect(marker, self.colours["mark"])
        if index.data(FINDING_ROLE):
            painter.fillRect(marker.translated(6, 0), self.colours["finding"])
        painter.setPen(self.colours["pid"] if not (index.data(MARKED_ROLE)) else base)
        painter.drawText(rect.adjusted(12, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         text)
