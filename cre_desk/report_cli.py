"""``cre-desk report --from DATE --to DATE [--format csv|json|text]``: the lead's figures without the window.

Reads the same workspace as the app (the local file, ``--home`` or ``--db-url``) and prints the
figures for tickets resolved in the period, so they can be pasted into a weekly review.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cre_desk.errors import UserError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-01") from exc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cre-desk report", description="Resolution figures for a period.")
    today = datetime.now(UTC).date()
    parser.add_argument("--from", dest="start", type=_date, default=today - timedelta(days=28),
                        help="first day (default: four weeks ago)")
    parser.add_argument("--to", dest="end", type=_date, default=today, help="last day, included (default: today)")
    parser.add_argument("--format", choices=("text", "csv", "json"), default="text")
    parser.add_argument("--calendar", default=None, help="business calendar (default: the app's setting)")
    return parser


def main(argv: list[str], db_url: str | None = None, home: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.end < args.start:
        print("--to is before --from.", file=sys.stderr)
        return 2
    from cre_desk.config import Settings, default_paths
    from cre_desk.core.calendars import load_calendar
    from cre_desk.db import reports
    from cre_desk.db.workspace import open_workspace

    paths = default_paths(home)
    settings = Settings.load(paths.settings_file)
    try:
        calendar = load_calendar(args.calendar or settings.calendar or "jp")
        workspace = open_workspace(paths, db_url or settings.db_url, calendar=calendar)
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        start = datetime.combine(args.start, datetime.min.time(), tzinfo=calendar.tz)
        end = datetime.combine(args.end + timedelta(days=1), datetime.min.time(), tzinfo=calendar.tz)
        report = reports.build_report(workspace.db, start, end, calendar=calendar)
    finally:
        workspace.close()
    if args.format == "json":
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        sys.stdout.write(report.to_csv())
    else:
        print(f"Resolved {report.resolved} ticket(s) from {args.start} to {args.end}; "
              f"{report.open_count} open ({report.paused_count} paused), {len(report.breached)} breached, "
              f"{len(report.at_risk)} at risk.")
        for stat in report.groups.get("category", []):
            within = f"{stat.within_target:.0%}" if stat.within_target is not None else "–"
            target = f"{stat.target_h:.1f} h" if stat.target_h is not None else "–"
            print(f"  {stat.key:18s} {stat.count:6d} resolved  median {stat.median_h or 0:6.1f} h  "
                  f"p90 {stat.p90_h or 0:6.1f} h  target {target:>8s}  within target {within}")
    return 0
