"""What a file really is, from its first bytes: never trust the extension a customer gave it.

A screenshot renamed to ``.log`` or a gzip named ``.txt`` is common; the import and the attach
flow both decide by magic bytes here, before anything is unpacked or shown.
"""

from __future__ import annotations

SNIFF_BYTES = 8 * 1024

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
# Bytes that do not occur in text: C0 controls except tab, newlines, form feed and ESC (ANSI colours),
# plus DEL.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


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


def binary_notice(kind: str, display: str | None) -> str:
    what = _WHAT.get(kind.partition(":")[2], "binary data")
    if display is None:
        return f"The file looks binary ({what}), it is shown as text with replacement characters."
    return f"{display} looks binary ({what}); it is shown as text with replacement characters."

