"""Opening a ticket's logs unpacks archives into a folder the action owns and empties again."""

from __future__ import annotations

import gzip

import pytest

from cre_desk.actions.ticket_logs import open_ticket_logs
from cre_desk.core.tickets import TicketFields


@pytest.fixture
def ticket(service, tmp_path):
    ticket = service.create_ticket(TicketFields(title="Coupon not shown"))
    plain = tmp_path / "device.log"
    plain.write_text("10:00 start\n")
    packed = tmp_path / "bundle.log.gz"
    packed.write_bytes(gzip.compress(b"10:01 from the archive\n"))
    broken = tmp_path / "broken.gz"
    broken.write_bytes(b"\x1f\x8b" + b"\x00" * 64)
    for path in (plain, packed, broken):
        service.attach_file(ticket.id, path)
    return service.get_ticket(ticket.id)


def test_logs_open_unpacked_and_every_copy_goes_on_close(service, ticket, tmp_path):
    work = tmp_path / "temp" / f"ticket-{ticket.id}"
    logs = open_ticket_logs(service, ticket.attachments, work)
    by_name = {c.name: c for c in logs.choices}
    assert "device.log" in by_name, logs.choices
    unpacked = [c for c in logs.choices if c.path.is_relative_to(work)]
    assert len(unpacked) == 1 and unpacked[0].path.read_text() == "10:01 from the archive\n"
    assert any(n.startswith("broken.gz") for n in logs.notices), logs.notices   # said; the rest still open
    baseline = logs.write_baseline("android", "known good\n")
    packed = next(a for a in ticket.attachments if a.file_name == "bundle.log.gz")
    logs.release_attachment(packed.id)
    assert not unpacked[0].path.exists() and baseline.exists()
    assert all(c.attachment_id != packed.id for c in logs.choices)
    logs.close()
    assert not work.exists() and logs.choices == []
    assert service.attachment_path(ticket.attachments[0]).exists(), "the attached files themselves stay"
