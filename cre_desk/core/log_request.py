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


def _t(language: str, en: str, ja: str) -> str:
    return ja if language == "ja" else en


def draft(fields: TicketFields, *, language: str, role: str | None = None) -> LogRequest:
    """The log request for a ticket, in ``language``, written for the requester's ``role``."""
    recipes, requests = _data()
    role = role or fields.requester_role or Role.MARKETER
    platforms = (fields.platform,) if fields.platform in PLATFORMS else PLATFORMS
    vendor = recipe_key(fields.sdk_name)
    name = fields.requester_name.strip()
    lines = [_t(language, f"Hello {name}," if name else "Hello,", f"{name} 様" if name else "ご担当者様"), ""]
    problems = {
        "iam_not_shown": ("the in-app message that does not show", "アプリ内メッセージが表示されない件"),
        "push_not_delivered": ("the push notification that does not arrive", "プッシュ通知が届かない件"),
        "events_not_recorded": ("the events that are not recorded", "イベントが記録されない件"),
    }
    problem = _t(language, *problems.get(fields.symptom, ("what you reported", "お問い合わせの件")))
    lines.append(_t(
        language,
        f"To find the cause of {problem}, we need a detailed log from the app, recorded from app start until "
        "the problem happens.",
        f"{problem}の原因を特定するため、アプリ起動から問題が起きるまでの"
        "詳細なログをお送りいただけますでしょうか。"))
    if role != Role.ENGINEER:
        lines.append(_t(language,
                        "The steps below are for your app developer: please forward this message to them.",
                        "以下の手順はアプリ開発者の方向けです。お手数ですが開発者の方へご転送ください。"))
    lines.append("")
    steps: list[str] = []
    for platform in platforms:
        label = {"android": "Android", "ios": "iOS"}[platform]
        prefix = f"[{label}] " if len(platforms) > 1 else ""
        if vendor and platform in recipes.get(vendor, {}):
            steps.append(prefix + recipes[vendor][platform][language])
        else:
            steps.append(prefix + _t(
                language, "Set the SDK's log level to verbose (most detailed) before it is initialised.",
                "SDK の初期化より前に、ログレベルを最も詳細な verbose に設定してください。"))
        steps.append(prefix + recipes["default"][platform][language])
    reproduce = requests["reproduce"].get(fields.symptom) or requests["reproduce"]["other"]
    steps.append(reproduce[language])
    steps.append(_t(language,
                    "Tell us the time of the test (with the time zone), the test user's ID, the device model "
                    "and its OS version.",
                    "テストの日時（タイムゾーン付き）、テストユーザーの ID、"
                    "端末の機種と OS バージョンもお知らせください。"))
    lines += [f"{n}. {step}" for n, step in enumerate(steps, 1)]
    lines += ["", _t(language, "Thank you for your help.",
                     "お手数をおかけしますが、どうぞよろしくお願いいたします。")]
    return LogRequest(language, role, vendor, platforms, "\n".join(lines))
