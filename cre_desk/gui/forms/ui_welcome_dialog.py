# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_WelcomeDialog(object):
    def setupUi(self, WelcomeDialog):
        if not WelcomeDialog.objectName():
            WelcomeDialog.setObjectName(u"WelcomeDialog")
        WelcomeDialog.resize(520, 220)
        self.layout = QVBoxLayout(WelcomeDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(WelcomeDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(WelcomeDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(WelcomeDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)


        self.layout.addLayout(self.form)

        self.demo = QCheckBox(WelcomeDialog)
        self.demo.setObjectName(u"demo")
        self.demo.setChecked(True)

        self.layout.addWidget(self.demo)

        self.buttons = QDialogButtonBox(WelcomeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WelcomeDialog)
        self.buttons.accepted.connect(WelcomeDialog.accept)
        self.buttons.rejected.connect(WelcomeDialog.reject)

        QMetaObject.connectSlotsByName(WelcomeDialog)
    # setupUi

    def retranslateUi(self, WelcomeDialog):
        WelcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to CRE Desk", None))
        self.intro.setText(QCoreApplication.translate("WelcomeDialog", u"Your name is shown in each ticket's Timeline (\u201cBy\u201d), is the assignee of the tickets you create and signs your replies. You can change it later in Settings.", None))
        self.name_label.setText(QCoreApplication.translate("WelcomeDialog", u"Your name", None))
        self.name.setPlaceholderText(QCoreApplication.translate("WelcomeDialog", u"e.g. Aki Sato", None))
        self.demo.setText(QCoreApplication.translate("WelcomeDialog", u"Load a small demo workspace: realistic in-app message, push and event tickets with sample logs, to see how it works", None))
    # retranslateUi

