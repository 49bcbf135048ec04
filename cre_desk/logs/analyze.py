"""``cre-desk analyze FILE... [--json] [--baseline NAME]``: the log engine without the window.

Archives are opened the same safe way as in the app (each log inside becomes its own result).
Exit status: 0 when every file was analysed, 1 when any could not be read, 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from cre_desk.errors import UserError
from cre_desk.logs import analysis, baselines, sources
from cre_desk.logs.document import LogDocument


def _parser() -> argparse.ArgumentParser:
    names = ", ".join(sorted(baselines.load_baselines()))
    parser = argparse.ArgumentParser(prog="cre-desk analyze",
                                     description="Analyse SDK log files: format, facts, findings, suspected areas.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="log files, .gz or .zip")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--baseline", metavar="NAME", help=f"compare with a known-good log ({names})")
    parser.add_argument("--format", metavar="FORMAT", help="override the detected format")
    parser.add_argument("--symptom", choices=["iam_not_shown", "push_not_delivered", "events_not_recorded"],
                        help="report missing healthy lines that matter for this symptom")
    return parser


def _text_report(result: analysis.Analysis) -> str:
    out = [f"{result.name}: {result.format_label}, {result.lines:,} lines, {result.entries:,} entries"
           + (f", {result.unparsed:,} unparsed" if result.unparsed and result.format != "generic" else "")]
    for name, values in result.facts.items():
        out.append(f"  {name}: {', '.join(values)}")
    for finding in result.findings:
        where = "never seen" if finding.missing else f"line {finding.line_nos[0] + 1}" + (
            f" (+{finding.count - 1} more)" if finding.count > 1 else "")
        out.append(f"  [{finding.polarity:>4}] {finding.rule_id} area {finding.area or '-'}: {finding.title} — {where}")
    if result.platform:
        out.insert(1, f"  platform: {result.platform}")
    if result.suspected_areas:
        ranked = ", ".join(f"{a['area']} ({a['score']:g}, {a.get('confidence', '')})" for a in result.suspected_areas)
        out.append(f"  suspected areas: {ranked}")
        for why in result.suspected_areas[0].get("why", [])[:3]:
            out.append(f"    why {result.suspected_areas[0]['area']}: {why}")
    if result.advice:
        out.append(f"  {result.advice['en']}")
        for step in result.advice.get("steps", [])[:2]:
            out.append(f"    {step['vendor'] or 'any SDK'} on {step['platform']}: {step['en']}")
    if result.baseline:
        first = result.baseline["first_missing"]
        out.append(f"  baseline {result.baseline['name']}: " + (
            f"first missing milestone '{first['title']['en']}' (area {first['area']})" if first else "all milestones seen"))
    out.extend(f"  note: {n}" for n in result.notices)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.baseline and args.baseline not in baselines.load_baselines():
        print(f"Unknown baseline {args.baseline!r}.", file=sys.stderr)
        return 2
    results: list[dict] = []
    errors: list[dict] = []
    exit_code = 0
    with tempfile.TemporaryDirectory(prefix="cre-desk-analyze-") as tmp:
        for number, path in enumerate(args.files):
            try:
                opened = sources.open_log_file(path, Path(tmp) / str(number))
            except (UserError, OSError) as exc:
                errors.append({"file": str(path), "error": str(exc)})
                exit_code = 1
                continue
            for rejected in opened.rejected:
                errors.append({"file": f"{path} › {rejected.name}", "error": rejected.reason})
            for log in opened.logs:
                doc = LogDocument(log.path, name=log.name, fmt=args.format, work_dir=Path(tmp) / "utf8")
                try:
                    result = analysis.analyze(doc, baseline=args.baseline, symptom=args.symptom)
                    result.notices.extend(opened.notices)
                finally:
                    doc.close()
                results.append(result.to_json() if args.json else {"text": _text_report(result)})
    if args.json:
        json.dump({"logs": results, "errors": errors}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for item in results:
            print(item["text"])
        for item in errors:
            print(f"{item['file']}: {item['error']}", file=sys.stderr)
    return exit_code
