"""Conflicts as data: stored as JSON, older sentences still read, decided field by field."""

from __future__ import annotations

from cre_desk.core import sync_conflicts as sc
from cre_desk.core.sync_conflicts import FieldConflict


def test_round_trip_merge_and_decide_one_field():
    status = FieldConflict("status", "waiting_customer", "on_hold")
    who = FieldConflict("assignee", "Aki Sato", "")
    stored = sc.encode([status, who])
    assert sc.decode(stored) == [status, who]
    newer = FieldConflict("status", "waiting_customer", "solved")
    assert sc.decode(sc.merged(stored, [newer])) == [newer, who]   # one entry per field, newest values
    assert sc.decode(sc.without(stored, {"status"})) == [who]
    assert sc.without(stored, {"status", "assignee"}) == ""
    assert sc.describe(who, "Zendesk") == "assignee is Aki Sato here but nobody in Zendesk"


def test_sentences_written_by_earlier_versions_are_still_read():
    old = ("status is waiting customer here but on hold in the helpdesk; "
           "assignee is nobody here but Alex Agent in Zendesk; "
           "priority is high here but urgent in the helpdesk")
    assert sc.decode(old) == [
        FieldConflict("status", "waiting_customer", "on_hold"),
        FieldConflict("assignee", "", "Alex Agent"),
        FieldConflict("priority", "high", "urgent"),
    ]
    assert sc.decode("") == [] and sc.decode("something else entirely") == []
