"""Product-feedback data on SQLite and PostgreSQL: migration 0007, confirming tags, items and merging."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from cre_desk.core.feedback import Kind, ProductTeam
from cre_desk.core.tickets import TicketFields
from cre_desk.db import migrate
from cre_desk.db.engine import Database
from cre_desk.db.feedback import FeedbackStore
from cre_desk.db.service import TicketService
from cre_desk.errors import UserError

WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_COLUMNS = (
    "title, customer, app_name, requester_name, requester_role, platform, os_version, sdk_name, "
    "sdk_version, app_version, symptom, category, priority, assignee, team, status, asked, goal, notes, "
    "source, external_id, external_url, created_at, updated_at, version"
)


def _old_ticket(conn, title: str, category: str) -> None:
    conn.execute(
        text(
            f"INSERT INTO tickets ({_COLUMNS}) VALUES (:title, 'acme', '', '', 'marketer', "
            "'android', '', '', '', '', 'other', :category, 'normal', '', '', 'open', '', '', '', "
            "'manual', NULL, '', :t, :t, 1)"
        ),
        {"title": title, "category": category, "t": WHEN.replace(tzinfo=None)},
    )


def test_migration_gives_every_old_ticket_the_kind_of_its_category(any_db_url, tmp_path):
    db = Database(any_db_url)
    try:
        migrate.upgrade(db, "0006")
        with db.engine.begin() as conn:
            for category in ("bug", "feature_request", "spec_question", "troubleshooting"):
                _old_ticket(conn, f"old {category}", category)
            conn.execute(text("INSERT INTO ticket_tags (ticket_id, tag) SELECT id, 'vip' FROM tickets"))
        migrate.upgrade(db)
        service = TicketService(db, attachments_dir=tmp_path, template_rows=lambda s: [])
        store = FeedbackStore(db)
        queue = {s.title: s for s in service.list_queue()}
        assert len(queue) == 4 and all(s.tags == ("vip",) for s in queue.values())
        kinds = {title: store.tag_of(s.id) for title, s in queue.items()}
        assert {t: (k.kind, k.confirmed, s.category) for t, k in kinds.items() for s in [queue[t]]} == {
            "old bug": ("bug", False, "bug"),
            "old feature_request": ("missing_feature", False, "feature_request"),
            "old spec_question": ("spec_question", False, "spec_question"),
            "old troubleshooting": ("troubleshooting", False, "troubleshooting"),
        }
        assert [t.key for t in store.list_teams()] == [
            "in_app_messaging",
            "push",
            "events_profiles",
            "sdk_platform",
            "dashboard",
        ]
        # down to 0006 and up again: the tickets and their tags stay
        migrate.downgrade(db, "0006")
        migrate.upgrade(db)
        assert service.count() == 4
        assert store.tag_of(queue["old bug"].id).kind == "bug"
    finally:
        db.dispose()


def test_0012_moves_team_and_kind_onto_the_ticket_and_back_without_losing_a_tag(any_db_url, tmp_path):
    db = Database(any_db_url)
    try:
        migrate.upgrade(db, "0011")
        with db.engine.begin() as conn:
            _old_ticket(conn, "Where is quiet hours?", "spec_question")
            _old_ticket(conn, "Crash on start", "bug")
            conn.execute(text("INSERT INTO ticket_feedback (ticket_id, product_team, kind, confirmed, "
                              "confirmed_by) VALUES (1, 'push', 'hidden_feature', true, 'aiko')"))
        migrate.upgrade(db)
        store = FeedbackStore(db)
        first, second = store.tag_of(1), store.tag_of(2)
        assert (first.team, first.kind, first.confirmed, first.confirmed_by) == (
            "push", "hidden_feature", True, "aiko")
        assert (second.team, second.kind, second.confirmed) == ("", "bug", False)
        service = TicketService(db, attachments_dir=tmp_path, template_rows=lambda s: [])
        new = service.create_ticket(TicketFields(title="Dark mode", category="feature_request"))
        store.confirm(new.id, team="dashboard", kind="missing_feature", actor="ken")
        migrate.downgrade(db, "0011")
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT ticket_id, product_team, kind, confirmed FROM ticket_feedback "
                                     "ORDER BY ticket_id")).all()
        assert [(r[0], r[1], r[2], bool(r[3])) for r in rows] == [
            (1, "push", "hidden_feature", True), (3, "dashboard", "missing_feature", True)]
        migrate.upgrade(db)
        assert (store.tag_of(1).team, store.tag_of(1).kind) == ("push", "hidden_feature")
        assert (store.tag_of(3).team, store.tag_of(3).confirmed_by) == ("dashboard", "ken")
    finally:
        db.dispose()


def test_tagging_leaves_the_tickets_version_and_update_time_alone(service):
    """Confirming a tag is not an edit: the engineer's open Overview still saves, the queue order stays."""
    store = FeedbackStore(service.db)
    ticket = service.create_ticket(TicketFields(title="Where is quiet hours?", category="spec_question"))
    before = service.get_ticket(ticket.id)
    store.confirm(ticket.id, team="push", kind="hidden_feature", actor="aiko")
    after = service.get_ticket(ticket.id)
    assert (after.version, after.updated_at) == (before.version, before.updated_at)
    assert store.delete_team("push") == 1
    assert service.get_ticket(ticket.id).updated_at == before.updated_at


def test_confirm_requires_a_fitting_category_and_category_change_rederives(service):
    store = FeedbackStore(service.db)
    ticket = service.create_ticket(
        TicketFields(title="Where is quiet hours?", symptom="how_to", category="spec_question")
    )
    assert store.tag_of(ticket.id) == store.tag_of(ticket.id)  # derived, unconfirmed
    assert store.tag_of(ticket.id).kind == Kind.SPEC_QUESTION and not store.tag_of(ticket.id).confirmed
    with pytest.raises(UserError, match="category"):
        store.confirm(ticket.id, team="push", kind="bug")
    with pytest.raises(UserError, match="no product team"):
        store.confirm(ticket.id, team="nope", kind="hidden_feature")
    tag = store.confirm(ticket.id, team="push", kind="hidden_feature", actor="aiko")
    assert (tag.team, tag.kind, tag.confirmed, tag.confirmed_by) == ("push", "hidden_feature", True, "aiko")
    # the engineer changes the category on the Overview: the kind follows the category, never contradicts it
    service.update_ticket(ticket.id, replace(ticket.fields, category="bug"), expected_version=ticket.version)
    tag = store.tag_of(ticket.id)
    assert (tag.team, tag.kind, tag.confirmed) == ("push", "bug", False)


def test_teams_are_rows_a_lead_edits(service):
    store = FeedbackStore(service.db)
    store.save_team(ProductTeam(key="Web SDK", name="Web SDK", name_ja="Web SDK", keywords=("browser",)))
    assert store.list_teams()[-1].key == "web_sdk"
    ticket = service.create_ticket(TicketFields(title="Browser push", category="troubleshooting"))
    store.confirm(ticket.id, team="web_sdk", kind="troubleshooting")
    assert store.delete_team("web_sdk") == 1
    assert store.tag_of(ticket.id).team == "" and "web_sdk" not in [t.key for t in store.list_teams()]


def test_linking_and_merging_items_keeps_every_ticket(service):
    store = FeedbackStore(service.db)
    a = service.create_ticket(
        TicketFields(title="CSV export please", customer="acme", category="feature_request")
    )
    b = service.create_ticket(
        TicketFields(title="Export segments", customer="beta", category="feature_request")
    )
    c = service.create_ticket(TicketFields(title="Need export", customer="acme", category="feature_request"))
    one = store.create_item("request", "Export segments as CSV")
    two = store.create_item(
        "request", "  Segment   export ", github_url="https://github.com/acme/sdk/issues/12/"
    )
    assert two.title == "Segment export" and two.github_url == "https://github.com/acme/sdk/issues/12"
    with pytest.raises(UserError):
        store.create_item("request", "x", github_url="https://evil.example/acme/sdk/issues/1")
    store.link(a.id, one.id)
    store.link(b.id, one.id)
    store.link(b.id, two.id)  # b is on both: must end up linked once
    store.link(c.id, two.id)
    store.link(c.id, two.id)  # linking twice is harmless
    merged = store.merge(one.id, two.id)
    assert store.tickets_of(one.id) == sorted([a.id, b.id, c.id])
    assert (merged.tickets, merged.customers, merged.github_url) == (
        3,
        2,
        "https://github.com/acme/sdk/issues/12",
    )
    assert [i.id for i in store.list_items()] == [one.id]
    with pytest.raises(UserError):
        store.merge(one.id, two.id)
    store.unlink(c.id, one.id)
    assert store.items_of(c.id) == [] and store.list_items()[0].tickets == 2
