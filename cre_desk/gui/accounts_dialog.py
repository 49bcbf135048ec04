"""Helpdesk and GitHub accounts: where tickets come from and where replies go.

Tokens are typed here and go straight to the OS keyring; the dialog never shows a stored token and
the settings file only names the account. "Test connection" runs off the GUI thread.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from cre_desk.config import Settings
from cre_desk.errors import EnvironmentFault, UserError
from cre_desk.gui import messages
from cre_desk.gui.forms.ui_accounts_dialog import Ui_AccountsDialog
from cre_desk.gui.tasks import run_in_background
from cre_desk.integrations import accounts as accounts_module
from cre_desk.integrations import credentials

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1


class AccountsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, save_settings=lambda: None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.save_settings = save_settings
        # The layout and its texts live in ui/accounts_dialog.ui; the methods below use its widgets by name.
        self.ui = ui = Ui_AccountsDialog()
        ui.setupUi(self)
        self.list, self.form, self.provider, self.account_id = ui.list, ui.form, ui.provider, ui.account_id
        self.subdomain, self.email, self.region = ui.subdomain, ui.email, ui.region
        self.history_days, self.app_id = ui.history_days, ui.app_id
        self.mailbox, self.mailbox_row = ui.mailbox, ui.mailbox_row
        self.load_mailboxes_button = ui.load_mailboxes_button
        self.base_url, self.token = ui.base_url, ui.token
        self.token_hint, self.status = ui.token_hint, ui.status
        self.save_button, self.remove_button = ui.save_button, ui.remove_button
        self.test_button = ui.test_button

        self.model = QStandardItemModel(self)
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(lambda cur, _p: self._show(cur.data(ACCOUNT_ROLE)))
        for key, name in accounts_module.PROVIDERS.items():
            self.provider.addItem(name, key)
        self.provider.currentIndexChanged.connect(self._update_fields)
        self.provider.currentIndexChanged.connect(self._clear_status)
        for region in ("us", "eu", "au"):
            self.region.addItem(region.upper(), region)
        self.mailbox.addItem(self.tr("All mailboxes"), "")
        self.load_mailboxes_button.clicked.connect(self.load_mailboxes)
        ui.new_button.clicked.connect(lambda: self._show(None))
        self.field_map = ""   # the account's mapping, edited in FieldMappingDialog and saved with the account
        self.triage_tags = False   # send symptom and category as tags (set in the same dialog)
        self.field_map_row, self.field_map_state = ui.field_map_row, ui.field_map_state
        self.field_map_button = ui.field_map_button
        self.field_map_button.clicked.connect(self.edit_field_map)
        self.save_button.clicked.connect(self.save_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.test_button.clicked.connect(self.test_connection)
        self._reload()
        self._show(None)

    def _reload(self, select: str | None = None) -> None:
        self.model.clear()
        for account in accounts_module.load_accounts(self.settings):
            item = QStandardItem(f"{account.id} — {accounts_module.PROVIDERS.get(account.provider, account.provider)}")
            item.setData(account, ACCOUNT_ROLE)
            self.model.appendRow(item)
            if account.id == select:
                self.list.setCurrentIndex(item.index())

    def _clear_status(self, _index: int = 0) -> None:
        self.status.clear()

    def _update_fields(self) -> None:
        provider = self.provider.currentData()
        for widget, wanted in (
            (self.subdomain, provider in ("zendesk", "freshdesk")),
            (self.email, provider == "zendesk"),
            (self.region, provider == "intercom"),
            (self.app_id, provider == "helpscout"),
            (self.mailbox_row, provider == "helpscout"),
            (self.history_days, provider != "github"),
            (self.field_map_row, provider != "github"),
        ):
            widget.setEnabled(wanted)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setEnabled(wanted)
            self.form.setRowVisible(widget, wanted)  # each helpdesk shows only the fields it needs
        # Freshdesk reuses the domain row and every service the secret row: name them as the vendor does.
        domain_label = cast(QLabel, self.form.labelForField(self.subdomain))
        if provider == "freshdesk":
            domain_label.setText(self.tr("Freshdesk domain"))
            self.subdomain.setPlaceholderText(self.tr("acme (for acme.freshdesk.com)"))
        else:
            domain_label.setText(self.tr("Zendesk subdomain"))
            self.subdomain.setPlaceholderText(self.tr("acme (for acme.zendesk.com)"))
        secret_names = {
            "freshdesk": self.tr("API key"),
            "helpscout": self.tr("App Secret"),
            "intercom": self.tr("Access token"),
            "github": self.tr("Personal access token"),
        }
        secret_label = cast(QLabel, self.form.labelForField(self.token))
        secret_label.setText(secret_names.get(provider, self.tr("API token")))

    def _show(self, account) -> None:
        self.current = account
        if account is None:
            self.list.clearSelection()
            self.account_id.clear()
            self.account_id.setReadOnly(False)
            for field in (self.subdomain, self.email, self.base_url, self.token, self.app_id):
                field.clear()
            self.history_days.setValue(90)
            self._set_mailboxes([], "")
            self._set_field_map("", False)
        else:
            self.provider.setCurrentIndex(self.provider.findData(account.provider))
            self.account_id.setText(account.id)
            self.account_id.setReadOnly(True)
            self.subdomain.setText(account.subdomain)
            self.email.setText(account.email)
            self.region.setCurrentIndex(max(0, self.region.findData(account.region)))
            self.base_url.setText(account.base_url)
            self.history_days.setValue(int(account.history_days) if account.history_days.isdigit() else 90)
            self.app_id.setText(account.app_id)
            self._set_mailboxes([], account.mailbox)
            self._set_field_map(account.field_map, account.triage_tags == "yes")
            self.token.clear()
        stored = account is not None and credentials.load_token(account.id) is not None
        self.token_hint.setText(
            self.tr("A token is stored in the system keyring; type a new one to replace it.")
            if stored
            else self.tr("The token is kept only in the system keyring, never in CRE Desk's files.")
        )
        self.remove_button.setEnabled(account is not None)
        self.test_button.setEnabled(account is not None)
        self.status.clear()
        self._update_fields()

    def form_account(self) -> accounts_module.Account:
        return accounts_module.Account(
            id=self.account_id.text().strip(),
            provider=self.provider.currentData(),
            subdomain=self.subdomain.text().strip(),
            email=self.email.text().strip(),
            region=self.region.currentData(),
            base_url=self.base_url.text().strip(),
            history_days=str(self.history_days.value()),
            app_id=self.app_id.text().strip(),
            mailbox=str(self.mailbox.currentData() or ""),
            field_map=self.field_map,
            triage_tags="yes" if self.triage_tags else "",
        )

    def _set_field_map(self, text: str, triage_tags: bool) -> None:
        from cre_desk.core.field_mapping import parse

        self.field_map, self.triage_tags = text, triage_tags
        count = len(parse(text))
        state = (self.tr("{0} field(s) filled from the helpdesk").format(count) if count
                 else self.tr("No fields mapped"))
        if triage_tags:
            state += self.tr("; symptom and category sent as tags")
        self.field_map_state.setText(state)

    def edit_field_map(self) -> None:
        """Open the mapping table; the change is kept in the form and saved with "Save account"."""
        from cre_desk.gui.field_mapping_dialog import FieldMappingDialog

        dialog = FieldMappingDialog(self.provider.currentData(), self.field_map, self,
                                    triage_tags=self.triage_tags)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._set_field_map(dialog.mapping_text(), dialog.triage.isChecked())
            self.status.setText(self.tr("Press Save account to keep the field mapping."))

    def _set_mailboxes(self, boxes: list[tuple[str, str]], selected: str) -> None:
        """Offer "All mailboxes" plus ``boxes``; a saved choice stays listed (by id) until names are loaded."""
        self.mailbox.clear()
        self.mailbox.addItem(self.tr("All mailboxes"), "")
        for box_id, name in boxes:
            self.mailbox.addItem(f"{name} ({box_id})", box_id)
        if selected and self.mailbox.findData(selected) < 0:
            self.mailbox.addItem(self.tr("Mailbox {0}").format(selected), selected)
        self.mailbox.setCurrentIndex(max(0, self.mailbox.findData(selected)))

    def load_mailboxes(self) -> None:
        """List the Help Scout mailboxes the typed (or stored) App ID and Secret can see, off the GUI thread."""
        from cre_desk.integrations.helpscout import HelpScoutProvider

        app_id, secret = self.app_id.text().strip(), self.token.text().strip()
        if not secret and self.current is not None:
            secret = credentials.load_token(self.current.id) or ""
        if not app_id or not secret:
            self.status.setText(self.tr("Enter the App ID and App Secret first."))
            return
        base_url, selected = self.base_url.text().strip() or None, str(self.mailbox.currentData() or "")
        self.load_mailboxes_button.setEnabled(False)
        self.status.setText(self.tr("Loading mailboxes…"))

        def done(boxes) -> None:
            self.load_mailboxes_button.setEnabled(True)
            self._set_mailboxes(boxes, selected)
            self.status.setText(self.tr("{0} mailbox(es) found.").format(len(boxes)))

        def failed(exc: BaseException) -> None:
            self.load_mailboxes_button.setEnabled(True)
            self.status.setText(self.tr("Could not load mailboxes: {0}").format(messages.classify(exc)))

        def fetch() -> list[tuple[str, str]]:
            provider = HelpScoutProvider(app_id, secret, base_url=base_url)
            try:
                return provider.list_mailboxes()
            finally:
                provider.close()

        run_in_background(fetch, on_done=done, on_error=failed, receiver=self)

    def save_current(self) -> bool:
        """Save the form; on failure say why in plain words and keep what was typed (the token too)."""
        account = self.form_account()
        token = self.token.text().strip()
        try:
            if self.current is None and not token:
                raise UserError(
                    self.tr("Enter the account's API token.")
                    if account.provider != "helpscout"
                    else self.tr("Enter the Help Scout app's App Secret.")
                )
            accounts_module.save_account(self.settings, account, token or None)
            self.save_settings()
        except EnvironmentFault as exc:
            # An expected situation (no password store on this machine), not a defect: nothing is saved,
            # the typed token stays in its field so it can be saved once a keyring is available.
            self.status.setText(f"{exc} {exc.action}".strip())
            return False
        except UserError as exc:
            self.status.setText(str(exc))
            return False
        self.token.clear()  # saved: the token never lingers in the widget
        self._reload(select=account.id)
        self._show(account)
        self.status.setText(self.tr("Saved."))
        return True

    def remove_current(self) -> None:
        if self.current is None:
            return
        if not messages.confirm(
            self, self.tr("Remove the account “{0}” and its stored token?").format(self.current.id)
        ):
            return
        accounts_module.remove_account(self.settings, self.current.id)
        self.save_settings()
        self._reload()
        self._show(None)

    def test_connection(self) -> None:
        account = self.current
        if account is None:
            return
        self.status.setText(self.tr("Connecting…"))
        self.test_button.setEnabled(False)

        def check() -> str:
            client = accounts_module.provider_for(account)
            if hasattr(client, "test_connection"):
                return client.test_connection()
            return ""

        def done(name: str) -> None:
            self.test_button.setEnabled(True)
            self.status.setText(self.tr("Connected as {0}.").format(name) if name else self.tr("Connected."))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.status.setText(self.tr("Connection failed: {0}").format(messages.classify(exc)))

        run_in_background(check, on_done=done, on_error=failed, receiver=self)
