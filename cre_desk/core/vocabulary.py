"""The fixed vocabulary of a ticket: statuses, categories, symptoms, roles, platforms, areas, verdicts.

Stored values are stable ASCII keys; labels are looked up for display (English and Japanese) so the
database never depends on the UI language.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_ENGINEERING = "waiting_engineering"
    WAITING_RELEASE = "waiting_release"
    ON_HOLD = "on_hold"
    SOLVED = "solved"
    CLOSED = "closed"


#: Statuses in which the ball is in someone else's court: the resolution clock pauses.
PAUSED_STATUSES = frozenset(
    {Status.WAITING_CUSTOMER, Status.WAITING_ENGINEERING, Status.WAITING_RELEASE, Status.ON_HOLD}
)
#: Statuses that stop the resolution clock for good (until a reopen).
RESOLVED_STATUSES = frozenset({Status.SOLVED, Status.CLOSED})


class PauseReason(StrEnum):
    CUSTOMER_LOG = "customer_log"
    ENGINEERING = "engineering"
    APP_RELEASE = "app_release"
    OTHER = "other"


#: The pause reason a status implies when the user gives none.
DEFAULT_PAUSE_REASON = {
    Status.WAITING_CUSTOMER: PauseReason.CUSTOMER_LOG,
    Status.WAITING_ENGINEERING: PauseReason.ENGINEERING,
    Status.WAITING_RELEASE: PauseReason.APP_RELEASE,
    Status.ON_HOLD: PauseReason.OTHER,
}


class Category(StrEnum):
    SPEC_QUESTION = "spec_question"
    TROUBLESHOOTING = "troubleshooting"
    BUG = "bug"
    FEATURE_REQUEST = "feature_request"


class Symptom(StrEnum):
    IAM_NOT_SHOWN = "iam_not_shown"
    PUSH_NOT_DELIVERED = "push_not_delivered"
    EVENTS_NOT_RECORDED = "events_not_recorded"
    HOW_TO = "how_to"
    OTHER = "other"


class Role(StrEnum):
    MARKETER = "marketer"
    ENGINEER = "engineer"
    OTHER = "other"


class Platform(StrEnum):
    ANDROID = "android"
    IOS = "ios"
    WEB = "web"
    OTHER = "other"


class Area(StrEnum):
    """The five checklist areas, in the order they are shown."""

    MESSAGE_SETUP = "A"
    TARGETING = "B"
    TRIGGER = "C"
    VENDOR_SPEC = "D"
    OS_SPEC = "E"


class Verdict(StrEnum):
    NOT_CHECKED = "not_checked"
    RULED_OUT = "ruled_out"
    SUSPECTED = "suspected"
    CONFIRMED = "confirmed"
    NOT_APPLICABLE = "not_applicable"


#: Verdicts that count as "done" for checklist progress.
DECIDED_VERDICTS = frozenset(
    {Verdict.RULED_OUT, Verdict.CONFIRMED, Verdict.NOT_APPLICABLE, Verdict.SUSPECTED}
)


@dataclass(frozen=True)
class Label:
    en: str
    ja: str

    def get(self, language: str) -> str:
        return self.ja if language == "ja" else self.en


LABELS: dict[str, Label] = {
    # statuses
    Status.NEW: Label("New", "新規"),
    Status.OPEN: Label("Open", "対応中"),
    Status.WAITING_CUSTOMER: Label("Waiting on customer", "お客様回答待ち"),
    Status.WAITING_ENGINEERING: Label("Waiting on engineering", "開発チーム待ち"),
    Status.WAITING_RELEASE: Label("Waiting on app release", "アプリリリース待ち"),
    Status.ON_HOLD: Label("On hold", "保留"),
    Status.SOLVED: Label("Solved", "解決済み"),
    Status.CLOSED: Label("Closed", "クローズ"),
    # pause reasons
    PauseReason.CUSTOMER_LOG: Label("Waiting on customer log", "お客様のログ待ち"),
    PauseReason.ENGINEERING: Label("Waiting on engineering", "開発チーム待ち"),
    PauseReason.APP_RELEASE: Label("Waiting on an app release", "アプリリリース待ち"),
    PauseReason.OTHER: Label("Other", "その他"),
    # categories
    Category.SPEC_QUESTION: Label("Spec question", "仕様の質問"),
    Category.TROUBLESHOOTING: Label("Troubleshooting", "トラブルシューティング"),
    Category.BUG: Label("Bug", "不具合"),
    Category.FEATURE_REQUEST: Label("Feature request", "機能要望"),
    # symptoms
    Symptom.IAM_NOT_SHOWN: Label("In-app message not shown", "アプリ内メッセージが表示されない"),
    Symptom.PUSH_NOT_DELIVERED: Label("Push not delivered", "プッシュ通知が届かない"),
    Symptom.EVENTS_NOT_RECORDED: Label("Events or user profile not recorded", "イベント・ユーザー情報が記録されない"),
    Symptom.HOW_TO: Label("How-to question", "使い方の質問"),
    Symptom.OTHER: Label("Other", "その他"),
    # roles
    Role.MARKETER: Label("Marketer", "マーケター"),
    Role.ENGINEER: Label("Engineer", "エンジニア"),
    Role.OTHER: Label("Other", "その他"),
    # platforms
    Platform.ANDROID: Label("Android", "Android"),
    Platform.IOS: Label("iOS", "iOS"),
    Platform.WEB: Label("Web", "Web"),
    Platform.OTHER: Label("Other", "その他"),
    # areas
    Area.MESSAGE_SETUP: Label("Message setup", "メッセージ設定"),
    Area.TARGETING: Label("Targeting", "ターゲティング"),
    Area.TRIGGER: Label("Trigger event", "トリガーイベント"),
    Area.VENDOR_SPEC: Label("Vendor (SDK) spec", "SDKの仕様・実装"),
    Area.OS_SPEC: Label("OS spec", "OSの仕様"),
    # verdicts
    Verdict.NOT_CHECKED: Label("Not checked", "未確認"),
    Verdict.RULED_OUT: Label("Ruled out", "該当なし"),
    Verdict.SUSPECTED: Label("Suspected", "疑いあり"),
    Verdict.CONFIRMED: Label("Confirmed", "原因と確認"),
    Verdict.NOT_APPLICABLE: Label("Not applicable", "対象外"),
}


def label(value: str, language: str = "en") -> str:
    """Return the display label of a vocabulary value, or the value itself when unknown."""
    found = LABELS.get(value)
    return found.get(language) if found else str(value)
