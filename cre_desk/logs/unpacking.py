"""One import of a customer archive: caps, counters and every file written, in one place.

Unpacking gzip and zip streams into numbered files under the work dir is where a hostile file can
do harm (bombs, endless nesting, disk exhaustion), so every byte written goes through one object
that checks cancel and the caps between chunks and can delete everything it wrote (A-1..A-6, I-1).
"""

from __future__ import annotations

import lzma
import os
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cre_desk.errors import EnvironmentFault
from cre_desk.logs.file_kind import SNIFF_BYTES, binary_notice, sniff_kind
from cre_desk.logs.unpack_types import (
    CHUNK,
    ArchiveError,
    Cancelled,
    CapCrossed,
    EntryRejected,
    Limits,
    OpenedLog,
    OpenResult,
    Rejected,
)
from cre_desk.logs.zip_reading import (
    SUPPORTED_METHODS,
    check_layout,
    display_name,
    member_chunks,
    method_name,
    unsafe_name,
    zip_directory_size,
)

MAX_NESTING = 1                # an archive inside an archive is opened; one more level is not
RATIO_GRACE = 1024 * 1024      # the ratio check starts once an entry has produced this much
SEP = " › "

_GZIP_IN = 64 * 1024


class UnpackRun:
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
                raise environment_fault(exc) from exc
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
            raise CapCrossed(f"The archive unpacks to more than {cap:,.0f} MiB, so it was not opened "
                         "(possible zip bomb). Unpack it yourself and open the logs you need.")
        try:
            out.write(data)
        except OSError as exc:
            raise environment_fault(exc) from exc
        self.total += len(data)
        self.progress(self.total)

    def check_ratio(self, produced: int, compressed: int) -> None:
        if produced > RATIO_GRACE and produced / max(compressed, 1) > self.limits.max_ratio:
            raise EntryRejected("compression ratio too high (possible zip bomb)")

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
                    raise EntryRejected("nested too deeply (an archive inside an archive inside an archive)")
                self.open_archive(path, kind, display, depth + 1)
            except EntryRejected as exc:
                self.result.rejected.append(Rejected(display, exc.reason))
            except (Cancelled, CapCrossed):
                raise
            except ArchiveError as exc:
                self.result.rejected.append(Rejected(display, exc.message))
            finally:
                self.discard(path)
            return
        if kind.startswith("binary:"):
            self.result.notices.append(binary_notice(kind, display))
        self.result.logs.append(OpenedLog(display, path, path.stat().st_size, True))

    # -- gzip

    def open_gzip(self, source: Path, display: str, depth: int) -> None:
        path, out = self.new_file()
        try:
            with out, open(source, "rb") as src:
                produced, problem = self.gunzip(src, out)
        except EntryRejected:
            self.discard(path)
            raise
        if problem == "damaged" and produced == 0:
            self.discard(path)
            raise EntryRejected("damaged (the gzip data cannot be decompressed)")
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
            directory = zip_directory_size(fp, file_size)
            if directory is None:
                raise ArchiveError("The zip archive is damaged (its table of contents is missing).")
            count, cd_size = directory
            if (count > limits.max_entries
                    or cd_size > limits.max_entries * (46 + limits.max_name_length + 1024)):
                raise ArchiveError(f"The archive has {count:,} entries; CRE Desk opens archives with at most "
                                   f"{limits.max_entries:,}. Unpack it yourself and open the logs you need.")
            try:
                archive = zipfile.ZipFile(source)
            except (zipfile.BadZipFile, NotImplementedError, EOFError, ValueError, OSError) as exc:
                raise ArchiveError("The zip archive is damaged and cannot be opened.",
                                   detail=str(exc)) from exc
            with archive:
                infos = archive.infolist()
                if len(infos) > limits.max_entries:
                    raise ArchiveError(f"The archive has {len(infos):,} entries; CRE Desk opens archives "
                                       f"with at most {limits.max_entries:,}.")
                past_end = check_layout(fp, infos, file_size)
                files = encrypted = 0
                for info in infos:
                    self.check_cancel()
                    member = display + SEP + display_name(info.orig_filename)
                    try:
                        reason = unsafe_name(info.orig_filename, limits)
                        if reason:   # before is_dir(): an empty name has no last character to look at
                            if not info.orig_filename.endswith("/"):
                                files += 1
                            raise EntryRejected(reason)
                        if info.is_dir():
                            continue
                        files += 1
                        if info.flag_bits & 0x1:
                            encrypted += 1
                        self.open_member(archive, info, member, depth, id(info) in past_end)
                    except EntryRejected as exc:
                        self.result.rejected.append(Rejected(member, exc.reason))
        if files and encrypted == files:
            raise ArchiveError("The archive is password-protected; CRE Desk cannot open encrypted archives. "
                               "Ask the customer to send it without a password.")
        if files == 0:
            self.result.notices.append(f"{display} contains no files.")

    def open_member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: str, depth: int,
                    past_end: bool) -> None:
        reason = unsafe_name(info.orig_filename, self.limits)
        if reason:
            raise EntryRejected(reason)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise EntryRejected("symbolic link (not followed)")
        if info.flag_bits & 0x1:
            raise EntryRejected("encrypted (password-protected)")
        known = zipfile.compressor_names  # type: ignore[attr-defined]  # not in typeshed, present at runtime
        if info.compress_type not in known or info.compress_type not in SUPPORTED_METHODS:
            raise EntryRejected(f"unsupported compression method ({method_name(info.compress_type)})")
        if past_end:
            raise EntryRejected("damaged (the entry runs past the end of the file)")
        path, out = self.new_file()
        try:
            with out:
                produced = 0
                for data in member_chunks(archive, info):
                    self.check_cancel()
                    self.write(out, data)
                    produced += len(data)
                    self.check_ratio(produced, info.compress_size)
        except EntryRejected:
            self.discard(path)
            raise
        except zipfile.BadZipFile as exc:
            self.discard(path)
            crc = "CRC" in str(exc)
            raise EntryRejected("damaged (checksum mismatch)" if crc else "damaged (cannot be read)") from exc
        except NotImplementedError as exc:
            self.discard(path)
            method = method_name(info.compress_type)
            raise EntryRejected(f"unsupported compression method ({method})") from exc
        except RuntimeError as exc:   # zipfile: "encrypted, password required"
            self.discard(path)
            raise EntryRejected("encrypted (password-protected)") from exc
        except (zlib.error, lzma.LZMAError, EOFError, ValueError, OSError) as exc:
            self.discard(path)
            raise EntryRejected("damaged (cannot be decompressed)") from exc
        except BaseException:
            self.discard(path)
            raise
        self.finish(path, member, depth)


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


def environment_fault(exc: OSError) -> EnvironmentFault:
    return EnvironmentFault("The file could not be unpacked to the temporary folder.",
                            action="Free some disk space or check the temporary folder, then try again.",
                            detail=str(exc))
