"""A year of product-feedback tickets for the demo workspace, so the feedback dashboard and the quarterly
customer-voice report show something real on first start.

Generated from themes (a request, a bug or a confusion, with the customers' own words) with a fixed seed:
the same year every time, relative to "now". Requests grow, one push bug spikes a few weeks ago (the
dashboard's anomaly), and most tickets are tagged and linked to their shared item as a team would.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cre_desk.core.feedback import KIND_CATEGORY

SOURCE = "demo"
PREFIX = "demo-fb-"
WEEKS = 52

CUSTOMERS = (
    "Acme Shop",
    "Blue Harbor Bank",
    "Cloudnine Travel",
    "Daily Fresh",
    "Eki Navi",
    "FitLoop",
    "Gourmet Box",
    "Hikari Mobile",
    "Iroha Books",
    "Jump Games",
    "Kumo Weather",
    "Lumen Energy",
    "Mori Furniture",
    "Nami Music",
    "Orbit Delivery",
    "Pocket Clinic",
    "Quest Learning",
    "Rakuraku Taxi",
    "Sakura Cosmetics",
    "Tabi Hotels",
    "Umi Seafood",
    "Vivid Fashion",
    "Wagon Auto",
    "Yuki Sports",
    "Zen Meditation",
    "Aozora Air",
    "Bento Go",
    "Coin Wallet",
    "Dojo Fitness",
    "Ensoku Tickets",
)
ENGINEERS = ("Aki Sato", "Ben Ito", "Chika Mori", "Daniel Park")


@dataclass(frozen=True)
class Theme:
    key: str
    team: str
    kind: str
    symptom: str
    item: str  # shared item title ("" when tickets stay unlinked)
    titles: tuple[str, ...]
    words: tuple[str, ...]  # what the customers are really trying to achieve
    weight: float = 1.0
    github: str = ""
    grows: bool = False  # asked more often as the year goes on
    spike_weeks_ago: tuple[int, ...] = ()


THEMES: tuple[Theme, ...] = (
    Theme(
        "quiet_hours",
        "push",
        "missing_feature",
        "how_to",
        "Quiet hours for push campaigns",
        (
            "Can pushes wait until morning?",
            "Stop notifications at night",
            "Quiet hours setting for push",
            "深夜のプッシュ配信を止めたい",
        ),
        (
            "Never wake our users at 3 a.m.; night pushes drive uninstalls.",
            "Send the daily digest at each user's 8 a.m. without building a scheduler ourselves.",
            "夜間の通知によるアンインストールを減らしたい。",
        ),
        2.2,
        "https://github.com/cre-desk-demo/sdk/issues/412",
        grows=True,
    ),
    Theme(
        "segment_csv",
        "dashboard",
        "missing_feature",
        "how_to",
        "Export segment members as CSV",
        ("Export a segment to CSV", "Download list of users in segment", "Segment export for our CRM"),
        (
            "Hand the weekly churn-risk list to our call centre.",
            "Reconcile campaign audiences with our CRM every Monday.",
        ),
        1.8,
        "https://github.com/cre-desk-demo/dashboard/issues/88",
        grows=True,
    ),
    Theme(
        "iam_ab",
        "in_app_messaging",
        "missing_feature",
        "how_to",
        "A/B test variants for in-app messages",
        ("A/B test two modal designs", "Split test for in-app message", "Compare banner copy variants"),
        ("Know which coupon design brings more second purchases.",),
        1.2,
    ),
    Theme(
        "flutter_plugin",
        "sdk_platform",
        "missing_feature",
        "other",
        "Official Flutter plugin",
        ("Is there a Flutter SDK?", "Flutter support for push and IAM", "Flutter plugin roadmap"),
        ("Ship one codebase for iOS and Android without a bridge we maintain ourselves.",),
        1.0,
    ),
    Theme(
        "event_backfill",
        "events_profiles",
        "missing_feature",
        "events_not_recorded",
        "Backfill historical events by API",
        ("Import last year's purchases as events", "Backfill events via API"),
        ("Target customers by their purchase history from before the SDK was installed.",),
        0.8,
    ),
    Theme(
        "ios_push_drop",
        "push",
        "bug",
        "push_not_delivered",
        "iOS pushes dropped after token refresh",
        (
            "iOS users stopped receiving pushes",
            "Push not delivered after app update on iOS",
            "APNs token refresh loses pushes",
        ),
        ("Our order-shipped notifications must arrive; customers call support otherwise.",),
        0.5,
        "https://github.com/cre-desk-demo/sdk/issues/431",
        spike_weeks_ago=(5,),
    ),
    Theme(
        "android_crash",
        "sdk_platform",
        "bug",
        "other",
        "Crash on Android 15 at SDK start",
        ("App crashes on launch with SDK 31.0", "NullPointerException in SDK init on Android 15"),
        ("Release our app without a crash spike on day one.",),
        0.5,
        "https://github.com/cre-desk-demo/sdk/issues/405",
    ),
    Theme(
        "profile_dupe",
        "events_profiles",
        "bug",
        "events_not_recorded",
        "Duplicate profiles after login",
        ("Two profiles for one user after login", "User attributes split between profiles"),
        ("Count each customer once in our lifecycle reports.",),
        0.6,
    ),
    Theme(
        "freq_cap",
        "in_app_messaging",
        "unclear_feature",
        "iam_not_shown",
        "Frequency cap wording",
        (
            "In-app message shows only once",
            "Why is the modal not shown a second time?",
            "Frequency cap confusing",
        ),
        (
            "Remind users of the sale every day of the campaign, not just once.",
            "キャンペーン期間中は毎日表示したい。",
        ),
        1.6,
    ),
    Theme(
        "segment_timing",
        "events_profiles",
        "unclear_feature",
        "iam_not_shown",
        "Segment membership is not instant",
        ("New users not in segment yet", "Attribute set but IAM not shown in same session"),
        ("Welcome new sign-ups with a tailored message in their first session.",),
        1.1,
    ),
    Theme(
        "test_device",
        "in_app_messaging",
        "hidden_feature",
        "how_to",
        "Test devices for in-app preview",
        ("Is there a way to preview on my phone?", "Didn't know we could send a test message"),
        ("Check the layout on a real phone before the campaign goes live.",),
        0.9,
    ),
    Theme(
        "report_schedule",
        "dashboard",
        "hidden_feature",
        "how_to",
        "Scheduled report e-mails",
        ("Can the dashboard email me the weekly report?", "Is it possible to schedule reports?"),
        ("Send the campaign summary to management every Monday without logging in.",),
        0.7,
    ),
    Theme(
        "push_setup",
        "push",
        "troubleshooting",
        "push_not_delivered",
        "",
        (
            "Push not delivered to test device",
            "FCM credentials set up but nothing arrives",
            "Notifications missing on Xiaomi phones",
        ),
        ("Get our first push campaign live before the launch on Friday.",),
        2.0,
    ),
    Theme(
        "iam_setup",
        "in_app_messaging",
        "troubleshooting",
        "iam_not_shown",
        "",
        ("In-app message not showing on Android", "Campaign live but modal never appears"),
        ("Show the onboarding tour to every new user.",),
        1.8,
    ),
    Theme(
        "spec_limits",
        "sdk_platform",
        "spec_question",
        "how_to",
        "",
        ("What is the maximum payload size?", "How long are events kept?", "Rate limits for the REST API"),
        ("Plan our data volume before the contract renewal.",),
        1.2,
    ),
)


def _pick_theme(rng: random.Random, week: int) -> Theme:
    weights = []
    for theme in THEMES:
        w = theme.weight * (0.5 + week / WEEKS if theme.grows else 1.0)
        weights.append(w)
    return rng.choices(THEMES, weights=weights)[0]


def feedback_demo_specs(now: datetime) -> list[dict]:
    """The year's tickets as plain dicts (oldest first), the same for the same ``now``."""
    rng = random.Random(15)
    specs = []
    first = (now - timedelta(weeks=WEEKS - 1)).date()
    # Monday 00:00 UTC, so a demo week is a dashboard week (09:00-17:00 in Tokyo are hours 0-8 UTC)
    start = datetime(first.year, first.month, first.day, tzinfo=UTC) - timedelta(days=first.weekday())
    n = 0
    for week in range(WEEKS):
        themes = [_pick_theme(rng, week) for _ in range(rng.randint(5, 8))]
        # the spike the dashboard should flag: a handful more of one bug in the same week
        themes += [
            t for t in THEMES if (WEEKS - 1 - week) in t.spike_weeks_ago for _ in range(rng.randint(4, 5))
        ]
        for theme in themes:
            created = start + timedelta(weeks=week, days=rng.uniform(0, 4.9), hours=rng.uniform(0, 8))
            if created >= now - timedelta(hours=2):
                continue
            age_days = (now - created).total_seconds() / 86400
            resolve_after = rng.uniform(0.3, 9.0)
            specs.append(
                {
                    "key": f"{PREFIX}{n:04d}",
                    "theme": theme.key,
                    "team": theme.team,
                    "kind": theme.kind,
                    "category": str(KIND_CATEGORY[theme.kind]),
                    "symptom": theme.symptom,
                    "title": rng.choice(theme.titles),
                    "customer": rng.choice(CUSTOMERS),
                    "goal": rng.choice(theme.words),
                    "assignee": rng.choice(ENGINEERS),
                    "created": created,
                    "resolved": created + timedelta(days=resolve_after)
                    if resolve_after < age_days - 0.5
                    else None,
                    "confirmed": rng.random() < 0.85 or bool(theme.spike_weeks_ago),
                    "item": theme.item if rng.random() < 0.8 else "",
                    "item_type": {"bug": "bug", "missing_feature": "request"}.get(theme.kind, "confusion"),
                    "github": theme.github,
                    "first_reply_h": round(rng.uniform(0.2, 6.0), 2),
                }
            )
            n += 1
    return specs


def load_feedback_demo(service, feedback, now: datetime, existing: set[str]) -> int:
    """Create the year's tickets not there yet (by key), tag and link them; returns how many were added."""
    from cre_desk.core.tickets import TicketFields

    items: dict[str, int] = {i.title: i.id for i in feedback.list_items()}
    teams = {t.key for t in feedback.list_teams()}  # a lead may have renamed or removed the defaults
    added = 0
    for spec in feedback_demo_specs(now):
        if spec["key"] in existing:
            continue
        fields = TicketFields(
            title=spec["title"],
            customer=spec["customer"],
            symptom=spec["symptom"],
            category=spec["category"],
            assignee=spec["assignee"],
            goal=spec["goal"],
            asked=spec["title"],
        )
        ticket = service.create_ticket(
            fields,
            actor=spec["assignee"],
            created_at=spec["created"],
            source=SOURCE,
            external_id=spec["key"],
            status="open",
        )
        service.record_first_response(ticket.id, spec["created"] + timedelta(hours=spec["first_reply_h"]))
        if spec["resolved"] is not None:
            service.change_status(ticket.id, "solved", actor=spec["assignee"], at=spec["resolved"])
        if spec["confirmed"]:
            team = spec["team"] if spec["team"] in teams else ""
            feedback.confirm(ticket.id, team=team, kind=spec["kind"], actor=spec["assignee"])
        if spec["item"]:
            if spec["item"] not in items:
                items[spec["item"]] = feedback.create_item(
                    spec["item_type"], spec["item"], team=spec["team"], github_url=spec["github"]
                ).id
            feedback.link(ticket.id, items[spec["item"]])
        added += 1
    return added
