"""Zendesk Guide (Help Center API): knowledge-base articles written here become draft articles there.

Articles always go up as drafts (``draft: true``): a person publishes them in Guide. An update first
reads the remote article; if it was edited in Guide since this app last wrote it, the update stops
with a conflict instead of overwriting someone's edit. Every network safeguard lives in
``http.ApiClient``; a create whose answer was lost raises ``ReplyUncertain`` so nothing is posted twice.
Qt-free.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass

from cre_desk.core.kb import ArticleFields
from cre_desk.errors import ConflictError, UserError
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import BadResponse, NotFound

LOCALES = {"en": "en-us", "ja": "ja"}


@dataclass(frozen=True)
class RemoteArticle:
    """Where an article lives in the help center, and its edit time when this app last wrote it."""

    remote_id: str
    url: str
    edited_at: str


class RemoteChanged(ConflictError):
    """The help-center copy was edited there since this app last wrote it."""


def body_html(text: str) -> str:
    """The article body as Guide HTML: "## " lines become headings, "1. " lines a list, the rest paragraphs.

    Every piece of text is escaped: article text may quote customers.
    """
    out: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            out.append("<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>")
            items.clear()

    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        paragraph: list[str] = []
        for line in lines:
            if line.startswith("## "):
                close_list()
                out.append(f"<h2>{html.escape(line[3:].strip())}</h2>")
            elif re.match(r"^\d+\.\s", line):
                if paragraph:
                    out.append("<p>" + "<br>".join(paragraph) + "</p>")
                    paragraph = []
                items.append(html.escape(re.sub(r"^\d+\.\s+", "", line)))
            elif line.strip():
                close_list()
                paragraph.append(html.escape(line))
        if paragraph:
            out.append("<p>" + "<br>".join(paragraph) + "</p>")
        close_list()
    return "".join(out)


def _article(data) -> dict:
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict) or "id" not in data["article"]:
        raise BadResponse("Zendesk Guide sent an unexpected answer (no “article”).")
    return data["article"]


class ZendeskGuide:
    """Draft articles in one Zendesk Guide, through the connected Zendesk account's API token."""

    def __init__(
        self, subdomain: str, email: str, token: str, *, base_url: str | None = None, client_factory=ApiClient
    ) -> None:
        if not base_url and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", subdomain or ""):
            raise UserError("Enter the Zendesk subdomain: the NAME in NAME.zendesk.com.")
        base = (base_url or f"https://{subdomain}.zendesk.com").rstrip("/")
        credential = base64.b64encode(f"{email}/token:{token}".encode()).decode("ascii")
        self._client = client_factory(
            base, headers={"Authorization": f"Basic {credential}", "Accept": "application/json"}
        )

    def close(self) -> None:
        self._client.close()

    def save_draft(
        self,
        fields: ArticleFields,
        *,
        section_id: int,
        permission_group_id: int,
        remote: RemoteArticle | None = None,
        force: bool = False,
    ) -> RemoteArticle:
        """Create the article as a draft, or update the draft written before; English, then Japanese."""
        if remote is None or not remote.remote_id:
            return self._create(fields, section_id, permission_group_id)
        current = _article(self._client.get(f"/api/v2/help_center/articles/{remote.remote_id}.json").json)
        edited = str(current.get("edited_at") or current.get("updated_at") or "")
        if edited != remote.edited_at and not force:
            raise RemoteChanged(
                "The article was edited in Zendesk Guide since CRE Desk last saved it. Compare both copies, "
                "then save again choosing to replace the Guide copy.",
                mine=fields,
                theirs=current,
            )
        for language, locale in LOCALES.items():
            title, body = fields.title(language), fields.body(language)
            if language == "ja" and not (fields.title_ja or fields.body_ja):
                continue
            translation = {"title": title, "body": body_html(body), "draft": True}
            path = f"/api/v2/help_center/articles/{remote.remote_id}/translations"
            try:
                self._client.put(f"{path}/{locale}.json", {"translation": translation})
            except NotFound:
                self._client.post(f"{path}.json", {"translation": {**translation, "locale": locale}})
        return self._read(remote.remote_id)

    def _create(self, fields: ArticleFields, section_id: int, permission_group_id: int) -> RemoteArticle:
        article = {
            "title": fields.title("en"),
            "body": body_html(fields.body("en")),
            "locale": LOCALES["en"],
            "draft": True,
            "permission_group_id": permission_group_id,
            "user_segment_id": None,
        }
        created = _article(
            self._client.post(
                f"/api/v2/help_center/{LOCALES['en']}/sections/{section_id}/articles.json",
                {"article": article, "notify_subscribers": False},
            ).json
        )
        remote_id = str(created["id"])
        if fields.title_ja or fields.body_ja:
            translation = {
                "locale": LOCALES["ja"],
                "title": fields.title("ja"),
                "body": body_html(fields.body("ja")),
                "draft": True,
            }
            self._client.post(
                f"/api/v2/help_center/articles/{remote_id}/translations.json", {"translation": translation}
            )
            return self._read(remote_id)
        return RemoteArticle(
            remote_id,
            str(created.get("html_url") or ""),
            str(created.get("edited_at") or created.get("updated_at") or ""),
        )

    def _read(self, remote_id: str) -> RemoteArticle:
        article = _article(self._client.get(f"/api/v2/help_center/articles/{remote_id}.json").json)
        return RemoteArticle(
            remote_id,
            str(article.get("html_url") or ""),
            str(article.get("edited_at") or article.get("updated_at") or ""),
        )

    def remote_changed(self, remote: RemoteArticle) -> bool:
        """Whether the Guide copy was edited there since this app last wrote it."""
        return self._read(remote.remote_id).edited_at != remote.edited_at


def guide_for(account) -> ZendeskGuide:
    """The Guide client of a connected Zendesk account (token from the keyring)."""
    from cre_desk.integrations import credentials

    if account.provider != "zendesk":
        raise UserError("Articles can be saved to Zendesk Guide only through a Zendesk account.")
    token = credentials.load_token(account.id)
    if not token:
        raise UserError(f"No token is stored for “{account.id}”. Open File → Accounts and enter it again.")
    return ZendeskGuide(account.subdomain, account.email, token, base_url=account.base_url or None)
