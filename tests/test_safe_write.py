"""Exports appear whole or not at all: no reader sees a half-written file; a failed write keeps the old."""

from __future__ import annotations

import threading

import pytest

from cre_desk import safe_write


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.csv"
    safe_write.write_text(target, "old,report\n")
    with pytest.raises(UnicodeEncodeError):
        safe_write.write_text(target, "new " * 1000 + "\udcff")   # cannot be encoded: fails mid-way
    assert target.read_text(encoding="utf-8") == "old,report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_reader_polling_for_the_file_never_reads_it_empty(tmp_path):
    """What a user's editor, a sync client or a test watching for the export sees."""
    target = tmp_path / "voice.html"
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                seen.append(target.read_text(encoding="utf-8"))
            except FileNotFoundError:
                pass   # between two exports (the loop removes each one)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for n in range(200):
            target.unlink(missing_ok=True)
            safe_write.write_text(target, f"<h1>report {n}</h1>" + "x" * 50_000)
    finally:
        stop.set()
        watcher.join()
    assert seen and all(text.startswith("<h1>report ") and len(text) > 50_000 for text in seen)
