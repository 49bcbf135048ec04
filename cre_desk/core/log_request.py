""""Request a log": the message that asks a customer for exactly the log that answers their ticket.

A vague "please send logs" costs a round trip: the log arrives without verbose output, starts after the
problem, or comes from another device. This message names the SDK's own switch for verbose logging on the
ticket's platform, how to capture from app start (adb logcat, the Xcode console), what to reproduce for
the ticket's symptom and what to tell us with it; in the requester's language, and for a marketer it
asks to forward the steps to the app developer. The recipes are data (``resources/capture_recipes.json``
per SDK and platform, ``resources/log_request.json`` per symptom). Qt-free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cre_desk.core import shipped_texts
from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Role

PLATFORMS = ("android", "ios")
_KANA = re.compile(r"[\u3040-\u30ff]")


@dataclass(frozen=True)
class LogRequest:
    language: str
    role: str
    vendor: str                  # the capture recipe used ("" when the SDK is unknown)
    platforms: tuple[str, ...]
    body: str

    def note(self) -> str:
        """One line for the ticket's history."""
        where = ", ".join(p for p in (self.vendor, "/".join(self.platforms)) if p)
        return f"Asked for a verbose log ({where})" if where else "Asked for a verbose log"


@lru_cache(maxsize=1)
def _data() -> tuple[dict, dict]:
    from cre_desk import resource_files

    return resource_files.read_json("capture_recipes.json"), resource_files.read_json("log_request.json")


def recipe_key(sdk_name: str) -> str:
    """The capture recipe of an SDK name as typed on a ticket ("Braze Android SDK" -> "braze")."""
    name = " ".join((sdk_name or "").lower().split())
    aliases = _data()[1]["sdk_aliases"]
    for alias in sorted(aliases, key=len, reverse=True):
        if alias in name:
            return aliases[alias]
    return ""


def guess_language(fields: TicketFields, customer_texts: tuple[str, ...] = ()) -> str:
    """Japanese when the customer wrote in Japanese (kana in their title, question or messages)."""
    text = " ".join([fields.title, fields.asked, *customer_texts])
    return "ja" if _KANA.search(text) else "en"


_TEXTS = "log_request_message"


def _w(language: str, key: str, /, **values: object) -> str:
    """The message's wording (``resources/texts/log_request_message.json``) in the requester's language."""
    return shipped_texts.text(_TEXTS, key, language, **values)


def draft(fields: TicketFields, *, language: str, role: str | None = None) -> LogRequest:
    """The log request for a ticket, in ``language``, written for the requester's ``role``."""
    recipes, requests = _data()
    role = role or fields.requester_role or Role.MARKETER
    platforms = (fields.platform,) if fields.platform in PLATFORMS else PLATFORMS
    vendor = recipe_key(fields.sdk_name)
    name = fields.requester_name.strip()
    greeting = _w(language, "greeting_named", name=name) if name else _w(language, "greeting_anonymous")
    lines = [greeting, ""]
    problem_key = f"problem_{fields.symptom}"
    problem = _w(language, problem_key if problem_key in shipped_texts.table(_TEXTS) else "problem_other")
    lines.append(_w(language, "need_a_log", problem=problem))
    if role != Role.ENGINEER:
        lines.append(_w(language, "forward_to_developer"))
    lines.append("")
    steps: list[str] = []
    for platform in platforms:
        label = {"android": "Android", "ios": "iOS"}[platform]
        prefix = f"[{label}] " if len(platforms) > 1 else ""
        if vendor and platform in recipes.get(vendor, {}):
            steps.append(prefix + recipes[vendor][platform][language])
        else:
            steps.append(prefix + _w(language, "step_verbose_generic"))
        steps.append(prefix + recipes["default"][platform][language])
    reproduce = requests["reproduce"].get(fields.symptom) or requests["reproduce"]["other"]
    steps.append(reproduce[language])
    steps.append(_w(language, "step_tell_time_user_device"))
    lines += [f"{n}. {step}" for n, step in enumerate(steps, 1)]
    lines += ["", _w(language, "thanks")]
    return LogRequest(language, role, vendor, platforms, "\n".join(lines))
