"""Compiles the Qt Designer forms in ``ui/*.ui`` into ``cre_desk/gui/forms/ui_*.py``.

The generated modules are committed so the app runs without Qt's tools; a test re-generates them into a
temporary folder and fails when a committed one differs (a ``.ui`` file edited without running this).

    python tools/build_forms.py            write cre_desk/gui/forms/ui_<name>.py for every ui/<name>.ui
    python tools/build_forms.py --check    only compare; exit 1 and name the stale forms
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "ui"
OUT = ROOT / "cre_desk" / "gui" / "forms"


def uic() -> str:
    """pyside6-uic next to this Python (the venv's), else on PATH."""
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic is missing: PySide6-Essentials installs it")
    return found


def target(form: Path, out: Path = OUT) -> Path:
    return out / f"ui_{form.stem}.py"


def build(out: Path = OUT) -> list[Path]:
    """Compile every form into ``out``; the paths written."""
    written = []
    tool = uic()
    for form in sorted(FORMS.glob("*.ui")):
        path = target(form, out)
        # Run from ui/ with a relative name so the generated header names no machine-specific path.
        subprocess.run([tool, "--generator", "python", form.name, "-o", str(path)], cwd=FORMS, check=True,
                       capture_output=True)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\r\n", "\n"), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def stale() -> list[str]:
    """Names of committed forms that differ from a fresh compile, or that have no ``.ui`` file any more."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = {p.name: p.read_text(encoding="utf-8") for p in build(Path(tmp))}
    committed = {p.name: p.read_text(encoding="utf-8") for p in OUT.glob("ui_*.py")}
    for name in sorted(fresh.keys() | committed.keys()):
        if name not in committed:
            problems.append(f"{name} was never generated")
        elif name not in fresh:
            problems.append(f"{name} has no ui/{name[3:-3]}.ui any more")
        elif fresh[name] != committed[name]:
            problems.append(f"{name} is older than ui/{name[3:-3]}.ui")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 when a form is stale")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for line in problems:
            print("stale:", line)
        return 1 if problems else 0
    for path in build():
        print("wrote", path.relative_to(ROOT).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
