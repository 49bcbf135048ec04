"""The Japanese catalogue ships with the app, covers every UI string, and is really used."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from cre_desk.gui import app as gui_app
from cre_desk.gui import crash, messages

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "cre_desk_ja.ts"


@pytest.fixture
def japanese(qapp):
    translators = gui_app.install_translations(qapp, "ja")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setProperty("cre_desk_language", "en")


def test_japanese_catalogue_translates_windows_dialogs_and_error_messages(japanese):
    assert japanese, "the compiled catalogue did not load"
    assert QCoreApplication.translate("MainWindow", "&New ticket") == "新規チケット(&N)"
    assert crash.tr("CRE Desk hit an unexpected problem") == "CRE Desk で予期しない問題が発生しました"
    assert messages.tr("The disk is full, so nothing could be saved.") == "ディスクがいっぱいのため保存できませんでした。"


def test_english_stays_english(qapp):
    assert gui_app.install_translations(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "&New ticket") == "&New ticket"


def test_every_ui_string_has_a_japanese_translation(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing: PySide6-Essentials should install it")
    fresh = tmp_path / "fresh.ts"
    # Designer forms too: uic compiles their texts into QCoreApplication.translate(<form class>, ...).
    sources = sorted(str(p) for p in [*(ROOT / "cre_desk" / "gui").glob("*.py"), *(ROOT / "ui").glob("*.ui")])
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c.findtext("name") or "", m.findtext("source"))
              for c in ET.parse(fresh).iter("context") for m in c.iter("message")}
    shipped = {}
    for context in ET.parse(CATALOGUE).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip()
            done = translation.get("type") not in ("unfinished", "obsolete", "vanished") and text
            shipped[(context.findtext("name") or "", message.findtext("source"))] = done
    missing = sorted(key for key in wanted if not shipped.get(key))
    assert not missing, f"untranslated UI strings (run lupdate, translate, lrelease): {missing[:10]}"
