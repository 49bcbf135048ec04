"""Reply composer logic: a Summary / Cause / Fix draft assembled from the ticket, rendered for the customer.

The reply is what the customer actually receives, and many askers are marketers, not engineers. A good
reply lets them understand what happened and hand a precise fix to their developers without a second round
of questions. This module turns what the engineer already established (confirmed and suspected checklist
items, accepted log findings, marked log lines, the "really trying to achieve" field) into a first draft
worded for the audience: plain sentences for a marketer with a forwardable block for their developer, the
technical detail inline for an engineer, and merges a regenerated draft without silently overwriting the
engineer's edits. Causes and their evidence come from ``core.reply_evidence``; rendering for the customer is
``core.reply_render``; templates are ``core.reply_templates``; the wording is shipped data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Protocol

from cre_desk.core import shipped_texts
from cre_desk.core.reply_evidence import (
    Cause,
    dedupe,
    evidence_key,
    gather_evidence,
    mark_key,
    same_line,
    split_technical,
    ticket_causes,
)
from cre_desk.core.tickets import MarkRecord, TicketDetail, TicketFields
from cre_desk.core.vocabulary import Label, Role, label

PARTS = ("summary", "cause", "fix", "developer_block")


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


def private_items(inputs: ReplyInputs) -> tuple[PrivateItem, ...]:
    """Every private note a draft of ``inputs`` would quote (excluded ones too, to be ticked again)."""
    language = "ja" if inputs.language == "ja" else "en"
    items = [PrivateItem(evidence_key(c.entry), "evidence", c.title(language), c.entry.evidence.strip())
             for c in ticket_causes(inputs.ticket) if c.entry.evidence.strip()]
    items += [PrivateItem(mark_key(m), "mark_note", f"[{m.log_name}:{m.line_no + 1}]", m.note.strip())
              for m in inputs.marks if m.note.strip()]
    return tuple(items)


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


# ---------------------------------------------------------------- draft

def draft(inputs: ReplyInputs) -> Reply:
    """Assemble a first draft from the ticket; the engineer edits it freely afterwards."""
    language = "ja" if inputs.language == "ja" else "en"
    engineer = inputs.audience == Role.ENGINEER
    fields_ = inputs.ticket.fields
    causes = ticket_causes(inputs.ticket)
    findings = tuple((str(rule_id), tuple(str(x) for x in lines)) for rule_id, lines in inputs.accepted_findings)
    evidence = gather_evidence(causes, findings, inputs.marks, frozenset(inputs.excluded))
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
        plain = split_technical(plain, language)[0] or _w(language, "cause_detail_for_developer",
                                                               point=n + 1)
        if cause.confirmed:
            paragraphs.append(plain)
        else:
            paragraphs.append(_w(language, "cause_likely_paragraph", plain=plain))
    plain_findings = dedupe([rules[rule_id].plain.get(language) for rule_id, _ in findings if rule_id in rules])
    if not engineer:
        plain_findings = [p for p in (split_technical(p, language)[0] for p in plain_findings) if p]
    plain_findings = [p for p in plain_findings if p not in paragraphs]
    if plain_findings:
        heading = _w(language, "cause_log_shows")
        bullet = _w(language, "bullet")
        paragraphs.append(heading + "\n" + "\n".join(bullet + p for p in plain_findings))
    if engineer:
        extra = list(evidence.other_marks)
        for rule_id, lines in evidence.other_findings:
            extra += [f"{rule_id}: {line}" for line in lines
                      if not any(same_line(line, m) for m in extra)]
        if extra:
            paragraphs.append(_w(language, "cause_log_lines") + "\n" + "\n".join(dedupe(extra)))
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


def _fix_text(language: str, engineer: bool, causes: list[Cause], fields_: TicketFields) -> str:
    paragraphs: list[str] = []
    for n, cause in enumerate(causes, start=1):
        fix = cause.fix(language)
        if not fix:
            continue
        if not engineer:
            fix = split_technical(fix, language)[0] or _w(language, "fix_ask_developer", n=n)
        if not cause.confirmed:
            fix = _w(language, "fix_for_likely_cause", fix=fix)
        if engineer and cause.verify(language):
            fix += "\n" + _w(language, "fix_how_to_verify") + cause.verify(language)
        paragraphs.append(fix)
    paragraphs = dedupe(paragraphs)
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
        detail = " ".join(p for p in (split_technical(cause.plain(language), language)[1],
                                       split_technical(cause.fix(language), language)[1]) if p)
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


