"""Product-feedback tags: product teams as rows, each ticket's team and kind, shared items tickets link to.

Existing tickets keep their category (the timers still use it) and get the kind that category means
(feature request -> missing feature, bug -> bug, ...), unconfirmed, so nothing is lost and every old
ticket shows up in the product-feedback figures at once. The tickets table itself is not altered.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Frozen copies (a migration must not change when the app's defaults do later).
_CATEGORY_KIND = {"bug": "bug", "feature_request": "missing_feature", "spec_question": "spec_question",
                  "troubleshooting": "troubleshooting"}
_TEAMS = [
    ("in_app_messaging", "In-app messaging", "アプリ内メッセージ", "iam_not_shown", "",
     "in-app,in app,iam,modal,banner,campaign,アプリ内", 0),
    ("push", "Push", "プッシュ通知", "push_not_delivered", "d_sender_id,d_apns,d_ios_push,e_notification",
     "push,notification,apns,fcm,token,プッシュ,通知", 1),
    ("events_profiles", "Events & profiles", "イベント・プロファイル", "events_not_recorded",
     "b_wrong_user_identity,c_event,c_tracking,a_name_mismatch",
     "event,attribute,profile,user id,identity,segment,イベント,属性", 2),
    ("sdk_platform", "SDK platform", "SDK基盤", "", "d_sdk_,d_outdated_sdk,d_min_sdk,d_multiple_push_sdks",
     "sdk,initialis,initializ,proguard,gradle,cocoapods,crash,swift package,flutter,react native,unity", 3),
    ("dashboard", "Dashboard", "管理画面", "", "",
     "dashboard,report,export,csv,permission,role,login,管理画面,レポート", 4),
]


def upgrade() -> None:
    teams = op.create_table(
        "product_teams",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_ja", sa.String(200), nullable=False),
        sa.Column("symptoms", sa.Text, nullable=False),
        sa.Column("checklist_items", sa.Text, nullable=False),
        sa.Column("keywords", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_product_teams"),
    )
    op.bulk_insert(teams, [dict(zip(("key", "name", "name_ja", "symptoms", "checklist_items", "keywords",
                                     "position"), row, strict=True)) for row in _TEAMS])
    feedback = op.create_table(
        "ticket_feedback",
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("product_team", sa.String(60), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("confirmed", sa.Boolean, nullable=False),
        sa.Column("confirmed_by", sa.String(200), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_ticket_feedback_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("ticket_id", name="pk_ticket_feedback"),
    )
    op.create_index("ix_ticket_feedback_product_team", "ticket_feedback", ["product_team"])
    op.create_index("ix_ticket_feedback_kind", "ticket_feedback", ["kind"])
    op.create_table(
        "feedback_items",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("item_type", sa.String(20), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("product_team", sa.String(60), nullable=False),
        sa.Column("github_url", sa.String(500), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feedback_items"),
    )
    op.create_index("ix_feedback_items_item_type", "feedback_items", ["item_type"])
    op.create_table(
        "ticket_items",
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("linked_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_ticket_items_ticket_id_tickets"),
        sa.ForeignKeyConstraint(["item_id"], ["feedback_items.id"], ondelete="CASCADE",
                                name="fk_ticket_items_item_id_feedback_items"),
        sa.PrimaryKeyConstraint("ticket_id", "item_id", name="pk_ticket_items"),
    )
    op.create_index("ix_ticket_items_item_id", "ticket_items", ["item_id"])

    # Every existing ticket gets the kind its category means: one INSERT ... SELECT, no row left behind.
    tickets = sa.table("tickets", sa.column("id", sa.Integer), sa.column("category", sa.String))
    kind = sa.case(*((tickets.c.category == cat, sa.literal(k)) for cat, k in _CATEGORY_KIND.items()),
                   else_=sa.literal("troubleshooting"))
    op.execute(feedback.insert().from_select(
        ["ticket_id", "product_team", "kind", "confirmed", "confirmed_by"],
        sa.select(tickets.c.id, sa.literal(""), kind, sa.false(), sa.literal(""))))


def downgrade() -> None:
    op.drop_index("ix_ticket_items_item_id", table_name="ticket_items")
    op.drop_table("ticket_items")
    op.drop_index("ix_feedback_items_item_type", table_name="feedback_items")
    op.drop_table("feedback_items")
    op.drop_index("ix_ticket_feedback_kind", table_name="ticket_feedback")
    op.drop_index("ix_ticket_feedback_product_team", table_name="ticket_feedback")
    op.drop_table("ticket_feedback")
    op.drop_table("product_teams")
