"""Writing an engineer's status, tag and priority changes back to each helpdesk, never over someone else's.

Why this exists: the helpdesk stays the team's record, so a ticket solved or re-prioritised in CRE Desk must
be solved or re-prioritised there too. Every write follows the same steps: read the helpdesk's current
values, let the caller compare them with the values last imported (a field changed on both sides is a
conflict the engineer resolves, never overwritten), then set absolute values. Setting a value is
idempotent, so a write whose answer was lost is checked by reading again, never sent blindly twice; Zendesk
additionally refuses the write (409) when the ticket changed after our read (``safe_update``).

Each helpdesk's documented requests:

* Zendesk: ``GET``/``PUT /api/v2/tickets/{id}.json`` with ``status``, ``priority``, ``tags`` and
  ``safe_update`` + ``updated_stamp``.
* Freshdesk: ``GET``/``PUT /api/v2/tickets/{id}`` with ``status`` (2-5), ``priority`` (1-4), ``tags``.
* Help Scout: ``GET /v2/conversations/{id}``; ``PATCH`` it with ``{"op": "replace", "path": "/status"}``;
  ``PUT /v2/conversations/{id}/tags``. Help Scout has no priority.
* Intercom: ``GET /conversations/{id}``; ``POST /conversations/{id}/parts`` with ``message_type`` open,
  close or assignment (``assignee_id`` a teammate from ``GET /admins``, "0" for nobody); ``POST /tags``
  (create or find by name), ``POST``/``DELETE /conversations/{id}/tags``. Intercom 2.11's "update a
  conversation" takes no priority (only ``read`` and custom attributes): priority is imported, never
  written.

Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

from cre_desk.core.vocabulary import Status
from cre_desk.integrations.http_errors import AuthFailed, IntegrationError, NotFound, ReplyUncertain

PRIORITIES = ("low", "normal", "high", "urgent")
_FRESHDESK_PRIORITY = {1: "low", 2: "normal", 3: "high", 4: "urgent"}
_VENDOR = {"zendesk": "Zendesk", "freshdesk": "Freshdesk", "helpscout": "Help Scout", "intercom": "Intercom"}


@dataclass(frozen=True)
class FieldValues:
    """A ticket's writable fields as the helpdesk shows them now, in our vocabulary."""

    status: str
    tags: tuple[str, ...]
    priority: str | None  # None: this helpdesk has no priority
    stamp: str = ""  # Zendesk's updated_at, for safe_update
    assignee: str | None = None  # the agent's name, "" when unassigned, None when it cannot be told


@dataclass(frozen=True)
class FieldChange:
    """What to set; None leaves a field as it is."""

    status: str | None = None
    tags: tuple[str, ...] | None = None
    priority: str | None = None
    assignee: str | None = None  # the helpdesk's id of the agent; "" unassigns

    def empty(self) -> bool:
        return self.status is None and self.tags is None and self.priority is None and self.assignee is None


class UnknownAgent(IntegrationError):
    """The assignee typed here is no agent of the helpdesk: that field waits, the others are sent."""


def _pick_agent(vendor: str, name: str, agents) -> str:
    """The id of the agent called ``name`` (or with that e-mail) among ``(id, name, email)``; "" unassigns."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return ""
    for agent_id, agent_name, email in agents:
        if wanted in (" ".join(str(agent_name or "").split()).casefold(), str(email or "").casefold()):
            return str(agent_id)
    raise UnknownAgent(
        f"no {vendor} agent is called “{name}”: type the assignee as {vendor} shows the agent's name (or "
        "e-mail), or assign the ticket in the helpdesk; the other changes were sent."
    )


class UpdateConflict(IntegrationError):
    """The helpdesk changed the ticket between our read and our write: nothing was written."""


# -- reading priorities (used by the importers) ------------------------------------------------------


def zendesk_priority(value) -> str:
    """Zendesk's priority (urgent/high/normal/low, or null when unset: read as normal)."""
    text = str(value or "").lower()
    return text if text in PRIORITIES else "normal"


def freshdesk_priority(value) -> str:
    return _FRESHDESK_PRIORITY.get(value if isinstance(value, int) else 2, "normal")


def helpscout_person(value) -> str:
    """A Help Scout assignee object as a name ("" when nobody is assigned)."""
    if not isinstance(value, dict):
        return ""
    name = f"{value.get('first') or ''} {value.get('last') or ''}".strip()
    return name or str(value.get("email") or "")


def intercom_priority(value) -> str:
    """Intercom marks a conversation ``priority`` or ``not_priority``: high or normal here."""
    return "high" if str(value or "") == "priority" else "normal"


# -- one writer per helpdesk ---------------------------------------------------------------------------


class _Writer:
    vendor = "The helpdesk"
    has_priority = True
    has_assignee = True

    def agent_id(self, name: str) -> str:
        """The helpdesk's id for the agent called ``name`` ("" for nobody); raises UnknownAgent."""
        raise NotImplementedError

    def __init__(self, provider) -> None:
        self.provider = provider

    def status_key(self, status: str) -> str:
        """The helpdesk's value for our status: two of ours that it cannot tell apart compare equal."""
        raise NotImplementedError

    def priority_key(self, priority: str | None) -> str | None:
        return priority if self.has_priority else None

    def read(self, external_id: str) -> FieldValues:
        raise NotImplementedError

    def write(self, external_id: str, change: FieldChange, current: FieldValues) -> None:
        raise NotImplementedError


class ZendeskWriter(_Writer):
    vendor = "Zendesk"
    _OUT = {
        "new": "open",
        "open": "open",
        "waiting_customer": "pending",
        "waiting_engineering": "hold",
        "waiting_release": "hold",
        "on_hold": "hold",
        "solved": "solved",
        "closed": "closed",
    }

    def status_key(self, status: str) -> str:
        return self._OUT.get(status, "open")

    def read(self, external_id: str) -> FieldValues:
        from cre_desk.integrations.zendesk import _ticket_id, map_status

        data = self.provider._client.get(f"/api/v2/tickets/{_ticket_id(external_id)}.json").json  # noqa: SLF001
        ticket = data.get("ticket") if isinstance(data, dict) else None
        if not isinstance(ticket, dict):
            raise IntegrationError("Zendesk sent an unexpected answer (no “ticket”).")
        return FieldValues(
            map_status(ticket.get("status")),
            tuple(str(t) for t in ticket.get("tags") or []),
            zendesk_priority(ticket.get("priority")),
            str(ticket.get("updated_at") or ""),
            self._user_name(ticket.get("assignee_id")),
        )

    def _user_name(self, user_id) -> str | None:
        if not user_id:
            return ""
        known = self.provider._users.get(user_id)  # noqa: SLF001 - users seen during this sync
        if isinstance(known, dict) and known.get("name"):
            return str(known["name"])
        data = self.provider._client.get(f"/api/v2/users/{int(user_id)}.json").json  # noqa: SLF001
        user = data.get("user") if isinstance(data, dict) else None
        return str(user.get("name") or "") if isinstance(user, dict) else None

    def agent_id(self, name: str) -> str:
        if not name.strip():
            return ""
        data = self.provider._client.get("/api/v2/users/search.json", params={"query": name}).json  # noqa: SLF001
        users = data.get("users") if isinstance(data, dict) else None
        agents = [
            (u.get("id"), u.get("name"), u.get("email"))
            for u in users or []
            if isinstance(u, dict) and u.get("role") in ("agent", "admin") and u.get("active", True)
        ]
        return _pick_agent(self.vendor, name, agents)

    def write(self, external_id: str, change: FieldChange, current: FieldValues) -> None:
        from cre_desk.integrations.zendesk import _ticket_id

        body: dict[str, object] = {}
        if change.status is not None:
            body["status"] = self.status_key(change.status)
        if change.priority is not None:
            body["priority"] = change.priority
        if change.tags is not None:
            body["tags"] = list(change.tags)
        if change.assignee is not None:
            body["assignee_id"] = int(change.assignee) if change.assignee else None
        if current.stamp:
            body.update(safe_update=True, updated_stamp=current.stamp)
        try:
            self.provider._client.put(
                f"/api/v2/tickets/{_ticket_id(external_id)}.json",  # noqa: SLF001
                {"ticket": body},
            )
        except IntegrationError as exc:
            if exc.status == 409:
                raise UpdateConflict(
                    "Zendesk says the ticket changed while CRE Desk was updating it.", status=409
                ) from None
            raise


class FreshdeskWriter(_Writer):
    vendor = "Freshdesk"
    _OUT = {
        "new": 2,
        "open": 2,
        "waiting_customer": 3,
        "waiting_engineering": 2,
        "waiting_release": 2,
        "on_hold": 2,
        "solved": 4,
        "closed": 5,
    }
    _PRIORITY_OUT = {v: k for k, v in _FRESHDESK_PRIORITY.items()}

    def status_key(self, status: str) -> str:
        return str(self._OUT.get(status, 2))

    def read(self, external_id: str) -> FieldValues:
        from cre_desk.integrations.freshdesk import _ticket_id, map_status

        data = self.provider._client.get(f"/api/v2/tickets/{_ticket_id(external_id)}").json  # noqa: SLF001
        if not isinstance(data, dict) or "status" not in data:
            raise IntegrationError("Freshdesk sent an unexpected answer (no ticket status).")
        return FieldValues(
            map_status(data.get("status")),
            tuple(str(t) for t in data.get("tags") or [] if t),
            freshdesk_priority(data.get("priority")),
            str(data.get("updated_at") or ""),
            self._agent_name(data.get("responder_id")),
        )

    def _agent_name(self, agent_id) -> str | None:
        if not agent_id:
            return ""
        return self.provider._agent_names().get(agent_id)  # noqa: SLF001

    def agent_id(self, name: str) -> str:
        agents = self.provider._agent_names()  # noqa: SLF001
        return _pick_agent(self.vendor, name, [(i, n, "") for i, n in agents.items()])

    def write(self, external_id: str, change: FieldChange, current: FieldValues) -> None:
        from cre_desk.integrations.freshdesk import _ticket_id

        body: dict[str, object] = {}
        if change.status is not None:
            body["status"] = self._OUT.get(change.status, 2)
        if change.priority is not None:
            body["priority"] = self._PRIORITY_OUT.get(change.priority, 2)
        if change.tags is not None:
            body["tags"] = list(change.tags)
        if change.assignee is not None:
            body["responder_id"] = int(change.assignee) if change.assignee else None
        self.provider._client.put(f"/api/v2/tickets/{_ticket_id(external_id)}", body)  # noqa: SLF001


class HelpScoutWriter(_Writer):
    vendor = "Help Scout"
    has_priority = False
    _OUT = {
        "new": "active",
        "open": "active",
        "waiting_customer": "pending",
        "waiting_engineering": "pending",
        "waiting_release": "pending",
        "on_hold": "pending",
        "solved": "closed",
        "closed": "closed",
    }

    def status_key(self, status: str) -> str:
        return self._OUT.get(status, "active")

    def read(self, external_id: str) -> FieldValues:
        from cre_desk.integrations.helpscout import _conversation_id, map_status

        data = self.provider._call("get", f"/v2/conversations/{_conversation_id(external_id)}").json  # noqa: SLF001
        if not isinstance(data, dict) or "status" not in data:
            raise IntegrationError("Help Scout sent an unexpected answer (no conversation status).")
        tags = tuple(
            str(t.get("tag") or t.get("name"))
            for t in data.get("tags") or []
            if isinstance(t, dict) and (t.get("tag") or t.get("name"))
        )
        return FieldValues(
            map_status(data.get("status")),
            tags,
            None,
            str(data.get("userUpdatedAt") or ""),
            helpscout_person(data.get("assignee")),
        )

    def agent_id(self, name: str) -> str:
        if not name.strip():
            return ""
        agents = []
        for page in range(1, 21):
            data = self.provider._call("get", "/v2/users", params={"page": page}).json  # noqa: SLF001
            data = data if isinstance(data, dict) else {}
            for user in (data.get("_embedded") or {}).get("users") or []:
                if isinstance(user, dict):
                    full = f"{user.get('firstName') or ''} {user.get('lastName') or ''}".strip()
                    agents.append((user.get("id"), full, user.get("email")))
            if page >= int((data.get("page") or {}).get("totalPages") or 1):
                break
        return _pick_agent(self.vendor, name, agents)

    def write(self, external_id: str, change: FieldChange, current: FieldValues) -> None:
        from cre_desk.integrations.helpscout import _conversation_id

        cid = _conversation_id(external_id)
        if change.status is not None:
            self.provider._call(
                "patch",
                f"/v2/conversations/{cid}",  # noqa: SLF001
                json_body={"op": "replace", "path": "/status", "value": self.status_key(change.status)},
            )
        if change.tags is not None:
            self.provider._call(
                "put",
                f"/v2/conversations/{cid}/tags",  # noqa: SLF001
                json_body={"tags": list(change.tags)},
            )
        if change.assignee is not None:
            op = (
                {"op": "replace", "path": "/assignTo", "value": int(change.assignee)}
                if change.assignee
                else {"op": "remove", "path": "/assignTo"}
            )
            self.provider._call("patch", f"/v2/conversations/{cid}", json_body=op)  # noqa: SLF001


class IntercomWriter(_Writer):
    vendor = "Intercom"
    has_priority = False  # read as high/normal on import; the API version in use cannot set it

    def status_key(self, status: str) -> str:
        return "closed" if status in (Status.SOLVED.value, Status.CLOSED.value) else "open"

    def read(self, external_id: str) -> FieldValues:
        from cre_desk.integrations.intercom import _STATUS, _conversation_id

        conv = self.provider._client.get(f"/conversations/{_conversation_id(external_id)}").json  # noqa: SLF001
        if not isinstance(conv, dict) or "state" not in conv:
            raise IntegrationError("Intercom sent an unexpected answer (no conversation state).")
        raw_tags = conv.get("tags")
        tag_list: dict = raw_tags if isinstance(raw_tags, dict) else {}
        tags = tuple(
            str(t["name"]) for t in tag_list.get("tags") or [] if isinstance(t, dict) and t.get("name")
        )
        self._tag_ids = {
            str(t["name"]).lower(): str(t["id"])
            for t in tag_list.get("tags") or []
            if isinstance(t, dict) and t.get("name") and t.get("id")
        }
        state = _STATUS.get(str(conv.get("state") or ""), Status.OPEN).value
        assignee = self.provider.assignee_of(conv)
        return FieldValues(state, tags, None, str(conv.get("updated_at") or ""), assignee)

    def agent_id(self, name: str) -> str:
        if not name.strip():
            return ""
        teammates = self.provider.admins()
        if not teammates:
            raise UnknownAgent(
                "this Intercom token may not list teammates (it needs the “Read admins” permission), so the "
                "assignee cannot be sent: assign the conversation in Intercom; the other changes were sent."
            )
        return _pick_agent(self.vendor, name, teammates)

    def write(self, external_id: str, change: FieldChange, current: FieldValues) -> None:
        from cre_desk.integrations.intercom import _conversation_id

        cid = _conversation_id(external_id)
        client = self.provider._client  # noqa: SLF001
        admin_id = str(self.provider._admin()["id"])  # noqa: SLF001
        if change.status is not None and self.status_key(change.status) != self.status_key(current.status):
            kind = "close" if self.status_key(change.status) == "closed" else "open"
            client.post(
                f"/conversations/{cid}/parts", {"message_type": kind, "type": "admin", "admin_id": admin_id}
            )
        if change.assignee is not None:
            client.post(f"/conversations/{cid}/parts", {
                "message_type": "assignment", "type": "admin", "admin_id": admin_id,
                "assignee_id": change.assignee or "0",   # "0": nobody
            })
        if change.tags is not None:
            have = {t.lower() for t in current.tags}
            want = {t.lower(): t for t in change.tags}
            for name in sorted(set(want) - have):
                tag = client.post("/tags", {"name": want[name]}).json
                tag_id = tag.get("id") if isinstance(tag, dict) else None
                if not tag_id:
                    raise IntegrationError(f"Intercom did not return an id for the tag “{want[name]}”.")
                client.post(f"/conversations/{cid}/tags", {"id": str(tag_id), "admin_id": admin_id})
            for name in sorted(have - set(want)):
                tag_id = getattr(self, "_tag_ids", {}).get(name)
                if tag_id:
                    client.delete(f"/conversations/{cid}/tags/{tag_id}", {"admin_id": admin_id})


_WRITERS = {
    "zendesk": ZendeskWriter,
    "freshdesk": FreshdeskWriter,
    "helpscout": HelpScoutWriter,
    "intercom": IntercomWriter,
}


def writer_for(provider) -> _Writer | None:
    """The writer for this provider, or None when it cannot take changes (GitHub)."""
    cls = _WRITERS.get(getattr(provider, "name", ""))
    return cls(provider) if cls else None


def explain_refusal(exc: IntegrationError, vendor: str) -> str:
    """Plain words for a refused write: whose permission is missing and what to do about it."""
    if isinstance(exc, AuthFailed) and exc.status == 403:
        return (
            f"{vendor} does not let this account change the ticket (HTTP 403): its role may read tickets "
            "but not edit them. Ask a {0} admin to allow ticket edits for the role, or change it in "
            "{0}.".format(vendor)
        )
    if isinstance(exc, NotFound):
        return f"{vendor} no longer has this ticket, or this account may not see it (HTTP 404)."
    if isinstance(exc, ReplyUncertain):
        return (
            f"The connection to {vendor} dropped while saving; CRE Desk reads the ticket again at the next "
            "sync before sending anything."
        )
    return str(exc)
