"""Render the main screens on a demo workspace to PNG files (for the README and for reviewing the UI).

Run under a real display server, e.g. ``xvfb-run -s "-screen 0 1600x1000x24" python tools/screenshots.py out/``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cre_desk.config import Settings, default_paths
from cre_desk.core.demo import load_demo
from cre_desk.db.workspace import open_workspace
from cre_desk.gui import app as gui_app
from cre_desk.gui import theme
from cre_desk.gui.context import AppContext
from cre_desk.gui.main_window import MainWindow
from cre_desk.gui.tasks import wait_for_all


def settle(app: QApplication, ms: int = 400) -> None:
    wait_for_all()
    done = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "shots")
    language = argv[1] if len(argv) > 1 else "en"
    style = argv[2] if len(argv) > 2 else "light"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    gui_app.install_translations(app, language)
    theme.apply(app, style)
    home = Path(tempfile.mkdtemp())
    workspace = open_workspace(default_paths(home))
    load_demo(workspace.tickets)
    ctx = AppContext(workspace, Settings(user_name="Aki Sato", language=language), workspace.paths)
    window = MainWindow()
    window.resize(1440, 900)
    window.attach_workspace(ctx)
    window.show()
    settle(app, 800)
    rows = window.queue.rows()
    target = next(r for r in rows if "Coupon" in r.title)
    window.queue.select_ticket(target.id)
    settle(app, 800)
    for index, name in enumerate(("overview", "checklist", "timeline")):
        window.show_tab(index)
        settle(app)
        window.grab().save(str(out / f"{name}-{language}-{style}.png"))
    window.show_tab(3)
    settle(app, 1500)
    logs = window.pane.logs
    combo = logs.compare_combo
    target = next(i for i in range(combo.count()) if getattr(combo.itemData(i), "baseline", None)
                  == "braze-android-iam")
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    settle(app, 1500)
    logs.left.go_to_line(12)
    settle(app, 300)
    window.grab().save(str(out / f"logs-{language}-{style}.png"))
    window.show_tab(4)
    settle(app, 1200)
    window.grab().save(str(out / f"reply-{language}-{style}.png"))
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
