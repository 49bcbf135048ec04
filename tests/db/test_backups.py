"""D-6: a backup after any change (drafts too), none without one, and one before a delete or an import."""

from __future__ import annotations

import sqlite3

from cre_desk.config import default_paths
from cre_desk.core.tickets import TicketFields
from cre_desk.db import safety
from cre_desk.db.workspace import open_workspace


def _titles(backup):
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM tickets ORDER BY id")]
    finally:
        conn.close()


def _draft(backup):
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT summary FROM reply_drafts")]
    finally:
        conn.close()


def test_d6_periodic_backup_follows_every_change_including_draft_only_edits_and_none_without(tmp_path):
    ws = open_workspace(default_paths(tmp_path / "home"))
    try:
        ticket = ws.tickets.create_ticket(TicketFields(title="Coupon not shown"))
        first = ws.backup_if_changed()
        assert first is not None and safety.check_file(first).ok
        assert ws.backup_if_changed() is None                     # nothing changed: no new backup
        ws.tickets.save_draft(ticket.id, language="en", audience="marketer", summary="Only the draft changed",
                              cause="", fix="")
        second = ws.backup_if_changed()
        assert second is not None and _draft(second) == ["Only the draft changed"]
        assert ws.backup_if_changed() is None
    finally:
        ws.close()


def test_d6_deleting_a_ticket_is_preceded_by_a_backup_that_still_holds_it(tmp_path):
    ws = open_workspace(default_paths(tmp_path / "home"))
    try:
        ticket = ws.tickets.create_ticket(TicketFields(title="About to be deleted"))
        ws.tickets.delete_ticket(ticket.id)
        backups = safety.list_backups(ws.paths.backups_dir)
        assert [b for b in backups if "before-delete" in b.name]
        assert _titles(next(b for b in backups if "before-delete" in b.name)) == ["About to be deleted"]
    finally:
        ws.close()


def test_d6_an_import_is_preceded_by_a_backup(tmp_path):
    from cre_desk.db.imports import ImportStore, import_all

    class EmptyHelpdesk:
        name = "zendesk"

        def fetch_page(self, cursor, since):
            return type("Page", (), {"tickets": [], "next_cursor": None, "since": since, "done": True})()

    ws = open_workspace(default_paths(tmp_path / "home"))
    try:
        ws.tickets.create_ticket(TicketFields(title="Before the import"))
        try:
            import_all(ImportStore(ws.tickets), EmptyHelpdesk(), "zd", temp_dir=tmp_path / "sync")
        except Exception:  # noqa: BLE001 - only the backup taken first matters here
            pass
        backups = [b for b in safety.list_backups(ws.paths.backups_dir) if "before-import" in b.name]
        assert backups and _titles(backups[0]) == ["Before the import"]
    finally:
        ws.close()
