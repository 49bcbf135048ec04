"""``cre-desk demo``: load the demo workspace without the window (for scripted trials, screenshots, checks).

Loads into the same workspace the app opens (the local file, ``--home`` or ``--db-url``); loading twice adds
nothing the second time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cre_desk.errors import UserError


def main(argv: list[str], db_url: str | None = None, home: Path | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="cre-desk demo", description="Load the demo tickets, with a year of product feedback."
    )
    parser.add_argument(
        "--no-feedback", action="store_true", help="only the handful of troubleshooting tickets"
    )
    args = parser.parse_args(argv)
    from cre_desk.config import Settings, default_paths
    from cre_desk.core import demo
    from cre_desk.core.calendars import load_calendar
    from cre_desk.db.feedback import FeedbackStore
    from cre_desk.db.workspace import open_workspace

    paths = default_paths(home)
    settings = Settings.load(paths.settings_file)
    try:
        workspace = open_workspace(
            paths, db_url or settings.db_url, calendar=load_calendar(settings.calendar or "jp")
        )
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        feedback = None if args.no_feedback else FeedbackStore(workspace.db)
        added = demo.load_demo(workspace.tickets, feedback=feedback)
        total = workspace.tickets.count()
        from cre_desk.db.kb_cards import load_demo_knowledge
        from cre_desk.db.kb_service import KnowledgeService

        articles, cards = load_demo_knowledge(KnowledgeService(workspace.db))
    finally:
        workspace.close()
    print(f"Added {added} demo ticket(s); the workspace holds {total}.")
    print(f"Added {articles} demo article(s) and {cards} best-practice card(s).")
    return 0
