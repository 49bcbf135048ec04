"""Reply drafts: audience-aware wording in English and Japanese, rendering, merging edits, templates.

The reply is what the customer reads. A marketer must get plain sentences plus a block to forward to their
developer; an engineer gets the evidence inline. Regenerating a draft must never overwrite an edit silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from cre_desk.core import jargon, reply_render, reply_templates
from cre_desk.core.checklist import template_for
from cre_desk.core.replies import Reply, ReplyInputs, draft, merge_draft
from cre_desk.core.reply_templates import fill
from cre_desk.core.tickets import ChecklistEntry, MarkRecord, TicketDetail, TicketFields
from cre_desk.errors import UserError
from cre_desk.logs.rules import finding_texts

NOW = datetime(2024, 5, 1, 10, 0)
CODE_KINDS = {"identifier", "stack_frame", "path", "hex"}
DISPLAY_LINE = ("No activity is currently registered to receive in-app messages. Registering in-app message as "
                "a carry-on in-app message.")
RAW_DISPLAY = f"05-01 10:00:01.123 D/Braze v30.4.0 .BrazeInAppMessageManager: {DISPLAY_LINE}"
RAW_USER = "05-01 10:00:00.001 I/Braze v30.4.0 .Braze: changeUser called with: user_48213"


def entry(n: int, key: str, verdict: str, evidence: str = "") -> ChecklistEntry:
    item = template_for("iam_not_shown").item(key)
    return ChecklistEntry(id=n, symptom="iam_not_shown", item_key=key, area=item.area, position=n,
                          title=item.title.en, verdict=verdict, evidence=evidence, version=1)


def ticket(checklist=(), goal="Show a welcome message to new users right after sign-up", **overrides) -> TicketDetail:
    values = dict(
        title="Welcome message not showing", customer="Acme", app_name="Acme Shop", requester_name="Sato",
        platform="android", os_version="14", sdk_name="Braze", sdk_version="30.4.0", app_version="2.3.1",
        symptom="iam_not_shown", goal=goal)
    fields = TicketFields(**{**values, **overrides})
    return TicketDetail(id=42, fields=fields, status="open", source="manual", external_id=None, external_url="",
                        created_at=NOW, updated_at=NOW, first_response_at=None, resolved_at=None, version=1,
                        checklist=tuple(checklist))


def mark(n: int, line_no: int, text: str, note: str = "") -> MarkRecord:
    return MarkRecord(id=n, ticket_id=42, attachment_id=1, log_name="braze.log", line_no=line_no, line_text=text,
                      note=note, created_by="kenji", created_at=NOW)


CHECKLIST = (
    entry(1, "d_sdk_not_initialized", "ruled_out"),
    entry(2, "d_display_manager_not_registered", "confirmed"),
    entry(3, "b_user_not_in_segment", "suspected"),
)
MARKS = (mark(1, 119, RAW_DISPLAY, "display not bound"), mark(2, 20, RAW_USER))
FINDINGS = (("BRZ-04", (f"BrazeInAppMessageManager: {DISPLAY_LINE}",)), ("BRZ-15", ("changeUser called with: user_48213",)))


def inputs(language: str, audience: str, **overrides) -> ReplyInputs:
    values = dict(ticket=ticket(CHECKLIST), language=language, audience=audience, accepted_findings=FINDINGS,
                  marks=MARKS, engineer_name="Kenji", finding_texts=finding_texts(r for r, _ in FINDINGS))
    values.update(overrides)
    return ReplyInputs(**values)


def code_issues(text: str, language: str) -> list:
    return [(i.kind, i.text) for i in jargon.check(text, language) if i.kind in CODE_KINDS]


# ---------------------------------------------------------------- marketer

@pytest.mark.parametrize("language", ["en", "ja"])
def test_marketer_draft_is_plain_with_a_forwardable_developer_block(language):
    reply = draft(inputs(language, "marketer"))
    item = template_for("iam_not_shown").item("d_display_manager_not_registered")
    suspected = template_for("iam_not_shown").item("b_user_not_in_segment")

    assert reply.summary and reply.cause and reply.fix
    for part in (reply.summary, reply.cause, reply.fix):
        assert code_issues(part, language) == []
        for raw in (DISPLAY_LINE, RAW_USER, "user_48213", "changeUser", "braze.log"):
            assert raw not in part
    assert item.plain_cause.get(language) in reply.cause
    assert suspected.plain_cause.get(language) in reply.cause
    assert reply.cause.index(item.plain_cause.get(language)) < reply.cause.index(suspected.plain_cause.get(language))
    assert item.fix.get(language) in reply.fix
    assert suspected.fix.get(language) in reply.fix
    # accepted findings contribute their plain sentence once
    rule_plain = {"en": "The app is not set up to show Braze messages on this screen.",
                  "ja": "この画面で Braze のメッセージを表示する設定がアプリにありません。"}[language]
    assert reply.cause.count(rule_plain) == 1

    block = reply.developer_block
    assert block.startswith("For your developer:" if language == "en" else "開発ご担当者様へ:")
    assert MARKS[0].citation() in block
    assert "[braze.log:120]" in block
    assert item.title.get(language) in block
    assert item.how_to_verify.get(language) in block
    assert "changeUser called with: user_48213" in block
    assert "Kenji" in block


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("symptom", ["iam_not_shown", "push_not_delivered", "events_not_recorded", "how_to", "other"])
def test_no_shipped_checklist_item_leaks_code_into_a_marketer_reply(symptom, language):
    template = template_for(symptom)
    entries = [ChecklistEntry(id=n, symptom=symptom, item_key=item.key, area=item.area, position=n,
                              title=item.title.en, verdict="confirmed" if n % 2 else "suspected", evidence="",
                              version=1) for n, item in enumerate(template.items, start=1)]
    reply = draft(inputs(language, "marketer", ticket=ticket(entries, symptom=symptom)))
    for part in (reply.summary, reply.cause, reply.fix):
        assert code_issues(part, language) == []
    # the sentences that name SDK calls are moved to the developer block, not lost
    if symptom == "events_not_recorded":
        assert "changeUser" in reply.developer_block


def test_marketer_wording_for_a_suspected_cause_says_likely():
    en = draft(inputs("en", "marketer"))
    ja = draft(inputs("ja", "marketer"))
    assert "Likely cause" in en.cause
    assert "可能性が高い" in ja.cause


def test_other_role_is_treated_like_a_marketer():
    assert draft(inputs("en", "other")) == draft(inputs("en", "marketer"))


@pytest.mark.parametrize("language", ["en", "ja"])
def test_summary_is_shaped_by_the_goal_and_falls_back_to_the_title(language):
    with_goal = draft(inputs(language, "marketer"))
    assert ("show a welcome message to new users right after sign-up" in with_goal.summary if language == "en"
            else "「Show a welcome message to new users right after sign-up」" in with_goal.summary)
    no_goal = draft(inputs(language, "marketer", ticket=ticket(CHECKLIST, goal="")))
    assert "Welcome message not showing" in no_goal.summary


def test_japanese_draft_is_polite():
    reply = draft(inputs("ja", "marketer"))
    for part in (reply.summary, reply.cause, reply.fix):
        assert "ます" in part or "です" in part or "ください" in part, part
    text = reply_render.render_plain(reply, "ja", "佐藤", "ケンジ")
    assert text.startswith("佐藤 様\nいつもお世話になっております。")
    assert "何卒よろしくお願いいたします。" in text


# ---------------------------------------------------------------- engineer

@pytest.mark.parametrize("language", ["en", "ja"])
def test_engineer_draft_has_evidence_inline_and_no_developer_block(language):
    reply = draft(inputs(language, "engineer"))
    item = template_for("iam_not_shown").item("d_display_manager_not_registered")
    assert reply.developer_block == ""
    assert RAW_DISPLAY in reply.cause
    assert MARKS[0].citation() in reply.cause
    assert RAW_USER in reply.cause
    assert item.title.get(language) in reply.cause
    assert item.how_to_verify.get(language) in reply.fix
    assert reply.cause.count("changeUser called with: user_48213") == 1


# ---------------------------------------------------------------- no cause yet

@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("audience", ["marketer", "engineer"])
def test_no_cause_yet_says_the_investigation_continues_and_asks_for_a_log(language, audience):
    bare = ReplyInputs(ticket=ticket([entry(1, "d_sdk_not_initialized", "not_checked")]), language=language,
                       audience=audience)
    reply = draft(bare)
    assert reply.cause and reply.fix and reply.summary
    if language == "en":
        assert "still investigating" in reply.cause
        assert "log" in reply.cause
        assert ("starts" in reply.cause) if audience == "marketer" else ("app launch" in reply.cause)
    else:
        assert "調査しております" in reply.cause
        assert "起動時" in reply.cause and "ログ" in reply.cause
    steps = reply.fix if audience == "engineer" else reply.developer_block
    assert "adb logcat" in steps
    assert "BrazeLogger.setLogLevel(Log.VERBOSE)" in steps
    if audience == "marketer":
        assert code_issues(reply.cause, language) == [] and code_issues(reply.fix, language) == []


def test_no_cause_but_a_log_asks_for_the_time_and_user_instead():
    with_log = ReplyInputs(ticket=ticket(), language="en", audience="marketer", marks=(mark(1, 3, RAW_USER),))
    reply = draft(with_log)
    assert "exact time" in reply.cause
    assert "adb logcat" not in reply.developer_block
    assert "[braze.log:4]" in reply.developer_block


# ---------------------------------------------------------------- merging

def test_merge_draft_takes_untouched_parts_and_keeps_edits():
    previous = Reply("s1", "c1", "f1", "d1")
    current = Reply("s1", "my cause", "f1", "d1")
    new = Reply("s2", "c2", "f2", "d2")
    merged, kept = merge_draft(previous, current, new)
    assert merged == Reply("s2", "my cause", "f2", "d2")
    assert kept == ["cause"]


def test_merge_draft_does_not_report_an_edit_that_matches_the_new_draft():
    merged, kept = merge_draft(Reply("s", "c", "f"), Reply("s", "c2", "f"), Reply("s", "c2", "f3"))
    assert merged == Reply("s", "c2", "f3")
    assert kept == []


def test_regenerating_after_new_evidence_keeps_the_engineers_summary():
    first = draft(inputs("en", "marketer", accepted_findings=()))
    edited = replace(first, summary="My own words.")
    second = draft(inputs("en", "marketer"))
    merged, kept = merge_draft(first, edited, second)
    assert merged.summary == "My own words."
    assert merged.cause == second.cause
    assert kept == ["summary"]


# ---------------------------------------------------------------- rendering

def test_render_plain_has_greeting_sections_block_and_signature():
    reply = draft(inputs("en", "marketer"))
    text = reply_render.render_plain(reply, "en", "Sato", "Kenji\nAcme Support")
    assert text.startswith("Hello Sato,")
    positions = [text.index(h) for h in ("Summary", "Cause", "Fix", "For your developer:", "Kenji\nAcme Support")]
    assert positions == sorted(positions)


def test_render_markdown_fences_the_developer_block():
    reply = Reply("sum", "cause", "fix", "For your developer:\n```code```")
    text = reply_render.render_markdown(reply, "en")
    assert "## Summary\n\nsum" in text and "## Cause" in text and "## Fix" in text
    assert "````\nFor your developer:\n```code```\n````" in text
    ja = reply_render.render_markdown(reply, "ja")
    assert "## 概要" in ja and "## 原因" in ja and "## 対応方法" in ja


def test_render_html_escapes_customer_text_from_the_goal():
    hostile = ticket(CHECKLIST, goal="<script>alert(1)</script> show a message")
    reply = draft(inputs("en", "marketer", ticket=hostile))
    assert "<script>" in reply.summary
    out = reply_render.render_html(reply, "en", "<b>Sato</b>", "<i>Kenji</i>")
    assert "<script>" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;" in out
    assert "<h3>Summary</h3>" in out and "<pre>" in out


def test_render_skips_empty_parts():
    text = reply_render.render_plain(Reply("only a summary", "", ""), "en")
    assert "Cause" not in text and "Fix" not in text


# ---------------------------------------------------------------- templates and placeholders

NAMES = {"ask_for_verbose_log", "iam_not_in_segment", "push_force_stop", "events_flush_delay",
         "spec_answer_generic", "thanks_resolved"}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_templates_load_for_both_languages(language):
    templates = reply_templates.load_templates(language)
    assert NAMES <= set(templates)
    for name, template in templates.items():
        assert template.name == name and template.title and template.language == language
        assert template.summary and template.fix


def test_fill_replaces_known_placeholders_and_leaves_unknown_ones():
    text = "Hi {requester_name} at {customer}: {app_name} uses {sdk_name} {sdk_version} on {platform} " \
           "{os_version}. {engineer} on #{ticket_id}. {mystery} {goal} / {title} {"
    filled = fill(text, ticket(), engineer="Kenji")
    assert filled == ("Hi Sato at Acme: Acme Shop uses Braze 30.4.0 on Android 14. Kenji on #42. {mystery} "
                      "Show a welcome message to new users right after sign-up / Welcome message not showing {")


def test_fill_never_interprets_braces_in_customer_text():
    tricky = ticket(goal="{title} {0} {__class__} {customer!r}")
    assert fill("{goal}", tricky) == "{title} {0} {__class__} {customer!r}"
    assert fill("{0} {} {customer.__class__}", tricky) == "{0} {} {customer.__class__}"


def test_fill_leaves_empty_values_visible():
    assert fill("Hello {requester_name}", ticket(requester_name="")) == "Hello {requester_name}"


def test_a_template_fills_into_a_reply():
    template = reply_templates.load_templates("ja")["push_force_stop"]
    reply = template.filled(ticket(), engineer="Kenji")
    assert "Android 14" in reply.summary and "{" not in reply.cause + reply.fix


def test_bad_template_is_reported_with_its_file():
    with pytest.raises(UserError, match="templates/en/x.json"):
        reply_templates.parse_reply_template({"schema_version": 2}, "templates/en/x.json", "en")


@pytest.mark.parametrize("audience", ["marketer", "engineer"])
def test_an_accepted_finding_quotes_its_log_line_once(audience):
    """Accepting a finding writes "[log:13] line" as evidence; the finding's own line is the same line."""
    quoted = f"[braze-android-iam-failing.log:13] {RAW_DISPLAY}"
    checklist = (entry(2, "d_display_manager_not_registered", "confirmed", evidence=quoted),)
    findings = (("BRZ-04", (RAW_DISPLAY,)),)
    reply = draft(inputs("en", audience, ticket=ticket(checklist), accepted_findings=findings, marks=(),
                         finding_texts=finding_texts(["BRZ-04"])))
    text = reply.developer_block if audience == "marketer" else reply.cause
    assert text.count(DISPLAY_LINE) == 1
    assert quoted in text
