"""Rule catalogue and scanner: what an engineer sees when a customer's SDK log is analysed."""

from __future__ import annotations

import json
import re

import pytest
from log_text import entries_from  # noqa: E402 - shared test helper beside this file

from cre_desk import resource_files
from cre_desk.errors import UserError
from cre_desk.logs.baselines import load_baselines
from cre_desk.logs.entry import Entry
from cre_desk.logs.rule_scan import Scanner, findings_by_line, matches, suspected_areas
from cre_desk.logs.rules import literal_prefilter, load_rules, parse_rule_file

# Every row of troubleshooting.md §3.5, so a catalogue edit cannot silently drop one.
TABLE_IDS = (
    [f"FIAM-{i:02d}" for i in range(1, 15)] + [f"BRZ-{i:02d}" for i in range(0, 23)]
    + [f"OS-{i:02d}" for i in range(1, 8)] + ["AIR-01", "AIR-02", "CT-01"] + [f"SYS-{i:02d}" for i in range(1, 5)]
)
RULES = load_rules()
BY_ID = {r.id: r for r in RULES}

BRAZE_FAILING = """\
11-20 10:14:02.041  8812  8812 I Braze v30.4.0 .Braze: Braze SDK Initializing
11-20 10:14:02.118  8812  8812 I Braze v30.4.0 .Braze: changeUser called with: user_48213
11-20 10:14:02.236  8812  8812 V Braze v30.4.0 .Braze: Opened session with activity: com.example.shop.SplashActivity
11-20 10:14:02.241  8812  8851 I Braze v30.4.0 .bo.app.d6: New session created with ID: 5f0b3a6e-9c1d-4b8e-a2f4-7d1e8c3b9a60
11-20 10:14:02.262  1721  2037 I ActivityTaskManager: Displayed com.example.shop/.SplashActivity: +362ms
11-20 10:14:02.301  8812  8851 V Braze v30.4.0 .bo.app.r1: Making request(id = 7c2e1f90-3a55-4d0b-b7e2-0f4c6a9d1e23) \
to https://sdk.iad-05.braze.com/api/v3/data
11-20 10:14:05.433  8812  8851 I Braze v30.4.0 .bo.app.b7: Triggering action: 6548f0d2e8a1b2003c4d5e6f
11-20 10:14:05.467  8812  8812 I Braze v30.4.0 .BrazeInAppMessageManager: No activity is currently registered to \
receive in-app messages. Registering in-app message as a carry-on in-app message.
11-20 10:14:06.017  1721  1760 I WindowManager: WIN DEATH: Window{4f3e2d1 u0 com.example.shop/.SplashActivity}
11-20 10:14:06.500  8812  8812 D Braze v30.4.0 .BrazeInAppMessageManager: In-app message is expired. Doing nothing. \
Expiration: 1700438400000. Current time: 1700475246500
"""


def test_every_table_row_is_seeded_in_the_right_file():
    files = {node.name for node in resource_files.iter_files("rules", ".json")}
    assert files == {"fiam.json", "braze.json", "onesignal.json", "airship.json", "clevertap.json",
                     "android_system.json"}
    assert not set(TABLE_IDS) - set(BY_ID)
    assert len(BY_ID) == len(RULES)  # ids unique
    assert BY_ID["BRZ-04"].vendor == "braze" and BY_ID["SYS-01"].vendor == "android_system"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_matches_its_own_sample(rule):
    tag, message = rule.sample
    assert message, f"{rule.id} has no sample"
    assert matches(rule, Entry(0, 1, message, tag=tag)) is not None
    assert rule.meaning.get("ja") and rule.explain.en and rule.plain.get("ja")


def test_checklist_links_agree_with_the_checklists():
    expected: dict[str, set[str]] = {}
    for node in resource_files.iter_files("checklists", ".json"):
        doc = json.loads(node.read_text(encoding="utf-8"))
        for item in doc["items"]:
            for rid in item.get("rule_ids") or []:
                expected.setdefault(rid, set()).add(f"{doc['symptom']}:{item['key']}")
    for rule in RULES:
        base = re.sub(r"[A-Z]$", "", rule.id)  # FIAM-04Z is the '0 messages' variant of FIAM-04
        assert set(rule.checklist) == expected.get(base, set()), rule.id
    assert "iam_not_shown:d_display_manager_not_registered" in BY_ID["BRZ-04"].checklist


@pytest.mark.parametrize("name", sorted(load_baselines()))
def test_no_problem_rule_fires_on_a_healthy_baseline(name):
    scanner = Scanner(RULES)
    scanner.feed(entries_from(load_baselines()[name].log_text()))
    problems = [f.rule_id for f in scanner.findings() if f.polarity == "!"]
    assert problems == []


def test_failing_braze_log_points_at_the_unregistered_manager():
    scanner = Scanner(RULES)
    scanner.feed(entries_from(BRAZE_FAILING))
    findings = scanner.findings()
    ids = [f.rule_id for f in findings]
    assert ids[:2] == ["BRZ-04", "BRZ-07"]  # problems first, by first line
    brz04 = findings[0]
    assert brz04.line_nos == (7,) and brz04.count == 1 and not brz04.missing
    assert brz04.lines[0].startswith("No activity is currently registered")
    assert brz04.captures == ("activity",)
    assert "iam_not_shown:d_display_manager_not_registered" in brz04.checklist
    # the display step never happened: a missing '+' finding; iOS-only and other vendors' rules stay quiet
    missing = {f.rule_id for f in findings if f.missing}
    assert missing == {"BRZ-11", "BRZ-12", "BRZ-14"}
    assert ids[-1] == "BRZ-00"  # info last
    assert findings[-1].line_nos == (0,)  # the version is noted once, not on every Braze line
    assert findings_by_line(findings)[7] == [("BRZ-04", "D")]


def test_missing_session_line_is_reported():
    text = "\n".join(line for line in BRAZE_FAILING.splitlines() if "session" not in line)
    scanner = Scanner(RULES)
    scanner.feed(entries_from(text))
    missing = [f for f in scanner.findings() if f.missing]
    assert "BRZ-01" in [f.rule_id for f in missing]
    brz01 = next(f for f in missing if f.rule_id == "BRZ-01")
    assert brz01.line_nos == () and brz01.count == 0 and brz01.polarity == "+"


def test_vendor_detected_by_tag_alone_expects_its_healthy_lines():
    scanner = Scanner(RULES)
    scanner.feed([Entry(0, 1, "Something unrelated", tag="CleverTap")])
    assert [f.rule_id for f in scanner.findings()] == ["CT-01"]
    quiet = Scanner(RULES)
    quiet.feed([Entry(0, 1, "Displayed com.example/.Main: +300ms", tag="ActivityTaskManager")])
    assert quiet.findings() == []


def test_facts_are_extracted_in_order_without_duplicates():
    scanner = Scanner(RULES)
    scanner.feed(entries_from(BRAZE_FAILING))
    scanner.feed([Entry(20, 21, "UA Version: 17.8.1 / App key = Xk3bQ9vRTaeL0pJc7mW2sA Production = false",
                        tag="MyShop - UALib")])
    facts = scanner.facts()
    assert facts["sdk_version"] == ["30.4.0", "17.8.1"]
    assert facts["user_id"] == ["user_48213"]
    assert facts["session_id"] == ["5f0b3a6e-9c1d-4b8e-a2f4-7d1e8c3b9a60"]
    assert facts["environment"] == ["development"]


def test_push_facts_from_the_baseline():
    scanner = Scanner(RULES)
    scanner.feed(entries_from(load_baselines()["braze-android-push"].log_text()))
    assert scanner.facts()["sender_id"] == ["901234567890"]
    ios = Scanner(RULES)
    ios.feed([Entry(0, 1, "[Braze] Received remote notifications device token: 7c1f9e2a4b6d8f0a")])
    assert ios.facts()["push_token"] == ["7c1f9e2a4b6d8f0a"]
    fiam = Scanner(RULES)
    fiam.feed(entries_from(load_baselines()["fiam-android-iam"].log_text()))
    assert fiam.facts()["installation_id"] == ["fR3xk2bYQ1eZ0p9mWd7Lc_"]


def test_chunked_feed_equals_one_feed():
    entries = entries_from(BRAZE_FAILING)
    whole = Scanner(RULES)
    whole.feed(entries)
    chunked = Scanner(RULES)
    for i in range(0, len(entries), 3):
        chunked.feed(entries[i:i + 3])
    assert chunked.findings() == whole.findings() and chunked.facts() == whole.facts()


def test_suspected_areas_rank_problems_above_missing_steps():
    scanner = Scanner(RULES)
    scanner.feed(entries_from(BRAZE_FAILING))
    areas = suspected_areas(scanner.findings())
    # D: BRZ-04 (3) + missing BRZ-12 (2) = 5; A: BRZ-07 (3); info BRZ-00 adds nothing
    assert [a["area"] for a in areas] == ["D", "A"]
    assert areas[0]["score"] == 5.0 and areas[0]["findings"] == ["BRZ-04", "BRZ-12"]
    assert areas[1]["findings"] == ["BRZ-07"]


def test_suspected_area_ties_go_to_the_earliest_line():
    scanner = Scanner([r for r in RULES if r.polarity == "!"])  # no missing-step findings here
    scanner.feed([
        Entry(10, 11, "Current orientation did not match specified orientation for in-app message.", tag="Braze"),
        Entry(40, 41, "Suppressing notification from package com.example.shop by user request.",
              tag="NotificationService"),
        Entry(50, 51, "Not displaying control in-app message.", tag="Braze"),
    ])
    areas = suspected_areas(scanner.findings())
    assert [(a["area"], a["score"]) for a in areas] == [("A", 3.0), ("E", 3.0), ("B", 3.0)]


def test_line_numbers_are_capped_but_counted():
    scanner = Scanner(RULES)
    scanner.feed(Entry(i, i + 1, "There is an IAM currently showing!", tag="OneSignal") for i in range(120))
    finding = next(f for f in scanner.findings() if f.rule_id == "OS-03")
    assert finding.count == 120 and len(finding.line_nos) == 50 and len(finding.lines) == 5


def test_hostile_entries_do_not_crash():
    scanner = Scanner(RULES)
    scanner.feed([
        Entry(0, 1, "A" * 3_000_000 + "No activity is currently registered to receive in-app messages", tag="Braze"),
        Entry(1, 2, "\x00\ufffd" * 1000, tag="\x00" * 50),
        Entry(2, 3, "", tag=""),
        Entry(3, 4, "No Activity is currently registered to receive in-app messages " + "x" * 1000, tag="braze"),
    ])
    brz04 = next(f for f in scanner.findings() if f.rule_id == "BRZ-04")
    assert brz04.line_nos == (3,)  # the first was beyond the matched length
    assert len(brz04.lines[0]) == 300


def test_tag_filter_is_case_insensitive_and_required():
    rule = BY_ID["OS-03"]
    assert matches(rule, Entry(0, 1, "There is an IAM currently showing!", tag="onesignal"))
    assert matches(rule, Entry(0, 1, "There is an IAM currently showing!", tag="OtherSdk")) is None
    sys01 = BY_ID["SYS-01"]
    line = ("broadcast intent callback: result=CANCELLED for Intent { act=com.google.android.c2dm.intent.RECEIVE "
            "flg=0x10000000 pkg=com.example.shop (has extras) }")
    assert matches(sys01, Entry(0, 1, line, tag="GTalkService"))
    assert matches(sys01, Entry(0, 1, line, tag="MyGCMHelper")) is None


def test_an_sdk_s_own_sentence_is_recognised_without_its_tag_but_not_under_another_sdk_s_tag():
    """A paste that lost its prefix, a line quoted in a ticket, a wrapper's print: the SDK's words remain."""
    rule = BY_ID["OS-03"]
    said = "There is an IAM currently showing!"
    assert matches(rule, Entry(0, 1, said, tag=""))
    assert matches(rule, Entry(0, 1, said, tag="flutter"))
    assert matches(rule, Entry(0, 1, said, tag="ReactNativeJS"))
    assert matches(rule, Entry(0, 1, said, tag="OtherSdk")) is None
    short = BY_ID["SYS-04"]  # a short, common text still needs its tag
    stopping = "Force stopping com.example.shop appid=10123 user=0: from pid 4406"
    assert matches(short, Entry(0, 1, stopping, tag="")) is None


def test_a_mined_message_is_recognised_in_the_wording_of_other_sdk_releases():
    """FirebaseMessaging 8.x put a sentence between the sender id and "Be sure…" that 12.x dropped."""
    rule = BY_ID["FCM-M102"]
    older = (
        "8.1.0 - [Firebase/Messaging][I-FCM002022] APNS device token not set before retrieving FCM Token for "
        "Sender ID '457684864864'. Notifications to this FCM Token will not be delivered over APNS."
        "Be sure to re-retrieve the FCM token once the APNS device token is set."
    )
    assert matches(rule, Entry(0, 1, older, tag=""))


def test_literal_prefilter():
    assert literal_prefilter(r"Triggering action: (\S+)") == ("Triggering action: ",)
    assert literal_prefilter(r"SENDER_ID_MISMATCH|MismatchSenderId") == ("SENDER_ID_MISMATCH", "MismatchSenderId")
    assert literal_prefilter(r"a|\d+") == ()
    assert literal_prefilter(r"(?i)hello world") == ()


def _doc(**rule):
    base = {"id": "X-01", "vendor": "braze", "platform": "android", "tag": "Braze", "pattern": "ok",
            "meaning": {"en": "m", "ja": "m"}, "area": "D", "polarity": "!", "explain": {"en": "e", "ja": "e"},
            "plain": {"en": "p", "ja": "p"}, "checklist": [], "fact": None}
    base.update(rule)
    return json.dumps({"schema_version": 1, "vendor": "braze", "rules": [base]})


@pytest.mark.parametrize("bad", [
    {"pattern": "(unclosed"}, {"polarity": "?"}, {"area": "Z"}, {"fact": "password"},
    {"meaning": {"en": "only english"}}, {"checklist": ["no_symptom"]}, {"pattern": "", "tag_pattern": ""},
])
def test_bad_rule_data_names_file_and_rule(bad):
    with pytest.raises(UserError) as info:
        parse_rule_file(_doc(**bad), "custom.json")
    assert "custom.json" in str(info.value) and "X-01" in str(info.value)


def test_bad_rule_file_is_a_user_error():
    with pytest.raises(UserError, match="broken.json"):
        parse_rule_file("{not json", "broken.json")
    with pytest.raises(UserError, match="broken.json"):
        parse_rule_file(json.dumps({"schema_version": 2, "rules": []}), "broken.json")


def test_every_mined_rule_says_where_it_comes_from_and_can_be_prescanned():
    from cre_desk.logs.rules import PROVENANCE_KEYS

    mined = [r for r in RULES if "-M" in r.id]
    assert len(mined) >= 100
    for rule in mined:
        provenance = dict(rule.provenance)
        assert all(provenance.get(key) for key in PROVENANCE_KEYS), rule.id
        assert "/" in provenance["repository"], rule.id
    # The analysis reads only lines holding a rule's literal (or its tag): every rule needs one of the two.
    assert all(rule.prefilter or rule.tag or rule.tag_pattern for rule in RULES)
