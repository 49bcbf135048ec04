"""A second CRE Desk on the same data is refused politely and never touches the first one's database;
a lock left by a killed instance is taken over at once (RELIABILITY C-4, C-5)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cre_desk.config import default_paths
from cre_desk.gui.single_instance import InstanceLock

HOLD_LOCK = """
import sys, time
from cre_desk.gui.single_instance import InstanceLock
from pathlib import Path
lock = InstanceLock(Path(sys.argv[1]))
print("locked" if lock.acquire() else "refused", flush=True)
time.sleep(60)
"""


def _env(home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRE_DESK_HOME=str(home))
    return env


def test_stale_lock_after_kill_is_taken_over_quickly(tmp_path, qapp):
    lock_path = tmp_path / "cre-desk.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert not InstanceLock(lock_path).acquire(timeout_ms=100)
        holder.send_signal(signal.SIGKILL)
        holder.wait(5)
        started = time.monotonic()
        assert InstanceLock(lock_path).acquire(timeout_ms=100)
        assert time.monotonic() - started < 1.0
    finally:
        holder.kill()


@pytest.mark.slow
def test_second_app_start_hands_over_and_exits(tmp_path):
    home = tmp_path / "home"
    first = subprocess.Popen([sys.executable, "-m", "cre_desk"], env=_env(home),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        paths = default_paths(home)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (paths.lock_file.exists() and paths.database.exists()):
            time.sleep(0.1)
        assert paths.lock_file.exists(), "first instance never started"
        time.sleep(1.0)
        before = paths.database.stat().st_mtime_ns
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "cre_desk"], env=_env(home), capture_output=True,
                                text=True, timeout=30)
        elapsed = time.monotonic() - started
        assert second.returncode == 0
        assert "already running" in second.stderr
        assert elapsed < 10  # interpreter + Qt start-up; the refusal itself takes well under a second
        assert first.poll() is None, "the first instance must keep running"
        assert paths.database.stat().st_mtime_ns == before
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.wait(10)
        except subprocess.TimeoutExpired:
            first.kill()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to tell processes apart")
def test_c5_a_lock_naming_a_reused_live_pid_is_taken_over(tmp_path, qapp):
    """C-5: the instance that wrote the lock was killed and its PID now belongs to another live process
    (here: one that took the same kind of lock): that is not a running CRE Desk."""
    lock_path = tmp_path / "cre-desk.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock_path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert not InstanceLock(lock_path).acquire(timeout_ms=100)   # a real running instance: refused
        # What a killed CRE Desk with this PID would have left: the same PID, another start time.
        (tmp_path / "cre-desk.lock.owner").write_text(f"{holder.pid} 1\n", encoding="ascii")
        lock = InstanceLock(lock_path)
        started = time.monotonic()
        assert lock.acquire(timeout_ms=100)
        assert time.monotonic() - started < 1.0
        lock.release()
    finally:
        holder.kill()
