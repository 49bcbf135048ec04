"""Shipped data carries its texts one way (docs/translations.md): a text a user reads is an object with an
"en" and a "ja" string, and a document written per language is one file per language. These checks keep
new data files to that scheme, so every text shows in both languages and is read by the same code."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
LANGUAGES = ("en", "ja")


def _data_files() -> list[Path]:
    # demo/ holds sample customer data (tickets, articles as a user would have typed them), not app texts.
    return sorted(p for p in RESOURCES.rglob("*.json") if "demo" not in p.relative_to(RESOURCES).parts)


def _problems(node, where: str) -> list[str]:
    found = []
    if isinstance(node, dict):
        texts = all(isinstance(node.get(k), str) or k not in node for k in LANGUAGES)
        if set(node) & set(LANGUAGES) and texts:
            missing = [k for k in LANGUAGES if not isinstance(node.get(k), str)]
            empty = [k for k in LANGUAGES if isinstance(node.get(k), str) and not node[k].strip()]
            if missing:
                found.append(f"{where}: text without {'/'.join(missing)}")
            elif len(empty) == 1:
                found.append(f"{where}: {empty[0]} text is empty while the other is not")
        for key, value in node.items():
            if isinstance(key, str) and key.endswith(tuple(f"_{lang}" for lang in LANGUAGES)):
                found.append(f"{where}.{key}: per-language key (use {{\"en\": ..., \"ja\": ...}})")
            found += _problems(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _problems(value, f"{where}[{index}]")
    return found


def test_every_shipped_text_is_an_en_ja_pair():
    files = _data_files()
    assert len(files) > 20, "the resources folder was not found"
    problems = []
    for path in files:
        problems += _problems(json.loads(path.read_text(encoding="utf-8")), path.relative_to(ROOT).as_posix())
    assert not problems, "\n".join(problems[:20])


def test_documents_written_per_language_exist_in_every_language():
    templates = {lang: sorted(p.name for p in (RESOURCES / "templates" / lang).glob("*.json"))
                 for lang in LANGUAGES}
    assert templates["en"] and templates["en"] == templates["ja"], templates
    assert all((RESOURCES / "glossary" / f"{lang}.json").is_file() for lang in LANGUAGES)


def test_wording_tables_fill_the_same_fields_in_both_languages():
    """A {field} only one language uses would show "{title}" to readers of the other, or drop a value."""
    import string

    from cre_desk.core import shipped_texts

    for table in ROOT.joinpath("texts").glob("*.json"):
        for key, pair in shipped_texts.table(table.stem).items():
            en = {f for _, f, _, _ in string.Formatter().parse(pair.en) if f}
            ja = {f for _, f, _, _ in string.Formatter().parse(pair.ja) if f}
            assert en == ja, f"texts/{table.name}: “{key}” fills {sorted(en)} (en) but {sorted(ja)} (ja)"


# Where Japanese may appear in the Qt-free code: Label tables of the vocabulary the code branches on, text
# that recognises Japanese rather than shows it, demo data, and migrations (fixed records of what they did).
_JAPANESE_ALLOWED = {"core/vocabulary.py", "core/feedback.py", "core/kb.py", "core/kb_drafting.py",
                     "core/demo_feedback.py"}


def test_no_shipped_japanese_wording_is_written_into_qt_free_code():
    """Wording the reader sees is data (resources/texts, en/ja pairs), not a Japanese string in a module."""
    import ast
    import re

    package = Path(__file__).resolve().parents[1] / "cre_desk"
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    found = []
    for layer in ("core", "logs", "actions", "db", "integrations"):
        for path in sorted((package / layer).rglob("*.py")):
            name = path.relative_to(package).as_posix()
            if name in _JAPANESE_ALLOWED or "/migrations/" in name:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                          if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                          and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
            found += [f"{name}:{node.lineno}" for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and isinstance(node.value, str)
                      and id(node) not in docstrings and japanese.search(node.value)]
    assert found == []
