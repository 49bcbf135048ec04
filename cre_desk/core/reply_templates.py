"""Reply templates: shipped snippets (``resources/templates/<language>/``) filled from the ticket.

Kept apart from drafting because templates are data an admin edits: each file is validated with a message
naming the file and the field, and placeholders are filled in one pass from an allow-list, so braces that came
from customer text are never interpreted.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from cre_desk import resource_files
from cre_desk.core.replies import Reply
from cre_desk.core.tickets import TicketDetail, TicketFields
from cre_desk.core.vocabulary import label
from cre_desk.errors import UserError

TEMPLATE_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Template:
    """A reply snippet from ``resources/templates/<language>/<name>.json``; parts may hold placeholders."""

    name: str
    title: str
    language: str
    summary: str = ""
    cause: str = ""
    fix: str = ""

    def filled(self, ticket: TicketDetail | TicketFields, engineer: str = "") -> Reply:
        """The snippet as a reply, placeholders filled from ``ticket``."""
        return Reply(summary=fill(self.summary, ticket, engineer), cause=fill(self.cause, ticket, engineer),
                     fix=fill(self.fix, ticket, engineer))


def parse_reply_template(data, source: str, language: str) -> Template:
    """Validate one template document; raises ``UserError`` naming the file and the field."""
    if not isinstance(data, dict):
        raise UserError(f"{source}: the file does not hold a template object.")
    if data.get("schema_version") != TEMPLATE_SCHEMA_VERSION:
        raise UserError(f"{source}: schema_version {data.get('schema_version')!r} is not supported "
                        f"(this version reads {TEMPLATE_SCHEMA_VERSION}).")
    name, title, parts = data.get("name"), data.get("title"), data.get("parts")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name):
        raise UserError(f"{source}: 'name' must be a lower-case key such as 'ask_for_verbose_log'.")
    if not isinstance(title, str) or not title.strip():
        raise UserError(f"{source}: 'title' is missing or empty.")
    if not isinstance(parts, dict) or not parts:
        raise UserError(f"{source}: 'parts' must be an object with summary, cause and fix texts.")
    texts = {}
    for part in ("summary", "cause", "fix"):
        value = parts.get(part, "")
        if not isinstance(value, str):
            raise UserError(f"{source}: part '{part}' must be text.")
        texts[part] = value
    unknown = set(parts) - {"summary", "cause", "fix"}
    if unknown:
        names = ", ".join(sorted(unknown))
        raise UserError(f"{source}: unknown part(s) {names}; use summary, cause and fix.")
    return Template(name=name, title=title.strip(), language=language, **texts)


@functools.cache
def _load_templates(language: str) -> tuple[Template, ...]:
    folder = resource_files.path("templates", language)
    if not folder.is_dir():
        return ()
    found: dict[str, Template] = {}
    for node in sorted(folder.iterdir(), key=lambda c: c.name):
        if not node.is_file() or not node.name.endswith(".json") or node.name.startswith("."):
            continue
        source = f"templates/{language}/{node.name}"
        try:
            data = json.loads(node.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError(f"{source} is not valid JSON ({exc}).") from exc
        template = parse_reply_template(data, source, language)
        if f"{template.name}.json" != node.name:
            raise UserError(f"{source}: declares name {template.name!r}; the file name must match.")
        found[template.name] = template
    return tuple(found.values())


def load_templates(language: str) -> dict[str, Template]:
    """The shipped reply templates of ``language`` ("en" or "ja") keyed by name."""
    return {t.name: t for t in _load_templates("ja" if language == "ja" else "en")}


#: Placeholders a template may use, and where their values come from.
PLACEHOLDERS = ("customer", "requester_name", "app_name", "app_version", "sdk_name", "sdk_version",
                "platform", "os_version", "engineer", "goal", "title", "ticket_id")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _placeholder_values(ticket: TicketDetail | TicketFields, engineer: str) -> dict[str, str]:
    fields_ = ticket.fields if isinstance(ticket, TicketDetail) else ticket
    values = {name: " ".join(str(getattr(fields_, name, "") or "").split()) for name in PLACEHOLDERS}
    values["platform"] = label(fields_.platform) if fields_.platform else ""
    values["engineer"] = " ".join(engineer.split())
    values["ticket_id"] = str(ticket.id) if isinstance(ticket, TicketDetail) else ""
    return values


def fill(text: str, ticket: TicketDetail | TicketFields, engineer: str = "") -> str:
    """Replace ``{name}`` placeholders from the ticket in one pass.

    Only the allow-listed names are replaced. Unknown names, and known ones the ticket has no value for, stay
    visible as written so the engineer sees what is missing; braces inside the inserted values (customer text)
    are never interpreted, and there is no ``str.format`` anywhere, so no input can raise ``KeyError``.
    """
    values = _placeholder_values(ticket, engineer)

    def substitute(match: re.Match) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return _PLACEHOLDER.sub(substitute, text)
