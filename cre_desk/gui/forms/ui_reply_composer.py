# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reply_composer.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QLabel, QListView, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QToolButton, QVBoxLayout, QWidget)

class Ui_ReplyComposer(object):
    def setupUi(self, ReplyComposer):
        if not ReplyComposer.objectName():
            ReplyComposer.setObjectName(u"ReplyComposer")
        ReplyComposer.resize(1000, 700)
        self.layout = QVBoxLayout(ReplyComposer)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.language_label = QLabel(ReplyComposer)
        self.language_label.setObjectName(u"language_label")

        self.top.addWidget(self.language_label)

        self.language = QComboBox(ReplyComposer)
        self.language.setObjectName(u"language")

        self.top.addWidget(self.language)

        self.audience_label = QLabel(ReplyComposer)
        self.audience_label.setObjectName(u"audience_label")

        self.top.addWidget(self.audience_label)

        self.audience = QComboBox(ReplyComposer)
        self.audience.setObjectName(u"audience")

        self.top.addWidget(self.audience)

        self.regenerate = QPushButton(ReplyComposer)
        self.regenerate.setObjectName(u"regenerate")

        self.top.addWidget(self.regenerate)

        self.templates = QToolButton(ReplyComposer)
        self.templates.setObjectName(u"templates")
        self.templates.setPopupMode(QToolButton.InstantPopup)

        self.top.addWidget(self.templates)

        self.top_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.top_gap)


        self.layout.addLayout(self.top)

        self.status_row = QHBoxLayout()
        self.status_row.setObjectName(u"status_row")
        self.state = QLabel(ReplyComposer)
        self.state.setObjectName(u"state")
        self.state.setTextFormat(Qt.PlainText)
        self.state.setWordWrap(True)

        self.status_row.addWidget(self.state)

        self.redraft_kept = QPushButton(ReplyComposer)
        self.redraft_kept.setObjectName(u"redraft_kept")

        self.status_row.addWidget(self.redraft_kept)

        self.status_row.setStretch(0, 1)

        self.layout.addLayout(self.status_row)

        self.private_row = QHBoxLayout()
        self.private_row.setObjectName(u"private_row")
        self.private_notice = QPushButton(ReplyComposer)
        self.private_notice.setObjectName(u"private_notice")
        self.private_notice.setStyleSheet(u"color: #b45309; text-align: left;")
        self.private_notice.setFlat(True)

        self.private_row.addWidget(self.private_notice)

        self.private_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.private_row.addItem(self.private_gap)


        self.layout.addLayout(self.private_row)

        self.split = QSplitter(ReplyComposer)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Horizontal)
        self.parts = QWidget(self.split)
        self.parts.setObjectName(u"parts")
        self.parts_layout = QVBoxLayout(self.parts)
        self.parts_layout.setObjectName(u"parts_layout")
        self.parts_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_box = QGroupBox(self.parts)
        self.summary_box.setObjectName(u"summary_box")
        self.summary_layout = QVBoxLayout(self.summary_box)
        self.summary_layout.setObjectName(u"summary_layout")
        self.summary = QPlainTextEdit(self.summary_box)
        self.summary.setObjectName(u"summary")
        self.summary.setTabChangesFocus(True)

        self.summary_layout.addWidget(self.summary)


        self.parts_layout.addWidget(self.summary_box)

        self.cause_box = QGroupBox(self.parts)
        self.cause_box.setObjectName(u"cause_box")
        self.cause_layout = QVBoxLayout(self.cause_box)
        self.cause_layout.setObjectName(u"cause_layout")
        self.cause = QPlainTextEdit(self.cause_box)
        self.cause.setObjectName(u"cause")
        self.cause.setTabChangesFocus(True)

        self.cause_layout.addWidget(self.cause)


        self.parts_layout.addWidget(self.cause_box)

        self.fix_box = QGroupBox(self.parts)
        self.fix_box.setObjectName(u"fix_box")
        self.fix_layout = QVBoxLayout(self.fix_box)
        self.fix_layout.setObjectName(u"fix_layout")
        self.fix = QPlainTextEdit(self.fix_box)
        self.fix.setObjectName(u"fix")
        self.fix.setTabChangesFocus(True)

        self.fix_layout.addWidget(self.fix)


        self.parts_layout.addWidget(self.fix_box)

        self.developer_block_box = QGroupBox(self.parts)
        self.developer_block_box.setObjectName(u"developer_block_box")
        self.developer_block_layout = QVBoxLayout(self.developer_block_box)
        self.developer_block_layout.setObjectName(u"developer_block_layout")
        self.developer_block = QPlainTextEdit(self.developer_block_box)
        self.developer_block.setObjectName(u"developer_block")
        self.developer_block.setTabChangesFocus(True)

        self.developer_block_layout.addWidget(self.developer_block)


        self.parts_layout.addWidget(self.developer_block_box)

        self.parts_layout.setStretch(0, 1)
        self.parts_layout.setStretch(1, 2)
        self.parts_layout.setStretch(2, 2)
        self.parts_layout.setStretch(3, 2)
        self.split.addWidget(self.parts)
        self.side = QTabWidget(self.split)
        self.side.setObjectName(u"side")
        self.preview_tab = QSplitter()
        self.preview_tab.setObjectName(u"preview_tab")
        self.preview_tab.setOrientation(Qt.Vertical)
        self.preview = QPlainTextEdit(self.preview_tab)
        self.preview.setObjectName(u"preview")
        self.preview.setReadOnly(True)
        self.preview_tab.addWidget(self.preview)
        self.private_view = QGroupBox(self.preview_tab)
        self.private_view.setObjectName(u"private_view")
        self.private_layout = QVBoxLayout(self.private_view)
        self.private_layout.setObjectName(u"private_layout")
        self.private_hint = QLabel(self.private_view)
        self.private_hint.setObjectName(u"private_hint")
        self.private_hint.setTextFormat(Qt.PlainText)
        self.private_hint.setWordWrap(True)

        self.private_layout.addWidget(self.private_hint)

        self.private_list = QListView(self.private_view)
        self.private_list.setObjectName(u"private_list")
        self.private_list.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.private_list.setWordWrap(True)

        self.private_layout.addWidget(self.private_list)

        self.private_layout.setStretch(1, 1)
        self.preview_tab.addWidget(self.private_view)
        self.side.addTab(self.preview_tab, "")
        self.issues_view = QListView()
        self.issues_view.setObjectName(u"issues_view")
        self.issues_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.issues_view.setWordWrap(True)
        self.side.addTab(self.issues_view, "")
        self.history_view = QListView()
        self.history_view.setObjectName(u"history_view")
        self.history_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history_view.setWordWrap(True)
        self.side.addTab(self.history_view, "")
        self.split.addWidget(self.side)

        self.layout.addWidget(self.split)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.bottom_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom.addItem(self.bottom_gap)

        self.copy_button = QPushButton(ReplyComposer)
        self.copy_button.setObjectName(u"copy_button")

        self.bottom.addWidget(self.copy_button)

        self.save_button = QPushButton(ReplyComposer)
        self.save_button.setObjectName(u"save_button")

        self.bottom.addWidget(self.save_button)

        self.sent_button = QPushButton(ReplyComposer)
        self.sent_button.setObjectName(u"sent_button")

        self.bottom.addWidget(self.sent_button)

        self.visibility = QComboBox(ReplyComposer)
        self.visibility.setObjectName(u"visibility")

        self.bottom.addWidget(self.visibility)

        self.post_button = QPushButton(ReplyComposer)
        self.post_button.setObjectName(u"post_button")

        self.bottom.addWidget(self.post_button)


        self.layout.addLayout(self.bottom)

        self.layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.language_label.setBuddy(self.language)
        self.audience_label.setBuddy(self.audience)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.language, self.audience)
        QWidget.setTabOrder(self.audience, self.regenerate)
        QWidget.setTabOrder(self.regenerate, self.templates)
        QWidget.setTabOrder(self.templates, self.summary)
        QWidget.setTabOrder(self.summary, self.cause)
        QWidget.setTabOrder(self.cause, self.fix)
        QWidget.setTabOrder(self.fix, self.developer_block)
        QWidget.setTabOrder(self.developer_block, self.side)
        QWidget.setTabOrder(self.side, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.sent_button)
        QWidget.setTabOrder(self.sent_button, self.visibility)
        QWidget.setTabOrder(self.visibility, self.post_button)

        self.retranslateUi(ReplyComposer)

        QMetaObject.connectSlotsByName(ReplyComposer)
    # setupUi

    def retranslateUi(self, ReplyComposer):
        self.language_label.setText(QCoreApplication.translate("ReplyComposer", u"Language", None))
        self.audience_label.setText(QCoreApplication.translate("ReplyComposer", u"Written for", None))
#if QT_CONFIG(tooltip)
        self.regenerate.setToolTip(QCoreApplication.translate("ReplyComposer", u"Rebuild the draft from confirmed causes, accepted findings and marks; parts you edited are kept", None))
#endif // QT_CONFIG(tooltip)
        self.regenerate.setText(QCoreApplication.translate("ReplyComposer", u"New draft from the ticket", None))
        self.templates.setText(QCoreApplication.translate("ReplyComposer", u"Snippets", None))
#if QT_CONFIG(tooltip)
        self.redraft_kept.setToolTip(QCoreApplication.translate("ReplyComposer", u"Replace the parts you edited with the new draft", None))
#endif // QT_CONFIG(tooltip)
        self.redraft_kept.setText(QCoreApplication.translate("ReplyComposer", u"Re-draft those parts too", None))
#if QT_CONFIG(tooltip)
        self.private_notice.setToolTip(QCoreApplication.translate("ReplyComposer", u"Show which of your notes are sent, and exclude them", None))
#endif // QT_CONFIG(tooltip)
        self.summary_box.setTitle(QCoreApplication.translate("ReplyComposer", u"Summary \u2014 what happened, in one or two plain sentences", None))
        self.cause_box.setTitle(QCoreApplication.translate("ReplyComposer", u"Cause \u2014 the specific reason", None))
        self.fix_box.setTitle(QCoreApplication.translate("ReplyComposer", u"Fix \u2014 what to change, who does it, how to check it worked", None))
        self.developer_block_box.setTitle(QCoreApplication.translate("ReplyComposer", u"For their developer \u2014 forwardable technical detail", None))
        self.preview.setPlaceholderText(QCoreApplication.translate("ReplyComposer", u"The reply as the customer will read it.", None))
        self.private_view.setTitle(QCoreApplication.translate("ReplyComposer", u"Private notes", None))
        self.private_hint.setText(QCoreApplication.translate("ReplyComposer", u"Your checklist evidence and log-mark notes that the reply quotes to the customer. Untick what must stay private; the draft is rebuilt without it.", None))
        self.side.setTabText(self.side.indexOf(self.preview_tab), QCoreApplication.translate("ReplyComposer", u"Preview", None))
        self.side.setTabText(self.side.indexOf(self.issues_view), QCoreApplication.translate("ReplyComposer", u"Plain words", None))
        self.side.setTabText(self.side.indexOf(self.history_view), QCoreApplication.translate("ReplyComposer", u"Sent", None))
#if QT_CONFIG(tooltip)
        self.copy_button.setToolTip(QCoreApplication.translate("ReplyComposer", u"Copies plain text, Markdown and HTML at once; the target app picks", None))
#endif // QT_CONFIG(tooltip)
        self.copy_button.setText(QCoreApplication.translate("ReplyComposer", u"Copy reply", None))
        self.save_button.setText(QCoreApplication.translate("ReplyComposer", u"Save as file\u2026", None))
#if QT_CONFIG(tooltip)
        self.sent_button.setToolTip(QCoreApplication.translate("ReplyComposer", u"Keep this reply in the ticket's history and start the first-response clock if it has not started", None))
#endif // QT_CONFIG(tooltip)
        self.sent_button.setText(QCoreApplication.translate("ReplyComposer", u"Mark as sent", None))
#if QT_CONFIG(tooltip)
        self.post_button.setToolTip(QCoreApplication.translate("ReplyComposer", u"Post the reply to the ticket in the helpdesk it came from; a lost connection is checked, never posted twice", None))
#endif // QT_CONFIG(tooltip)
        self.post_button.setText(QCoreApplication.translate("ReplyComposer", u"Post to helpdesk", None))
        pass
    # retranslateUi

