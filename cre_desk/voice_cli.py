"""``cre-desk voice --quarter 2026Q3 --format md|html|csv|json [--lang en|ja]``: the customer-voice report.

Reads the same workspace as the app (the local file, ``--home`` or ``--db-url``) and prints the report, or
writes it to ``--output``, so it can be published every quarter without opening the window.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cre_desk import safe_write
from cre_desk.errors import UserError


def _current_quarter() -> str:
    today = datetime.now(UTC).date()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cre-desk voice", description="The customer-voice report of a quarter (or any period)."
    )
    parser.add_argument("--quarter", default=None, help="e.g. 2026Q3 (default: the current quarter)")
    parser.add_argument(
        "--from",
        dest="start",
        type=date.fromisoformat,
        default=None,
        help="first day of any other period (with --to)",
    )
    parser.add_argument("--to", dest="end", type=date.fromisoformat, default=None, help="last day, included")
    parser.add_argument("--format", choices=("md", "html", "csv", "json"), default="md")
    parser.add_argument("--lang", choices=("en", "ja"), default=None, help="language (default: the app's)")
    parser.add_argument("--top", type=int, default=10, help="entries per section (default 10)")
    parser.add_argument("--output", type=Path, default=None, help="write to this file instead of printing")
    return parser


def render(report, fmt: str, language: str) -> str:
    from cre_desk.core import voice_export

    if fmt == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return voice_export.to_csv(report, language)
    if fmt == "html":
        return voice_export.to_html(report, language)
    return voice_export.to_markdown(report, language)


def main(argv: list[str], db_url: str | None = None, home: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    from cre_desk.config import Settings, default_paths
    from cre_desk.core.calendars import load_calendar
    from cre_desk.core.voice import Period, quarter
    from cre_desk.db.voice import build_voice_report
    from cre_desk.db.workspace import open_workspace

    try:
        if args.start or args.end:
            if not (args.start and args.end) or args.end < args.start:
                print("Give both --from and --to, --to not before --from.", file=sys.stderr)
                return 2
            period = Period(args.start, args.end + timedelta(days=1), f"{args.start}..{args.end}")
        else:
            period = quarter(args.quarter or _current_quarter())
    except ValueError as exc:
        print(f"{exc}.", file=sys.stderr)
        return 2
    paths = default_paths(home)
    settings = Settings.load(paths.settings_file)
    language = args.lang or ("ja" if str(getattr(settings, "language", "en")).startswith("ja") else "en")
    try:
        calendar = load_calendar(settings.calendar or "jp")
        workspace = open_workspace(paths, db_url or settings.db_url, calendar=calendar)
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        report = build_voice_report(workspace.db, period, calendar.tz, language=language, top=args.top)
    finally:
        workspace.close()
    text = render(report, args.format, language)
    if args.output:
        safe_write.write_text(args.output, text)
        print(f"Wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0
