"""Labels for text of any length that never widen the window: one line elided, or notices one per line.

A plain QLabel asks its layout for the width of its whole text; a 300-character file name in a notice
then pushes the window past the screen's edge. These labels ask for little and show the full text in
their tooltip.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyleOption

from cre_desk.gui.formatting import plain_tooltip

#: Longest run of characters without a space shown whole in a wrapped notice (longer ones lose their middle).
LONGEST_WORD = 40


def shorten_long_words(text: str, limit: int = LONGEST_WORD) -> str:
    """Cut the middle out of runs longer than ``limit`` (file names, paths), so word wrap can work."""
    keep = (limit - 1) // 2
    return re.sub(rf"\S{{{limit + 1},}}", lambda m: m.group(0)[:keep] + "…" + m.group(0)[-keep:], text)


def never_wider(label: QLabel) -> QLabel:
    """Let a wrapped label take the width it is given instead of asking for its longest word's width."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, label.sizePolicy().verticalPolicy())
    policy.setHeightForWidth(label.wordWrap())
    label.setSizePolicy(policy)
    return label


class ElidedLabel(QLabel):
    """One line of plain text, cut with "…" to the width it gets; the whole text is in the tooltip."""

    def __init__(self, text: str = "", parent=None, *, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 min_chars: int = 8) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._mode = mode
        self._min_chars = min_chars
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setToolTip(plain_tooltip(text) if text and self._elided(self.width()) != text else "")

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        least = self.fontMetrics().averageCharWidth() * self._min_chars
        return QSize(min(hint.width(), least), hint.height())

    def _elided(self, width: int) -> str:
        return self.fontMetrics().elidedText(self.text().replace("\n", " "), self._mode, max(0, width))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        text = self.text()
        cut = text and self._elided(self.contentsRect().width()) != text
        self.setToolTip(plain_tooltip(text) if cut else "")

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect()
        self.style().drawItemText(painter, rect, int(self.alignment()) | Qt.AlignmentFlag.AlignVCenter,
                                  option.palette, self.isEnabled(), self._elided(rect.width()),
                                  self.foregroundRole())

    def full_text(self) -> str:
        return self.text()


class NoticeLabel(QLabel):
    """Notices, one per line, wrapped; over-long names are shortened in the middle (whole in the tooltip)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        never_wider(self)
        self._lines: list[str] = []

    def set_lines(self, lines: list[str]) -> None:
        self._lines = list(lines)
        shown = [shorten_long_words(line) for line in self._lines]
        self.setText("\n".join(shown))
        self.setToolTip(plain_tooltip("\n".join(self._lines)) if shown != self._lines else "")

    def lines(self) -> list[str]:
        """The notices as given, before any shortening."""
        return list(self._lines)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * LONGEST_WORD), hint.height())

