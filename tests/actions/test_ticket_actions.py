"""Ticket, checklist and issue-link actions on a real database, without a QApplication."""

from __future__ import annotations

import pytest

from cre_desk.actions import checklist, issue_links, tickets
from cre_desk.core.tickets import TicketFields
from cre_desk.errors import ConflictError, UserError
from cre_desk.logs.rules import Finding


def _finding(*, missing=False, polarity="+", refs=("iam_not_shown:B-segment",),
             lines=("user not in segment",)):
    return Finding(rule_id="R-1", area="B", polarity=polarity, title="Segment check",
                   line_nos=(4,) * len(lines), count=len(lines), lines=lines, captures=(), missing=missing,
                   checklist=refs)


@pytest.fixture
def ticket(service):
    return tickets.create_ticket(service, TicketFields(title="Coupon not shown", symptom="iam_not_shown"),
                                 actor="aki")


def test_create_and_save_keep_a_teammates_save_instead_of_overwriting_it(service, ticket):
    assert [e.item_key for e in ticket.checklist] == ["D-sdk-init", "B-segment", "C-event"]
    assert ticket.history[0].actor == "aki"
    renamed = TicketFields(title="Coupon never shown", symptom="iam_not_shown")
    theirs = tickets.save_ticket(service, ticket, renamed, actor="ben")
    with pytest.raises(ConflictError) as raised:
        tickets.save_ticket(service, ticket, TicketFields(title="Mine", symptom="iam_not_shown"), actor="aki")
    assert raised.value.theirs.fields.title == "Coupon never shown"
    assert service.get_ticket(ticket.id).fields.title == theirs.fields.title


def test_deleting_a_ticket_deletes_its_attached_files(service, ticket, tmp_path):
    log = tmp_path / "device.log"
    log.write_text("line\n")
    record = service.attach_file(ticket.id, log)
    stored = service.attachment_path(record)
    assert stored.is_file()
    tickets.delete_ticket(service, ticket.id)
    assert not stored.exists() and not stored.parent.exists()
    with pytest.raises(UserError):
        service.get_ticket(ticket.id)


def test_set_verdict_conflicts_with_a_teammates_verdict(service, ticket):
    entry = ticket.checklist[1]
    saved = checklist.set_verdict(service, entry, "confirmed", "seen in log", actor="aki")
    assert (saved.verdict, saved.evidence, saved.updated_by) == ("confirmed", "seen in log", "aki")
    with pytest.raises(ConflictError):
        checklist.set_verdict(service, entry, "ruled_out", "", actor="ben")   # still the old version


def test_accepting_a_finding_quotes_it_where_it_points_and_raises_the_verdict(service, ticket):
    plan = checklist.finding_quote(ticket, _finding(polarity="!"), "device.log")
    assert [e.item_key for e in plan.targets] == ["B-segment"]
    assert checklist.accept_finding(service, plan, actor="aki") == 1
    item = {e.item_key: e for e in service.get_ticket(ticket.id).checklist}["B-segment"]
    assert item.evidence == "[device.log:5] user not in segment"
    assert item.verdict == "suspected"
    missing = checklist.finding_quote(ticket, _finding(missing=True, lines=()), "device.log")
    assert missing.quote == "[device.log] Expected line never appears: Segment check"
    other = checklist.finding_quote(ticket, _finding(refs=("push_not_delivered:B-segment",)), "device.log")
    assert other.targets == () and checklist.accept_finding(service, other, actor="aki") == 0


def test_a_positive_finding_adds_evidence_without_deciding_the_verdict(service, ticket):
    plan = checklist.finding_quote(ticket, _finding(), "device.log")
    checklist.accept_finding(service, plan, actor="aki")
    item = {e.item_key: e for e in service.get_ticket(ticket.id).checklist}["B-segment"]
    assert item.verdict == "not_checked" and "user not in segment" in item.evidence


def test_quoting_a_line_offers_its_findings_causes_first_and_keeps_the_note(service, ticket):
    ordered = checklist.ordered_for_line(ticket, [_finding()], 4)
    assert [e.item_key for e in ordered] == ["B-segment", "D-sdk-init", "C-event"]
    assert [e.item_key for e in checklist.ordered_for_line(ticket, [_finding()], 9)][0] == "D-sdk-init"
    saved = checklist.quote_line(service, ordered[0], "device.log", 4, "  user not in segment ", note="why",
                                 actor="aki")
    assert saved.evidence == "[device.log:5] user not in segment\n  — why"


class _GitHub:
    def __init__(self) -> None:
        self.filed: list[tuple[str, str, str, str]] = []

    def create_issue(self, owner, repo, title, body):
        self.filed.append((owner, repo, title, body))
        return f"https://github.com/{owner}/{repo}/issues/12"


def test_issues_link_by_address_and_filing_one_links_it(service, ticket):
    link = issue_links.link_issue(service, ticket.id, "https://github.com/acme/sdk/issues/7")
    assert (link.owner, link.repo, link.number) == ("acme", "sdk", 7)
    with pytest.raises(UserError):
        issue_links.link_issue(service, ticket.id, "not an issue")
    github = _GitHub()
    url = issue_links.create_issue(service, github, ticket.id, "acme", "sdk")
    assert url.endswith("/issues/12")
    assert github.filed[0][2] == "Coupon not shown"
    assert sorted(x.number for x in service.list_issue_links(ticket.id)) == [7, 12]
