# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QVBoxLayout, QWidget)

class Ui_DashboardView(object):
    def setupUi(self, DashboardView):
        if not DashboardView.objectName():
            DashboardView.setObjectName(u"DashboardView")
        DashboardView.resize(1200, 820)
        self.layout = QVBoxLayout(DashboardView)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.period_label = QLabel(DashboardView)
        self.period_label.setObjectName(u"period_label")

        self.top.addWidget(self.period_label)

        self.period = QComboBox(DashboardView)
        self.period.setObjectName(u"period")

        self.top.addWidget(self.period)

        self.start = QDateEdit(DashboardView)
        self.start.setObjectName(u"start")
        self.start.setDisplayFormat(u"yyyy-MM-dd")
        self.start.setCalendarPopup(True)

        self.top.addWidget(self.start)

        self.to_label = QLabel(DashboardView)
        self.to_label.setObjectName(u"to_label")
        self.to_label.setText(u"\u2013")

        self.top.addWidget(self.to_label)

        self.end = QDateEdit(DashboardView)
        self.end.setObjectName(u"end")
        self.end.setDisplayFormat(u"yyyy-MM-dd")
        self.end.setCalendarPopup(True)

        self.top.addWidget(self.end)

        self.refresh_button = QPushButton(DashboardView)
        self.refresh_button.setObjectName(u"refresh_button")

        self.top.addWidget(self.refresh_button)

        self.top_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.top_gap)

        self.export_button = QPushButton(DashboardView)
        self.export_button.setObjectName(u"export_button")

        self.top.addWidget(self.export_button)


        self.layout.addLayout(self.top)

        self.summary = QLabel(DashboardView)
        self.summary.setObjectName(u"summary")
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.body = QSplitter(DashboardView)
        self.body.setObjectName(u"body")
        self.body.setOrientation(Qt.Vertical)
        self.charts = QSplitter(self.body)
        self.charts.setObjectName(u"charts")
        self.charts.setOrientation(Qt.Horizontal)
        self.body.addWidget(self.charts)
        self.lower = QSplitter(self.body)
        self.lower.setObjectName(u"lower")
        self.lower.setOrientation(Qt.Horizontal)
        self.group_tabs = QTabWidget(self.lower)
        self.group_tabs.setObjectName(u"group_tabs")
        self.lower.addWidget(self.group_tabs)
        self.risk_box = QWidget(self.lower)
        self.risk_box.setObjectName(u"risk_box")
        self.risk_layout = QVBoxLayout(self.risk_box)
        self.risk_layout.setObjectName(u"risk_layout")
        self.risk_layout.setContentsMargins(0, 0, 0, 0)
        self.risk_label = QLabel(self.risk_box)
        self.risk_label.setObjectName(u"risk_label")

        self.risk_layout.addWidget(self.risk_label)

        self.lower.addWidget(self.risk_box)
        self.body.addWidget(self.lower)

        self.layout.addWidget(self.body)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.period_label.setBuddy(self.period)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DashboardView)

        QMetaObject.connectSlotsByName(DashboardView)
    # setupUi

    def retranslateUi(self, DashboardView):
        DashboardView.setWindowTitle(QCoreApplication.translate("DashboardView", u"Resolution dashboard", None))
        self.period_label.setText(QCoreApplication.translate("DashboardView", u"Period", None))
        self.refresh_button.setText(QCoreApplication.translate("DashboardView", u"Refresh", None))
        self.export_button.setText(QCoreApplication.translate("DashboardView", u"Export CSV\u2026", None))
        self.risk_label.setText(QCoreApplication.translate("DashboardView", u"Open tickets past or near their target (double-click to open)", None))
    # retranslateUi

