# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accounts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListView, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_AccountsDialog(object):
    def setupUi(self, AccountsDialog):
        if not AccountsDialog.objectName():
            AccountsDialog.setObjectName(u"AccountsDialog")
        AccountsDialog.resize(760, 420)
        self.layout = QVBoxLayout(AccountsDialog)
        self.layout.setObjectName(u"layout")
        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.list = QListView(AccountsDialog)
        self.list.setObjectName(u"list")
        self.list.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.body.addWidget(self.list)

        self.right = QVBoxLayout()
        self.right.setObjectName(u"right")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.provider_label = QLabel(AccountsDialog)
        self.provider_label.setObjectName(u"provider_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider = QComboBox(AccountsDialog)
        self.provider.setObjectName(u"provider")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.provider)

        self.account_id_label = QLabel(AccountsDialog)
        self.account_id_label.setObjectName(u"account_id_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.account_id_label)

        self.account_id = QLineEdit(AccountsDialog)
        self.account_id.setObjectName(u"account_id")
        self.account_id.setPlaceholderText(u"zendesk-acme")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.account_id)

        self.subdomain_label = QLabel(AccountsDialog)
        self.subdomain_label.setObjectName(u"subdomain_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subdomain_label)

        self.subdomain = QLineEdit(AccountsDialog)
        self.subdomain.setObjectName(u"subdomain")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subdomain)

        self.email_label = QLabel(AccountsDialog)
        self.email_label.setObjectName(u"email_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email = QLineEdit(AccountsDialog)
        self.email.setObjectName(u"email")
        self.email.setPlaceholderText(u"agent@example.com")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.email)

        self.region_label = QLabel(AccountsDialog)
        self.region_label.setObjectName(u"region_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.region_label)

        self.region = QComboBox(AccountsDialog)
        self.region.setObjectName(u"region")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.region)

        self.history_days_label = QLabel(AccountsDialog)
        self.history_days_label.setObjectName(u"history_days_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.history_days_label)

        self.history_days = QSpinBox(AccountsDialog)
        self.history_days.setObjectName(u"history_days")
        self.history_days.setMinimum(1)
        self.history_days.setMaximum(3650)
        self.history_days.setValue(90)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.history_days)

        self.app_id_label = QLabel(AccountsDialog)
        self.app_id_label.setObjectName(u"app_id_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.app_id_label)

        self.app_id = QLineEdit(AccountsDialog)
        self.app_id.setObjectName(u"app_id")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.app_id)

        self.mailbox_row_label = QLabel(AccountsDialog)
        self.mailbox_row_label.setObjectName(u"mailbox_row_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.mailbox_row_label)

        self.mailbox_row = QWidget(AccountsDialog)
        self.mailbox_row.setObjectName(u"mailbox_row")
        self.mailbox_row_layout = QHBoxLayout(self.mailbox_row)
        self.mailbox_row_layout.setObjectName(u"mailbox_row_layout")
        self.mailbox_row_layout.setContentsMargins(0, 0, 0, 0)
        self.mailbox = QComboBox(self.mailbox_row)
        self.mailbox.setObjectName(u"mailbox")

        self.mailbox_row_layout.addWidget(self.mailbox)

        self.load_mailboxes_button = QPushButton(self.mailbox_row)
        self.load_mailboxes_button.setObjectName(u"load_mailboxes_button")

        self.mailbox_row_layout.addWidget(self.load_mailboxes_button)

        self.mailbox_row_layout.setStretch(0, 1)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.mailbox_row)

        self.field_map_row_label = QLabel(AccountsDialog)
        self.field_map_row_label.setObjectName(u"field_map_row_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.field_map_row_label)

        self.field_map_row = QWidget(AccountsDialog)
        self.field_map_row.setObjectName(u"field_map_row")
        self.field_map_row_layout = QHBoxLayout(self.field_map_row)
        self.field_map_row_layout.setObjectName(u"field_map_row_layout")
        self.field_map_row_layout.setContentsMargins(0, 0, 0, 0)
        self.field_map_button = QPushButton(self.field_map_row)
        self.field_map_button.setObjectName(u"field_map_button")

        self.field_map_row_layout.addWidget(self.field_map_button)

        self.field_map_state = QLabel(self.field_map_row)
        self.field_map_state.setObjectName(u"field_map_state")
        self.field_map_state.setTextFormat(Qt.PlainText)
        self.field_map_state.setWordWrap(True)

        self.field_map_row_layout.addWidget(self.field_map_state)

        self.field_map_row_layout.setStretch(1, 1)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.field_map_row)

        self.base_url_label = QLabel(AccountsDialog)
        self.base_url_label.setObjectName(u"base_url_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.base_url_label)

        self.base_url = QLineEdit(AccountsDialog)
        self.base_url.setObjectName(u"base_url")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.base_url)

        self.token_label = QLabel(AccountsDialog)
        self.token_label.setObjectName(u"token_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.token_label)

        self.token = QLineEdit(AccountsDialog)
        self.token.setObjectName(u"token")
        self.token.setEchoMode(QLineEdit.Password)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.token)

        self.token_hint = QLabel(AccountsDialog)
        self.token_hint.setObjectName(u"token_hint")
        self.token_hint.setTextFormat(Qt.PlainText)
        self.token_hint.setWordWrap(True)

        self.form.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.token_hint)


        self.right.addLayout(self.form)

        self.account_buttons = QHBoxLayout()
        self.account_buttons.setObjectName(u"account_buttons")
        self.new_button = QPushButton(AccountsDialog)
        self.new_button.setObjectName(u"new_button")

        self.account_buttons.addWidget(self.new_button)

        self.save_button = QPushButton(AccountsDialog)
        self.save_button.setObjectName(u"save_button")

        self.account_buttons.addWidget(self.save_button)

        self.remove_button = QPushButton(AccountsDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.account_buttons.addWidget(self.remove_button)

        self.test_button = QPushButton(AccountsDialog)
        self.test_button.setObjectName(u"test_button")

        self.account_buttons.addWidget(self.test_button)


        self.right.addLayout(self.account_buttons)

        self.status = QLabel(AccountsDialog)
        self.status.setObjectName(u"status")
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)

        self.right.addWidget(self.status)

        self.right_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right.addItem(self.right_end)

        self.right.setStretch(3, 1)

        self.body.addLayout(self.right)

        self.body.setStretch(0, 1)
        self.body.setStretch(1, 2)

        self.layout.addLayout(self.body)

        self.buttons = QDialogButtonBox(AccountsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.provider_label.setBuddy(self.provider)
        self.account_id_label.setBuddy(self.account_id)
        self.subdomain_label.setBuddy(self.subdomain)
        self.email_label.setBuddy(self.email)
        self.region_label.setBuddy(self.region)
        self.history_days_label.setBuddy(self.history_days)
        self.app_id_label.setBuddy(self.app_id)
        self.mailbox_row_label.setBuddy(self.mailbox_row)
        self.base_url_label.setBuddy(self.base_url)
        self.token_label.setBuddy(self.token)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.list, self.provider)
        QWidget.setTabOrder(self.provider, self.account_id)
        QWidget.setTabOrder(self.account_id, self.subdomain)
        QWidget.setTabOrder(self.subdomain, self.email)
        QWidget.setTabOrder(self.email, self.region)
        QWidget.setTabOrder(self.region, self.history_days)
        QWidget.setTabOrder(self.history_days, self.app_id)
        QWidget.setTabOrder(self.app_id, self.mailbox)
        QWidget.setTabOrder(self.mailbox, self.load_mailboxes_button)
        QWidget.setTabOrder(self.load_mailboxes_button, self.base_url)
        QWidget.setTabOrder(self.base_url, self.token)
        QWidget.setTabOrder(self.token, self.new_button)
        QWidget.setTabOrder(self.new_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.test_button)

        self.retranslateUi(AccountsDialog)
        self.buttons.rejected.connect(AccountsDialog.reject)

        QMetaObject.connectSlotsByName(AccountsDialog)
    # setupUi

    def retranslateUi(self, AccountsDialog):
        AccountsDialog.setWindowTitle(QCoreApplication.translate("AccountsDialog", u"Accounts", None))
        self.provider_label.setText(QCoreApplication.translate("AccountsDialog", u"Service", None))
        self.account_id_label.setText(QCoreApplication.translate("AccountsDialog", u"Account name", None))
        self.subdomain_label.setText(QCoreApplication.translate("AccountsDialog", u"Zendesk subdomain", None))
        self.subdomain.setPlaceholderText(QCoreApplication.translate("AccountsDialog", u"acme (for acme.zendesk.com)", None))
        self.email_label.setText(QCoreApplication.translate("AccountsDialog", u"Agent e-mail", None))
        self.region_label.setText(QCoreApplication.translate("AccountsDialog", u"Intercom region", None))
        self.history_days_label.setText(QCoreApplication.translate("AccountsDialog", u"First sync brings", None))
#if QT_CONFIG(tooltip)
        self.history_days.setToolTip(QCoreApplication.translate("AccountsDialog", u"How far back the first sync reaches; later syncs bring only changes", None))
#endif // QT_CONFIG(tooltip)
        self.history_days.setSuffix(QCoreApplication.translate("AccountsDialog", u" days", None))
        self.app_id_label.setText(QCoreApplication.translate("AccountsDialog", u"Help Scout App ID", None))
        self.app_id.setPlaceholderText(QCoreApplication.translate("AccountsDialog", u"App ID from Your Profile \u2192 My Apps", None))
        self.mailbox_row_label.setText(QCoreApplication.translate("AccountsDialog", u"Mailbox", None))
        self.load_mailboxes_button.setText(QCoreApplication.translate("AccountsDialog", u"Load mailboxes", None))
        self.field_map_row_label.setText(QCoreApplication.translate("AccountsDialog", u"Fields", None))
#if QT_CONFIG(tooltip)
        self.field_map_button.setToolTip(QCoreApplication.translate("AccountsDialog", u"Which helpdesk fields fill platform, SDK and app versions, priority and category", None))
#endif // QT_CONFIG(tooltip)
        self.field_map_button.setText(QCoreApplication.translate("AccountsDialog", u"Field mapping\u2026", None))
        self.base_url_label.setText(QCoreApplication.translate("AccountsDialog", u"Server address", None))
        self.base_url.setPlaceholderText(QCoreApplication.translate("AccountsDialog", u"optional: GitHub Enterprise or another server address", None))
        self.token_label.setText(QCoreApplication.translate("AccountsDialog", u"API token", None))
        self.new_button.setText(QCoreApplication.translate("AccountsDialog", u"New", None))
        self.save_button.setText(QCoreApplication.translate("AccountsDialog", u"Save account", None))
        self.remove_button.setText(QCoreApplication.translate("AccountsDialog", u"Remove", None))
        self.test_button.setText(QCoreApplication.translate("AccountsDialog", u"Test connection", None))
    # retranslateUi

