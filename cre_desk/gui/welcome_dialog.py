"""The first start: who you are (for the Timeline's "By", assignee defaults and reply signatures) and
whether to load the demo workspace. Asked once; the name stays editable in Settings."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cre_desk.gui.forms.ui_welcome_dialog import Ui_WelcomeDialog


@dataclass(frozen=True)
class Welcome:
    name: str
    load_demo: bool


def suggested_name() -> str:
    """The full name the operating system knows for this account, if any (never the bare login)."""
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError, AttributeError, OSError):
        return ""
    full = entry.pw_gecos.split(",")[0].strip()
    return "" if full.lower() == entry.pw_name.lower() else full


class WelcomeDialog(QDialog):
    """The layout and its texts live in ``ui/welcome_dialog.ui``; this class shows the parts that apply."""

    def __init__(self, name: str = "", *, ask_name: bool = True, offer_demo: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_WelcomeDialog()
        ui.setupUi(self)
        ui.name.setText(name)
        for widget in (ui.intro, ui.name_label, ui.name):
            widget.setVisible(ask_name)
        ui.demo.setVisible(offer_demo)
        start = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        start.setText(self.tr("Start"))
        start.setDefault(True)
        self.offer_demo = offer_demo

    def answer(self, accepted: bool = True) -> Welcome:
        return Welcome(self.ui.name.text().strip() if accepted else "",
                       accepted and self.offer_demo and self.ui.demo.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, *, ask_name: bool, offer_demo: bool) -> Welcome:
        dialog = cls(name, ask_name=ask_name, offer_demo=offer_demo, parent=parent)
        return dialog.answer(dialog.exec() == QDialog.DialogCode.Accepted)


def greet_first_start(window, ctx, database_created: bool) -> None:
    """Ask for the engineer's name (once) and offer the demo on a new database (ticked by default)."""
    settings = ctx.settings
    offer_demo = database_created and not settings.demo_offered
    ask_name = not settings.user_name.strip() and not settings.name_asked
    if not (offer_demo or ask_name):
        return
    welcome = WelcomeDialog.ask(window, suggested_name(), ask_name=ask_name, offer_demo=offer_demo)
    settings.demo_offered = settings.demo_offered or offer_demo
    settings.name_asked = True
    if ask_name and welcome.name:
        settings.user_name = welcome.name
    ctx.save_settings()
    if welcome.load_demo:
        window.load_demo()
