"""Opening customer files: plain logs, gzip and zip bundles, including hostile archives (RELIABILITY A-1..A-6, I-1)."""

from __future__ import annotations

import gzip
import io
import os
import random
import stat
import struct
import time
import zipfile
from pathlib import Path

import pytest

from cre_desk.logs.file_kind import sniff_kind
from cre_desk.logs.sources import cleanup, open_log_file, sweep_stale
from cre_desk.logs.unpack_types import ArchiveError, Cancelled, Limits

LOGCAT = (
    b"03-14 09:26:53.123  1234  1250 I ActivityManager: Start proc 4321:com.acme.sdk/u0a123\n"
    b"03-14 09:26:53.456  4321  4321 D AcmeSDK : init v5.2.1 (build 731)\n"
    b"03-14 09:26:54.001  4321  4400 E AcmeSDK : upload failed: java.net.SocketTimeoutException\n"
    b"03-14 09:26:54.002  4321  4400 E AcmeSDK : \tat okhttp3.internal.connection.RealCall.execute\n"
)


def big_log(lines: int) -> bytes:
    rng = random.Random(7)
    out = io.StringIO()
    for i in range(lines):
        out.write(f"03-14 09:{i // 3600 % 60:02d}:{i // 60 % 60:02d}.{i % 1000:03d}  {rng.randint(100, 9999)} "
                  f"{rng.randint(100, 9999)} I AcmeSDK : event={rng.getrandbits(64):x} seq={i}\n")
    return out.getvalue().encode()


def make_zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def central_records(data: bytes) -> dict[str, int]:
    """Offsets of central-directory records by member name."""
    eocd = data.rfind(b"PK\x05\x06")
    count, _size, offset = struct.unpack("<HLL", data[eocd + 10:eocd + 20])
    records, pos = {}, offset
    for _ in range(count):
        assert data[pos:pos + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[pos + 28:pos + 34])
        records[data[pos + 46:pos + 46 + name_len].decode()] = pos
        pos += 46 + name_len + extra_len + comment_len
    return records


def patch(data: bytes, at: int, fmt: str, value: int) -> bytes:
    raw = bytearray(data)
    struct.pack_into(fmt, raw, at, value)
    return bytes(raw)


def tree(root: Path, skip: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if skip not in p.parents and p != skip}


def disk_usage(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return tmp_path / "tickets" / "T-1042" / "work"


def contents(result) -> dict[str, bytes]:
    return {log.name: log.path.read_bytes() for log in result.logs}


# --------------------------------------------------------------------------- plain files and sniffing

def test_plain_log_is_returned_as_is_without_copying(tmp_path, work):
    src = tmp_path / "device.log"
    src.write_bytes(LOGCAT)
    result = open_log_file(src, work)
    assert [(log.name, log.path, log.size, log.temporary) for log in result.logs] == [
        ("device.log", src, len(LOGCAT), False)]
    assert result.notices == [] and result.rejected == []
    assert not work.exists()


def test_empty_file_opens_with_notice(tmp_path, work):
    src = tmp_path / "empty.log"
    src.write_bytes(b"")
    result = open_log_file(src, work)
    assert [log.size for log in result.logs] == [0]
    assert result.notices == ["The file is empty."]


def test_png_disguised_as_log_is_shown_with_notice(tmp_path, work):
    src = tmp_path / "logcat.log"
    src.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    result = open_log_file(src, work)
    assert result.logs[0].path == src
    assert len(result.notices) == 1 and "PNG" in result.notices[0]


@pytest.mark.parametrize(("head", "kind"), [
    (LOGCAT, "text"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
    (b"PK\x03\x04" + bytes(40), "zip"),
    (b"PK\x05\x06" + bytes(18), "zip"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary:pdf"),
    (b"\x7fELF\x02\x01\x01" + bytes(60), "binary:elf"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary:jpeg"),
    (b"SQLite format 3\x00" + bytes(84), "binary:sqlite"),
    (b"GIF89a\x01\x00\x01\x00", "binary:gif"),
    (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01", "binary:mach-o"),
    ("\ufeff" + LOGCAT.decode(), "text"),
    (LOGCAT.decode().encode("utf-16-le"), "text"),
    (LOGCAT.decode().encode("utf-16-be"), "text"),
    (bytes(8192), "binary:data"),
    (random.Random(1).randbytes(8192), "binary:data"),
    ("03-14 E Caméra: échec ouverture\n".encode("latin-1") * 50, "text"),
    ("03-14 E 相机: 打开失败\n".encode("gbk") * 50, "text"),
    (b"\x1b[31mE/AcmeSDK: red error\x1b[0m\n" * 40, "text"),
])
def test_sniff_kind(head, kind):
    if isinstance(head, str):
        head = head.encode("utf-16")   # with BOM
    assert sniff_kind(head[:8192]) == kind


# --------------------------------------------------------------------------- zip: normal bundles

def test_zip_bundle_members_become_temporary_logs(tmp_path, work):
    src = make_zip(tmp_path / "in" / "bundle.zip", {
        "logs/": b"", "logs/device.log": LOGCAT, "logs/app.log": b"I app: ready\n", "CON.txt": b"hello\n"})
    result = open_log_file(src, work)
    assert contents(result) == {"bundle.zip › logs/device.log": LOGCAT, "bundle.zip › logs/app.log": b"I app: ready\n",
                                "bundle.zip › CON.txt": b"hello\n"}
    assert result.rejected == []
    for log in result.logs:
        assert log.temporary and log.path.parent == work and log.path.name.endswith(".log")
        assert log.size == log.path.stat().st_size
    cleanup(work)
    assert not work.exists()
    assert src.exists()


def test_gz_member_inside_zip_is_unpacked(tmp_path, work):
    src = make_zip(tmp_path / "bundle.zip", {"logcat.txt.gz": gzip.compress(LOGCAT), "notes.txt": b"repro at 9:26\n"})
    result = open_log_file(src, work)
    assert contents(result) == {"bundle.zip › logcat.txt.gz": LOGCAT, "bundle.zip › notes.txt": b"repro at 9:26\n"}
    assert len(list(work.glob("*.log"))) == 2   # the intermediate copy of the .gz is gone


def test_nested_zip_one_level_is_opened(tmp_path, work):
    inner = zip_bytes({"device.log": LOGCAT})
    src = make_zip(tmp_path / "outer.zip", {"inner.zip": inner})
    result = open_log_file(src, work)
    assert contents(result) == {"outer.zip › inner.zip › device.log": LOGCAT}
    assert len(list(work.glob("*.log"))) == 1


def test_three_levels_of_zip_are_rejected_as_too_deep(tmp_path, work):
    level3 = zip_bytes({"deep.log": LOGCAT})
    level2 = zip_bytes({"level3.zip": level3, "mid.log": b"mid\n"})
    src = make_zip(tmp_path / "level1.zip", {"level2.zip": level2})
    result = open_log_file(src, work)
    assert contents(result) == {"level1.zip › level2.zip › mid.log": b"mid\n"}
    assert [(r.name, "nested too deeply" in r.reason) for r in result.rejected] == [
        ("level1.zip › level2.zip › level3.zip", True)]
    assert len(list(work.glob("*.log"))) == 1


def test_png_member_is_kept_with_notice(tmp_path, work):
    src = make_zip(tmp_path / "bundle.zip", {"screen.log": b"\x89PNG\r\n\x1a\n" + bytes(2000), "a.log": LOGCAT})
    result = open_log_file(src, work)
    assert len(result.logs) == 2
    assert any("screen.log" in n and "PNG image" in n for n in result.notices)


def test_empty_zip_opens_with_notice(tmp_path, work):
    src = make_zip(tmp_path / "empty.zip", {})
    result = open_log_file(src, work)
    assert result.logs == [] and any("no files" in n for n in result.notices)


def test_file_that_starts_like_zip_but_is_damaged(tmp_path, work):
    src = tmp_path / "bundle.zip"
    src.write_bytes(zip_bytes({"a.log": LOGCAT})[:60])
    with pytest.raises(ArchiveError, match="damaged"):
        open_log_file(src, work)
    assert not work.exists() or not any(work.iterdir())


# --------------------------------------------------------------------------- zip: hostile names and members

SLIP_NAMES = ["../../x", "..\\..\\x", "/etc/x", "C:\\x", "c:/x", "\\\\host\\share\\x", "//host/share/x",
              "a/../../x", "logs/../../../x", "x" * 10_000]


def test_zip_slip_names_are_rejected_and_nothing_escapes(tmp_path, work):
    members = {name: b"pwned\n" for name in SLIP_NAMES} | {"logs/ok.log": LOGCAT}
    src = make_zip(tmp_path / "in" / "slip.zip", members)
    canary = [Path("/etc/x"), Path("/x"), tmp_path / "x", tmp_path / "tickets" / "x", Path.home() / "x"]
    before_canary = {p: p.exists() for p in canary}
    work.parent.mkdir(parents=True)   # the per-ticket folder the app creates
    before = tree(tmp_path, work)

    result = open_log_file(src, work)

    assert tree(tmp_path, work) == before
    assert {p: p.exists() for p in canary} == before_canary
    assert contents(result) == {"slip.zip › logs/ok.log": LOGCAT}
    assert len(result.rejected) == len(SLIP_NAMES)
    assert all(r.reason.startswith(("unsafe name", "name too long")) for r in result.rejected)
    assert {r.reason for r in result.rejected if "../" in r.name or "..\\" in r.name} == {
        "unsafe name (points outside the archive)"}
    assert all(len(r.name) < 400 for r in result.rejected)   # 10k-char name shortened for display
    assert sorted(p.name for p in work.iterdir() if p.suffix == ".log") == [result.logs[0].path.name]


def test_nul_in_member_name_is_rejected(tmp_path, work):
    src = tmp_path / "nul.zip"
    src.write_bytes(zip_bytes({"nulAx.log": b"hidden\n", "ok.log": LOGCAT}).replace(b"nulAx.log", b"nul\x00x.log"))
    result = open_log_file(src, work)
    assert list(contents(result).values()) == [LOGCAT]
    assert [r.reason for r in result.rejected] == ["unsafe name (contains a NUL character)"]
    assert "\x00" not in result.rejected[0].name


def test_symlink_member_is_rejected_not_followed(tmp_path, work):
    src = tmp_path / "links.zip"
    with zipfile.ZipFile(src, "w") as zf:
        for name, target in [("passwd.log", "/etc/passwd"), ("up.log", "..")]:
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
        zf.writestr("real.log", LOGCAT)
    result = open_log_file(src, work)
    assert contents(result) == {"links.zip › real.log": LOGCAT}
    assert sorted((r.name, r.reason) for r in result.rejected) == [
        ("links.zip › passwd.log", "symbolic link (not followed)"), ("links.zip › up.log", "symbolic link (not followed)")]
    assert not any(p.is_symlink() for p in work.iterdir())


def test_encrypted_member_rejected_others_open(tmp_path, work):
    data = zip_bytes({"secret.log": b"token=abc\n", "device.log": LOGCAT})
    data = patch(data, central_records(data)["secret.log"] + 8, "<H", 0x1)
    src = tmp_path / "bundle.zip"
    src.write_bytes(data)
    result = open_log_file(src, work)
    assert contents(result) == {"bundle.zip › device.log": LOGCAT}
    assert [(r.name, r.reason) for r in result.rejected] == [("bundle.zip › secret.log", "encrypted (password-protected)")]


def test_zip_with_only_encrypted_members_is_an_archive_error(tmp_path, work):
    data = zip_bytes({"a.log": LOGCAT, "b.log": LOGCAT})
    for offset in central_records(data).values():
        data = patch(data, offset + 8, "<H", 0x1)
    src = tmp_path / "locked.zip"
    src.write_bytes(data)
    with pytest.raises(ArchiveError, match="password"):
        open_log_file(src, work)


def test_bad_crc_member_rejected_partial_output_deleted(tmp_path, work):
    data = zip_bytes({"broken.log": big_log(20_000), "device.log": LOGCAT})
    data = patch(data, central_records(data)["broken.log"] + 16, "<L", 0xDEADBEEF)
    src = tmp_path / "bundle.zip"
    src.write_bytes(data)
    result = open_log_file(src, work)
    assert contents(result) == {"bundle.zip › device.log": LOGCAT}
    assert [(r.name, r.reason) for r in result.rejected] == [("bundle.zip › broken.log", "damaged (checksum mismatch)")]
    assert sorted(p.name for p in work.glob("*.log")) == [result.logs[0].path.name]


def test_unsupported_compression_rejected_others_open(tmp_path, work):
    data = zip_bytes({"weird.log": LOGCAT, "device.log": LOGCAT})
    data = patch(data, central_records(data)["weird.log"] + 10, "<H", 9)   # Deflate64
    src = tmp_path / "bundle.zip"
    src.write_bytes(data)
    result = open_log_file(src, work)
    assert list(contents(result)) == ["bundle.zip › device.log"]
    assert len(result.rejected) == 1 and result.rejected[0].reason.startswith("unsupported compression method")


# --------------------------------------------------------------------------- zip bombs and caps

def test_high_ratio_member_rejected_fast_with_small_disk_delta(tmp_path, work):
    src = tmp_path / "zeros.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("zeros.log")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as member:
            block = bytes(1024 * 1024)
            for _ in range(200):
                member.write(block)
        zf.writestr("device.log", LOGCAT)
    assert src.stat().st_size < 2 * 1024 * 1024
    start = time.monotonic()
    result = open_log_file(src, work)
    assert time.monotonic() - start < 5
    assert [(r.name, r.reason) for r in result.rejected] == [
        ("zeros.zip › zeros.log", "compression ratio too high (possible zip bomb)")]
    assert contents(result) == {"zeros.zip › device.log": LOGCAT}
    assert disk_usage(work) < 1024 * 1024


def test_overlapping_entries_are_rejected_as_zip_bomb(tmp_path, work):
    data = zip_bytes({"aaa.log": LOGCAT * 100, "bbb.log": LOGCAT * 100})
    records = central_records(data)
    data = patch(data, records["bbb.log"] + 42, "<L", 0)           # both entries point at one local header
    data = data.replace(b"bbb.log", b"aaa.log")                      # and agree on its name
    src = tmp_path / "overlap.zip"
    src.write_bytes(data)
    with pytest.raises(ArchiveError, match="overlapping entries"):
        open_log_file(src, work)
    assert disk_usage(work) == 0


def test_quoted_overlap_is_rejected(tmp_path, work):
    """bamsoftware-style: an entry's compressed range contains the next entry's local header."""
    data = bytearray(zip_bytes({"a.log": LOGCAT, "b.log": LOGCAT}))
    rec_a = central_records(bytes(data))["a.log"]
    size = struct.unpack_from("<L", data, rec_a + 20)[0]
    struct.pack_into("<L", data, rec_a + 20, size + 40)              # a's data now swallows b's header
    src = tmp_path / "quoted.zip"
    src.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match="zip bomb"):
        open_log_file(src, work)


def test_too_many_entries_stops_with_message(tmp_path, work):
    src = tmp_path / "many.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_STORED) as zf:
        for i in range(100_000):
            zf.writestr(f"d/{i}.log", b"x")
    start = time.monotonic()
    with pytest.raises(ArchiveError, match=r"100,000 entries.*at most 500"):
        open_log_file(src, work, Limits(max_entries=500))
    assert time.monotonic() - start < 2
    assert disk_usage(work) == 0


def test_total_cap_aborts_and_deletes_output(tmp_path, work):
    members = {f"part{i}.log": big_log(40_000) for i in range(3)}   # ~3 MiB each, normal ratio
    src = make_zip(tmp_path / "bundle.zip", members)
    with pytest.raises(ArchiveError, match="more than 5 MiB"):
        open_log_file(src, work, Limits(max_total_bytes=5 * 1024 * 1024))
    assert not work.exists() or not any(work.iterdir())


def test_total_cap_counts_nested_archives(tmp_path, work):
    inner = zip_bytes({"big.log": big_log(40_000)})
    src = make_zip(tmp_path / "bundle.zip", {"inner.zip": inner}, zipfile.ZIP_STORED)
    with pytest.raises(ArchiveError, match="more than 3 MiB"):
        open_log_file(src, work, Limits(max_total_bytes=3 * 1024 * 1024))
    assert not work.exists() or not any(work.iterdir())


# --------------------------------------------------------------------------- gzip

def test_gzip_concatenated_members_are_joined(tmp_path, work):
    first, second = LOGCAT, b"03-14 09:27:00.000  4321  4321 I AcmeSDK : second rotation\n"
    src = tmp_path / "logcat.gz"
    src.write_bytes(gzip.compress(first) + gzip.compress(second))
    result = open_log_file(src, work)
    assert contents(result) == {"logcat.gz": first + second}
    assert result.notices == [] and result.logs[0].temporary


def test_truncated_gzip_keeps_the_readable_part(tmp_path, work):
    text = big_log(30_000)
    packed = gzip.compress(text)
    src = tmp_path / "logcat.txt.gz"
    src.write_bytes(packed[: len(packed) // 2])
    result = open_log_file(src, work)
    out = result.logs[0].path.read_bytes()
    assert len(out) > len(text) // 4 and text.startswith(out)
    assert result.notices == ["The gzip stream is truncated; the part before the damage is shown."]


def test_gzip_trailing_garbage_is_reported(tmp_path, work):
    src = tmp_path / "logcat.gz"
    src.write_bytes(gzip.compress(LOGCAT) + b"garbage from a bad upload")
    result = open_log_file(src, work)
    assert contents(result) == {"logcat.gz": LOGCAT}
    assert len(result.notices) == 1 and "extra data" in result.notices[0]


def test_gzip_zero_padding_is_not_garbage(tmp_path, work):
    src = tmp_path / "logcat.gz"
    src.write_bytes(gzip.compress(LOGCAT) + bytes(512))
    result = open_log_file(src, work)
    assert contents(result) == {"logcat.gz": LOGCAT} and result.notices == []


def test_gzip_bomb_is_stopped(tmp_path, work):
    src = tmp_path / "zeros.gz"
    with gzip.open(src, "wb", compresslevel=9) as gz:
        block = bytes(1024 * 1024)
        for _ in range(300):
            gz.write(block)
    start = time.monotonic()
    with pytest.raises(ArchiveError, match="possible zip bomb"):
        open_log_file(src, work)
    assert time.monotonic() - start < 5
    assert disk_usage(work) == 0


def test_damaged_gzip_with_nothing_readable(tmp_path, work):
    src = tmp_path / "logcat.gz"
    src.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 100)
    with pytest.raises(ArchiveError, match="damaged"):
        open_log_file(src, work)
    assert not work.exists() or not any(work.iterdir())


def test_gz_that_is_actually_zip_is_opened_as_zip(tmp_path, work):
    src = tmp_path / "bundle.gz"
    src.write_bytes(zip_bytes({"device.log": LOGCAT}))
    result = open_log_file(src, work)
    assert contents(result) == {"bundle.gz › device.log": LOGCAT}


def test_zip_that_is_actually_gzip_is_opened_as_gzip(tmp_path, work):
    src = tmp_path / "bundle.zip"
    src.write_bytes(gzip.compress(LOGCAT))
    result = open_log_file(src, work)
    assert contents(result) == {"bundle.zip": LOGCAT}


def test_zip_inside_gzip_is_one_level(tmp_path, work):
    src = tmp_path / "bundle.zip.gz"
    src.write_bytes(gzip.compress(zip_bytes({"device.log": LOGCAT, "inner.zip": zip_bytes({"x.log": b"x"})})))
    result = open_log_file(src, work)
    assert contents(result) == {"bundle.zip.gz › device.log": LOGCAT}
    assert [r.name for r in result.rejected] == ["bundle.zip.gz › inner.zip"]


# --------------------------------------------------------------------------- cancel, progress, cleanup

def test_cancel_mid_zip_deletes_everything(tmp_path, work):
    src = make_zip(tmp_path / "bundle.zip", {f"part{i}.log": big_log(30_000) for i in range(3)})
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 4

    with pytest.raises(Cancelled):
        open_log_file(src, work, cancel=cancel)
    assert calls > 4
    assert not work.exists() or not any(work.iterdir())


def test_cancel_mid_gzip_deletes_everything(tmp_path, work):
    src = tmp_path / "logcat.gz"
    src.write_bytes(gzip.compress(big_log(60_000)))
    seen: list[int] = []
    with pytest.raises(Cancelled):
        open_log_file(src, work, cancel=lambda: len(seen) >= 2, progress=seen.append)
    assert seen
    assert not work.exists() or not any(work.iterdir())


def test_cancel_keeps_existing_work_dir_files_of_earlier_imports(tmp_path, work):
    first = open_log_file(make_zip(tmp_path / "a.zip", {"a.log": LOGCAT}), work)
    src = make_zip(tmp_path / "b.zip", {"b.log": big_log(30_000)})
    with pytest.raises(Cancelled):
        open_log_file(src, work, cancel=lambda: True)
    assert first.logs[0].path.read_bytes() == LOGCAT


def test_progress_reports_bytes_produced(tmp_path, work):
    text = big_log(30_000)
    src = make_zip(tmp_path / "bundle.zip", {"a.log": text})
    seen: list[int] = []
    open_log_file(src, work, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == len(text)


def test_sweep_stale_removes_only_old_work_dirs(tmp_path):
    temp_root = tmp_path / "tmp"
    src = make_zip(tmp_path / "bundle.zip", {"a.log": LOGCAT})
    old, fresh = temp_root / "old-run", temp_root / "fresh-run"
    open_log_file(src, old)
    open_log_file(src, fresh)
    unrelated = temp_root / "someone-elses"
    unrelated.mkdir()
    (unrelated / "1.log").write_bytes(b"keep me")
    two_days_ago = time.time() - 48 * 3600
    for folder in (old, unrelated):
        for p in [*folder.iterdir(), folder]:
            os.utime(p, (two_days_ago, two_days_ago))

    assert sweep_stale(temp_root) == 1
    assert not old.exists()
    assert fresh.exists() and any(fresh.glob("*.log"))
    assert (unrelated / "1.log").read_bytes() == b"keep me"
    assert sweep_stale(tmp_path / "does-not-exist") == 0
