"""Drafting an FAQ article from a resolved ticket, so an answer written once helps every later asker.

The article keeps the question as the customer put it (that is how the next customer will search),
and rewrites the reply's Summary / Cause / Fix for a reader with no engineer at hand: no greeting, no
names of this customer or their app, no pointers at lines of a log the reader never saw. Steps to
verify come from the checklist items that were confirmed. The reply exists in one language; the other
language is drafted from the same checklist verdicts, and the whole article starts as a draft to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cre_desk.core import replies, reply_evidence, shipped_texts
from cre_desk.core.kb import ArticleFields, ArticleKind, ArticleStatus
from cre_desk.core.tickets import TicketDetail
from cre_desk.core.vocabulary import Role

_GREETING = re.compile(
    r"^\s*(hello|hi|dear|hey|good (morning|afternoon|evening))\b.*$|^.*(様|ご担当者|お世話になっております|"
    r"お疲れ様です|こんにちは).*$",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^\s*(thanks|thank you|best|regards|kind regards|cheers|sincerely)\b.*$|"
    r"^.*(よろしくお願い|宜しくお願い|何卒).*$|^.*(if anything is unclear|ご不明な点).*$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_LOG_POINTER = re.compile(r"\b(line|lines)\s+\d+|\d+\s*行目|`[^`\n]{25,}`", re.IGNORECASE)
_RULE = re.compile(r"^-{10,}$", re.MULTILINE)


@dataclass(frozen=True)
class Source:
    """The reply an article is drafted from: its language and parts (saved draft or sent text)."""

    language: str
    reply: replies.Reply


def parse_sent_reply(body: str, language: str) -> replies.Reply:
    """Split a reply rendered by ``reply_render.render_plain`` back into Summary / Cause / Fix.

    A reply written without those headings is kept whole as the Fix, minus greeting and closing lines.
    """
    language = "ja" if language == "ja" else "en"
    body = _RULE.split(body)[0] if _RULE.search(body) else body  # the developer block follows a rule
    heads = {part: shipped_texts.text("reply_wording", f"heading_{part}", language)
             for part in ("summary", "cause", "fix")}
    pattern = (
        re.compile(r"^■\s*(" + "|".join(map(re.escape, heads.values())) + r")\s*$", re.MULTILINE)
        if language == "ja"
        else re.compile(r"^(" + "|".join(map(re.escape, heads.values())) + r")\n-+\s*$", re.MULTILINE)
    )
    parts: dict[str, str] = {}
    marks = list(pattern.finditer(body))
    by_title = {title: part for part, title in heads.items()}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        parts[by_title[mark.group(1)]] = _strip_courtesy(body[mark.end() : end])
    if not parts:
        return replies.Reply(summary="", cause="", fix=_strip_courtesy(body))
    return replies.Reply(
        summary=parts.get("summary", ""), cause=parts.get("cause", ""), fix=parts.get("fix", "")
    )


def _strip_courtesy(text: str) -> str:
    lines = [line for line in text.splitlines() if not (_GREETING.match(line) or _CLOSING.match(line))]
    return "\n".join(lines).strip()


def _anonymise(text: str, ticket: TicketDetail, language: str) -> str:
    """Remove who asked: the customer, their app, the requester; e-mail addresses."""
    fields_ = ticket.fields
    text = _EMAIL.sub("", text)
    generic = {"app": shipped_texts.text("faq_article", "anonymous_app", language),
               "customer": shipped_texts.text("faq_article", "anonymous_customer", language), "person": ""}
    for value, kind in (
        (fields_.app_name, "app"),
        (fields_.customer, "customer"),
        (fields_.requester_name, "person"),
    ):
        value = value.strip()
        if len(value) >= 2:
            text = re.sub(
                re.escape(value), generic[kind], text, flags=re.IGNORECASE
            )
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _self_service(text: str, ticket: TicketDetail, language: str) -> str:
    """Reply wording made general: sentences pointing at this customer's log lines are dropped."""
    text = _strip_courtesy(_anonymise(text, ticket, language))
    kept = [line for line in text.splitlines() if not _LOG_POINTER.search(line)]
    return "\n".join(kept).strip()


def customer_question(ticket: TicketDetail) -> str:
    """The question in the customer's words: their first message, else what the ticket says was asked."""
    first = next((m.body for m in ticket.messages if m.from_customer and m.body.strip()), "")
    text = first or ticket.fields.asked or ticket.fields.title
    language = "ja" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) else "en"
    text = _strip_courtesy(_anonymise(text, ticket, language))
    return text[:1200].strip()


def verify_steps(ticket: TicketDetail, language: str) -> list[str]:
    """Steps that show the fix worked: from confirmed (else suspected) checklist items, then the symptom."""
    steps: list[str] = []
    for cause in reply_evidence.ticket_causes(ticket):
        text = cause.verify(language)
        if text and text not in steps:
            steps.append(text)
    check = f"check_worked_{ticket.fields.symptom}"
    if check in shipped_texts.table("reply_wording"):
        steps.append(shipped_texts.text("reply_wording", check, language))
    return steps[:5]


def _generated(ticket: TicketDetail, language: str) -> replies.Reply:
    return replies.draft(replies.ReplyInputs(ticket=ticket, language=language, audience=Role.ENGINEER))


def _body(
    language: str, question: str, question_language: str, reply: replies.Reply, steps: list[str]
) -> str:
    titles = {key.removeprefix("section_"): wording.get(language)
              for key, wording in shipped_texts.table("faq_article").items() if key.startswith("section_")}
    blocks = [f"## {titles['question'] if question_language == language else titles['original']}\n{question}"]
    for part in ("summary", "cause", "fix"):
        text = getattr(reply, part).strip()
        if text:
            blocks.append(f"## {titles[part]}\n{text}")
    if steps:
        blocks.append(f"## {titles['verify']}\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)))
    return "\n\n".join(blocks)


def draft_faq(ticket: TicketDetail, source: Source | None, *, owner: str = "") -> ArticleFields:
    """An FAQ article (draft, English and Japanese) from a resolved ticket and the reply that resolved it."""
    question = customer_question(ticket)
    question_language = "ja" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", question) else "en"
    bodies, titles = {}, {}
    has_causes = bool(reply_evidence.ticket_causes(ticket))
    for language in ("en", "ja"):
        note = ""
        if source is not None and source.language == language:
            reply = source.reply
        elif has_causes or source is None:
            reply = _generated(ticket, language)       # worded from the same confirmed checklist items
        else:
            # Nothing confirmed to word it from: the reply itself is shown, marked for translation,
            # rather than a generic "we are still investigating" text.
            reply = source.reply
            note = shipped_texts.text("faq_article", "translate_note", language)
        reply = replies.Reply(*(_self_service(getattr(reply, p), ticket, language)
                                for p in ("summary", "cause", "fix")))
        body = _body(language, question, question_language, reply, verify_steps(ticket, language))
        bodies[language] = f"{note}\n\n{body}" if note else body
        title = _anonymise(ticket.fields.title, ticket, language)
        title_is_ja = bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ticket.fields.title))
        titles[language] = title if (language == "ja") == title_is_ja else ""
    fields_ = ticket.fields
    tags = [f"symptom:{fields_.symptom}", f"platform:{fields_.platform}", "kind:faq"]
    if fields_.sdk_name:
        tags.append(f"sdk:{fields_.sdk_name}")
    if fields_.team:
        tags.append(f"team:{fields_.team}")
    versions = (f"{fields_.sdk_name} {fields_.sdk_version}".strip(),) if fields_.sdk_version else ()
    return ArticleFields(
        title_en=titles["en"],
        title_ja=titles["ja"],
        body_en=bodies["en"],
        body_ja=bodies["ja"],
        kind=ArticleKind.FAQ,
        owner=owner,
        status=ArticleStatus.DRAFT,
        sdk_versions=versions,
        tags=tuple(tags),
        ticket_ids=(ticket.id,),
    ).validated()


def section(body: str, name: str, language: str) -> str:
    """One section ("cause", "fix", …) of an article body written by :func:`draft_faq` or an engineer."""
    title = shipped_texts.text("faq_article", f"section_{name}", language)
    match = re.search(rf"^##\s*{re.escape(title)}\s*\n(.*?)(?=^##\s|\Z)", body, re.MULTILINE | re.DOTALL)
    return match.group(1).strip() if match else ""
