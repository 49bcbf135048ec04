"""Whole-file search: anchors mean line start/end (R-3, checked against grep) and one huge line is cheap."""

from __future__ import annotations

import random
import shutil
import subprocess
import tracemalloc

import numpy as np
import pytest

from cre_desk.logs.document import LogDocument
from cre_desk.logs.search_patterns import compile_user_pattern


def _doc(path):
    doc = LogDocument(path)
    doc.build()
    return doc


@pytest.fixture(scope="module")
def random_log(tmp_path_factory):
    """~4 MB of logcat-like lines (several search blocks), many ending in z, many starting with digits."""
    rnd = random.Random(5)
    words = ["Braze", "session", "z", "zz", "az", "token", "push", "0x1f", "a", "b"]
    lines = []
    for n in range(60_000):
        body = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12)))
        lines.append(f"11-20 10:{n % 60:02d}:02.118  1234  5678 W Tag: {body}" if n % 3 else body)
    path = tmp_path_factory.mktemp("search") / "device.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _grep(path, pattern):
    out = subprocess.run(["grep", "-n", "-E", pattern, str(path)], capture_output=True, text=True).stdout
    return [int(line.split(":", 1)[0]) - 1 for line in out.splitlines()]


@pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")
@pytest.mark.parametrize("pattern", ["z$", "^z", "^[0-9]+-", "a z$", "^Braze .*z$", "^$|^a$", "token$"])
def test_r3_anchors_match_line_starts_and_ends_like_grep(random_log, pattern):
    """R-3: `z$` found 0 lines where grep finds thousands: ^/$ only matched at search-block boundaries."""
    doc = _doc(random_log)
    try:
        found = doc.search_lines(compile_user_pattern(pattern, regex=True, case_sensitive=True))
        expected = _grep(random_log, pattern)
        assert len(expected) > 0 or pattern == "^$|^a$"
        assert sorted(set(found.tolist())) == expected
    finally:
        doc.close()


@pytest.mark.parametrize("pattern, regex", [("a", True), ("aa|ab", True), ("ä", False)])
def test_search_on_one_huge_line_stops_at_its_first_hit(tmp_path, pattern, regex):
    """One 8 MB line that matches millions of times is one hit: memory stays small (it took 2.9 GB on
    50 MB when every match was collected)."""
    path = tmp_path / "one-line.log"
    with open(path, "wb") as fh:
        fh.write(b"short line\n")
        fh.write(("a" * (8 << 20) if pattern != "ä" else "ä" * (4 << 20)).encode("utf-8") + b"\n")
        fh.write(b"end\n")
    doc = _doc(path)
    try:
        compiled = compile_user_pattern(pattern, regex=regex, case_sensitive=True)
        tracemalloc.start()
        try:
            found = doc.search_lines(compiled)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert np.array_equal(found, [1])
        assert peak < 16 << 20, f"peak {peak / (1 << 20):.0f} MiB"
    finally:
        doc.close()
