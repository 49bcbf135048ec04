"""The one entry point: the GUI by default, plus headless sub-commands for scripting and checks."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from cre_desk import APP_NAME, __version__

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cre-desk", description=f"{APP_NAME}: triage for CRE teams.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db-url", default=None,
                        help="team database URL, e.g. postgresql://user@host/db (default: local SQLite file)")
    parser.add_argument("--home", type=Path, default=None,
                        help="keep all data, settings and logs under this folder (portable mode)")
    sub = parser.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="start the desktop application (the default)")
    gui.add_argument("--smoke-quit-ms", type=int, default=None, help=argparse.SUPPRESS)
    sub.add_parser("self-check", help="open a scratch database, migrate, load every resource; exit 1 on problems")
    sub.add_parser("analyze", help="analyse SDK log files headless (see: cre-desk analyze --help)",
                   add_help=False)
    sub.add_parser("filter", help="print the lines of a log matching a filter (see: cre-desk filter --help)",
                   add_help=False)
    sub.add_parser("report", help="resolution figures for a period as CSV or JSON (see: cre-desk report --help)",
                   add_help=False)
    sub.add_parser("sync", help="import tickets from the configured helpdesk accounts", add_help=False)
    sub.add_parser("attach", help="attach log files to a ticket (see: cre-desk attach --help)",
                   add_help=False)
    sub.add_parser("voice", help="the quarterly customer-voice report (see: cre-desk voice --help)",
                   add_help=False)
    sub.add_parser("demo", help="load the demo workspace without the window", add_help=False)
    sub.add_parser("kb", help="knowledge base: articles, FAQ candidates and health, export, publish "
                   "(see: cre-desk kb --help)", add_help=False)
    return parser


#: Sub-commands that parse their own arguments: name -> module with ``main(argv, db_url, home)``.
DELEGATED = {"analyze": "cre_desk.logs.analyze", "filter": "cre_desk.logs.filter_cli", "report": "cre_desk.report_cli", "sync": "cre_desk.sync_cli"}
DELEGATED["attach"] = "cre_desk.attach_cli"
DELEGATED["voice"] = "cre_desk.voice_cli"
DELEGATED["demo"] = "cre_desk.demo_cli"
DELEGATED["kb"] = "cre_desk.kb_cli"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # Sub-commands with their own parsers get the rest of the command line untouched.
    for name in DELEGATED:
        if name in argv:
            index = argv.index(name)
            head, rest = argv[:index], argv[index + 1:]
            options = parser.parse_args([*head, name])
            return _delegate(name, options, rest)
    options = parser.parse_args(argv)
    if options.command == "self-check":
        return self_check()
    from cre_desk.gui.app import run_gui

    return run_gui(db_url=options.db_url, home=options.home,
                   smoke_quit_ms=getattr(options, "smoke_quit_ms", None))


def _delegate(name: str, options: argparse.Namespace, rest: list[str]) -> int:
    import importlib

    module = importlib.import_module(DELEGATED[name])
    if name in ("analyze", "filter"):
        return module.main(rest)
    return module.main(rest, db_url=options.db_url, home=options.home)


def self_check() -> int:
    """Exercise everything a packaged build must carry: migrations, dialects, every resource file."""
    problems: list[str] = []
    checks: list[str] = []

    def step(label: str, fn) -> None:
        try:
            detail = fn()
            checks.append(f"ok   {label}{': ' + detail if detail else ''}")
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the others
            problems.append(f"FAIL {label}: {exc}")

    def database() -> str:
        from cre_desk.config import default_paths
        from cre_desk.core.tickets import TicketFields
        from cre_desk.db.workspace import open_workspace

        with tempfile.TemporaryDirectory(prefix="cre-desk-self-check-") as tmp:
            ws = open_workspace(default_paths(Path(tmp)))
            try:
                ticket = ws.tickets.create_ticket(TicketFields(title="self-check ticket"))
                found = ws.tickets.search("self-check")
                if found != [ticket.id]:
                    raise RuntimeError("full-text search did not find the scratch ticket")
                from cre_desk.db import migrate

                head = migrate.head_revision()
                if head != migrate.EXPECTED_HEAD:
                    raise RuntimeError(f"the newest migration found is {head}, expected {migrate.EXPECTED_HEAD}: "
                                       "the installation is missing files")
                return (f"SQLite, schema migrated to {head}, {len(ticket.checklist)} checklist items "
                        "instantiated")
            finally:
                ws.close()

    def dialects() -> str:
        import psycopg  # noqa: F401 - the team-mode driver must be importable
        from sqlalchemy.dialects import postgresql, sqlite  # noqa: F401

        return "sqlite, postgresql+psycopg"

    def checklists() -> str:
        from cre_desk.core import checklist

        templates = checklist.load_templates()
        return f"{len(templates)} checklists, {sum(len(t.items) for t in templates.values())} items"

    def resources() -> str:
        import json

        from cre_desk import resource_files

        count = 0
        for node in _walk(resource_files.root()):
            if node.name.endswith(".json"):
                json.loads(node.read_text(encoding="utf-8"))
            elif not node.name.endswith((".py", ".pyc")):
                node.read_bytes()
            else:
                continue
            count += 1
        if count == 0:
            raise RuntimeError("no resource files were found; the installation is incomplete")
        return f"{count} data files readable"

    def log_engine() -> str:
        from cre_desk.logs import known_issues, linescan, rules

        count = len(rules.load_rules())
        issues = len(known_issues.load())
        scanner = "native scanner" if linescan.native_available() else "pure-Python scanner (slower on large logs)"
        return f"{scanner}, {count} rules, {issues} known SDK issues"

    def floors() -> str:
        import re2  # noqa: F401 - user regexes must run on a linear-time engine
        import requests
        import urllib3

        if _version_tuple(requests.__version__) < (2, 32, 4):
            raise RuntimeError(f"requests {requests.__version__} is older than 2.32.4")
        if _version_tuple(urllib3.__version__) < (2, 6, 3):
            raise RuntimeError(f"urllib3 {urllib3.__version__} is older than 2.6.3")
        import sqlite3

        return f"requests {requests.__version__}, urllib3 {urllib3.__version__}, SQLite {sqlite3.sqlite_version}"

    def calendars() -> str:
        from datetime import date

        from cre_desk.core import calendars as calendar_module

        names = list(calendar_module.available_calendars())
        for name in names:
            calendar = calendar_module.load_calendar(name)
            if calendar.national_holidays and not calendar.is_holiday(date(date.today().year + 5, 1, 1)):
                raise RuntimeError(f"calendar {name}: no public holidays found five years ahead")
        return f"{', '.join(names)}; public holidays for any year"

    def commands() -> str:
        import importlib

        for module in DELEGATED.values():
            importlib.import_module(module)
        return ", ".join(sorted(DELEGATED))

    step("database", database)
    step("database drivers", dialects)
    step("checklists", checklists)
    step("resource files", resources)
    step("dependency floors", floors)
    step("log engine", log_engine)
    step("business calendars", calendars)
    step("commands", commands)
    for line in checks:
        print(line)
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{APP_NAME} {__version__} self-check: {len(checks)} passed, {len(problems)} failed")
    return 1 if problems else 0


def _walk(node):
    if node.is_dir():
        for child in node.iterdir():
            yield from _walk(child)
    elif node.is_file():
        yield node


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)
