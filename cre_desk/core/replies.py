"""Reply composer logic: a Summary / Cause / Fix draft assembled from the ticket, rendered for the customer.

The reply is what the customer actually receives, and many askers are marketers, not engineers. A good
reply lets them understand what happened and hand a precise fix to their developers without a second round
of questions. This module turns what the engineer already established (confirmed and suspected checklist
items, accepted log findings, marked log lines, the "really trying to achieve" field) into a first draft
worded for the audience: plain sentences for a marketer with a forwardable block for their developer, the
technical detail inline for an engineer. It also renders the reply as plain text, Markdown and HTML
(customer text is untrusted, so HTML escapes everything), merges a regenerated draft without silently
overwriting the engineer's edits, and fills reply templates (``resources/templates/<language>/``) from the
ticket without ever interpreting braces that came from customer text.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Protocol

from cre_desk import resource_files
from cre_desk.core import jargon, shipped_texts
from cre_desk.core.checklist import TemplateItem, template_for
from cre_desk.core.tickets import ChecklistEntry, MarkRecord, TicketDetail, TicketFields
from cre_desk.core.vocabulary import Label, Role, Verdict, label
from cre_desk.errors import UserError

PARTS = ("summary", "cause", "fix", "developer_block")
TEMPLATE_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Reply:
    """The three parts the customer reads, plus the block a marketer forwards to their developer."""

    summary: str
    cause: str
    fix: str
    developer_block: str = ""   # only for a marketer (or "other") audience


class FindingText(Protocol):
    """What a reply quotes about an accepted finding, per language; a log rule has these: ``plain`` (one
    sentence for a marketer), ``meaning`` (what the line says) and ``explain`` (why it matters)."""

    @property
    def plain(self) -> Label: ...

    @property
    def meaning(self) -> Label: ...

    @property
    def explain(self) -> Label: ...


@dataclass(frozen=True)
class ReplyInputs:
    """Everything a draft is built from; ``accepted_findings`` are (rule id, matched lines) pairs."""

    ticket: TicketDetail
    language: str                 # "en" | "ja"
    audience: str                 # a Role value; "other" is treated like a marketer
    accepted_findings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    marks: tuple[MarkRecord, ...] = ()
    engineer_name: str = ""
    #: Keys of private items (``PrivateItem.key``) the engineer chose to keep out of the reply.
    excluded: frozenset[str] = frozenset()
    #: The texts of the accepted findings' rules, by rule id (the caller reads them from the rule catalogue,
    #: so replies need not know about logs).
    finding_texts: Mapping[str, FindingText] = field(default_factory=dict)


@dataclass(frozen=True)
class PrivateItem:
    """A piece of the engineer's own notes that a draft quotes to the customer: the evidence written on a
    checklist cause, or the note on a marked log line. The engineer sees each one and may exclude it."""

    key: str          # "evidence:<checklist item key>" or "mark:<mark id>"
    kind: str         # "evidence" or "mark_note"
    source: str       # the cause's title, or the marked line's "[log:line]"
    text: str


def _evidence_key(entry: ChecklistEntry) -> str:
    return f"evidence:{entry.item_key}"


def _mark_key(mark: MarkRecord) -> str:
    return f"mark:{mark.id}"


def private_items(inputs: ReplyInputs) -> tuple[PrivateItem, ...]:
    """Every private note a draft of ``inputs`` would quote (excluded ones too, to be ticked again)."""
    language = "ja" if inputs.language == "ja" else "en"
    items = [PrivateItem(_evidence_key(c.entry), "evidence", c.title(language), c.entry.evidence.strip())
             for c in _causes(inputs.ticket) if c.entry.evidence.strip()]
    items += [PrivateItem(_mark_key(m), "mark_note", f"[{m.log_name}:{m.line_no + 1}]", m.note.strip())
              for m in inputs.marks if m.note.strip()]
    return tuple(items)


def _citation(mark: MarkRecord, excluded: frozenset[str]) -> str:
    """The mark as quoted in a reply; without the engineer's note when it is excluded."""
    if _mark_key(mark) in excluded:
        return f"[{mark.log_name}:{mark.line_no + 1}] {mark.line_text.strip()}"
    return mark.citation()


# ---------------------------------------------------------------- wording

def _w(language: str, key: str, /, **values: object) -> str:
    """Reply wording from ``resources/texts/reply_wording.json``, in the reply's language."""
    return shipped_texts.text("reply_wording", key, language, **values)




#: How a developer records a verbose log, per SDK (keys are lower-case substrings of the SDK name).
_VERBOSE_LOGGING = {
    "braze": {"android": "BrazeLogger.setLogLevel(Log.VERBOSE)", "ios": "configuration.logger.level = .debug"},
    "onesignal": {"android": "OneSignal.Debug.logLevel = LogLevel.VERBOSE",
                  "ios": "OneSignal.Debug.setLogLevel(.LL_VERBOSE)"},
    "clevertap": {"android": "CleverTapAPI.setDebugLevel(CleverTapAPI.LogLevel.VERBOSE)",
                  "ios": "CleverTap.setDebugLevel(CleverTapLogLevel.debug.rawValue)"},
    "firebase": {"android": "adb shell setprop log.tag.FIAM.Headless DEBUG"},
}


def _verbose_call(sdk_name: str, platform: str) -> str:
    name = sdk_name.lower()
    for key, calls in _VERBOSE_LOGGING.items():
        if key in name and platform in calls:
            return calls[platform]
    return ""


def _log_steps(fields_: TicketFields, language: str) -> list[str]:
    """Numbered steps for recording a verbose log from app launch (for the developer)."""
    call = _verbose_call(fields_.sdk_name, fields_.platform)
    enable = _w(language, "log_steps_enable")
    if call:
        enable += _w(language, "log_steps_enable_with_call", call=call)
    else:
        enable += _w(language, "log_steps_enable_per_guide")
    if fields_.platform == "ios":
        capture = _w(language, "log_steps_capture_ios")
        save = _w(language, "log_steps_save_ios")
    else:
        capture = _w(language, "log_steps_capture_android")
        save = _w(language, "log_steps_save_android")
    tell = _w(language, "log_steps_tell_time_and_user")
    return [f"{n}. {text}" for n, text in enumerate((enable, capture, save, tell), start=1)]


def _clean(text: str) -> str:
    """One line of free text with its trailing full stop removed (it is placed inside our own sentence)."""
    return " ".join(text.split()).rstrip("。.．!！ ")


def _lower_first(text: str) -> str:
    """"Show a message" -> "show a message" (but "iOS", "SDK" and names in capitals stay as written)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


_VERB_START = re.compile(r"^(?:show|send|display|get|make|let|have|track|record|reach|notify|remind|target|"
                         r"deliver|welcome|measure|know|see|use|set|start|stop|keep|trigger|add|update|"
                         r"change|find|understand|test|check|confirm|run|launch|re-engage|encourage|"
                         r"promote|tell|ask|offer|greet|onboard|collect|sync)\b", re.IGNORECASE)


def _starts_with_verb(goal: str) -> bool:
    """Whether the goal reads as "<verb> ..." so "You are trying to <goal>" is a sentence."""
    return bool(_VERB_START.match(re.sub(r"^to\s+", "", goal, flags=re.IGNORECASE)))


def _summary(fields_: TicketFields, language: str) -> str:
    key = f"happened_{fields_.symptom}"
    happened = _w(language, key if key in shipped_texts.table("reply_wording") else "happened_other")
    goal, title = _clean(fields_.goal), _clean(fields_.title)
    if goal:
        verb_phrase = re.sub(r"^to\s+", "", goal, flags=re.IGNORECASE)
        if _starts_with_verb(goal):
            return _w(language, "summary_goal_as_verb", verb_phrase=_lower_first(verb_phrase), happened=happened,
                      goal=goal)
        return _w(language, "summary_goal", goal=goal, happened=happened)
    if title:
        return _w(language, "summary_question", title=title, happened=happened)
    return happened


def _environment(fields_: TicketFields, language: str) -> str:
    name, version = label(fields_.platform, language), fields_.os_version.strip()
    if version.lower().startswith(name.lower()):
        name = ""  # "Android 14" already names the platform
    platform = " ".join(p for p in (name, version) if p)
    sdk = " ".join(p for p in (fields_.sdk_name.strip(), fields_.sdk_version.strip()) if p)
    app = " ".join(p for p in (fields_.app_name.strip(), fields_.app_version.strip()) if p)
    parts = [p for p in (platform, sdk, app and _w(language, "developer_app", app=app)) if p]
    return _w(language, "developer_environment") + _w(language, "list_separator").join(parts) if parts else ""


# ---------------------------------------------------------------- evidence

@dataclass(frozen=True)
class _Cause:
    entry: ChecklistEntry
    item: TemplateItem | None
    confirmed: bool

    def title(self, language: str) -> str:
        return self.item.title.get(language) if self.item else self.entry.title

    def plain(self, language: str) -> str:
        return self.item.plain_cause.get(language) if self.item else self.entry.title

    def fix(self, language: str) -> str:
        return self.item.fix.get(language) if self.item else ""

    def verify(self, language: str) -> str:
        return self.item.how_to_verify.get(language) if self.item else ""


_CODE_KINDS = frozenset({"identifier", "stack_frame", "path", "hex"})
_SENTENCE = {"en": re.compile(r"[^\n]+?(?:[.!?](?=\s|$)|$)", re.MULTILINE), "ja": re.compile(r"[^\n。]+。?")}


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "Mr.", "Ms.", "Dr.", "No.")


def _split_technical(text: str, language: str) -> tuple[str, str]:
    """Split checklist wording into (sentences a marketer can read, sentences with code names for the developer).

    Some shipped fix texts name SDK calls (``changeUser``, ``targetSdkVersion``); a marketer's Summary, Cause
    and Fix must not, so those sentences move to the developer block instead of being lost.
    """
    sentences: list[str] = []
    for match in _SENTENCE[language].finditer(text):
        sentence = match.group().strip()
        if sentences and sentences[-1].endswith(_ABBREVIATIONS):
            sentences[-1] += " " + sentence                    # "e.g. do not call ..." is one sentence
        elif sentence:
            sentences.append(sentence)
    plain, technical = [], []
    for sentence in sentences:
        has_code = any(i.kind in _CODE_KINDS for i in jargon.check(sentence, language))
        (technical if has_code else plain).append(sentence)
    joiner = " " if language == "en" else ""
    return joiner.join(plain), joiner.join(technical)


def _causes(ticket: TicketDetail) -> list[_Cause]:
    template = template_for(ticket.fields.symptom)
    ordered = sorted(ticket.checklist, key=lambda e: e.position)
    causes = []
    for verdict in (Verdict.CONFIRMED, Verdict.SUSPECTED):
        for entry in ordered:
            if entry.verdict == verdict:
                item = template.item(entry.item_key) if template else None
                causes.append(_Cause(entry, item, verdict == Verdict.CONFIRMED))
    return causes


def _same_line(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return bool(a and b) and (a in b or b in a)


def _mark_matches(mark: MarkRecord, cause: _Cause, finding_lines: Sequence[str]) -> bool:
    if any(_same_line(mark.line_text, line) for line in finding_lines):
        return True
    for pattern in cause.item.log_patterns if cause.item else ():
        try:
            if re.search(pattern, mark.line_text):
                return True
        except re.error:
            continue
    return False


_CITATION = re.compile(r"^\[[^\[\]\n]+:\d+\]\s*")


def _line_texts(text: str) -> set[str]:
    """The log lines ``text`` quotes, without their "[log:line]" prefixes (so a quote matches its line)."""
    return {_CITATION.sub("", line.strip()) for line in text.splitlines() if line.strip()}


def _dedupe(lines: Sequence[str]) -> list[str]:
    """``lines`` without repeats; an entry whose log lines were all quoted already (with or without
    their "[log:line]" prefix) is a repeat too."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        texts = _line_texts(line)
        if texts and not texts <= seen:
            seen.update(texts)
            kept.append(line)
    return kept


@dataclass
class _Evidence:
    """Evidence lines per cause (by index) and whatever could not be tied to a cause."""

    per_cause: list[list[str]]
    other_marks: list[str]
    other_findings: list[tuple[str, tuple[str, ...]]]


def _evidence(causes: list[_Cause], findings, marks: Sequence[MarkRecord],
              excluded: frozenset[str] = frozenset()) -> _Evidence:
    per_cause: list[list[str]] = [[] for _ in causes]
    used_marks: set[int] = set()
    used_findings: set[int] = set()
    for n, cause in enumerate(causes):
        rule_ids = set(cause.item.rule_ids) if cause.item else set()
        linked = [(i, f) for i, f in enumerate(findings) if f[0] in rule_ids]
        finding_lines = [line for _, f in linked for line in f[1]]
        own = cause.entry.evidence.strip()
        lines = [own] if own and _evidence_key(cause.entry) not in excluded else []
        for index, mark in enumerate(marks):
            if _mark_matches(mark, cause, finding_lines):
                lines.append(_citation(mark, excluded))
                used_marks.add(index)
        marked = [m.line_text for i, m in enumerate(marks) if i in used_marks]
        lines += [line for line in finding_lines if not any(_same_line(line, m) for m in marked)]
        used_findings.update(i for i, _ in linked)
        per_cause[n] = _dedupe(lines)
    return _Evidence(
        per_cause=per_cause,
        other_marks=[_citation(m, excluded) for i, m in enumerate(marks) if i not in used_marks],
        other_findings=[f for i, f in enumerate(findings) if i not in used_findings],
    )


# ---------------------------------------------------------------- draft

def draft(inputs: ReplyInputs) -> Reply:
    """Assemble a first draft from the ticket; the engineer edits it freely afterwards."""
    language = "ja" if inputs.language == "ja" else "en"
    engineer = inputs.audience == Role.ENGINEER
    fields_ = inputs.ticket.fields
    causes = _causes(inputs.ticket)
    findings = tuple((str(rule_id), tuple(str(x) for x in lines)) for rule_id, lines in inputs.accepted_findings)
    evidence = _evidence(causes, findings, inputs.marks, frozenset(inputs.excluded))
    rules = dict(inputs.finding_texts) if findings else {}
    has_log = bool(inputs.ticket.attachments or inputs.marks or findings)

    summary = _summary(fields_, language)
    cause = _cause_text(language, engineer, causes, evidence, findings, rules, has_log)
    fix = _fix_text(language, engineer, causes, fields_)
    block = "" if engineer else _developer_block(language, causes, evidence, rules, fields_, has_log,
                                                 inputs.engineer_name)
    return Reply(summary=summary, cause=cause, fix=fix, developer_block=block)


def _cause_text(language, engineer, causes, evidence, findings, rules, has_log) -> str:
    paragraphs: list[str] = []
    for n, cause in enumerate(causes):
        plain = cause.plain(language)
        if engineer:
            state = (_w(language, "cause_confirmed") if cause.confirmed else _w(language, "cause_likely"))
            text = f"{state}: {cause.title(language)}\n{plain}" if language == "en" else \
                f"{state}：{cause.title(language)}\n{plain}"
            if evidence.per_cause[n]:
                text += "\n" + _w(language, "cause_evidence") + "\n" + "\n".join(evidence.per_cause[n])
            paragraphs.append(text)
            continue
        plain = _split_technical(plain, language)[0] or _w(language, "cause_detail_for_developer",
                                                               point=n + 1)
        if cause.confirmed:
            paragraphs.append(plain)
        else:
            paragraphs.append(_w(language, "cause_likely_paragraph", plain=plain))
    plain_findings = _dedupe([rules[rule_id].plain.get(language) for rule_id, _ in findings if rule_id in rules])
    if not engineer:
        plain_findings = [p for p in (_split_technical(p, language)[0] for p in plain_findings) if p]
    plain_findings = [p for p in plain_findings if p not in paragraphs]
    if plain_findings:
        heading = _w(language, "cause_log_shows")
        bullet = _w(language, "bullet")
        paragraphs.append(heading + "\n" + "\n".join(bullet + p for p in plain_findings))
    if engineer:
        extra = list(evidence.other_marks)
        for rule_id, lines in evidence.other_findings:
            extra += [f"{rule_id}: {line}" for line in lines
                      if not any(_same_line(line, m) for m in extra)]
        if extra:
            paragraphs.append(_w(language, "cause_log_lines") + "\n" + "\n".join(_dedupe(extra)))
    if not any(c.confirmed for c in causes):
        paragraphs.append(_next_needed(language, engineer, bool(causes), has_log))
    return "\n\n".join(paragraphs)


def _next_needed(language: str, engineer: bool, suspected: bool, has_log: bool) -> str:
    """What the investigation needs next when no cause is confirmed yet."""
    if suspected:
        still = _w(language, "next_still_confirming")
    else:
        still = _w(language, "next_still_investigating")
    if has_log:
        need = _w(language, "next_need_time_and_user")
    elif engineer:
        need = _w(language, "next_need_log_engineer")
    else:
        need = _w(language, "next_need_log_marketer")
    return f"{still}\n{need}" if language == "en" else f"{still}{need}"


def _fix_text(language: str, engineer: bool, causes: list[_Cause], fields_: TicketFields) -> str:
    paragraphs: list[str] = []
    for n, cause in enumerate(causes, start=1):
        fix = cause.fix(language)
        if not fix:
            continue
        if not engineer:
            fix = _split_technical(fix, language)[0] or _w(language, "fix_ask_developer", n=n)
        if not cause.confirmed:
            fix = _w(language, "fix_for_likely_cause", fix=fix)
        if engineer and cause.verify(language):
            fix += "\n" + _w(language, "fix_how_to_verify") + cause.verify(language)
        paragraphs.append(fix)
    paragraphs = _dedupe(paragraphs)
    if paragraphs:
        check = f"check_worked_{fields_.symptom}"
        if check in shipped_texts.table("reply_wording"):
            paragraphs.append(_w(language, check))
        if not engineer:
            paragraphs.append(_w(language, "fix_forward_to_developer"))
        return "\n\n".join(paragraphs)
    if causes:
        return _w(language, "fix_once_confirmed")
    if engineer:
        steps = "\n".join(_log_steps(fields_, language))
        return _w(language, "fix_record_log_steps", steps=steps)
    return _w(language, "fix_nothing_to_change_yet")


def _developer_block(language, causes, evidence, rules, fields_, has_log, engineer_name) -> str:
    lines = [_w(language, "developer_heading")]
    environment = _environment(fields_, language)
    if environment:
        lines.append(environment)
    for n, cause in enumerate(causes, start=1):
        state = (_w(language, "developer_confirmed") if cause.confirmed else _w(language, "developer_likely"))
        lines += ["", f"{n}. {cause.title(language)} ({state})" if language == "en" else
                  f"{n}. {cause.title(language)}（{state}）"]
        if evidence.per_cause[n - 1]:
            lines.append(_w(language, "developer_evidence"))
            lines += evidence.per_cause[n - 1]          # citations verbatim, so they can be searched for
        detail = " ".join(p for p in (_split_technical(cause.plain(language), language)[1],
                                       _split_technical(cause.fix(language), language)[1]) if p)
        if detail:
            lines.append(_w(language, "developer_what_to_change") + detail)
        if cause.verify(language):
            lines.append(_w(language, "developer_how_to_verify") + cause.verify(language))
    if evidence.other_marks:
        lines += ["", _w(language, "developer_other_marks")]
        lines += evidence.other_marks
    if evidence.other_findings:
        lines += ["", _w(language, "developer_scan_found")]
        for rule_id, found_lines in evidence.other_findings:
            rule = rules.get(rule_id)
            meaning = f"{rule.meaning.get(language)} — {rule.explain.get(language)}" if rule else rule_id
            lines.append(f"- {meaning}")
            lines += [f"    {line}" for line in found_lines]
    if not causes and not has_log:
        lines += ["", _w(language, "developer_record_log")]
        lines += _log_steps(fields_, language)
    if engineer_name.strip():
        lines += ["", _w(language, "developer_questions_to", engineer=engineer_name.strip())]
    return "\n".join(lines)


# ---------------------------------------------------------------- rendering

def _heading(part: str, language: str) -> str:
    return shipped_texts.text("reply_wording", f"heading_{part}", language)


def _greeting(language: str, name: str) -> list[str]:
    name = " ".join(name.split())
    if language == "ja":
        return [f"{name} 様" if name else "ご担当者様", "いつもお世話になっております。"]
    return [f"Hello {name}," if name else "Hello,"]


def _closing(language: str) -> str:
    return _w(language, "closing")


def _sections(reply: Reply) -> list[tuple[str, str]]:
    return [(part, getattr(reply, part).strip()) for part in ("summary", "cause", "fix")
            if getattr(reply, part).strip()]


def render_plain(reply: Reply, language: str, greeting_name: str = "", signature: str = "") -> str:
    """The full text the customer reads: greeting, the three sections, the developer block, signature."""
    language = "ja" if language == "ja" else "en"
    blocks = ["\n".join(_greeting(language, greeting_name))]
    for part, text in _sections(reply):
        heading = _heading(part, language)
        heading = f"■ {heading}" if language == "ja" else f"{heading}\n{'-' * len(heading)}"
        blocks.append(f"{heading}\n{text}")
    if reply.developer_block.strip():
        rule = "-" * 60
        blocks.append(f"{rule}\n{reply.developer_block.strip()}\n{rule}")
    blocks.append(_closing(language))
    if signature.strip():
        blocks.append(signature.strip())
    return "\n\n".join(blocks) + "\n"


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _md_text(text: str) -> str:
    """Customer-visible Markdown prose: raw HTML in it must not reach a renderer that passes HTML through."""
    return html.escape(text, quote=False)


def render_markdown(reply: Reply, language: str, greeting_name: str = "", signature: str = "") -> str:
    """The same reply as Markdown: ``##`` headings and a fenced developer block."""
    language = "ja" if language == "ja" else "en"
    blocks = ["  \n".join(_md_text(line) for line in _greeting(language, greeting_name))]
    for part, text in _sections(reply):
        blocks.append(f"## {_heading(part, language)}\n\n{_md_text(text)}")
    if reply.developer_block.strip():
        body = reply.developer_block.strip()
        fence = _fence(body)
        blocks.append(f"{fence}\n{body}\n{fence}")
    blocks.append(_md_text(_closing(language)).replace("\n", "  \n"))
    if signature.strip():
        blocks.append(_md_text(signature.strip()).replace("\n", "  \n"))
    return "\n\n".join(blocks) + "\n"


def _html_paragraphs(text: str) -> list[str]:
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    return ["<p>" + "<br>\n".join(html.escape(line) for line in p.splitlines()) + "</p>" for p in paragraphs]


def render_html(reply: Reply, language: str, greeting_name: str = "", signature: str = "") -> str:
    """The same reply as an HTML fragment; every piece of text is escaped (customer text is untrusted)."""
    language = "ja" if language == "ja" else "en"
    out = _html_paragraphs("\n".join(_greeting(language, greeting_name)))
    for part, text in _sections(reply):
        out.append(f"<h3>{html.escape(_heading(part, language))}</h3>")
        out += _html_paragraphs(text)
    if reply.developer_block.strip():
        out.append(f"<pre>{html.escape(reply.developer_block.strip())}</pre>")
    out += _html_paragraphs(_closing(language))
    if signature.strip():
        out += _html_paragraphs(signature.strip())
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- merging a regenerated draft

def merge_draft(previous_generated: Reply, current: Reply, new_generated: Reply) -> tuple[Reply, list[str]]:
    """Three-way merge of a regenerated draft into what the engineer has on screen.

    A part the engineer never touched (``current`` equals ``previous_generated``) takes the new draft; an
    edited part is kept and its name ("summary", "cause", "fix", "developer_block") is reported so the UI can
    say "Cause was edited by you: the new draft was not applied". An edit that already matches the new draft
    is not reported.
    """
    merged: dict[str, str] = {}
    kept: list[str] = []
    for field_ in fields(Reply):
        name = field_.name
        before, mine, new = (getattr(r, name) for r in (previous_generated, current, new_generated))
        if mine == before:
            merged[name] = new
        else:
            merged[name] = mine
            if mine != new:
                kept.append(name)
    return replace(current, **merged), kept


# ---------------------------------------------------------------- templates and placeholders

@dataclass(frozen=True)
class Template:
    """A reply snippet from ``resources/templates/<language>/<name>.json``; parts may hold placeholders."""

    name: str
    title: str
    language: str
    summary: str = ""
    cause: str = ""
    fix: str = ""

    def filled(self, ticket: TicketDetail | TicketFields, engineer: str = "") -> Reply:
        """The snippet as a reply, placeholders filled from ``ticket``."""
        return Reply(summary=fill(self.summary, ticket, engineer), cause=fill(self.cause, ticket, engineer),
                     fix=fill(self.fix, ticket, engineer))


def parse_reply_template(data, source: str, language: str) -> Template:
    """Validate one template document; raises ``UserError`` naming the file and the field."""
    if not isinstance(data, dict):
        raise UserError(f"{source}: the file does not hold a template object.")
    if data.get("schema_version") != TEMPLATE_SCHEMA_VERSION:
        raise UserError(f"{source}: schema_version {data.get('schema_version')!r} is not supported "
                        f"(this version reads {TEMPLATE_SCHEMA_VERSION}).")
    name, title, parts = data.get("name"), data.get("title"), data.get("parts")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name):
        raise UserError(f"{source}: 'name' must be a lower-case key such as 'ask_for_verbose_log'.")
    if not isinstance(title, str) or not title.strip():
        raise UserError(f"{source}: 'title' is missing or empty.")
    if not isinstance(parts, dict) or not parts:
        raise UserError(f"{source}: 'parts' must be an object with summary, cause and fix texts.")
    texts = {}
    for part in ("summary", "cause", "fix"):
        value = parts.get(part, "")
        if not isinstance(value, str):
            raise UserError(f"{source}: part '{part}' must be text.")
        texts[part] = value
    unknown = set(parts) - {"summary", "cause", "fix"}
    if unknown:
        raise UserError(f"{source}: unknown part(s) {', '.join(sorted(unknown))}; use summary, cause and fix.")
    return Template(name=name, title=title.strip(), language=language, **texts)


@functools.cache
def _load_templates(language: str) -> tuple[Template, ...]:
    folder = resource_files.path("templates", language)
    if not folder.is_dir():
        return ()
    found: dict[str, Template] = {}
    for node in sorted(folder.iterdir(), key=lambda c: c.name):
        if not node.is_file() or not node.name.endswith(".json") or node.name.startswith("."):
            continue
        source = f"templates/{language}/{node.name}"
        try:
            data = json.loads(node.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError(f"{source} is not valid JSON ({exc}).") from exc
        template = parse_reply_template(data, source, language)
        if f"{template.name}.json" != node.name:
            raise UserError(f"{source}: declares name {template.name!r}; the file name must match.")
        found[template.name] = template
    return tuple(found.values())


def load_templates(language: str) -> dict[str, Template]:
    """The shipped reply templates of ``language`` ("en" or "ja") keyed by name."""
    return {t.name: t for t in _load_templates("ja" if language == "ja" else "en")}


#: Placeholders a template may use, and where their values come from.
PLACEHOLDERS = ("customer", "requester_name", "app_name", "app_version", "sdk_name", "sdk_version", "platform",
                "os_version", "engineer", "goal", "title", "ticket_id")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _placeholder_values(ticket: TicketDetail | TicketFields, engineer: str) -> dict[str, str]:
    fields_ = ticket.fields if isinstance(ticket, TicketDetail) else ticket
    values = {name: " ".join(str(getattr(fields_, name, "") or "").split()) for name in PLACEHOLDERS}
    values["platform"] = label(fields_.platform) if fields_.platform else ""
    values["engineer"] = " ".join(engineer.split())
    values["ticket_id"] = str(ticket.id) if isinstance(ticket, TicketDetail) else ""
    return values


def fill(text: str, ticket: TicketDetail | TicketFields, engineer: str = "") -> str:
    """Replace ``{name}`` placeholders from the ticket in one pass.

    Only the allow-listed names are replaced. Unknown names, and known ones the ticket has no value for, stay
    visible as written so the engineer sees what is missing; braces inside the inserted values (customer text)
    are never interpreted, and there is no ``str.format`` anywhere, so no input can raise ``KeyError``.
    """
    values = _placeholder_values(ticket, engineer)

    def substitute(match: re.Match) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return _PLACEHOLDER.sub(substitute, text)
