"""Settings: who you are, the UI language and theme, and where the team's database lives."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cre_desk.config import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.user_name = QLineEdit(settings.user_name)
        self.team = QLineEdit(settings.team)
        self.language = QComboBox()
        for label, value in ((self.tr("Follow the system"), ""), ("English", "en"), ("日本語", "ja")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.theme = QComboBox()
        for label, value in ((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                             (self.tr("Dark"), "dark")):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.db_url = QLineEdit(settings.db_url)
        self.db_url.setPlaceholderText("postgresql://user@server/cre_desk")
        hint = QLabel(self.tr("Leave empty to keep tickets in the local file. A team server URL must not "
                              "contain a password: use the server's trusted or certificate login."))
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.user_name)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Team database"), self.db_url)
        self.redact = QCheckBox(self.tr("Remove API keys, tokens and e-mail addresses from logs when attaching them"))
        self.redact.setChecked(settings.redact_logs)
        form.addRow(self.tr("Privacy"), self.redact)
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def _on_buttons_accepted(self) -> None:
        url = self.db_url.text().strip()
        if url and not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
            self.error.setText(self.tr("The team database must be a postgresql:// URL."))
            return
        if url and ":" in url.split("://", 1)[1].split("@", 1)[0] and "@" in url:
            self.error.setText(self.tr("Remove the password from the URL; passwords are not stored in settings."))
            return
        self.settings.user_name = self.user_name.text().strip()
        self.settings.team = self.team.text().strip()
        self.settings.language = self.language.currentData()
        self.settings.theme = self.theme.currentData()
        self.settings.db_url = url
        self.settings.redact_logs = self.redact.isChecked()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings) -> bool:
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted
