"""Temporary copies of a ticket's logs do not outlive a killed app: the next start removes them.

The first process opens a zipped log the way the Logs tab does (unpacked into the ticket's temporary
folder) and is killed with SIGKILL while it holds it; the real app is then started on the same data folder
and must leave that folder empty.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import zipfile

import pytest

CHILD = """
import sys, time
from pathlib import Path
from cre_desk.config import default_paths
from cre_desk.logs import sources
from cre_desk.logs.document import LogDocument
paths = default_paths(Path(sys.argv[1]))
paths.ensure()
opened = sources.open_log_file(Path(sys.argv[2]), paths.ticket_temp_dir(7) / "attachment-1")
doc = LogDocument(opened.logs[0].path)
doc.build()
print("READY", flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_run_leaves_no_unpacked_logs_after_the_next_start(tmp_path):
    home = tmp_path / "home"
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("device.log", "11-20 10:14:02.118  1  1 I Braze v30.4.0 .Braze: hello\n" * 5000)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(bundle)], stdout=subprocess.PIPE,
                             env=env, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
        temp = home / "data" / "tmp"
        unpacked = sorted(p for p in temp.rglob("*") if p.is_file())
        assert any(p.suffix == ".log" for p in unpacked), "the zipped log was unpacked into the data folder"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert sorted(p for p in temp.rglob("*") if p.is_file()) == unpacked, "a killed run leaves its copies behind"
    started = subprocess.run([sys.executable, "-m", "cre_desk", "--home", str(home), "gui", "--smoke-quit-ms", "300"],
                             env=env, capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stdout[-2000:] + started.stderr[-2000:]
    assert "smoke: window opened" in started.stdout
    assert not temp.exists() or not any(temp.rglob("*")), "the next start sweeps what the killed run left"
