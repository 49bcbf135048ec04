"""Build hook for the one native module; everything else is declared in pyproject.toml.

The scanner is optional: where no C compiler is available the package installs without it and the
log engine uses its pure-Python scanner (same results, slower on very large logs).

It also stops an install on an unsupported Python before pip fetches any dependency: some pip versions
(such as the one bundled with Python 3.10) do not check ``requires-python`` of a local project and would
download everything first, only to fail on a pinned package.
"""

import re
import sys
from pathlib import Path

from setuptools import Extension, setup


def supported_range(pyproject: Path) -> tuple[tuple[int, int], tuple[int, int]]:
    """(lowest, first unsupported) Python from pyproject.toml's ``requires-python = ">=X.Y,<X.Z"``."""
    text = pyproject.read_text(encoding="utf-8")
    found = re.search(r'^requires-python\s*=\s*">=(\d+)\.(\d+)\s*,\s*<(\d+)\.(\d+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("pyproject.toml: requires-python must read \">=X.Y,<X.Z\".")
    low_major, low_minor, high_major, high_minor = map(int, found.groups())
    return (low_major, low_minor), (high_major, high_minor)


def python_problem(version: tuple[int, ...], pyproject: Path) -> str:
    """Why this Python cannot run CRE Desk, in words for the person installing it ("" when it can)."""
    low, high = supported_range(pyproject)
    if low <= tuple(version[:2]) < high:
        return ""
    names = [f"{low[0]}.{minor}" for minor in range(low[1], high[1])]
    names = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return (f"CRE Desk needs Python {names}; this is Python {version[0]}.{version[1]}. Install a supported "
            f"Python and run pip with it, e.g. `python{low[0]}.{low[1]} -m pip install .` (see the README, "
            f"Requirements).")


if __name__ == "__main__":
    problem = python_problem(tuple(sys.version_info), Path(__file__).resolve().parent / "pyproject.toml")
    if problem:
        raise SystemExit(problem)
    setup(ext_modules=[Extension("cre_desk.logs._linescan", ["cre_desk/logs/_linescan.c"], optional=True,
                                 extra_compile_args=[] if __import__("os").name == "nt" else ["-O2"])])
