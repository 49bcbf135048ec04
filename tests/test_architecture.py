"""Architecture rules that keep the core testable without Qt, checked on every test run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cre_desk"


def test_import_contracts_hold():
    """Only cre_desk.gui may import PySide6 (import-linter contracts in pyproject.toml)."""
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _python_files(folder: Path):
    return [p for p in folder.rglob("*.py") if "forms" not in p.parts]


def test_every_module_opens_with_a_docstring():
    missing = []
    for path in _python_files(PACKAGE):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not ast.get_docstring(tree) and path.stat().st_size > 0:
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_no_tls_verification_bypass_in_product_code():
    offenders = [str(p.relative_to(ROOT)) for p in _python_files(PACKAGE)
                 if "verify=False" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_customer_text_never_goes_through_guessing_settext_on_rich_widgets():
    """QTextEdit/QTextBrowser.setHtml is never used in the product (customer text must stay plain)."""
    offenders = []
    for path in _python_files(PACKAGE / "gui"):
        text = path.read_text(encoding="utf-8")
        if ".setHtml(" in text or "QTextBrowser" in text or "openExternalLinks" in text.replace(
                "setOpenExternalLinks(False)", ""):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_ruff_passes():
    exe = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(exe), "check", "."], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_long_lines_and_type_errors_only_get_fewer():
    """No file gets more over-long lines or mypy errors than tools/quality_baseline.json allows."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import quality_baseline
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert quality_baseline.worse(quality_baseline.current(), quality_baseline.load()) == []
