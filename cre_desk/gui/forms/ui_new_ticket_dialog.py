# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_ticket_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_NewTicketDialog(object):
    def setupUi(self, NewTicketDialog):
        if not NewTicketDialog.objectName():
            NewTicketDialog.setObjectName(u"NewTicketDialog")
        NewTicketDialog.resize(520, 440)
        self.layout = QVBoxLayout(NewTicketDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.title_label = QLabel(NewTicketDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(NewTicketDialog)
        self.title.setObjectName(u"title")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.customer_label = QLabel(NewTicketDialog)
        self.customer_label.setObjectName(u"customer_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.customer_label)

        self.customer = QLineEdit(NewTicketDialog)
        self.customer.setObjectName(u"customer")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.customer)

        self.requester_label = QLabel(NewTicketDialog)
        self.requester_label.setObjectName(u"requester_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.requester_label)

        self.requester = QLineEdit(NewTicketDialog)
        self.requester.setObjectName(u"requester")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.requester)

        self.role_label = QLabel(NewTicketDialog)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(NewTicketDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.role)

        self.platform_label = QLabel(NewTicketDialog)
        self.platform_label.setObjectName(u"platform_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.platform_label)

        self.platform = QComboBox(NewTicketDialog)
        self.platform.setObjectName(u"platform")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.platform)

        self.symptom_label = QLabel(NewTicketDialog)
        self.symptom_label.setObjectName(u"symptom_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.symptom_label)

        self.symptom = QComboBox(NewTicketDialog)
        self.symptom.setObjectName(u"symptom")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.symptom)

        self.category_label = QLabel(NewTicketDialog)
        self.category_label.setObjectName(u"category_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(NewTicketDialog)
        self.category.setObjectName(u"category")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.category)

        self.asked_label = QLabel(NewTicketDialog)
        self.asked_label.setObjectName(u"asked_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.asked_label)

        self.asked = QPlainTextEdit(NewTicketDialog)
        self.asked.setObjectName(u"asked")
        self.asked.setTabChangesFocus(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.asked)


        self.layout.addLayout(self.form)

        self.error = QLabel(NewTicketDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #c0392b")
        self.error.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(NewTicketDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.customer_label.setBuddy(self.customer)
        self.requester_label.setBuddy(self.requester)
        self.role_label.setBuddy(self.role)
        self.platform_label.setBuddy(self.platform)
        self.symptom_label.setBuddy(self.symptom)
        self.category_label.setBuddy(self.category)
        self.asked_label.setBuddy(self.asked)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.customer)
        QWidget.setTabOrder(self.customer, self.requester)
        QWidget.setTabOrder(self.requester, self.role)
        QWidget.setTabOrder(self.role, self.platform)
        QWidget.setTabOrder(self.platform, self.symptom)
        QWidget.setTabOrder(self.symptom, self.category)
        QWidget.setTabOrder(self.category, self.asked)

        self.retranslateUi(NewTicketDialog)
        self.buttons.rejected.connect(NewTicketDialog.reject)

        QMetaObject.connectSlotsByName(NewTicketDialog)
    # setupUi

    def retranslateUi(self, NewTicketDialog):
        NewTicketDialog.setWindowTitle(QCoreApplication.translate("NewTicketDialog", u"New ticket", None))
        self.title_label.setText(QCoreApplication.translate("NewTicketDialog", u"Title", None))
        self.title.setPlaceholderText(QCoreApplication.translate("NewTicketDialog", u"e.g. Coupon message not shown after purchase", None))
        self.customer_label.setText(QCoreApplication.translate("NewTicketDialog", u"Customer", None))
        self.requester_label.setText(QCoreApplication.translate("NewTicketDialog", u"Requester", None))
        self.role_label.setText(QCoreApplication.translate("NewTicketDialog", u"Requester role", None))
        self.platform_label.setText(QCoreApplication.translate("NewTicketDialog", u"Platform", None))
        self.symptom_label.setText(QCoreApplication.translate("NewTicketDialog", u"Symptom", None))
        self.category_label.setText(QCoreApplication.translate("NewTicketDialog", u"Category", None))
        self.asked_label.setText(QCoreApplication.translate("NewTicketDialog", u"What they asked", None))
        self.asked.setPlaceholderText(QCoreApplication.translate("NewTicketDialog", u"The customer's question, as they wrote it.", None))
    # retranslateUi

