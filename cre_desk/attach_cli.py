"""``cre-desk attach TICKET FILE...``: attach logs to a ticket without the window, as the Attach… button does.

Text logs are redacted unless the app's settings turn that off (or ``--keep-secrets`` is given);
empty and binary files are refused with the reason. Exit status 0 when every file was attached (or
already was), 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cre_desk.errors import CreDeskError


def main(argv: list[str], db_url: str | None = None, home: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cre-desk attach", description="Attach log files to a ticket.")
    parser.add_argument("ticket", type=int, help="the ticket number (#)")
    parser.add_argument("files", type=Path, nargs="+", help="log files or .zip/.gz archives of logs")
    parser.add_argument("--keep-secrets", action="store_true",
                        help="store text logs as they are, without removing keys, tokens and e-mail "
                             "addresses")
    args = parser.parse_args(argv)
    from cre_desk.config import Settings, default_paths
    from cre_desk.db import attach
    from cre_desk.db.workspace import open_workspace

    paths = default_paths(home)
    settings = Settings.load(paths.settings_file)
    workspace = open_workspace(paths, db_url or settings.db_url)
    try:
        outcomes = attach.attach_files(workspace.tickets, args.ticket, args.files,
                                       temp_dir=paths.temp_dir / "attach",
                                       redact=settings.redact_logs and not args.keep_secrets)
    except CreDeskError as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        workspace.close()
    for outcome in outcomes:
        fine = outcome.attached or outcome.status == "already_attached"
        print(attach.describe(outcome), file=sys.stdout if fine else sys.stderr)
    return 0 if all(o.attached or o.status == "already_attached" for o in outcomes) else 1
