"""Installing from source: the README names what a machine needs, and an unsupported Python is refused
at once, with a clear message, by a constraint that agrees with the pinned dependencies."""

from __future__ import annotations

import re
import runpy
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETUP = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_under_test")


def _supported() -> list[str]:
    spec = SpecifierSet(PYPROJECT["project"]["requires-python"])
    return [f"3.{minor}" for minor in range(8, 20) if f"3.{minor}.0" in spec]


def test_readme_lists_the_system_libraries_ci_installs():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    block = script.split("apt-get install", 1)[1].split(">/dev/null", 1)[0]
    packages = [word for word in block.split() if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", word)
                and word not in ("-y", "-qq")]
    assert "libxcb-cursor0" in packages and len(packages) > 10
    missing = [p for p in packages if p not in ("xvfb", "xauth") and p not in README]
    assert not missing, f"README does not name these libraries: {missing}"


def test_readme_says_which_python_before_the_install_command():
    versions = _supported()
    assert versions[0] == "3.11"
    requirements = README.index("## Requirements")
    assert requirements < README.index("pip install .")
    said = README[requirements:README.index("## Quick start")]
    assert all(v in said for v in versions), versions


def test_requires_python_fits_every_pinned_dependency():
    """A Python the project accepts must be one every pinned package installs on."""
    ours = _supported()
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in ours   # the Python running these tests
    for line in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        theirs = metadata.metadata(requirement.name).get("Requires-Python") or ""
        spec = SpecifierSet(theirs)
        refused = [v for v in ours if f"{v}.0" not in spec]
        assert not refused, f"{requirement.name} ({theirs}) does not support Python {refused}"


def test_an_unsupported_python_gets_a_clear_message_before_any_download():
    problem = SETUP["python_problem"]
    pyproject = ROOT / "pyproject.toml"
    supported = _supported()
    assert problem((3, 11, 7), pyproject) == ""
    assert problem((int(supported[-1][0]), int(supported[-1][2:]), 0), pyproject) == ""
    message = problem((3, 10, 13), pyproject)
    said = supported[0] if len(supported) == 1 else ", ".join(supported[:-1]) + " or " + supported[-1]
    assert f"needs Python {said};" in message and "this is Python 3.10" in message
    beyond = int(supported[-1][2:]) + 1
    assert f"this is Python 3.{beyond}" in problem((3, beyond, 0), pyproject)
