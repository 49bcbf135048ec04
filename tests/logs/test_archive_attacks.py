"""Archive attacks on the real import path: bzip2/LZMA bombs (A-3) and a member with an empty name."""

from __future__ import annotations

import tracemalloc
import zipfile

import pytest

from cre_desk.logs.sources import open_log_file
from cre_desk.logs.unpack_types import Limits

LOG_LINE = b"11-20 10:14:02.118  1234  1234 W Braze: No activity is currently registered\n"


def _bomb(path, method, size):
    level = 1 if method == zipfile.ZIP_BZIP2 else None
    with zipfile.ZipFile(path, "w", compression=method, compresslevel=level) as z:
        with z.open("device.log", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 24)
            for _ in range(size >> 24):
                member.write(block)
        z.writestr("app.log", LOG_LINE * 10)
    return path


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_a3_bzip2_and_lzma_bombs_are_capped_while_streaming(tmp_path, method):
    """A-3: a few KB that expand to 128 MiB: the entry is rejected at the ratio cap, memory stays small,
    and the valid log beside it still opens."""
    bomb = _bomb(tmp_path / "bomb.zip", method, 128 << 20)
    assert bomb.stat().st_size < 64 * 1024
    tracemalloc.start()
    try:
        result = open_log_file(bomb, tmp_path / "work", Limits())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 24 << 20, f"peak {peak / (1 << 20):.0f} MiB"
    assert any("zip bomb" in r.reason for r in result.rejected)
    assert [log.name.rsplit(" › ", 1)[-1] for log in result.logs] == ["app.log"]


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_a3_bzip2_and_lzma_members_still_open_and_are_crc_checked(tmp_path, method):
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w", compression=method) as z:
        z.writestr("device.log", LOG_LINE * 5000)
    result = open_log_file(good, tmp_path / "work")
    assert len(result.logs) == 1 and result.logs[0].path.read_bytes() == LOG_LINE * 5000
    data = bytearray(good.read_bytes())
    info = zipfile.ZipFile(good).getinfo("device.log")
    data[info.header_offset + 30 + len("device.log") + 40] ^= 0x01   # inside the compressed data
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    result = open_log_file(bad, tmp_path / "work2")
    assert result.logs == [] and result.rejected and "damaged" in result.rejected[0].reason


def test_a_member_with_an_empty_name_is_rejected_and_the_valid_log_still_opens(tmp_path):
    """Found by fuzzing: an empty member name raised IndexError and hid the archive's valid log."""
    path = tmp_path / "empty-name.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo(""), b"x")
        z.writestr("good.log", LOG_LINE)
    result = open_log_file(path, tmp_path / "work")
    assert [log.path.read_bytes() for log in result.logs] == [LOG_LINE]
    assert result.rejected and "empty" in result.rejected[0].reason


def test_analyze_cli_reports_the_archive_with_an_empty_member_name(tmp_path, capsys):
    from cre_desk import cli

    path = tmp_path / "empty-name.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo(""), b"x")
        z.writestr("good.log", LOG_LINE)
    code = cli.main(["analyze", str(path)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "IndexError" not in out.err
    assert code in (0, 1)
