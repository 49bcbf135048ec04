"""Plain ticket records passed between the database layer and the views (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from cre_desk.core.vocabulary import Category, Platform, Role, Status, Symptom
from cre_desk.errors import UserError

MAX_TITLE = 500
MAX_TAG = 100


@dataclass(frozen=True)
class TicketFields:
    """What a person edits on the Overview form."""

    title: str
    customer: str = ""
    app_name: str = ""
    requester_name: str = ""
    requester_role: str = Role.MARKETER
    platform: str = Platform.ANDROID
    os_version: str = ""
    sdk_name: str = ""
    sdk_version: str = ""
    app_version: str = ""
    symptom: str = Symptom.IAM_NOT_SHOWN
    category: str = Category.TROUBLESHOOTING
    priority: str = "normal"
    tags: tuple[str, ...] = ()
    assignee: str = ""
    team: str = ""
    asked: str = ""
    goal: str = ""
    notes: str = ""

    def validated(self) -> TicketFields:
        """Return a cleaned copy or raise UserError naming the field to fix."""
        title = " ".join(self.title.split())
        if not title:
            raise UserError("A ticket needs a title. Summarise the customer's question in a few words.")
        if len(title) > MAX_TITLE:
            raise UserError(f"The title is too long ({len(title)} characters; at most {MAX_TITLE}).")
        for name, enum in (("requester_role", Role), ("platform", Platform), ("symptom", Symptom),
                           ("category", Category)):
            value = getattr(self, name)
            if value not in {e.value for e in enum}:
                raise UserError(f"Unknown {name.replace('_', ' ')}: {value!r}.")
        return replace(self, title=title, tags=normalise_tags(self.tags))


def normalise_tags(tags) -> tuple[str, ...]:
    """Trim, lower-case, de-duplicate and sort tags; commas inside one tag split it."""
    seen: set[str] = set()
    for raw in tags:
        for piece in str(raw).split(","):
            tag = " ".join(piece.strip().lower().split())[:MAX_TAG]
            if tag:
                seen.add(tag)
    return tuple(sorted(seen))


@dataclass(frozen=True)
class StatusChange:
    at: datetime
    from_status: str | None
    to_status: str
    pause_reason: str | None = None
    actor: str = ""
    note: str = ""


@dataclass(frozen=True)
class ChecklistEntry:
    id: int
    symptom: str
    item_key: str
    area: str
    position: int
    title: str
    verdict: str
    evidence: str
    version: int
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class MessageRecord:
    id: int
    author_name: str
    from_customer: bool
    public: bool
    body: str
    created_at: datetime


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    file_name: str
    stored_path: str
    size: int
    sha256: str
    added_at: datetime


@dataclass(frozen=True)
class TicketSummary:
    """One row of the ticket queue."""

    id: int
    title: str
    customer: str
    status: str
    category: str
    symptom: str
    assignee: str
    platform: str
    sdk_name: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None = None
    deadline: datetime | None = None      # when the resolution target is breached (None: paused or no target)
    at_risk_at: datetime | None = None
    clock_state: str = ""                 # met / breached for resolved tickets, as last computed
    allowed_business_s: float | None = None   # the target's allowance (None: no target)
    used_business_s: float | None = None      # active business time used as of ``clock_as_of``
    clock_as_of: datetime | None = None       # when the stored clock was computed


@dataclass(frozen=True)
class TicketDetail:
    """Everything the ticket pane shows, loaded in one go."""

    id: int
    fields: TicketFields
    status: str
    source: str
    external_id: str | None
    external_url: str
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    version: int
    history: tuple[StatusChange, ...] = ()
    checklist: tuple[ChecklistEntry, ...] = ()
    messages: tuple[MessageRecord, ...] = ()
    attachments: tuple[AttachmentRecord, ...] = ()
    extra: dict = field(default_factory=dict)
    #: The helpdesk account an imported ticket belongs to (replies go there and nowhere else).
    account_id: str = ""


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows: any empty field means 'all'."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    assignee: str = ""
    category: str = ""
    tag: str = ""
    include_closed: bool = True
    limit: int = 1000  # the queue shows the newest 1,000 matches; search and filters reach the rest

    def is_open_only(self) -> bool:
        return not self.include_closed and not self.statuses

    @staticmethod
    def open_statuses() -> tuple[str, ...]:
        return tuple(s.value for s in Status if s not in (Status.SOLVED, Status.CLOSED))


@dataclass(frozen=True)
class MarkRecord:
    """A marked log line with the engineer's note."""

    id: int
    ticket_id: int
    attachment_id: int
    log_name: str
    line_no: int          # 0-based; shown 1-based
    line_text: str
    note: str
    created_by: str
    created_at: datetime

    def citation(self) -> str:
        """How the mark reads when quoted as evidence or in a reply."""
        text = f"[{self.log_name}:{self.line_no + 1}] {self.line_text.strip()}"
        return f"{text}\n  — {self.note.strip()}" if self.note.strip() else text


@dataclass(frozen=True)
class DraftRecord:
    """The saved reply draft of a ticket."""

    ticket_id: int
    language: str
    audience: str
    summary: str
    cause: str
    fix: str
    developer_block: str
    generated_json: str
    updated_by: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class SentReplyRecord:
    id: int
    ticket_id: int
    language: str
    audience: str
    body: str
    channel: str
    external_id: str | None
    sent_by: str
    sent_at: datetime


@dataclass(frozen=True)
class IssueLinkRecord:
    """A GitHub issue a ticket is waiting on, with the state last read from GitHub."""

    id: int
    ticket_id: int
    owner: str
    repo: str
    number: int
    url: str
    title: str
    state: str
    state_reason: str
    closed_at: datetime | None
    etag: str
    checked_at: datetime | None
    notified: bool

    @property
    def ref(self) -> str:
        return f"{self.owner}/{self.repo}#{self.number}"
