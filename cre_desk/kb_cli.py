"""``cre-desk kb …``: the knowledge base without the window.

    cre-desk kb list [--status published]
    cre-desk kb export --format md|html|json [--all]       (published articles; --all: every status)
    cre-desk kb suggest TICKET                              (look-alike tickets and articles, with why)
    cre-desk kb candidates                                  (groups no article covers yet, largest first)
    cre-desk kb health                                      (suggested, inserted, look-alikes later)
    cre-desk kb faq TICKET                                  (draft an FAQ article from a resolved ticket)
    cre-desk kb publish ARTICLE --account ID --section N --permission-group N [--yes] [--replace-remote]
    cre-desk kb publish ARTICLE --account INTERCOM-ID [--collection N] [--yes] [--replace-remote]
                                [--replace-live]

Reads the same workspace as the app (the local file, ``--home`` or ``--db-url``).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

from cre_desk.core import kb
from cre_desk.errors import ConflictError, UserError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cre-desk kb", description="The knowledge base: articles and FAQ.")
    sub = parser.add_subparsers(dest="action", required=True)
    listing = sub.add_parser("list", help="articles, newest edit first")
    listing.add_argument("--status", choices=[s.value for s in kb.ArticleStatus], default=None)
    export = sub.add_parser("export", help="write published articles for a static help site or a review")
    export.add_argument("--format", choices=("md", "html", "json"), default="md")
    export.add_argument("--all", action="store_true", help="every status, not only published")
    suggest = sub.add_parser("suggest", help="look-alike resolved tickets and articles for a ticket")
    suggest.add_argument("ticket", type=int)
    sub.add_parser("candidates", help="groups of similar resolved tickets that no article covers yet")
    sub.add_parser("health", help="per article: suggested, inserted, look-alike tickets after publishing")
    faq = sub.add_parser("faq", help="draft an FAQ article from a resolved ticket")
    faq.add_argument("ticket", type=int)
    faq.add_argument("--owner", default="")
    publish = sub.add_parser("publish",
                             help="save an article as a draft in Zendesk Guide or Intercom Articles")
    publish.add_argument("article", type=int)
    publish.add_argument("--account", required=True, help="the id of a connected Zendesk or Intercom account")
    publish.add_argument("--section", type=int, help="Zendesk: the Guide section id")
    publish.add_argument("--permission-group", type=int, help="Zendesk: the Guide permission group id")
    publish.add_argument("--collection", type=int, help="Intercom: the collection to create the article in")
    publish.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    publish.add_argument(
        "--replace-remote", action="store_true",
        help="overwrite the help-center copy even if it was edited there"
    )
    publish.add_argument("--replace-live", action="store_true",
                         help="Intercom: replace the article although it is published (customers see it)")
    return parser


def export_text(articles: list[kb.ArticleRecord], fmt: str) -> str:
    """Articles as Markdown, a standalone HTML page or JSON; English then Japanese for each."""
    if fmt == "json":
        rows = [
            {
                "id": a.id,
                "kind": a.fields.kind,
                "status": a.fields.status,
                "owner": a.fields.owner,
                "title_en": a.fields.title_en,
                "title_ja": a.fields.title_ja,
                "body_en": a.fields.body_en,
                "body_ja": a.fields.body_ja,
                "sdk_versions": list(a.fields.sdk_versions),
                "tags": list(a.fields.tags),
                "tickets": list(a.fields.ticket_ids),
                "published_at": a.published_at.isoformat() if a.published_at else None,
                "help_center_url": a.remote_url or None,
            }
            for a in articles
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from cre_desk.integrations.help_center import body_html

        parts = ['<!doctype html>\n<html><head><meta charset="utf-8"><title>FAQ</title></head><body>']
        for a in articles:
            for language in ("en", "ja"):
                title, body = getattr(a.fields, f"title_{language}"), getattr(a.fields, f"body_{language}")
                if title or body:
                    parts.append(
                        f'<article id="a{a.id}-{language}" lang="{language}">'
                        f"<h1>{html.escape(title)}</h1>{body_html(body)}</article>"
                    )
        parts.append("</body></html>")
        return "\n".join(parts) + "\n"
    blocks = []
    for a in articles:
        for language in ("en", "ja"):
            title, body = getattr(a.fields, f"title_{language}"), getattr(a.fields, f"body_{language}")
            if title or body:
                blocks.append(f"# {title}\n\n{body}".rstrip())
    return "\n\n---\n\n".join(blocks) + "\n"


def main(argv: list[str], db_url: str | None = None, home: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    from cre_desk.config import Settings, default_paths
    from cre_desk.db.kb_service import KnowledgeService
    from cre_desk.db.workspace import open_workspace

    paths = default_paths(home)
    settings = Settings.load(paths.settings_file)
    try:
        workspace = open_workspace(paths, db_url or settings.db_url)
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        knowledge = KnowledgeService(workspace.db)
        return _run(args, knowledge, workspace, settings)
    except (UserError, ConflictError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        workspace.close()


def _run(args, knowledge, workspace, settings) -> int:
    if args.action == "list":
        for a in knowledge.list_articles(status=args.status):
            title = a.fields.title_en or a.fields.title_ja
            print(f"#{a.id}\t{a.fields.status}\t{a.fields.kind}\t{a.fields.owner}\t{title}")
    elif args.action == "export":
        articles = knowledge.list_articles(status=None if args.all else kb.ArticleStatus.PUBLISHED.value)
        sys.stdout.write(export_text(articles, args.format))
    elif args.action == "suggest":
        for s in knowledge.suggest(args.ticket, record=False):
            why = "; ".join(kb.describe(r) for r in s.reasons)
            print(f"{s.kind} #{s.ref_id}\t{s.score:.2f}\t{s.title}\t{why}")
    elif args.action == "candidates":
        for c in knowledge.faq_candidates():
            print(
                f"{len(c.ticket_ids)} tickets ({', '.join(f'#{t}' for t in c.ticket_ids)}): "
                f"{', '.join(c.top_terms)}"
            )
    elif args.action == "health":
        print("article\tstatus\tsuggested\tinserted\tlook-alikes after publishing\ttitle")
        for h in knowledge.faq_health():
            print(
                f"#{h.article_id}\t{h.status}\t{h.suggested}\t{h.inserted}\t{h.after_publishing}\t{h.title}"
            )
    elif args.action == "faq":
        article = knowledge.make_faq(workspace.tickets.get_ticket(args.ticket), owner=args.owner)
        print(f"Drafted FAQ article #{article.id}: {article.fields.title_en or article.fields.title_ja}")
    elif args.action == "publish":
        return _publish(args, knowledge, settings)
    return 0


def _publish(args, knowledge, settings) -> int:
    from cre_desk.integrations.accounts import load_accounts
    from cre_desk.integrations.help_center import guide_for

    article = knowledge.get_article(args.article)
    account = next((a for a in load_accounts(settings) if a.id == args.account), None)
    if account is None:
        raise UserError(f"No connected account is called “{args.account}”. See File → Accounts.")
    if account.provider == "intercom":
        return _publish_intercom(args, knowledge, article, account)
    if account.provider != "zendesk":
        raise UserError(
            "Articles can be saved to Zendesk Guide or Intercom Articles: choose one of those accounts.")
    if args.section is None or args.permission_group is None:
        raise UserError("Zendesk Guide needs --section and --permission-group.")
    where = "update the Guide draft" if article.remote_id else "create a Guide draft"
    if not _confirmed(args, where, article, account):
        return 1
    guide = guide_for(account)
    try:
        from cre_desk.actions.publish_article import save_to_help_center

        saved = save_to_help_center(
            knowledge,
            article.id,
            guide,
            section_id=args.section,
            permission_group_id=args.permission_group,
            force=args.replace_remote,
        )
    finally:
        guide.close()
    print(f"Saved as a draft in Zendesk Guide: {saved.remote_url or saved.remote_id}")
    return 0


def _confirmed(args, where: str, article, account) -> bool:
    """Nothing is published without the user's yes (``--yes`` says it in advance); says so when declined."""
    if args.yes:
        return True
    title = article.fields.title("en")
    answer = input(f"{where.capitalize()} for article #{article.id} “{title}” through {account.id}? [y/N] ")
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("Nothing was sent.")
    return False


def _publish_intercom(args, knowledge, article, account) -> int:
    from cre_desk.actions.publish_article import save_to_intercom
    from cre_desk.db.kb_remotes import INTERCOM, RemoteCopies
    from cre_desk.integrations.intercom_articles import articles_for

    copies = RemoteCopies(knowledge.db)
    where = "update the Intercom draft" if copies.get(article.id, INTERCOM) else "create an Intercom draft"
    if not _confirmed(args, where, article, account):
        return 1
    client = articles_for(account)
    try:
        saved = save_to_intercom(knowledge, copies, article.id, client, account_id=account.id,
                                 collection_id=args.collection, force=args.replace_remote,
                                 replace_live=args.replace_live)
    finally:
        client.close()
    print(f"Saved to Intercom Articles: {saved.url or 'article ' + saved.remote_id}")
    return 0
