"""Settings: who you are, the UI language and theme, where the team's database lives, background sync and
the company certificate for networks that inspect HTTPS."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
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
        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(0, 240)
        self.sync_interval.setSuffix(self.tr(" min"))
        self.sync_interval.setSpecialValueText(self.tr("off"))
        self.sync_interval.setValue(max(0, int(settings.sync_interval_minutes)))
        self.sync_interval.setToolTip(self.tr("How often helpdesk accounts are synced in the background "
                                              "while CRE Desk runs (F6 syncs at once)"))
        form.addRow(self.tr("Background sync"), self.sync_interval)
        self.ca_bundle = QLineEdit(settings.ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("the system's certificates"))
        self.ca_bundle.setToolTip(self.tr(
            "Only if your company's network inspects secure (HTTPS) traffic: the proxy's certificate "
            "authority file (PEM) from your IT team"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("Company certificate (CA bundle)"), ca_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 340)

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
        ca_bundle = self.ca_bundle.text().strip()
        if ca_bundle:
            from cre_desk.errors import UserError
            from cre_desk.integrations.transport import check_ca_bundle

            try:
                ca_bundle = check_ca_bundle(ca_bundle)
            except UserError as exc:
                self.error.setText(str(exc))
                return
        self.settings.redact_logs = self.redact.isChecked()
        self.settings.sync_interval_minutes = self.sync_interval.value()
        self.settings.ca_bundle = ca_bundle
        self.accept()

    def _on_browse_clicked(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("Company certificate"), self.ca_bundle.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_bundle.setText(path)

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings) -> bool:
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted
