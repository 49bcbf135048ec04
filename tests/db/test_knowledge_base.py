"""The knowledge base on a real database (SQLite, PostgreSQL): articles, suggestions, candidates, health."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect

from cre_desk.core import kb, replies, reply_render
from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Status, Verdict
from cre_desk.db import migrate
from cre_desk.db.engine import Database
from cre_desk.db.kb_service import KnowledgeService
from cre_desk.errors import ConflictError, UserError
from tests.db.kb_fixture import GROUPS, NOISE

T0 = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def knowledge(database):
    return KnowledgeService(database)


def _ticket(service, title, body, *, status=Status.SOLVED, symptom="other", when=T0, **extra):
    detail = service.create_ticket(
        TicketFields(title=title, symptom=symptom, **extra), status=status, created_at=when
    )
    service.add_message(detail.id, body, author_name="Customer", from_customer=True, created_at=when)
    return detail.id


def _corpus(service):
    groups: dict[str, list[int]] = {}
    for name, tickets in GROUPS.items():
        groups[name] = [_ticket(service, title, body) for title, body in tickets]
    for title, body in NOISE:
        _ticket(service, title, body)
    return groups


def test_knowledge_base_tables_come_from_migration_0008(database):
    tables = set(inspect(database.engine).get_table_names())
    assert {
        "kb_articles",
        "kb_article_tickets",
        "kb_article_events",
        "kb_term_vectors",
        "kb_log_fingerprints",
    } <= tables
    assert migrate.current_revision(database) == migrate.EXPECTED_HEAD
    fingerprint_indexes = {i["name"] for i in inspect(database.engine).get_indexes("kb_log_fingerprints")}
    assert "ix_kb_log_fingerprints_computed_at" in fingerprint_indexes


def test_downgrade_to_0006_and_back_keeps_tickets(any_db_url, tmp_path):
    from cre_desk.db.service import TicketService

    db = Database(any_db_url)
    try:
        migrate.upgrade(db)
        tickets = TicketService(db, attachments_dir=tmp_path, template_rows=lambda s: [])
        tid = tickets.create_ticket(TicketFields(title="Keep me")).id
        KnowledgeService(db).create_article(kb.ArticleFields(title_en="An article", ticket_ids=(tid,)))
        migrate.downgrade(db, "0006")
        assert "kb_articles" not in inspect(db.engine).get_table_names()
        migrate.upgrade(db)
        assert [s.title for s in tickets.list_queue()] == ["Keep me"]
        assert KnowledgeService(db).list_articles() == []
    finally:
        db.dispose()


def test_article_round_trip_and_conflict(service, knowledge):
    tid = _ticket(service, "Push not delivered", "No push")
    fields = kb.ArticleFields(
        title_en="Push on Android 13",
        title_ja="Android 13 のプッシュ通知",
        body_en="Ask for the permission.",
        body_ja="通知許可を求めてください。",
        owner="aiko",
        sdk_versions=("Android SDK >= 30.0", "Android SDK >= 30.0"),
        tags=("symptom:push_not_delivered", "team:mobile"),
        ticket_ids=(tid,),
    )
    created = knowledge.create_article(fields)
    assert created.fields.sdk_versions == ("Android SDK >= 30.0",)
    assert created.fields.ticket_ids == (tid,)
    assert created.published_at is None
    published = knowledge.update_article(
        created.id,
        kb.ArticleFields(**{**fields.__dict__, "status": "published"}),
        expected_version=created.version,
    )
    assert published.published_at is not None and published.fields.status == "published"
    with pytest.raises(ConflictError):
        knowledge.update_article(created.id, fields, expected_version=created.version)
    with pytest.raises(UserError):
        knowledge.create_article(kb.ArticleFields(title_en="Bad", status="live"))
    with pytest.raises(UserError):
        knowledge.create_article(kb.ArticleFields(title_en="Missing ticket", ticket_ids=(9999,)))
    assert [a.id for a in knowledge.list_articles(status="published")] == [created.id]


def test_similar_tickets_top_three_precision_in_english_and_japanese(service, knowledge):
    groups = _corpus(service)
    precisions = {}
    for name, ids in groups.items():
        for tid in ids:
            tickets = [s.ref_id for s in knowledge.suggest(tid, record=False) if s.kind == "ticket"][:3]
            relevant = len([t for t in tickets if t in ids])
            precisions[(name, tid)] = relevant / min(3, len(ids) - 1)
    mean = sum(precisions.values()) / len(precisions)
    assert mean >= 0.8, precisions
    for name in ("ja_iam", "ja_push"):
        assert all(precisions[(name, t)] >= 0.5 for t in groups[name]), precisions


def test_each_suggestion_says_why(service, knowledge):
    groups = _corpus(service)
    first = knowledge.suggest(groups["push_token"][0], record=False)[0]
    assert first.kind == "ticket" and first.ref_id in groups["push_token"]
    reason = first.reasons[0]
    assert reason.kind == "text" and "push" in reason.items
    ja = knowledge.suggest(groups["ja_push"][0], record=False)[0]
    assert any("通知" in item for item in ja.reasons[0].items)


def test_open_tickets_are_not_suggested_and_new_text_is_picked_up(service, knowledge):
    a = _ticket(service, "Webhook retries flood our server", "Webhook retries arrive every second")
    b = _ticket(service, "Webhook retries flood the endpoint", "Too many webhook retries", status=Status.OPEN)
    assert knowledge.suggest(b, record=False)[0].ref_id == a
    assert [s.ref_id for s in knowledge.suggest(a, record=False)] == []  # b is still open
    c = _ticket(service, "Unrelated", "Nothing alike", status=Status.OPEN)
    assert knowledge.suggest(c, record=False) == []
    service.add_message(
        c,
        "Actually: webhook retries flood our server too",
        from_customer=True,
        created_at=datetime.now(UTC) + timedelta(seconds=1),
    )
    assert [s.ref_id for s in knowledge.suggest(c, record=False)] == [a]


def test_fingerprint_matches_across_languages(service, knowledge):
    analysis = {
        "findings": [
            {"rule_id": "braze-iam-trigger-missing", "missing": True},
            {"rule_id": "braze-session-start"},
        ],
        "suspected_areas": [{"area": "C", "score": 4.0}, {"area": "B", "score": 1.0}],
    }
    en = _ticket(service, "Popup never opens", "The popup does not open at all.")
    ja = _ticket(service, "ポップアップが開かない", "ポップアップが全く開きません。", status=Status.OPEN)
    other = _ticket(service, "Popup never opens either", "Same popup does not open.")
    knowledge.record_fingerprint(en, 1, analysis)
    knowledge.record_fingerprint(ja, 2, analysis)
    knowledge.record_fingerprint(
        other,
        3,
        {"findings": [{"rule_id": "braze-push-token"}], "suspected_areas": [{"area": "D", "score": 2.0}]},
    )
    suggestions = knowledge.suggest(ja, record=False)
    assert [s.ref_id for s in suggestions] == [en]
    kinds = {r.kind: r for r in suggestions[0].reasons}
    assert kinds["findings"].items == ("braze-session-start", "missing:braze-iam-trigger-missing")
    assert kinds["area"].items == ("area C",)


def test_fingerprint_from_checklist_verdicts(service, knowledge):
    a = _ticket(service, "Message not shown", "x", symptom="iam_not_shown")
    b = _ticket(service, "Nothing on screen", "y", symptom="iam_not_shown", status=Status.OPEN)
    for tid in (a, b):
        item = next(e for e in service.get_ticket(tid).checklist if e.item_key == "B-segment")
        service.set_verdict(item.id, verdict=Verdict.CONFIRMED, evidence="", expected_version=item.version)
    suggestion = knowledge.suggest(b, record=False)[0]
    assert suggestion.ref_id == a
    assert "iam_not_shown/B-segment" in next(r for r in suggestion.reasons if r.kind == "area").items


def test_article_suggested_through_a_linked_look_alike_ticket(service, knowledge):
    groups = _corpus(service)
    linked = groups["events_user_id"][0]
    article = knowledge.create_article(
        kb.ArticleFields(title_en="Keep the user id stable", status="published", ticket_ids=(linked,))
    )
    draft = knowledge.create_article(
        kb.ArticleFields(title_en="Custom events after login changeUser", ticket_ids=(linked,))
    )
    suggestions = knowledge.suggest(groups["events_user_id"][1])
    articles = [s for s in suggestions if s.kind == "article"]
    assert [a.ref_id for a in articles] == [article.id]  # a draft is never suggested
    assert articles[0].reasons[-1] == kb.Reason("linked", (f"#{linked}",))
    assert draft.id not in [s.ref_id for s in suggestions]


def test_make_faq_from_resolved_ticket(service, knowledge):
    tid = _ticket(
        service,
        "Acme Shop: in-app message not shown to new users",
        "Hello team,\nOur Acme Shop campaign in-app message never appears for new users.\nThanks, Ken",
        status=Status.OPEN,
        symptom="iam_not_shown",
        app_name="Acme Shop",
        requester_name="Ken",
        sdk_name="Braze",
        sdk_version="30.1.0",
    )
    with pytest.raises(UserError):
        knowledge.make_faq(service.get_ticket(tid))
    reply = replies.Reply(
        summary="The message did not appear in Acme Shop for new users.",
        cause="The segment only counted users after their second session.\n"
        "Line 120 of your log shows the segment refresh.",
        fix="Change the segment filter to 'first session within 1 day'.",
    )
    service.record_sent_reply(
        tid,
        reply_render.render_plain(reply, "en", greeting_name="Ken", signature="Aiko"),
        language="en",
        audience="marketer",
    )
    service.change_status(tid, Status.SOLVED)
    article = knowledge.make_faq(service.get_ticket(tid), owner="aiko")
    f = article.fields
    assert f.status == "draft" and f.owner == "aiko" and f.ticket_ids == (tid,)
    assert "Acme" not in f.body_en and "Ken" not in f.body_en and "Acme" not in f.title_en
    assert "## Question\nOur the app campaign in-app message never appears for new users." in f.body_en
    assert "Hello" not in f.body_en and "Thanks" not in f.body_en
    assert "## Cause\nThe segment only counted users after their second session." in f.body_en
    assert "Line 120" not in f.body_en
    assert "## Fix\nChange the segment filter" in f.body_en
    assert "## How to check it worked\n1. " in f.body_en
    assert "## 原因" in f.body_ja and "## 解決したことの確認方法" in f.body_ja
    assert "## ご質問（原文）" in f.body_ja
    # nothing was confirmed on the checklist: the Japanese side carries the reply, marked for translation
    assert f.body_ja.startswith("（公開前に翻訳してください。") and "second session" in f.body_ja
    assert f.title_ja == "" and f.title_en
    assert "symptom:iam_not_shown" in f.tags and f.sdk_versions == ("Braze 30.1.0",)
    previous = knowledge.previous_answer(tid)
    assert previous is not None and previous.fix.startswith("Change the segment filter")


def test_faq_candidates_are_uncovered_groups_largest_first(service, knowledge):
    groups = _corpus(service)
    candidates = knowledge.faq_candidates()
    found = [set(c.ticket_ids) for c in candidates]
    assert found[0] == set(groups["iam_segment"])  # the largest group comes first
    for name in ("push_token", "events_user_id", "ja_iam", "ja_push"):
        assert set(groups[name]) in found
    knowledge.create_article(
        kb.ArticleFields(
            title_en="Push notifications on Android 13 need the notification permission",
            status="published",
            body_en="Push notifications are not delivered on Android 13 "
            "until the POST_NOTIFICATIONS permission "
            "is requested; the permission prompt must be shown so the push token exists.",
        )
    )
    after = [set(c.ticket_ids) for c in knowledge.faq_candidates()]
    assert set(groups["push_token"]) not in after and set(groups["iam_segment"]) in after


def test_faq_health_counts(service, knowledge):
    groups = _corpus(service)
    article = knowledge.create_article(
        kb.ArticleFields(
            title_en="Android 13 push notification permission",
            status="published",
            body_en="Push notifications are not delivered on Android 13 "
            "until the notification permission is requested.",
            ticket_ids=(groups["push_token"][0],),
        )
    )
    later = datetime.now(UTC) + timedelta(days=1)
    new = _ticket(
        service,
        "Android 13 push notifications not delivered",
        "No push on Android 13 permission",
        status=Status.OPEN,
        when=later,
    )
    knowledge.suggest(new)
    knowledge.suggest(new)  # counted once per ticket
    knowledge.record_inserted(article.id, new)
    health = {h.article_id: h for h in knowledge.faq_health()}[article.id]
    assert (health.suggested, health.inserted, health.after_publishing) == (1, 1, 1)


def test_make_faq_words_the_other_language_from_confirmed_checklist_items(service, knowledge):
    tid = _ticket(
        service,
        "Message not shown",
        "The in-app message is not shown.",
        status=Status.OPEN,
        symptom="iam_not_shown",
    )
    item = next(e for e in service.get_ticket(tid).checklist if e.item_key == "B-segment")
    service.set_verdict(item.id, verdict=Verdict.CONFIRMED, evidence="", expected_version=item.version)
    reply = replies.Reply(
        summary="Not shown.", cause="The user was not in the segment.", fix="Fix the segment."
    )
    service.record_sent_reply(tid, reply_render.render_plain(reply, "en"), language="en", audience="marketer")
    service.change_status(tid, Status.SOLVED)
    f = knowledge.make_faq(service.get_ticket(tid)).fields
    assert not f.body_ja.startswith("（公開前に翻訳") and "## 原因\nUser in segment" not in f.body_ja
    assert "## 原因" in f.body_ja and "The user was not in the segment." in f.body_en


def test_a_teammates_changes_reach_an_open_index_and_unchanged_tickets_are_not_restashed(database, service):
    """Two app instances on one database: what one records, the other's suggestions show on the next look."""
    mine, theirs = KnowledgeService(database), KnowledgeService(database)
    a = _ticket(service, "Geofence events never fire", "Region monitoring callbacks never arrive")
    b = _ticket(service, "Unrelated billing question", "Invoice address", status=Status.OPEN)
    assert mine.refresh_vectors() == 2
    assert mine.suggest(b, record=False) == []
    detail = service.get_ticket(b)
    service.update_ticket(b, TicketFields(title="Geofence events never fire on Android", symptom="other"),
                          expected_version=detail.version)
    assert [s.ref_id for s in mine.suggest(b, record=False)] == [a]
    assert mine.refresh_vectors() == 0  # b is looked at again over the margin, but unchanged since its stash
    c = _ticket(service, "Badge count wrong", "The badge shows 3", status=Status.OPEN)
    d = _ticket(service, "Numbers on the icon", "Icon number stays", status=Status.SOLVED)
    assert mine.suggest(c, record=False) == []
    theirs.record_fingerprint(c, 1, {"findings": [{"rule_id": "badge-reset-missing", "missing": True}]})
    theirs.record_fingerprint(d, 2, {"findings": [{"rule_id": "badge-reset-missing", "missing": True}]})
    found = mine.suggest(c, record=False)
    assert [s.ref_id for s in found] == [d]
    assert found[0].reasons[0].items == ("missing:badge-reset-missing",)
    theirs.record_fingerprint(d, 2, {"findings": [{"rule_id": "badge-set-ok"}]})  # the log analysed again
    assert mine.suggest(c, record=False) == []


def test_a_ticket_with_two_logs_matches_on_either_and_a_reanalysis_replaces_only_that_log(database, service):
    """A ticket's fingerprint is all its logs; analysing one log again changes that log's part only."""
    knowledge = KnowledgeService(database)
    opened = _ticket(service, "Pushes missing", "Nothing arrives", status=Status.OPEN)
    solved = _ticket(service, "Silent phones", "No notification shows", status=Status.SOLVED)
    knowledge.record_fingerprint(solved, 1, {"findings": [{"rule_id": "token-missing", "missing": True}]})
    knowledge.record_fingerprint(solved, 2, {"findings": [{"rule_id": "channel-disabled"}]})
    knowledge.record_fingerprint(opened, 3, {"findings": [{"rule_id": "channel-disabled"}]})
    assert [s.ref_id for s in knowledge.suggest(opened, record=False)] == [solved]
    knowledge.record_fingerprint(solved, 2, {"findings": [{"rule_id": "quota-exceeded"}]})
    # log 2 no longer says it; log 1 never did
    assert knowledge.suggest(opened, record=False) == []
    knowledge.record_fingerprint(opened, 3, {"findings": [{"rule_id": "token-missing", "missing": True}]})
    assert [s.ref_id for s in knowledge.suggest(opened, record=False)] == [solved]   # log 1 still counts
