"""Baselines: how far a customer's log got compared with a known-good one, and what it lacks."""

from __future__ import annotations

import pytest
from log_text import entries_from  # noqa: E402 - shared test helper beside this file

from cre_desk.logs.baselines import (
    compare,
    diff_normalized,
    first_missing,
    load_baselines,
    milestone_hits,
    normalize,
)
from cre_desk.logs.entry import Entry

BASELINES = load_baselines()


def test_the_shipped_baselines_are_there():
    assert {"braze-android-iam", "fiam-android-iam", "onesignal-android-iam", "braze-android-push"} <= set(BASELINES)
    push = BASELINES["braze-android-push"]
    assert push.symptom == "push_not_delivered" and push.vendor == "braze" and push.platform == "android"
    assert push.title.get("ja")


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_each_baseline_log_passes_every_milestone_in_order(name):
    baseline = BASELINES[name]
    text = baseline.log_text()
    lines = text.splitlines()
    assert 30 <= len(lines) <= 80
    entries = entries_from(text)
    assert all(e.parsed for e in entries), "baseline logs are clean threadtime"
    hits = milestone_hits(entries, baseline)
    order = [hits[m.id] for m in baseline.milestones]
    assert order == sorted(order)
    assert first_missing(entries, baseline) is None
    assert compare(baseline, entries) == {"hits": hits, "missing": [], "first_missing": None}
    assert all(m.area in "ABCDE" and m.title.en and m.title.ja for m in baseline.milestones)


def test_fiam_log_that_stops_after_the_fetch():
    baseline = BASELINES["fiam-android-iam"]
    lines = baseline.log_text().splitlines()
    cut = next(i for i, line in enumerate(lines) if "Successfully fetched" in line)
    entries = entries_from("\n".join(lines[:cut + 1]))
    missing = first_missing(entries, baseline)
    assert missing is not None and missing.id == "event_triggered" and missing.area == "C"
    result = compare(baseline, entries)
    assert result["missing"] == ["event_triggered", "trigger_matched", "impression"]
    assert result["first_missing"] == {"id": "event_triggered", "area": "C"}
    assert result["hits"]["fetched"] == cut


def test_braze_log_that_stops_after_the_data_request():
    baseline = BASELINES["braze-android-iam"]
    lines = baseline.log_text().splitlines()
    cut = next(i for i, line in enumerate(lines) if "/api/v3/data" in line)
    assert first_missing(entries_from("\n".join(lines[:cut + 1])), baseline).id == "trigger_matched"


def test_zero_messages_fetched_is_not_the_fetch_milestone():
    baseline = BASELINES["fiam-android-iam"]
    text = baseline.log_text().replace("Successfully fetched 2 messages", "Successfully fetched 0 messages")
    assert first_missing(entries_from(text), baseline).id == "fetched"


def test_milestone_needs_its_tag():
    baseline = BASELINES["braze-android-iam"]
    entries = [Entry(0, 1, "Braze SDK Initializing", tag="SomeOtherLib")]
    assert milestone_hits(entries, baseline) == {}
    assert first_missing([], baseline).id == "sdk_init"


def test_normalize_hides_what_changes_between_runs():
    a = ("11-20 10:14:02.241 New session created with ID: 5f0b3a6e-9c1d-4b8e-a2f4-7d1e8c3b9a60 pid=8812 "
         "flags=0x10000000 at 1700475242118")
    b = ("11-21 09:01:55.002 New session created with ID: 0C94E7A2-5B31-4F8D-9A6E-3D2C1B0A9F87 pid=23011 "
         "flags=0x4 at 1700557315002")
    assert normalize(a) == normalize(b)
    assert "New session created with ID: #" in normalize(a)
    assert normalize("Triggering action: 6548f0d2e8a1b2003c4d5e6f") == "Triggering action: #"
    assert normalize("Successfully fetched 2 messages") == "Successfully fetched 2 messages"  # small counts stay
    assert normalize("2024-11-20T10:14:02.118Z   sync   done") == "# sync done"
    assert len(normalize("x" * 10_000_000)) <= 2000


def test_diff_shows_what_the_customer_log_lacks():
    healthy = [e.message for e in entries_from(BASELINES["braze-android-iam"].log_text())]
    customer = [m.replace("8812", "23011") for m in healthy if "Triggering action" not in m
                and "Displaying in-app message" not in m]
    customer.append("No activity is currently registered to receive in-app messages.")
    only_healthy, only_customer = diff_normalized(healthy, customer)
    assert only_healthy == ["Triggering action: #",
                            "handleExistingInAppMessagesInStackWithDelegate:: Displaying in-app message."]
    assert only_customer == ["No activity is currently registered to receive in-app messages."]


def test_diff_is_distinct_and_ordered():
    left = ["b 1234", "a", "b 9999", "c"]
    right = ["c", "d", "d"]
    assert diff_normalized(left, right) == (["b #", "a"], ["d"])
    assert diff_normalized([], []) == ([], [])
