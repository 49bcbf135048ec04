"""Draw the CRE Desk application icon and write packaging/icons/cre-desk.png (512 px) and cre-desk.ico.

The icon is drawn with QPainter only (no fonts, no external files), so the output is the same on every
machine. The .ico holds PNG-compressed images at the sizes Windows asks for (16-256 px), each rendered
at its own size so small sizes stay crisp. macOS' .icns is made from the PNG by the release workflow
(`iconutil`), see docs/building.md.

Run after changing the drawing, then commit the generated files:

    python packaging/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parent / "icons"
PNG_SIZE = 512
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """Render the icon at ``size`` x ``size`` pixels (transparent outside the rounded square)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100.0, size / 100.0)  # draw on a 100 x 100 canvas

    # Rounded square with an indigo gradient (the dashboard's accent colour).
    tile = QRectF(4, 4, 92, 92)
    gradient = QLinearGradient(QPointF(0, 4), QPointF(0, 96))
    gradient.setColorAt(0.0, QColor("#6366f1"))
    gradient.setColorAt(1.0, QColor("#3730a3"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, 20, 20)

    # Three "log lines": a timestamp stub and a message, the last one highlighted as an error.
    rows = ((24, 46, "#c7d2fe"), (38, 36, "#c7d2fe"), (52, 28, "#fca5a5"))
    for y, length, colour in rows:
        p.setBrush(QColor("#a5b4fc"))
        p.drawRoundedRect(QRectF(16, y, 9, 7), 3.5, 3.5)
        p.setBrush(QColor(colour))
        p.drawRoundedRect(QRectF(29, y, length, 7), 3.5, 3.5)

    # A green badge with a check mark: the ticket is triaged.
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QPointF(68, 70), 19, 19)
    p.setBrush(QColor("#10b981"))
    p.drawEllipse(QPointF(68, 70), 15.5, 15.5)
    tick = QPainterPath(QPointF(60.5, 70.5))
    tick.lineTo(66, 76)
    tick.lineTo(76, 64.5)
    pen = QPen(QColor("#ffffff"), 4.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO container of PNG-compressed entries (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    directory = b""
    payload = b""
    offset = 6 + 16 * len(images)
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + directory + payload


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    png_path = OUT / "cre-desk.png"
    png_path.write_bytes(png_bytes(draw(PNG_SIZE)))
    ico_path = OUT / "cre-desk.ico"
    ico_path.write_bytes(ico_bytes([(size, png_bytes(draw(size))) for size in ICO_SIZES]))
    for path in (png_path, ico_path):
        check = QImage(str(path))
        if check.isNull():
            raise RuntimeError(f"{path} does not read back as an image")
        detail = f"{check.width()} px" if path.suffix == ".png" else "sizes " + ", ".join(map(str, ICO_SIZES))
        print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size} bytes, {detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
