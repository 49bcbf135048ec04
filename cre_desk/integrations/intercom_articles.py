"""Intercom Articles: knowledge-base articles written here become draft articles in Intercom's help center.

The twin of the Zendesk Guide client (``help_center``), for teams whose help center is Intercom. An
article goes up with ``state: "draft"``, English as the default language and Japanese in
``translated_content.ja``, written by the admin who owns the connected account's token (``GET /me``).
An update first reads the Intercom copy: if it changed there since this app last wrote it (its
``updated_at``), the update stops with a conflict; if it is live (``state: "published"``), saving would
change what customers read at once, so that needs its own confirmation (``replace_live``) and keeps it
published rather than silently taking it down. The ``Intercom-Version`` header is pinned like the
conversation client's. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable

from cre_desk.core.kb import ArticleFields
from cre_desk.errors import ConflictError, UserError
from cre_desk.integrations.help_center import RemoteArticle, RemoteChanged, body_html
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import BadResponse
from cre_desk.integrations.intercom import REGION_HOSTS
from cre_desk.integrations.payloads import as_obj

#: The API version whose article shapes this client was written against.
VERSION = "2.11"


class RemoteLive(ConflictError):
    """The Intercom copy is published: saving over it changes the live article."""


def _article(data) -> dict:
    article = as_obj(data)
    if article.get("type") != "article" or not article.get("id"):
        raise BadResponse("Intercom sent an unexpected answer (no article).")
    return article


def _description(body: str) -> str:
    """The article's one-line description in Intercom's lists: its first line of plain text."""
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:255]
    return ""


class IntercomArticles:
    """Draft articles in one Intercom workspace, through the connected Intercom account's access token."""

    def __init__(self, token: str, *, region: str = "us", base_url: str | None = None,
                 client_factory: Callable[..., ApiClient] = ApiClient) -> None:
        token = (token or "").strip()
        if not token:
            raise UserError("Enter an Intercom access token.")
        if base_url is None and region not in REGION_HOSTS:
            raise UserError(f"Unknown Intercom region '{region}'; choose one of: {', '.join(REGION_HOSTS)}.")
        self._client = client_factory(
            (base_url or REGION_HOSTS[region]).rstrip("/"),
            headers={"Authorization": f"Bearer {token}", "Intercom-Version": VERSION,
                     "Accept": "application/json"},
        )
        self._author: int | None = None

    def close(self) -> None:
        self._client.close()

    def _author_id(self) -> int:
        """The admin the token belongs to: Intercom requires an author, and a teammate of the workspace."""
        if self._author is None:
            me = as_obj(self._client.get("/me").json)
            if not str(me.get("id") or "").isdigit():
                raise BadResponse("Intercom did not say which admin this token belongs to.")
            self._author = int(me["id"])
        return self._author

    def _content(self, fields: ArticleFields, language: str, state: str) -> dict:
        body = fields.body(language)
        return {"title": fields.title(language), "description": _description(body), "body": body_html(body),
                "author_id": self._author_id(), "state": state}

    def _payload(self, fields: ArticleFields, state: str) -> dict:
        payload = self._content(fields, "en", state)
        if fields.title_ja or fields.body_ja:
            japanese = {"type": "article_content", **self._content(fields, "ja", state)}
            payload["translated_content"] = {"ja": japanese}
        return payload

    def save_draft(self, fields: ArticleFields, *, parent_id: int | None = None,
                   remote: RemoteArticle | None = None, force: bool = False,
                   replace_live: bool = False) -> RemoteArticle:
        """Create the article as a draft, or update the one written before (see the module docstring)."""
        if remote is None or not remote.remote_id:
            payload = self._payload(fields, "draft")
            if parent_id:
                payload.update(parent_id=parent_id, parent_type="collection")
            return _remote(_article(self._client.post("/articles", payload).json))
        current = _article(self._client.get(f"/articles/{remote.remote_id}").json)
        if str(current.get("updated_at") or "") != remote.edited_at and not force:
            raise RemoteChanged(
                "The article was edited in Intercom since CRE Desk last saved it. Compare both copies, then "
                "save again choosing to replace the Intercom copy.", mine=fields, theirs=current)
        live = current.get("state") == "published"
        if live and not replace_live:
            raise RemoteLive(
                "The article is published in Intercom: saving would change what customers read right away. "
                "Save again confirming that the live article should be replaced.",
                mine=fields, theirs=current)
        payload = self._payload(fields, "published" if live else "draft")
        return _remote(_article(self._client.put(f"/articles/{remote.remote_id}", payload).json))

    def read(self, remote_id: str) -> RemoteArticle:
        return _remote(_article(self._client.get(f"/articles/{remote_id}").json))

    def remote_changed(self, remote: RemoteArticle) -> bool:
        """Whether the Intercom copy was edited there since this app last wrote it."""
        return self.read(remote.remote_id).edited_at != remote.edited_at


def _remote(article: dict) -> RemoteArticle:
    return RemoteArticle(str(article["id"]), str(article.get("url") or ""),
                         str(article.get("updated_at") or ""))


def articles_for(account) -> IntercomArticles:
    """The Articles client of a connected Intercom account (token from the keyring)."""
    from cre_desk.integrations import credentials

    if account.provider != "intercom":
        raise UserError("Articles can be saved to Intercom only through an Intercom account.")
    token = credentials.load_token(account.id)
    if not token:
        raise UserError(f"No token is stored for “{account.id}”. Open File → Accounts and enter it again.")
    return IntercomArticles(token, region=account.region, base_url=account.base_url or None)
