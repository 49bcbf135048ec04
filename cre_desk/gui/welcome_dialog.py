"""The first start: who you are (for the Timeline's "By", assignee defaults and reply signatures) and
whether to load the demo workspace. Asked once; the name stays editable in Settings."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


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
    def __init__(self, name: str = "", *, ask_name: bool = True, offer_demo: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to CRE Desk"))
        intro = QLabel(self.tr(
            "Your name is shown in each ticket's Timeline (“By”), is the assignee of the tickets you create "
            "and signs your replies. You can change it later in Settings."))
        intro.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("e.g. Aki Sato"))
        self.demo = QCheckBox(self.tr("Load a small demo workspace: realistic in-app message, push and event "
                                      "tickets with sample logs, to see how it works"))
        self.demo.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        layout = QVBoxLayout(self)
        if ask_name:
            layout.addWidget(intro)
            layout.addLayout(form)
        else:
            self.name.hide()
        self.demo.setVisible(offer_demo)
        layout.addWidget(self.demo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.offer_demo = offer_demo
        self.resize(520, 220)

    def answer(self, accepted: bool = True) -> Welcome:
        return Welcome(self.name.text().strip() if accepted else "",
                       accepted and self.offer_demo and self.demo.isChecked())

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
