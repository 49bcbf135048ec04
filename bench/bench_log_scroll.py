"""Frame times while scrolling a highlighted log, next to scrolling the same rows with highlighting off.

    QT_QPA_PLATFORM=offscreen python bench/bench_log_scroll.py [FILE]

Uses the 100 MB file from bench_logs.py (bench/out/) unless a file is given. Each frame scrolls one
page and repaints the view synchronously, so the time covers parsing, highlighting and painting.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from cre_desk.gui.log_pane import LogPane  # noqa: E402
from cre_desk.logs import highlight  # noqa: E402
from cre_desk.logs.document import LogDocument  # noqa: E402


def frames(app: QApplication, pane: LogPane, count: int) -> list[float]:
    bar = pane.table.verticalScrollBar()
    step = max(1, bar.pageStep())
    out = []
    for n in range(count):
        bar.setValue((n * step * 37) % max(1, bar.maximum()))  # jump around: every frame is new rows
        start = time.perf_counter()
        pane.table.viewport().repaint()
        app.processEvents()
        out.append(time.perf_counter() - start)
    return out


def wheel(app: QApplication, pane: LogPane, count: int) -> list[float]:
    """Mouse-wheel scrolling: three rows per frame; Qt moves the pixels and paints only the new rows."""
    bar = pane.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    app.processEvents()
    out = []
    for _ in range(count):
        start = time.perf_counter()
        bar.setValue(bar.value() + 3)
        pane.table.viewport().update()
        app.processEvents()
        out.append(time.perf_counter() - start)
    return out


def p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9) - 1]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "out" / "logcat_threadtime_100M.log"
    if not path.exists():
        sys.exit(f"{path} is missing: run bench/bench_logs.py --sizes 100M first")
    app = QApplication([])
    pane = LogPane()
    pane.resize(1400, 1000)
    pane.show()
    doc = LogDocument(path)
    pane.open_document(doc)
    while not doc.ready:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    rows = pane.table.viewport().height() // pane.table.verticalHeader().defaultSectionSize()
    results = {}
    for label, compact in (("compact (time, level, tag, message)", True), ("full lines", False)):
        pane.compact_box.setChecked(compact)
        frames(app, pane, 20)  # warm up
        results[label] = frames(app, pane, 200)
        results[label + ", wheel"] = wheel(app, pane, 200)
    original = highlight.spans
    highlight.spans = lambda line, fmt="auto": []
    try:
        frames(app, pane, 20)
        plain = frames(app, pane, 200)
    finally:
        highlight.spans = original
    print(f"{path.name}: {len(doc):,} lines, {rows} rows on screen, 200 page jumps each")
    for label, values in results.items():
        print(f"  highlighted, {label:44s} median {statistics.median(values) * 1000:5.1f} ms, "
              f"p90 {p90(values) * 1000:5.1f} ms (target p90 <= 16 ms)")
    print(f"  no highlighting, page jumps (baseline)                   median {statistics.median(plain) * 1000:5.1f} ms, "
          f"p90 {p90(plain) * 1000:5.1f} ms")
    pane.close_document()


if __name__ == "__main__":
    main()
