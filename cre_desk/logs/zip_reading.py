"""Reading a zip without trusting it: names, layout and decompression are checked before use.

Zip bombs and zip-slip archives arrive as customer attachments. These checks look at the raw
structure (end record, local headers) before ``zipfile`` parses it, refuse member names that could
act as paths, and decompress bzip2/LZMA members with a bound on every step (RELIABILITY A-1..A-6).
"""

from __future__ import annotations

import bz2
import copy
import lzma
import re
import struct
import zipfile
import zlib
from typing import BinaryIO

from cre_desk.logs.unpack_types import CHUNK, ArchiveError, Limits

_DRIVE = re.compile(r"[A-Za-z]:")
_MAX_DISPLAY_NAME = 300


def display_name(name: str) -> str:
    """A member name made safe to show: control characters escaped, very long names shortened."""
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name[:_MAX_DISPLAY_NAME])
    return shown + ("…" if len(name) > _MAX_DISPLAY_NAME else "")


def unsafe_name(name: str, limits: Limits) -> str | None:
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



def zip_directory_size(fp: BinaryIO, file_size: int) -> tuple[int, int] | None:
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


def check_layout(fp: BinaryIO, infos: list[zipfile.ZipInfo], file_size: int) -> set[int]:
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



SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_RAW_IN = 64 * 1024


def member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
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


def method_name(code: int) -> str:
    names = zipfile.compressor_names  # type: ignore[attr-defined]  # not in typeshed, present at runtime
    return names.get(code, f"method {code}")

