"""Attaching a large log (redaction on, the app's default) beside ``cp`` of the same file, in the same run,
and how soon a Cancel stops the copy.

Usage: python bench/bench_attach.py [FILE] — default: the 1 GB log bench_logs.py generates in bench/out.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cre_desk.actions import attach  # noqa: E402
from cre_desk.config import default_paths  # noqa: E402
from cre_desk.core.tickets import TicketFields  # noqa: E402
from cre_desk.db.workspace import open_workspace  # noqa: E402
from cre_desk.errors import Cancelled  # noqa: E402


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "out" / "logcat_threadtime_1G.log"
    if not source.exists():
        raise SystemExit(f"{source} is missing: run bench/bench_logs.py --sizes 1G first")
    size_mb = source.stat().st_size / 2**20
    with tempfile.TemporaryDirectory(prefix="cre-desk-attach-", dir=ROOT / "bench" / "out") as tmp:
        tmp_path = Path(tmp)
        subprocess.run(["cat", str(source)], stdout=subprocess.DEVNULL, check=True)   # warm the page cache
        cps, attaches = [], []
        paths = default_paths(tmp_path / "home")
        workspace = open_workspace(paths)
        service = workspace.tickets
        for run in range(3):
            target = tmp_path / f"copy-{run}.log"
            t = time.perf_counter()
            subprocess.run(["cp", str(source), str(target)], check=True)
            cps.append(time.perf_counter() - t)
            target.unlink()
            ticket = service.create_ticket(TicketFields(title=f"bench {run}", symptom="other"), actor="bench")
            t = time.perf_counter()
            outcome, = attach.attach_files(service, ticket.id, [source], temp_dir=paths.temp_dir / "attach")
            attaches.append(time.perf_counter() - t)
            assert outcome.attached, outcome
        stops = [_cancel_latency(source, paths.temp_dir / "attach", after=0.1 + 0.2 * run)
                 for run in range(3)]
        workspace.close()
    cp_t, attach_t = statistics.median(cps), statistics.median(attaches)
    print(f"bench_attach: {source.name} ({size_mb:,.0f} MB), medians of 3")
    print(f"  cp                              {cp_t:6.2f} s")
    print(f"  attach with redaction            {attach_t:6.2f} s   {attach_t / cp_t:.2f}x cp (target ≤ 2x)"
          f"   {'ok' if attach_t <= 2 * cp_t else 'MISS'}")
    print(f"  Cancel to copy stopped and removed {max(stops) * 1000:6.1f} ms (worst of 3)")
    return 0


def _cancel_latency(source: Path, temp_dir: Path, after: float) -> float:
    """Seconds from a cancel, ``after`` seconds into attaching, until the copy has stopped and is gone."""
    import threading

    stop = threading.Event()
    ended: list[float] = []

    def run() -> None:
        try:
            attach.prepare([source], temp_dir, redact=True, cancel=stop.is_set)
        except Cancelled:
            pass
        ended.append(time.perf_counter())

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(after)
    asked = time.perf_counter()
    stop.set()
    worker.join()
    assert not any(temp_dir.iterdir()), "a cancelled copy was left behind"
    return ended[0] - asked


if __name__ == "__main__":
    raise SystemExit(main())
