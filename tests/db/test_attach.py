"""Attaching files: what is refused and why, redaction, cancelling, and removing an attachment."""

from __future__ import annotations

import threading

import pytest

from cre_desk.core.tickets import TicketFields
from cre_desk.db import attach
from cre_desk.errors import Cancelled


@pytest.fixture
def ticket(service):
    return service.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"), actor="aki")


def test_empty_binary_and_missing_files_are_refused_with_the_reason(service, ticket, tmp_path):
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    png = tmp_path / "screenshot.log"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    log = tmp_path / "device.log"
    log.write_text("11-20 10:14:02.118  1  1 D Braze: api_key=0123456789abcdef session ok\n")
    outcomes = attach.attach_files(service, ticket.id, [empty, png, tmp_path / "gone.log", tmp_path, log],
                                   temp_dir=tmp_path / "temp")
    assert [(o.name, o.status) for o in outcomes] == [
        ("empty.log", "empty"), ("screenshot.log", "binary"), ("gone.log", "not_a_file"),
        (tmp_path.name, "not_a_file"), ("device.log", "attached")]
    assert outcomes[1].detail == "png"
    assert outcomes[4].redacted == 1
    assert "empty" in attach.describe(outcomes[0]) and "PNG image" in attach.describe(outcomes[1])
    stored = service.get_ticket(ticket.id).attachments
    assert [a.file_name for a in stored] == ["device.log"]
    assert "0123456789abcdef" not in service.attachment_path(stored[0]).read_text()
    assert not any((tmp_path / "temp").iterdir()), "no temporary copy is left behind"


def test_the_same_content_twice_is_attached_once_and_said_so(service, ticket, tmp_path):
    log = tmp_path / "device.log"
    log.write_text("line\n")
    attach.attach_files(service, ticket.id, [log], temp_dir=tmp_path / "temp")
    again = attach.attach_files(service, ticket.id, [log], temp_dir=tmp_path / "temp")
    assert [o.status for o in again] == ["already_attached"]
    assert len(service.get_ticket(ticket.id).attachments) == 1


def test_cancelling_stops_within_a_block_and_leaves_nothing(service, ticket, tmp_path, monkeypatch):
    monkeypatch.setattr(attach, "BLOCK", 1024)
    archive = tmp_path / "bundle.gz"
    archive.write_bytes(b"\x1f\x8b" + b"x" * 100_000)
    stop = threading.Event()
    seen = []

    def progress(done, total, name):
        seen.append(done)
        if done >= 10_000:
            stop.set()

    with pytest.raises(Cancelled):
        attach.prepare([archive], tmp_path / "temp", redact=True, cancel=stop.is_set, progress=progress)
    assert max(seen) < 20_000, "the copy stopped soon after the cancel"
    assert not any((tmp_path / "temp").iterdir())
    assert service.get_ticket(ticket.id).attachments == ()


def test_progress_counts_the_bytes_of_every_file(service, ticket, tmp_path):
    a, b = tmp_path / "a.log", tmp_path / "b.gz"
    a.write_text("x\n" * 1000)
    b.write_bytes(b"\x1f\x8b" + b"y" * 3000)
    seen = []
    attach.attach_files(service, ticket.id, [a, b], temp_dir=tmp_path / "temp",
                        progress=lambda done, total, name: seen.append((done, total, name)))
    assert seen[-1] == (5002, 5002, "b.gz")
    assert {name for _d, _t, name in seen} == {"a.log", "b.gz"}


def test_removing_an_attachment_deletes_its_copy_and_its_marks(service, ticket, tmp_path):
    log = tmp_path / "device.log"
    log.write_text("one\ntwo\n")
    record = service.attach_file(ticket.id, log)
    service.add_mark(ticket.id, record.id, 1, "two", log_name="device.log", note="", actor="aki")
    copy = service.attachment_path(record)
    assert copy.exists()
    removed = service.remove_attachment(record.id)
    assert removed.file_name == "device.log"
    assert not copy.exists() and not list(copy.parent.iterdir())
    assert log.exists(), "the original file is not touched"
    assert service.get_ticket(ticket.id).attachments == ()
    assert service.list_marks(ticket.id) == []
    from cre_desk.errors import UserError

    with pytest.raises(UserError):
        service.remove_attachment(record.id)


def test_a_very_long_name_is_shortened_but_keeps_its_extension(service, ticket, tmp_path):
    log = tmp_path / ("customer-device-export-" + "very-long-name-" * 12 + ".log")
    log.write_text("line\n")
    record = service.attach_file(ticket.id, log)
    assert len(record.file_name) == 150 and record.file_name.endswith("-long-name-ver.log")
    assert service.attachment_path(record).name == record.file_name


def test_the_command_line_attaches_as_the_button_does(tmp_path, capsys):
    from cre_desk import cli
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    home = tmp_path / "home"
    workspace = open_workspace(default_paths(home))
    fields = TicketFields(title="Coupon", symptom="iam_not_shown")
    ticket = workspace.tickets.create_ticket(fields, actor="aki")
    workspace.close()
    log = tmp_path / "device.log"
    log.write_text("11-20 10:14:02.118  1  1 I Shop: login mika@example.co.jp\n")
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    assert cli.main(["--home", str(home), "attach", str(ticket.id), str(log), str(empty)]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == "device.log: attached (1 secret(s) or e-mail address(es) removed)"
    assert err.strip().startswith("empty.log: not attached: the file is empty")
    assert cli.main(["--home", str(home), "attach", str(ticket.id), str(log)]) == 0
    assert "already attached" in capsys.readouterr().out
    assert cli.main(["--home", str(home), "attach", "999", str(log)]) == 1
    assert "no longer exists" in capsys.readouterr().err
