"""Ticket create/edit, status history, checklist verdicts, attachments and search on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from cre_desk.core.tickets import QueueFilter, TicketFields
from cre_desk.core.vocabulary import Status, Verdict
from cre_desk.errors import ConflictError, UserError


def make(service, **kw):
    created_at = kw.pop("created_at", None)
    fields = TicketFields(title=kw.pop("title", "IAM not shown after purchase"), **kw)
    return service.create_ticket(fields, actor="aki", created_at=created_at)


def test_create_records_fields_history_and_checklist(service):
    t = make(service, customer="Acme", asked="Why is my message not shown?",
             goal="Upsell after first purchase", tags=("Braze", "android ", "braze"))
    assert t.fields.customer == "Acme"
    assert t.fields.tags == ("android", "braze")
    assert t.status == Status.NEW
    assert [h.to_status for h in t.history] == [Status.NEW]
    assert [c.item_key for c in t.checklist] == ["D-sdk-init", "B-segment", "C-event"]
    assert all(c.verdict == Verdict.NOT_CHECKED for c in t.checklist)


def test_title_is_required(service):
    with pytest.raises(UserError, match="title"):
        make(service, title="   ")


def test_edit_saves_and_bumps_version(service):
    t = make(service)
    edited = service.update_ticket(t.id, replace(t.fields, goal="Show a coupon", tags=("vip",)),
                                   expected_version=t.version)
    assert edited.fields.goal == "Show a coupon"
    assert edited.fields.tags == ("vip",)
    assert edited.version == t.version + 1


def test_stale_edit_is_a_conflict_not_an_overwrite(service):
    t = make(service)
    service.update_ticket(t.id, replace(t.fields, goal="theirs"), expected_version=t.version)
    with pytest.raises(ConflictError) as info:
        service.update_ticket(t.id, replace(t.fields, goal="mine"), expected_version=t.version)
    assert info.value.mine.goal == "mine"
    assert info.value.theirs.fields.goal == "theirs"
    assert service.get_ticket(t.id).fields.goal == "theirs"


def test_status_changes_are_history_with_pause_reasons(service):
    clock = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    t = make(service, created_at=clock - timedelta(hours=1))
    service.change_status(t.id, Status.OPEN, actor="aki", at=clock)
    service.change_status(t.id, Status.WAITING_CUSTOMER, at=clock + timedelta(hours=1))
    solved = service.change_status(t.id, Status.SOLVED, at=clock + timedelta(hours=3))
    assert [h.to_status for h in solved.history] == ["new", "open", "waiting_customer", "solved"]
    assert solved.history[2].pause_reason == "customer_log"
    assert solved.history[1].pause_reason is None
    assert solved.resolved_at == clock + timedelta(hours=3)
    reopened = service.change_status(t.id, Status.OPEN, at=clock + timedelta(hours=4))
    assert reopened.resolved_at is None
    assert reopened.history[-1].from_status == "solved"


def test_same_status_records_nothing(service):
    t = make(service)
    again = service.change_status(t.id, Status.NEW)
    assert len(again.history) == 1


def test_symptom_change_instantiates_the_new_checklist(service):
    t = make(service)
    pushed = service.update_ticket(t.id, replace(t.fields, symptom="push_not_delivered"),
                                   expected_version=t.version)
    assert [c.item_key for c in pushed.checklist] == ["D-token", "E-permission"]


def test_verdict_and_evidence_saved_and_conflicts_detected(service):
    t = make(service)
    item = t.checklist[1]
    saved = service.set_verdict(item.id, verdict=Verdict.CONFIRMED, evidence="user not in segment at start",
                                expected_version=item.version, actor="aki")
    assert saved.verdict == Verdict.CONFIRMED
    assert service.get_ticket(t.id).checklist[1].evidence == "user not in segment at start"
    with pytest.raises(ConflictError):
        service.set_verdict(item.id, verdict=Verdict.RULED_OUT, evidence="", expected_version=item.version)
    assert service.get_ticket(t.id).checklist[1].verdict == Verdict.CONFIRMED


def test_search_ranks_title_matches_and_finds_messages_and_notes(service):
    a = make(service, title="Push not delivered on Pixel", asked="token?")
    b = make(service, title="Banner missing", notes="customer says push works on iOS")
    c = make(service, title="Events missing")
    service.add_message(c.id, "The purchase event never shows up in the dashboard")
    assert service.search("push")[:2] == [a.id, b.id]
    assert service.search("purchase dashboard") == [c.id]
    assert service.search("nothing-like-this") == []


def test_search_finds_japanese_without_spaces(service):
    t = make(service, title="アプリ内メッセージが表示されない")
    make(service, title="プッシュ通知が届かない")
    assert service.search("表示されない") == [t.id]
    assert service.search("表示") == [t.id]


def test_search_survives_query_syntax(service):
    make(service, title='quote " and * and AND OR NEAR(')
    assert service.search('" * ( :') == []
    assert len(service.search('" AND (')) == 1
    assert len(service.search("NEAR quote")) == 1


def test_queue_filters(service):
    a = make(service, assignee="aki", category="spec_question", tags=("braze",))
    b = make(service, assignee="ben", tags=("fiam",))
    service.change_status(b.id, Status.CLOSED)
    ids = lambda flt: {s.id for s in service.list_queue(flt)}  # noqa: E731
    assert ids(QueueFilter()) == {a.id, b.id}
    assert ids(QueueFilter(assignee="aki")) == {a.id}
    assert ids(QueueFilter(category="spec_question")) == {a.id}
    assert ids(QueueFilter(tag="fiam")) == {b.id}
    assert ids(QueueFilter(include_closed=False)) == {a.id}
    assert ids(QueueFilter(statuses=("closed",))) == {b.id}
    assert ids(QueueFilter(text="fiam")) == {b.id}


def test_attachments_are_copied_once(service, tmp_path):
    t = make(service)
    log = tmp_path / "braze.log"
    log.write_text("11-24 10:00:00.000  100  100 I Braze: hello\n")
    first = service.attach_file(t.id, log)
    second = service.attach_file(t.id, log)
    assert first.id == second.id
    stored = service.attachment_path(first)
    assert stored.read_text().startswith("11-24")
    assert stored.parent.name == str(t.id)


def test_attachment_names_are_made_safe(service, tmp_path):
    t = make(service)
    log = tmp_path / "x.log"
    log.write_text("a")
    rec = service.attach_file(t.id, log, file_name="..\\..\\CON")
    assert rec.file_name == "attachment-CON"
    assert service.attachment_path(rec).is_file()


def test_delete_removes_ticket_and_search_document(service):
    t = make(service, title="Unique zebra title")
    service.delete_ticket(t.id)
    assert service.search("zebra") == []
    with pytest.raises(UserError):
        service.get_ticket(t.id)


def test_deleting_a_ticket_deletes_its_attached_files_and_only_those(service, tmp_path):
    """The delete dialog promises the attachments go too; another ticket's files stay."""
    log = tmp_path / "device.log"
    log.write_text("11-20 10:14:02.118  1  1 I Braze: hello\n")
    gone, kept = make(service, title="Gone"), make(service, title="Kept")
    first = service.attach_file(gone.id, log)
    other = service.attach_file(kept.id, log)
    assert service.attachment_path(first).is_file()
    service.delete_ticket(gone.id)
    assert not service.attachment_path(first).exists()
    assert not service.attachment_path(first).parent.exists()
    assert service.attachment_path(other).is_file()


def test_marked_log_lines_become_checklist_evidence_without_losing_notes(any_db_url, tmp_path):
    from cre_desk.db import migrate
    from cre_desk.db.engine import Database
    from cre_desk.db.service import TicketService

    db = Database(any_db_url)
    migrate.upgrade(db)
    service = TicketService(db, attachments_dir=tmp_path / "att")
    ticket = service.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"), actor="aki")
    log = tmp_path / "device.log"
    log.write_text("11-20 10:14:02.118  1  1 W Braze: No activity is currently registered\n")
    attachment = service.attach_file(ticket.id, log)
    mark = service.add_mark(ticket.id, attachment.id, 0, log.read_text().strip(), log_name="device.log",
                            note="display manager missing", actor="aki")
    assert service.list_marks(ticket.id)[0].note == "display manager missing"
    item = next(e for e in service.get_ticket(ticket.id).checklist if e.item_key == "d_display_manager_not_registered")
    service.set_verdict(item.id, verdict="suspected", evidence="Seen on Pixel 8.", expected_version=item.version)
    entry = service.add_evidence(item.id, mark.citation(), actor="aki", verdict="confirmed")
    assert entry.verdict == "confirmed"
    assert entry.evidence.startswith("Seen on Pixel 8.")
    assert "[device.log:1]" in entry.evidence and "display manager missing" in entry.evidence
    again = service.add_evidence(item.id, mark.citation(), actor="aki")
    assert again.evidence.count("[device.log:1]") == 1  # quoting the same mark twice adds it once
    service.delete_mark(mark.id)
    assert service.list_marks(ticket.id) == []
    db.dispose()


def test_reply_drafts_autosave_conflict_and_sending_starts_the_first_response_clock(any_db_url, tmp_path):
    from cre_desk.db import migrate
    from cre_desk.db.engine import Database
    from cre_desk.db.service import TicketService

    db = Database(any_db_url)
    migrate.upgrade(db)
    clock = [datetime(2026, 11, 20, 1, 0, tzinfo=UTC)]
    service = TicketService(db, clock=lambda: clock[0])
    ticket = service.create_ticket(TicketFields(title="Coupon not shown"), actor="aki")
    assert service.get_draft(ticket.id) is None
    first = service.save_draft(ticket.id, language="ja", audience="marketer", summary="概要", cause="", fix="",
                               actor="aki")
    second = service.save_draft(ticket.id, language="ja", audience="marketer", summary="概要2", cause="原因",
                                fix="", expected_version=first.version, actor="aki")
    assert service.get_draft(ticket.id).summary == "概要2"
    with pytest.raises(ConflictError):
        service.save_draft(ticket.id, language="ja", audience="marketer", summary="stale", cause="", fix="",
                           expected_version=first.version, actor="ben")
    assert service.get_draft(ticket.id).version == second.version
    version_before = service.get_ticket(ticket.id).version
    clock[0] += timedelta(hours=2)
    sent = service.record_sent_reply(ticket.id, "本文", language="ja", audience="marketer", actor="aki")
    detail = service.get_ticket(ticket.id)
    assert detail.first_response_at == clock[0] and detail.version == version_before
    assert service.get_draft(ticket.id) is None
    clock[0] += timedelta(hours=1)
    service.record_sent_reply(ticket.id, "follow-up", language="ja", audience="marketer", actor="aki")
    assert service.get_ticket(ticket.id).first_response_at == sent.sent_at  # the first answer counts
    assert [r.body for r in service.list_sent_replies(ticket.id)] == ["本文", "follow-up"]
    db.dispose()
