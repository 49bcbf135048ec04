"""The one place that locates files shipped in ``resources/`` (source tree, wheel or frozen app)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

_PACKAGE = "cre_desk.resources"


def root() -> Traversable:
    """Return the resources root; works from a checkout, an installed wheel and a PyInstaller bundle."""
    return resources.files(_PACKAGE)


def path(*parts: str) -> Traversable:
    """Return the resource at ``parts`` below the root (it may not exist)."""
    node = root()
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    """Read a UTF-8 text resource."""
    return path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    """Read a binary resource."""
    return path(*parts).read_bytes()


def read_json(*parts: str) -> Any:
    """Read and parse a JSON resource."""
    return json.loads(read_text(*parts))


def iter_files(folder: str, suffix: str = "", *, recursive: bool = False) -> Iterator[Traversable]:
    """Yield the files in a resource folder whose names end with ``suffix``, sorted by name (and, with
    ``recursive``, those of its sub-folders after them, folder by folder)."""
    node = path(*folder.split("/"))
    if not node.is_dir():
        return
    children = sorted(node.iterdir(), key=lambda c: c.name)
    for child in children:
        if child.is_file() and child.name.endswith(suffix) and not child.name.startswith("."):
            yield child
    if recursive:
        for child in children:
            if child.is_dir() and not child.name.startswith((".", "_")):
                yield from iter_files(f"{folder}/{child.name}", suffix, recursive=True)
