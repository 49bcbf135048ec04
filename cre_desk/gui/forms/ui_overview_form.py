# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'overview_form.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout,
    QWidget)

class Ui_OverviewForm(object):
    def setupUi(self, OverviewForm):
        if not OverviewForm.objectName():
            OverviewForm.setObjectName(u"OverviewForm")
        OverviewForm.resize(1100, 720)
        OverviewForm.setAcceptDrops(True)
        self.layout = QVBoxLayout(OverviewForm)
        self.layout.setObjectName(u"layout")
        self.split = QSplitter(OverviewForm)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Vertical)
        self.top = QWidget(self.split)
        self.top.setObjectName(u"top")
        self.top_layout = QVBoxLayout(self.top)
        self.top_layout.setObjectName(u"top_layout")
        self.top_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit(self.top)
        self.title.setObjectName(u"title")

        self.top_layout.addWidget(self.title)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(18)
        self.left = QFormLayout()
        self.left.setObjectName(u"left")
        self.left.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.left.setHorizontalSpacing(8)
        self.customer_label = QLabel(self.top)
        self.customer_label.setObjectName(u"customer_label")

        self.left.setWidget(0, QFormLayout.ItemRole.LabelRole, self.customer_label)

        self.customer = QLineEdit(self.top)
        self.customer.setObjectName(u"customer")

        self.left.setWidget(0, QFormLayout.ItemRole.FieldRole, self.customer)

        self.app_name_label = QLabel(self.top)
        self.app_name_label.setObjectName(u"app_name_label")

        self.left.setWidget(1, QFormLayout.ItemRole.LabelRole, self.app_name_label)

        self.app_name = QLineEdit(self.top)
        self.app_name.setObjectName(u"app_name")

        self.left.setWidget(1, QFormLayout.ItemRole.FieldRole, self.app_name)

        self.requester_name_label = QLabel(self.top)
        self.requester_name_label.setObjectName(u"requester_name_label")

        self.left.setWidget(2, QFormLayout.ItemRole.LabelRole, self.requester_name_label)

        self.requester_name = QLineEdit(self.top)
        self.requester_name.setObjectName(u"requester_name")

        self.left.setWidget(2, QFormLayout.ItemRole.FieldRole, self.requester_name)

        self.requester_role_label = QLabel(self.top)
        self.requester_role_label.setObjectName(u"requester_role_label")

        self.left.setWidget(3, QFormLayout.ItemRole.LabelRole, self.requester_role_label)

        self.requester_role = QComboBox(self.top)
        self.requester_role.setObjectName(u"requester_role")

        self.left.setWidget(3, QFormLayout.ItemRole.FieldRole, self.requester_role)

        self.platform_label = QLabel(self.top)
        self.platform_label.setObjectName(u"platform_label")

        self.left.setWidget(4, QFormLayout.ItemRole.LabelRole, self.platform_label)

        self.platform = QComboBox(self.top)
        self.platform.setObjectName(u"platform")

        self.left.setWidget(4, QFormLayout.ItemRole.FieldRole, self.platform)

        self.os_version_label = QLabel(self.top)
        self.os_version_label.setObjectName(u"os_version_label")

        self.left.setWidget(5, QFormLayout.ItemRole.LabelRole, self.os_version_label)

        self.os_version = QLineEdit(self.top)
        self.os_version.setObjectName(u"os_version")

        self.left.setWidget(5, QFormLayout.ItemRole.FieldRole, self.os_version)


        self.grid.addLayout(self.left, 0, 0, 1, 1)

        self.middle = QFormLayout()
        self.middle.setObjectName(u"middle")
        self.middle.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.middle.setHorizontalSpacing(8)
        self.sdk_name_label = QLabel(self.top)
        self.sdk_name_label.setObjectName(u"sdk_name_label")

        self.middle.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sdk_name_label)

        self.sdk_name = QComboBox(self.top)
        self.sdk_name.addItem(u"")
        self.sdk_name.addItem(u"Braze")
        self.sdk_name.addItem(u"Firebase In-App Messaging")
        self.sdk_name.addItem(u"OneSignal")
        self.sdk_name.addItem(u"Repro")
        self.sdk_name.addItem(u"Airship")
        self.sdk_name.addItem(u"CleverTap")
        self.sdk_name.addItem(u"Leanplum")
        self.sdk_name.addItem(u"Iterable")
        self.sdk_name.setObjectName(u"sdk_name")
        self.sdk_name.setEditable(True)

        self.middle.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sdk_name)

        self.sdk_version_label = QLabel(self.top)
        self.sdk_version_label.setObjectName(u"sdk_version_label")

        self.middle.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sdk_version_label)

        self.sdk_version = QLineEdit(self.top)
        self.sdk_version.setObjectName(u"sdk_version")

        self.middle.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sdk_version)

        self.app_version_label = QLabel(self.top)
        self.app_version_label.setObjectName(u"app_version_label")

        self.middle.setWidget(2, QFormLayout.ItemRole.LabelRole, self.app_version_label)

        self.app_version = QLineEdit(self.top)
        self.app_version.setObjectName(u"app_version")

        self.middle.setWidget(2, QFormLayout.ItemRole.FieldRole, self.app_version)

        self.symptom_label = QLabel(self.top)
        self.symptom_label.setObjectName(u"symptom_label")

        self.middle.setWidget(3, QFormLayout.ItemRole.LabelRole, self.symptom_label)

        self.symptom = QComboBox(self.top)
        self.symptom.setObjectName(u"symptom")

        self.middle.setWidget(3, QFormLayout.ItemRole.FieldRole, self.symptom)

        self.category_label = QLabel(self.top)
        self.category_label.setObjectName(u"category_label")

        self.middle.setWidget(4, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(self.top)
        self.category.setObjectName(u"category")

        self.middle.setWidget(4, QFormLayout.ItemRole.FieldRole, self.category)

        self.priority_label = QLabel(self.top)
        self.priority_label.setObjectName(u"priority_label")

        self.middle.setWidget(5, QFormLayout.ItemRole.LabelRole, self.priority_label)

        self.priority = QComboBox(self.top)
        self.priority.setObjectName(u"priority")

        self.middle.setWidget(5, QFormLayout.ItemRole.FieldRole, self.priority)


        self.grid.addLayout(self.middle, 0, 1, 1, 1)

        self.right = QFormLayout()
        self.right.setObjectName(u"right")
        self.right.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.right.setHorizontalSpacing(8)
        self.assignee_label = QLabel(self.top)
        self.assignee_label.setObjectName(u"assignee_label")

        self.right.setWidget(0, QFormLayout.ItemRole.LabelRole, self.assignee_label)

        self.assignee = QLineEdit(self.top)
        self.assignee.setObjectName(u"assignee")

        self.right.setWidget(0, QFormLayout.ItemRole.FieldRole, self.assignee)

        self.tags_label = QLabel(self.top)
        self.tags_label.setObjectName(u"tags_label")

        self.right.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tags_label)

        self.tags = QLineEdit(self.top)
        self.tags.setObjectName(u"tags")

        self.right.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tags)

        self.meta = QLabel(self.top)
        self.meta.setObjectName(u"meta")
        self.meta.setTextFormat(Qt.PlainText)
        self.meta.setWordWrap(True)

        self.right.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.meta)


        self.grid.addLayout(self.right, 0, 2, 1, 1)

        self.grid.setColumnStretch(0, 4)
        self.grid.setColumnStretch(1, 4)
        self.grid.setColumnStretch(2, 3)

        self.top_layout.addLayout(self.grid)

        self.texts = QHBoxLayout()
        self.texts.setObjectName(u"texts")
        self.asked_box = QGroupBox(self.top)
        self.asked_box.setObjectName(u"asked_box")
        self.asked_box_layout = QVBoxLayout(self.asked_box)
        self.asked_box_layout.setObjectName(u"asked_box_layout")
        self.asked = QPlainTextEdit(self.asked_box)
        self.asked.setObjectName(u"asked")
        self.asked.setTabChangesFocus(True)

        self.asked_box_layout.addWidget(self.asked)


        self.texts.addWidget(self.asked_box)

        self.goal_box = QGroupBox(self.top)
        self.goal_box.setObjectName(u"goal_box")
        self.goal_box_layout = QVBoxLayout(self.goal_box)
        self.goal_box_layout.setObjectName(u"goal_box_layout")
        self.goal = QPlainTextEdit(self.goal_box)
        self.goal.setObjectName(u"goal")
        self.goal.setTabChangesFocus(True)

        self.goal_box_layout.addWidget(self.goal)


        self.texts.addWidget(self.goal_box)


        self.top_layout.addLayout(self.texts)

        self.top_layout.setStretch(2, 1)
        self.split.addWidget(self.top)
        self.lower = QSplitter(self.split)
        self.lower.setObjectName(u"lower")
        self.lower.setOrientation(Qt.Horizontal)
        self.talk = QSplitter(self.lower)
        self.talk.setObjectName(u"talk")
        self.talk.setOrientation(Qt.Vertical)
        self.talk.setChildrenCollapsible(False)
        self.conv_box = QGroupBox(self.talk)
        self.conv_box.setObjectName(u"conv_box")
        self.conv_box_layout = QVBoxLayout(self.conv_box)
        self.conv_box_layout.setObjectName(u"conv_box_layout")
        self.conversation = QPlainTextEdit(self.conv_box)
        self.conversation.setObjectName(u"conversation")
        self.conversation.setReadOnly(True)

        self.conv_box_layout.addWidget(self.conversation)

        self.talk.addWidget(self.conv_box)
        self.notes_box = QGroupBox(self.talk)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_box_layout = QVBoxLayout(self.notes_box)
        self.notes_box_layout.setObjectName(u"notes_box_layout")
        self.notes = QPlainTextEdit(self.notes_box)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.notes_box_layout.addWidget(self.notes)

        self.talk.addWidget(self.notes_box)
        self.lower.addWidget(self.talk)
        self.side_column = QSplitter(self.lower)
        self.side_column.setObjectName(u"side_column")
        self.side_column.setOrientation(Qt.Vertical)
        self.files_box = QGroupBox(self.side_column)
        self.files_box.setObjectName(u"files_box")
        self.files_layout = QVBoxLayout(self.files_box)
        self.files_layout.setObjectName(u"files_layout")
        self.attachments = QListView(self.files_box)
        self.attachments.setObjectName(u"attachments")
        self.attachments.setContextMenuPolicy(Qt.CustomContextMenu)
        self.attachments.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.attachments.setTextElideMode(Qt.ElideMiddle)

        self.files_layout.addWidget(self.attachments)

        self.file_buttons = QHBoxLayout()
        self.file_buttons.setObjectName(u"file_buttons")
        self.attach_button = QPushButton(self.files_box)
        self.attach_button.setObjectName(u"attach_button")

        self.file_buttons.addWidget(self.attach_button)

        self.remove_button = QPushButton(self.files_box)
        self.remove_button.setObjectName(u"remove_button")
        self.remove_button.setEnabled(False)

        self.file_buttons.addWidget(self.remove_button)

        self.file_buttons_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.file_buttons.addItem(self.file_buttons_end)


        self.files_layout.addLayout(self.file_buttons)

        self.side_column.addWidget(self.files_box)
        self.lower.addWidget(self.side_column)
        self.split.addWidget(self.lower)

        self.layout.addWidget(self.split)

#if QT_CONFIG(shortcut)
        self.customer_label.setBuddy(self.customer)
        self.app_name_label.setBuddy(self.app_name)
        self.requester_name_label.setBuddy(self.requester_name)
        self.requester_role_label.setBuddy(self.requester_role)
        self.platform_label.setBuddy(self.platform)
        self.os_version_label.setBuddy(self.os_version)
        self.sdk_name_label.setBuddy(self.sdk_name)
        self.sdk_version_label.setBuddy(self.sdk_version)
        self.app_version_label.setBuddy(self.app_version)
        self.symptom_label.setBuddy(self.symptom)
        self.category_label.setBuddy(self.category)
        self.priority_label.setBuddy(self.priority)
        self.assignee_label.setBuddy(self.assignee)
        self.tags_label.setBuddy(self.tags)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.customer)
        QWidget.setTabOrder(self.customer, self.app_name)
        QWidget.setTabOrder(self.app_name, self.requester_name)
        QWidget.setTabOrder(self.requester_name, self.requester_role)
        QWidget.setTabOrder(self.requester_role, self.platform)
        QWidget.setTabOrder(self.platform, self.os_version)
        QWidget.setTabOrder(self.os_version, self.sdk_name)
        QWidget.setTabOrder(self.sdk_name, self.sdk_version)
        QWidget.setTabOrder(self.sdk_version, self.app_version)
        QWidget.setTabOrder(self.app_version, self.symptom)
        QWidget.setTabOrder(self.symptom, self.category)
        QWidget.setTabOrder(self.category, self.priority)
        QWidget.setTabOrder(self.priority, self.assignee)
        QWidget.setTabOrder(self.assignee, self.tags)
        QWidget.setTabOrder(self.tags, self.asked)
        QWidget.setTabOrder(self.asked, self.goal)
        QWidget.setTabOrder(self.goal, self.conversation)
        QWidget.setTabOrder(self.conversation, self.notes)
        QWidget.setTabOrder(self.notes, self.attachments)
        QWidget.setTabOrder(self.attachments, self.attach_button)
        QWidget.setTabOrder(self.attach_button, self.remove_button)

        self.retranslateUi(OverviewForm)

        QMetaObject.connectSlotsByName(OverviewForm)
    # setupUi

    def retranslateUi(self, OverviewForm):
        self.title.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"Title: the customer's problem in a few words", None))
        self.customer_label.setText(QCoreApplication.translate("OverviewForm", u"Customer", None))
        self.app_name_label.setText(QCoreApplication.translate("OverviewForm", u"App", None))
        self.requester_name_label.setText(QCoreApplication.translate("OverviewForm", u"Requester", None))
        self.requester_role_label.setText(QCoreApplication.translate("OverviewForm", u"Requester role", None))
        self.platform_label.setText(QCoreApplication.translate("OverviewForm", u"Platform", None))
        self.os_version_label.setText(QCoreApplication.translate("OverviewForm", u"OS version", None))
        self.os_version.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"e.g. Android 14", None))
        self.sdk_name_label.setText(QCoreApplication.translate("OverviewForm", u"SDK", None))

        self.sdk_version_label.setText(QCoreApplication.translate("OverviewForm", u"SDK version", None))
        self.sdk_version.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"e.g. 30.4.0", None))
        self.app_version_label.setText(QCoreApplication.translate("OverviewForm", u"App version", None))
        self.symptom_label.setText(QCoreApplication.translate("OverviewForm", u"Symptom", None))
        self.category_label.setText(QCoreApplication.translate("OverviewForm", u"Category", None))
        self.priority_label.setText(QCoreApplication.translate("OverviewForm", u"Priority", None))
        self.assignee_label.setText(QCoreApplication.translate("OverviewForm", u"Assignee", None))
        self.tags_label.setText(QCoreApplication.translate("OverviewForm", u"Tags", None))
        self.tags.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"comma-separated, e.g. braze, android", None))
        self.asked_box.setTitle(QCoreApplication.translate("OverviewForm", u"What they asked", None))
        self.asked.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"Paste or summarise the customer's literal question.", None))
        self.goal_box.setTitle(QCoreApplication.translate("OverviewForm", u"What they are really trying to achieve", None))
        self.goal.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"What outcome do they want? e.g. \u201cshow a coupon after the first purchase\u201d", None))
        self.conv_box.setTitle(QCoreApplication.translate("OverviewForm", u"Conversation", None))
        self.conversation.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"No messages yet.", None))
        self.notes_box.setTitle(QCoreApplication.translate("OverviewForm", u"Notes", None))
        self.notes.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"Your working notes (not sent to the customer).", None))
        self.files_box.setTitle(QCoreApplication.translate("OverviewForm", u"Attached logs (drop files here)", None))
#if QT_CONFIG(tooltip)
        self.attach_button.setToolTip(QCoreApplication.translate("OverviewForm", u"Choose log files or archives to attach (Ctrl+Shift+A); you can also drop them here", None))
#endif // QT_CONFIG(tooltip)
        self.attach_button.setText(QCoreApplication.translate("OverviewForm", u"Attach\u2026", None))
#if QT_CONFIG(tooltip)
        self.remove_button.setToolTip(QCoreApplication.translate("OverviewForm", u"Remove the selected file from the ticket (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.remove_button.setText(QCoreApplication.translate("OverviewForm", u"Remove\u2026", None))
        pass
    # retranslateUi

