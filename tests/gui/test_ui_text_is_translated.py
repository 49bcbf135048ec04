"""UI text goes through Qt's translation (docs/translations.md): these checks catch widget text written as a
bare English literal, and Japanese written into GUI code instead of into the catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "cre_desk" / "gui"
WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QRadioButton", "QToolButton",
           "QMenu"}
SETTERS = {"setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "addItem", "addAction", "addTab",
           "addMenu", "insertTab", "setTabText", "setStatusTip", "setTitle", "setSuffix", "setPrefix",
           "setSpecialValueText", "setHorizontalHeaderLabels", "showMessage", "setInformativeText",
           "setLabelText"}
# Literals that are not words to translate: a language's own name, example input, a symbol on a button.
NOT_UI_WORDS = {"English", "日本語", "zendesk-acme", "agent@example.com", "Aa", ".*"}
WORD = re.compile(r"[A-Za-z]{2,}")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _gui_modules():
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(GUI.glob("*.py"))]


def _shown_text(call: ast.Call) -> list[ast.expr]:
    """The arguments of ``call`` that a user reads (for addItem only the text, not the item's data)."""
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", None)
    if name not in WIDGETS and name not in SETTERS:
        return []
    args = call.args[:1] if name == "addItem" else list(call.args)
    args += [k.value for k in call.keywords if k.arg in ("text", "placeholderText", "toolTip", "title")]
    found = []
    for arg in args:
        parts = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else arg.values if isinstance(
            arg, ast.JoinedStr) else [arg]
        found += [p for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]
    return found


def test_widget_text_is_never_a_bare_english_literal():
    bare = [f"{path.relative_to(ROOT)}:{const.lineno}: {const.value!r}"
            for path, tree in _gui_modules() for node in ast.walk(tree) if isinstance(node, ast.Call)
            for const in _shown_text(node) if WORD.search(const.value) and const.value not in NOT_UI_WORDS]
    assert not bare, "wrap UI text in self.tr(...) or put it in a ui/*.ui form:\n" + "\n".join(bare)


def test_gui_code_holds_no_japanese_ui_text():
    modules = _gui_modules()
    docstrings = set()
    for _path, tree in modules:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) \
                    and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docstrings.add(id(first.value))
    inline = [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
              for path, tree in modules for node in ast.walk(tree)
              if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
              and JAPANESE.search(node.value) and node.value not in NOT_UI_WORDS]
    assert not inline, ("Japanese UI text belongs in resources/translations/cre_desk_ja.ts:\n"
                        + "\n".join(inline))
