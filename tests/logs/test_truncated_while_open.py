"""I-6: a log truncated while it is open must not kill the process with SIGBUS (engine, CLI path, GUI)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINE = "11-20 10:14:02.118  1234  1234 W Braze: No activity is currently registered for the message\n"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses to truncate a mapped file")


def _run_and_truncate(script: str, log: Path) -> subprocess.CompletedProcess:
    """Run ``script`` (which prints "open" once the log is mapped, then waits for a line on stdin), truncate
    the log to nothing, let the script read the whole log again, and return how it ended."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="")
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert proc.stdout.readline().strip() == "open", proc.stderr.read()[-2000:]
    os.truncate(log, 0)
    out, err = proc.communicate("go\n", timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_i6_engine_reads_a_log_truncated_under_it_without_sigbus(tmp_path):
    log = tmp_path / "device.log"
    log.write_text(LINE * 100_000, encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        from cre_desk.logs.document import LogDocument
        from cre_desk.logs.search_patterns import compile_user_pattern
        doc = LogDocument({str(log)!r})
        doc.build()
        print("open", flush=True)
        sys.stdin.readline()
        texts = [doc.line_text(n) for n in range(0, len(doc.index), 97)]
        hits = doc.search_lines(compile_user_pattern("registered$", regex=True, case_sensitive=True))
        print("read", len(texts), "shrunk", doc.index.shrunk(), flush=True)
        doc.close()
    """)
    result = _run_and_truncate(script, log)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert "shrunk True" in result.stdout


def test_i6_gui_survives_its_open_log_being_truncated(tmp_path):
    home = tmp_path / "home"
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from cre_desk.config import Settings, default_paths
        from cre_desk.core.tickets import TicketFields
        from cre_desk.db.workspace import open_workspace
        from cre_desk.gui.context import AppContext
        from cre_desk.gui.main_window import MainWindow
        app = QApplication([])
        ws = open_workspace(default_paths(Path({str(home)!r})))
        source = Path({str(tmp_path / "customer.log")!r})
        source.write_text({LINE!r} * 100_000, encoding="utf-8")
        ticket = ws.tickets.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"))
        record = ws.tickets.attach_file(ticket.id, source)
        ctx = AppContext(ws, Settings(user_name="Aki"), ws.paths)
        window = MainWindow(); window.attach_workspace(ctx); window.show()
        def spin(cond, limit=30):
            end = time.time() + limit
            while not cond() and time.time() < end:
                app.processEvents(); time.sleep(0.01)
        window.queue.reload()
        spin(lambda: window.queue.model.row_of(ticket.id) >= 0)
        window.queue.select_ticket(ticket.id)
        spin(lambda: window.pane.ticket is not None)
        window.show_tab(3)
        logs = window.pane.logs
        spin(lambda: logs.left.doc is not None and logs.left.doc.ready)
        print(ws.tickets.attachment_path(record), flush=True)
        print("open", flush=True)
        sys.stdin.readline()
        table = logs.left.table
        top = table.verticalScrollBar().maximum()
        for value in range(0, top, max(1, top // 50)):
            table.verticalScrollBar().setValue(value)
            table.viewport().repaint()
            app.processEvents()
        logs.left.doc.line_text(len(logs.left.doc.index) - 1)
        print("scrolled", flush=True)
        window.close()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    stored = Path(proc.stdout.readline().strip())
    assert proc.stdout.readline().strip() == "open", proc.stderr.read()[-2000:]
    os.truncate(stored, 0)
    out, err = proc.communicate("go\n", timeout=120)
    assert proc.returncode == 0, (proc.returncode, err[-2000:])
    assert "scrolled" in out
