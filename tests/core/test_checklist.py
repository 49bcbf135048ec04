"""The shipped cause checklists: complete, ordered as vendors teach them, and strictly validated."""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass

import pytest

from cre_desk.core import checklist
from cre_desk.core.vocabulary import Symptom

#: The log-rule ids of the troubleshooting knowledge's seed catalogue (section 3.5).
CATALOGUE = {f"FIAM-{n:02d}" for n in range(1, 15)} | {f"BRZ-{n:02d}" for n in range(0, 23)} | {
    f"OS-{n:02d}" for n in range(1, 8)} | {"AIR-01", "AIR-02", "CT-01"} | {f"SYS-{n:02d}" for n in range(1, 5)}


def test_every_symptom_has_a_checklist_with_items_in_all_five_areas_for_troubleshooting_symptoms():
    templates = checklist.load_templates()
    assert set(templates) == {s.value for s in Symptom}
    for symptom in ("iam_not_shown", "push_not_delivered", "events_not_recorded"):
        grouped = checklist.items_by_area(templates[symptom].items)
        assert all(grouped[area] for area in "ABCDE"), (symptom, {a: len(v) for a, v in grouped.items()})


def test_the_walk_starts_with_sdk_initialisation_and_session():
    for symptom in ("iam_not_shown", "push_not_delivered", "events_not_recorded"):
        first = checklist.template_for(symptom).items[0]
        assert first.area == "D"
        assert "session" in first.title.en.lower() or "initiali" in first.title.en.lower(), first.title.en


def test_in_app_message_checklist_covers_every_documented_cause():
    # Section 3.1 of the troubleshooting knowledge lists 10 + 6 + 6 + 9 + 5 causes.
    grouped = checklist.items_by_area(checklist.template_for("iam_not_shown").items)
    assert {a: len(v) for a, v in grouped.items()} == {"A": 10, "B": 6, "C": 6, "D": 9, "E": 5}


def test_every_text_is_written_in_english_and_japanese():
    for template in checklist.load_templates().values():
        for item in template.items:
            for field in ("title", "question", "how_to_verify", "plain_cause", "fix"):
                label = getattr(item, field)
                assert label.en.strip() and label.ja.strip(), (template.symptom, item.key, field)
                assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", label.ja), (item.key, field, label.ja)


def test_log_patterns_are_valid_and_rule_ids_exist_in_the_catalogue():
    for template in checklist.load_templates().values():
        for item in template.items:
            for pattern in item.log_patterns:
                re.compile(pattern)
            unknown = set(item.rule_ids) - CATALOGUE
            assert not unknown, (item.key, unknown)


def test_braze_log_lines_match_the_items_they_are_evidence_for():
    items = {i.key: i for i in checklist.template_for("iam_not_shown").items}
    line = "No activity is currently registered to receive in-app messages. Saving in-app message as unregistered"
    assert any(re.search(p, line) for p in items["d_display_manager_not_registered"].log_patterns)
    assert not any(re.search(p, line) for p in items["a_control_group"].log_patterns)


def test_rule_index_points_rules_at_items():
    index = checklist.rule_index(checklist.load_templates())
    assert ("iam_not_shown", "d_app_code_suppresses") in index["OS-01"]
    assert any(symptom == "push_not_delivered" for symptom, _ in index["SYS-01"])


def _valid_document():
    return copy.deepcopy(json.loads(json.dumps({
        "symptom": "other", "schema_version": 1, "title": {"en": "Other", "ja": "その他"},
        "scoping_questions": [],
        "items": [{"key": "d_x", "area": "D", **{f: {"en": "x", "ja": "エックス"} for f in (
            "title", "question", "how_to_verify", "plain_cause", "fix")}, "log_patterns": ["a+"]}],
    })))


@pytest.mark.parametrize("damage, message", [
    (lambda d: d.update(schema_version=2), "schema_version 2"),
    (lambda d: d["items"][0]["title"].pop("ja"), "'ja' text is missing"),
    (lambda d: d["items"][0].update(area="F"), "area 'F'"),
    (lambda d: d["items"][0].update(log_patterns=["(unclosed"]), "not a valid expression"),
    (lambda d: d["items"].append(copy.deepcopy(d["items"][0])), "used twice"),
    (lambda d: d.update(items=[]), "no items"),
])
def test_a_broken_template_is_rejected_with_a_message_naming_the_problem(damage, message):
    document = _valid_document()
    checklist.parse_template(document, "checklists/other.json")  # the undamaged one is fine
    damage(document)
    with pytest.raises(checklist.TemplateError, match=re.escape(message)):
        checklist.parse_template(document, "checklists/other.json")


@dataclass
class _Entry:
    item_key: str
    position: int
    verdict: str
    area: str = "A"


def test_progress_and_next_unchecked_follow_walk_order():
    entries = [_Entry("a", 0, "ruled_out"), _Entry("b", 1, "not_checked"), _Entry("c", 2, "confirmed"),
               _Entry("d", 3, "not_checked")]
    result = checklist.progress(entries)
    assert (result.decided, result.total, result.confirmed_causes) == (2, 4, ("c",))
    assert checklist.next_unchecked(entries).item_key == "b"
    assert checklist.next_unchecked(entries, after_key="b").item_key == "d"
    assert checklist.next_unchecked(entries, after_key="d").item_key == "b"  # wraps round
    assert checklist.next_unchecked([_Entry("a", 0, "ruled_out")]) is None
