"""Paints log lines with syntax colours, level tints, search hits, marks and finding markers.

Only rows on screen are painted, and the highlighter caches per line, so scrolling a huge file
costs the same as a small one. Colours come in a light and a dark set, both readable.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate

from cre_desk.gui.log_model import (
    ENTRY_ROLE,
    FINDING_ROLE,
    HIT_ROLE,
    LEVEL_ROLE,
    LINE_ROLE,
    MARKED_ROLE,
    NUMBER_COLUMN,
)
from cre_desk.logs import highlight
from cre_desk.logs.entry import ERROR, FATAL, WARN

#: Characters painted per line; a longer line is cut with an ellipsis (its full text stays available).
PAINT_CHARS = 2000
_CLOCK = re.compile(r"\d\d:\d\d:\d\d(?:[.,]\d{1,6})?")
#: Control characters, zero-width characters and bidi controls: shown as escapes, never interpreted (I-5).
_CONTROL = re.compile("[\x00-\x1f\x7f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
#: Laid-out lines kept for repainting (scrolling back and forth repaints the same lines).
LAYOUT_CACHE = 3000
#: Compact lines: a tag shows 12 to 60 characters, leaving the message at least 24 where the column allows.
COMPACT_TAG_MIN, COMPACT_TAG_MAX = 12, 60
COMPACT_CLOCK_CHARS, COMPACT_MESSAGE_CHARS = 15, 24


def _visible(text: str) -> str:
    """Control characters and bidi overrides shown as escapes, never interpreted."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)

def _shorten(tag: str, chars: int) -> str:
    """``tag`` in at most ``chars`` characters: its start and its end (the class name) around an ellipsis."""
    if len(tag) <= chars:
        return tag
    head = chars // 3
    return tag[:head] + "…" + tag[len(tag) - (chars - head - 1):]


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
        self._layouts: dict = {}      # (doc, line, compact, fatal, generation) -> QTextLayout, oldest first
        self._generation = 0

    def clear_cache(self) -> None:
        """Forget laid-out lines (a new document, or entries changed once indexing finished)."""
        self._layouts.clear()

    def refresh_colours(self) -> None:
        self.colours = palette_colours()
        self._generation += 1
        self._layouts.clear()

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
        compact = False
        entry = None
        if getattr(model, "compact", False):
            entry = index.data(ENTRY_ROLE)
            compact = entry is not None and entry.parsed and bool(entry.tag or entry.level)
        if selected:
            pieces = self._compact_pieces(text, entry, self._tag_chars(rect.width())) if compact else None
            plain = "".join(piece for piece, _kind in (pieces if pieces is not None
                                                        else [(text, "text")]))
            painter.setPen(base)
            painter.drawText(rect.adjusted(4, 0, -2, 0), _LEFT, _visible(plain))
            return
        tag_chars = self._tag_chars(rect.width()) if compact else 0
        key = (id(getattr(model, "doc", None)), index.data(LINE_ROLE), compact, tag_chars, level >= FATAL,
               self._generation)
        layout = self._layouts.get(key)
        if layout is None:
            if compact:
                pieces = self._compact_pieces(text, entry, tag_chars)
            else:
                pieces = self._full_pieces(text, level)
            layout = self._layout(pieces, base)
            if len(self._layouts) >= LAYOUT_CACHE:
                self._layouts.pop(next(iter(self._layouts)))
            self._layouts[key] = layout
        painter.setClipRect(rect.adjusted(4, 0, -2, 0))
        painter.setPen(base)
        layout.draw(painter, QPointF(rect.left() + 4, rect.top() + (rect.height() - self.metrics.height()) / 2))

    # -- pieces: (text, colour kind) in order; painting them is one cached text layout per line ---------

    def _full_pieces(self, text: str, level: int) -> list[tuple[str, str]]:
        pieces, position = [], 0
        for start, length, kind in highlight.spans(text, self.format):
            if start > position:
                pieces.append((text[position:start], "text"))
            if kind.startswith("level_") and level >= FATAL:
                kind = "level_f"
            pieces.append((text[start:start + length], kind))
            position = start + length
        if position < len(text):
            pieces.append((text[position:], "text"))
        return pieces

    def _tag_chars(self, width: int) -> int:
        """How many characters of a tag a compact line shows: the message keeps room in a narrow column."""
        columns = max(0, width - 6) // max(1, self.metrics.horizontalAdvance("0"))
        room = columns - COMPACT_CLOCK_CHARS - COMPACT_MESSAGE_CHARS
        return max(COMPACT_TAG_MIN, min(COMPACT_TAG_MAX, room))

    def _compact_pieces(self, raw: str, entry, tag_chars: int = 60) -> list[tuple[str, str]]:
        """Time, level, tag and message only: two logs fit side by side (a long tag is cut in its middle)."""
        if entry.extra.get("continuation"):
            return [("    ", "text"), *self._message_pieces(raw)]
        pieces = []
        clock = _CLOCK.search(raw[:48])
        if clock:
            pieces.append((clock.group(0) + " ", "timestamp"))
        pieces.append(((entry.level_letter or "·") + " ", highlight.level_kind(entry.level)))
        if entry.tag:
            pieces.append((_shorten(entry.tag, tag_chars), "tag"))
            pieces.append((": ", "punct"))
        return pieces + self._message_pieces(entry.message.split("\n", 1)[0][:PAINT_CHARS])

    def _message_pieces(self, message: str) -> list[tuple[str, str]]:
        pieces, position = [], 0
        for start, length, kind in highlight.spans(message, "generic"):
            if start > position:
                pieces.append((message[position:start], "text"))
            pieces.append((message[start:start + length], kind))
            position = start + length
        if position < len(message):
            pieces.append((message[position:], "text"))
        return pieces

    def _layout(self, pieces: list[tuple[str, str]], base: QColor) -> QTextLayout:
        text_parts, formats, position = [], [], 0
        for piece, kind in pieces:
            shown = _visible(piece)
            if not shown:
                continue
            if kind != "text" and kind in self.colours:
                fmt = QTextCharFormat()
                fmt.setForeground(self.colours[kind])
                span = QTextLayout.FormatRange()
                span.start, span.length, span.format = position, len(shown), fmt
                formats.append(span)
            text_parts.append(shown)
            position += len(shown)
        layout = QTextLayout("".join(text_parts), self.font)
        layout.setFormats(formats)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setLineWidth(1_000_000)
        layout.endLayout()
        return layout

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
