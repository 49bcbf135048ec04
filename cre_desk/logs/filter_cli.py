"""``cre-desk filter FILE --query '…' [--count] [--output lines|numbered|json]``: the log view's filter, headless.

The same query language and the same engine as the filter box of the log view, for scripts and for
measuring. Matching lines are written as they are in the file (bytes untouched).
Exit status: 0 when lines matched, 1 when none did, 2 for a bad query or an unreadable file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from cre_desk.errors import UserError
from cre_desk.logs import filter_lang, filtering, sources
from cre_desk.logs.document import LogDocument


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cre-desk filter",
                                     description="Print the lines of a log that match a filter "
                                                 "(the log view's language, e.g. 'tag:Braze -level:V').")
    parser.add_argument("file", type=Path, metavar="FILE", help="a log file, .gz or .zip (first log inside)")
    parser.add_argument("-q", "--query", required=True, help="the filter, as typed in the log view")
    parser.add_argument("-c", "--count", action="store_true", help="print only the number of matching lines")
    parser.add_argument("--output", choices=["lines", "numbered", "json"], default="lines",
                        help="lines as in the file (default), with 1-based line numbers, or JSON")
    parser.add_argument("--format", metavar="FORMAT", help="override the detected log format")
    return parser


def newest_time(doc: LogDocument, look_back: int = 200) -> float | None:
    """The last timestamp in the log (``age:`` counts back from it)."""
    for line in range(len(doc) - 1, max(-1, len(doc) - look_back), -1):
        ts = doc.timestamp_of(line)
        if ts is not None:
            return ts
    return None


def _write_lines(doc: LogDocument, rows: np.ndarray, numbered: bool) -> None:
    out = sys.stdout.buffer
    for row in rows.tolist():
        data = doc.index.line_bytes(row)
        if numbered:
            out.write(f"{row + 1}:".encode())
        out.write(data + b"\n")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        query = filter_lang.parse(args.query)
    except UserError as exc:
        print(f"The filter is not understood: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cre-desk-filter-") as tmp:
        try:
            opened = sources.open_log_file(args.file, Path(tmp) / "open")
        except (UserError, OSError) as exc:
            print(f"{args.file}: {exc}", file=sys.stderr)
            return 2
        if not opened.logs:
            reasons = "; ".join(r.reason for r in opened.rejected) or "no log inside"
            print(f"{args.file}: {reasons}", file=sys.stderr)
            return 2
        log = opened.logs[0]
        doc = LogDocument(log.path, name=log.name, fmt=args.format, work_dir=Path(tmp) / "utf8")
        try:
            if args.count and doc.encoding == "utf-8":
                counted = filtering.count_unindexed(doc.index.buffer(), doc.format, doc.index.newline, query)
                if counted is not None:
                    print(counted)
                    return 0 if counted else 1
            doc.build()
            rows = filtering.filter_lines(doc, query, now=newest_time(doc))
            if rows is None:
                rows = np.arange(len(doc))
            if args.count:
                print(len(rows))
            elif args.output == "json":
                json.dump({"file": str(args.file), "query": args.query, "count": int(len(rows)),
                           "lines": [{"line": r + 1, "text": doc.line_text(r)} for r in rows[:100_000].tolist()]},
                          sys.stdout, ensure_ascii=False)
                sys.stdout.write("\n")
            else:
                _write_lines(doc, rows, numbered=args.output == "numbered")
        finally:
            doc.close()
    return 0 if len(rows) else 1
