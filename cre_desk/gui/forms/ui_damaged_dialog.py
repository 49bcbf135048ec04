# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'damaged_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_DamagedDatabaseDialog(object):
    def setupUi(self, DamagedDatabaseDialog):
        if not DamagedDatabaseDialog.objectName():
            DamagedDatabaseDialog.setObjectName(u"DamagedDatabaseDialog")
        DamagedDatabaseDialog.resize(480, 180)
        self.layout = QVBoxLayout(DamagedDatabaseDialog)
        self.layout.setObjectName(u"layout")
        self.body = QHBoxLayout()
        self.body.setSpacing(16)
        self.body.setObjectName(u"body")
        self.icon = QLabel(DamagedDatabaseDialog)
        self.icon.setObjectName(u"icon")
        self.icon.setAlignment(Qt.AlignHCenter|Qt.AlignTop)

        self.body.addWidget(self.icon)

        self.texts = QVBoxLayout()
        self.texts.setObjectName(u"texts")
        self.explanation = QLabel(DamagedDatabaseDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setTextFormat(Qt.PlainText)
        self.explanation.setWordWrap(True)

        self.texts.addWidget(self.explanation)

        self.no_backup = QLabel(DamagedDatabaseDialog)
        self.no_backup.setObjectName(u"no_backup")
        self.no_backup.setTextFormat(Qt.PlainText)
        self.no_backup.setWordWrap(True)

        self.texts.addWidget(self.no_backup)

        self.restore_question = QLabel(DamagedDatabaseDialog)
        self.restore_question.setObjectName(u"restore_question")
        self.restore_question.setTextFormat(Qt.PlainText)
        self.restore_question.setWordWrap(True)

        self.texts.addWidget(self.restore_question)

        self.texts_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.texts.addItem(self.texts_end)


        self.body.addLayout(self.texts)

        self.body.setStretch(1, 1)

        self.layout.addLayout(self.body)

        self.buttons = QDialogButtonBox(DamagedDatabaseDialog)
        self.buttons.setObjectName(u"buttons")

        self.layout.addWidget(self.buttons)


        self.retranslateUi(DamagedDatabaseDialog)
        self.buttons.accepted.connect(DamagedDatabaseDialog.accept)
        self.buttons.rejected.connect(DamagedDatabaseDialog.reject)

        QMetaObject.connectSlotsByName(DamagedDatabaseDialog)
    # setupUi

    def retranslateUi(self, DamagedDatabaseDialog):
        DamagedDatabaseDialog.setWindowTitle(QCoreApplication.translate("DamagedDatabaseDialog", u"Database damaged", None))
        self.explanation.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"CRE Desk's database file is damaged: {0}.\n"
"\n"
"The damaged file will be moved aside and kept, not deleted.", None))
        self.no_backup.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"No usable backup was found, so a new empty database will be started.", None))
        self.restore_question.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"Restore the newest good backup ({0})?", None))
    # retranslateUi

