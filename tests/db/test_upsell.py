"""Upsell signals: flagged on a ticket with a note, listed for account managers in their own section of the
customer-voice report (escaped like every customer word), never counted in the support figures."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from cre_desk.core import voice, voice_export
from cre_desk.core.tickets import TicketFields
from cre_desk.db.upsell import UpsellStore
from cre_desk.db.voice import build_voice_report
from cre_desk.errors import UserError

NOTE = '=HYPERLINK("http://evil.example") <script>alert(1)</script> asked about the price of 10M MAU'


def test_signals_go_to_their_own_section_of_the_quarter(service):
    asked = service.create_ticket(
        TicketFields(title="Segment export", customer="Acme", category="feature_request"),
        created_at=datetime(2026, 8, 1, tzinfo=UTC),
    )
    clocks = iter([datetime(2026, 8, 2, tzinfo=UTC), datetime(2026, 6, 2, tzinfo=UTC)])
    store = UpsellStore(service.db, clock=lambda: next(clocks))
    flagged = store.flag(asked.id, "  Data export   add-on ", NOTE, actor="aki")
    assert (flagged.feature, flagged.customer, flagged.flagged_by) == ("Data export add-on", "Acme", "aki")
    store.flag(asked.id, "Premium support")  # flagged in Q2: not in the Q3 report
    assert [s.feature for s in store.of_ticket(asked.id)] == ["Data export add-on", "Premium support"]

    report = build_voice_report(service.db, voice.quarter("2026Q3"), UTC)
    assert [(u.customer, u.feature, u.ticket_id) for u in report.upsell] == [
        ("Acme", "Data export add-on", asked.id)
    ]
    assert report.tickets == 1 and report.customers == 1  # the support figures do not move
    assert report.to_json()["upsell"][0]["note"] == NOTE
    page = voice_export.to_html(report)
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "Upsell signals" in page
    rows = [r for r in csv.reader(io.StringIO(voice_export.to_csv(report))) if r[1] == "upsell"]
    assert rows[0][3] == "Data export add-on" and rows[0][15].startswith("'=") and rows[0][16] == "Acme"
    page_ja = voice_export.to_markdown(report, "ja")
    assert "Data export add-on" in page_ja and "アップセル" in page_ja


def test_empty_feature_is_refused_and_a_deleted_ticket_takes_its_signals(service):
    ticket = service.create_ticket(TicketFields(title="Quota", customer="Beta"))
    store = UpsellStore(service.db)
    with pytest.raises(UserError):
        store.flag(ticket.id, "   ")
    signal = store.flag(ticket.id, "Higher quota")
    store.remove(signal.id)
    assert store.of_ticket(ticket.id) == []
    store.flag(ticket.id, "Higher quota")
    service.delete_ticket(ticket.id)
    assert store.of_ticket(ticket.id) == []
    with pytest.raises(UserError, match="no longer exists"):
        store.flag(ticket.id, "Higher quota")
