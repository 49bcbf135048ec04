# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.resize(640, 420)
        self.layout = QVBoxLayout(ConflictDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ConflictDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.differences = QPlainTextEdit(ConflictDialog)
        self.differences.setObjectName(u"differences")
        self.differences.setReadOnly(True)

        self.layout.addWidget(self.differences)

        self.buttons = QDialogButtonBox(ConflictDialog)
        self.buttons.setObjectName(u"buttons")

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(1, 1)

        self.retranslateUi(ConflictDialog)
        self.buttons.accepted.connect(ConflictDialog.accept)
        self.buttons.rejected.connect(ConflictDialog.reject)

        QMetaObject.connectSlotsByName(ConflictDialog)
    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"Saved by someone else", None))
        self.intro.setText(QCoreApplication.translate("ConflictDialog", u"A teammate saved this ticket while you were editing it. Compare the two versions, then keep yours (saved on top of theirs) or take theirs.", None))
    # retranslateUi

