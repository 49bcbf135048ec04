"""Start-up to a painted main window, against a minimal PySide6 window measured in the same run.

Each variant runs in a fresh interpreter (so imports are really paid) several times; the figure is the
median wall time from process start to the first paint event of the window.

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

MINIMAL = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QObject, QEvent, QTimer
app = QApplication([])
class W(QMainWindow):
    def paintEvent(self, e):
        super().paintEvent(e)
        print(f"PAINTED {time.time() - t0:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)
w = W(); w.resize(1280, 800); w.show()
app.exec()
"""

APP = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
from cre_desk.gui.main_window import MainWindow
orig = MainWindow.paintEvent
def paint(self, e):
    orig(self, e)
    if not getattr(self, "_reported", False):
        self._reported = True
        print(f"PAINTED {time.time() - t0:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)
MainWindow.paintEvent = paint
import cre_desk.gui.app as gui_app
gui_app.run_gui()
"""


def measure(code: str, runs: int, env: dict) -> list[float]:
    figures = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            run_env = dict(env, CRE_DESK_HOME=home)
            t0 = time.time()
            out = subprocess.run([sys.executable, "-c", code, str(t0)], env=run_env, capture_output=True,
                                 text=True, timeout=120)
            line = next((ln for ln in out.stdout.splitlines() if ln.startswith("PAINTED")), None)
            if line is None:
                raise SystemExit(f"no paint reported:\n{out.stdout}\n{out.stderr}")
            figures.append(float(line.split()[1]))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    measure(MINIMAL, 1, env)  # warm the OS file cache for both
    minimal = statistics.median(measure(MINIMAL, args.runs, env))
    app = statistics.median(measure(APP, args.runs, env))
    print(f"minimal PySide6 window painted: {minimal * 1000:7.1f} ms (median of {args.runs})")
    print(f"CRE Desk main window painted:   {app * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio CRE Desk / minimal:        {app / minimal:7.2f}x  (target <= 2.0x)")


if __name__ == "__main__":
    main()
