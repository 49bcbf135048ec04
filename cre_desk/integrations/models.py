"""Provider-neutral records for helpdesk data, and the ``Provider`` protocol every helpdesk client implements.

Why this exists: the sync code, the database import and the UI must not care whether a ticket came from
Zendesk or Intercom. Each provider converts its vendor JSON into these frozen records (bodies already plain
text, statuses already mapped to ``cre_desk.core.vocabulary.Status`` values) and keeps the raw JSON alongside
for fidelity and re-processing. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class RemoteAttachment:
    external_id: str
    file_name: str
    size: int | None
    url: str
    content_type: str = ""


@dataclass(frozen=True)
class RemoteMessage:
    external_id: str
    author_name: str
    from_customer: bool
    public: bool
    body: str  # PLAIN text: HTML is converted to text, never rendered
    created_at: datetime
    attachments: tuple[RemoteAttachment, ...] = ()
    raw_json: str = field(default="", repr=False)


@dataclass(frozen=True)
class RemoteTicket:
    external_id: str
    url: str
    title: str
    requester_name: str
    customer: str
    status: str  # one of cre_desk.core.vocabulary.Status values
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None = None
    #: low | normal | high | urgent; None when the helpdesk has no priority (Help Scout)
    priority: str | None = None
    #: The assigned agent's name, "" when unassigned; None when the helpdesk did not say
    assignee: str | None = None
    #: Custom fields flattened to text, e.g. {"custom_fields.360001234": "5.2.1"} (``core.field_mapping``)
    fields: dict[str, str] = field(default_factory=dict)
    messages: tuple[RemoteMessage, ...] = ()
    raw_json: str = field(default="", repr=False)


@dataclass(frozen=True)
class SyncPage:
    """One page of changes. ``cursor`` None on the last page means the provider has no durable cursor: the
    next sync starts again from the newest ``updated_at`` seen (see ``db.imports.import_all``)."""

    tickets: list[RemoteTicket]
    cursor: str | None
    done: bool
    #: Things the user should know about this page (a conversation cut by the vendor's limits, say).
    problems: tuple[str, ...] = ()


@runtime_checkable
class Provider(Protocol):
    name: str  # "zendesk" | "intercom"

    def test_connection(self) -> str:
        """Return the account/admin display name, or raise an IntegrationError."""
        ...

    def fetch_page(self, cursor: str | None, since: datetime | None) -> SyncPage:
        """One page of changed tickets, messages included; pass the returned cursor back to continue."""
        ...

    def download(self, attachment: RemoteAttachment, dest: Path, max_bytes: int) -> int:
        """Stream an attachment to ``dest``; returns the byte count."""
        ...

    def post_reply(self, ticket_external_id: str, body: str, *, public: bool, marker: str) -> str:
        """Post ``body`` as a reply or internal note; returns the remote message id.

        ``marker`` identifies this reply for reconciliation. It must never be added to what the customer
        reads: keep it in a hidden field (Zendesk: the update's custom audit metadata) or, where the API has
        none, remember the reply (author, text, time) to recognise it (Intercom). ``posting.post_once`` calls
        this at most once per marker unless ``find_reply`` has just said the earlier attempt is absent.
        """
        ...

    def find_reply(self, ticket_external_id: str, marker: str) -> str | None:
        """The id of the message that the post carrying ``marker`` became, or None if it is not there."""
        ...
