"""'Request a log': a recipe for every SDK we have log rules for, and messages written for the requester."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cre_desk import resource_files
from cre_desk.core import log_request
from cre_desk.core.tickets import TicketFields

RULE_VENDORS_WITHOUT_SDK = {"android_system"}  # the OS's own lines: not an SDK anyone installs


def _rule_vendors() -> set[str]:
    folder = Path(str(resource_files.path("rules")))
    return {json.loads(p.read_text(encoding="utf-8"))["vendor"] for p in folder.glob("*.json")}


@pytest.mark.parametrize("vendor", sorted(_rule_vendors() - RULE_VENDORS_WITHOUT_SDK))
def test_every_sdk_with_log_rules_has_a_recipe_per_platform_and_language(vendor):
    key = log_request.recipe_key(vendor)
    assert key, vendor
    recipes = resource_files.read_json("capture_recipes.json")
    for platform in ("android", "ios"):
        for language in ("en", "ja"):
            assert recipes[key][platform][language].strip(), (vendor, platform, language)


def test_sdk_names_as_typed_on_tickets_find_their_recipe():
    assert log_request.recipe_key("Braze Android SDK 30.1") == "braze"
    assert log_request.recipe_key("Firebase In-App Messaging") == "firebase"
    assert log_request.recipe_key("Urban Airship") == "airship"
    assert log_request.recipe_key("Customer.io") == "customerio"
    assert log_request.recipe_key("Homegrown SDK") == ""


def test_a_marketer_on_android_gets_the_braze_switch_logcat_and_what_to_reproduce():
    fields = TicketFields(title="Banner not shown", requester_name="Ms. Ito", requester_role="marketer",
                          platform="android", sdk_name="Braze", symptom="iam_not_shown")
    request = log_request.draft(fields, language="en")
    body = request.body
    assert body.startswith("Hello Ms. Ito,")
    assert "forward this message" in body                       # written for a non-developer
    assert "BrazeLogger.logLevel = Log.VERBOSE" in body and "adb logcat" in body
    assert "trigger it; wait 30 seconds" in body and "time zone" in body
    assert "Xcode" not in body and request.platforms == ("android",)
    assert request.note() == "Asked for a verbose log (braze, android)"


def test_an_engineer_in_japanese_on_ios_gets_no_forwarding_line():
    fields = TicketFields(title="プッシュ通知が届かない", requester_role="engineer", platform="ios",
                          sdk_name="OneSignal", symptom="push_not_delivered")
    assert log_request.guess_language(fields) == "ja"
    body = log_request.draft(fields, language="ja").body
    assert body.startswith("ご担当者様") and "転送" not in body
    assert "Xcode" in body and "テストプッシュ" in body and "adb logcat" not in body


def test_an_unknown_sdk_and_platform_asks_for_both_platforms_in_general_words():
    fields = TicketFields(title="Events missing", platform="other", sdk_name="Homegrown",
                          symptom="events_not_recorded", requester_role="engineer")
    request = log_request.draft(fields, language="en")
    assert request.platforms == ("android", "ios") and request.vendor == ""
    assert "[Android] Set the SDK's log level to verbose" in request.body and "[iOS]" in request.body
