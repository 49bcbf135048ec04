# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(560, 340)
        self.layout = QVBoxLayout(SettingsDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.user_name_label = QLabel(SettingsDialog)
        self.user_name_label.setObjectName(u"user_name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.user_name_label)

        self.user_name = QLineEdit(SettingsDialog)
        self.user_name.setObjectName(u"user_name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.user_name)

        self.team_label = QLabel(SettingsDialog)
        self.team_label.setObjectName(u"team_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.team_label)

        self.team = QLineEdit(SettingsDialog)
        self.team.setObjectName(u"team")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.team)

        self.language_label = QLabel(SettingsDialog)
        self.language_label.setObjectName(u"language_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language = QComboBox(SettingsDialog)
        self.language.setObjectName(u"language")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.language)

        self.theme_label = QLabel(SettingsDialog)
        self.theme_label.setObjectName(u"theme_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.theme_label)

        self.theme = QComboBox(SettingsDialog)
        self.theme.setObjectName(u"theme")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.theme)

        self.db_url_label = QLabel(SettingsDialog)
        self.db_url_label.setObjectName(u"db_url_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.db_url_label)

        self.db_url = QLineEdit(SettingsDialog)
        self.db_url.setObjectName(u"db_url")
        self.db_url.setPlaceholderText(u"postgresql://user@server/cre_desk")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.db_url)

        self.redact_label = QLabel(SettingsDialog)
        self.redact_label.setObjectName(u"redact_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.redact_label)

        self.redact = QCheckBox(SettingsDialog)
        self.redact.setObjectName(u"redact")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.redact)

        self.hint = QLabel(SettingsDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setTextFormat(Qt.PlainText)
        self.hint.setWordWrap(True)

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.hint)

        self.sync_interval_label = QLabel(SettingsDialog)
        self.sync_interval_label.setObjectName(u"sync_interval_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sync_interval_label)

        self.sync_interval = QSpinBox(SettingsDialog)
        self.sync_interval.setObjectName(u"sync_interval")
        self.sync_interval.setMaximum(240)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sync_interval)

        self.ca_bundle_label = QLabel(SettingsDialog)
        self.ca_bundle_label.setObjectName(u"ca_bundle_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.ca_bundle_label)

        self.ca_row = QHBoxLayout()
        self.ca_row.setObjectName(u"ca_row")
        self.ca_bundle = QLineEdit(SettingsDialog)
        self.ca_bundle.setObjectName(u"ca_bundle")

        self.ca_row.addWidget(self.ca_bundle)

        self.browse = QPushButton(SettingsDialog)
        self.browse.setObjectName(u"browse")

        self.ca_row.addWidget(self.browse)

        self.ca_row.setStretch(0, 1)

        self.form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.ca_row)


        self.layout.addLayout(self.form)

        self.error = QLabel(SettingsDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #c0392b")
        self.error.setTextFormat(Qt.PlainText)
        self.error.setWordWrap(True)

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.user_name_label.setBuddy(self.user_name)
        self.team_label.setBuddy(self.team)
        self.language_label.setBuddy(self.language)
        self.theme_label.setBuddy(self.theme)
        self.db_url_label.setBuddy(self.db_url)
        self.redact_label.setBuddy(self.redact)
        self.sync_interval_label.setBuddy(self.sync_interval)
        self.ca_bundle_label.setBuddy(self.ca_bundle)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.user_name, self.team)
        QWidget.setTabOrder(self.team, self.language)
        QWidget.setTabOrder(self.language, self.theme)
        QWidget.setTabOrder(self.theme, self.db_url)
        QWidget.setTabOrder(self.db_url, self.redact)
        QWidget.setTabOrder(self.redact, self.sync_interval)
        QWidget.setTabOrder(self.sync_interval, self.ca_bundle)
        QWidget.setTabOrder(self.ca_bundle, self.browse)

        self.retranslateUi(SettingsDialog)
        self.buttons.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.user_name_label.setText(QCoreApplication.translate("SettingsDialog", u"Your name", None))
        self.team_label.setText(QCoreApplication.translate("SettingsDialog", u"Team", None))
        self.language_label.setText(QCoreApplication.translate("SettingsDialog", u"Language", None))
        self.theme_label.setText(QCoreApplication.translate("SettingsDialog", u"Theme", None))
        self.db_url_label.setText(QCoreApplication.translate("SettingsDialog", u"Team database", None))
        self.redact_label.setText(QCoreApplication.translate("SettingsDialog", u"Privacy", None))
        self.redact.setText(QCoreApplication.translate("SettingsDialog", u"Remove API keys, tokens and e-mail addresses from logs when attaching them", None))
        self.hint.setText(QCoreApplication.translate("SettingsDialog", u"Leave empty to keep tickets in the local file. A team server URL must not contain a password: use the server's trusted or certificate login.", None))
        self.sync_interval_label.setText(QCoreApplication.translate("SettingsDialog", u"Background sync", None))
#if QT_CONFIG(tooltip)
        self.sync_interval.setToolTip(QCoreApplication.translate("SettingsDialog", u"How often helpdesk accounts are synced in the background while CRE Desk runs (F6 syncs at once)", None))
#endif // QT_CONFIG(tooltip)
        self.sync_interval.setSpecialValueText(QCoreApplication.translate("SettingsDialog", u"off", None))
        self.sync_interval.setSuffix(QCoreApplication.translate("SettingsDialog", u" min", None))
        self.ca_bundle_label.setText(QCoreApplication.translate("SettingsDialog", u"Company certificate (CA bundle)", None))
#if QT_CONFIG(tooltip)
        self.ca_bundle.setToolTip(QCoreApplication.translate("SettingsDialog", u"Only if your company's network inspects secure (HTTPS) traffic: the proxy's certificate authority file (PEM) from your IT team", None))
#endif // QT_CONFIG(tooltip)
        self.ca_bundle.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"the system's certificates", None))
        self.browse.setText(QCoreApplication.translate("SettingsDialog", u"Choose\u2026", None))
    # retranslateUi

