"""The demo workspace: a handful of realistic tickets with histories and sample logs, so a newcomer
sees a working product at once. Loading twice adds nothing the second time."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from importlib import resources as importlib_resources
from pathlib import Path

from cre_desk import resource_files
from cre_desk.core.tickets import TicketFields, TicketSummary

SOURCE = "demo"


def demo_tickets() -> list[dict]:
    return resource_files.read_json("demo", "tickets.json")["tickets"]


def _item_ids_for(detail, selector: str, rule_index) -> list:
    """Checklist entries a demo verdict refers to: ``rule:ID`` (via the rule index) or an item key."""
    if selector.startswith("rule:"):
        keys = {key for symptom, key in rule_index.get(selector[5:], []) if symptom == detail.fields.symptom}
    else:
        keys = {selector}
    return [e for e in detail.checklist if e.item_key in keys]


def load_demo(service, now: datetime | None = None, feedback=None) -> int:
    """Create the demo tickets that are not there yet; return how many were added.

    With ``feedback`` (a ``db.feedback.FeedbackStore``) a year of tagged product-feedback tickets comes too.
    """
    from cre_desk.core import checklist

    now = now or datetime.now(UTC)
    rule_index = checklist.rule_index(checklist.load_templates())
    existing = {s.title for s in service.list_queue() if isinstance(s, TicketSummary)}
    added = 0
    for spec in demo_tickets():
        if spec["title"] in existing:
            continue
        created = now - timedelta(days=spec["created_days_ago"])
        fields = TicketFields(**{k: spec[k] for k in (
            "title", "customer", "app_name", "requester_name", "requester_role", "platform", "os_version",
            "sdk_name", "sdk_version", "app_version", "symptom", "category", "priority", "assignee", "asked",
            "goal", "notes")}, tags=tuple(spec["tags"]))
        ticket = service.create_ticket(fields, actor=spec["assignee"] or "demo", created_at=created,
                                       source=SOURCE, external_id=spec["key"])
        for message in spec["messages"]:
            service.add_message(ticket.id, message["body"], author_name=message["author"],
                                from_customer=message["from_customer"],
                                created_at=now - timedelta(days=message["days_ago"]))
        for status, days_ago in spec["history"]:
            service.change_status(ticket.id, status, actor=spec["assignee"] or "demo",
                                  at=now - timedelta(days=days_ago))
        if "first_response_days_ago" in spec:
            service.record_first_response(ticket.id, now - timedelta(days=spec["first_response_days_ago"]))
        for name in spec["logs"]:
            with importlib_resources.as_file(resource_files.path("demo", "logs", name)) as path:
                _attach(service, ticket.id, Path(path), name)
        detail = service.get_ticket(ticket.id)
        for selector, (verdict, evidence) in spec["verdicts"].items():
            for entry in _item_ids_for(detail, selector, rule_index):
                service.set_verdict(entry.id, verdict=verdict, evidence=evidence, expected_version=entry.version,
                                    actor=spec["assignee"])
        added += 1
    if feedback is not None:
        from cre_desk.core.demo_feedback import load_feedback_demo

        added += load_feedback_demo(service, feedback, now, feedback.external_ids(SOURCE))
    return added


def _attach(service, ticket_id: int, path: Path, name: str) -> None:
    if path.is_file():
        service.attach_file(ticket_id, path, file_name=name)
        return
    with tempfile.TemporaryDirectory() as tmp:  # resources inside an archive: copy out first
        target = Path(tmp) / name
        target.write_bytes(path.read_bytes())
        service.attach_file(ticket_id, target, file_name=name)
