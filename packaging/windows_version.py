"""The Windows version resource (Explorer > Properties > Details) for the CRE Desk executables.

build.spec calls :func:`version_info` with ``cre_desk.__version__``; nothing here is typed by hand, so
a release only ever bumps ``cre_desk/__init__.py``. PyInstaller's ``versioninfo`` module needs pefile,
which PyInstaller installs on Windows only, so it is imported inside the function.
"""

from __future__ import annotations

import re

COMPANY = "CRE Desk"
PRODUCT = "CRE Desk"
DESCRIPTION = "CRE Desk - triage for Customer Reliability Engineering teams"
COPYRIGHT = "Copyright (c) CRE Desk. All rights reserved."


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0); pre-release/local suffixes ('1.2.0rc1', '1.2.0+g1234') are dropped."""
    core = re.match(r"\d+(?:\.\d+){0,3}", version.strip())
    if core is None:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(n) for n in core.group(0).split(".")]
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version {version!r}: Windows allows at most 65535 in each part")
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_info(version: str, exe_name: str, description: str = DESCRIPTION):
    """A PyInstaller ``VSVersionInfo`` for one executable (``exe_name`` without ``.exe``)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0,
                          OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            StringFileInfo([
                StringTable("040904B0", [  # U.S. English, Unicode
                    StringStruct("CompanyName", COMPANY),
                    StringStruct("FileDescription", description),
                    StringStruct("FileVersion", version),
                    StringStruct("InternalName", exe_name),
                    StringStruct("LegalCopyright", COPYRIGHT),
                    StringStruct("OriginalFilename", f"{exe_name}.exe"),
                    StringStruct("ProductName", PRODUCT),
                    StringStruct("ProductVersion", version),
                ]),
            ]),
            VarFileInfo([VarStruct("Translation", [0x0409, 0x04B0])]),
        ],
    )


if __name__ == "__main__":  # print the resource for a quick look: python packaging/windows_version.py 1.2.3
    import sys

    print(version_info(sys.argv[1] if len(sys.argv) > 1 else "0.0.0", "cre-desk"))
