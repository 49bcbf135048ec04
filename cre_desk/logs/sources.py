"""Turn a file a customer sent (plain log, gzip, zip) into plain files the log engine can mmap.

Customers attach whatever they have: a raw logcat dump, a ``.gz`` of it, a zip bundle of several
logs, sometimes a screenshot renamed to ``.log``. Those files are hostile input, so this module
decides what a file is from its magic bytes (never its extension) and unpacks archives under hard
caps: no member name is ever used as a path (zip slip), symlinks are not followed, zip bombs
(overlapping entries, huge ratios, huge totals) are stopped early, and every byte we write goes to
``work_dir/<n>.log`` so a cancelled or failed import leaves nothing behind (RELIABILITY A-1..A-6,
I-1).
"""

from __future__ import annotations

import bz2
import copy
import lzma
import os
import re
import stat
import struct
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cre_desk.errors import EnvironmentFault, UserError

CHUNK = 1024 * 1024            # output written per step; cancel and caps are checked between steps
SNIFF_BYTES = 8 * 1024
MAX_NESTING = 1                # an archive inside an archive is opened; one more level is not
RATIO_GRACE = 1024 * 1024      # the ratio check starts once an entry has produced this much
WORK_MARKER = ".cre-desk-work"  # marks a work dir as ours so sweep_stale never removes anything else
SEP = " › "

_GZIP_IN = 64 * 1024
_OUR_FILE = re.compile(r"\d+\.log")
_DRIVE = re.compile(r"[A-Za-z]:")
_MAX_DISPLAY_NAME = 300

_MAGICS: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"%PDF-", "pdf"),
    (b"\x7fELF", "elf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"SQLite format 3\x00", "sqlite"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xfe\xed\xfa\xce", "mach-o"),
    (b"\xfe\xed\xfa\xcf", "mach-o"),
    (b"\xce\xfa\xed\xfe", "mach-o"),
    (b"\xcf\xfa\xed\xfe", "mach-o"),
    (b"\xca\xfe\xba\xbe", "mach-o"),
]
_WHAT = {
    "png": "PNG image", "pdf": "PDF document", "elf": "ELF executable", "jpeg": "JPEG image",
    "sqlite": "SQLite database", "gif": "GIF image", "mach-o": "Mach-O executable",
    "tar": "tar archive", "data": "binary data",
}
# Bytes that do not occur in text: C0 controls except tab, newlines, form feed and ESC (ANSI colours), plus DEL.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


@dataclass(frozen=True)
class Limits:
    """Caps applied while unpacking; the defaults suit support bundles on a laptop."""

    max_total_bytes: int = 4 * 1024**3      # bytes produced across all entries
    max_entries: int = 500                  # zip members considered
    max_ratio: float = 200.0                # per entry: uncompressed/compressed, checked past 1 MiB
    max_name_length: int = 255


@dataclass(frozen=True)
class OpenedLog:
    """One plain file ready for the log engine."""

    name: str          # "bundle.zip › logs/device.log" for members, the file name otherwise
    path: Path         # a plain file to read (the original file itself when it was already plain)
    size: int
    temporary: bool    # True when we wrote it (the caller deletes it with cleanup())


@dataclass(frozen=True)
class Rejected:
    """An archive member we did not open, with the reason in plain words."""

    name: str
    reason: str


@dataclass
class OpenResult:
    """What came out of one customer file."""

    logs: list[OpenedLog] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


class ArchiveError(UserError):
    """The whole file cannot be used (bomb cap crossed, encrypted-only zip, damaged archive...)."""


class Cancelled(ArchiveError):
    """The user cancelled; everything written so far has been deleted."""


class _Fatal(ArchiveError):
    """A cap for the whole import was crossed: aborts even from inside a nested archive."""


class _EntryRejected(Exception):
    """One entry cannot be opened; the reason is shown next to its name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- sniffing

def sniff_kind(head: bytes) -> str:
    """Classify the first bytes of a file: "gzip", "zip", "text" or "binary:<what>"."""
    if not head:
        return "text"
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06") or head[:8] == b"PK\x07\x08PK\x03\x04":
        return "zip"
    for magic, what in _MAGICS:
        if head.startswith(magic):
            return f"binary:{what}"
    if head[257:262] == b"ustar":
        return "binary:tar"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(head):
        return "text"
    control = len(head.translate(None, _NOT_CONTROL)) / len(head)
    if control > 0.30:
        return "binary:data"
    if control > 0.05:
        # Random or compressed data: some control bytes and mostly invalid UTF-8. Legacy
        # encodings (Latin-1, GBK) fail UTF-8 too but have next to no control bytes.
        invalid = head.decode("utf-8", "replace").count("\ufffd") / len(head)
        if invalid > 0.30:
            return "binary:data"
    return "text"


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-range text leaves every other byte NUL."""
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    return (odd_nul > 0.6 and even_nul < 0.1) or (even_nul > 0.6 and odd_nul < 0.1)


def _binary_notice(kind: str, display: str | None) -> str:
    what = _WHAT.get(kind.partition(":")[2], "binary data")
    if display is None:
        return f"The file looks binary ({what}), it is shown as text with replacement characters."
    return f"{display} looks binary ({what}); it is shown as text with replacement characters."


def _display(name: str) -> str:
    """A member name made safe to show: control characters escaped, very long names shortened."""
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name[:_MAX_DISPLAY_NAME])
    return shown + ("…" if len(name) > _MAX_DISPLAY_NAME else "")


def _unsafe_name(name: str, limits: Limits) -> str | None:
    """Why a member name cannot be trusted, or None. Names are never used as paths anyway."""
    if not name:
        return "unsafe name (empty)"
    if "\x00" in name:
        return "unsafe name (contains a NUL character)"
    if len(name) > limits.max_name_length:
        return f"name too long ({len(name):,} characters)"
    norm = name.replace("\\", "/")
    if norm.startswith("//"):
        return "unsafe name (network path)"
    if norm.startswith("/"):
        return "unsafe name (absolute path)"
    if _DRIVE.match(norm):
        return "unsafe name (drive letter)"
    if ".." in norm.split("/"):
        return "unsafe name (points outside the archive)"
    return None


# --------------------------------------------------------------------------- zip structure checks

def _zip_directory_size(fp: BinaryIO, file_size: int) -> tuple[int, int] | None:
    """(entry count, central directory bytes) from the end record, read before zipfile parses it."""
    tail_len = min(file_size, 22 + 0xFFFF)
    fp.seek(file_size - tail_len)
    tail = fp.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        return None
    count, cd_size = struct.unpack("<HL", tail[pos + 10:pos + 16])
    if count == 0xFFFF or cd_size == 0xFFFFFFFF:
        zip64_at = file_size - tail_len + pos - 20 - 56
        if zip64_at >= 0:
            fp.seek(zip64_at)
            record = fp.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                count, cd_size = struct.unpack("<QQ", record[32:48])
    return count, cd_size


def _check_layout(fp: BinaryIO, infos: list[zipfile.ZipInfo], file_size: int) -> set[int]:
    """Raise on overlapping members (quoted-overlap zip bomb); return ids of members past the end."""
    past_end: set[int] = set()
    spans: list[tuple[int, int]] = []
    for info in infos:
        start = info.header_offset
        header = b""
        if 0 <= start < file_size:
            fp.seek(start)
            header = fp.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            past_end.add(id(info))   # zipfile refuses it on open; reported as damaged
            spans.append((start, start + 30))
            continue
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        end = start + 30 + name_len + extra_len + info.compress_size
        if end > file_size:
            past_end.add(id(info))
        spans.append((start, end))
    spans.sort()
    for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False):
        if end > next_start:
            raise ArchiveError("The archive cannot be opened: possible zip bomb (overlapping entries).")
    return past_end


# --------------------------------------------------------------------------- one import

class _Run:
    """State of one open_log_file call: caps, counters and every file written so far."""

    def __init__(self, work_dir: Path, limits: Limits, cancel: Callable[[], bool],
                 progress: Callable[[int], None]) -> None:
        self.work_dir = work_dir
        self.limits = limits
        self.cancel = cancel
        self.progress = progress
        self.total = 0
        self.counter = 0
        self.written: list[Path] = []
        self.result = OpenResult()

    # -- files

    def new_file(self) -> tuple[Path, BinaryIO]:
        while True:
            self.counter += 1
            path = self.work_dir / f"{self.counter}.log"
            try:
                handle = open(path, "xb")  # O_EXCL: never reuse or follow an existing path
            except FileExistsError:
                continue
            except OSError as exc:
                raise _environment(exc) from exc
            self.written.append(path)
            return path, handle

    def discard(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        if path in self.written:
            self.written.remove(path)

    def abort(self) -> None:
        for path in self.written:
            path.unlink(missing_ok=True)
        self.written.clear()

    def check_cancel(self) -> None:
        if self.cancel():
            raise Cancelled("Opening the file was cancelled.")

    def write(self, out: BinaryIO, data: bytes) -> None:
        """Write one chunk, refusing it first if it would cross the total cap."""
        if self.total + len(data) > self.limits.max_total_bytes:
            cap = self.limits.max_total_bytes / 1024**2
            raise _Fatal(f"The archive unpacks to more than {cap:,.0f} MiB, so it was not opened "
                         "(possible zip bomb). Unpack it yourself and open the logs you need.")
        try:
            out.write(data)
        except OSError as exc:
            raise _environment(exc) from exc
        self.total += len(data)
        self.progress(self.total)

    def check_ratio(self, produced: int, compressed: int) -> None:
        if produced > RATIO_GRACE and produced / max(compressed, 1) > self.limits.max_ratio:
            raise _EntryRejected("compression ratio too high (possible zip bomb)")

    # -- dispatch

    def open_archive(self, path: Path, kind: str, display: str, depth: int) -> None:
        if kind == "gzip":
            self.open_gzip(path, display, depth)
        else:
            self.open_zip(path, display, depth)

    def finish(self, path: Path, display: str, depth: int) -> None:
        """Look at what an entry produced: keep it as a log, or open it as a nested archive."""
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
        kind = sniff_kind(head)
        if kind in ("gzip", "zip"):
            try:
                if depth >= MAX_NESTING:
                    raise _EntryRejected("nested too deeply (an archive inside an archive inside an archive)")
                self.open_archive(path, kind, display, depth + 1)
            except _EntryRejected as exc:
                self.result.rejected.append(Rejected(display, exc.reason))
            except (Cancelled, _Fatal):
                raise
            except ArchiveError as exc:
                self.result.rejected.append(Rejected(display, exc.message))
            finally:
                self.discard(path)
            return
        if kind.startswith("binary:"):
            self.result.notices.append(_binary_notice(kind, display))
        self.result.logs.append(OpenedLog(display, path, path.stat().st_size, True))

    # -- gzip

    def open_gzip(self, source: Path, display: str, depth: int) -> None:
        path, out = self.new_file()
        try:
            with out, open(source, "rb") as src:
                produced, problem = self.gunzip(src, out)
        except _EntryRejected:
            self.discard(path)
            raise
        if problem == "damaged" and produced == 0:
            self.discard(path)
            raise _EntryRejected("damaged (the gzip data cannot be decompressed)")
        if problem:
            self.result.notices.append(_gzip_notice(problem, display if depth else None))
        self.finish(path, display, depth)

    def gunzip(self, src: BinaryIO, out: BinaryIO) -> tuple[int, str | None]:
        """Decompress every gzip member; return bytes produced and "truncated"/"damaged"/"trailing"/None."""
        decomp = zlib.decompressobj(47)
        pending = b""
        consumed = produced = 0
        while True:
            self.check_cancel()
            if not pending:
                pending = src.read(_GZIP_IN)
                if not pending:
                    break
            try:
                data = decomp.decompress(pending, CHUNK)
            except zlib.error:
                return produced, "damaged"
            consumed += len(pending) - len(decomp.unconsumed_tail) - len(decomp.unused_data)
            pending = decomp.unconsumed_tail
            if data:
                self.write(out, data)
                produced += len(data)
                self.check_ratio(produced, consumed)
            if decomp.eof:
                pending = decomp.unused_data
                if len(pending) < 2:
                    pending += src.read(_GZIP_IN)
                if not pending:
                    return produced, None
                if pending[:2] != b"\x1f\x8b":
                    return produced, None if _only_zeros(pending, src) else "trailing"
                decomp = zlib.decompressobj(47)   # concatenated member
        try:
            tail = decomp.flush()
        except zlib.error:
            tail = b""
        if tail:
            self.write(out, tail)
            produced += len(tail)
        return produced, "truncated"

    # -- zip

    def open_zip(self, source: Path, display: str, depth: int) -> None:
        limits = self.limits
        with open(source, "rb") as fp:
            file_size = os.fstat(fp.fileno()).st_size
            directory = _zip_directory_size(fp, file_size)
            if directory is None:
                raise ArchiveError("The zip archive is damaged (its table of contents is missing).")
            count, cd_size = directory
            if count > limits.max_entries or cd_size > limits.max_entries * (46 + limits.max_name_length + 1024):
                raise ArchiveError(f"The archive has {count:,} entries; CRE Desk opens archives with at most "
                                   f"{limits.max_entries:,}. Unpack it yourself and open the logs you need.")
            try:
                archive = zipfile.ZipFile(source)
            except (zipfile.BadZipFile, NotImplementedError, EOFError, ValueError, OSError) as exc:
                raise ArchiveError("The zip archive is damaged and cannot be opened.", detail=str(exc)) from exc
            with archive:
                infos = archive.infolist()
                if len(infos) > limits.max_entries:
                    raise ArchiveError(f"The archive has {len(infos):,} entries; CRE Desk opens archives with "
                                       f"at most {limits.max_entries:,}.")
                past_end = _check_layout(fp, infos, file_size)
                files = encrypted = 0
                for info in infos:
                    self.check_cancel()
                    member = display + SEP + _display(info.orig_filename)
                    try:
                        reason = _unsafe_name(info.orig_filename, limits)
                        if reason:   # before is_dir(): an empty name has no last character to look at
                            if not info.orig_filename.endswith("/"):
                                files += 1
                            raise _EntryRejected(reason)
                        if info.is_dir():
                            continue
                        files += 1
                        if info.flag_bits & 0x1:
                            encrypted += 1
                        self.open_member(archive, info, member, depth, id(info) in past_end)
                    except _EntryRejected as exc:
                        self.result.rejected.append(Rejected(member, exc.reason))
        if files and encrypted == files:
            raise ArchiveError("The archive is password-protected; CRE Desk cannot open encrypted archives. "
                               "Ask the customer to send it without a password.")
        if files == 0:
            self.result.notices.append(f"{display} contains no files.")

    def open_member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: str, depth: int,
                    past_end: bool) -> None:
        reason = _unsafe_name(info.orig_filename, self.limits)
        if reason:
            raise _EntryRejected(reason)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _EntryRejected("symbolic link (not followed)")
        if info.flag_bits & 0x1:
            raise _EntryRejected("encrypted (password-protected)")
        if info.compress_type not in zipfile.compressor_names or info.compress_type not in _SUPPORTED:
            raise _EntryRejected(f"unsupported compression method ({_method(info.compress_type)})")
        if past_end:
            raise _EntryRejected("damaged (the entry runs past the end of the file)")
        path, out = self.new_file()
        try:
            with out:
                produced = 0
                for data in _member_chunks(archive, info):
                    self.check_cancel()
                    self.write(out, data)
                    produced += len(data)
                    self.check_ratio(produced, info.compress_size)
        except _EntryRejected:
            self.discard(path)
            raise
        except zipfile.BadZipFile as exc:
            self.discard(path)
            crc = "CRC" in str(exc)
            raise _EntryRejected("damaged (checksum mismatch)" if crc else "damaged (cannot be read)") from exc
        except NotImplementedError as exc:
            self.discard(path)
            raise _EntryRejected(f"unsupported compression method ({_method(info.compress_type)})") from exc
        except RuntimeError as exc:   # zipfile: "encrypted, password required"
            self.discard(path)
            raise _EntryRejected("encrypted (password-protected)") from exc
        except (zlib.error, lzma.LZMAError, EOFError, ValueError, OSError) as exc:
            self.discard(path)
            raise _EntryRejected("damaged (cannot be decompressed)") from exc
        except BaseException:
            self.discard(path)
            raise
        self.finish(path, member, depth)


_SUPPORTED = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_RAW_IN = 64 * 1024


def _member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The member's uncompressed bytes, at most CHUNK at a time whatever the method (A-3).

    zipfile bounds the output of one read only for deflate: a bzip2 or LZMA read decompresses everything
    the compressed bytes it took in expand to, and 3 KB of bzip2 expand to gigabytes. For those two the
    compressed bytes are read as stored data and decompressed here with ``max_length``; the CRC is
    checked on the output as zipfile would.
    """
    if info.compress_type not in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        with archive.open(info) as src:
            while data := src.read(CHUNK):
                yield data
        return
    raw_info = copy.copy(info)
    raw_info.compress_type = zipfile.ZIP_STORED
    raw_info.file_size = info.compress_size
    del raw_info.CRC   # no check on the compressed bytes; the output is checked below
    crc = 0
    decomp: bz2.BZ2Decompressor | lzma.LZMADecompressor
    with archive.open(raw_info) as raw:
        if info.compress_type == zipfile.ZIP_BZIP2:
            decomp = bz2.BZ2Decompressor()
        else:
            header = raw.read(4)
            if len(header) < 4:
                raise EOFError("truncated LZMA header")
            props = raw.read(struct.unpack("<H", header[2:4])[0])
            decomp = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[
                lzma._decode_filter_properties(lzma.FILTER_LZMA1, props)])  # type: ignore[attr-defined]  # noqa: SLF001
        while not decomp.eof:
            pending = b""
            if decomp.needs_input:
                pending = raw.read(_RAW_IN)
                if not pending:
                    break   # LZMA in zip may end without an end marker; a short bzip2 stream is caught below
            data = decomp.decompress(pending, CHUNK)
            if data:
                crc = zlib.crc32(data, crc)
                yield data
    if info.compress_type == zipfile.ZIP_BZIP2 and not decomp.eof:
        raise EOFError("compressed data ended before the end-of-stream marker")
    if crc != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {info.filename!r}")


def _method(code: int) -> str:
    return zipfile.compressor_names.get(code, f"method {code}")


def _only_zeros(pending: bytes, src: BinaryIO) -> bool:
    """tar-style zero padding after a gzip stream is normal; anything else is trailing garbage."""
    data = pending + src.read(CHUNK)
    return data.count(0) == len(data) and not src.read(1)


def _gzip_notice(problem: str, display: str | None) -> str:
    text = {
        "truncated": "the gzip stream is truncated; the part before the damage is shown.",
        "damaged": "the gzip stream is damaged; the part before the damage is shown.",
        "trailing": "the gzip file has extra data after its end; it was ignored.",
    }[problem]
    return text[0].upper() + text[1:] if display is None else f"{display}: {text}"


def _environment(exc: OSError) -> EnvironmentFault:
    return EnvironmentFault("The file could not be unpacked to the temporary folder.",
                            action="Free some disk space or check the temporary folder, then try again.",
                            detail=str(exc))


# --------------------------------------------------------------------------- public entry points

def open_log_file(path: Path, work_dir: Path, limits: Limits = Limits(),  # noqa: B008 - frozen, immutable
                  cancel: Callable[[], bool] = lambda: False,
                  progress: Callable[[int], None] = lambda n: None) -> OpenResult:
    """Open a customer file as one or more plain logs; archives are unpacked into ``work_dir``.

    ``progress`` receives the bytes produced so far. On cancel, a crossed cap or any other
    failure, everything written by this call is deleted before the exception propagates.
    """
    path, work_dir = Path(path), Path(work_dir)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError(f"{path.name} is not a regular file.")
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise ArchiveError(f"The file {path.name} cannot be read.", detail=str(exc)) from exc
    if info.st_size == 0 or not head:
        return OpenResult([OpenedLog(path.name, path, 0, False)], [], ["The file is empty."])
    kind = sniff_kind(head)
    if kind not in ("gzip", "zip"):
        notices = [_binary_notice(kind, None)] if kind.startswith("binary:") else []
        return OpenResult([OpenedLog(path.name, path, info.st_size, False)], [], notices)

    created_dir = not work_dir.exists()
    marker = work_dir / WORK_MARKER
    created_marker = False
    run = _Run(work_dir, limits, cancel, progress)
    try:
        work_dir.mkdir(parents=True, exist_ok=True)
        if not marker.exists():
            marker.touch()
            created_marker = True
        run.open_archive(path, kind, path.name, 0)
    except BaseException as exc:
        run.abort()
        if created_marker:
            marker.unlink(missing_ok=True)
        if created_dir:
            try:
                work_dir.rmdir()
            except OSError:
                pass
        if isinstance(exc, _EntryRejected):
            raise ArchiveError(f"{path.name} cannot be opened: {exc.reason}.") from exc
        if isinstance(exc, OSError):
            raise _environment(exc) from exc
        raise
    return run.result


def cleanup(work_dir: Path) -> None:
    """Remove the files open_log_file wrote in ``work_dir``, then the folder itself if it is empty."""
    work_dir = Path(work_dir)
    if work_dir.is_symlink() or not work_dir.is_dir():
        return
    for child in work_dir.iterdir():
        if child.name == WORK_MARKER or _OUR_FILE.fullmatch(child.name):
            if child.is_symlink() or not child.is_dir():
                child.unlink(missing_ok=True)
    try:
        work_dir.rmdir()
    except OSError:
        pass


def sweep_stale(temp_root: Path, older_than_s: float = 24 * 3600) -> int:
    """Remove work dirs left by killed runs (marked as ours, untouched for ``older_than_s``); return how many."""
    temp_root = Path(temp_root)
    if not temp_root.is_dir():
        return 0
    cutoff = time.time() - older_than_s
    removed = 0
    for child in temp_root.iterdir():
        try:
            if child.is_symlink() or not child.is_dir() or not (child / WORK_MARKER).exists():
                continue
            newest = max([child.lstat().st_mtime] + [entry.lstat().st_mtime for entry in child.iterdir()])
            if newest > cutoff:
                continue
            cleanup(child)
        except OSError:
            continue
        if not child.exists():
            removed += 1
    return removed
