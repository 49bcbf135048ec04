"""A row of controls that wraps onto more lines when its space is narrow.

Rows of filters and options (a search box, check boxes, arrows, combo boxes) set the minimum width of
the whole window when laid out in a QHBoxLayout: on a 1280-pixel laptop screen the right side of the
window then ends off-screen, and in two side-by-side logs the search box shrank to nothing. This
layout keeps an optional main widget (a search or filter box) at a usable width and moves the
other controls to the next line when they no longer fit beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class WrapRow(QLayout):
    """Items in reading order; ``main`` (if given) takes the width left on its line, at least ``main_min``."""

    def __init__(self, parent: QWidget | None = None, main: QWidget | None = None, main_min: int = 200,
                 spacing: int = 6, *, claim_lines: bool = False) -> None:
        """``claim_lines``: the lines wrapped at the current width count in the minimum height (for a row in
        a box with nothing stretchable to give way, such as a group box in a splitter)."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._main_item: QLayoutItem | None = None
        self.main_min = main_min
        self._claim_lines = claim_lines
        self._width = 0
        self._height = 0
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)
        if main is not None:
            self.addWidget(main)
            self._main_item = self._items[-1]

    # -- QLayout bookkeeping ----------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:   # type: ignore[override]
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        if item is self._main_item:
            self._main_item = None
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:
        visible = self._visible()
        width = sum(self._hint(i).width() for i in visible) + self.spacing() * max(0, len(visible) - 1)
        height = max((self._hint(i).height() for i in visible), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        widths = [item.minimumSize().width() for item in self._visible()]
        margins = self.contentsMargins()
        width = max(widths, default=0) + margins.left() + margins.right()
        # One line: the lines it wraps onto come from heightForWidth at the width it is given, so a row that
        # could wrap at its narrowest never makes the window taller than the screen.
        height = max((item.minimumSize().height() for item in self._visible()), default=0)
        height += margins.top() + margins.bottom()
        if self._claim_lines and self._width > 0:
            height = max(height, self._height)
        return QSize(width, height)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, apply=True)
        self._width = rect.width()
        if self._claim_lines and height != self._height:
            self._height = height
            self.invalidate()
            parent = self.parentWidget()
            if parent is not None:
                parent.updateGeometry()

    # -- arranging --------------------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _hint(self, item: QLayoutItem, room: int | None = None) -> QSize:
        """The width an item asks for (at most ``room``, where a long label is cut rather than widening)."""
        if item is self._main_item:
            hint = QSize(max(self.main_min, item.minimumSize().width()), item.sizeHint().height())
        else:
            hint = item.sizeHint()
        if room is not None and hint.width() > room:
            hint.setWidth(max(room, item.minimumSize().width()))
        return hint

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items inside ``rect`` (when ``apply``); return the height they need."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self.spacing()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        room = area.width()
        for item in self._visible():
            width = self._hint(item, room).width()
            if lines[-1] and used + gap + width > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.top()
        for line in lines:
            if not line:
                continue
            height = max(self._hint(item).height() for item in line)
            fixed = sum(self._hint(item, room).width() for item in line if item is not self._main_item)
            fixed += gap * (len(line) - 1)
            x = area.left()
            for item in line:
                width = self._hint(item, room).width()
                if item is self._main_item:
                    width = max(item.minimumSize().width(), area.width() - fixed)
                if apply:
                    size = QSize(min(width, area.right() - x + 1), height)
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
                x += width + gap
            y += height + gap
        return y - gap - area.top() + margins.top() + margins.bottom() if y > area.top() else 0
