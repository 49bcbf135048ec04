"""Settings: who you are, the UI language and theme, where the team's database lives, background sync and
the company certificate for networks that inspect HTTPS."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from cre_desk.config import Settings
from cre_desk.gui.forms.ui_settings_dialog import Ui_SettingsDialog


class SettingsDialog(QDialog):
    """The layout and its texts live in ``ui/settings_dialog.ui``; this class loads and checks the values."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ui = ui = Ui_SettingsDialog()
        ui.setupUi(self)
        ui.user_name.setText(settings.user_name)
        ui.team.setText(settings.team)
        for label, value in ((self.tr("Follow the system"), ""), ("English", "en"), ("日本語", "ja")):
            ui.language.addItem(label, value)
        ui.language.setCurrentIndex(max(0, ui.language.findData(settings.language)))
        for label, value in ((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                             (self.tr("Dark"), "dark")):
            ui.theme.addItem(label, value)
        ui.theme.setCurrentIndex(max(0, ui.theme.findData(settings.theme)))
        ui.db_url.setText(settings.db_url)
        ui.redact.setChecked(settings.redact_logs)
        ui.sync_interval.setValue(max(0, int(settings.sync_interval_minutes)))
        ui.ca_bundle.setText(settings.ca_bundle)
        ui.browse.clicked.connect(self._on_browse_clicked)
        ui.buttons.accepted.connect(self._on_buttons_accepted)

    def _on_buttons_accepted(self) -> None:
        url = self.ui.db_url.text().strip()
        if url and not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
            self.ui.error.setText(self.tr("The team database must be a postgresql:// URL."))
            return
        if url and ":" in url.split("://", 1)[1].split("@", 1)[0] and "@" in url:
            self.ui.error.setText(
                self.tr("Remove the password from the URL; passwords are not stored in settings."))
            return
        self.settings.user_name = self.ui.user_name.text().strip()
        self.settings.team = self.ui.team.text().strip()
        self.settings.language = self.ui.language.currentData()
        self.settings.theme = self.ui.theme.currentData()
        self.settings.db_url = url
        ca_bundle = self.ui.ca_bundle.text().strip()
        if ca_bundle:
            from cre_desk.errors import UserError
            from cre_desk.integrations.transport import check_ca_bundle

            try:
                ca_bundle = check_ca_bundle(ca_bundle)
            except UserError as exc:
                self.ui.error.setText(str(exc))
                return
        self.settings.redact_logs = self.ui.redact.isChecked()
        self.settings.sync_interval_minutes = self.ui.sync_interval.value()
        self.settings.ca_bundle = ca_bundle
        self.accept()

    def _on_browse_clicked(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("Company certificate"), self.ui.ca_bundle.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ui.ca_bundle.setText(path)

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings) -> bool:
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted
